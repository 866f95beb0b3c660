package io.carehub.notifier.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestKafka;
import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** API.md §7 with private URLs refused: URL safety on Create/Update and at delivery time; disabling. */
@QuarkusTest
@TestProfile(StrictWebhooksProfile.class)
class StrictWebhooksTests {

    final String tenant = "strict-" + UUID.randomUUID();
    /** A real client's: only a live client's subscriptions are delivered. */
    String token;

    @BeforeEach
    void client() {
        token = TestClients.accessToken(TestClients.create(tenant, "all", "webhooks"));
    }

    @Test
    void urlsResolvingToPrivateAddressesAreRefusedOnCreateAndUpdate() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"http://127.0.0.1:9000/hook\", \"token_endpoint_url\": \"http://169.254.169.254/token\"}")
                .post("/v1/webhook_subscriptions").then().statusCode(400)
                .body("errors.code", containsInAnyOrder("bad_request", "bad_request"))
                .body("errors.extra.path", containsInAnyOrder(".url", ".token_endpoint_url"));
        for (String url : new String[] { "http://localhost/h", "http://10.0.0.1/h", "http://192.168.0.10/h", "http://[::1]/h",
                "http://[fd00::1]/h", "http://100.64.1.1/h", "http://0.0.0.0/h" }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"url\": \"" + url + "\"}")
                    .post("/v1/webhook_subscriptions").then().statusCode(400)
                    .body("errors[0].extra.path", equalTo(".url"));
        }
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"url\": \"https://93.184.216.34/h\"}")
                .post("/v1/webhook_subscriptions").then().statusCode(200).extract().path("data.id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"url\": \"http://192.168.1.1/h\"}")
                .put("/v1/webhook_subscriptions/" + id).then().statusCode(400)
                .body("errors[0].extra.path", equalTo(".url"));
    }

    @Test
    void aSubscriptionFailingForTheWholeWindowIsDisabledWithAReasonAndCanBeReEnabled() {
        // Every attempt fails, refused at delivery time (TEST-NET-1, RFC 5737, is no address to call): no traffic.
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"https://93.184.216.34/h\", \"resources\": [\"patients\"]}")
                .post("/v1/webhook_subscriptions").then().statusCode(200).extract().path("data.id");
        rebind(id, "http://192.0.2.1:9/hook");
        TestEvents.publish("patients-service.changes", tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());

        JsonPath disabled = awaitSubscription(id, s -> !s.getBoolean("data.active"), Duration.ofSeconds(45));
        // Disabling is a change of the subscription: its event is published like any other.
        String disabledAt = disabled.getString("data.updated_at");
        try (var consumer = TestKafka.consumer("notifier-service.changes")) {
            TestKafka.pollUntil(consumer, r -> id.equals(r.key()) && r.value().contains("\"webhook_subscriptions.updated\"")
                    && r.value().contains("\"updated_at\":\"" + disabledAt + "\""), Duration.ofSeconds(30));
        }
        given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id).then()
                .body("data.disabled_reason", containsString("failed without interruption"));
        assertTrue(disabled.getInt("data.failure_count") >= 2);
        JsonPath deliveries = given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id + "/deliveries").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(!deliveries.getList("data").isEmpty());
        assertTrue(!deliveries.getBoolean("data[0].succeeded"));
        assertTrue(deliveries.getString("data[0].error") != null);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"active\": true}")
                .put("/v1/webhook_subscriptions/" + id).then().statusCode(200)
                .body("data.active", equalTo(true))
                .body("data.disabled_reason", nullValue())
                .body("data.failure_count", equalTo(0));
        // Gone, so that no later test's notifier (private URLs allowed there) ever calls its address.
        given().auth().oauth2(token).delete("/v1/webhook_subscriptions/" + id).then().statusCode(200);
    }

    @Test
    void aPrivateAddressIsRefusedAtDeliveryTimeToo() {
        // Made while allowed (as if the name resolved elsewhere then): the dispatcher checks again and refuses.
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"https://93.184.216.34/h\", \"resources\": [\"patients\"]}")
                .post("/v1/webhook_subscriptions").then().statusCode(200).extract().path("data.id");
        // Point it at loopback behind the API's back, as DNS rebinding would.
        rebind(id, "http://127.0.0.1:9/h");
        TestEvents.publish("patients-service.changes", tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
        JsonPath deliveries = awaitDeliveries(id);
        assertTrue(deliveries.getString("data[0].error").startsWith("refused: url"), deliveries.getString("data[0].error"));
        assertTrue(deliveries.get("data[0].status_code") == null);
    }

    static void rebind(String id, String url) {
        io.vertx.mutiny.sqlclient.Pool pool = io.quarkus.arc.Arc.container().instance(io.vertx.mutiny.sqlclient.Pool.class).get();
        pool.preparedQuery("UPDATE webhook_subscriptions SET url = $1 WHERE id = $2")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(url, UUID.fromString(id))).await().atMost(Duration.ofSeconds(10));
    }

    JsonPath awaitDeliveries(String id) {
        Instant end = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(end)) {
            JsonPath page = given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id + "/deliveries").then()
                    .statusCode(200).extract().jsonPath();
            if (!page.getList("data").isEmpty()) {
                return page;
            }
        }
        throw new AssertionError("no delivery attempt recorded");
    }

    JsonPath awaitSubscription(String id, java.util.function.Predicate<JsonPath> condition, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            JsonPath s = given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id).then().statusCode(200)
                    .extract().jsonPath();
            if (condition.test(s)) {
                return s;
            }
        }
        throw new AssertionError("the subscription did not reach the expected state within " + deadline);
    }
}
