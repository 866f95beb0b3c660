package io.carehub.patients.customdata;

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

@Path("/v1/custom_data_type_records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "custom_data_type_records")
public class CustomDataTypeRecordResource {

    private final CustomDataTypeRecordService service;
    private final Caller caller;
    private final PublicUrls urls;

    public CustomDataTypeRecordResource(CustomDataTypeRecordService service, Caller caller, PublicUrls urls) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.read" })
    @Operation(summary = "Get a custom data type record")
    public Uni<Data<CustomDataTypeRecordView>> get(@PathParam("id") String id) {
        return service.get(caller.tenant(), PathIds.guid(id)).map(r -> Data.of(CustomDataTypeRecordView.of(r)));
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.read" })
    @Operation(summary = "Find custom data type records (filters user_id, type_name), paged by updated_at")
    public Uni<FindResponse<CustomDataTypeRecordView>> find(@Context UriInfo uriInfo) {
        return find(FindParameters.fromQuery(uriInfo.getQueryParameters(), CustomDataTypeRecordFields.FILTERS, false),
                uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.read" })
    @Operation(summary = "Find custom data type records, the parameters in the body (JSON or form)")
    public Uni<FindResponse<CustomDataTypeRecordView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return find(FindParameters.fromBody(body, contentType, CustomDataTypeRecordFields.FILTERS, false), uriInfo);
    }

    private Uni<FindResponse<CustomDataTypeRecordView>> find(FindParameters find, UriInfo uriInfo) {
        return service.find(caller.tenant(), find).map(page -> FindResponse.of(page.map(CustomDataTypeRecordView::of),
                find,
                urls.collection(uriInfo, CustomDataTypeRecordFields.COLLECTION)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.write" })
    @Operation(summary = "Create a custom data type record about a patient (user_id)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        var fields = CustomDataTypeRecordFields.SCHEMA.create(JsonBodies.object(body));
        return service.create(caller.tenant(), fields).map(r -> Response.ok(Data.of(visible(r)))
                .location(URI.create(urls.collection(uriInfo, CustomDataTypeRecordFields.COLLECTION) + "/" + r.id))
                .build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.write" })
    @Operation(summary = "Update a custom data type record; fields left out keep their value, body is replaced whole,"
            + " user_id cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        UUID recordId = PathIds.guid(id);
        var fields = CustomDataTypeRecordFields.SCHEMA.update(JsonBodies.object(body));
        return service.update(caller.tenant(), recordId, fields).map(r -> Data.of(visible(r)));
    }

    private Object visible(CustomDataTypeRecord r) {
        return caller.visible(CustomDataTypeRecordFields.COLLECTION, CustomDataTypeRecordView.of(r), r.id.toString());
    }
}
