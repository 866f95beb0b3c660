package io.carehub.patients.phone;

import java.net.URI;
import java.util.UUID;

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

import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.carehub.patients.web.PathIds;
import io.smallrye.mutiny.Uni;

@Path("/v1/phone_numbers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "phone_numbers")
public class PhoneNumberResource {

    private final PhoneNumberService service;
    private final Caller caller;
    private final PublicUrls urls;

    public PhoneNumberResource(PhoneNumberService service, Caller caller, PublicUrls urls) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Scopes.ALL, "phone_numbers.read" })
    @Operation(summary = "Get a phone number")
    public Uni<Data<PhoneNumberView>> get(@PathParam("id") String id) {
        return service.get(caller.tenant(), PathIds.guid(id)).map(p -> Data.of(PhoneNumberView.of(p)));
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "phone_numbers.read" })
    @Operation(summary = "Find phone numbers (filter user_id), paged by updated_at")
    public Uni<FindResponse<PhoneNumberView>> find(@Context UriInfo uriInfo) {
        return find(FindParameters.fromQuery(uriInfo.getQueryParameters(), PhoneNumberFields.FILTERS, false), uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "phone_numbers.read" })
    @Operation(summary = "Find phone numbers, the parameters in the body (JSON or form)")
    public Uni<FindResponse<PhoneNumberView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return find(FindParameters.fromBody(body, contentType, PhoneNumberFields.FILTERS, false), uriInfo);
    }

    private Uni<FindResponse<PhoneNumberView>> find(FindParameters find, UriInfo uriInfo) {
        return service.find(caller.tenant(), find).map(page -> FindResponse.of(page.map(PhoneNumberView::of), find,
                urls.collection(uriInfo, PhoneNumberFields.COLLECTION)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "phone_numbers.write" })
    @Operation(summary = "Create a phone number of a patient (user_id)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        var fields = PhoneNumberFields.SCHEMA.create(JsonBodies.object(body));
        return service.create(caller.tenant(), fields).map(p -> Response.ok(Data.of(visible(p)))
                .location(URI.create(urls.collection(uriInfo, PhoneNumberFields.COLLECTION) + "/" + p.id)).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "phone_numbers.write" })
    @Operation(summary = "Update a phone number; fields left out keep their value, user_id cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        UUID phoneId = PathIds.guid(id);
        var fields = PhoneNumberFields.SCHEMA.update(JsonBodies.object(body));
        return service.update(caller.tenant(), phoneId, fields).map(p -> Data.of(visible(p)));
    }

    private Object visible(PhoneNumber p) {
        return caller.visible(PhoneNumberFields.COLLECTION, PhoneNumberView.of(p), p.id.toString());
    }
}
