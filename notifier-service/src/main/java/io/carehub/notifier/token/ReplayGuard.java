package io.carehub.notifier.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

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
 * <p>
 * An assertion without {@code jti} cannot be told from its replay, so it is remembered by a digest of itself
 * and accepted only within {@link #JTI_LESS_WINDOW} of its first use: a copy stolen later is worthless even if
 * its {@code exp} is an hour ahead. Clients that send a fresh assertion per token request (the reference's
 * PyJWT example) never notice.
 */
@ApplicationScoped
public class ReplayGuard {

    static final Duration JTI_LESS_WINDOW = Duration.ofMinutes(5);
    /** Keeps digests apart from jtis a client chose (a jti is a client's string; this prefix names no UUID). */
    private static final String DIGEST_PREFIX = "sha256:";

    private static final Logger LOG = Logger.getLogger(ReplayGuard.class);

    private final Pool pool;

    public ReplayGuard(Pool pool) {
        this.pool = pool;
    }

    /** True on the first use of {@code jti} by {@code clientId} (remembered until {@code validUntil}), false on a replay. */
    public Uni<Boolean> firstUse(String clientId, String jti, Instant validUntil) {
        return pool.preparedQuery("INSERT INTO used_assertions (client_id, jti, expires_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT (client_id, jti) DO UPDATE SET expires_at = EXCLUDED.expires_at, first_used_at = now()"
                + " WHERE used_assertions.expires_at < now()")
                .execute(Tuple.of(clientId, jti, OffsetDateTime.ofInstant(validUntil, ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * True while the jti-less {@code assertion} is within {@link #JTI_LESS_WINDOW} of its first use by
     * {@code clientId}; it is remembered until {@code validUntil} (its exp), so that it cannot start afresh.
     */
    public Uni<Boolean> withinJtiLessWindow(String clientId, String assertion, Instant validUntil) {
        return pool.preparedQuery("INSERT INTO used_assertions (client_id, jti, expires_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT (client_id, jti) DO UPDATE SET expires_at = used_assertions.expires_at"
                + " RETURNING first_used_at > now() - make_interval(secs => $4)")
                .execute(Tuple.of(clientId, digest(assertion), OffsetDateTime.ofInstant(validUntil, ZoneOffset.UTC),
                        (double) JTI_LESS_WINDOW.toSeconds()))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Forgets the ids of assertions that have expired: they could not be replayed anyway. */
    @Scheduled(every = "${carehub.token.replay-purge-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return pool.query("DELETE FROM used_assertions WHERE expires_at < now()").execute()
                .invoke(rows -> LOG.debugf("forgot %d expired assertion ids", rows.rowCount()))
                .replaceWithVoid();
    }

    private static String digest(String assertion) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(assertion.getBytes(StandardCharsets.US_ASCII));
            return DIGEST_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
