package io.carehub.notifier.role;

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

import io.carehub.commons.collection.CollectionEndpoints;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Uni;

/**
 * Roles (API-CORE.md §C9), scope {@code admin} (within the caller's tenant): Get, Find (filter
 * {@code name}; {@code include_deleted}), Create, Update, Delete.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1/roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "roles")
public class RoleResource {

    private final CollectionEndpoints<Role, RoleView> endpoints;

    public RoleResource(RoleService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.withDeletes(RoleFields.COLLECTION, service, RoleView::of,
                RoleView::withDeleted, RoleFields.SCHEMA, RoleFields.FILTERS, caller, urls);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Get a role")
    public Uni<Data<RoleView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Find roles (filter name; include_deleted), paged by updated_at")
    public Uni<FindResponse<RoleView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Find roles, the parameters in the body (JSON or form)")
    public Uni<FindResponse<RoleView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create a role (admin): it grants the union of its policies (each a live policy of the tenant)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update a role (admin): its policies are replaced whole; every service applies them within"
            + " seconds, with no new token")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Delete a role (admin): a token that names it is granted nothing by it")
    public Uni<Data<Object>> delete(@PathParam("id") String id) {
        return endpoints.delete(id);
    }
}
