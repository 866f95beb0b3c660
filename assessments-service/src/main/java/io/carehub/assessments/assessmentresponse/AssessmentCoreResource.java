package io.carehub.assessments.assessmentresponse;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.carehub.commons.access.Access;
import io.carehub.commons.access.AccessControl;
import io.carehub.commons.collection.CoreEndpoints;
import io.carehub.commons.collection.CollectionEndpoints;
import io.carehub.commons.collection.CoreNames;
import io.carehub.commons.openapi.ContractOpenApiFilter;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListParameters;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Uni;

/**
 * A patient's assessments on the core face (API-CORE.md §C8): {@code /v1/{tenant}/patients/{patientId}/assessments}.
 * An assessment answers a version of a form ({@code formName}, {@code formVersion}: default the current one), possibly
 * in an encounter; its {@code answers} are checked against that version (errors at {@code .answers.<question>}), every
 * required question once it is {@code completed}. The same rows as v1's {@code assessment_responses}.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1/{tenant}/patients/{patientId}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assessments (core face)")
public class AssessmentCoreResource {

    static final String LOCKED = "the assessment's encounter is completed: it and its assessments are final";
    private static final CoreNames NAMES = new CoreNames(AssessmentResponseFields.CORE_NAMES);

    private static final String COLLECTION = AssessmentResponseFields.COLLECTION;

    private final AssessmentResponseService service;
    private final Caller caller;
    private final PublicUrls urls;
    private final AccessControl control;

    public AssessmentCoreResource(AssessmentResponseService service, Caller caller, PublicUrls urls, AccessControl control) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
        this.control = control;
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "assessment_responses.read" })
    @Operation(summary = "List a patient's assessments (core face): page, size, sort (createdAt, updatedAt), filters"
            + " formName, encounterId, status")
    public Uni<ListPage<AssessmentCoreView>> list(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @QueryParam("environment") String environment, @Context UriInfo uriInfo) {
        Partition partition = caller.corePartition(tenant, environment);
        ListParameters list = ListParameters.fromQuery(uriInfo.getQueryParameters(), AssessmentResponseFields.CORE_FILTERS,
                Map.of());
        UUID patient = CollectionEndpoints.guid(patientId);
        return control.require(COLLECTION, Access.Operation.READ).chain(access -> service.listOf(partition, patient, list)
                .map(page -> page.map(AssessmentCoreView::of).map(shown(access))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "assessment_responses.write" })
    @Operation(summary = "Create an assessment of the patient (core face): a form's version answered, status new unless"
            + " given; 201 with Location",
            extensions = @Extension(name = ContractOpenApiFilter.LOCKED_WHEN, value = LOCKED))
    public Uni<Response> create(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @QueryParam("environment") String environment, String body, @Context UriInfo uriInfo) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        Fields sent = AssessmentResponseFields.CORE_SCHEMA.create(JsonBodies.object(body));
        Fields fields = v1Names(sent).with("user_id", patient);
        if (!fields.has("status") || fields.get("status") == null) {
            fields = fields.with("status", AssessmentResponseFields.NEW);
        }
        if (fields.get("model") == null) {
            fields = fields.with("model", JsonNodeFactory.instance.objectNode());
        }
        Fields created = fields;
        return control.requireWritable(COLLECTION, Access.Operation.CREATE, sent.asMap().keySet(), NAMES::v1)
                .chain(access -> NAMES.of(service.create(partition, created), "user_id").map(r -> Response.status(
                        Response.Status.CREATED).entity(visible(access, r)).location(URI.create(urls.base(uriInfo) + "/v1/"
                                + tenant + "/patients/" + patientId + "/assessments/" + r.id))
                        .build()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Scopes.ALL, "assessment_responses.read" })
    @Operation(summary = "Get an assessment of the patient (core face)")
    public Uni<AssessmentCoreView> get(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("id") String id, @QueryParam("environment") String environment) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        UUID assessment = CollectionEndpoints.guid(id);
        return control.require(COLLECTION, Access.Operation.READ).chain(access -> service.getOf(partition, patient,
                assessment).map(AssessmentCoreView::of).map(shown(access)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({ CoreEndpoints.MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Scopes.ALL, "assessment_responses.write" })
    @Operation(summary = "Update an assessment (core face) by JSON merge patch of its status and answers, checked against"
            + " its form's version",
            extensions = @Extension(name = ContractOpenApiFilter.LOCKED_WHEN, value = LOCKED))
    public Uni<Object> patch(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("id") String id, @QueryParam("environment") String environment, String body) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        UUID assessment = CollectionEndpoints.guid(id);
        Fields sent = AssessmentResponseFields.CORE_SCHEMA.update(JsonBodies.object(body));
        Fields fields = v1Names(sent);
        return control.requireWritable(COLLECTION, Access.Operation.UPDATE, sent.asMap().keySet(), NAMES::v1)
                .chain(access -> NAMES.of(service.patch(partition, patient, assessment, fields), "user_id")
                        .map(r -> visible(access, r)));
    }

    private static Fields v1Names(Fields core) {
        Map<String, String> v1 = new LinkedHashMap<>();
        AssessmentResponseFields.CORE_NAMES.forEach((v1Name, coreName) -> v1.put(coreName, v1Name));
        return core.renamed(v1);
    }

    private UnaryOperator<AssessmentCoreView> shown(Access access) {
        return control.shownAs(access, COLLECTION, NAMES::v1);
    }

    private Object visible(Access access, AssessmentResponse r) {
        return control.visible(access, COLLECTION, AssessmentCoreView.of(r), r.id.toString(), NAMES::v1);
    }
}
