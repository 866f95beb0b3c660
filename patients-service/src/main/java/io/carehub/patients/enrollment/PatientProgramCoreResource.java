package io.carehub.patients.enrollment;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import io.carehub.commons.access.Access;
import io.carehub.commons.access.AccessControl;
import io.carehub.commons.collection.CoreNames;
import io.carehub.commons.collection.CollectionEndpoints;
import io.carehub.commons.paging.Filter;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListParameters;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Types;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Uni;

/**
 * A patient's programs on the core face (API-CORE.md §C7): {@code /v1/{tenant}/patients/{patientId}/programs}. Enrol and
 * move by POSTing the phase ({@code .../programs/{programName}/phases/{phaseName}}), read the enrollment, end it by
 * DELETE. The same enrollments as v1's {@code patient_programs}; every move is a {@code phase_changes} row.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1/{tenant}/patients/{patientId}/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "patient_programs (core face)")
public class PatientProgramCoreResource {

    private static final List<Filter> FILTERS = List.of(
            Filter.of("programName", Types.NON_EMPTY_STRING, "programName"),
            Filter.of("status", Types.enumOf(PatientProgram.IN_PROGRESS, PatientProgram.FINISHED), "status"));
    private static final Map<String, String> SORTABLE = Map.of("programName", "programName");

    private static final String COLLECTION = PatientProgramFields.COLLECTION;

    private final PatientProgramService service;
    private final Caller caller;
    private final PublicUrls urls;
    private final AccessControl control;

    public PatientProgramCoreResource(PatientProgramService service, Caller caller, PublicUrls urls, AccessControl control) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
        this.control = control;
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "patient_programs.read" })
    @Operation(summary = "List a patient's enrollments, every program (core face): page, size, sort (createdAt,"
            + " updatedAt, programName), filters programName, status")
    public Uni<ListPage<PatientProgramCoreView>> list(@PathParam("tenant") String tenant,
            @PathParam("patientId") String patientId, @QueryParam("environment") String environment,
            @Context UriInfo uriInfo) {
        Partition partition = caller.corePartition(tenant, environment);
        ListParameters list = ListParameters.fromQuery(uriInfo.getQueryParameters(), FILTERS, SORTABLE);
        UUID patient = CollectionEndpoints.guid(patientId);
        return control.require(COLLECTION, Access.Operation.READ).chain(access -> service.listOf(partition, patient, list)
                .map(page -> page.map(PatientProgramCoreView::of).map(shown(access))));
    }

    @GET
    @Path("{programName}")
    @RolesAllowed({ Scopes.ALL, "patient_programs.read" })
    @Operation(summary = "The patient's enrollment in a program (core face): the one in progress, else the latest")
    public Uni<PatientProgramCoreView> get(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("programName") String programName, @QueryParam("environment") String environment) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        return control.require(COLLECTION, Access.Operation.READ).chain(access -> service.current(partition, patient,
                programName).map(PatientProgramCoreView::of).map(shown(access)));
    }

    @POST
    @Path("{programName}/phases/{phaseName}")
    @RolesAllowed({ Scopes.ALL, "patient_programs.write" })
    @Operation(summary = "Enrol the patient at the program's start phase (201 with Location) or move it to a phase of the"
            + " current phase's next (200); anything else is 400 bad_request; a finish phase finishes the enrollment")
    public Uni<Response> move(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("programName") String programName, @PathParam("phaseName") String phaseName,
            @QueryParam("environment") String environment, @Context UriInfo uriInfo) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        // Which write it is (an enrollment or a move) the service learns under its locks, and checks the roles there.
        return control.access().chain(access -> service.move(partition, patient, programName, phaseName, caller.clientId(),
                access)
                .map(moved -> {
                    Object body = control.visible(access, COLLECTION, PatientProgramCoreView.of(moved.enrollment()),
                            moved.enrollment().id.toString(), CoreNames::snakeCase);
                    if (!moved.enrolled()) {
                        return Response.ok(body).build();
                    }
                    return Response.status(Response.Status.CREATED).entity(body).location(URI.create(urls.base(uriInfo)
                            + "/v1/" + tenant + "/patients/" + moved.enrollment().userId + "/programs/" + programName))
                            .build();
                }));
    }

    @DELETE
    @Path("{programName}")
    @RolesAllowed({ Scopes.ALL, "patient_programs.write" })
    @Operation(summary = "End the patient's enrollment in a program (core face): 204; soft, the v1 Find shows it with"
            + " include_deleted=true")
    public Uni<Response> end(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @PathParam("programName") String programName, @QueryParam("environment") String environment) {
        Partition partition = caller.corePartition(tenant, environment);
        UUID patient = CollectionEndpoints.guid(patientId);
        return control.require(COLLECTION, Access.Operation.DELETE).chain(() -> service.end(partition, patient, programName))
                .map(e -> Response.noContent().build());
    }

    private UnaryOperator<PatientProgramCoreView> shown(Access access) {
        return control.shownAs(access, COLLECTION, CoreNames::snakeCase);
    }
}
