package io.carehub.scheduling.worker;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** API.md §5: an export streams every resource of the tenant, across many keyset batches. */
@QuarkusTest
class WorkerExportTests {

    @Inject
    Pool pool;

    @Test
    void exportsEveryWorkerOnceAcrossBatchesAndHonoursTheWindow() {
        String tenant = "export-" + UUID.randomUUID();
        // 1 234 workers, 1 000 of them sharing one updated_at (a bulk import), so batches split inside it.
        pool.preparedQuery("INSERT INTO workers (id, tenant, environment, email, created_at, updated_at)"
                + " SELECT gen_random_uuid(), $1, 'live', 'w' || n || '@example.com', now(),"
                + " CASE WHEN n <= 1000 THEN timestamptz '2024-01-01 00:00:00+00' ELSE now() + n * interval '1 microsecond' END"
                + " FROM generate_series(1, 1234) AS n").execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(30));
        String reader = TestTokens.token(tenant, "workers.read");

        String csv = given().auth().oauth2(reader).get("/v1/exports/workers").then().statusCode(200).extract().asString();
        List<String> rows = List.of(csv.split("\r\n"));
        assertEquals("id,email,first_name,last_name,phone_number,timezone,gender,created_at,updated_at", rows.get(0));
        assertEquals(1234, rows.size() - 1);
        assertEquals(1234, new HashSet<>(rows.subList(1, rows.size())).size(), "every worker exactly once");
        assertTrue(rows.stream().anyMatch(r -> r.contains(",w777@example.com,")));

        String windowed = given().auth().oauth2(reader).queryParam("page[to]", "2024-01-01T00:00:00Z")
                .get("/v1/exports/workers").then().statusCode(200).extract().asString();
        assertEquals(1001, windowed.split("\r\n").length, "the header and the 1 000 bulk-imported workers");
    }
}
