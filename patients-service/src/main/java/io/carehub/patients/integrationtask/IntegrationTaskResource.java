package io.carehub.patients.integrationtask;

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

import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.carehub.patients.web.PathIds;
import io.smallrye.mutiny.Uni;

@Path("/v1/integration_tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "integration_tasks")
public class IntegrationTaskResource {

    private final IntegrationTaskService service;
    private final Caller caller;
    private final PublicUrls urls;

    public IntegrationTaskResource(IntegrationTaskService service, Caller caller, PublicUrls urls) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Scopes.ALL, "integration_tasks.read" })
    @Operation(summary = "Get an integration task")
    public Uni<Data<IntegrationTaskView>> get(@PathParam("id") String id) {
        return service.get(caller.tenant(), PathIds.guid(id)).map(t -> Data.of(IntegrationTaskView.of(t)));
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "integration_tasks.read" })
    @Operation(summary = "Find integration tasks (filters user_id, status, job_id), paged by updated_at")
    public Uni<FindResponse<IntegrationTaskView>> find(@Context UriInfo uriInfo) {
        return find(FindParameters.fromQuery(uriInfo.getQueryParameters(), IntegrationTaskFields.FILTERS, false),
                uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "integration_tasks.read" })
    @Operation(summary = "Find integration tasks, the parameters in the body (JSON or form)")
    public Uni<FindResponse<IntegrationTaskView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return find(FindParameters.fromBody(body, contentType, IntegrationTaskFields.FILTERS, false), uriInfo);
    }

    private Uni<FindResponse<IntegrationTaskView>> find(FindParameters find, UriInfo uriInfo) {
        return service.find(caller.tenant(), find).map(page -> FindResponse.of(page.map(IntegrationTaskView::of), find,
                urls.collection(uriInfo, IntegrationTaskFields.COLLECTION)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create an integration task (admin)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        var fields = IntegrationTaskFields.SCHEMA.create(JsonBodies.object(body));
        return service.create(caller.tenant(), fields).map(t -> Response.ok(Data.of(visible(t)))
                .location(URI.create(urls.collection(uriInfo, IntegrationTaskFields.COLLECTION) + "/" + t.id)).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update an integration task (admin); fields left out keep their value, user_id cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        UUID taskId = PathIds.guid(id);
        var fields = IntegrationTaskFields.SCHEMA.update(JsonBodies.object(body));
        return service.update(caller.tenant(), taskId, fields).map(t -> Data.of(visible(t)));
    }

    private Object visible(IntegrationTask t) {
        return caller.visible(IntegrationTaskFields.COLLECTION, IntegrationTaskView.of(t), t.id.toString());
    }
}
