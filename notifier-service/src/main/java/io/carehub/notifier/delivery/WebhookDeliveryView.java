package io.carehub.notifier.delivery;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A delivery attempt on the wire: {@code attempted_at}, {@code status_code} (null when no answer came),
 * {@code error} (why it failed without a status, or null), {@code latency_ms} and the JSON {@code body} sent.
 */
public record WebhookDeliveryView(String id, String webhookId, Instant attemptedAt, boolean succeeded, Integer statusCode,
        String error, int latencyMs, @JsonRawValue String body) {

    public static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id.toString(), d.webhookId, d.createdAt, d.succeeded, d.statusCode, d.error,
                d.latencyMs, d.body);
    }
}
