package io.carehub.patients.customdatatype;

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
 * Custom data type definitions on the core face (API-CORE.md §C6): {@code /v1/{tenant}/custom_data_types}, the same
 * definitions and service as the v1 face; Create and PATCH are admin.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "custom_data_types (core face)")
public class CustomDataTypeCoreResource {

    private final CoreEndpoints<CustomDataType, CustomDataTypeCoreView> endpoints;

    public CustomDataTypeCoreResource(CustomDataTypeService service, Caller caller, PublicUrls urls) {
        this.endpoints = new CoreEndpoints<>(CustomDataTypeFields.COLLECTION, service, CustomDataTypeCoreView::of,
                CustomDataTypeFields.CORE_NAMES, CustomDataTypeFields.SCHEMA, CustomDataTypeFields.CORE_FILTERS,
                CustomDataTypeFields.CORE_SORTABLE, caller, urls);
    }

    @GET
    @Path("{tenant}/custom_data_types")
    @RolesAllowed({ Scopes.ALL, "custom_data_types.read" })
    @Operation(summary = "List custom data type definitions (core face): page, size, sort (createdAt, updatedAt, name),"
            + " filter name")
    public Uni<ListPage<CustomDataTypeCoreView>> list(@PathParam("tenant") String tenant,
            @QueryParam("environment") String environment, @Context UriInfo uriInfo) {
        return endpoints.list(tenant, environment, uriInfo);
    }

    @GET
    @Path("{tenant}/custom_data_types/{id}")
    @RolesAllowed({ Scopes.ALL, "custom_data_types.read" })
    @Operation(summary = "Get a custom data type definition (core face)")
    public Uni<CustomDataTypeCoreView> get(@PathParam("tenant") String tenant, @PathParam("id") String id,
            @QueryParam("environment") String environment) {
        return endpoints.get(tenant, environment, id);
    }

    @POST
    @Path("{tenant}/custom_data_types")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create a custom data type definition (core face, admin): 201 with Location, version 1")
    public Uni<Response> create(@PathParam("tenant") String tenant, @QueryParam("environment") String environment,
            String body, @Context UriInfo uriInfo) {
        return endpoints.create(tenant, environment, body, uriInfo);
    }

    @PATCH
    @Path("{tenant}/custom_data_types/{id}")
    @Consumes({ CoreEndpoints.MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update a custom data type definition (core face, admin) by JSON merge patch; new fields make a"
            + " new version")
    public Uni<Object> patch(@PathParam("tenant") String tenant, @PathParam("id") String id,
            @QueryParam("environment") String environment, String body) {
        return endpoints.patch(tenant, environment, id, body);
    }
}
