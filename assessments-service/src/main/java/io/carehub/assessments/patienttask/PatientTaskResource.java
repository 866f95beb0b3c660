package io.carehub.assessments.patienttask;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.carehub.commons.collection.CollectionEndpoints;
import io.carehub.commons.export.CsvExport;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Patient tasks (API.md §4): Get, Find (filter {@code user_id}; {@code include_deleted}), Create and Delete. Delete
 * is soft: the task is gone from Get and Find, shown by Find with {@code include_deleted=true} as deleted.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "patient_tasks")
public class PatientTaskResource {

    private final CollectionEndpoints<PatientTask, PatientTaskView> endpoints;

    public PatientTaskResource(PatientTaskService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.withDeletes(PatientTaskFields.COLLECTION, service, PatientTaskView::of,
                PatientTaskView::withDeleted, PatientTaskFields.SCHEMA, PatientTaskFields.FILTERS, caller, urls);
    }

    @GET
    @Path("patient_tasks/{id}")
    @RolesAllowed({ Scopes.ALL, "patient_tasks.read" })
    @Operation(summary = "Get a patient task (404 once deleted)")
    public Uni<Data<PatientTaskView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("patient_tasks")
    @RolesAllowed({ Scopes.ALL, "patient_tasks.read" })
    @Operation(summary = "Find patient tasks (filter user_id), paged by updated_at; include_deleted=true also shows the"
            + " deleted ones, every task then with its deleted flag")
    public Uni<FindResponse<PatientTaskView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("patient_tasks/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "patient_tasks.read" })
    @Operation(summary = "Find patient tasks, the parameters in the body (JSON or form)")
    public Uni<FindResponse<PatientTaskView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("patient_tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "patient_tasks.write" })
    @Operation(summary = "Create a task about a patient (user_id): task_type, dismissed (true, false or null)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @DELETE
    @Path("patient_tasks/{id}")
    @RolesAllowed({ Scopes.ALL, "patient_tasks.write" })
    @Operation(summary = "Delete a patient task: 200 with the task as it was (its updated_at that of the deletion);"
            + " then 404 on Get and on a second Delete, and shown only by Find with include_deleted=true")
    public Uni<Data<Object>> delete(@PathParam("id") String id) {
        return endpoints.delete(id);
    }

    @GET
    @Path("exports/patient_tasks")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "patient_tasks.read" })
    @Operation(summary = "Every patient task of the tenant as CSV, streamed, with a deleted column (optional page[from],"
            + " page[to], user_id; include_deleted=true also exports the deleted ones)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, PatientTaskFields.COLUMNS, PatientTaskFields::row);
    }
}
