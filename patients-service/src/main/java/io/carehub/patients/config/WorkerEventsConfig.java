package io.carehub.patients.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How patients-service learns of scheduling-service's workers (see {@code events.WorkerEventsConsumer}). */
@ConfigMapping(prefix = "carehub.worker-events")
public interface WorkerEventsConfig {

    /** Whether this instance consumes worker events (every instance may: they share the consumer group). */
    @WithDefault("true")
    boolean enabled();

    /** scheduling-service's change events. */
    @WithDefault("scheduling-service.changes")
    String topic();

    /** The consumer group: one per service, so that each event is stored once by one of its replicas. */
    @WithDefault("patients-service")
    String groupId();

    /** How long to wait before retrying a batch that could not be stored. */
    @WithDefault("2s")
    Duration retryBackoff();
}
