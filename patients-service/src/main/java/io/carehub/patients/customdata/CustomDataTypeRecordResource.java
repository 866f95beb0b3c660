package io.carehub.patients.customdata;

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
import io.carehub.commons.export.CsvExport;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Custom data type records (API.md §4): Get, Find (filters {@code user_id}, {@code type_name}), Create, Update and
 * Delete, each about a patient ({@code user_id}). A {@code type_name} that a custom data type definition names is
 * checked against it (API-CORE.md §C6, errors at {@code .body.<field>}); any other keeps v1's free JSON.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "custom_data_type_records")
public class CustomDataTypeRecordResource {

    private final CollectionEndpoints<CustomDataTypeRecord, CustomDataTypeRecordView> endpoints;

    public CustomDataTypeRecordResource(CustomDataTypeRecordService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.withDeletes(CustomDataTypeRecordFields.COLLECTION, service,
                CustomDataTypeRecordView::of, CustomDataTypeRecordView::withDeleted, CustomDataTypeRecordFields.SCHEMA,
                CustomDataTypeRecordFields.FILTERS, caller, urls);
    }

    @GET
    @Path("custom_data_type_records/{id}")
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.read" })
    @Operation(summary = "Get a custom data type record")
    public Uni<Data<CustomDataTypeRecordView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("custom_data_type_records")
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.read" })
    @Operation(summary = "Find custom data type records (filters user_id, type_name), paged by updated_at")
    public Uni<FindResponse<CustomDataTypeRecordView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("custom_data_type_records/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.read" })
    @Operation(summary = "Find custom data type records, the parameters in the body (JSON or form)")
    public Uni<FindResponse<CustomDataTypeRecordView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("custom_data_type_records")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.write" })
    @Operation(summary = "Create a custom data type record about a patient (user_id); the body of a defined type is"
            + " checked against its current version")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("custom_data_type_records/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.write" })
    @Operation(summary = "Update a custom data type record; fields left out keep their value, body is replaced whole,"
            + " user_id cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @DELETE
    @Path("custom_data_type_records/{id}")
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.write" })
    @Operation(summary = "Delete a custom data type record: 200 with the record as it was (its updated_at that of the"
            + " deletion); then 404 on Get and on a second Delete, and shown only by Find with include_deleted=true")
    public Uni<Data<Object>> delete(@PathParam("id") String id) {
        return endpoints.delete(id);
    }

    @GET
    @Path("exports/custom_data_type_records")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.read" })
    @Operation(summary = "Every custom data type record of the tenant as CSV, body as JSON text, streamed (optional"
            + " page[from], page[to], include_deleted and the Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, CustomDataTypeRecordFields.COLUMNS, CustomDataTypeRecordFields::row);
    }
}
