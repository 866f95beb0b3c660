package io.carehub.notifier.subscription;

import java.util.HashMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.FindHorizon;
import io.carehub.commons.tenancy.Partition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    private static final String OWNED = "tenant = ?1 and environment = ?2 and ownerClientId = ?3 and id = ?4 and deleted = false";

    /**
     * A live subscription of {@code owner} in {@code partition}, or null: another client's, or one of another
     * environment, is indistinguishable from none.
     */
    public Uni<WebhookSubscription> findOwned(Partition partition, String owner, UUID id) {
        return find(OWNED, partition.tenant(), partition.environment(), owner, id).firstResult();
    }

    /** As {@link #findOwned}, locked for this transaction's change. */
    public Uni<WebhookSubscription> lockOwned(Partition partition, String owner, UUID id) {
        return find(OWNED, partition.tenant(), partition.environment(), owner, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** One Find page of the owner's subscriptions in {@code partition}. */
    public Uni<PageRows<WebhookSubscription>> page(Partition partition, String owner, FindParameters find) {
        KeysetQuery query = KeysetQuery.of(partition, find, true);
        return FindHorizon.read().chain(horizon -> {
            KeysetQuery bounded = query.before(horizon.bound());
            var params = new HashMap<>(bounded.parameters());
            params.put("owner", owner);
            return find("ownerClientId = :owner and " + bounded.hql(), params).range(0, bounded.fetchSize() - 1).list()
                    .map(rows -> new PageRows<>(rows, horizon.mayGrow(query.to())));
        });
    }

    /** Live subscriptions of {@code tenant}, every client's in every environment. */
    public Uni<Long> countLive(String tenant) {
        return count("tenant = ?1 and deleted = false", tenant);
    }

    /**
     * Serialises the Creates of one tenant until the end of the transaction, so that two at once cannot both
     * pass the per-tenant bound.
     */
    public Uni<Void> lockTenant(String tenant) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('webhook_subscriptions/' || ?1, 0))) l")
                .setParameter(1, tenant).getSingleResult()).replaceWithVoid();
    }

    /**
     * Re-enables a subscription: clears the reason, the run of failures and the backoff. The dispatcher's
     * columns are written with SQL (they are read-only in the entity).
     */
    public Uni<Integer> reenable(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery("UPDATE webhook_subscriptions SET"
                + " disabled_reason = NULL, failure_count = 0, first_failure_at = NULL, next_attempt_at = now()"
                + " WHERE id = ?1").setParameter(1, id).executeUpdate());
    }

    /** A deleted subscription has nothing left to send. */
    public Uni<Integer> forgetRanges(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "DELETE FROM pending_ranges WHERE subscription_id = ?1").setParameter(1, id).executeUpdate()
                .chain(() -> session.createNativeQuery("DELETE FROM inflight_ranges WHERE subscription_id = ?1")
                        .setParameter(1, id).executeUpdate()));
    }
}
