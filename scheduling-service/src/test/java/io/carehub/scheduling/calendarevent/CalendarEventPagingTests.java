package io.carehub.scheduling.calendarevent;

import static io.carehub.commons.testing.TestHttp.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.FindPages;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.scheduling.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** API.md §3 with the filters of calendar_events: calendar_id and user_id, by GET and by POST. */
@QuarkusTest
class CalendarEventPagingTests {

    static final int EVENTS = 1000;

    @Inject
    Pool pool;

    final String tenant = TestHttp.newTenant("paging");
    final String all = TestTokens.token(tenant, "all admin");
    final String reader = TestTokens.token(tenant, "calendar_events.read");

    static String event(String calendar, Object patient, int i) {
        // Spread over days, every one a valid timed event.
        String start = "2024-01-%02dT%02d:00:00Z".formatted(1 + i % 28, i % 23);
        String end = "2024-01-%02dT%02d:30:00Z".formatted(1 + i % 28, i % 23);
        return """
                {"calendar_id": "%s", "user_id": "%s", "start_time": "%s", "end_time": "%s", "modality": "visit",
                 "appointment_type": "follow_up"}""".formatted(calendar, patient, start, end);
    }

    /** {@code count} events created through the API, 8 at a time. */
    void createConcurrently(String calendar, Object patient, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                statuses.add(threads.submit(() -> post(all, "/v1/calendar_events", event(calendar, patient, n)).extract().statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void findByCalendarAndPatientPagesThrough1000EventsOfOneCalendarEachOnceInOrder() throws Exception {
        String calendar = TestApi.createCalendar(all);
        String otherCalendar = TestApi.createCalendar(all);
        UUID patient = TestOwners.create("patients", tenant);
        UUID otherPatient = TestOwners.create("patients", tenant);
        // The 1 000 inserted directly, as a bulk import would leave them (through the API they took a minute here);
        // half of them share one updated_at, so that pages split inside it.
        pool.preparedQuery("INSERT INTO calendar_events (id, tenant, environment, calendar_id, user_id, start_time, end_time, modality,"
                + " appointment_type, created_at, updated_at)"
                + " SELECT gen_random_uuid(), $1, 'live', $2, $3, timestamptz '2024-01-01 09:00+00' + n * interval '1 hour',"
                + " timestamptz '2024-01-01 09:30+00' + n * interval '1 hour', 'visit', 'follow_up', now(),"
                + " CASE WHEN n % 2 = 0 THEN timestamptz '2024-02-01 00:00:00.123456+00' ELSE now() + n * interval '1 microsecond' END"
                + " FROM generate_series(1, " + EVENTS + ") AS n")
                .execute(Tuple.of(tenant, UUID.fromString(calendar), patient)).await().atMost(Duration.ofSeconds(30));
        // Beside them, through the API: the patient on another calendar, and another patient on this calendar.
        createConcurrently(otherCalendar, patient, 5);
        createConcurrently(calendar, otherPatient, 5);

        List<String> both = walk("calendar_id=" + calendar + "&user_id=" + patient,
                "calendar_id = $2 AND user_id = $3", UUID.fromString(calendar), patient);
        assertEquals(EVENTS, both.size());
        assertEquals(EVENTS + 5, walk("calendar_id=" + calendar, "calendar_id = $2", UUID.fromString(calendar)).size());
        assertEquals(EVENTS + 5, walk("user_id=" + patient, "user_id = $2", patient).size());
    }

    /** Walks the Find with {@code query} at page[size]=7; asserts each id once, in (updated_at, id) order. */
    private List<String> walk(String query, String where, Object... values) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant);
        parameters.addAll(List.of(values));
        List<String> expected = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT id FROM calendar_events WHERE tenant = $1 AND " + where
                + " ORDER BY updated_at, id").execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10))) {
            expected.add(row.getUUID("id").toString());
        }
        FindPages.Walk walk = FindPages.walk(reader, "/v1/calendar_events?" + query + "&page[size]=7", 7);
        assertEquals(expected, walk.ids(), query);
        assertEquals(expected.size(), new HashSet<>(walk.ids()).size(), "each id once: " + query);
        assertEquals((expected.size() + 6) / 7, walk.pages(), query);
        return walk.ids();
    }

    @Test
    void findByPostTakesTheFiltersAsJsonOrForm() throws Exception {
        String calendar = TestApi.createCalendar(all);
        String otherCalendar = TestApi.createCalendar(all);
        UUID patient = TestOwners.create("patients", tenant);
        UUID otherPatient = TestOwners.create("patients", tenant);
        String mine = post(all, "/v1/calendar_events", event(calendar, patient, 1)).statusCode(200).extract().path("data.id");
        post(all, "/v1/calendar_events", event(otherCalendar, patient, 2)).statusCode(200);
        post(all, "/v1/calendar_events", event(calendar, otherPatient, 3)).statusCode(200);
        given().auth().oauth2(reader).contentType(ContentType.JSON)
                .body(Map.of("calendar_id", calendar, "user_id", patient.toString(), "page[size]", 10))
                .post("/v1/calendar_events/find").then().statusCode(200).body("data.id", contains(mine));
        given().auth().oauth2(reader).contentType(ContentType.URLENC)
                .formParam("calendar_id", calendar).formParam("user_id", patient.toString())
                .post("/v1/calendar_events/find").then().statusCode(200).body("data.id", contains(mine));
        given().auth().oauth2(reader).queryParam("calendar_id", calendar).queryParam("user_id", patient.toString())
                .get("/v1/calendar_events").then().statusCode(200).body("data.id", contains(mine));
    }

    @Test
    void badFilterValuesAre400NamingTheParameter() {
        for (var bad : List.of(Map.of("calendar_id", "not-a-guid"), Map.of("user_id", "42"), Map.of("worker_id",
                UUID.randomUUID().toString()))) {
            String name = bad.keySet().iterator().next();
            given().auth().oauth2(reader).queryParams(bad).get("/v1/calendar_events").then()
                    .statusCode(400)
                    .body("errors[0].code", equalTo("bad_request"))
                    .body("errors[0].extra.path", equalTo(name));
            given().auth().oauth2(reader).contentType(ContentType.JSON).body(bad).post("/v1/calendar_events/find").then()
                    .statusCode(400)
                    .body("errors[0].extra.path", equalTo(name));
        }
    }

    @Test
    void anotherTenantFindsNoneOfTheseEventsWhateverItFiltersBy() {
        String calendar = TestApi.createCalendar(all);
        UUID patient = TestOwners.create("patients", tenant);
        post(all, "/v1/calendar_events", event(calendar, patient, 1)).statusCode(200);
        String stranger = TestTokens.token(TestHttp.newTenant("stranger"), "all");
        for (String query : List.of("", "?calendar_id=" + calendar, "?user_id=" + patient)) {
            given().auth().oauth2(stranger).get("/v1/calendar_events" + query).then().statusCode(200)
                    .body("data.size()", equalTo(0));
        }
        String csv = given().auth().oauth2(stranger).get("/v1/exports/calendar_events").then().statusCode(200)
                .extract().asString();
        assertEquals(1, csv.split("\r\n").length, "the header only: " + csv);
    }
}
