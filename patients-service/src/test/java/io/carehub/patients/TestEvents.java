package io.carehub.patients;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.outbox.ChangeTopics;
import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The Kafka side of this service's tests: what a request published, and scheduling-service's worker events. */
public final class TestEvents {

    public static final String TOPIC = "patients-service.changes";
    public static final String WORKERS_TOPIC = "scheduling-service.changes";
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private TestEvents() {
    }

    /**
     * The change events of {@code tenant} that {@code action} published, in the order read. The action is
     * bracketed by two marker writes of another tenant: everything the action committed is in the outbox
     * before the second marker, and the relay publishes in outbox order, so once the second marker has
     * arrived (and every partition is read to its end) nothing of the action is still to come.
     */
    public static List<JsonNode> publishedBy(String tenant, Runnable action) {
        String markers = TestTokens.token(TestApi.newTenant("marker"), "all");
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            String before = TestApi.createPatient(markers);
            TestKafka.pollUntil(consumer, r -> before.equals(r.key()), DEADLINE);
            // Whatever came before the first marker (on any partition) is not the action's.
            readToEnd(consumer);
            action.run();
            String after = TestApi.createPatient(markers);
            List<ConsumerRecord<String, String>> seen = pollPast(consumer, after);
            seen.addAll(readToEnd(consumer));
            List<JsonNode> events = new ArrayList<>();
            for (ConsumerRecord<String, String> r : seen) {
                JsonNode event = json(r.value());
                if (tenant.equals(event.path("data").path("tenant").asText())) {
                    events.add(event);
                }
            }
            return events;
        }
    }

    /**
     * Every record up to and including the whole poll in which {@code key} arrived. (Unlike
     * {@code TestKafka.pollUntil}, which returns at the match and drops the rest of that poll.)
     */
    private static List<ConsumerRecord<String, String>> pollPast(KafkaConsumer<String, String> consumer, String key) {
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

    private static List<ConsumerRecord<String, String>> readToEnd(KafkaConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        Instant deadline = Instant.now().plus(DEADLINE);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("could not read " + TOPIC + " to its end");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen;
    }

    /** Publishes what scheduling-service publishes when it creates a worker of {@code tenant}; the worker's id. */
    public static UUID publishWorkerCreated(String tenant) {
        UUID id = UUID.randomUUID();
        publish(WORKERS_TOPIC, id.toString(), workerEvent(tenant, id, "created").toString());
        return id;
    }

    /** A worker of {@code tenant} that patients-service has learnt of from its event (waits until it has). */
    public static UUID knownWorker(Pool pool, String tenant) {
        UUID id = publishWorkerCreated(tenant);
        awaitKnown(pool, tenant, id);
        return id;
    }

    /** Waits until patients-service has stored the worker in {@code known_references}; fails after the deadline. */
    public static void awaitKnown(Pool pool, String tenant, UUID workerId) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!isKnown(pool, tenant, workerId)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("worker " + workerId + " of " + tenant + " not known within " + DEADLINE);
            }
            pause();
        }
    }

    public static boolean isKnown(Pool pool, String tenant, UUID workerId) {
        return pool.preparedQuery("SELECT 1 FROM known_references WHERE collection = 'workers' AND tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, workerId)).await().atMost(Duration.ofSeconds(10)).size() == 1;
    }

    /** The CloudEvent scheduling-service's outbox writes for a worker (API.md §6). */
    public static ObjectNode workerEvent(String tenant, UUID id, String operation) {
        ObjectNode event = TestApi.JSON.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/scheduling-service").put("type", "workers." + operation)
                .put("subject", id.toString()).put("time", "2024-01-01T00:00:00.000000+00:00")
                .put("datacontenttype", "application/json");
        event.putObject("data").put("tenant", tenant).put("resource", "workers").put("id", id.toString())
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

    private static final Set<String> COMPACTED = ConcurrentHashMap.newKeySet();

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

    public static JsonNode json(String text) {
        try {
            return TestApi.JSON.readTree(text);
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
