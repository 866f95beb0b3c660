package io.carehub.commons.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The API clients whose tokens this instance refuses, as {@link RevocationFeed} learns of them from
 * notifier-service's api_clients events. In memory: the change topic is compacted, so the feed rebuilds it at every
 * start by reading the topic from its beginning, and requests wait for that (at most
 * {@code carehub.revocation.startup-wait}) so that a client revoked before the start is refused from the first one.
 * <p>
 * A client is either <em>revoked</em> (notifier-service said it is disabled, or it was deleted): every token of it
 * is refused; or <em>unconfirmed</em>: an {@code updated} event came (it may have been disabled) and
 * notifier-service could not be asked: the tokens issued before that update (with {@link #LEEWAY}) are refused
 * until notifier-service answers, while one issued afterwards is not. So a notifier outage never lets a disabled
 * client through, and never locks out a client updated long ago (its tokens from before that are expired) or one
 * given a token since. A client that notifier-service says is usable again is forgotten.
 */
@DefaultBean
@ApplicationScoped
public class RevokedClients implements ClientRevocations {

    private static final Logger LOG = Logger.getLogger(RevokedClients.class);

    /**
     * How much later than an unconfirmed update a token may say it was issued and still be refused: the update's
     * time is the database's clock when its transaction began, the token's notifier-service's clock, and a token
     * may be issued by another replica while the update commits.
     */
    static final Duration LEEWAY = Duration.ofSeconds(60);

    /** An API client by its tenant and api_clients id (the access token's {@code api_client_id}). */
    public record Client(String tenant, UUID id) {
    }

    /** {@code confirmed}: every token refused; otherwise those issued up to {@code through} (with the leeway). */
    private record Revocation(boolean confirmed, Instant through) {
    }

    private final ConcurrentHashMap<Client, Revocation> revoked = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> readAtStart = new CompletableFuture<>();

    public RevokedClients(MeterRegistry metrics) {
        Gauge.builder("carehub.revocation.clients", revoked, m -> m.values().stream().filter(Revocation::confirmed).count())
                .description("API clients whose tokens are refused: disabled or deleted").tag("state", "revoked")
                .register(metrics);
        Gauge.builder("carehub.revocation.clients", revoked, m -> m.values().stream().filter(r -> !r.confirmed()).count())
                .description("API clients updated while notifier-service could not say whether they are usable")
                .tag("state", "unconfirmed").register(metrics);
    }

    @Override
    public Uni<Boolean> refuses(String tenant, UUID apiClient, Instant issuedAt) {
        Client client = new Client(tenant, apiClient);
        if (readAtStart.isDone()) {
            return Uni.createFrom().item(refusesNow(client, issuedAt));
        }
        // Back on the request's own context once the topic is read: what follows (Hibernate Reactive) needs it.
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> readAtStart.whenComplete((ignored, failure) -> {
            if (context == null) {
                emitter.complete(refusesNow(client, issuedAt));
            } else {
                context.runOnContext(v -> emitter.complete(refusesNow(client, issuedAt)));
            }
        }));
    }

    private boolean refusesNow(Client client, Instant issuedAt) {
        Revocation r = revoked.get(client);
        return r != null && (r.confirmed() || !issuedAt.isAfter(r.through().plus(LEEWAY)));
    }

    /** Disabled or deleted: every token of it is refused. */
    public void revoke(Client client) {
        revoked.put(client, new Revocation(true, Instant.MAX));
    }

    /** Usable (again): its tokens are accepted. */
    public void restore(Client client) {
        revoked.remove(client);
    }

    /**
     * Updated at {@code updatedAt}, to a state notifier-service could not tell: its tokens issued up to then are
     * refused until it can; a client already revoked stays so.
     */
    public void unconfirmed(Client client, Instant updatedAt) {
        revoked.merge(client, new Revocation(false, updatedAt), (old, now) -> old.confirmed() ? old
                : new Revocation(false, old.through().isAfter(now.through()) ? old.through() : now.through()));
    }

    /** The clients to ask notifier-service about again. */
    public Set<Client> unconfirmed() {
        return revoked.entrySet().stream().filter(e -> !e.getValue().confirmed()).map(java.util.Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** The topic has been read to its end once: requests need not wait any more. */
    void readToEnd() {
        readAtStart.complete(null);
    }

    /** Requests wait for {@code topic} at most this long from now (Kafka may be unreachable at start). */
    void waitAtMost(Duration wait, String topic) {
        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (readAtStart.complete(null)) {
                LOG.warnf("revocations: %s not read to its end %s after start; requests go on, and a client revoked"
                        + " before the start is refused once it is", topic, wait);
            }
        });
    }
}
