package io.carehub.commons.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "carehub.outbox")
public interface OutboxConfig {

    /** Whether this instance relays outbox rows to Kafka. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows claimed and published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long a publish may wait for Kafka before the batch is rolled back and retried. */
    @WithDefault("15s")
    Duration publishTimeout();

    /** An outbox row older than this makes the {@code outbox} health check report DOWN. */
    @WithDefault("60s")
    Duration maxLag();
}
