package io.carehub.notifier.client;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/**
 * {@code /v1/api_clients} (API.md §1, §4), scope {@code admin} or {@code operator}.
 * <p>
 * Tenancy ({@link ApiClientAccess}): {@code admin} acts only within the caller's tenant, like every other
 * collection (another tenant's client is {@code 404}); {@code operator}, the platform operator's, reaches
 * every tenant (that is how a tenant's first client comes to exist): its Find takes a {@code tenant} filter
 * to look at one, and its Create may name another {@code tenant}. Create defaults to the caller's tenant.
 * <p>
 * A client's secret is shown once, in the answer to Create or rotate_secret (never stored in clear,
 * never shown again); those answers carry {@code Cache-Control: no-store}.
 */
// A client that goes away does not cut the work short: a write and its session finish.
@Cancellable(false)
@Path("/v1/api_clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Scopes.ADMIN, Scopes.OPERATOR })
@Tag(name = "api_clients")
public class ApiClientResource {

    private final ApiClientService service;
    private final Caller caller;
    private final PublicUrls urls;

    public ApiClientResource(ApiClientService service, Caller caller, PublicUrls urls) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an API client (admin: the caller's tenant; operator: any)")
    public Uni<Data<ApiClientView>> get(@PathParam("id") String id) {
        return service.get(ApiClientAccess.of(caller), guid(id)).map(c -> Data.of(ApiClientView.of(c)));
    }

    @GET
    @Operation(summary = "Find API clients (admin: the caller's tenant; operator: every tenant), paged by updated_at"
            + " (filters tenant, client_id; include_deleted)")
    public Uni<FindResponse<ApiClientView>> find(@Context UriInfo uriInfo) {
        return find(FindParameters.fromQuery(uriInfo.getQueryParameters(), ApiClientFields.FILTERS, true), uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @Operation(summary = "Find API clients, the parameters in the body (JSON or form)")
    public Uni<FindResponse<ApiClientView>> findByPost(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uriInfo) {
        return find(FindParameters.fromBody(body, contentType, ApiClientFields.FILTERS, true), uriInfo);
    }

    private Uni<FindResponse<ApiClientView>> find(FindParameters find, UriInfo uriInfo) {
        return service.find(ApiClientAccess.of(caller), find).map(page -> FindResponse.of(
                page.map(find.includeDeleted() ? ApiClientView::withDeleted : ApiClientView::of), find,
                urls.collection(uriInfo, ApiClientFields.COLLECTION)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API client (admin; operator for another tenant or the operator scope);"
            + " the answer holds its client_secret, shown this once")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        var fields = ApiClientFields.CREATE.create(JsonBodies.object(body));
        String tenant = fields.has("tenant") ? fields.string("tenant") : caller.tenant();
        return service.create(ApiClientAccess.of(caller), tenant, fields).map(created -> secretResponse(created)
                .location(URI.create(urls.collection(uriInfo, ApiClientFields.COLLECTION) + "/" + created.client().id))
                .build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update an API client's name, scopes, environments or disabled (admin)")
    public Uni<Data<ApiClientView>> update(@PathParam("id") String id, String body) {
        UUID clientId = guid(id);
        var fields = ApiClientFields.UPDATE.update(JsonBodies.object(body));
        return service.update(ApiClientAccess.of(caller), clientId, fields).map(c -> Data.of(ApiClientView.of(c)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an API client (admin); it can no longer get access tokens")
    public Uni<Data<ApiClientView>> delete(@PathParam("id") String id) {
        return service.delete(ApiClientAccess.of(caller), guid(id)).map(c -> Data.of(ApiClientView.of(c)));
    }

    @POST
    @Path("{id}/rotate_secret")
    @Operation(summary = "Give an API client a new client_secret, shown this once; the old one stops working (admin)")
    public Uni<Response> rotateSecret(@PathParam("id") String id) {
        return service.rotateSecret(ApiClientAccess.of(caller), guid(id)).map(rotated -> secretResponse(rotated).build());
    }

    private static Response.ResponseBuilder secretResponse(ApiClientService.WithSecret withSecret) {
        return Response.ok(Data.of(ApiClientView.withSecret(withSecret.client(), withSecret.secret())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static UUID guid(String id) {
        UUID uuid = Types.parseGuid(id);
        if (uuid == null) {
            throw ApiException.notFound();
        }
        return uuid;
    }
}
