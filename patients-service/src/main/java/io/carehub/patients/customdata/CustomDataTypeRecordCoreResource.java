package io.carehub.patients.customdata;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.carehub.commons.access.Access;
import io.carehub.commons.access.AccessControl;
import io.carehub.commons.collection.CoreEndpoints;
import io.carehub.commons.collection.CollectionEndpoints;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListParameters;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.web.IdOnly;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Uni;

/**
 * Custom data type records on the core face (API-CORE.md §C6):
 * {@code /v1/{tenant}/patients/{patientId}/cdts/{cdtName}[/{recordId}]}. Bodies are flat {@code {fieldName: value}},
 * checked against the type's definition (errors at {@code .fieldName}); an unknown patient, type or record is
 * {@code 404}. The same records as v1's {@code custom_data_type_records}, through the same service.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1/{tenant}/patients/{patientId}/cdts/{cdtName}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "custom_data_type_records (core face)")
public class CustomDataTypeRecordCoreResource {

    static final String FLAT_BODY = "The record's fields, flat ({fieldName: value}), as the custom data type's definition"
            + " (GET /v1/custom_data_types?name=...) says: each of its type, required ones present, a select's value one of"
            + " its options, numbers and text lengths within min and max; any other member is refused.";
    private static final String COLLECTION = CustomDataTypeRecordFields.COLLECTION;

    private final CustomDataTypeRecordService service;
    private final Caller caller;
    private final PublicUrls urls;
    private final AccessControl control;

    public CustomDataTypeRecordCoreResource(CustomDataTypeRecordService service, Caller caller, PublicUrls urls,
            AccessControl control) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
        this.control = control;
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.read" })
    @Operation(summary = "List a patient's records of a custom data type (core face): page, size, sort (createdAt,"
            + " updatedAt)")
    public Uni<ListPage<CustomDataTypeRecordCoreView>> list(@PathParam("tenant") String tenant,
            @PathParam("patientId") String patientId, @PathParam("cdtName") String cdtName,
            @QueryParam("environment") String environment, @Context UriInfo uriInfo) {
        Partition partition = caller.corePartition(tenant, environment);
        ListParameters list = ListParameters.fromQuery(uriInfo.getQueryParameters(), List.of(), Map.of());
        UUID patient = CollectionEndpoints.guid(patientId);
        return control.require(AccessControl.cdt(cdtName), Access.Operation.READ).chain(access -> service
                .listOf(partition, patient, cdtName, list).map(page -> page.map(r -> shown(access, r))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.write" })
    @Operation(summary = "Create a record of a custom data type about a patient (core face): the flat body checked"
            + " against the type's current version; 201 with Location; a single type's second record is"
            + " 400 uniqueness_exception")
    public Uni<Response> create(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("cdtName") String cdtName, @QueryParam("environment") String environment,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = FLAT_BODY))) String body,
            @Context UriInfo uriInfo) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        var fields = JsonBodies.object(body);
        return writable(cdtName, Access.Operation.CREATE, fields).chain(access -> service.createFor(partition, patient,
                cdtName, fields)
                .map(r -> Response.status(Response.Status.CREATED).entity(visible(access, r))
                        .location(URI.create(urls.base(uriInfo) + "/v1/" + tenant + "/patients/" + r.userId + "/cdts/"
                                + r.typeName + "/" + r.id))
                        .build()));
    }

    @GET
    @Path("{recordId}")
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.read" })
    @Operation(summary = "Get a record of a custom data type (core face)")
    public Uni<CustomDataTypeRecordCoreView> get(@PathParam("tenant") String tenant,
            @PathParam("patientId") String patientId, @PathParam("cdtName") String cdtName,
            @PathParam("recordId") String recordId, @QueryParam("environment") String environment) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        UUID id = CollectionEndpoints.guid(recordId);
        return control.require(AccessControl.cdt(cdtName), Access.Operation.READ).chain(access -> service
                .getFor(partition, patient, cdtName, id).map(r -> shown(access, r)));
    }

    @PATCH
    @Path("{recordId}")
    @Consumes({ CoreEndpoints.MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.write" })
    @Operation(summary = "Update a record of a custom data type (core face) by JSON merge patch: members left out keep"
            + " their value, null clears; the result checked against the type's current version")
    public Uni<Object> patch(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("cdtName") String cdtName, @PathParam("recordId") String recordId,
            @QueryParam("environment") String environment,
            @RequestBody(content = { @Content(mediaType = CoreEndpoints.MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT,
                    description = FLAT_BODY)), @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                            type = SchemaType.OBJECT, description = FLAT_BODY)) }) String body) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        UUID id = CollectionEndpoints.guid(recordId);
        var patch = JsonBodies.object(body);
        return writable(cdtName, Access.Operation.UPDATE, patch).chain(access -> service.patchFor(partition, patient, cdtName,
                id, patch).map(r -> visible(access, r)));
    }

    @DELETE
    @Path("{recordId}")
    @RolesAllowed({ Scopes.ALL, "custom_data_type_records.write" })
    @Operation(summary = "Delete a record of a custom data type (core face): 204; soft, as on the v1 face")
    public Uni<Response> delete(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("cdtName") String cdtName, @PathParam("recordId") String recordId,
            @QueryParam("environment") String environment) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        UUID id = CollectionEndpoints.guid(recordId);
        return control.require(AccessControl.cdt(cdtName), Access.Operation.DELETE).chain(() -> service
                .deleteFor(partition, patient, cdtName, id)).map(r -> Response.noContent().build());
    }

    /** What the roles allow of the type's records ({@code cdt:<name>}), each field the body names writable. */
    private Uni<Access> writable(String cdtName, Access.Operation operation, JsonNode body) {
        List<String> named = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(named::add);
        return control.requireWritable(AccessControl.cdt(cdtName), operation, named, UnaryOperator.identity());
    }

    /**
     * The record as the roles let it be read: a {@code cdt:<name>} rule names the type's own fields, which it filters
     * and masks; the record's other members (its id, patient, type, version and times) come with leave to read it.
     */
    private CustomDataTypeRecordCoreView shown(Access access, CustomDataTypeRecord r) {
        CustomDataTypeRecordCoreView view = CustomDataTypeRecordCoreView.of(r);
        if (!access.restricted()) {
            return view;
        }
        JsonNode fields = r.body == null ? null : JsonBodies.object(r.body);
        String shownFields = fields instanceof ObjectNode object ? access.view(AccessControl.cdt(r.typeName), object)
                .toString() : "{}";
        return new CustomDataTypeRecordCoreView(view.id(), view.patientId(), view.cdtName(), view.version(), shownFields,
                view.createdAt(), view.updatedAt());
    }

    private Object visible(Access access, CustomDataTypeRecord r) {
        return caller.canRead(COLLECTION) && access.allows(AccessControl.cdt(r.typeName), Access.Operation.READ)
                ? shown(access, r) : new IdOnly(r.id.toString());
    }
}
