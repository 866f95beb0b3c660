package io.carehub.scheduling;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.TestEnvironments;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API-CORE.md §C1: environments share a tenant and keep separate data. A sandbox worker, its calendar and their
 * appointments are stored in sandbox, announced as sandbox's, and do not exist for live; whatever they name must exist
 * in sandbox. (That every collection's reads are confined both ways is {@code CollectionContract}'s.)
 */
@QuarkusTest
class EnvironmentsTests {

    final String tenant = TestHttp.newTenant("environments");
    final String live = TestTokens.inEnvironment(tenant, "live", "all admin");
    final String sandbox = TestTokens.inEnvironment(tenant, "sandbox", "all admin");

    @Test
    void aSandboxWorkerItsCalendarAndItsAppointmentsAreSandboxsAloneAndTheirEventsSaySo() {
        UUID patient = TestOwners.create("patients", tenant, "sandbox");
        String[] made = new String[3];
        List<JsonNode> events = TestEvents.publishedBy(tenant, null, () -> {
            made[0] = TestApi.createWorker(sandbox);
            made[1] = get(sandbox, "/v1/calendars?worker_id=" + made[0]).statusCode(200).extract().path("data[0].id");
            made[2] = post(sandbox, "/v1/calendar_events", appointment(made[1], patient)).statusCode(200)
                    .extract().path("data.id");
        });
        assertEquals(List.of("calendar_events", "calendars", "workers"),
                events.stream().map(e -> e.get("data").get("resource").asText()).sorted().toList());
        for (JsonNode event : events) {
            assertEquals("sandbox", event.get("data").get("environment").asText(), event.toString());
        }
        List<String> collections = List.of("workers", "calendars", "calendar_events");
        for (int i = 0; i < made.length; i++) {
            TestEnvironments.assertOnlyIn(sandbox, live, collections.get(i), made[i]);
        }
    }

    @Test
    void liveCalendarsAreNoneOfSandboxs() {
        TestEnvironments.assertOnlyIn(live, sandbox, "calendars", TestApi.createCalendar(live));
    }

    @Test
    void anAppointmentNamesOnlyACalendarAndAPatientOfItsOwnEnvironment() {
        String liveCalendar = TestApi.createCalendar(live);
        String sandboxCalendar = TestApi.createCalendar(sandbox);
        UUID livePatient = TestOwners.create("patients", tenant, "live");
        UUID sandboxPatient = TestOwners.create("patients", tenant, "sandbox");
        post(sandbox, "/v1/calendar_events", appointment(liveCalendar, sandboxPatient)).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found")).body("errors[0].extra.path", equalTo(".calendar_id"));
        post(sandbox, "/v1/calendar_events", appointment(sandboxCalendar, livePatient)).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found")).body("errors[0].extra.path", equalTo(".user_id"));
        String id = post(sandbox, "/v1/calendar_events", appointment(sandboxCalendar, sandboxPatient)).statusCode(200)
                .extract().path("data.id");
        put(live, "/v1/calendar_events/" + id, "{\"outcome\": \"cancelled\"}").statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
        get(sandbox, "/v1/calendar_events/" + id).statusCode(200).body("data.outcome", equalTo(null));
    }

    @Test
    void aWorkersEmailIsUniqueWithinAnEnvironmentNotAcrossThem() {
        String body = "{\"email\": \"same." + UUID.randomUUID() + "@example.com\"}";
        post(live, "/v1/workers", body).statusCode(200);
        post(sandbox, "/v1/workers", body).statusCode(200);
        post(sandbox, "/v1/workers", body).statusCode(400).body("errors[0].code", equalTo("uniqueness_exception"));
    }

    private static String appointment(String calendar, UUID patient) {
        return """
                {"calendar_id": "%s", "user_id": "%s", "day": "2018-09-10", "modality": "visit",
                 "appointment_type": "follow_up"}""".formatted(calendar, patient);
    }
}
