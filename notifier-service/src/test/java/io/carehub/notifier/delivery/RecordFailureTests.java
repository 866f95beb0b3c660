package io.carehub.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestEvents;
import io.carehub.notifier.TestReceiver;
import io.carehub.notifier.client.SecretCipher;
import io.carehub.notifier.config.WebhooksConfig;
import io.carehub.notifier.subscription.UrlSafety;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Issue 13: an attempt whose outcome the database fails to record. The test makes the record fail for real: it
 * holds {@code webhook_deliveries} (which every record inserts into, and nothing before it reads) under an ACCESS
 * EXCLUSIVE lock from a connection of its own, and the dispatcher's record timeout is 500 ms, so each try fails with
 * SQLSTATE 57014. A record that fails once is recorded by the next try, without sending again; one that fails every
 * try hands the lease back, and the batch (still in flight) is sent again within seconds, not after the 60 s lease.
 */
@QuarkusTest
@TestProfile(ScaleOutTests.OwnDispatchers.class)
class RecordFailureTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final Duration RECORD_TIMEOUT = Duration.ofMillis(500);

    @Inject
    WebhooksConfig config;
    @Inject
    DeliveryStore store;
    @Inject
    SecretCipher cipher;
    @Inject
    UrlSafety urlSafety;
    @Inject
    Pool pool;

    final String tenant = "record-" + UUID.randomUUID();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final List<LogRecord> dispatcherLog = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            dispatcherLog.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    String token;
    Dispatcher dispatcher;
    SqlConnection locker;

    @BeforeEach
    void dispatcher() {
        token = TestClients.accessToken(TestClients.create(tenant, "all", "webhooks"));
        Logger.getLogger(Dispatcher.class.getName()).addHandler(capture);
        dispatcher = ScaleOutTests.dispatcher(config, store, cipher, urlSafety, metrics,
                Map.of("recordTimeout", RECORD_TIMEOUT));
        dispatcher.start(null);
    }

    @AfterEach
    void stop() throws Exception {
        if (locker != null) {
            locker.closeAndAwait(); // lets go of the lock, if a failed test still holds it
        }
        dispatcher.stop(null);
        Logger.getLogger(Dispatcher.class.getName()).removeHandler(capture);
    }

    @Test
    void anOutcomeNoTryCouldRecordIsSentAgainWithinSecondsNotAfterTheLease() {
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        UUID id = subscribe(hook);
        lockTheDeliveriesLog();
        TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
        TestReceiver.Request first = hook.awaitFirst(DEADLINE);

        // Every try fails (500 ms each, 0.5 s and 1.5 s apart): the lease is handed back, to end within 2 s.
        await(() -> leaseEndsWithin(id, Duration.ofSeconds(10)), "the lease is handed back, not left for its 60 s");
        Instant handedBack = Instant.now();
        letGoOfTheDeliveriesLog();

        TestReceiver.Request again = hook.awaitCount(2, DEADLINE).get(1);
        Duration resentAfter = Duration.between(first.at(), again.at());
        System.out.printf("[record-failure] sent again %d ms after the unrecorded attempt (handed back after %d ms);"
                + " lease %s%n", resentAfter.toMillis(), Duration.between(first.at(), handedBack).toMillis(),
                config.dispatcher().lease());
        assertTrue(resentAfter.compareTo(Duration.ofSeconds(15)) < 0, "sent again within seconds, not after the lease: "
                + resentAfter);
        assertEquals(first.body(), again.body(), "the batch stayed in flight: the same ranges");
        assertEquals(first.header("webhook-id"), again.header("webhook-id"), "the same message: receivers dedupe on it");

        JsonPath deliveries = awaitDeliveries(id, 1);
        assertEquals(1, deliveries.getList("data").size(), "the unrecorded attempt is not in the log, the one sent again is");
        assertTrue(deliveries.getBoolean("data[0].succeeded"));
        assertEquals(200, deliveries.getInt("data[0].status_code"));
        assertEquals(again.header("webhook-id"), deliveries.getString("data[0].webhook_id"));
        assertDelivered(id);
        assertEquals(2, hook.requests().size());
        assertEquals(1.0, metrics.counter("carehub.webhooks.deliveries", "outcome", "unrecorded").count());
        assertEquals(1.0, metrics.counter("carehub.webhooks.deliveries", "outcome", "succeeded").count());

        List<String> warnings = dispatcherLog.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(RecordFailureTests::message).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("subscription " + id) && warnings.get(0).contains("SQLSTATE 57014")
                && warnings.get(0).contains("not recorded in 3 tries") && warnings.get(0).contains("within 2000 ms"),
                warnings.get(0));
        assertTrue(!warnings.get(0).contains("patients") && !warnings.get(0).contains(tenant),
                "no body, no tenant, no driver message: " + warnings.get(0));
    }

    @Test
    void aRecordThatFailsOnceIsRecordedByTheNextTryWithoutSendingAgain() {
        TestReceiver.Endpoint hook = TestReceiver.endpoint();
        UUID id = subscribe(hook);
        lockTheDeliveriesLog();
        TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
        TestReceiver.Request sent = hook.awaitFirst(DEADLINE);

        // The first try waits for the lock, and gives up after the record timeout; the lock goes before the next.
        await(() -> waitersForTheDeliveriesLog() > 0, "the first try waits for the lock");
        await(() -> waitersForTheDeliveriesLog() == 0, "the first try gives up after " + RECORD_TIMEOUT);
        letGoOfTheDeliveriesLog();

        JsonPath deliveries = awaitDeliveries(id, 1);
        assertEquals(1, deliveries.getList("data").size());
        assertTrue(deliveries.getBoolean("data[0].succeeded"));
        assertEquals(sent.header("webhook-id"), deliveries.getString("data[0].webhook_id"));
        assertDelivered(id);
        assertEquals(1, hook.requests().size(), "recorded by a retry: not sent again");
        assertEquals(0.0, metrics.counter("carehub.webhooks.deliveries", "outcome", "unrecorded").count());
        assertEquals(1.0, metrics.counter("carehub.webhooks.deliveries", "outcome", "succeeded").count());
        assertEquals(List.of(), dispatcherLog.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(RecordFailureTests::message).toList(), "a record that succeeded on a retry logs no warning");
    }

    UUID subscribe(TestReceiver.Endpoint hook) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\"]}")
                .post("/v1/webhook_subscriptions").then().statusCode(200).extract().path("data.id"));
    }

    /** From another connection, as a migration or a long maintenance statement would. */
    void lockTheDeliveriesLog() {
        locker = pool.getConnectionAndAwait();
        locker.query("BEGIN").executeAndAwait();
        locker.query("SET LOCAL lock_timeout = '10s'").executeAndAwait();
        locker.query("LOCK TABLE webhook_deliveries IN ACCESS EXCLUSIVE MODE").executeAndAwait();
    }

    void letGoOfTheDeliveriesLog() {
        locker.query("COMMIT").executeAndAwait();
        locker.closeAndAwait();
        locker = null;
    }

    long waitersForTheDeliveriesLog() {
        return pool.query("SELECT count(*) AS n FROM pg_locks WHERE relation = 'webhook_deliveries'::regclass"
                + " AND NOT granted").executeAndAwait().iterator().next().getLong("n");
    }

    boolean leaseEndsWithin(UUID id, Duration within) {
        return pool.preparedQuery("SELECT count(*) AS n FROM webhook_subscriptions WHERE id = $1 AND leased_by IS NOT NULL"
                + " AND lease_until <= now() + $2 * interval '1 millisecond'").executeAndAwait(Tuple.of(id, within.toMillis()))
                .iterator().next().getLong("n") == 1;
    }

    /** Nothing left in flight or pending, the lease ended, the failures none. */
    void assertDelivered(UUID id) {
        Row s = pool.preparedQuery("SELECT leased_by, failure_count, (SELECT count(*) FROM inflight_ranges i"
                + " WHERE i.subscription_id = s.id) AS inflight FROM webhook_subscriptions s WHERE id = $1")
                .executeAndAwait(Tuple.of(id)).iterator().next();
        assertNull(s.getString("leased_by"));
        assertEquals(0, s.getInteger("failure_count"));
        assertEquals(0L, s.getLong("inflight"));
    }

    JsonPath awaitDeliveries(UUID id, int atLeast) {
        Instant end = Instant.now().plus(DEADLINE);
        while (true) {
            JsonPath page = given().auth().oauth2(token).get("/v1/webhook_subscriptions/" + id + "/deliveries").then()
                    .statusCode(200).extract().jsonPath();
            if (page.getList("data").size() >= atLeast) {
                return page;
            }
            assertTrue(Instant.now().isBefore(end), atLeast + " deliveries recorded within " + DEADLINE);
            pause();
        }
    }

    static void await(BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(end), what + " (within " + DEADLINE + ")");
            pause();
        }
    }

    static String message(LogRecord r) {
        return r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
    }

    static void pause() {
        try {
            Thread.sleep(20); // polling, with a deadline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
