package io.carehub.notifier.client;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** API.md §6: every api_clients write publishes one CloudEvent, through the transactional outbox. */
@QuarkusTest
class ApiClientEventsTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOPIC = "notifier-service.changes";

    final String tenant = "events-" + UUID.randomUUID();
    final String admin = TestTokens.token(tenant, "admin");

    @Test
    void createUpdateRotateAndDeleteEachPublishOneEventKeyedByTheClientId() throws Exception {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"name\": \"evented\", \"scopes\": [\"all\"]}").post("/v1/api_clients").then()
                    .statusCode(200).extract().path("data.id");
            List<String> updatedAts = new ArrayList<>();
            updatedAts.add(updatedAt(id));
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"renamed\"}")
                    .put("/v1/api_clients/" + id).then().statusCode(200);
            updatedAts.add(updatedAt(id));
            given().auth().oauth2(admin).post("/v1/api_clients/" + id + "/rotate_secret").then().statusCode(200);
            updatedAts.add(updatedAt(id));
            updatedAts.add(given().auth().oauth2(admin).delete("/v1/api_clients/" + id).then().statusCode(200)
                    .extract().path("data.updated_at"));

            List<ConsumerRecord<String, String>> seen = new ArrayList<>(TestKafka.pollUntil(consumer,
                    r -> id.equals(r.key()) && r.value().contains("\"api_clients.deleted\""), Duration.ofSeconds(30)));
            // Anything more for this client would arrive now: there must be nothing.
            seen.addAll(TestKafka.drain(consumer, Duration.ofSeconds(2)));
            List<JsonNode> events = new ArrayList<>();
            for (ConsumerRecord<String, String> r : seen) {
                if (id.equals(r.key())) {
                    events.add(JSON.readTree(r.value()));
                }
            }
            assertEquals(List.of("api_clients.created", "api_clients.updated", "api_clients.updated", "api_clients.deleted"),
                    events.stream().map(e -> e.get("type").asText()).toList());
            for (int i = 0; i < events.size(); i++) {
                JsonNode event = events.get(i);
                assertEquals("1.0", event.get("specversion").asText());
                assertEquals("/notifier-service", event.get("source").asText());
                assertEquals(id, event.get("subject").asText());
                assertEquals("application/json", event.get("datacontenttype").asText());
                JsonNode data = event.get("data");
                assertEquals(tenant, data.get("tenant").asText());
                assertEquals("api_clients", data.get("resource").asText());
                assertEquals(id, data.get("id").asText());
                assertEquals(updatedAts.get(i), data.get("updated_at").asText());
                assertEquals(5, data.size(), "ids only, never a secret: " + data);
                assertTrue(!data.has("environment"), "an API client is its tenant's, of no one environment: " + data);
                assertTrue(!event.toString().contains("secret"), event.toString());
            }
            assertEquals(List.of("created", "updated", "updated", "deleted"),
                    events.stream().map(e -> e.get("data").get("operation").asText()).toList());
        }
    }

    @Test
    void aRefusedWritePublishesNothing() throws Exception {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"bad\", \"scopes\": [\"root\"]}")
                    .post("/v1/api_clients").then().statusCode(400);
            String marker = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"name\": \"marker\", \"scopes\": [\"all\"]}").post("/v1/api_clients").then()
                    .statusCode(200).extract().path("data.id");
            var seen = TestKafka.pollUntil(consumer, r -> marker.equals(r.key()), Duration.ofSeconds(30));
            long ofTenant = seen.stream().filter(r -> r.value().contains("\"" + tenant + "\"")).count();
            assertEquals(1, ofTenant, "only the marker's event");
        }
    }

    private String updatedAt(String id) {
        return given().auth().oauth2(admin).get("/v1/api_clients/" + id).then().statusCode(200).extract().path("data.updated_at");
    }
}
