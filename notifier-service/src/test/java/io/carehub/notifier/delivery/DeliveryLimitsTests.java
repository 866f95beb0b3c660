package io.carehub.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.carehub.commons.web.Timestamps;
import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestEvents;
import io.carehub.notifier.TestReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Issue 8 item 2: one tenant's endpoints cannot crash or starve the notifier. A token endpoint answering an
 * endless or a trickled body, a delivery endpoint trickling its answer or never answering: each attempt ends
 * within the deadline (the whole request, body included) and is recorded as failed, so that backoff applies,
 * while another tenant's subscriber keeps hearing of its changes at once; one tenant holds at most its share
 * of the delivery slots; a Retry-After from the far future only backs off as far as the longest retry.
 */
@QuarkusTest
@TestProfile(DeliveryLimitsTests.Limits.class)
class DeliveryLimitsTests {

    /** A deadline of 2 s, four delivery slots, at most two of one tenant. */
    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("carehub.webhooks.dispatcher.request-timeout", "2s",
                    "carehub.webhooks.dispatcher.concurrency", "4",
                    "carehub.webhooks.dispatcher.tenant-concurrency", "2");
        }
    }

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final Duration REQUEST_DEADLINE = Duration.ofSeconds(2);
    /** How soon a change reaches a subscriber that answers at once (batching window, polling, the request). */
    static final Duration PROMPTLY = Duration.ofSeconds(3);
    static final String TOPIC = "patients-service.changes";

    @Inject
    Pool pool;

    /** Every subscription a test made, and its owner's token: deleted after it, so that none goes on failing. */
    final Map<String, String> made = new ConcurrentHashMap<>();

    @AfterEach
    void deleteSubscriptionsAndAwaitTheirAttempts() {
        made.forEach((id, token) -> given().auth().oauth2(token).delete("/v1/webhook_subscriptions/" + id).then()
                .statusCode(200));
        // An attempt under way ends within the deadline: the next test starts with every slot free.
        UUID[] ids = made.keySet().stream().map(UUID::fromString).toArray(UUID[]::new);
        Instant end = Instant.now().plus(DEADLINE);
        while (pool.preparedQuery("SELECT count(*) AS n FROM webhook_subscriptions WHERE id = ANY ($1)"
                + " AND leased_by IS NOT NULL AND lease_until >= now()").execute(Tuple.of(ids)).await().atMost(DEADLINE)
                .iterator().next().getLong("n") > 0) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("attempts still under way " + DEADLINE + " after the test");
            }
            pause();
        }
    }

    Tenant tenant(String prefix) {
        String name = prefix + "-" + UUID.randomUUID();
        return new Tenant(name, TestClients.accessToken(TestClients.create(name, "all", "webhooks")), made);
    }

    record Tenant(String name, String token, Map<String, String> made) {
        String subscribe(String body) {
            String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/webhook_subscriptions")
                    .then().statusCode(200).extract().path("data.id");
            made.put(id, token);
            return id;
        }

        Instant change() {
            Instant t = TestEvents.now();
            TestEvents.publish(TOPIC, name, "patients", UUID.randomUUID().toString(), t);
            return t;
        }

        JsonPath deliveries(String id) {
            return given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id + "/deliveries?page[size]=100").then()
                    .statusCode(200).extract().jsonPath();
        }

        JsonPath awaitDeliveries(String id, int atLeast) {
            Instant end = Instant.now().plus(DEADLINE);
            while (Instant.now().isBefore(end)) {
                JsonPath page = deliveries(id);
                if (page.getList("data").size() >= atLeast) {
                    return page;
                }
            }
            throw new AssertionError("fewer than " + atLeast + " attempts recorded within " + DEADLINE);
        }
    }

    static String patientsHook(TestReceiver.Endpoint hook) {
        return "{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\"]";
    }

    /** Each of {@code rounds} changes of {@code other} reaches its subscriber within {@link #PROMPTLY}. */
    static void assertNotifiedPromptly(Tenant other, TestReceiver.Endpoint hook, int rounds) {
        for (int i = 0; i < rounds; i++) {
            Instant t = other.change();
            Instant published = Instant.now();
            TestReceiver.Request r = hook.await(req -> req.body().contains(Timestamps.format(t)), DEADLINE);
            Duration took = Duration.between(published, r.at());
            assertTrue(took.compareTo(PROMPTLY) < 0, "another tenant's change was notified in " + took);
        }
    }

    @Test
    void aTokenEndpointAnsweringAnEndlessBodyFailsTheAttemptAndOtherTenantsKeepTheirNotifications() {
        Tenant hostile = tenant("endless");
        Tenant other = tenant("bystander");
        TestReceiver.Endpoint tokens = TestReceiver.endpoint().endless();
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        String id = hostile.subscribe(patientsHook(hook) + ", \"token_endpoint_url\": \"" + tokens.url() + "\"}");
        TestReceiver.Endpoint otherHook = TestReceiver.endpoint();
        other.subscribe(patientsHook(otherHook) + "}");

        hostile.change();
        JsonPath attempts = hostile.awaitDeliveries(id, 2);
        assertFalse(attempts.getBoolean("data[0].succeeded"));
        assertEquals("token exchange answered more than 16384 bytes", attempts.getString("data[0].error"));
        assertTrue(attempts.getInt("data[0].latency_ms") < REQUEST_DEADLINE.toMillis(), "refused once 16 KiB were read");
        awaitHangUp(tokens);
        assertEquals(List.of(), hook.requests(), "no delivery without a token");

        assertNotifiedPromptly(other, otherHook, 3);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aTokenEndpointTricklingItsBodyFailsTheAttemptAtTheDeadlineAndOtherTenantsKeepTheirNotifications() {
        Tenant hostile = tenant("trickle");
        Tenant other = tenant("bystander");
        TestReceiver.Endpoint tokens = TestReceiver.endpoint().trickle(Duration.ofSeconds(1));
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        String id = hostile.subscribe(patientsHook(hook) + ", \"token_endpoint_url\": \"" + tokens.url() + "\"}");
        TestReceiver.Endpoint otherHook = TestReceiver.endpoint();
        other.subscribe(patientsHook(otherHook) + "}");

        hostile.change();
        tokens.awaitFirst(DEADLINE);
        // While the first exchange trickles on: the other tenant is not kept waiting.
        assertNotifiedPromptly(other, otherHook, 2);
        JsonPath attempts = hostile.awaitDeliveries(id, 1);
        assertFalse(attempts.getBoolean("data[0].succeeded"));
        assertEquals("token exchange: no answer within 2000 ms", attempts.getString("data[0].error"));
        int latency = attempts.getInt("data[0].latency_ms");
        assertTrue(latency >= REQUEST_DEADLINE.toMillis() - 100 && latency < REQUEST_DEADLINE.toMillis() + 1500,
                "ended at the deadline: " + latency + " ms");
        // The receiver notices the hang-up at its next byte (one a second) after the deadline.
        Instant asked = tokens.requests().get(0).at();
        Instant hungUp = awaitHangUp(tokens);
        assertTrue(Duration.between(asked, hungUp).compareTo(REQUEST_DEADLINE.plusSeconds(3)) < 0,
                "hung up at the deadline: " + Duration.between(asked, hungUp));
        assertEquals(List.of(), hook.requests());
        // Recorded as a failure: it backs off and is tried again, like any failure.
        hostile.awaitDeliveries(id, 2);
        assertTrue(given().auth().oauth2(hostile.token()).get("/v1/webhook_subscriptions/" + id).then().statusCode(200)
                .extract().jsonPath().getInt("data.failure_count") >= 1);
    }

    @Test
    void aDeliveryEndpointTricklingItsAnswerIsNotWaitedForAndOneThatNeverAnswersFailsAtTheDeadline() {
        Tenant tenant = tenant("slow-hooks");
        TestReceiver.Endpoint trickling = TestReceiver.endpoint().trickle(Duration.ofSeconds(1));
        TestReceiver.Endpoint silent = TestReceiver.endpoint().delay(Duration.ofSeconds(20));
        String trickled = tenant.subscribe(patientsHook(trickling) + "}");
        String hanging = tenant.subscribe(patientsHook(silent) + "}");

        tenant.change();
        // Its answer's status is all a delivery needs: the body is never read, however slowly it comes.
        JsonPath ok = tenant.awaitDeliveries(trickled, 1);
        assertTrue(ok.getBoolean("data[0].succeeded"));
        assertEquals(200, ok.getInt("data[0].status_code"));
        assertTrue(ok.getInt("data[0].latency_ms") < REQUEST_DEADLINE.toMillis(), ok.getInt("data[0].latency_ms") + " ms");
        awaitHangUp(trickling);

        JsonPath failed = tenant.awaitDeliveries(hanging, 1);
        assertFalse(failed.getBoolean("data[0].succeeded"));
        assertEquals("no answer within 2000 ms", failed.getString("data[0].error"));
        int latency = failed.getInt("data[0].latency_ms");
        assertTrue(latency >= REQUEST_DEADLINE.toMillis() - 100 && latency < REQUEST_DEADLINE.toMillis() + 1500,
                latency + " ms");
    }

    @Test
    void aTenantWithManyHangingSubscribersHoldsAtMostItsShareOfTheSlots() {
        Tenant busy = tenant("hanging");
        Tenant other = tenant("bystander");
        List<TestReceiver.Endpoint> hanging = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestReceiver.Endpoint hook = TestReceiver.endpoint().delay(Duration.ofSeconds(20));
            hanging.add(hook);
            busy.subscribe(patientsHook(hook) + "}");
        }
        TestReceiver.Endpoint otherHook = TestReceiver.endpoint();
        other.subscribe(patientsHook(otherHook) + "}");

        busy.change();
        Instant end = Instant.now().plus(DEADLINE);
        while (requests(hanging) < 2) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the hanging subscribers were not called");
            }
            pause();
        }
        Instant firstHung = hanging.stream().flatMap(h -> h.requests().stream()).map(TestReceiver.Request::at)
                .min(Instant::compareTo).orElseThrow();
        // Two of the four slots are this tenant's, however many of its subscribers are due: the other gets one now.
        Instant t = other.change();
        TestReceiver.Request r = otherHook.await(req -> req.body().contains(Timestamps.format(t)), DEADLINE);
        assertTrue(Duration.between(firstHung, r.at()).compareTo(REQUEST_DEADLINE) < 0,
                "notified while the hanging tenant's attempts were still under way: " + Duration.between(firstHung, r.at()));
        assertEquals(2, requests(hanging), "only two of the hanging tenant's six subscribers were called meanwhile");
    }

    @Test
    void aRetryAfterFromTheFarFutureBacksOffOnlyAsFarAsTheLongestRetry() {
        Tenant tenant = tenant("retry-after");
        TestReceiver.Endpoint seconds = TestReceiver.endpoint().answer(503).retryAfter("99999999999999");
        TestReceiver.Endpoint overflow = TestReceiver.endpoint().answer(503).retryAfter("9223372036854775807");
        TestReceiver.Endpoint date = TestReceiver.endpoint().answer(503).retryAfter("Fri, 31 Dec 9999 23:59:59 GMT");
        List<String> ids = List.of(tenant.subscribe(patientsHook(seconds) + "}"), tenant.subscribe(patientsHook(overflow) + "}"),
                tenant.subscribe(patientsHook(date) + "}"));
        tenant.change();
        // Each failure is recorded (nothing threw) and retried within retry-max (400 ms in tests), not in year 9999.
        for (TestReceiver.Endpoint hook : List.of(seconds, overflow, date)) {
            hook.awaitCount(3, Duration.ofSeconds(15));
        }
        for (String id : ids) {
            JsonPath attempts = tenant.awaitDeliveries(id, 2);
            assertEquals(503, attempts.getInt("data[0].status_code"));
            assertEquals(503, attempts.getInt("data[1].status_code"));
        }
    }

    static int requests(List<TestReceiver.Endpoint> hooks) {
        return hooks.stream().mapToInt(h -> h.requests().size()).sum();
    }

    static Instant awaitHangUp(TestReceiver.Endpoint endpoint) {
        Instant end = Instant.now().plus(DEADLINE);
        while (endpoint.hungUp().isEmpty()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the notifier never hung up on " + endpoint.url());
            }
            pause();
        }
        return endpoint.hungUp().get(0);
    }

    static void pause() {
        try {
            Thread.sleep(20); // polling, with a deadline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
