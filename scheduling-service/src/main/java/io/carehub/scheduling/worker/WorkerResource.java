package io.carehub.scheduling.worker;

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

/** Workers (API.md §4): Get, Find; Create and Update are admin. Creating a worker creates its calendar. */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "workers")
public class WorkerResource {

    private final CollectionEndpoints<Worker, WorkerView> endpoints;

    public WorkerResource(WorkerService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(WorkerFields.COLLECTION, service, WorkerView::of, WorkerFields.SCHEMA,
                WorkerFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("workers/{id}")
    @RolesAllowed({ Scopes.ALL, "workers.read" })
    @Operation(summary = "Get a worker")
    public Uni<Data<WorkerView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("workers")
    @RolesAllowed({ Scopes.ALL, "workers.read" })
    @Operation(summary = "Find workers, paged by updated_at")
    public Uni<FindResponse<WorkerView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("workers/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "workers.read" })
    @Operation(summary = "Find workers, the parameters in the body (JSON or form)")
    public Uni<FindResponse<WorkerView>> findByPost(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("workers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create a worker and its calendar (admin)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("workers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update a worker (admin); fields left out keep their value")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/workers")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "workers.read" })
    @Operation(summary = "Every worker of the tenant as CSV, streamed (optional page[from], page[to])")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, WorkerFields.COLUMNS, WorkerFields::row);
    }
}
