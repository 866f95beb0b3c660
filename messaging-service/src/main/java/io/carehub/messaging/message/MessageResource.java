package io.carehub.messaging.message;

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

/**
 * Messages (API.md §4): Get, Find (filters {@code conversation_id}, {@code user_id}) and Create. Creating a
 * message records it; it sends nothing.
 */
// A client that goes away does not cut the work short: a write and its session finish (API.md: nothing half-done).
@Cancellable(false)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messages")
public class MessageResource {

    private final CollectionEndpoints<Message, MessageView> endpoints;

    public MessageResource(MessageService service, Caller caller, PublicUrls urls) {
        this.endpoints = CollectionEndpoints.of(MessageFields.COLLECTION, service, MessageView::of, MessageFields.SCHEMA,
                MessageFields.FILTERS, false, caller, urls);
    }

    @GET
    @Path("messages/{id}")
    @RolesAllowed({ Scopes.ALL, "messages.read" })
    @Operation(summary = "Get a message")
    public Uni<Data<MessageView>> get(@PathParam("id") String id) {
        return endpoints.get(id);
    }

    @GET
    @Path("messages")
    @RolesAllowed({ Scopes.ALL, "messages.read" })
    @Operation(summary = "Find messages (filters conversation_id, user_id), paged by updated_at")
    public Uni<FindResponse<MessageView>> find(@Context UriInfo uriInfo) {
        return endpoints.find(uriInfo);
    }

    @POST
    @Path("messages/find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @RolesAllowed({ Scopes.ALL, "messages.read" })
    @Operation(summary = "Find messages, the parameters in the body (JSON or form)")
    public Uni<FindResponse<MessageView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return endpoints.findByPost(body, contentType, uriInfo);
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Scopes.ALL, "messages.write" })
    @Operation(summary = "Record a message of a conversation with a patient (user_id); it sends nothing. An outbound"
            + " message names the worker who sent it (worker_id), an inbound one none; send_time defaults to now")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        return endpoints.create(body, uriInfo, MessageFields::checkWorker);
    }

    @GET
    @Path("exports/messages")
    @Produces(CsvExport.MEDIA_TYPE)
    @RolesAllowed({ Scopes.ALL, "messages.read" })
    @Operation(summary = "Every message of the tenant as CSV, streamed (optional page[from], page[to], conversation_id, user_id)")
    public Multi<String> export(@Context UriInfo uriInfo) {
        return endpoints.export(uriInfo, MessageFields.COLUMNS, MessageFields::row);
    }
}
