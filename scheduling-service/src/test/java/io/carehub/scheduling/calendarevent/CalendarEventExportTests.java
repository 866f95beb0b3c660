package io.carehub.scheduling.calendarevent;

import static io.carehub.commons.testing.TestHttp.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.scheduling.TestApi;
import io.quarkus.test.junit.QuarkusTest;

/** API.md §5: calendar events as CSV, one column per field in a stable order. */
@QuarkusTest
class CalendarEventExportTests {

    final String tenant = TestHttp.newTenant("export");
    final String all = TestTokens.token(tenant, "all admin");

    @Test
    void exportsBothFormsWithAStableColumnOrder() {
        String calendar = TestApi.createCalendar(all);
        String patient = TestOwners.create("patients", tenant).toString();
        var timed = post(all, "/v1/calendar_events", """
                {"calendar_id": "%s", "user_id": "%s", "start_time": "2018-09-10T18:56:19.357228+00:00",
                 "end_time": "2018-09-10T19:26:19.357540+00:00", "outcome": "no-show", "modality": "call",
                 "appointment_type": "=HYPERLINK(\\"x\\")"}""".formatted(calendar, patient)).statusCode(200).extract();
        var allDay = post(all, "/v1/calendar_events", """
                {"calendar_id": "%s", "user_id": "%s", "day": "2018-09-11", "modality": "visit",
                 "appointment_type": "follow_up"}""".formatted(calendar, patient)).statusCode(200).extract();
        String csv = given().auth().oauth2(TestTokens.token(tenant, "calendar_events.read")).get("/v1/exports/calendar_events")
                .then().statusCode(200).header("Content-Type", equalToIgnoringCase("text/csv;charset=UTF-8"))
                .extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals("id,calendar_id,user_id,is_all_day,start_time,end_time,day,outcome,modality,appointment_type,"
                + "created_at,updated_at", lines.get(0));
        assertEquals(3, lines.size(), csv);
        Map<String, Object> t = timed.path("data");
        Map<String, Object> d = allDay.path("data");
        assertEquals(String.join(",", (String) t.get("id"), calendar, patient, "false", "2018-09-10T18:56:19.357228+00:00",
                "2018-09-10T19:26:19.357540+00:00", "", "no-show", "call", "\"'=HYPERLINK(\"\"x\"\")\"",
                (String) t.get("created_at"), (String) t.get("updated_at")), lines.get(1));
        assertEquals(String.join(",", (String) d.get("id"), calendar, patient, "true", "", "", "2018-09-11", "", "visit",
                "follow_up", (String) d.get("created_at"), (String) d.get("updated_at")), lines.get(2));
    }
}
