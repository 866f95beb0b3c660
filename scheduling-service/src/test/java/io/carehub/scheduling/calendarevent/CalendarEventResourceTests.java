package io.carehub.scheduling.calendarevent;

import static io.carehub.commons.testing.TestHttp.ABSENT;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.commons.testing.TestHttp.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.scheduling.TestApi;
import io.carehub.scheduling.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * calendar_events (API.md §4, §2): the contract of every collection ({@link CollectionContract}, with Update), both
 * forms, Get, Update of each field, every validation rule.
 */
@QuarkusTest
class CalendarEventResourceTests extends CollectionContract {

    String calendar;
    String patient;

    @BeforeEach
    void aCalendarAndAPatient() {
        calendar = TestApi.createCalendar(all);
        patient = TestOwners.create("patients", tenant).toString();
    }

    @Override
    protected String collection() {
        return "calendar_events";
    }

    @Override
    protected String service() {
        return "scheduling-service";
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "calendar_id", "user_id", "is_all_day", "start_time", "end_time", "day", "outcome",
                "modality", "appointment_type", "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,calendar_id,user_id,is_all_day,start_time,end_time,day,outcome,modality,appointment_type,"
                + "created_at,updated_at";
    }

    @Override
    protected String validBody() {
        return timed();
    }

    @Override
    protected String marker() {
        return TestEvents.marker();
    }

    @Override
    protected boolean hasUpdate() {
        return true;
    }

    /** The reference's example of a timed event. */
    String timed() {
        return """
                {"calendar_id": "%s", "user_id": "%s", "start_time": "2018-09-10T18:56:19.357228+00:00",
                 "end_time": "2018-09-10T19:26:19.357540+00:00", "outcome": "completed", "modality": "call",
                 "appointment_type": "intake_call"}""".formatted(calendar, patient);
    }

    /** An all-day event, upcoming. */
    String allDay() {
        return """
                {"calendar_id": "%s", "user_id": "%s", "day": "2018-09-10", "modality": "visit",
                 "appointment_type": "follow_up"}""".formatted(calendar, patient);
    }

    static String create(String token, String body) {
        return post(token, "/v1/calendar_events", body).statusCode(200).extract().path("data.id");
    }

    @Test
    void aTimedEventIsCreatedAsSentAndGetReturnsTheSame() {
        var created = post(all, "/v1/calendar_events", timed()).statusCode(200)
                .header("Location", matchesPattern("^http://.*/v1/calendar_events/[0-9a-f-]{36}$"))
                .body("data.id", matchesPattern(TestHttp.GUID))
                .body("data.calendar_id", equalTo(calendar))
                .body("data.user_id", equalTo(patient))
                .body("data.is_all_day", equalTo(false))
                .body("data.start_time", equalTo("2018-09-10T18:56:19.357228+00:00"))
                .body("data.end_time", equalTo("2018-09-10T19:26:19.357540+00:00"))
                .body("data.day", nullValue())
                .body("data.outcome", equalTo("completed"))
                .body("data.modality", equalTo("call"))
                .body("data.appointment_type", equalTo("intake_call"))
                .body("data.created_at", matchesPattern(TestHttp.TIMESTAMP))
                .body("data.updated_at", matchesPattern(TestHttp.TIMESTAMP))
                .extract();
        String id = created.path("data.id");
        assertTrue(created.header("Location").endsWith("/v1/calendar_events/" + id));
        Map<String, Object> got = get(all, "/v1/calendar_events/" + id).statusCode(200).extract().path("data");
        assertEquals(created.<Map<String, Object>>path("data"), got);
    }

    @Test
    void anAllDayEventIsCreatedWithNoTimesAndNoOutcomeWhileUpcoming() {
        var created = post(all, "/v1/calendar_events", allDay()).statusCode(200)
                .body("data.is_all_day", equalTo(true))
                .body("data.day", equalTo("2018-09-10"))
                .body("data.start_time", nullValue())
                .body("data.end_time", nullValue())
                .body("data.outcome", nullValue())
                .body("data.modality", equalTo("visit"))
                .body("data.appointment_type", equalTo("follow_up"))
                .extract();
        Map<String, Object> got = get(all, "/v1/calendar_events/" + created.path("data.id")).statusCode(200).extract().path("data");
        assertEquals(created.<Map<String, Object>>path("data"), got);
    }

    @Test
    void everyDocumentedFieldIsAlwaysPresent() {
        String id = create(all, allDay());
        get(all, "/v1/calendar_events/" + id).statusCode(200)
                .body("data.keySet()", containsInAnyOrder("id", "calendar_id", "user_id", "is_all_day", "start_time",
                        "end_time", "day", "outcome", "modality", "appointment_type", "created_at", "updated_at"));
    }

    @Test
    void timesInAnyOffsetAreStoredAndReturnedInUtcWithSixFractionalDigits() {
        // -07:00 with seven fractional digits, and Z with none.
        String first = create(all, with(timed(), "start_time", "2018-09-10T11:56:19.3572289-07:00",
                "end_time", "2018-09-10T19:26:19Z"));
        // +05:30, and no offset at all (UTC).
        String second = create(all, with(timed(), "start_time", "2018-09-11T00:26:19.357228+05:30",
                "end_time", "2018-09-10T20:00:00"));
        get(all, "/v1/calendar_events/" + first).statusCode(200)
                .body("data.start_time", equalTo("2018-09-10T18:56:19.357228+00:00"))
                .body("data.end_time", equalTo("2018-09-10T19:26:19.000000+00:00"));
        get(all, "/v1/calendar_events/" + second).statusCode(200)
                .body("data.start_time", equalTo("2018-09-10T18:56:19.357228+00:00"))
                .body("data.end_time", equalTo("2018-09-10T20:00:00.000000+00:00"));
        boolean stored = pool.preparedQuery("SELECT start_time = timestamptz '2018-09-10 18:56:19.357228+00'"
                + " AND end_time = timestamptz '2018-09-10 19:26:19+00' AS exact FROM calendar_events WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(first))).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getBoolean("exact");
        assertTrue(stored, "stored as the instants sent, to the microsecond");
    }

    @Test
    void updateChangesEachFieldKeepsTheRestAndMovesUpdatedAtForward() {
        String id = create(all, timed());
        String otherCalendar = TestApi.createCalendar(all);
        String before = get(all, "/v1/calendar_events/" + id).extract().path("data.updated_at");
        update(id, "{\"calendar_id\": \"" + otherCalendar + "\"}").body("data.calendar_id", equalTo(otherCalendar))
                .body("data.start_time", equalTo("2018-09-10T18:56:19.357228+00:00"))
                .body("data.appointment_type", equalTo("intake_call"));
        update(id, "{\"start_time\": \"2018-09-10T18:00:00+00:00\"}").body("data.start_time", equalTo("2018-09-10T18:00:00.000000+00:00"))
                .body("data.end_time", equalTo("2018-09-10T19:26:19.357540+00:00"));
        update(id, "{\"end_time\": \"2018-09-10T18:45:00-04:00\"}").body("data.end_time", equalTo("2018-09-10T22:45:00.000000+00:00"))
                .body("data.start_time", equalTo("2018-09-10T18:00:00.000000+00:00"));
        for (String outcome : List.of("cancelled", "no-show", "completed")) {
            update(id, "{\"outcome\": \"" + outcome + "\"}").body("data.outcome", equalTo(outcome));
        }
        update(id, "{\"outcome\": null}").body("data.outcome", nullValue());
        update(id, "{\"modality\": \"video\"}").body("data.modality", equalTo("video"));
        update(id, "{\"modality\": \"phone\"}").body("data.modality", equalTo("phone"));
        update(id, "{\"appointment_type\": \"care_plan_review\"}").body("data.appointment_type", equalTo("care_plan_review"));
        String after = get(all, "/v1/calendar_events/" + id).statusCode(200)
                .body("data.calendar_id", equalTo(otherCalendar))
                .body("data.user_id", equalTo(patient))
                .body("data.is_all_day", equalTo(false))
                .body("data.start_time", equalTo("2018-09-10T18:00:00.000000+00:00"))
                .body("data.end_time", equalTo("2018-09-10T22:45:00.000000+00:00"))
                .body("data.day", nullValue())
                .body("data.outcome", nullValue())
                .body("data.modality", equalTo("phone"))
                .body("data.appointment_type", equalTo("care_plan_review"))
                .extract().path("data.updated_at");
        assertTrue(OffsetDateTime.parse(after).isAfter(OffsetDateTime.parse(before)), after + " after " + before);
    }

    @Test
    void switchingTimedToAllDayAndBackClearsTheOtherFormsFields() {
        String id = create(all, timed());
        update(id, "{\"day\": \"2018-09-11\"}")
                .body("data.is_all_day", equalTo(true)).body("data.day", equalTo("2018-09-11"))
                .body("data.start_time", nullValue()).body("data.end_time", nullValue());
        get(all, "/v1/calendar_events/" + id).statusCode(200).body("data.is_all_day", equalTo(true))
                .body("data.start_time", nullValue()).body("data.end_time", nullValue());
        update(id, "{\"start_time\": \"2018-09-12T09:00:00Z\", \"end_time\": \"2018-09-12T09:30:00Z\"}")
                .body("data.is_all_day", equalTo(false)).body("data.day", nullValue())
                .body("data.start_time", equalTo("2018-09-12T09:00:00.000000+00:00"))
                .body("data.end_time", equalTo("2018-09-12T09:30:00.000000+00:00"));
        get(all, "/v1/calendar_events/" + id).statusCode(200).body("data.is_all_day", equalTo(false)).body("data.day", nullValue());
        // The other form's fields may also be sent as null with the switch.
        update(id, "{\"day\": \"2018-09-13\", \"start_time\": null, \"end_time\": null}")
                .body("data.day", equalTo("2018-09-13")).body("data.start_time", nullValue());
        update(id, "{\"day\": null, \"start_time\": \"2018-09-13T09:00:00Z\", \"end_time\": \"2018-09-13T10:00:00Z\"}")
                .body("data.day", nullValue()).body("data.is_all_day", equalTo(false));
    }

    /** One refused request: its status, and its one error's code and path. */
    record Refusal(String what, String body, int status, String code, String path) {
    }

    @Test
    void everyRefusedCreateNamesItsFieldAndNeitherStoresNorPublishesAnything() {
        String stranger = TestHttp.newTenant("stranger");
        String strangersCalendar = TestApi.createCalendar(TestTokens.token(stranger, "all admin"));
        String strangersPatient = TestOwners.create("patients", stranger).toString();
        String strangersKnownPatient = TestEvents.knownPatient(pool, stranger).toString();
        List<Refusal> refusals = List.of(
                new Refusal("both forms", with(timed(), "day", "2018-09-10"), 400, "bad_request", ".day"),
                new Refusal("day with start_time", with(allDay(), "start_time", "2018-09-10T18:00:00Z"), 400, "bad_request", ".day"),
                new Refusal("day with end_time", with(allDay(), "end_time", "2018-09-10T18:00:00Z"), 400, "bad_request", ".day"),
                new Refusal("neither form", with(timed(), "start_time", ABSENT, "end_time", ABSENT), 400, "bad_request", ".start_time"),
                new Refusal("neither form, nulls", with(timed(), "start_time", null, "end_time", null, "day", null), 400,
                        "bad_request", ".start_time"),
                new Refusal("start_time alone", with(timed(), "end_time", ABSENT), 400, "bad_request", ".end_time"),
                new Refusal("end_time alone", with(timed(), "start_time", ABSENT), 400, "bad_request", ".start_time"),
                new Refusal("end_time before start_time", with(timed(), "end_time", "2018-09-10T18:56:19.357227+00:00"), 400,
                        "bad_request", ".end_time"),
                new Refusal("end_time equal to start_time", with(timed(), "end_time", "2018-09-10T20:56:19.357228+02:00"), 400,
                        "bad_request", ".end_time"),
                new Refusal("is_all_day sent", with(timed(), "is_all_day", false), 400, "bad_request", ".is_all_day"),
                new Refusal("is_all_day sent with day", with(allDay(), "is_all_day", true), 400, "bad_request", ".is_all_day"),
                new Refusal("is_all_day null", with(allDay(), "is_all_day", null), 400, "bad_request", ".is_all_day"),
                new Refusal("bad modality", with(timed(), "modality", "sms"), 400, "bad_request", ".modality"),
                new Refusal("bad outcome", with(timed(), "outcome", "no_show"), 400, "bad_request", ".outcome"),
                new Refusal("modality missing", with(timed(), "modality", ABSENT), 400, "bad_request", ".modality"),
                new Refusal("modality null", with(timed(), "modality", null), 400, "bad_request", ".modality"),
                new Refusal("appointment_type missing", with(timed(), "appointment_type", ABSENT), 400, "bad_request",
                        ".appointment_type"),
                new Refusal("appointment_type empty", with(timed(), "appointment_type", ""), 400, "bad_request", ".appointment_type"),
                new Refusal("calendar_id missing", with(timed(), "calendar_id", ABSENT), 400, "bad_request", ".calendar_id"),
                new Refusal("user_id missing", with(timed(), "user_id", ABSENT), 400, "bad_request", ".user_id"),
                new Refusal("calendar_id not a guid", with(timed(), "calendar_id", "calendar-1"), 400, "bad_request", ".calendar_id"),
                new Refusal("bad datetime", with(timed(), "start_time", "2018-09-10 at noon"), 400, "bad_request", ".start_time"),
                new Refusal("impossible datetime", with(timed(), "end_time", "2018-09-10T25:00:00Z"), 400, "bad_request", ".end_time"),
                new Refusal("datetime of the wrong JSON type", with(timed(), "start_time", 1536605779), 400, "parse_exception",
                        ".start_time"),
                new Refusal("bad day", with(allDay(), "day", "2018-02-30"), 400, "bad_request", ".day"),
                new Refusal("day with a time", with(allDay(), "day", "2018-09-10T00:00:00Z"), 400, "bad_request", ".day"),
                new Refusal("unknown field", with(timed(), "colour", "green"), 400, "bad_request", ".colour"),
                new Refusal("unknown calendar", with(timed(), "calendar_id", UUID.randomUUID().toString()), 404,
                        "resource_not_found", ".calendar_id"),
                new Refusal("unknown patient", with(timed(), "user_id", UUID.randomUUID().toString()), 404,
                        "resource_not_found", ".user_id"),
                new Refusal("another tenant's calendar", with(timed(), "calendar_id", strangersCalendar), 404,
                        "resource_not_found", ".calendar_id"),
                new Refusal("another tenant's patient", with(timed(), "user_id", strangersPatient), 404,
                        "resource_not_found", ".user_id"),
                new Refusal("another tenant's patient known from its events", with(timed(), "user_id", strangersKnownPatient),
                        404, "resource_not_found", ".user_id"),
                new Refusal("a calendar's id as the patient", with(timed(), "user_id", calendar), 404,
                        "resource_not_found", ".user_id"));
        List<String> failures = new ArrayList<>();
        List<JsonNode> published = TestEvents.publishedBy(tenant, "calendar_events", () -> {
            for (Refusal r : refusals) {
                var errors = post(all, "/v1/calendar_events", r.body()).extract();
                var body = errors.jsonPath();
                if (errors.statusCode() != r.status() || body.getList("errors").size() != 1
                        || body.getInt("errors[0].status") != r.status() || !r.code().equals(body.getString("errors[0].code"))
                        || !r.path().equals(body.getString("errors[0].extra.path"))) {
                    failures.add(r.what() + ": expected " + r.status() + " " + r.code() + " at " + r.path() + ", got "
                            + errors.statusCode() + " " + errors.asString());
                }
                int stored = get(all, "/v1/calendar_events").statusCode(200).extract().path("data.size()");
                if (stored != 0) {
                    failures.add(r.what() + ": stored an event");
                }
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(List.of(), published, "nothing published by a refused write");
    }

    @Test
    void refusalsNameTheRuleInTheirDetail() {
        post(all, "/v1/calendar_events", with(timed(), "end_time", "2018-09-10T18:00:00Z")).statusCode(400)
                .body("errors[0].detail", equalTo("end_time must be after start_time"))
                .body("errors[0].title", equalTo("Bad Request"));
        post(all, "/v1/calendar_events", with(timed(), "modality", "sms")).statusCode(400)
                .body("errors[0].detail", equalTo("modality must be one of call, visit, video, phone"));
        post(all, "/v1/calendar_events", with(timed(), "is_all_day", true)).statusCode(400)
                .body("errors[0].detail", equalTo("unknown field is_all_day"));
        // Every error of the fields themselves at once.
        post(all, "/v1/calendar_events", with(timed(), "modality", "sms", "outcome", "done", "start_time", "soon")).statusCode(400)
                .body("errors.extra.path", containsInAnyOrder(".modality", ".outcome", ".start_time"));
    }

    @Test
    void aRefusedUpdateLeavesTheEventAsItWasAndPublishesNothing() {
        String id = create(all, timed());
        String allDayId = create(all, allDay());
        String stranger = TestHttp.newTenant("stranger");
        String strangersCalendar = TestApi.createCalendar(TestTokens.token(stranger, "all admin"));
        Map<String, Object> timedBefore = get(all, "/v1/calendar_events/" + id).extract().path("data");
        Map<String, Object> allDayBefore = get(all, "/v1/calendar_events/" + allDayId).extract().path("data");
        List<Refusal> refusals = List.of(
                new Refusal("end_time before the stored start_time", "{\"end_time\": \"2018-09-10T18:00:00Z\"}", 400,
                        "bad_request", ".end_time"),
                new Refusal("start_time after the stored end_time", "{\"start_time\": \"2018-09-10T20:00:00Z\"}", 400,
                        "bad_request", ".end_time"),
                new Refusal("start_time equal to the stored end_time", "{\"start_time\": \"2018-09-10T19:26:19.357540Z\"}", 400,
                        "bad_request", ".end_time"),
                new Refusal("start_time cleared", "{\"start_time\": null}", 400, "bad_request", ".start_time"),
                new Refusal("both forms", "{\"day\": \"2018-09-11\", \"end_time\": \"2018-09-11T10:00:00Z\"}", 400,
                        "bad_request", ".day"),
                new Refusal("is_all_day", "{\"is_all_day\": true}", 400, "bad_request", ".is_all_day"),
                new Refusal("user_id", "{\"user_id\": \"" + patient + "\"}", 400, "bad_request", ".user_id"),
                new Refusal("modality cleared", "{\"modality\": null}", 400, "bad_request", ".modality"),
                new Refusal("appointment_type cleared", "{\"appointment_type\": null}", 400, "bad_request", ".appointment_type"),
                new Refusal("calendar_id cleared", "{\"calendar_id\": null}", 400, "bad_request", ".calendar_id"),
                new Refusal("bad outcome", "{\"outcome\": \"done\"}", 400, "bad_request", ".outcome"),
                new Refusal("unknown calendar", "{\"calendar_id\": \"" + UUID.randomUUID() + "\"}", 404,
                        "resource_not_found", ".calendar_id"),
                new Refusal("another tenant's calendar", "{\"calendar_id\": \"" + strangersCalendar + "\"}", 404,
                        "resource_not_found", ".calendar_id"),
                new Refusal("id", "{\"id\": \"" + UUID.randomUUID() + "\"}", 400, "bad_request", ".id"),
                new Refusal("created_at", "{\"created_at\": \"2020-01-01T00:00:00Z\"}", 400, "bad_request", ".created_at"));
        List<Refusal> allDayRefusals = List.of(
                new Refusal("an all-day event given a start_time only", "{\"start_time\": \"2018-09-10T09:00:00Z\"}", 400,
                        "bad_request", ".end_time"),
                new Refusal("an all-day event given an end_time only", "{\"end_time\": \"2018-09-10T09:00:00Z\"}", 400,
                        "bad_request", ".start_time"),
                new Refusal("day cleared", "{\"day\": null}", 400, "bad_request", ".start_time"),
                new Refusal("a switch with end before start", "{\"start_time\": \"2018-09-10T09:00:00Z\","
                        + " \"end_time\": \"2018-09-10T08:00:00Z\"}", 400, "bad_request", ".end_time"));
        List<String> failures = new ArrayList<>();
        List<JsonNode> published = TestEvents.publishedBy(tenant, "calendar_events", () -> {
            refuse(id, refusals, failures);
            refuse(allDayId, allDayRefusals, failures);
        });
        assertEquals(List.of(), failures);
        assertEquals(List.of(), published, "nothing published by a refused update");
        assertEquals(timedBefore, get(all, "/v1/calendar_events/" + id).extract().path("data"));
        assertEquals(allDayBefore, get(all, "/v1/calendar_events/" + allDayId).extract().path("data"));
    }

    private void refuse(String id, List<Refusal> refusals, List<String> failures) {
        for (Refusal r : refusals) {
            var errors = put(all, "/v1/calendar_events/" + id, r.body()).extract();
            var body = errors.jsonPath();
            if (errors.statusCode() != r.status() || body.getList("errors").size() != 1
                    || !r.code().equals(body.getString("errors[0].code"))
                    || !r.path().equals(body.getString("errors[0].extra.path"))) {
                failures.add(r.what() + ": expected " + r.status() + " " + r.code() + " at " + r.path() + ", got "
                        + errors.statusCode() + " " + errors.asString());
            }
        }
    }

    @Test
    void unknownMalformedAndOtherTenantsIdsAre404() {
        String id = create(all, timed());
        String stranger = TestTokens.token(TestHttp.newTenant("stranger"), "all");
        get(all, "/v1/calendar_events/" + UUID.randomUUID()).statusCode(404).body("errors[0].code", equalTo("not_found"));
        get(all, "/v1/calendar_events/not-a-guid").statusCode(404).body("errors[0].code", equalTo("not_found"));
        put(all, "/v1/calendar_events/" + UUID.randomUUID(), "{\"outcome\": \"completed\"}").statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
        get(stranger, "/v1/calendar_events/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        put(stranger, "/v1/calendar_events/" + id, "{\"outcome\": \"cancelled\"}").statusCode(404);
        get(stranger, "/v1/calendar_events").statusCode(200).body("data.size()", equalTo(0));
        get(stranger, "/v1/calendar_events?calendar_id=" + calendar).statusCode(200).body("data.size()", equalTo(0));
        get(all, "/v1/calendar_events/" + id).statusCode(200).body("data.outcome", equalTo("completed"));
    }

    @Test
    void scopesGovernEachEndpointAndAWriteOnlyTokenGetsOnlyTheIdBack() {
        String writer = TestTokens.token(tenant, "calendar_events.write");
        String reader = TestTokens.token(tenant, "calendar_events.read");
        String id = post(writer, "/v1/calendar_events", timed()).statusCode(200).body("data.keySet()", contains("id"))
                .extract().path("data.id");
        put(writer, "/v1/calendar_events/" + id, "{\"outcome\": null}").statusCode(200).body("data.keySet()", contains("id"));
        get(reader, "/v1/calendar_events/" + id).statusCode(200).body("data.outcome", nullValue());
        get(writer, "/v1/calendar_events/" + id).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        post(reader, "/v1/calendar_events", timed()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(TestTokens.token(tenant, "calendars.read"), "/v1/calendar_events").statusCode(403);
        given().get("/v1/calendar_events").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().auth().oauth2(all).contentType(ContentType.XML).body("<event/>").post("/v1/calendar_events").then()
                .statusCode(415).body("errors[0].code", equalTo("unsupported_media_type"));
    }

    private io.restassured.response.ValidatableResponse update(String id, String body) {
        return put(all, "/v1/calendar_events/" + id, body).statusCode(200);
    }
}
