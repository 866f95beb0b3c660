package io.carehub.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.access.Access;
import io.carehub.commons.access.AccessControl;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.security.Scopes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The dispatcher's state machine in the database. A subscription is <em>due</em> when it is live, its owner
 * (the API client that made it) is neither disabled nor deleted, its backoff ({@code next_attempt_at}) has
 * passed, nobody holds a lease on it, and it has an in-flight batch or pending ranges older than the batching
 * window. {@link #claim} leases due subscriptions ({@code FOR UPDATE SKIP LOCKED}: replicas never claim the
 * same one), at most so many per tenant at once; {@link #prepare} drops the ranges of collections the owner
 * may no longer read (by the owner's scopes as they are now, {@link Scopes#canRead}, and by its roles as they are now,
 * API-CORE.md §C9) and moves the pending ranges into the in-flight batch (merging: a failed batch widens);
 * {@link #succeeded} deletes exactly the in-flight ranges that were sent (matched on resource, from and to, so
 * a range widened meanwhile survives) and {@link #failed} keeps them, backs off, and disables after the
 * failure window. Each ends the lease, and each first checks that the lease is still this delivery's: one
 * that ran out and was claimed again by another instance records nothing. So a record may be tried again after
 * it failed: a try whose commit went through unanswered is recognised by its attempt's id. Each statement of a
 * record is bounded ({@code statement_timeout}); {@link #handBack} ends the lease soon when no try recorded.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A leased subscription: what a delivery needs of it. */
    public record Claim(UUID id, String tenant, String url, String clientId, byte[] secretCiphertext, String tokenEndpointUrl,
            int failureCount, String leasedBy) {
    }

    public record Range(String resource, Instant from, Instant to) {
    }

    /** What one attempt sends: the body's ranges and its webhook-id (new whenever the ranges widened). */
    public record Batch(String webhookId, List<Range> ranges) {
    }

    /** What {@link #failed} did. */
    public enum Recorded {
        /** The lease was no longer this delivery's: nothing written. */
        LEASE_LOST,
        RECORDED,
        /** Recorded, and the subscription disabled (failing for the whole window). */
        DISABLED
    }

    /** One attempt, as recorded. */
    public record Attempt(UUID id, String webhookId, boolean succeeded, Integer statusCode, String error, int latencyMs,
            String body) {
    }

    /** Serialises claims across instances, so the per-tenant bound holds however many instances run. */
    private static final long CLAIM_LOCK = 0x6361726568756231L;

    private final Pool pool;
    private final Outbox outbox;

    public DeliveryStore(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /**
     * Leases up to {@code limit} due subscriptions, at most {@code perTenant} of one tenant in flight at once
     * (counting those already leased), so that one tenant's slow endpoints cannot take every delivery slot.
     */
    public Uni<List<Claim>> claim(String leasedBy, int limit, int perTenant, Duration lease, Duration batchWindow) {
        return pool.withTransaction(c -> c.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(CLAIM_LOCK))
                .chain(() -> c.preparedQuery("WITH busy AS (SELECT tenant, count(*) AS n FROM webhook_subscriptions"
                        + " WHERE leased_by IS NOT NULL AND lease_until >= now() GROUP BY tenant),"
                        + " due AS (SELECT s.id, s.next_attempt_at,"
                        + " row_number() OVER (PARTITION BY s.tenant ORDER BY s.next_attempt_at, s.id) + COALESCE(b.n, 0) AS slot"
                        + " FROM webhook_subscriptions s"
                        + " JOIN api_clients o ON o.client_id = s.owner_client_id AND o.tenant = s.tenant"
                        + " AND NOT o.disabled AND NOT o.deleted AND s.environment = ANY (o.environments)"
                        + " LEFT JOIN busy b ON b.tenant = s.tenant"
                        + " WHERE s.active AND NOT s.deleted AND s.next_attempt_at <= now()"
                        + " AND (s.lease_until IS NULL OR s.lease_until < now())"
                        + " AND (EXISTS (SELECT 1 FROM inflight_ranges i WHERE i.subscription_id = s.id)"
                        + " OR EXISTS (SELECT 1 FROM pending_ranges p WHERE p.subscription_id = s.id"
                        + " AND p.first_seen_at <= now() - $3 * interval '1 millisecond')))"
                        + " UPDATE webhook_subscriptions SET lease_until = now() + $1 * interval '1 millisecond',"
                        + " leased_by = $2 WHERE id IN (SELECT s.id FROM webhook_subscriptions s"
                        + " WHERE s.id IN (SELECT id FROM due WHERE slot <= $5 ORDER BY next_attempt_at LIMIT $4)"
                        + " AND (s.lease_until IS NULL OR s.lease_until < now()) FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, tenant, url, client_id, secret_ciphertext, token_endpoint_url, failure_count")
                        .execute(Tuple.of(lease.toMillis(), leasedBy, batchWindow.toMillis(), limit, perTenant)))
                .map(rows -> {
                    List<Claim> claims = new ArrayList<>();
                    for (Row r : rows) {
                        claims.add(new Claim(r.getUUID("id"), r.getString("tenant"), r.getString("url"),
                                r.getString("client_id"), r.getBuffer("secret_ciphertext").getBytes(),
                                r.getString("token_endpoint_url"), r.getInteger("failure_count"), leasedBy));
                    }
                    return claims;
                }));
    }

    /**
     * Drops the ranges of collections the owner may no longer read (its scopes now, not when it subscribed),
     * moves what is pending into the in-flight batch and returns the batch: empty when there is nothing to
     * send, the lease is no longer this delivery's, or the owner was disabled or deleted, or lost the subscription's
     * environment, meanwhile.
     */
    public Uni<Batch> prepare(Claim claim) {
        return pool.withTransaction(c -> c.preparedQuery("SELECT o.scopes, o.roles, o.tenant FROM webhook_subscriptions s"
                + " JOIN api_clients o ON o.client_id = s.owner_client_id AND o.tenant = s.tenant"
                + " AND NOT o.disabled AND NOT o.deleted AND s.environment = ANY (o.environments)"
                + " WHERE s.id = $1 AND s.leased_by = $2 FOR UPDATE OF s").execute(Tuple.of(claim.id(), claim.leasedBy()))
                .chain(owner -> {
                    if (owner.size() != 1) {
                        return Uni.createFrom().item(new Batch(null, List.of()));
                    }
                    Row o = owner.iterator().next();
                    List<String> scopes = Arrays.asList(o.getArrayOfStrings("scopes"));
                    return access(c, o.getString("tenant"), Arrays.asList(o.getArrayOfStrings("roles")))
                            .chain(access -> dropUnreadable(c, claim, scopes, access))
                            .chain(droppedInflight -> move(c, claim, droppedInflight));
                }));
    }

    /**
     * What the owner's roles let it read now (API-CORE.md §C9): the rules of the live policies of its live roles;
     * {@link Access#UNRESTRICTED} for an owner with no roles.
     */
    private static Uni<Access> access(SqlConnection c, String tenant, List<String> roles) {
        if (roles.isEmpty()) {
            return Uni.createFrom().item(Access.UNRESTRICTED);
        }
        return c.preparedQuery("SELECT rule::text AS rule FROM roles r JOIN security_policies p ON p.tenant = r.tenant AND NOT p.deleted"
                + " AND r.policies ? p.name, jsonb_array_elements(p.rules) AS rule"
                + " WHERE r.tenant = $1 AND NOT r.deleted AND r.name = ANY ($2)")
                .execute(Tuple.of(tenant, roles.toArray(new String[0])))
                .map(rows -> {
                    List<JsonNode> rules = new ArrayList<>();
                    for (Row r : rows) {
                        rules.add(json(r.getString("rule")));
                    }
                    return Access.of(rules);
                });
    }

    private static JsonNode json(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored policy rule is not JSON", e);
        }
    }

    /**
     * Deletes the pending and in-flight ranges the owner may not read, by its scopes and its roles; returns whether the
     * in-flight batch shrank.
     */
    private static Uni<Boolean> dropUnreadable(SqlConnection c, Claim claim, List<String> scopes, Access access) {
        return c.preparedQuery("SELECT resource FROM pending_ranges WHERE subscription_id = $1"
                + " UNION SELECT resource FROM inflight_ranges WHERE subscription_id = $1").execute(Tuple.of(claim.id()))
                .chain(rows -> {
                    List<String> denied = new ArrayList<>();
                    for (Row r : rows) {
                        String resource = r.getString("resource");
                        if (!Scopes.canRead(scopes, resource)
                                || AccessControl.governs(resource) && !access.allows(resource, Access.Operation.READ)) {
                            denied.add(resource);
                        }
                    }
                    if (denied.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    Tuple args = Tuple.of(claim.id(), denied.toArray(new String[0]));
                    return c.preparedQuery("DELETE FROM pending_ranges WHERE subscription_id = $1 AND resource = ANY ($2)")
                            .execute(args)
                            .chain(() -> c.preparedQuery("DELETE FROM inflight_ranges WHERE subscription_id = $1"
                                    + " AND resource = ANY ($2)").execute(args))
                            .map(deleted -> deleted.rowCount() > 0);
                });
    }

    private Uni<Batch> move(SqlConnection c, Claim claim, boolean inflightShrank) {
        return c.preparedQuery("WITH moved AS (DELETE FROM pending_ranges"
                + " WHERE subscription_id = $1 RETURNING resource, from_at, to_at)"
                + " INSERT INTO inflight_ranges (subscription_id, resource, from_at, to_at)"
                + " SELECT $1, resource, from_at, to_at FROM moved"
                + " ON CONFLICT (subscription_id, resource) DO UPDATE SET"
                + " from_at = LEAST(inflight_ranges.from_at, EXCLUDED.from_at),"
                + " to_at = GREATEST(inflight_ranges.to_at, EXCLUDED.to_at)")
                .execute(Tuple.of(claim.id()))
                .chain(moved -> webhookId(c, claim, inflightShrank || moved.rowCount() > 0))
                .chain(webhookId -> c.preparedQuery("SELECT resource, from_at, to_at FROM inflight_ranges"
                        + " WHERE subscription_id = $1 ORDER BY resource").execute(Tuple.of(claim.id()))
                        .map(rows -> {
                            List<Range> ranges = new ArrayList<>();
                            for (Row r : rows) {
                                ranges.add(new Range(r.getString("resource"), r.getOffsetDateTime("from_at").toInstant(),
                                        r.getOffsetDateTime("to_at").toInstant()));
                            }
                            return new Batch(webhookId, ranges);
                        }));
    }

    /** The batch's webhook-id: kept while the body stays the same, new when it changed (an id never names two bodies). */
    private static Uni<String> webhookId(SqlConnection c, Claim claim, boolean widened) {
        String fresh = "msg_" + UUID.randomUUID().toString().replace("-", "");
        return c.preparedQuery("UPDATE webhook_subscriptions SET inflight_webhook_id ="
                + " CASE WHEN $2 OR inflight_webhook_id IS NULL THEN $3 ELSE inflight_webhook_id END"
                + " WHERE id = $1 RETURNING inflight_webhook_id")
                .execute(Tuple.of(claim.id(), widened, fresh))
                .map(rows -> rows.iterator().next().getString("inflight_webhook_id"));
    }

    /** Nothing to send after all (a range already delivered by a lease that ran out): free the lease. */
    public Uni<Void> release(Claim claim) {
        return pool.preparedQuery("UPDATE webhook_subscriptions SET lease_until = NULL, leased_by = NULL"
                + " WHERE id = $1 AND leased_by = $2").execute(Tuple.of(claim.id(), claim.leasedBy())).replaceWithVoid();
    }

    /**
     * Removes exactly the ranges sent, records the attempt, resets the failures and frees the lease; returns
     * false, having written nothing, when the lease is no longer this delivery's (and the attempt is not recorded
     * already, by an earlier try). Each statement may take at most {@code timeout}.
     */
    public Uni<Boolean> succeeded(Claim claim, Batch batch, Attempt attempt, Duration timeout) {
        return pool.withTransaction(c -> bounded(c, timeout).chain(() -> held(c, claim)).chain(held -> {
            if (!held) {
                return recorded(c, attempt);
            }
            List<Tuple> sent = new ArrayList<>();
            for (Range r : batch.ranges()) {
                sent.add(Tuple.of(claim.id(), r.resource(), utc(r.from()), utc(r.to())));
            }
            return c.preparedQuery("DELETE FROM inflight_ranges WHERE subscription_id = $1 AND resource = $2"
                    + " AND from_at = $3 AND to_at = $4").executeBatch(sent)
                    .chain(() -> record(c, claim, attempt))
                    .chain(() -> c.preparedQuery("UPDATE webhook_subscriptions SET last_success_at = now(),"
                            + " failure_count = 0, first_failure_at = NULL, next_attempt_at = now(),"
                            + " inflight_webhook_id = NULL, lease_until = NULL, leased_by = NULL"
                            + " WHERE id = $1 AND leased_by = $2").execute(Tuple.of(claim.id(), claim.leasedBy())))
                    .replaceWith(true);
        }));
    }

    /**
     * Keeps the batch, records the attempt, backs off until {@code retryIn}; disables the subscription when it
     * has been failing without interruption for {@code disableAfter}. Writes nothing when the lease is no
     * longer this delivery's (RECORDED if an earlier try recorded the attempt). Each statement may take at most
     * {@code timeout}.
     */
    public Uni<Recorded> failed(Claim claim, Attempt attempt, Duration retryIn, Duration disableAfter, String disabledReason,
            Duration timeout) {
        return pool.withTransaction(c -> bounded(c, timeout).chain(() -> held(c, claim)).chain(held -> !held
                ? recorded(c, attempt).map(recorded -> recorded ? Recorded.RECORDED : Recorded.LEASE_LOST)
                : record(c, claim, attempt)
                .chain(() -> c.preparedQuery("UPDATE webhook_subscriptions SET last_failure_at = now(),"
                        + " failure_count = failure_count + 1, first_failure_at = COALESCE(first_failure_at, now()),"
                        + " next_attempt_at = now() + $3 * interval '1 millisecond',"
                        + " active = active AND NOT (COALESCE(first_failure_at, now()) <= now() - $4 * interval '1 millisecond'),"
                        + " disabled_reason = CASE WHEN COALESCE(first_failure_at, now()) <= now() - $4 * interval '1 millisecond'"
                        + " THEN $5 ELSE disabled_reason END,"
                        + " updated_at = CASE WHEN COALESCE(first_failure_at, now()) <= now() - $4 * interval '1 millisecond'"
                        + " THEN GREATEST(clock_timestamp(), updated_at + interval '1 microsecond') ELSE updated_at END,"
                        + " lease_until = NULL, leased_by = NULL"
                        + " WHERE id = $1 AND leased_by = $2 RETURNING active, tenant, environment, updated_at")
                        .execute(Tuple.of(claim.id(), claim.leasedBy(), retryIn.toMillis(), disableAfter.toMillis(),
                                disabledReason))
                        .chain(rows -> {
                            if (rows.size() != 1 || rows.iterator().next().getBoolean("active")) {
                                return Uni.createFrom().item(Recorded.RECORDED);
                            }
                            // Disabling changes the subscription: its change event, in the same transaction.
                            Row row = rows.iterator().next();
                            Partition partition = new Partition(row.getString("tenant"), row.getString("environment"));
                            return outbox.record(c, partition, "webhook_subscriptions", claim.id(),
                                    ChangeOperation.UPDATED, row.getOffsetDateTime("updated_at").toInstant())
                                    .replaceWith(Recorded.DISABLED);
                        }))));
    }

    /**
     * The attempt's outcome could not be recorded: its lease ends within {@code soon} rather than running its
     * course, so that the batch, still in flight, is claimed and sent again promptly (at least once). Bounded
     * like a record.
     */
    public Uni<Void> handBack(Claim claim, Duration soon, Duration timeout) {
        return pool.withTransaction(c -> bounded(c, timeout).chain(() -> c.preparedQuery("UPDATE webhook_subscriptions"
                + " SET lease_until = LEAST(lease_until, now() + $3 * interval '1 millisecond')"
                + " WHERE id = $1 AND leased_by = $2").execute(Tuple.of(claim.id(), claim.leasedBy(), soon.toMillis()))))
                .replaceWithVoid();
    }

    /** Bounds each later statement of the transaction (lock waits included): it fails with SQLSTATE 57014 instead. */
    private static Uni<Void> bounded(SqlConnection c, Duration timeout) {
        return c.preparedQuery("SELECT set_config('statement_timeout', $1, true)")
                .execute(Tuple.of(Long.toString(timeout.toMillis()))).replaceWithVoid();
    }

    /** Whether {@code a} is recorded already: an earlier try of this record committed, and its answer was lost. */
    private static Uni<Boolean> recorded(SqlConnection c, Attempt a) {
        return c.preparedQuery("SELECT 1 FROM webhook_deliveries WHERE id = $1").execute(Tuple.of(a.id()))
                .map(rows -> rows.size() == 1);
    }

    /** Whether the lease is still this delivery's, locking the row so that no claim can take it meanwhile. */
    private static Uni<Boolean> held(SqlConnection c, Claim claim) {
        return c.preparedQuery("SELECT 1 FROM webhook_subscriptions WHERE id = $1 AND leased_by = $2 FOR UPDATE")
                .execute(Tuple.of(claim.id(), claim.leasedBy())).map(rows -> rows.size() == 1);
    }

    /** How many live subscriptions have changes waiting (pending or in flight): the metric. */
    public Uni<Long> pendingSubscriptions() {
        return pool.query("SELECT count(*) AS n FROM webhook_subscriptions s WHERE s.active AND NOT s.deleted AND"
                + " (EXISTS (SELECT 1 FROM pending_ranges p WHERE p.subscription_id = s.id)"
                + " OR EXISTS (SELECT 1 FROM inflight_ranges i WHERE i.subscription_id = s.id))")
                .execute().map(rows -> rows.iterator().next().getLong("n"));
    }

    private static Uni<Void> record(SqlConnection c, Claim claim, Attempt a) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return c.preparedQuery("INSERT INTO webhook_deliveries (id, tenant, subscription_id, webhook_id, succeeded,"
                + " status_code, error, latency_ms, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)")
                .execute(Tuple.tuple().addUUID(a.id()).addString(claim.tenant()).addUUID(claim.id()).addString(a.webhookId())
                        .addBoolean(a.succeeded()).addInteger(a.statusCode()).addString(a.error()).addInteger(a.latencyMs())
                        .addString(a.body()).addOffsetDateTime(now))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
