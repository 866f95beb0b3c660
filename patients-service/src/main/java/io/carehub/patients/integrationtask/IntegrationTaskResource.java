package io.carehub.patients.integrationtask;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * Integration tasks (API.md §4): Get and Find (filters {@code user_id}, {@code status}, {@code job_id});
 * Create and Update are admin (the platform operator's integrations).
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "integration_tasks")
public class IntegrationTaskResource {

    private final CollectionEndpoints<IntegrationTask, IntegrationTaskView> endpoints;

    public IntegrationTaskResource(IntegrationTaskService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(IntegrationTaskFields.COLLECTION, service, IntegrationTaskView::of,
                IntegrationTaskFields.SCHEMA, IntegrationTaskFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("integration_tasks/{id}")
    @RolesAllowed({ Scopes.ALL, "integration_tasks.read" })
    @Operation(summary = "Get an integration task")
    public Uni<Data<IntegrationTaskView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("integration_tasks")
    @RolesAllowed({ Scopes.ALL, "integration_tasks.read" })
    @Operation(summary = "Find integration tasks (filters user_id, status, job_id), paged by updated_at")
    public Uni<FindResponse<IntegrationTaskView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("integration_tasks/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "integration_tasks.read" })
    @Operation(summary = "Find integration tasks, the parameters in the body (JSON or form)")
    public Uni<FindResponse<IntegrationTaskView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("integration_tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create an integration task (admin)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("integration_tasks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update an integration task (admin); fields left out keep their value, user_id cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/integration_tasks")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "integration_tasks.read" })
    @Operation(summary = "Every integration task of the tenant as CSV, lists as JSON text, streamed (optional"
            + " page[from], page[to] and the Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, IntegrationTaskFields.COLUMNS, IntegrationTaskFields::row);
    }
}
