package io.carehub.patients.email;

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

@Path("/v1/email_addresses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "email_addresses")
public class EmailAddressResource {

    private final EmailAddressService service;
    private final Caller caller;
    private final PublicUrls urls;

    public EmailAddressResource(EmailAddressService service, Caller caller, PublicUrls urls) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Scopes.ALL, "email_addresses.read" })
    @Operation(summary = "Get an email address")
    public Uni<Data<EmailAddressView>> get(@PathParam("id") String id) {
        return service.get(caller.tenant(), PathIds.guid(id)).map(e -> Data.of(EmailAddressView.of(e)));
    }

    @GET
    @RolesAllowed({ Scopes.ALL, "email_addresses.read" })
    @Operation(summary = "Find email addresses (filter user_id), paged by updated_at")
    public Uni<FindResponse<EmailAddressView>> find(@Context UriInfo uriInfo) {
        return find(FindParameters.fromQuery(uriInfo.getQueryParameters(), EmailAddressFields.FILTERS, false), uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "email_addresses.read" })
    @Operation(summary = "Find email addresses, the parameters in the body (JSON or form)")
    public Uni<FindResponse<EmailAddressView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return find(FindParameters.fromBody(body, contentType, EmailAddressFields.FILTERS, false), uriInfo);
    }

    private Uni<FindResponse<EmailAddressView>> find(FindParameters find, UriInfo uriInfo) {
        return service.find(caller.tenant(), find).map(page -> FindResponse.of(page.map(EmailAddressView::of), find,
                urls.collection(uriInfo, EmailAddressFields.COLLECTION)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "email_addresses.write" })
    @Operation(summary = "Create an email address of a patient (user_id)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        var fields = EmailAddressFields.SCHEMA.create(JsonBodies.object(body));
        return service.create(caller.tenant(), fields).map(e -> Response.ok(Data.of(visible(e)))
                .location(URI.create(urls.collection(uriInfo, EmailAddressFields.COLLECTION) + "/" + e.id)).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "email_addresses.write" })
    @Operation(summary = "Update an email address; fields left out keep their value, user_id cannot change")
    public Uni<Data<Object>> update(@PathParam("id") String id, String body) {
        UUID emailId = PathIds.guid(id);
        var fields = EmailAddressFields.SCHEMA.update(JsonBodies.object(body));
        return service.update(caller.tenant(), emailId, fields).map(e -> Data.of(visible(e)));
    }

    private Object visible(EmailAddress e) {
        return caller.visible(EmailAddressFields.COLLECTION, EmailAddressView.of(e), e.id.toString());
    }
}
