package io.carehub.notifier.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook subscriptions and their delivery (API.md §7): URL safety, the consumer, the dispatcher. */
@ConfigMapping(prefix = "carehub.webhooks")
public interface WebhooksConfig {

    /** The gateway's base URL: the default {@code client_id} of a subscription and the base of every {@code href}. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** {@code WEBHOOK_ALLOW_PRIVATE_URLS}: accept URLs resolving to loopback, link-local or private addresses. */
    @WithDefault("false")
    boolean allowPrivateUrls();

    /** Delivery attempts ({@code GET .../deliveries}) older than this are forgotten. */
    @WithDefault("30d")
    Duration deliveryRetention();

    Consumer consumer();

    Dispatcher dispatcher();

    interface Consumer {

        /** Whether the change-event consumer runs (one per instance, in the consumer group). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("notifier-service")
        String groupId();

        /** The topics consumed: every {@code <service>.changes}. */
        @WithDefault(".*\\.changes")
        String topicPattern();

        @WithDefault("500ms")
        Duration pollTimeout();

        /** How soon a new {@code *.changes} topic is noticed (Kafka's metadata.max.age.ms). */
        @WithDefault("30s")
        Duration metadataMaxAge();

        /**
         * How long the group waits for a silent instance before its partitions go to the others (Kafka's
         * session.timeout.ms; heartbeats every third of it). Kafka's 45 s default made an instance that died
         * ({@code kill -9}, a lost node) hold back its partitions' changes for 45 s.
         */
        @WithDefault("10s")
        Duration sessionTimeout();

        @WithDefault("500")
        int maxPollRecords();
    }

    interface Dispatcher {

        @WithDefault("true")
        boolean enabled();

        /** This instance's name in leases; default a random one per start. */
        Optional<String> instanceId();

        /** How often due subscriptions are looked for (a change stored by this instance wakes it at once). */
        @WithDefault("100ms")
        Duration pollInterval();

        /** Changes wait this long before a delivery, so that a burst goes out as one notification. */
        @WithDefault("200ms")
        Duration batchWindow();

        /** Deliveries in progress at once (each subscription at most one): a slow endpoint holds one slot. */
        @WithDefault("16")
        int concurrency();

        /**
         * Of one tenant's subscriptions, at most this many are delivered at once (on one instance or many), so
         * that one tenant's slow endpoints leave the other slots to the other tenants.
         */
        @WithDefault("4")
        int tenantConcurrency();

        /**
         * The whole time of one request (connect, headers and body, enforced by aborting it), for the delivery
         * and for the token exchange each.
         */
        @WithDefault("10s")
        Duration requestTimeout();

        /** How long a claim holds a subscription; longer than a token exchange plus a delivery. */
        @WithDefault("60s")
        Duration lease();

        /**
         * The longest one statement of recording an attempt's outcome may take, lock waits included (the record's
         * {@code statement_timeout}): a record stuck behind a lock fails, so that it is tried again and the lease
         * handed back within seconds, instead of holding the delivery until the lease runs out.
         */
        @WithDefault("5s")
        Duration recordTimeout();

        /** First retry delay; doubles with every failure, with jitter, up to retryMax. */
        @WithDefault("5s")
        Duration retryBase();

        @WithDefault("30m")
        Duration retryMax();

        /** Uninterrupted failure for this long disables the subscription. */
        @WithDefault("3d")
        Duration disableAfter();
    }
}
