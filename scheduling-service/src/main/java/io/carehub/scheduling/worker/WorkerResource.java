package io.carehub.scheduling.worker;

import java.net.URI;
import java.util.UUID;

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

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.validation.Types;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Uni;

@Path("/v1/workers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "workers")
public class WorkerResource {

    private final WorkerService service;
    private final Caller caller;
    private final PublicUrls urls;

    public WorkerResource(WorkerService service, Caller caller, PublicUrls urls) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Scopes.ALL, "workers.read" })
    @Operation(summary = "Get a worker")
    public Uni<Data<WorkerView>> get(@PathParam("id") String id) {
        return service.get(caller.tenant(), guid(id)).map(w -> Data.of(WorkerView.of(w)));
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "workers.read" })
    @Operation(summary = "Find workers, paged by updated_at")
    public Uni<FindResponse<WorkerView>> find(@Context UriInfo uriInfo) {
        return find(FindParameters.fromQuery(uriInfo.getQueryParameters(), WorkerFields.FILTERS, false), uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "workers.read" })
    @Operation(summary = "Find workers, the parameters in the body (JSON or form)")
    public Uni<FindResponse<WorkerView>> findByPost(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uriInfo) {
        return find(FindParameters.fromBody(body, contentType, WorkerFields.FILTERS, false), uriInfo);
    }

    private Uni<FindResponse<WorkerView>> find(FindParameters find, UriInfo uriInfo) {
        return service.find(caller.tenant(), find)
                .map(page -> FindResponse.of(page.map(WorkerView::of), find, urls.collection(uriInfo, WorkerFields.COLLECTION)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create a worker and its calendar (admin)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        var fields = WorkerFields.SCHEMA.create(JsonBodies.object(body));
        return service.create(caller.tenant(), fields).map(w -> Response.ok(Data.of(visible(w)))
                .location(URI.create(urls.collection(uriInfo, WorkerFields.COLLECTION) + "/" + w.id)).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update a worker (admin); fields left out keep their value")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        UUID workerId = guid(id);
        var fields = WorkerFields.SCHEMA.update(JsonBodies.object(body));
        return service.update(caller.tenant(), workerId, fields).map(w -> Data.of(visible(w)));
    }

    private Object visible(Worker w) {
        return caller.visible(WorkerFields.COLLECTION, WorkerView.of(w), w.id.toString());
    }

    static UUID guid(String id) {
        UUID uuid = Types.parseGuid(id);
        if (uuid == null) {
            throw ApiException.notFound();
        }
        return uuid;
    }
}
