package io.carehub.patients.patient;

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
 * Patients on the core face (API-CORE.md §C5): {@code /v1/{tenant}/patients}, camelCase, page/size lists with the
 * filters {@code externalId}, {@code coachId} and {@code phase}; the same patients and the same service as the v1 face.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "patients (core face)")
public class PatientCoreResource {

    private final CoreEndpoints<Patient, PatientCoreView> endpoints;

    public PatientCoreResource(PatientService service, Caller caller, PublicUrls urls) {
        this.endpoints = new CoreEndpoints<>(PatientFields.COLLECTION, service, PatientCoreView::of, PatientFields.CORE_NAMES,
                PatientFields.SCHEMA, PatientFields.CORE_FILTERS, PatientFields.CORE_SORTABLE, caller, urls);
    }

    @GET
    @Path("{tenant}/patients")
    @RolesAllowed({ Scopes.ALL, "patients.read" })
    @Operation(summary = "List patients (core face): page, size, sort (createdAt, updatedAt, lastName, firstName,"
            + " birthDate, externalId, phase; ,asc or ,desc), filters externalId, coachId, phase; environment")
    public Uni<ListPage<PatientCoreView>> list(@PathParam("tenant") String tenant,
            @QueryParam("environment") String environment, @Context UriInfo uriInfo) {
        return endpoints.list(tenant, environment, uriInfo);
    }

    @GET
    @Path("{tenant}/patients/{patientId}")
    @RolesAllowed({ Scopes.ALL, "patients.read" })
    @Operation(summary = "Get a patient (core face)")
    public Uni<PatientCoreView> get(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @QueryParam("environment") String environment) {
        return endpoints.get(tenant, environment, patientId);
    }

    @POST
    @Path("{tenant}/patients")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "patients.write" })
    @Operation(summary = "Create a patient (core face): 201 with Location")
    public Uni<Response> create(@PathParam("tenant") String tenant, @QueryParam("environment") String environment,
            String body, @Context UriInfo uriInfo) {
        return endpoints.create(tenant, environment, body, uriInfo);
    }

    @PATCH
    @Path("{tenant}/patients/{patientId}")
    @Consumes({ CoreEndpoints.MERGE_PATCH, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Scopes.ALL, "patients.write" })
    @Operation(summary = "Update a patient (core face) by JSON merge patch: members left out keep their value, null clears")
    public Uni<Object> patch(@PathParam("tenant") String tenant, @PathParam("patientId") String patientId,
            @QueryParam("environment") String environment, String body) {
        return endpoints.patch(tenant, environment, patientId, body);
    }
}
