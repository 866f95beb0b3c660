package io.carehub.notifier.policy;

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
 * Security policies (API-CORE.md §C9), scope {@code admin} (within the caller's tenant): Get, Find (filter
 * {@code name}; {@code include_deleted}), Create, Update, Delete.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1/security_policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "security_policies")
public class SecurityPolicyResource {

    private final CollectionEndpoints<SecurityPolicy, SecurityPolicyView> endpoints;

    public SecurityPolicyResource(SecurityPolicyService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.withDeletes(SecurityPolicyFields.COLLECTION, service, SecurityPolicyView::of,
                SecurityPolicyView::withDeleted, SecurityPolicyFields.SCHEMA, SecurityPolicyFields.FILTERS, caller, urls);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Get a security policy")
    public Uni<Data<SecurityPolicyView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Find security policies (filter name; include_deleted), paged by updated_at")
    public Uni<FindResponse<SecurityPolicyView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Find security policies, the parameters in the body (JSON or form)")
    public Uni<FindResponse<SecurityPolicyView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create a security policy (admin)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update a security policy (admin): its rules are replaced whole; every service applies them"
            + " within seconds, with no new token")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Delete a security policy (admin): the roles naming it no longer grant what it did")
    public Uni<Data<Object>> delete(@PathParam("id") String id) {
        return endpoints.delete(id);
    }
}
