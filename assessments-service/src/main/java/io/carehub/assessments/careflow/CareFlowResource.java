package io.carehub.assessments.careflow;

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
 * Care flows (API.md §4): Get, Find (filter {@code user_id}); Create and Update are admin. A patient's care plan:
 * diagnosis, goals and the interventions of workers towards each, checked to that shape.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "care_flows")
public class CareFlowResource {

    private final CollectionEndpoints<CareFlow, CareFlowView> endpoints;

    public CareFlowResource(CareFlowService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(CareFlowFields.COLLECTION, service, CareFlowView::of, CareFlowFields.SCHEMA,
                CareFlowFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("care_flows/{id}")
    @RolesAllowed({ Scopes.ALL, "care_flows.read" })
    @Operation(summary = "Get a care flow")
    public Uni<Data<CareFlowView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("care_flows")
    @RolesAllowed({ Scopes.ALL, "care_flows.read" })
    @Operation(summary = "Find care flows (filter user_id), paged by updated_at")
    public Uni<FindResponse<CareFlowView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("care_flows/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "care_flows.read" })
    @Operation(summary = "Find care flows, the parameters in the body (JSON or form)")
    public Uni<FindResponse<CareFlowView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("care_flows")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create a care flow of a patient (user_id) (admin): care_flow {description, diagnosis, goals:"
            + " [{title, interventions: [{title, reminder_date, completed_at, completed_by_worker_id, worker_id,"
            + " instructions}]}]}, the worker ids naming workers of the tenant")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("care_flows/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update a care flow (admin): care_flow is replaced whole; user_id cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/care_flows")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "care_flows.read" })
    @Operation(summary = "Every care flow of the tenant as CSV, care_flow as JSON text, streamed (optional page[from],"
            + " page[to], user_id)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, CareFlowFields.COLUMNS, CareFlowFields::row);
    }
}
