package io.carehub.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.notifier.TestClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class DeliveryRetentionTests {

    @Inject
    Pool pool;
    @Inject
    DeliveryRetention retention;

    @Test
    void attemptsOlderThanTheRetentionAreForgottenAndNewerOnesKept() {
        String tenant = "retention-" + UUID.randomUUID();
        String id = given().auth().oauth2(TestClients.tokenOf(tenant, "webhooks", "patients.read")).contentType(ContentType.JSON)
                .body("{\"url\": \"https://93.184.216.34/hook\", \"resources\": [\"patients\"], \"active\": false}")
                .post("/v1/webhook_subscriptions").then().statusCode(200).extract().path("data.id");
        String insert = "INSERT INTO webhook_deliveries (id, tenant, subscription_id, webhook_id, succeeded, status_code,"
                + " latency_ms, body, created_at, updated_at) VALUES (gen_random_uuid(), $1, $2, 'msg', true, 200, 5, '[]',"
                + " now() - $3 * interval '1 day', now() - $3 * interval '1 day')";
        for (int daysAgo : new int[] { 40, 31, 29, 0 }) {
            pool.preparedQuery(insert).execute(Tuple.of(tenant, UUID.fromString(id), daysAgo)).await().atMost(Duration.ofSeconds(10));
        }

        int forgotten = retention.purgeOlderThan(Duration.ofDays(30)).await().atMost(Duration.ofSeconds(10));

        assertEquals(2, forgotten);
        long left = pool.preparedQuery("SELECT count(*) AS n FROM webhook_deliveries WHERE subscription_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
        assertEquals(2, left);
    }
}
