package io.carehub.commons.references;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The resources of other services that this service's fields name ({@code coach_id} names a worker of
 * scheduling-service): for each referenced collection, its owner's change topic and internal URL.
 * <pre>
 * carehub.references.collections.workers.topic=scheduling-service.changes
 * carehub.references.collections.workers.owner-url=http://localhost:8082
 * </pre>
 */
@ConfigMapping(prefix = "carehub.references")
public interface ReferencesConfig {

    /** By referenced collection name ({@code workers}, {@code patients}, ...). Empty: this service names none. */
    Map<String, Owner> collections();

    /** Whether this instance consumes the owners' topics (every replica may: they share the consumer group). */
    @WithDefault("true")
    boolean consume();

    /** The consumer group: one per service, so that each event is stored once by one of its replicas. */
    @WithDefault("${quarkus.application.name}")
    String groupId();

    /** How long to wait before retrying a batch of events that could not be stored. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** How long an owner may take to answer whether an id exists before the request is answered {@code 503}. */
    @WithDefault("2s")
    Duration ownerTimeout();

    /** The {@code Retry-After} of that {@code 503}. */
    @WithDefault("5s")
    Duration retryAfter();

    interface Owner {

        /** The owner's change topic ({@code scheduling-service.changes}). */
        String topic();

        /** The owner's own base URL (not the gateway's): its internal endpoints are not routed by the gateway. */
        String ownerUrl();
    }
}
