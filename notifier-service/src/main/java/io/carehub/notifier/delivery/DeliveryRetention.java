package io.carehub.notifier.delivery;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.carehub.notifier.config.WebhooksConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Forgets delivery attempts older than {@code carehub.webhooks.delivery-retention} (they are a subscriber's
 * recent history, not an archive): without it, {@code webhook_deliveries} grows with every ping forever.
 */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);

    private final Pool pool;
    private final Duration keep;

    public DeliveryRetention(Pool pool, WebhooksConfig config) {
        this.pool = pool;
        this.keep = config.deliveryRetention();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return purgeOlderThan(keep).invoke(n -> LOG.debugf("forgot %d delivery attempts older than %s", n, keep)).replaceWithVoid();
    }

    /** Deletes the attempts older than {@code age}; returns how many. */
    public Uni<Integer> purgeOlderThan(Duration age) {
        return pool.preparedQuery("DELETE FROM webhook_deliveries WHERE created_at < now() - $1 * interval '1 millisecond'")
                .execute(Tuple.of(age.toMillis())).map(rows -> rows.rowCount());
    }
}
