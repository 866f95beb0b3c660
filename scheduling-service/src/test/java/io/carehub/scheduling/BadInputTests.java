package io.carehub.scheduling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.carehub.commons.testing.BadInputContract;
import io.carehub.commons.testing.TestOwners;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input everywhere, generated from the OpenAPI document (issue 13): {@link BadInputContract}. */
@QuarkusTest
class BadInputTests extends BadInputContract {

    @Override
    protected String service() {
        return "scheduling-service";
    }

    @Override
    protected Map<String, String> validBodies() {
        String calendar = TestApi.createCalendar(token);
        String patient = TestOwners.create("patients", tenant).toString();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("workers", "{\"email\": \"w." + UUID.randomUUID() + "@example.com\", \"first_name\": \"Grace\"}");
        bodies.put("calendar_events", """
                {"calendar_id": "%s", "user_id": "%s", "start_time": "2018-09-10T18:56:19.357228+00:00",
                 "end_time": "2018-09-10T19:26:19.357540+00:00", "modality": "call", "appointment_type": "intake_call"}"""
                .formatted(calendar, patient));
        return bodies;
    }
}
