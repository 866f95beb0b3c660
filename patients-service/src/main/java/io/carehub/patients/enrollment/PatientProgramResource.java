package io.carehub.patients.enrollment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
 * Enrollments of patients in programs (API-CORE.md §C7): Get, Find (filters {@code user_id}, {@code program_name},
 * {@code status}; {@code include_deleted}) and export. Written on the core face: enrolled and moved by
 * {@code POST /v1/{tenant}/patients/{patientId}/programs/{programName}/phases/{phaseName}}, ended by DELETE.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "patient_programs")
public class PatientProgramResource {

    private final CollectionEndpoints<PatientProgram, PatientProgramView> endpoints;

    public PatientProgramResource(PatientProgramService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.withDeletes(PatientProgramFields.COLLECTION, service, PatientProgramView::of,
                PatientProgramView::withDeleted, null, PatientProgramFields.FILTERS, caller, urls);
    }

    @GET
    @Path("patient_programs/{id}")
    @RolesAllowed({ Scopes.ALL, "patient_programs.read" })
    @Operation(summary = "Get a patient's enrollment in a program")
    public Uni<Data<PatientProgramView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("patient_programs")
    @RolesAllowed({ Scopes.ALL, "patient_programs.read" })
    @Operation(summary = "Find enrollments (filters user_id, program_name, status; include_deleted), paged by updated_at")
    public Uni<FindResponse<PatientProgramView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("patient_programs/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "patient_programs.read" })
    @Operation(summary = "Find enrollments, the parameters in the body (JSON or form)")
    public Uni<FindResponse<PatientProgramView>> findByPost(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @GET
    @Path("exports/patient_programs")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "patient_programs.read" })
    @Operation(summary = "Every enrollment of the tenant as CSV, history as JSON text, streamed (optional page[from],"
            + " page[to], include_deleted and the Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, PatientProgramFields.COLUMNS, PatientProgramFields::row);
    }
}
