package io.carehub.notifier.delivery;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.TenantResource;

/**
 * One delivery attempt (svix's "attempt"): when, the {@code webhook-id}, the outcome (status code or
 * error), the latency and the body sent. Written by the {@link Dispatcher} with SQL, read here for paging
 * ({@code created_at} = {@code updated_at} = the attempt's time; attempts never change).
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery extends TenantResource {

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "webhook_id", nullable = false)
    public String webhookId;

    public boolean succeeded;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "latency_ms", nullable = false)
    public int latencyMs;

    public String body;
}
