package io.carehub.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestTokens;

/** The Kafka side of this service's tests: what a request published to {@code messaging-service.changes}. */
public final class TestEvents {

    public static final String TOPIC = "messaging-service.changes";
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
        return publishedBy(tenant, action, null);
    }

    /**
     * As {@link #publishedBy(String, Runnable)}, only the events of {@code resource} (all when null): what a
     * test made before the action (a message's conversation) is not the action's, even if it arrives late.
     */
    public static List<JsonNode> publishedBy(String tenant, Runnable action, String resource) {
        String markerTenant = TestApi.newTenant("marker");
        String markers = TestTokens.token(markerTenant, "all");
        String markerPatient = TestApi.patient(markerTenant);
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            String before = TestApi.createConversation(markers, markerPatient);
            TestKafka.pollUntil(consumer, r -> before.equals(r.key()), DEADLINE);
            // Whatever came before the first marker (on any partition) is not the action's.
            readToEnd(consumer);
            action.run();
            String after = TestApi.createConversation(markers, markerPatient);
            List<ConsumerRecord<String, String>> seen = pollPast(consumer, after);
            seen.addAll(readToEnd(consumer));
            List<JsonNode> events = new ArrayList<>();
            for (ConsumerRecord<String, String> r : seen) {
                JsonNode event = json(r.value());
                if (tenant.equals(event.path("data").path("tenant").asText())
                        && (resource == null || resource.equals(event.path("data").path("resource").asText()))) {
                    events.add(event);
                }
            }
            return events;
        }
    }

    /** Every record up to and including the whole poll in which {@code key} arrived. */
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

    public static JsonNode json(String text) {
        try {
            return TestApi.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
