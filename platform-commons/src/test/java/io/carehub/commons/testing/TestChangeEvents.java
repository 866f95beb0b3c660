package io.carehub.commons.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.outbox.ChangeTopics;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Change events in tests, the same for every service: what an action published on a change topic, publishing
 * another service's events (to a compacted topic, as every change topic is), and waiting for the reference
 * mechanism to have stored what such an event made known.
 */
public final class TestChangeEvents {

    public static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMPACTED = ConcurrentHashMap.newKeySet();

    private TestChangeEvents() {
    }

    /**
     * The change events of {@code tenant} (and of {@code resource}; every resource when null) that {@code action}
     * published on {@code topic}, in the order read. The action is bracketed by two {@code marker} writes (of
     * another tenant; each returns the id of what it wrote): everything the action committed is in the outbox
     * before the second marker, and the relay publishes in outbox order, so once the second marker has arrived (and
     * every partition is read to its end) nothing of the action is still to come. Whatever came before the first
     * marker, on any partition, is not the action's.
     */
    public static List<JsonNode> publishedBy(String topic, Supplier<String> marker, String tenant, String resource,
            Runnable action) {
        List<JsonNode> events = new ArrayList<>();
        recordsPublishedBy(topic, marker, tenant, resource, action).forEach(r -> events.add(json(r.value())));
        return events;
    }

    /** The same, as the records themselves: with their keys (e.g. for {@link ChangeEventContract#validate}). */
    public static List<ConsumerRecord<String, String>> recordsPublishedBy(String topic, Supplier<String> marker, String tenant,
            String resource, Runnable action) {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(topic)) {
            String before = marker.get();
            TestKafka.pollUntil(consumer, r -> before.equals(r.key()), DEADLINE);
            readToEnd(consumer);
            action.run();
            String after = marker.get();
            List<ConsumerRecord<String, String>> seen = pollPast(consumer, after);
            seen.addAll(readToEnd(consumer));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            for (ConsumerRecord<String, String> r : seen) {
                JsonNode event = json(r.value());
                if (tenant.equals(event.path("data").path("tenant").asText())
                        && (resource == null || resource.equals(event.path("data").path("resource").asText()))) {
                    records.add(r);
                }
            }
            return records;
        }
    }

    /** Every record up to and including the whole poll in which {@code key} arrived (unlike pollUntil, none dropped). */
    static List<ConsumerRecord<String, String>> pollPast(KafkaConsumer<String, String> consumer, String key) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(DEADLINE);
        boolean found = false;
        while (!found) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no record with key " + key + " within " + DEADLINE);
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                seen.add(r);
                found |= key.equals(r.key());
            }
        }
        return seen;
    }

    /** Every record up to the current end of every assigned partition. */
    static List<ConsumerRecord<String, String>> readToEnd(KafkaConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        Instant deadline = Instant.now().plus(DEADLINE);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("could not read " + consumer.assignment() + " to its end");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen;
    }

    /**
     * The CloudEvent {@code service}'s outbox writes for a change of {@code resource} {@code id} (API.md §6) in
     * {@code tenant}'s live environment.
     */
    public static ObjectNode changeEvent(String service, String tenant, String resource, UUID id, String operation) {
        return changeEvent(service, tenant, "live", resource, id, operation);
    }

    /**
     * The same in {@code environment}; null for an event without one (a tenant-wide collection's, or one written
     * before environments).
     */
    public static ObjectNode changeEvent(String service, String tenant, String environment, String resource, UUID id,
            String operation) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/" + service).put("type", resource + "." + operation)
                .put("subject", id.toString()).put("time", "2024-01-01T00:00:00.000000+00:00")
                .put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data").put("tenant", tenant);
        if (environment != null) {
            data.put("environment", environment);
        }
        data.put("resource", resource).put("id", id.toString())
                .put("operation", operation).put("updated_at", "2024-01-01T00:00:00.000000+00:00");
        return event;
    }

    /** Publishes to a change topic, which is compacted like every change topic (made so first if need be). */
    public static void publish(String topic, String key, String value) {
        ensureCompacted(topic);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    private static void ensureCompacted(String topic) {
        if (COMPACTED.contains(topic)) {
            return;
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            ChangeTopics.ensureCompacted(admin, topic);
            COMPACTED.add(topic);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make " + topic + " compacted", e);
        }
    }

    /** Whether the service's reference mechanism knows {@code id} of {@code collection} in {@code tenant}'s live environment. */
    public static boolean isKnown(Pool pool, String collection, String tenant, UUID id) {
        return isKnown(pool, collection, tenant, "live", id);
    }

    /** Whether the service's reference mechanism knows {@code id} of {@code collection} in {@code tenant}'s {@code environment}. */
    public static boolean isKnown(Pool pool, String collection, String tenant, String environment, UUID id) {
        return pool.preparedQuery("SELECT 1 FROM known_references"
                + " WHERE collection = $1 AND tenant = $2 AND environment = $3 AND id = $4")
                .execute(Tuple.of(collection, tenant, environment, id)).await().atMost(Duration.ofSeconds(10)).size() == 1;
    }

    /** Waits until it does; fails after the deadline. */
    public static void awaitKnown(Pool pool, String collection, String tenant, UUID id) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!isKnown(pool, collection, tenant, id)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(collection + " " + id + " of " + tenant + " not known within " + DEADLINE);
            }
            pause();
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Between two looks at something that changes asynchronously. */
    public static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
