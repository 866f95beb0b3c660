package io.carehub.patients.customdatatype;

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
 * Custom data type definitions on the v1 face (API-CORE.md §C6): Get, Find (filter {@code name}), export; Create and
 * Update are admin. The tenant's, shared by its environments.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "custom_data_types")
public class CustomDataTypeResource {

    private final CollectionEndpoints<CustomDataType, CustomDataTypeView> endpoints;

    public CustomDataTypeResource(CustomDataTypeService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(CustomDataTypeFields.COLLECTION, service, CustomDataTypeView::of,
                CustomDataTypeFields.SCHEMA, CustomDataTypeFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("custom_data_types/{id}")
    @RolesAllowed({ Scopes.ALL, "custom_data_types.read" })
    @Operation(summary = "Get a custom data type definition (its current version's fields)")
    public Uni<Data<CustomDataTypeView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("custom_data_types")
    @RolesAllowed({ Scopes.ALL, "custom_data_types.read" })
    @Operation(summary = "Find custom data type definitions (filter name), paged by updated_at")
    public Uni<FindResponse<CustomDataTypeView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("custom_data_types/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "custom_data_types.read" })
    @Operation(summary = "Find custom data type definitions, the parameters in the body (JSON or form)")
    public Uni<FindResponse<CustomDataTypeView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("custom_data_types")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create a custom data type definition (admin): version 1")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("custom_data_types/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update a custom data type definition (admin): fields left out keep their value; new fields"
            + " make a new version, records keep the version they were written with; name cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/custom_data_types")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "custom_data_types.read" })
    @Operation(summary = "Every custom data type definition of the tenant as CSV, fields as JSON text, streamed"
            + " (optional page[from], page[to] and the Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, CustomDataTypeFields.COLUMNS, CustomDataTypeFields::row);
    }
}
