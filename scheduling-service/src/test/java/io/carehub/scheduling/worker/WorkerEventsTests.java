package io.carehub.scheduling.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** API.md §6: one CloudEvent per write, through the transactional outbox. */
@QuarkusTest
class WorkerEventsTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOPIC = "scheduling-service.changes";

    final String tenant = "events-" + UUID.randomUUID();
    final String admin = TestTokens.token(tenant, "all admin");

    @Test
    void aCreatePublishesExactlyOneCloudEventKeyedByTheWorkerId() throws Exception {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            String id = WorkerResourceTests.createWorker(admin, "ev." + UUID.randomUUID() + "@example.com");
            String updatedAt = RestAssured.given().auth().oauth2(admin).get("/v1/workers/" + id).then()
                    .extract().path("data.updated_at");
            TestKafka.pollUntil(consumer, r -> id.equals(r.key()), Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> forWorker = TestKafka.drain(consumer, Duration.ofSeconds(2)).stream()
                    .filter(r -> id.equals(r.key())).toList();
            assertEquals(0, forWorker.size(), "one event only");

            // Read again from the start to get the event itself.
            try (KafkaConsumer<String, String> again = TestKafka.consumer(TOPIC)) {
                var seen = TestKafka.pollUntil(again, r -> id.equals(r.key()), Duration.ofSeconds(30));
                JsonNode event = JSON.readTree(keyed(seen, id).value());
                assertEquals("1.0", event.get("specversion").asText());
                assertEquals("/scheduling-service", event.get("source").asText());
                assertEquals("workers.created", event.get("type").asText());
                assertEquals(id, event.get("subject").asText());
                assertEquals("application/json", event.get("datacontenttype").asText());
                assertTrue(event.get("id").asText().matches(TestHttp.GUID));
                assertTrue(event.get("time").asText().matches(TestHttp.TIMESTAMP));
                JsonNode data = event.get("data");
                assertEquals(tenant, data.get("tenant").asText());
                assertEquals("workers", data.get("resource").asText());
                assertEquals(id, data.get("id").asText());
                assertEquals("created", data.get("operation").asText());
                assertEquals(updatedAt, data.get("updated_at").asText());
                assertEquals(6, data.size(), "no patient data beyond ids: " + data);
        assertEquals("live", data.get("environment").asText());
            }
        }
    }

    @Test
    void anUpdatePublishesAnUpdatedEvent() throws Exception {
        String id = WorkerResourceTests.createWorker(admin, "up." + UUID.randomUUID() + "@example.com");
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"first_name\":\"Ada\"}")
                    .put("/v1/workers/" + id).then().statusCode(200);
            var seen = TestKafka.pollUntil(consumer, r -> id.equals(r.key()) && r.value().contains("workers.updated"),
                    Duration.ofSeconds(30));
            assertEquals(1, seen.stream().filter(r -> id.equals(r.key()) && r.value().contains("workers.updated")).count());
        }
    }

    @Test
    void aRolledBackWritePublishesNothing() throws Exception {
        String email = "dup." + UUID.randomUUID() + "@example.com";
        WorkerResourceTests.createWorker(admin, email);
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            // Wait until everything published so far is behind us.
            String before = WorkerResourceTests.createWorker(admin, "before." + UUID.randomUUID() + "@example.com");
            TestKafka.pollUntil(consumer, r -> before.equals(r.key()), Duration.ofSeconds(30));
            WorkerResourceTests.create(admin, "{\"email\": \"" + email + "\"}").statusCode(400);
            String marker = WorkerResourceTests.createWorker(admin, "marker." + UUID.randomUUID() + "@example.com");
            var seen = TestKafka.pollUntil(consumer, r -> marker.equals(r.key()), Duration.ofSeconds(30));
            // Between "before" and the marker: only the marker's worker and calendar events, nothing of the failed write.
            for (ConsumerRecord<String, String> r : seen) {
                JsonNode data = JSON.readTree(r.value()).get("data");
                if (data.get("tenant").asText().equals(tenant) && !r.key().equals(before)) {
                    String type = JSON.readTree(r.value()).get("type").asText();
                    assertTrue(r.key().equals(marker) || type.equals("calendars.created") || r.key().equals(before),
                            "unexpected event " + r.value());
                }
            }
            long workerEvents = seen.stream().filter(r -> r.value().contains("\"workers.created\"")
                    && r.value().contains(tenant)).count();
            assertEquals(1, workerEvents, "only the marker's workers.created after 'before'");
        }
    }

    @Test
    void withTheBrokerDownWritesSucceedAndTheirEventsArriveOnceItIsBack() throws Exception {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            TestKafka.stopBroker();
            String id;
            try {
                id = WorkerResourceTests.createWorker(admin, "down." + UUID.randomUUID() + "@example.com");
            } finally {
                TestKafka.startBroker();
            }
            var seen = TestKafka.pollUntil(consumer, r -> id.equals(r.key()), Duration.ofSeconds(60));
            assertEquals("workers.created", JSON.readTree(keyed(seen, id).value()).get("type").asText());
        }
    }

    /** The last record keyed {@code key} (a poll may bring others after it). */
    static ConsumerRecord<String, String> keyed(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).reduce((first, second) -> second).orElseThrow();
    }
}
