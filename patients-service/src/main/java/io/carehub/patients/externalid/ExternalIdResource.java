package io.carehub.patients.externalid;

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

@Path("/v1/external_ids")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "external_ids")
public class ExternalIdResource {

    private final ExternalIdService service;
    private final Caller caller;
    private final PublicUrls urls;

    public ExternalIdResource(ExternalIdService service, Caller caller, PublicUrls urls) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Scopes.ALL, "external_ids.read" })
    @Operation(summary = "Get an external id")
    public Uni<Data<ExternalIdView>> get(@PathParam("id") String id) {
        return service.get(caller.tenant(), PathIds.guid(id)).map(e -> Data.of(ExternalIdView.of(e)));
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "external_ids.read" })
    @Operation(summary = "Find external ids (filters resource, namespace, external_id, welkin_id), paged by updated_at")
    public Uni<FindResponse<ExternalIdView>> find(@Context UriInfo uriInfo) {
        return find(FindParameters.fromQuery(uriInfo.getQueryParameters(), ExternalIdFields.FILTERS, false), uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "external_ids.read" })
    @Operation(summary = "Find external ids, the parameters in the body (JSON or form)")
    public Uni<FindResponse<ExternalIdView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return find(FindParameters.fromBody(body, contentType, ExternalIdFields.FILTERS, false), uriInfo);
    }

    private Uni<FindResponse<ExternalIdView>> find(FindParameters find, UriInfo uriInfo) {
        return service.find(caller.tenant(), find).map(page -> FindResponse.of(page.map(ExternalIdView::of), find,
                urls.collection(uriInfo, ExternalIdFields.COLLECTION)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "external_ids.write" })
    @Operation(summary = "Create an external id; a duplicate (namespace, resource, external_id) is a"
            + " uniqueness_exception")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        var fields = ExternalIdFields.SCHEMA.create(JsonBodies.object(body));
        return service.create(caller.tenant(), fields).map(e -> Response.ok(Data.of(visible(e)))
                .location(URI.create(urls.collection(uriInfo, ExternalIdFields.COLLECTION) + "/" + e.id)).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "external_ids.write" })
    @Operation(summary = "Update an external id; fields left out keep their value")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        UUID recordId = PathIds.guid(id);
        var fields = ExternalIdFields.SCHEMA.update(JsonBodies.object(body));
        return service.update(caller.tenant(), recordId, fields).map(e -> Data.of(visible(e)));
    }

    private Object visible(ExternalId e) {
        return caller.visible(ExternalIdFields.COLLECTION, ExternalIdView.of(e), e.id.toString());
    }
}
