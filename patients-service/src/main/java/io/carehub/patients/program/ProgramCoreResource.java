package io.carehub.patients.program;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.carehub.commons.collection.CoreEndpoints;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Uni;

/**
 * Program definitions on the core face (API-CORE.md §C7): {@code /v1/{tenant}/programs}, the same programs and service
 * as the v1 face; Create and PATCH are admin.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "programs (core face)")
public class ProgramCoreResource {

    private final CoreEndpoints<Program, ProgramCoreView> endpoints;

    public ProgramCoreResource(ProgramService service, Caller caller, PublicUrls urls) {
        this.endpoints = new CoreEndpoints<>(ProgramFields.COLLECTION, service, ProgramCoreView::of,
                ProgramFields.CORE_NAMES, ProgramFields.SCHEMA, ProgramFields.FILTERS,
                ProgramFields.CORE_SORTABLE, caller, urls);
    }

    @GET
    @Path("{tenant}/programs")
    @RolesAllowed({ Scopes.ALL, "programs.read" })
    @Operation(summary = "List programs (core face): page, size, sort (createdAt, updatedAt, name),"
            + " filter name")
    public Uni<ListPage<ProgramCoreView>> list(@PathParam("tenant") String tenant,
            @QueryParam("environment") String environment, @Context UriInfo uriInfo) {
        return endpoints.list(tenant, environment, uriInfo);
    }

    @GET
    @Path("{tenant}/programs/{id}")
    @RolesAllowed({ Scopes.ALL, "programs.read" })
    @Operation(summary = "Get a program (core face)")
    public Uni<ProgramCoreView> get(@PathParam("tenant") String tenant, @PathParam("id") String id,
            @QueryParam("environment") String environment) {
        return endpoints.get(tenant, environment, id);
    }

    @POST
    @Path("{tenant}/programs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create a program (core face, admin): 201 with Location")
    public Uni<Response> create(@PathParam("tenant") String tenant, @QueryParam("environment") String environment,
            String body, @Context UriInfo uriInfo) {
        return endpoints.create(tenant, environment, body, uriInfo);
    }

    @PATCH
    @Path("{tenant}/programs/{id}")
    @Consumes({ CoreEndpoints.MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update a program (core face, admin) by JSON merge patch; phases are replaced whole")
    public Uni<Object> patch(@PathParam("tenant") String tenant, @PathParam("id") String id,
            @QueryParam("environment") String environment, String body) {
        return endpoints.patch(tenant, environment, id, body);
    }
}
