package io.carehub.assessments.encounter;

import java.net.URI;
import java.util.List;
import java.util.Locale;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.carehub.commons.access.Access;
import io.carehub.commons.access.AccessControl;
import io.carehub.commons.collection.CoreEndpoints;
import io.carehub.commons.collection.CollectionEndpoints;
import io.carehub.commons.collection.CoreNames;
import io.carehub.commons.openapi.ContractOpenApiFilter;
import io.carehub.commons.paging.Filter;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListParameters;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.FieldType;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.validation.Types;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Uni;

/**
 * A patient's encounters on the core face (API-CORE.md §C8): {@code /v1/{tenant}/patients/{patientId}/encounters}.
 * camelCase, the status in capitals ({@code OPEN}, {@code COMPLETED}, {@code DELETED}); the same encounters and service
 * as the v1 face. An unknown patient or encounter, or another patient's, is {@code 404}.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1/{tenant}/patients/{patientId}/encounters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "encounters (core face)")
public class EncounterCoreResource {

    /** A status as the core face names it ({@code OPEN}), read as stored ({@code open}). */
    private static final FieldType CORE_STATUS = Types.described((path, name, v, out) -> {
        Object s = Types.enumOf("OPEN", "COMPLETED").read(path, name, v, out);
        return s == null ? null : ((String) s).toLowerCase(Locale.ROOT);
    }, () -> Types.enumOf("OPEN", "COMPLETED").openApi());
    private static final List<Filter> FILTERS = List.of(Filter.of("status", CORE_STATUS, "status"));
    private static final Map<String, String> SORTABLE = Map.of("startTime", "startTime");
    private static final CoreNames NAMES = new CoreNames(EncounterFields.CORE_NAMES);

    private static final String COLLECTION = EncounterFields.COLLECTION;

    private final EncounterService service;
    private final Caller caller;
    private final PublicUrls urls;
    private final AccessControl control;

    public EncounterCoreResource(EncounterService service, Caller caller, PublicUrls urls, AccessControl control) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
        this.control = control;
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "encounters.read" })
    @Operation(summary = "List a patient's encounters (core face): page, size, sort (createdAt, updatedAt, startTime),"
            + " filter status")
    public Uni<ListPage<EncounterCoreView>> list(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @QueryParam("environment") String environment, @Context UriInfo uriInfo) {
        Partition partition = caller.corePartition(tenant, environment);
        ListParameters list = ListParameters.fromQuery(uriInfo.getQueryParameters(), FILTERS, SORTABLE);
        UUID patient = CollectionEndpoints.guid(patientId);
        return control.require(COLLECTION, Access.Operation.READ).chain(access -> service.listOf(partition, patient, list)
                .map(page -> page.map(EncounterCoreView::of).map(shown(access))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "encounters.write" })
    @Operation(summary = "Create an encounter of the patient (core face): 201 with Location; OPEN unless status says"
            + " COMPLETED")
    public Uni<Response> create(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @QueryParam("environment") String environment, String body, @Context UriInfo uriInfo) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        Fields sent = EncounterFields.CORE_SCHEMA.create(JsonBodies.object(body));
        var fields = EncounterFields.fromCore(sent).with("user_id", patient);
        return control.requireWritable(COLLECTION, Access.Operation.CREATE, sent.asMap().keySet(), NAMES::v1)
                .chain(access -> NAMES.of(service.create(partition, fields), "user_id").map(e -> Response.status(
                        Response.Status.CREATED).entity(visible(access, e)).location(URI.create(urls.base(uriInfo) + "/v1/"
                                + tenant + "/patients/" + patientId + "/encounters/" + e.id))
                        .build()));
    }

    @GET
    @Path("{encounterId}")
    @RolesAllowed({ Scopes.ALL, "encounters.read" })
    @Operation(summary = "Get an encounter of the patient (core face)")
    public Uni<EncounterCoreView> get(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("encounterId") String encounterId, @QueryParam("environment") String environment) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        UUID id = CollectionEndpoints.guid(encounterId);
        return control.require(COLLECTION, Access.Operation.READ).chain(access -> service.getOf(partition, patient, id)
                .map(EncounterCoreView::of).map(shown(access)));
    }

    @PATCH
    @Path("{encounterId}")
    @Consumes({ CoreEndpoints.MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Scopes.ALL, "encounters.write" })
    @Operation(summary = "Update an encounter (core face) by JSON merge patch; status COMPLETED makes it final",
            extensions = @Extension(name = ContractOpenApiFilter.LOCKED_WHEN, value = EncounterResource.LOCKED))
    public Uni<Object> patch(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("encounterId") String encounterId, @QueryParam("environment") String environment, String body) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        UUID id = CollectionEndpoints.guid(encounterId);
        Fields sent = EncounterFields.CORE_SCHEMA.update(JsonBodies.object(body));
        var fields = EncounterFields.fromCore(sent);
        return control.requireWritable(COLLECTION, Access.Operation.UPDATE, sent.asMap().keySet(), NAMES::v1)
                .chain(access -> NAMES.of(service.update(partition, patient, id, fields), "user_id")
                        .map(e -> visible(access, e)));
    }

    @DELETE
    @Path("{encounterId}")
    @RolesAllowed({ Scopes.ALL, "encounters.write" })
    @Operation(summary = "Delete an encounter (core face): 204; soft, its status DELETED",
            extensions = @Extension(name = ContractOpenApiFilter.LOCKED_WHEN, value = EncounterResource.LOCKED))
    public Uni<Response> delete(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("encounterId") String encounterId, @QueryParam("environment") String environment) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        UUID id = CollectionEndpoints.guid(encounterId);
        return control.require(COLLECTION, Access.Operation.DELETE).chain(() -> service.delete(partition, patient, id))
                .map(e -> Response.noContent().build());
    }

    private UnaryOperator<EncounterCoreView> shown(Access access) {
        return control.shownAs(access, COLLECTION, NAMES::v1);
    }

    private Object visible(Access access, Encounter e) {
        return control.visible(access, COLLECTION, EncounterCoreView.of(e), e.id.toString(), NAMES::v1);
    }
}
