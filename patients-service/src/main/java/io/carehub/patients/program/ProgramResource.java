package io.carehub.patients.program;

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
 * Program definitions on the v1 face (API-CORE.md §C7): Get, Find (filter {@code name}), export; Create and Update are
 * admin. The tenant's, shared by its environments.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "programs")
public class ProgramResource {

    private final CollectionEndpoints<Program, ProgramView> endpoints;

    public ProgramResource(ProgramService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(ProgramFields.COLLECTION, service, ProgramView::of,
                ProgramFields.SCHEMA, ProgramFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("programs/{id}")
    @RolesAllowed({ Scopes.ALL, "programs.read" })
    @Operation(summary = "Get a program and its phases")
    public Uni<Data<ProgramView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("programs")
    @RolesAllowed({ Scopes.ALL, "programs.read" })
    @Operation(summary = "Find programs (filter name), paged by updated_at")
    public Uni<FindResponse<ProgramView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("programs/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "programs.read" })
    @Operation(summary = "Find programs, the parameters in the body (JSON or form)")
    public Uni<FindResponse<ProgramView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("programs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create a program (admin): exactly one start phase, at least one finish phase, every next a phase")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("programs/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update a program (admin): fields left out keep their value, phases are replaced whole (a"
            + " phase with patients in it stays); name cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/programs")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "programs.read" })
    @Operation(summary = "Every program of the tenant as CSV, phases as JSON text, streamed"
            + " (optional page[from], page[to] and the Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, ProgramFields.COLUMNS, ProgramFields::row);
    }
}
