package io.carehub.notifier.pending;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.security.ApiCollections;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.web.Timestamps;
import io.carehub.notifier.config.WebhooksConfig;
import io.carehub.notifier.delivery.Dispatcher;
import io.carehub.notifier.subscription.Collections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Consumes every {@code *.changes} topic (API.md §6) in the consumer group, at least once: for each poll the
 * events are reduced to one (least, greatest {@code updated_at}) per tenant, environment and collection, merged into the
 * pending ranges of the matching subscriptions in one statement, and only then are the offsets committed.
 * A crash before the commit replays the poll, which the idempotent merge absorbs. Runs on its own thread
 * (the Kafka consumer and the {@code await} on the database both block; no event loop is involved).
 */
@ApplicationScoped
public class ChangeConsumer {

    private static final Logger LOG = Logger.getLogger(ChangeConsumer.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final WebhooksConfig.Consumer config;
    private final String bootstrapServers;
    private final PendingRanges pending;
    private final Dispatcher dispatcher;
    private final ObjectMapper json = new ObjectMapper();
    private final Counter consumed;
    private final Counter malformed;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public ChangeConsumer(WebhooksConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            PendingRanges pending, Dispatcher dispatcher, MeterRegistry metrics) {
        this.config = config.consumer();
        this.bootstrapServers = bootstrapServers;
        this.pending = pending;
        this.dispatcher = dispatcher;
        this.consumed = Counter.builder("carehub.webhooks.change.events").description("Change events consumed")
                .register(metrics);
        this.malformed = Counter.builder("carehub.webhooks.change.events.malformed")
                .description("Change events skipped as malformed").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "webhook-change-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }

    private void run() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group (or topic) starts from the beginning: nothing is skipped, replays merge harmlessly.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) config.metadataMaxAge().toMillis());
        int session = (int) config.sessionTimeout().toMillis();
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(1000, session / 3));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            consumer = c;
            c.subscribe(Pattern.compile(config.topicPattern()));
            while (running) {
                ConsumerRecords<String, String> records = c.poll(config.pollTimeout());
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    int ranges = pending.merge(reduce(records).values()).await().atMost(STORE_TIMEOUT);
                    c.commitSync();
                    if (ranges > 0) {
                        dispatcher.wake();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Not stored: read the same records again (nothing committed), after a pause.
                    LOG.warnf("cannot store the pending ranges of %d change events, retrying: %s", records.count(),
                            e.getClass().getSimpleName());
                    for (TopicPartition tp : records.partitions()) {
                        c.seek(tp, records.records(tp).get(0).offset());
                    }
                    pause();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("the change-event consumer stopped", e);
        } finally {
            consumer = null;
        }
    }

    /**
     * One change per (tenant, environment, collection): the least and greatest {@code updated_at} of the poll's
     * events.
     */
    Map<List<String>, PendingRanges.Change> reduce(ConsumerRecords<String, String> records) {
        Map<List<String>, PendingRanges.Change> changes = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            consumed.increment();
            PendingRanges.Change change = parse(record);
            if (change == null) {
                malformed.increment();
                continue;
            }
            changes.merge(Arrays.asList(change.tenant(), change.environment(), change.resource()), change,
                    (a, b) -> new PendingRanges.Change(a.tenant(), a.environment(), a.resource(), min(a.from(), b.from()),
                            max(a.to(), b.to())));
        }
        return changes;
    }

    /** The change a CloudEvent announces, or null (logged by position only: never the payload) when malformed. */
    private PendingRanges.Change parse(ConsumerRecord<String, String> record) {
        try {
            JsonNode data = record.value() == null ? null : json.readTree(record.value()).get("data");
            String tenant = text(data, "tenant");
            String resource = text(data, "resource");
            // None for a tenant-wide collection (api_clients): every environment's subscriptions hear of it. Any other
            // event without one was written before environments, when all data was live.
            String environment = text(data, "environment");
            if (environment == null && !ApiCollections.TENANT_WIDE.contains(resource)) {
                environment = Partition.LIVE;
            }
            Instant updatedAt = Timestamps.parse(text(data, "updated_at")).orElse(null);
            if (tenant != null && resource != null && updatedAt != null && Collections.exists(resource)) {
                return new PendingRanges.Change(tenant, environment, resource, updatedAt, updatedAt);
            }
        } catch (Exception e) {
            // reported below
        }
        LOG.warnf("skipped a malformed change event at %s-%d offset %d", record.topic(), record.partition(), record.offset());
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() && !v.textValue().isBlank() ? v.textValue() : null;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
