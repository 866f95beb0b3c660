package io.carehub.notifier.subscription;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.carehub.commons.persistence.PartitionedResource;

/**
 * A webhook subscription (API.md §4, §7). The delivery state ({@code last_*}, {@code failure_count},
 * {@code disabled_reason}, leases, backoff) belongs to the dispatcher, which writes it with SQL: it is
 * read-only here, and updates write only the columns they change ({@link DynamicUpdate}), so that an Update
 * through the API never overwrites what a delivery recorded meanwhile.
 */
@Entity
@Table(name = "webhook_subscriptions")
@DynamicUpdate
public class WebhookSubscription extends PartitionedResource {

    /** The API client that owns it (its access token's {@code sub}). */
    @Column(name = "owner_client_id", nullable = false, updatable = false)
    public String ownerClientId;

    public String url;

    /** Collection names; null for every collection. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> resources;

    public boolean active;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "secret_ciphertext", nullable = false)
    public byte[] secretCiphertext;

    @Column(name = "token_endpoint_url")
    public String tokenEndpointUrl;

    public boolean deleted;

    @Column(name = "last_success_at", insertable = false, updatable = false)
    public Instant lastSuccessAt;

    @Column(name = "last_failure_at", insertable = false, updatable = false)
    public Instant lastFailureAt;

    @Column(name = "failure_count", insertable = false, updatable = false)
    public int failureCount;

    @Column(name = "disabled_reason", insertable = false, updatable = false)
    public String disabledReason;

    /** The associated data its secret is sealed with, so that a ciphertext moved to another row does not open. */
    public static String secretContext(java.util.UUID id) {
        return "webhook_subscriptions/" + id;
    }
}
