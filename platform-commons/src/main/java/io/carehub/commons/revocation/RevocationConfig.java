package io.carehub.commons.revocation;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a service learns that an API client was disabled or deleted ({@link RevocationFeed}): notifier-service's
 * change topic, and notifier-service itself, asked about a client an {@code updated} event names.
 * <pre>
 * carehub.revocation.notifier-url=http://localhost:8085
 * </pre>
 */
@ConfigMapping(prefix = "carehub.revocation")
public interface RevocationConfig {

    /**
     * Whether this instance reads the api_clients events. Off only where the clients are at hand: notifier-service
     * checks them in its own database on every request.
     */
    @WithDefault("true")
    boolean consume();

    /** notifier-service's change topic, where api_clients events come. */
    @WithDefault("notifier-service.changes")
    String topic();

    /** notifier-service's own base URL (not the gateway's): its internal endpoint says whether a client is usable. */
    Optional<String> notifierUrl();

    /** How long notifier-service may take to answer; past it, the client's state is unknown (see {@link RevokedClients}). */
    @WithDefault("2s")
    Duration askTimeout();

    /** How often a client whose state is unknown is asked about again. */
    @WithDefault("5s")
    Duration retryInterval();

    /** How long one poll of the topic waits for events (the consumer wakes as soon as one arrives). */
    @WithDefault("1s")
    Duration pollTimeout();

    /**
     * How long requests wait at start for the topic to be read to its end, so that a client revoked before this
     * instance started is refused from its first request. Past it (Kafka unreachable), requests go on without.
     */
    @WithDefault("10s")
    Duration startupWait();
}
