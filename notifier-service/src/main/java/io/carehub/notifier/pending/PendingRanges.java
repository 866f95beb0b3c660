package io.carehub.notifier.pending;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The changes not yet sent, per subscription and collection ({@code pending_ranges}). Every write merges:
 * least {@code from}, greatest {@code to}, so storing the same change twice does no harm.
 */
@ApplicationScoped
public class PendingRanges {

    /**
     * The changes of one poll in one (tenant, environment, collection): the least and greatest {@code updated_at}.
     * {@code environment} is null for a tenant-wide collection (api_clients), whose changes concern every environment.
     */
    public record Change(String tenant, String environment, String resource, Instant from, Instant to) {
    }

    private static final String MERGE = " ON CONFLICT (subscription_id, resource) DO UPDATE SET"
            + " from_at = LEAST(pending_ranges.from_at, EXCLUDED.from_at),"
            + " to_at = GREATEST(pending_ranges.to_at, EXCLUDED.to_at),"
            + " first_seen_at = LEAST(pending_ranges.first_seen_at, EXCLUDED.first_seen_at)";

    private final Pool pool;

    public PendingRanges(Pool pool) {
        this.pool = pool;
    }

    /**
     * Merges the changes of one poll into the pending ranges of every live subscription of their tenant and
     * environment (of every environment, for a tenant-wide collection) that covers their collection: one
     * statement, one row per (subscription, collection), as each (tenant, environment, collection) appears once in
     * {@code changes} and a tenant-wide collection's changes have no environment. Returns the number of ranges
     * written.
     */
    public Uni<Integer> merge(Collection<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = changes.size();
        String[] tenants = new String[n];
        String[] environments = new String[n];
        String[] resources = new String[n];
        OffsetDateTime[] froms = new OffsetDateTime[n];
        OffsetDateTime[] tos = new OffsetDateTime[n];
        int i = 0;
        for (Change c : changes) {
            tenants[i] = c.tenant();
            environments[i] = c.environment();
            resources[i] = c.resource();
            froms[i] = OffsetDateTime.ofInstant(c.from(), ZoneOffset.UTC);
            tos[i] = OffsetDateTime.ofInstant(c.to(), ZoneOffset.UTC);
            i++;
        }
        return pool.preparedQuery("INSERT INTO pending_ranges (subscription_id, resource, from_at, to_at, first_seen_at)"
                + " SELECT s.id, c.resource, c.from_at, c.to_at, now()"
                + " FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])"
                + " AS c(tenant, environment, resource, from_at, to_at)"
                + " JOIN webhook_subscriptions s ON s.tenant = c.tenant"
                + " AND (c.environment IS NULL OR s.environment = c.environment) AND s.active AND NOT s.deleted"
                + " AND (s.resources IS NULL OR c.resource = ANY (s.resources))" + MERGE)
                .execute(Tuple.tuple().addArrayOfString(tenants).addArrayOfString(environments).addArrayOfString(resources)
                        .addArrayOfOffsetDateTime(froms).addArrayOfOffsetDateTime(tos))
                .map(rows -> rows.rowCount());
    }

    /** Redeliver: a range from {@code from} to now for each of {@code resources}, merged into what is pending. */
    public Uni<Integer> addSince(UUID subscriptionId, List<String> resources, Instant from) {
        return pool.preparedQuery("INSERT INTO pending_ranges (subscription_id, resource, from_at, to_at, first_seen_at)"
                + " SELECT $1, r, $2, now(), now() FROM unnest($3::text[]) AS r" + MERGE)
                .execute(Tuple.of(subscriptionId, OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        resources.toArray(new String[0])))
                .map(rows -> rows.rowCount());
    }
}
