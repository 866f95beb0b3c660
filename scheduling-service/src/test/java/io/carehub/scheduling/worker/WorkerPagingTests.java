package io.carehub.scheduling.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.FindPages;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** API.md §3: loss-free keyset paging over (updated_at, id). */
@QuarkusTest
class WorkerPagingTests {

    @Inject
    Pool pool;

    final String tenant = "paging-" + UUID.randomUUID();
    final String admin = TestTokens.token(tenant, "admin");
    final String reader = TestTokens.token(tenant, "workers.read");

    @Test
    void everyWorkerComesExactlyOnceInUpdatedAtIdOrderAlsoWhenManyShareOneUpdatedAt() {
        for (int i = 0; i < 120; i++) {
            WorkerResourceTests.createWorker(admin, "w" + i + "." + UUID.randomUUID() + "@example.com");
        }
        // Half of them share one updated_at, as a bulk import would leave them.
        pool.query("UPDATE workers SET updated_at = '2024-01-01T00:00:00.123456Z' WHERE tenant = '" + tenant + "'"
                + " AND id IN (SELECT id FROM workers WHERE tenant = '" + tenant + "' ORDER BY random() LIMIT 60)")
                .execute().await().atMost(Duration.ofSeconds(10));
        List<String> expected = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT id FROM workers WHERE tenant = $1 ORDER BY updated_at, id")
                .execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(10))) {
            expected.add(row.getUUID("id").toString());
        }
        assertEquals(120, expected.size());

        FindPages.Walk walk = FindPages.walk(reader, "/v1/workers?page[size]=7", 7);
        List<String> seen = walk.ids();
        assertEquals(18, walk.pages());
        assertEquals(expected, seen);
        assertEquals(120, new HashSet<>(seen).size());
    }

    @Test
    void pageFromAndToBoundTheWindowInclusively() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(WorkerResourceTests.createWorker(admin, "win" + i + "." + UUID.randomUUID() + "@example.com"));
        }
        String from = given().auth().oauth2(reader).get("/v1/workers/" + ids.get(1)).then().extract().path("data.updated_at");
        String to = given().auth().oauth2(reader).get("/v1/workers/" + ids.get(3)).then().extract().path("data.updated_at");
        given().auth().oauth2(reader).queryParam("page[from]", from).queryParam("page[to]", to)
                .get("/v1/workers").then().statusCode(200)
                .body("data.id", contains(ids.get(1), ids.get(2), ids.get(3)))
                .body("meta.current['page[from]']", equalTo(from))
                .body("meta.current['page[to]']", equalTo(to))
                .body("links.current.href", startsWith("http"))
                .body("links", not(hasKey("next")));
    }

    @Test
    void timestampsAreAcceptedInEveryFormOfTheContract() {
        String id = WorkerResourceTests.createWorker(admin, "ts." + UUID.randomUUID() + "@example.com");
        String at = given().auth().oauth2(reader).get("/v1/workers/" + id).then().extract().path("data.updated_at");
        // The offset's '+' arrives as a space when a client forgot to encode it.
        String unencodedPlus = at.replace("+00:00", " 00:00");
        String zulu = at.replace("+00:00", "Z");
        String noOffset = at.replace("+00:00", "");
        String nanos = at.replace("+00:00", "000+00:00");
        for (String form : List.of(at, unencodedPlus, zulu, noOffset, nanos)) {
            given().auth().oauth2(reader).queryParam("page[from]", form).queryParam("page[to]", form)
                    .get("/v1/workers").then().statusCode(200).body("data.id", contains(id));
        }
    }

    @Test
    void findByPostTakesTheSameParametersAsJsonOrForm() {
        String id = WorkerResourceTests.createWorker(admin, "post." + UUID.randomUUID() + "@example.com");
        given().auth().oauth2(reader).contentType(ContentType.JSON).body(Map.of("page[size]", 1))
                .post("/v1/workers/find").then().statusCode(200).body("data.id", contains(id));
        given().auth().oauth2(reader).contentType(ContentType.URLENC).formParam("page[size]", "1")
                .post("/v1/workers/find").then().statusCode(200).body("data.id", contains(id));
        given().auth().oauth2(reader).contentType(ContentType.JSON).body(Map.of("page[size]", 0))
                .post("/v1/workers/find").then().statusCode(400).body("errors[0].code", equalTo("bad_request"));
    }

    @Test
    void badPageParametersAre400NamingTheParameter() {
        for (var bad : List.of(Map.of("page[size]", "0"), Map.of("page[size]", "1001"), Map.of("page[size]", "ten"),
                Map.of("page[from]", "yesterday"), Map.of("page[to]", "2019-02-30T00:00:00Z"),
                Map.of("page[after]", "bm90LWEtY3Vyc29y"), Map.of("colour", "blue"))) {
            String name = bad.keySet().iterator().next();
            given().auth().oauth2(reader).queryParams(bad).get("/v1/workers").then()
                    .statusCode(400)
                    .body("errors[0].code", equalTo("bad_request"))
                    .body("errors[0].extra.path", equalTo(name));
        }
    }
}
