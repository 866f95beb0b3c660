package io.carehub.assessments.encounter;

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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.carehub.commons.collection.CollectionEndpoints;
import io.carehub.commons.export.CsvExport;
import io.carehub.commons.openapi.ContractOpenApiFilter;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Encounters on the v1 face (API-CORE.md §C8): Get, Find (filters {@code user_id}, {@code status};
 * {@code include_deleted}), Create, Update, Delete, export. Completed, an encounter is final: {@code 409 locked}.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "encounters")
public class EncounterResource {

    static final String LOCKED = "the encounter is completed: it and its assessments are final";

    private final CollectionEndpoints<Encounter, EncounterView> endpoints;

    public EncounterResource(EncounterService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.withDeletes(EncounterFields.COLLECTION, service, EncounterView::of,
                EncounterView::of, EncounterFields.SCHEMA, EncounterFields.FILTERS, caller, urls);
    }

    @GET
    @Path("encounters/{id}")
    @RolesAllowed({ Scopes.ALL, "encounters.read" })
    @Operation(summary = "Get an encounter")
    public Uni<Data<EncounterView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("encounters")
    @RolesAllowed({ Scopes.ALL, "encounters.read" })
    @Operation(summary = "Find encounters (filters user_id, status; include_deleted), paged by updated_at")
    public Uni<FindResponse<EncounterView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("encounters/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "encounters.read" })
    @Operation(summary = "Find encounters, the parameters in the body (JSON or form)")
    public Uni<FindResponse<EncounterView>> findByPost(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("encounters")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "encounters.write" })
    @Operation(summary = "Create an encounter about a patient (user_id); open unless status says completed")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("encounters/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "encounters.write" })
    @Operation(summary = "Update an encounter; status completed makes it final; user_id cannot change",
            extensions = @Extension(name = ContractOpenApiFilter.LOCKED_WHEN, value = LOCKED))
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @DELETE
    @Path("encounters/{id}")
    @RolesAllowed({ Scopes.ALL, "encounters.write" })
    @Operation(summary = "Delete an encounter (soft: status deleted, shown only by Find with include_deleted=true)",
            extensions = @Extension(name = ContractOpenApiFilter.LOCKED_WHEN, value = LOCKED))
    public Uni<Data<Object>> delete(@PathParam("id") String id) {
        return endpoints.delete(id);
    }

    @GET
    @Path("exports/encounters")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "encounters.read" })
    @Operation(summary = "Every encounter of the tenant as CSV, streamed (optional page[from], page[to], include_deleted"
            + " and the Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, EncounterFields.COLUMNS, EncounterFields::row);
    }
}
