package io.carehub.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.carehub.commons.web.Timestamps;
import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestEvents;
import io.carehub.notifier.TestReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * API.md §7, end to end: change events published to Kafka as the data services publish them, a real HTTP
 * receiver in the test, subscriptions made through the API.
 */
@QuarkusTest
class NotificationTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String BASE = "https://api.carehub.test";
    static final String PATIENTS_TOPIC = "patients-service.changes";

    final String tenant = "notify-" + UUID.randomUUID();
    /** A real client's: deliveries go only to live clients, and cover only what their scopes let them read. */
    String token;

    @BeforeEach
    void client() {
        token = TestClients.accessToken(TestClients.create(tenant, "all", "webhooks"));
    }

    record Subscription(String id, String secret, String clientId) {
    }

    Subscription subscribe(String body) {
        JsonPath created = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/v1/webhook_subscriptions").then().statusCode(200).extract().jsonPath();
        return new Subscription(created.getString("data.id"), created.getString("data.secret"),
                created.getString("data.client_id"));
    }

    static List<Map<String, String>> ranges(TestReceiver.Request request) {
        return JsonPath.from(request.body()).getList("$");
    }

    static String enc(Instant t) {
        return URLEncoder.encode(Timestamps.format(t), StandardCharsets.UTF_8);
    }

    static JwtClaims verifiedJwt(String authorization, String secret, String audience, String issuer) throws Exception {
        assertTrue(authorization.startsWith("Bearer "));
        JwtClaims claims = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
                .setRelaxVerificationKeyValidation()
                .setExpectedAudience(audience)
                .setExpectedIssuer(issuer)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .build().processToClaims(authorization.substring("Bearer ".length()));
        assertEquals("welkin", claims.getClaimValueAsString("scope"));
        assertEquals(300, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        return claims;
    }

    /** The Standard Webhooks check a receiver makes. */
    static void assertSignatureVerifies(TestReceiver.Request r, String secret) throws Exception {
        byte[] key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6))
                : secret.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signed = r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, r.header("webhook-signature"));
        long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(r.header("webhook-timestamp")));
        assertTrue(age < 60, "webhook-timestamp is now");
    }

    @Test
    void oneChangeGivesOnePingWithItsWindowAndAnHrefOnThePublicBaseUrl() {
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        // Filtered: a subscription to every collection also hears of its own creation (webhook_subscriptions).
        Subscription s = subscribe("{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\", \"patient_tasks\"]}");
        Instant t = TestEvents.now();
        TestEvents.publish(PATIENTS_TOPIC, tenant, "patients", UUID.randomUUID().toString(), t);

        TestReceiver.Request ping = hook.awaitFirst(DEADLINE);
        assertEquals("POST", ping.method());
        assertTrue(ping.header("content-type").startsWith("application/json"));
        List<Map<String, String>> ranges = ranges(ping);
        assertEquals(1, ranges.size());
        assertEquals("patients", ranges.get(0).get("resource"));
        assertEquals(Timestamps.format(t), ranges.get(0).get("from"));
        assertEquals(Timestamps.format(t), ranges.get(0).get("to"));
        assertEquals(BASE + "/v1/patients?page[from]=" + enc(t) + "&page[to]=" + enc(t), ranges.get(0).get("href"));
        assertTrue(ranges.get(0).get("href").contains("%2B00%3A00"), "the offset's + and : are encoded");

        // The attempt is recorded, and that was the only one.
        JsonPath deliveries = awaitDeliveries(s.id(), 1);
        assertEquals(1, deliveries.getList("data").size());
        assertEquals(200, deliveries.getInt("data[0].status_code"));
        assertTrue(deliveries.getBoolean("data[0].succeeded"));
        assertEquals(ping.header("webhook-id"), deliveries.getString("data[0].webhook_id"));
        assertEquals("patients", deliveries.getString("data[0].body[0].resource"));
        assertEquals(1, hook.requests().size());
        given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + s.id()).then().statusCode(200)
                .body("data.last_success_at", notNullValue()).body("data.failure_count", equalTo(0));

        // A collection with deletes: its href asks for them.
        Instant t2 = TestEvents.now();
        TestEvents.publish("assessments-service.changes", tenant, "patient_tasks", UUID.randomUUID().toString(), t2);
        TestReceiver.Request second = hook.await(r -> r.body().contains("patient_tasks"), DEADLINE);
        assertEquals(BASE + "/v1/patient_tasks?page[from]=" + enc(t2) + "&page[to]=" + enc(t2) + "&include_deleted=true",
                ranges(second).get(0).get("href"));
        assertNotEquals(ping.header("webhook-id"), second.header("webhook-id"));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String metric : List.of("carehub_webhooks_deliveries_total{outcome=\"succeeded\"}",
                "carehub_webhooks_pending_subscriptions", "carehub_webhooks_delivery_latency_seconds_count",
                "carehub_webhooks_change_to_ping_seconds_count", "carehub_webhooks_change_events_total")) {
            assertTrue(metrics.contains(metric), metric + " is exported");
        }
    }

    @Test
    void theBearerJwtAndTheSignatureVerifyWithASuppliedSecret() throws Exception {
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        String secret = "a shared secret, as short as the subscriber likes";
        Subscription s = subscribe("{\"url\": \"" + hook.url() + "\", \"secret\": \"" + secret + "\", \"client_id\": \"carehub\"}");
        TestEvents.publish(PATIENTS_TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
        TestReceiver.Request ping = hook.awaitFirst(DEADLINE);
        JwtClaims claims = verifiedJwt(ping.header("authorization"), secret, hook.url(), "carehub");
        assertSignatureVerifies(ping, secret);
        JsonPath deliveries = awaitDeliveries(s.id(), 1);
        assertEquals(deliveries.getString("data[0].id"), claims.getJwtId(), "jti is the delivery id");
    }

    @Test
    void theBearerJwtAndTheSignatureVerifyWithAGeneratedSecret() throws Exception {
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        Subscription s = subscribe("{\"url\": \"" + hook.url() + "\"}");
        assertTrue(s.secret().startsWith("whsec_"));
        TestEvents.publish(PATIENTS_TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
        TestReceiver.Request ping = hook.awaitFirst(DEADLINE);
        verifiedJwt(ping.header("authorization"), s.secret(), hook.url(), BASE);
        assertSignatureVerifies(ping, s.secret());
    }

    @Test
    void tokenExchangeModeSendsTheAccessTokenFromTheSubscribersTokenEndpointAndCachesIt() throws Exception {
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        TestReceiver.Endpoint tokenEndpoint = TestReceiver.endpoint()
                .answer(200, "{\"access_token\": \"subscriber-issued-token\", \"token_type\": \"Bearer\", \"expires_in\": 3600}");
        String secret = "exchange-secret";
        subscribe("{\"url\": \"" + hook.url() + "\", \"secret\": \"" + secret + "\", \"client_id\": \"carehub\","
                + " \"token_endpoint_url\": \"" + tokenEndpoint.url() + "\"}");
        TestEvents.publish(PATIENTS_TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
        TestReceiver.Request ping = hook.awaitFirst(DEADLINE);
        assertEquals("Bearer subscriber-issued-token", ping.header("authorization"));

        TestReceiver.Request grant = tokenEndpoint.awaitFirst(DEADLINE);
        assertTrue(grant.header("content-type").startsWith("application/x-www-form-urlencoded"));
        Map<String, String> form = new HashMap<>();
        for (String pair : grant.body().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));
        verifiedJwt("Bearer " + form.get("assertion"), secret, tokenEndpoint.url(), "carehub");

        TestEvents.publish(PATIENTS_TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
        hook.awaitCount(2, DEADLINE);
        assertEquals("Bearer subscriber-issued-token", hook.requests().get(1).header("authorization"));
        assertEquals(1, tokenEndpoint.requests().size(), "the access token is cached until it expires");
    }

    @Test
    void afterAnOutageTheReceiverGetsRangesCoveringEveryChangeMadeDuringIt() {
        TestReceiver.Endpoint hook = TestReceiver.endpoint().answer(500);
        Subscription s = subscribe("{\"url\": \"" + hook.url() + "\"}");
        Map<String, List<Instant>> changes = new HashMap<>();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 6; i++) {
            String resource = i % 2 == 0 ? "patients" : "phone_numbers";
            Instant t = TestEvents.now();
            changes.computeIfAbsent(resource, r -> new ArrayList<>()).add(t);
            TestEvents.publish(PATIENTS_TOPIC, tenant, resource, key, t);
            hook.awaitCount(i + 1, DEADLINE); // each change meets a failing receiver
        }
        given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + s.id()).then().statusCode(200)
                .body("data.last_failure_at", notNullValue());
        hook.answer(200);
        TestReceiver.Request ok = hook.await(r -> r.answered() == 200, DEADLINE);

        List<Map<String, String>> covered = new ArrayList<>();
        hook.requests().stream().filter(r -> r.answered() == 200).forEach(r -> covered.addAll(ranges(r)));
        changes.forEach((resource, times) -> times.forEach(t -> assertTrue(covered.stream().anyMatch(r ->
                r.get("resource").equals(resource) && !Timestamps.parse(r.get("from")).get().isAfter(t)
                        && !Timestamps.parse(r.get("to")).get().isBefore(t)), resource + " changed at " + t + " is covered")));

        // Retries of one body keep its webhook-id; a widened body has a new one.
        List<TestReceiver.Request> all = hook.requests();
        for (int i = 1; i < all.size(); i++) {
            boolean sameBody = all.get(i).body().equals(all.get(i - 1).body());
            assertEquals(sameBody, all.get(i).header("webhook-id").equals(all.get(i - 1).header("webhook-id")));
        }
        assertTrue(ok.body().contains("phone_numbers") && ok.body().contains("patients"));
        // The receiver has answered; the notifier records the success (and resets the count) just after.
        JsonPath deliveries = awaitDeliveries(s.id(), all.size());
        JsonPath sub = given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + s.id()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0, sub.getInt("data.failure_count"));
        assertFalse(deliveries.getBoolean("data[0].succeeded"));
        assertEquals(500, deliveries.getInt("data[0].status_code"));
    }

    @Test
    void aSubscriptionFilteredToPatientsNeverHearsOfOtherCollections() {
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        subscribe("{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\"]}");
        String key = UUID.randomUUID().toString();
        TestEvents.publish(PATIENTS_TOPIC, tenant, "phone_numbers", key, TestEvents.now());
        TestEvents.publish("scheduling-service.changes", tenant, "workers", key, TestEvents.now());
        Instant t = TestEvents.now();
        TestEvents.publish(PATIENTS_TOPIC, tenant, "patients", key, t);
        hook.await(r -> r.body().contains(Timestamps.format(t)), DEADLINE);
        for (TestReceiver.Request r : hook.requests()) {
            for (Map<String, String> range : ranges(r)) {
                assertEquals("patients", range.get("resource"));
            }
        }
    }

    @Test
    void aTenantNeverHearsOfAnotherTenantsChangesAndMalformedEventsAreSkipped() {
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        subscribe("{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\"]}");
        String key = UUID.randomUUID().toString();
        Instant other = TestEvents.now();
        TestEvents.publish(PATIENTS_TOPIC, "other-" + tenant, "patients", key, other);
        TestEvents.send(PATIENTS_TOPIC, key, "not json at all");
        TestEvents.send(PATIENTS_TOPIC, key, "{\"specversion\": \"1.0\", \"data\": {\"tenant\": \"" + tenant + "\"}}");
        Instant mine = TestEvents.now();
        TestEvents.publish(PATIENTS_TOPIC, tenant, "patients", key, mine);
        TestReceiver.Request ping = hook.awaitFirst(DEADLINE);
        assertEquals(Timestamps.format(mine), ranges(ping).get(0).get("from"));
        assertEquals(Timestamps.format(mine), ranges(ping).get(0).get("to"));
        assertFalse(ping.body().contains(Timestamps.format(other)));
    }

    @Test
    void redeliverResendsEveryCoveredCollectionSinceTheGivenTime() {
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        Subscription s = subscribe("{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\", \"patient_tasks\"]}");
        given().auth().oauth2(token).post("/v1/webhook_subscriptions/" + s.id() + "/redeliver?from=2024-05-14T23:34:05.647496Z")
                .then().statusCode(200);
        TestReceiver.Request ping = hook.awaitFirst(DEADLINE);
        List<Map<String, String>> ranges = ranges(ping);
        assertEquals(List.of("patient_tasks", "patients"), ranges.stream().map(r -> r.get("resource")).toList());
        for (Map<String, String> r : ranges) {
            assertEquals("2024-05-14T23:34:05.647496+00:00", r.get("from"));
            assertTrue(Timestamps.parse(r.get("to")).get().isAfter(Instant.now().minusSeconds(60)));
        }
    }

    @Test
    void deletedAndInactiveSubscriptionsHearNothing() {
        TestReceiver.Endpoint deleted = TestReceiver.endpoint();
        TestReceiver.Endpoint inactive = TestReceiver.endpoint();
        TestReceiver.Endpoint live = TestReceiver.endpoint();
        String patients = "\", \"resources\": [\"patients\"]";
        Subscription d = subscribe("{\"url\": \"" + deleted.url() + patients + "}");
        given().auth().oauth2(token).delete("/v1/webhook_subscriptions/" + d.id()).then().statusCode(200);
        subscribe("{\"url\": \"" + inactive.url() + patients + ", \"active\": false}");
        subscribe("{\"url\": \"" + live.url() + patients + "}");
        TestEvents.publish(PATIENTS_TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
        live.awaitFirst(DEADLINE);
        assertEquals(0, deleted.requests().size());
        assertEquals(0, inactive.requests().size());
    }

    JsonPath awaitDeliveries(String id, int atLeast) {
        Instant end = Instant.now().plus(DEADLINE);
        JsonPath page;
        do {
            page = given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id + "/deliveries?page[size]=100").then()
                    .statusCode(200).extract().jsonPath();
            if (page.getList("data").size() >= atLeast) {
                return page;
            }
        } while (Instant.now().isBefore(end));
        throw new AssertionError("fewer than " + atLeast + " deliveries recorded within " + DEADLINE);
    }
}
