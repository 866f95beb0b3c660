package io.carehub.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * ARCHITECTURE.md, the lease: a delivery that outlived its lease, while another instance claimed the
 * subscription again, records nothing (no attempt, no change to the ranges or the failure state); the
 * instance holding the lease now is the one whose outcome counts.
 */
@QuarkusTest
@TestProfile(ScaleOutTests.OwnDispatchers.class)
class LeaseTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String OTHER_INSTANCE = "another-instance/its-claim";

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

    final String tenant = "lease-" + UUID.randomUUID();
    String token;

    @BeforeEach
    void client() {
        token = TestClients.accessToken(TestClients.create(tenant, "all", "webhooks"));
    }

    @Test
    void aSuccessAfterTheLeaseWasTakenOverRecordsNothing() throws Exception {
        assertALostLeaseRecordsNothing(200);
    }

    @Test
    void aFailureAfterTheLeaseWasTakenOverRecordsNothing() throws Exception {
        assertALostLeaseRecordsNothing(500);
    }

    void assertALostLeaseRecordsNothing(int answer) throws Exception {
        TestReceiver.Endpoint hook = TestReceiver.endpoint().answer(answer).delay(Duration.ofMillis(1500));
        UUID id = UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"" + hook.url() + "\", \"resources\": [\"patients\"]}")
                .post("/v1/webhook_subscriptions").then().statusCode(200).extract().path("data.id"));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        Dispatcher dispatcher = ScaleOutTests.dispatcher(config, store, cipher, urlSafety, metrics);
        dispatcher.start(null);
        try {
            TestEvents.publish(ScaleOutTests.TOPIC, tenant, "patients", UUID.randomUUID().toString(), TestEvents.now());
            hook.awaitFirst(DEADLINE);
            // While the receiver holds the request: the lease ran out and another instance claimed it.
            int taken = pool.preparedQuery("UPDATE webhook_subscriptions SET leased_by = $2,"
                    + " lease_until = now() + interval '1 minute' WHERE id = $1")
                    .execute(Tuple.of(id, OTHER_INSTANCE)).await().atMost(DEADLINE).rowCount();
            assertEquals(1, taken);
            Instant end = Instant.now().plus(DEADLINE);
            while (metrics.find("carehub.webhooks.deliveries").counters().isEmpty()) {
                if (Instant.now().isAfter(end)) {
                    throw new AssertionError("the delivery did not end within " + DEADLINE);
                }
                Thread.sleep(20); // polling, with the deadline above
            }
        } finally {
            dispatcher.stop(null);
        }
        assertEquals(List.of("lease_lost"), metrics.find("carehub.webhooks.deliveries").counters().stream()
                .map(c -> c.getId().getTag("outcome")).toList(), "the attempt's outcome is the lease holder's to record");
        assertEquals(1, hook.requests().size());
        assertEquals(0L, count("SELECT count(*) AS n FROM webhook_deliveries WHERE subscription_id = $1", id),
                "no attempt recorded");
        assertEquals(1L, count("SELECT count(*) AS n FROM inflight_ranges WHERE subscription_id = $1", id),
                "the batch is still the new lease holder's to deliver");
        Row s = pool.preparedQuery("SELECT leased_by, failure_count, last_success_at, last_failure_at FROM webhook_subscriptions"
                + " WHERE id = $1").execute(Tuple.of(id)).await().atMost(DEADLINE).iterator().next();
        assertEquals(OTHER_INSTANCE, s.getString("leased_by"), "the other instance's lease is untouched");
        assertEquals(0, s.getInteger("failure_count"));
        assertNull(s.getValue("last_success_at"));
        assertNull(s.getValue("last_failure_at"));
        given().auth().oauth2(token).delete("/v1/webhook_subscriptions/" + id).then().statusCode(200);
    }

    long count(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(DEADLINE).iterator().next().getLong("n");
    }
}
