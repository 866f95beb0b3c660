package io.carehub.scheduling.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.RoleMatrix;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.carehub.scheduling.worker.WorkerResourceTests;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CalendarResourceTests {

    final String tenant = "cal-" + UUID.randomUUID();
    final String admin = TestTokens.token(tenant, "admin");
    final String reader = TestTokens.token(tenant, "calendars.read");

    @Test
    void creatingAWorkerCreatesExactlyOneCalendarForIt() {
        String worker = WorkerResourceTests.createWorker(admin, "cal." + UUID.randomUUID() + "@example.com");
        String other = WorkerResourceTests.createWorker(admin, "cal2." + UUID.randomUUID() + "@example.com");
        String calendar = given().auth().oauth2(reader).queryParam("worker_id", worker).get("/v1/calendars").then()
                .statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].worker_id", equalTo(worker))
                .body("data[0].keySet()", containsInAnyOrder("id", "worker_id", "created_at", "updated_at"))
                .body("data[0].created_at", matchesPattern(TestHttp.TIMESTAMP))
                .body("links.current.href", matchesPattern(".*/v1/calendars\\?worker_id=" + worker + "&page\\[size\\]=50$"))
                .extract().path("data[0].id");
        given().auth().oauth2(reader).get("/v1/calendars/" + calendar).then().statusCode(200)
                .body("data.id", equalTo(calendar)).body("data.worker_id", equalTo(worker));
        // "worker" is accepted for worker_id, as the reference's clients send it.
        given().auth().oauth2(reader).queryParam("worker", other).get("/v1/calendars").then().statusCode(200)
                .body("data.worker_id", contains(other));
        given().auth().oauth2(reader).get("/v1/calendars").then().statusCode(200).body("data.size()", equalTo(2));
    }

    @Test
    void anotherTenantsCalendarIsNotFound() {
        String worker = WorkerResourceTests.createWorker(admin, "cal3." + UUID.randomUUID() + "@example.com");
        String calendar = given().auth().oauth2(reader).queryParam("worker_id", worker).get("/v1/calendars").then()
                .extract().path("data[0].id");
        String stranger = TestTokens.token("stranger-" + tenant, "all");
        given().auth().oauth2(stranger).get("/v1/calendars/" + calendar).then().statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
        given().auth().oauth2(stranger).queryParam("worker_id", worker).get("/v1/calendars").then().statusCode(200)
                .body("data.size()", equalTo(0));
    }

    @Test
    void calendarsCannotBeCreatedThroughTheApi() {
        given().auth().oauth2(TestTokens.token(tenant, "all admin")).contentType("application/json").body("{}")
                .post("/v1/calendars").then().statusCode(405).body("errors[0].code", equalTo("method_not_allowed"));
    }
    /** API-CORE.md §C9's matrix for calendars (read-only: Get, Find, export). */
    @Test
    void rolesGovernWhatOfACalendarIsRead() throws Exception {
        String all = TestTokens.token(tenant, "all admin");
        RoleMatrix.of(tenant, "calendars", "scheduling-service", List.of("id", "worker_id", "created_at", "updated_at"),
                "id,worker_id,created_at,updated_at", () -> {
                    String worker = WorkerResourceTests.createWorker(all, "matrix." + UUID.randomUUID() + "@example.com");
                    return given().auth().oauth2(all).queryParam("worker_id", worker).get("/v1/calendars").then()
                            .statusCode(200).extract().path("data[0].id");
                }).check();
    }
}
