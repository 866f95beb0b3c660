package io.carehub.patients.patient;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.patients.TestApi.createPatient;
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

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.FindPages;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** API.md §3: loss-free keyset paging over (updated_at, id). */
@QuarkusTest
class PatientPagingTests {

    @Inject
    Pool pool;

    final String tenant = TestHttp.newTenant("paging");
    final String all = TestTokens.token(tenant, "all");

    @Test
    void everyPatientComesExactlyOnceInUpdatedAtIdOrderAlsoWhenManyShareOneUpdatedAt() {
        for (int i = 0; i < 60; i++) {
            createPatient(all, TestApi.grace("first_name", "Grace " + i));
        }
        // Half of them share one updated_at, as a bulk import would leave them.
        pool.preparedQuery("UPDATE patients SET updated_at = '2024-01-01T00:00:00.123456Z' WHERE tenant = $1"
                + " AND id IN (SELECT id FROM patients WHERE tenant = $1 ORDER BY random() LIMIT 30)")
                .execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(10));
        List<String> expected = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT id FROM patients WHERE tenant = $1 ORDER BY updated_at, id")
                .execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(10))) {
            expected.add(row.getUUID("id").toString());
        }
        assertEquals(60, expected.size());

        FindPages.Walk walk = FindPages.walk(all, "/v1/patients?page[size]=7", 7);
        List<String> seen = walk.ids();
        assertEquals(9, walk.pages());
        assertEquals(expected, seen);
        assertEquals(60, new HashSet<>(seen).size());
    }

    @Test
    void aPatientChangedAgainAppearsOnceOnThePageOfItsNewUpdatedAt() {
        String a = createPatient(all);
        String b = createPatient(all);
        String c = createPatient(all);
        TestHttp.put(all, "/v1/patients/" + a, "{\"phase\": \"enrolled\"}").statusCode(200);
        get(all, "/v1/patients").statusCode(200).body("data.id", contains(b, c, a));
    }

    @Test
    void pageFromAndToBoundTheWindowInclusively() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createPatient(all));
        }
        String from = get(all, "/v1/patients/" + ids.get(1)).extract().path("data.updated_at");
        String to = get(all, "/v1/patients/" + ids.get(3)).extract().path("data.updated_at");
        given().auth().oauth2(all).queryParam("page[from]", from).queryParam("page[to]", to)
                .get("/v1/patients").then().statusCode(200)
                .body("data.id", contains(ids.get(1), ids.get(2), ids.get(3)))
                .body("meta.current['page[from]']", equalTo(from))
                .body("meta.current['page[to]']", equalTo(to))
                .body("links.current.href", startsWith("http"))
                .body("links", not(hasKey("next")));
    }

    @Test
    void findByPostTakesTheSameParametersAsJsonOrForm() {
        String first = createPatient(all);
        createPatient(all);
        given().auth().oauth2(all).contentType(ContentType.JSON).body(Map.of("page[size]", 1))
                .post("/v1/patients/find").then().statusCode(200).body("data.id", contains(first))
                .body("links.next.href", startsWith("http"));
        given().auth().oauth2(all).contentType(ContentType.URLENC).formParam("page[size]", "1")
                .post("/v1/patients/find").then().statusCode(200).body("data.id", contains(first));
        given().auth().oauth2(all).contentType(ContentType.JSON).body(Map.of("page[size]", 0))
                .post("/v1/patients/find").then().statusCode(400).body("errors[0].code", equalTo("bad_request"));
    }

    @Test
    void badPageParametersAre400NamingTheParameter() {
        for (var bad : List.of(Map.of("page[size]", "0"), Map.of("page[size]", "1001"), Map.of("page[size]", "ten"),
                Map.of("page[from]", "yesterday"), Map.of("page[to]", "2019-02-30T00:00:00Z"),
                Map.of("page[after]", "bm90LWEtY3Vyc29y"), Map.of("user_id", "x"), Map.of("colour", "blue"))) {
            String name = bad.keySet().iterator().next();
            given().auth().oauth2(all).queryParams(bad).get("/v1/patients").then()
                    .statusCode(400)
                    .body("errors[0].code", equalTo("bad_request"))
                    .body("errors[0].extra.path", equalTo(name));
        }
    }
}
