package io.carehub.patients.phasechange;

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
 * Phase changes (API-CORE.md §C7): Get, Find (filters {@code user_id}, {@code program_name}) and the "Phase Changes"
 * export. Append-only: a move of a patient in a program writes one (the core face's
 * {@code POST /v1/{tenant}/patients/{patientId}/programs/{programName}/phases/{phaseName}}).
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "phase_changes")
public class PhaseChangeResource {

    private final CollectionEndpoints<PhaseChange, PhaseChangeView> endpoints;

    public PhaseChangeResource(PhaseChangeService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(PhaseChangeFields.COLLECTION, service, PhaseChangeView::of, null,
                PhaseChangeFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("phase_changes/{id}")
    @RolesAllowed({ Scopes.ALL, "phase_changes.read" })
    @Operation(summary = "Get a phase change")
    public Uni<Data<PhaseChangeView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("phase_changes")
    @RolesAllowed({ Scopes.ALL, "phase_changes.read" })
    @Operation(summary = "Find phase changes (filters user_id, program_name), paged by updated_at")
    public Uni<FindResponse<PhaseChangeView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("phase_changes/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "phase_changes.read" })
    @Operation(summary = "Find phase changes, the parameters in the body (JSON or form)")
    public Uni<FindResponse<PhaseChangeView>> findByPost(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @GET
    @Path("exports/phase_changes")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "phase_changes.read" })
    @Operation(summary = "The \"Phase Changes\" export: every phase change of the tenant as CSV, streamed (optional"
            + " page[from], page[to] and the Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, PhaseChangeFields.COLUMNS, PhaseChangeFields::row);
    }
}
