package io.carehub.patients.patient;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.instant;
import static io.carehub.patients.TestApi.createPatient;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** Concurrent updates lose nothing, and a Find walker never passes a write that commits late (API.md §2, §3). */
@QuarkusTest
class LossFreeWritesTests {

    @Inject
    Pool pool;

    final String tenant = TestHttp.newTenant("lossfree");
    final String all = TestTokens.token(tenant, "all");

    @Test
    void twoConcurrentUpdatesAreBothKeptAndUpdatedAtOnlyIncreases() throws Exception {
        String id = createPatient(all);
        Instant created = instant(get(all, "/v1/patients/" + id).extract().path("data.updated_at"));
        SqlConnection locker = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        CompletableFuture<JsonPath> first;
        CompletableFuture<JsonPath> second;
        try {
            // Both updates read the patient while a third transaction holds it: without a lock, the later one
            // writes back the field the earlier one changed.
            Transaction tx = locker.begin().await().atMost(Duration.ofSeconds(10));
            locker.preparedQuery("SELECT 1 FROM patients WHERE id = $1 FOR UPDATE").execute(Tuple.of(UUID.fromString(id)))
                    .await().atMost(Duration.ofSeconds(10));
            first = CompletableFuture.supplyAsync(() -> update(id, "{\"first_name\": \"Ada\"}"));
            second = CompletableFuture.supplyAsync(() -> update(id, "{\"last_name\": \"Lovelace\"}"));
            awaitWaiting(2);
            tx.commit().await().atMost(Duration.ofSeconds(10));
        } finally {
            locker.close().await().atMost(Duration.ofSeconds(10));
        }
        Instant a = instant(first.get(30, TimeUnit.SECONDS).getString("data.updated_at"));
        Instant b = instant(second.get(30, TimeUnit.SECONDS).getString("data.updated_at"));
        JsonPath now = get(all, "/v1/patients/" + id).statusCode(200).extract().jsonPath();
        assertEquals("Ada", now.getString("data.first_name"));
        assertEquals("Lovelace", now.getString("data.last_name"));
        assertTrue(a.isAfter(created) && b.isAfter(created), "each update moves updated_at forward");
        assertTrue(!a.equals(b), "the two updates have distinct updated_at");
        assertEquals(a.isAfter(b) ? a : b, instant(now.getString("data.updated_at")), "the later update's updated_at stays");
    }

    @Test
    void aWalkerThatPassesASlowTransactionsUpdatedAtStillSeesItsRow() throws Exception {
        String early = createPatient(all);
        SqlConnection slow = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        UUID late = UUID.randomUUID();
        String after;
        try {
            // A write that takes its stamp now and commits only after a later write has committed.
            Transaction tx = slow.begin().await().atMost(Duration.ofSeconds(10));
            OffsetDateTime stamp = slow.query("SELECT set_config('application_name', 'carehub:write', true),"
                    + " clock_timestamp() AS stamp").execute().await().atMost(Duration.ofSeconds(10))
                    .iterator().next().getOffsetDateTime("stamp");
            slow.preparedQuery("INSERT INTO patients (id, tenant, environment, phase, timezone, first_name, last_name, birthday,"
                    + " created_at, updated_at) VALUES ($1, $2, 'live', 'enrolled', 'US/Pacific', 'Late', 'Commit', $3, $4, $4)")
                    .execute(Tuple.of(late, tenant, LocalDate.of(1906, 12, 9), stamp)).await().atMost(Duration.ofSeconds(10));
            after = createPatient(all);
            Instant to = instant(get(all, "/v1/patients/" + after).extract().path("data.updated_at"));
            assertTrue(to.isAfter(stamp.toInstant()));

            // Open-ended: the walk ends before the write in flight; nothing after it is handed out yet.
            JsonPath open = page("/v1/patients?page[size]=10");
            assertEquals(List.of(early), open.getList("data.id"));
            assertNull(open.get("links.next"), "an open-ended walk does not wait");

            // Bounded, as a ping's href is: the walk keeps a next link while the write is in flight.
            List<String> seen = new ArrayList<>();
            JsonPath first = page("/v1/patients?page[size]=1&page[to]=" + encode(to));
            seen.addAll(first.getList("data.id"));
            String next = path(first.getString("links.next.href"));
            JsonPath waiting = page(next);
            assertEquals(List.of(), waiting.getList("data.id"), "nothing past the write in flight");
            assertNotNull(waiting.getString("links.next.href"), "the window may still grow: come back");

            tx.commit().await().atMost(Duration.ofSeconds(10));
            next = path(waiting.getString("links.next.href"));
            while (next != null) {
                JsonPath p = page(next);
                seen.addAll(p.getList("data.id"));
                next = p.getString("links.next.href") == null ? null : path(p.getString("links.next.href"));
            }
            assertEquals(List.of(early, late.toString(), after), seen, "every resource once, the late one included");
        } finally {
            slow.close().await().atMost(Duration.ofSeconds(10));
        }
        JsonPath resumed = page("/v1/patients?page[size]=10");
        assertEquals(List.of(early, late.toString(), after), resumed.getList("data.id"));
    }

    private JsonPath update(String id, String body) {
        return given().auth().oauth2(all).contentType(ContentType.JSON).body(body).put("/v1/patients/" + id).then()
                .statusCode(200).extract().jsonPath();
    }

    private JsonPath page(String pathAndQuery) {
        return given().auth().oauth2(all).urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String path(String href) {
        URI uri = URI.create(href);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String encode(Instant at) {
        return URLEncoder.encode(OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString(), StandardCharsets.UTF_8);
    }

    /** Until {@code n} backends of this database wait for a lock, or the deadline. */
    private void awaitWaiting(int n) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            long waiting = pool.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock'").execute().await().atMost(Duration.ofSeconds(10))
                    .iterator().next().getLong("n");
            if (waiting >= n) {
                return;
            }
            TestEvents.pause();
        }
        throw new AssertionError(n + " updates never waited for the lock");
    }
}
