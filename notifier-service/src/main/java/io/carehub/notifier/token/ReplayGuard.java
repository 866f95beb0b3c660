package io.carehub.notifier.token;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Refuses an assertion whose {@code jti} its client already used while that use is still valid (API.md
 * §1). The table's primary key decides, not a prior read: of two concurrent uses exactly one inserts; a row
 * whose assertion has expired may be taken over by a new assertion with the same jti.
 */
@ApplicationScoped
public class ReplayGuard {

    private static final Logger LOG = Logger.getLogger(ReplayGuard.class);

    private final Pool pool;

    public ReplayGuard(Pool pool) {
        this.pool = pool;
    }

    /** True on the first use of {@code jti} by {@code clientId} (remembered until {@code validUntil}), false on a replay. */
    public Uni<Boolean> firstUse(String clientId, String jti, Instant validUntil) {
        return pool.preparedQuery("INSERT INTO used_assertions (client_id, jti, expires_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT (client_id, jti) DO UPDATE SET expires_at = EXCLUDED.expires_at"
                + " WHERE used_assertions.expires_at < now()")
                .execute(Tuple.of(clientId, jti, OffsetDateTime.ofInstant(validUntil, ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Forgets the ids of assertions that have expired: they could not be replayed anyway. */
    @Scheduled(every = "${carehub.token.replay-purge-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return pool.query("DELETE FROM used_assertions WHERE expires_at < now()").execute()
                .invoke(rows -> LOG.debugf("forgot %d expired assertion ids", rows.rowCount()))
                .replaceWithVoid();
    }
}
