package io.carehub.scheduling;

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

/** The Kafka side of this service's tests: what a request published, and patients-service's patient events. */
public final class TestEvents {

    public static final String TOPIC = "scheduling-service.changes";
    public static final String PATIENTS_TOPIC = "patients-service.changes";
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private TestEvents() {
    }

    /**
     * The change events of {@code collection} in {@code tenant} that {@code action} published, in the order read.
     * The action is
     * bracketed by two marker writes of another tenant: everything the action committed is in the outbox
     * before the second marker, and the relay publishes in outbox order, so once the second marker has
     * arrived (and every partition is read to its end) nothing of the action is still to come.
     */
    public static List<JsonNode> publishedBy(String tenant, String collection, Runnable action) {
        String markers = TestTokens.token(TestApi.newTenant("marker"), "all admin");
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            String before = TestApi.createWorker(markers);
            TestKafka.pollUntil(consumer, r -> before.equals(r.key()), DEADLINE);
            // Everything committed before the first marker is in the topic once it is: read past it on every partition.
            readToEnd(consumer);
            action.run();
            String after = TestApi.createWorker(markers);
            List<ConsumerRecord<String, String>> seen = new ArrayList<>(TestKafka.pollUntil(consumer, r -> after.equals(r.key()), DEADLINE));
            seen.addAll(readToEnd(consumer));
            List<JsonNode> events = new ArrayList<>();
            for (ConsumerRecord<String, String> r : seen) {
                JsonNode event = json(r.value());
                if (tenant.equals(event.path("data").path("tenant").asText())
                        && collection.equals(event.path("data").path("resource").asText())) {
                    events.add(event);
                }
            }
            return events;
        }
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

    /** A patient of {@code tenant} that this service has learnt of from patients-service's event (waits until it has). */
    public static UUID knownPatient(Pool pool, String tenant) {
        UUID id = UUID.randomUUID();
        publish(PATIENTS_TOPIC, id.toString(), patientEvent(tenant, id, "created").toString());
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!isKnown(pool, tenant, id)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("patient " + id + " of " + tenant + " not known within " + DEADLINE);
            }
            pause();
        }
        return id;
    }

    public static boolean isKnown(Pool pool, String tenant, UUID patientId) {
        return pool.preparedQuery("SELECT 1 FROM known_references WHERE collection = 'patients' AND tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, patientId)).await().atMost(Duration.ofSeconds(10)).size() == 1;
    }

    /** The CloudEvent patients-service's outbox writes for a patient (API.md §6). */
    public static ObjectNode patientEvent(String tenant, UUID id, String operation) {
        ObjectNode event = TestApi.JSON.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/patients-service").put("type", "patients." + operation)
                .put("subject", id.toString()).put("time", "2024-01-01T00:00:00.000000+00:00")
                .put("datacontenttype", "application/json");
        event.putObject("data").put("tenant", tenant).put("resource", "patients").put("id", id.toString())
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
