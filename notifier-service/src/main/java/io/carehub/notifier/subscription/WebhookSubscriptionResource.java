package io.carehub.notifier.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.carehub.commons.collection.CollectionEndpoints;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.FindResponse;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.validation.JsonBodies;
import io.carehub.commons.web.Data;
import io.carehub.commons.web.PublicUrls;
import io.carehub.commons.web.Timestamps;
import io.carehub.notifier.config.WebhooksConfig;
import io.carehub.notifier.delivery.WebhookDeliveryView;
import io.smallrye.mutiny.Uni;

/**
 * {@code /v1/webhook_subscriptions} (API.md §4, §7), scope {@code webhooks} (or {@code all}, which includes
 * it): each API client sees and changes only its own subscriptions (by its access token's {@code sub}, within
 * its tenant); another client's is {@code 404}. A generated secret is shown once, in the answer to Create.
 */
// A client that goes away does not cut the work short: a write and its session finish.
@Cancellable(false)
@Path("/v1/webhook_subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Scopes.WEBHOOKS, Scopes.ALL })
@Tag(name = "webhook_subscriptions")
public class WebhookSubscriptionResource {

    private final WebhookSubscriptionService service;
    private final Caller caller;
    private final PublicUrls urls;
    private final WebhooksConfig config;

    public WebhookSubscriptionResource(WebhookSubscriptionService service, Caller caller, PublicUrls urls,
            WebhooksConfig config) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
        this.config = config;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get one of the caller's webhook subscriptions")
    public Uni<Data<WebhookSubscriptionView>> get(@PathParam("id") String id) {
        return service.get(caller.partition(), caller.clientId(), CollectionEndpoints.guid(id))
                .map(s -> Data.of(WebhookSubscriptionView.of(s)));
    }

    @GET
    @Operation(summary = "Find the caller's webhook subscriptions, paged by updated_at (filter active; include_deleted)")
    public Uni<FindResponse<WebhookSubscriptionView>> find(@Context UriInfo uriInfo) {
        return find(FindParameters.fromQuery(uriInfo.getQueryParameters(), WebhookSubscriptionFields.FILTERS, true), uriInfo);
    }

    @POST
    @Path("find")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED })
    @Operation(summary = "Find the caller's webhook subscriptions, the parameters in the body (JSON or form)")
    public Uni<FindResponse<WebhookSubscriptionView>> findByPost(String body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context UriInfo uriInfo) {
        return find(FindParameters.fromBody(body, contentType, WebhookSubscriptionFields.FILTERS, true), uriInfo);
    }

    private Uni<FindResponse<WebhookSubscriptionView>> find(FindParameters find, UriInfo uriInfo) {
        return service.find(caller.partition(), caller.clientId(), find).map(page -> FindResponse.of(
                page.map(find.includeDeleted() ? WebhookSubscriptionView::withDeleted : WebhookSubscriptionView::of), find,
                urls.collection(uriInfo, WebhookSubscriptionFields.COLLECTION)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a webhook subscription; a generated secret is in the answer, shown this once")
    public Uni<Response> create(String body, @Context UriInfo uriInfo) {
        var fields = WebhookSubscriptionFields.CREATE.create(JsonBodies.object(body));
        return service.create(caller.partition(), caller.clientId(), fields, config.publicBaseUrl())
                .map(created -> Response.ok(Data.of(WebhookSubscriptionView.withSecret(created.subscription(),
                        created.generatedSecret())))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .location(URI.create(urls.collection(uriInfo, WebhookSubscriptionFields.COLLECTION) + "/"
                                + created.subscription().id))
                        .build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a webhook subscription (url, resources, active, client_id, secret, token_endpoint_url);"
            + " active: true re-enables a disabled one")
    public Uni<Data<WebhookSubscriptionView>> update(@PathParam("id") String id, String body) {
        UUID uuid = CollectionEndpoints.guid(id);
        var fields = WebhookSubscriptionFields.UPDATE.update(JsonBodies.object(body));
        return service.update(caller.partition(), caller.clientId(), uuid, fields)
                .map(s -> Data.of(WebhookSubscriptionView.of(s)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook subscription; nothing more is sent to it")
    public Uni<Data<WebhookSubscriptionView>> delete(@PathParam("id") String id) {
        return service.delete(caller.partition(), caller.clientId(), CollectionEndpoints.guid(id))
                .map(s -> Data.of(WebhookSubscriptionView.of(s)));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The subscription's delivery attempts, oldest first, paged by attempt time like Find")
    public Uni<FindResponse<WebhookDeliveryView>> deliveries(@PathParam("id") String id, @Context UriInfo uriInfo) {
        UUID uuid = CollectionEndpoints.guid(id);
        FindParameters find = FindParameters.fromQuery(uriInfo.getQueryParameters(), java.util.List.of(), false);
        return service.deliveries(caller.partition(), caller.clientId(), uuid, find).map(page -> FindResponse.of(
                page.map(WebhookDeliveryView::of), find,
                urls.collection(uriInfo, WebhookSubscriptionFields.COLLECTION) + "/" + uuid + "/deliveries"));
    }

    /**
     * Re-sends the changes since {@code from}: every collection the subscription covers gets a pending range
     * from {@code from} to now, merged with what is pending; the next notification carries them and the
     * subscriber pulls each {@code href}.
     */
    @POST
    @Path("{id}/redeliver")
    @Operation(summary = "Re-send the changes since ?from=<isodatetime> (a range from then to now per covered collection)")
    public Uni<Data<WebhookSubscriptionView>> redeliver(@PathParam("id") String id, @QueryParam("from") String from) {
        UUID uuid = CollectionEndpoints.guid(id);
        Instant since = from == null ? null : Timestamps.parse(from).orElse(null);
        if (since == null) {
            throw ApiException.badRequest("from", "from is required: an ISO 8601 date and time, e.g. 2018-09-12T01:27:32.024836+00:00");
        }
        if (since.isAfter(Instant.now())) {
            throw ApiException.badRequest("from", "from must not be in the future");
        }
        return service.redeliver(caller.partition(), caller.clientId(), uuid, since)
                .map(s -> Data.of(WebhookSubscriptionView.of(s)));
    }
}
