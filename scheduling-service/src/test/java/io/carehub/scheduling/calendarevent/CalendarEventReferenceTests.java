package io.carehub.scheduling.calendarevent;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.scheduling.TestApi;
import io.carehub.scheduling.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A calendar event's user_id must name a patient of the tenant (patients-service's), checked by the shared reference
 * mechanism: the patients known from patients-service's change events, else patients-service itself.
 */
@QuarkusTest
class CalendarEventReferenceTests {

    @Inject
    Pool pool;

    final String tenant = TestHttp.newTenant("booking");
    final String all = TestTokens.token(tenant, "all admin");
    String calendar;

    @BeforeEach
    void aCalendar() {
        calendar = TestApi.createCalendar(all);
    }

    String event(Object patient) {
        return """
                {"calendar_id": "%s", "user_id": "%s", "start_time": "2018-09-10T18:56:19.357228+00:00",
                 "end_time": "2018-09-10T19:26:19.357540+00:00", "modality": "call", "appointment_type": "intake_call"}"""
                .formatted(calendar, patient);
    }

    /** Read your writes: the patient made a moment ago at patients-service (its event not yet published) is booked at once. */
    @Test
    void aPatientCreatedAMomentAgoIsBookedAtOnce100TimesInARow() {
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            UUID patient = TestOwners.create("patients", tenant);
            var created = post(all, "/v1/calendar_events", event(patient)).extract();
            if (created.statusCode() != 200 || !patient.toString().equals(created.path("data.user_id"))) {
                refused++;
            }
        }
        assertEquals(0, refused);
    }

    @Test
    void aPatientKnownFromPatientsServicesEventsIsBookedWhilePatientsServiceCannotBeAsked() {
        UUID patient = TestEvents.knownPatient(pool, tenant);
        TestOwners.unreachable(true);
        try {
            int asked = TestOwners.asked();
            String id = post(all, "/v1/calendar_events", event(patient)).statusCode(200)
                    .body("data.user_id", equalTo(patient.toString())).extract().path("data.id");
            assertEquals(asked, TestOwners.asked(), "a patient known from its event needs no question");
            // An id nobody here knows cannot be checked now: 503 with Retry-After, not a false 404.
            post(all, "/v1/calendar_events", event(UUID.randomUUID())).statusCode(503)
                    .header("Retry-After", "5")
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].status", equalTo(503))
                    .body("errors[0].code", equalTo("service_unavailable"));
            get(all, "/v1/calendar_events").statusCode(200).body("data.id", contains(id));
        } finally {
            TestOwners.unreachable(false);
        }
    }

    @Test
    void whatPatientsServiceConfirmedIsRememberedAndNotAskedAgain() {
        UUID patient = TestOwners.create("patients", tenant);
        post(all, "/v1/calendar_events", event(patient)).statusCode(200);
        assertTrue(TestEvents.isKnown(pool, tenant, patient));
        int asked = TestOwners.asked();
        post(all, "/v1/calendar_events", event(patient)).statusCode(200);
        assertEquals(asked, TestOwners.asked(), "a known patient is not asked about again");
    }

    @Test
    void anUnknownPatientIsResourceNotFoundAtUserIdAndNotRemembered() {
        UUID nobody = UUID.randomUUID();
        post(all, "/v1/calendar_events", event(nobody)).statusCode(404)
                .body("errors.size()", equalTo(1))
                .body("errors[0].code", equalTo("resource_not_found"))
                .body("errors[0].extra.path", equalTo(".user_id"));
        assertTrue(!TestEvents.isKnown(pool, tenant, nobody), "only what exists is remembered");
        get(all, "/v1/calendar_events").statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aCalendarIsCheckedInThisServiceAlsoWhilePatientsServiceIsDown() {
        UUID patient = TestEvents.knownPatient(pool, tenant);
        TestOwners.unreachable(true);
        try {
            post(all, "/v1/calendar_events", with(event(patient), "calendar_id", UUID.randomUUID().toString())).statusCode(404)
                    .body("errors[0].code", equalTo("resource_not_found"))
                    .body("errors[0].extra.path", equalTo(".calendar_id"));
        } finally {
            TestOwners.unreachable(false);
        }
    }
}
