package io.carehub.patients.email;

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
 * Email addresses (API.md §4): Get, Find (filter {@code user_id}), Create and Update, each of a patient
 * ({@code user_id}).
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "email_addresses")
public class EmailAddressResource {

    private final CollectionEndpoints<EmailAddress, EmailAddressView> endpoints;

    public EmailAddressResource(EmailAddressService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(EmailAddressFields.COLLECTION, service, EmailAddressView::of,
                EmailAddressFields.SCHEMA, EmailAddressFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("email_addresses/{id}")
    @RolesAllowed({ Scopes.ALL, "email_addresses.read" })
    @Operation(summary = "Get an email address")
    public Uni<Data<EmailAddressView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("email_addresses")
    @RolesAllowed({ Scopes.ALL, "email_addresses.read" })
    @Operation(summary = "Find email addresses (filter user_id), paged by updated_at")
    public Uni<FindResponse<EmailAddressView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("email_addresses/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "email_addresses.read" })
    @Operation(summary = "Find email addresses, the parameters in the body (JSON or form)")
    public Uni<FindResponse<EmailAddressView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("email_addresses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "email_addresses.write" })
    @Operation(summary = "Create an email address of a patient (user_id)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("email_addresses/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "email_addresses.write" })
    @Operation(summary = "Update an email address; fields left out keep their value, user_id cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/email_addresses")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "email_addresses.read" })
    @Operation(summary = "Every email address of the tenant as CSV, streamed (optional page[from], page[to], user_id)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, EmailAddressFields.COLUMNS, EmailAddressFields::row);
    }
}
