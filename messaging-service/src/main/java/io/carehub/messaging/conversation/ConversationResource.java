package io.carehub.messaging.conversation;

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

/** Conversations (API.md §4): Get, Find (filter {@code user_id}) and Create, each with a patient ({@code user_id}). */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "conversations")
public class ConversationResource {

    private final CollectionEndpoints<Conversation, ConversationView> endpoints;

    public ConversationResource(ConversationService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(ConversationFields.COLLECTION, service, ConversationView::of,
                ConversationFields.SCHEMA, ConversationFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("conversations/{id}")
    @RolesAllowed({ Scopes.ALL, "conversations.read" })
    @Operation(summary = "Get a conversation")
    public Uni<Data<ConversationView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("conversations")
    @RolesAllowed({ Scopes.ALL, "conversations.read" })
    @Operation(summary = "Find conversations (filter user_id), paged by updated_at")
    public Uni<FindResponse<ConversationView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("conversations/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "conversations.read" })
    @Operation(summary = "Find conversations, the parameters in the body (JSON or form)")
    public Uni<FindResponse<ConversationView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("conversations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "conversations.write" })
    @Operation(summary = "Create a conversation with a patient (user_id)")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo);
    }

    @GET
    @Path("exports/conversations")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "conversations.read" })
    @Operation(summary = "Every conversation of the tenant as CSV, streamed (optional page[from], page[to], user_id)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, ConversationFields.COLUMNS, ConversationFields::row);
    }
}
