package io.carehub.patients.externalid;

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
 * External ids (API.md §4): Get, Find (filters {@code resource}, {@code namespace}, {@code external_id},
 * {@code welkin_id}), Create and Update; one (namespace, resource, external_id) per tenant.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "external_ids")
public class ExternalIdResource {

    private final CollectionEndpoints<ExternalId, ExternalIdView> endpoints;

    public ExternalIdResource(ExternalIdService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(ExternalIdFields.COLLECTION, service, ExternalIdView::of,
                ExternalIdFields.SCHEMA, ExternalIdFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("external_ids/{id}")
    @RolesAllowed({ Scopes.ALL, "external_ids.read" })
    @Operation(summary = "Get an external id")
    public Uni<Data<ExternalIdView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("external_ids")
    @RolesAllowed({ Scopes.ALL, "external_ids.read" })
    @Operation(summary = "Find external ids (filters resource, namespace, external_id, welkin_id), paged by updated_at")
    public Uni<FindResponse<ExternalIdView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("external_ids/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "external_ids.read" })
    @Operation(summary = "Find external ids, the parameters in the body (JSON or form)")
    public Uni<FindResponse<ExternalIdView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("external_ids")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "external_ids.write" })
    @Operation(summary = "Create an external id; a duplicate (namespace, resource, external_id) is a"
            + " uniqueness_exception")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("external_ids/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "external_ids.write" })
    @Operation(summary = "Update an external id; fields left out keep their value")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/external_ids")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "external_ids.read" })
    @Operation(summary = "Every external id of the tenant as CSV, streamed (optional page[from], page[to] and the"
            + " Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, ExternalIdFields.COLUMNS, ExternalIdFields::row);
    }
}
