package io.carehub.assessments.form;

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
 * Forms (API-CORE.md §C8): Get, Find (filter {@code name}), export; Create and Update are admin. The tenant's, shared
 * by its environments; the questions an assessment answers, versioned.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "forms")
public class FormResource {

    private final CollectionEndpoints<Form, FormView> endpoints;

    public FormResource(FormService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(FormFields.COLLECTION, service, FormView::of,
                FormFields.SCHEMA, FormFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("forms/{id}")
    @RolesAllowed({ Scopes.ALL, "forms.read" })
    @Operation(summary = "Get a form (its current version's questions)")
    public Uni<Data<FormView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("forms")
    @RolesAllowed({ Scopes.ALL, "forms.read" })
    @Operation(summary = "Find forms (filter name), paged by updated_at")
    public Uni<FindResponse<FormView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("forms/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "forms.read" })
    @Operation(summary = "Find forms, the parameters in the body (JSON or form)")
    public Uni<FindResponse<FormView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("forms")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Create a form (admin): version 1; questions have the custom data types' field types and rules")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("forms/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    @Operation(summary = "Update a form (admin): fields left out keep their value; new questions make a new version,"
            + " assessments keep the version they answer; name cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/forms")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "forms.read" })
    @Operation(summary = "Every form of the tenant as CSV, questions as JSON text, streamed"
            + " (optional page[from], page[to] and the Find filters)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, FormFields.COLUMNS, FormFields::row);
    }
}
