package io.carehub.patients.phone;

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
 * Phone numbers (API.md §4): Get, Find (filter {@code user_id}), Create and Update, each of a patient
 * ({@code user_id}).
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "phone_numbers")
public class PhoneNumberResource {

    private final CollectionEndpoints<PhoneNumber, PhoneNumberView> endpoints;

    public PhoneNumberResource(PhoneNumberService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(PhoneNumberFields.COLLECTION, service, PhoneNumberView::of,
                PhoneNumberFields.SCHEMA, PhoneNumberFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("phone_numbers/{id}")
    @RolesAllowed({ Scopes.ALL, "phone_numbers.read" })
    @Operation(summary = "Get a phone number")
    public Uni<Data<PhoneNumberView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("phone_numbers")
    @RolesAllowed({ Scopes.ALL, "phone_numbers.read" })
    @Operation(summary = "Find phone numbers (filter user_id), paged by updated_at")
    public Uni<FindResponse<PhoneNumberView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("phone_numbers/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "phone_numbers.read" })
    @Operation(summary = "Find phone numbers, the parameters in the body (JSON or form)")
    public Uni<FindResponse<PhoneNumberView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("phone_numbers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "phone_numbers.write" })
    @Operation(summary = "Create a phone number of a patient (user_id)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @PUT
    @Path("phone_numbers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "phone_numbers.write" })
    @Operation(summary = "Update a phone number; fields left out keep their value, user_id cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        return endpoints.update(id, body);
    }

    @GET
    @Path("exports/phone_numbers")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "phone_numbers.read" })
    @Operation(summary = "Every phone number of the tenant as CSV, streamed (optional page[from], page[to], user_id)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, PhoneNumberFields.COLUMNS, PhoneNumberFields::row);
    }
}
