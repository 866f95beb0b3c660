package io.carehub.notifier.subscription;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook subscription on the wire (API.md §4). {@code secret} appears only in the answer to Create;
 * {@code deleted} only in a Find with {@code include_deleted=true}.
 */
public record WebhookSubscriptionView(String id, String url, List<String> resources, boolean active, String clientId,
        String tokenEndpointUrl, Instant lastSuccessAt, Instant lastFailureAt, int failureCount, String disabledReason,
        Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deleted,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    public static WebhookSubscriptionView of(WebhookSubscription s) {
        return of(s, null, null);
    }

    public static WebhookSubscriptionView withDeleted(WebhookSubscription s) {
        return of(s, s.deleted, null);
    }

    /** With the secret: the one time it is shown. */
    public static WebhookSubscriptionView withSecret(WebhookSubscription s, String secret) {
        return of(s, null, secret);
    }

    private static WebhookSubscriptionView of(WebhookSubscription s, Boolean deleted, String secret) {
        return new WebhookSubscriptionView(s.id.toString(), s.url, s.resources, s.active, s.clientId, s.tokenEndpointUrl,
                s.lastSuccessAt, s.lastFailureAt, s.failureCount, s.disabledReason, s.createdAt, s.updatedAt, deleted,
                secret);
    }
}
