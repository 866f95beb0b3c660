package io.carehub.scheduling.calendarevent;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.scheduling.TestApi;
import io.carehub.scheduling.TestEvents;
import io.quarkus.test.junit.QuarkusTest;

/** API.md §6: one CloudEvent per create and per update of a calendar event, through the outbox. */
@QuarkusTest
class CalendarEventEventsTests {

    final String tenant = TestHttp.newTenant("changes");
    final String all = TestTokens.token(tenant, "all admin");

    @Test
    void aCreateAndAnUpdatePublishOneCloudEventEachCarryingOnlyIds() {
        String calendar = TestApi.createCalendar(all);
        String body = """
                {"calendar_id": "%s", "user_id": "%s", "day": "2018-09-10", "modality": "video",
                 "appointment_type": "check_in"}""".formatted(calendar, TestOwners.create("patients", tenant));
        String[] id = new String[1];
        List<JsonNode> created = TestEvents.publishedBy(tenant, "calendar_events",
                () -> id[0] = post(all, "/v1/calendar_events", body).statusCode(200).extract().path("data.id"));
        assertEquals(1, created.size(), created.toString());
        assertEvent(created.get(0), id[0], "created");

        List<JsonNode> updated = TestEvents.publishedBy(tenant, "calendar_events",
                () -> put(all, "/v1/calendar_events/" + id[0], "{\"outcome\": \"completed\"}").statusCode(200));
        assertEquals(1, updated.size(), updated.toString());
        assertEvent(updated.get(0), id[0], "updated");
    }

    private void assertEvent(JsonNode event, String id, String operation) {
        String updatedAt = get(all, "/v1/calendar_events/" + id).statusCode(200).extract().path("data.updated_at");
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("/scheduling-service", event.get("source").asText());
        assertEquals("calendar_events." + operation, event.get("type").asText());
        assertEquals(id, event.get("subject").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertTrue(event.get("id").asText().matches(TestHttp.GUID));
        JsonNode data = event.get("data");
        assertEquals(tenant, data.get("tenant").asText());
        assertEquals("calendar_events", data.get("resource").asText());
        assertEquals(id, data.get("id").asText());
        assertEquals(operation, data.get("operation").asText());
        assertEquals(updatedAt, data.get("updated_at").asText());
        assertEquals(6, data.size(), "no patient data beyond ids: " + data);
        assertEquals("live", data.get("environment").asText());
    }
}
