package io.carehub.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.carehub.commons.web.Timestamps;
import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestEvents;
import io.carehub.notifier.TestReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 13, subscriber faults not covered elsewhere: a subscriber that redirects, and one that answers 4xx. Each
 * attempt is recorded in the deliveries log with its status, retried (backoff), never followed to the redirect's
 * target, never blocks another tenant's subscriber, and once the subscriber answers 2xx again the change it missed
 * is delivered: nothing lost. The other subscriber faults are held elsewhere: hanging and slow subscribers in
 * {@link DeliveryLimitsTests}, 5xx and the recovery after it in {@link NotificationTests}
 * ({@code afterAnOutageTheReceiverGetsRangesCoveringEveryChangeMadeDuringIt}), a far-future Retry-After in
 * {@link DeliveryLimitsTests} too.
 */
@QuarkusTest
class SubscriberAnswersTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    /** How soon a change reaches a subscriber that answers at once (batching window, polling, the request). */
    static final Duration PROMPTLY = Duration.ofSeconds(3);
    static final String TOPIC = "patients-service.changes";

    /** Answers every request with the status and Location of its path's entry ({@code /<status>}), counting them. */
    static HttpServer redirector;

    @BeforeAll
    static void startRedirector() throws IOException {
        redirector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirector.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        redirector.start();
    }

    @AfterAll
    static void stopRedirector() {
        redirector.stop(0);
    }

    record Tenant(String name, String token) {
        static Tenant make(String prefix) {
            String name = prefix + "-" + UUID.randomUUID();
            return new Tenant(name, TestClients.accessToken(TestClients.create(name, "all", "webhooks")));
        }

        String subscribe(String url) {
            return given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"url\": \"" + url + "\", \"resources\": [\"patients\"]}").post("/v1/webhook_subscriptions")
                    .then().statusCode(200).extract().path("data.id");
        }

        Instant change() {
            Instant t = TestEvents.now();
            TestEvents.publish(TOPIC, name, "patients", UUID.randomUUID().toString(), t);
            return t;
        }

        List<Map<String, Object>> deliveries(String id) {
            return given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id + "/deliveries?page[size]=100")
                    .then().statusCode(200).extract().jsonPath().getList("data");
        }

        /** Waits until {@code id} has at least {@code n} attempts recorded; returns them (oldest first). */
        List<Map<String, Object>> awaitDeliveries(String id, int n) {
            Instant end = Instant.now().plus(DEADLINE);
            while (Instant.now().isBefore(end)) {
                List<Map<String, Object>> page = deliveries(id);
                if (page.size() >= n) {
                    return page;
                }
                pause();
            }
            throw new AssertionError("fewer than " + n + " attempts recorded for " + id + " within " + DEADLINE);
        }

        void unsubscribe(String id) {
            given().auth().oauth2(token).delete("/v1/webhook_subscriptions/" + id).then().statusCode(200);
        }
    }

    @Test
    void aRedirectIsRecordedAsAFailedAttemptRetriedNeverFollowedAndTheMissedChangeArrivesOnceItAnswers2xx() {
        for (int status : new int[] {301, 302, 303, 307, 308}) {
            TestReceiver.Endpoint target = TestReceiver.endpoint();
            // The subscriber's URL answers 3xx with a Location pointing at another receiver, which must never be called.
            String path = "/redirect-" + status + "-" + UUID.randomUUID();
            java.util.concurrent.atomic.AtomicBoolean redirecting = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            redirector.createContext(path, exchange -> {
                exchange.getRequestBody().readAllBytes();
                asked.incrementAndGet();
                if (redirecting.get()) {
                    exchange.getResponseHeaders().add("Location", target.url());
                    exchange.sendResponseHeaders(status, -1);
                } else {
                    exchange.sendResponseHeaders(200, -1);
                }
                exchange.close();
            });
            String url = "http://127.0.0.1:" + redirector.getAddress().getPort() + path;
            assertFaultRecordedRetriedAndRecovered("redirect " + status, status, url, () -> redirecting.set(false),
                    asked::get);
            assertEquals(List.of(), target.requests(), "a " + status + "'s Location is never followed");
            redirector.removeContext(path);
        }
    }

    @Test
    void a4xxAnswerIsRecordedAsAFailedAttemptRetriedAndTheMissedChangeArrivesOnceItAnswers2xx() {
        for (int status : new int[] {400, 401, 403, 404, 410, 429}) {
            TestReceiver.Endpoint hook = TestReceiver.endpoint().answer(status);
            assertFaultRecordedRetriedAndRecovered("answer " + status, status, hook.url(), () -> hook.answer(200),
                    () -> hook.requests().size());
        }
    }

    /**
     * A subscriber at {@code url} failing with {@code status}: two attempts recorded with it (a retry), another tenant
     * notified promptly meanwhile; then {@code heal} makes it answer 200, and the change it missed is delivered.
     */
    private void assertFaultRecordedRetriedAndRecovered(String fault, int status, String url, Runnable heal,
            java.util.function.IntSupplier requests) {
        Tenant faulty = Tenant.make("faulty");
        Tenant other = Tenant.make("bystander");
        String id = faulty.subscribe(url);
        TestReceiver.Endpoint otherHook = TestReceiver.endpoint();
        String otherId = other.subscribe(otherHook.url());
        try {
            Instant missed = faulty.change();
            List<Map<String, Object>> failed = faulty.awaitDeliveries(id, 2);
            for (Map<String, Object> attempt : failed) {
                assertEquals(Boolean.FALSE, attempt.get("succeeded"), fault + ": " + attempt);
                assertEquals(status, attempt.get("status_code"), fault + ": " + attempt);
            }
            assertTrue(requests.getAsInt() >= 2, fault + ": retried");

            // Never blocking another subscriber: another tenant's change reaches its subscriber at once.
            Instant t = other.change();
            Instant published = Instant.now();
            TestReceiver.Request r = otherHook.await(req -> req.body().contains(Timestamps.format(t)), DEADLINE);
            Duration otherTook = Duration.between(published, r.at());
            assertTrue(otherTook.compareTo(PROMPTLY) < 0, fault + ": the other tenant was notified in " + otherTook);

            Instant healed = Instant.now();
            heal.run();
            Instant end = Instant.now().plus(DEADLINE);
            Map<String, Object> success = null;
            while (success == null && Instant.now().isBefore(end)) {
                success = faulty.deliveries(id).stream().filter(a -> Boolean.TRUE.equals(a.get("succeeded"))).findFirst()
                        .orElse(null);
                if (success == null) {
                    pause();
                }
            }
            assertTrue(success != null, fault + ": no successful delivery within " + DEADLINE + " of answering 200");
            Duration recovered = Duration.between(healed, Instant.now());
            List<Map<String, Object>> all = faulty.deliveries(id);
            int attempts = all.size();
            // The successful attempt's body (as the deliveries log shows it) names the change made while the
            // subscriber failed (its only change: from = to = its updated_at): nothing lost.
            assertTrue(String.valueOf(success.get("body")).contains(Timestamps.format(missed)),
                    fault + ": " + success.get("body"));
            assertFalse(all.stream().filter(a -> Boolean.FALSE.equals(a.get("succeeded")))
                    .anyMatch(a -> !Integer.valueOf(status).equals(a.get("status_code"))), fault + ": " + all);
            System.out.printf("[faults] subscriber %s: %d failed attempts recorded with status %d and retried; another"
                    + " tenant notified in %d ms meanwhile; delivered %d ms after it answered 2xx (change at %s); lost 0%n",
                    fault, attempts - 1, status, otherTook.toMillis(), recovered.toMillis(), Timestamps.format(missed));
        } finally {
            faulty.unsubscribe(id);
            other.unsubscribe(otherId);
        }
    }

    static void pause() {
        try {
            Thread.sleep(20); // polling, with a deadline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
