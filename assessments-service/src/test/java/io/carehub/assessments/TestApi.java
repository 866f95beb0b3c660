package io.carehub.assessments;

import static io.carehub.commons.testing.TestHttp.post;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;

/**
 * This service's test values: the reference's examples (the intake assessment, the exercise care flow, a task),
 * and the patients and workers of the other services (made at their stand-in, {@link TestOwners}).
 */
public final class TestApi {

    private TestApi() {
    }

    /** A patient patients-service has just made in {@code tenant} (its event not published: read your writes). */
    public static String patient(String tenant) {
        return TestOwners.create("patients", tenant).toString();
    }

    /** A worker scheduling-service has just made in {@code tenant}. */
    public static String worker(String tenant) {
        return TestOwners.create("workers", tenant).toString();
    }

    /** A calendar event scheduling-service has just made in {@code tenant}. */
    public static String calendarEvent(String tenant) {
        return TestOwners.create("calendar_events", tenant).toString();
    }

    /** A form of two questions, mood (select, required) and sleep_hours (float 0..24). */
    public static final String MOOD_QUESTIONS = """
            [{"name": "mood", "type": "select", "options": ["low", "ok", "good"], "required": true},
             {"name": "sleep_hours", "type": "float", "min": 0, "max": 24}]""";

    public static String formBody(String name, String questions) {
        return "{\"name\": \"" + name + "\", \"title\": \"Check-in\", \"questions\": " + questions + "}";
    }

    public static String encounterBody(String userId) {
        return """
                {"user_id": "%s", "type": "visit", "title": "Monthly check-in", "notes": "In person",
                 "start_time": "2026-12-01T10:00:00Z", "end_time": "2026-12-01T10:30:00Z"}""".formatted(userId);
    }

    /** The answers of an intake assessment, as the reference's "Store Assessments completed outside of Welkin". */
    public static final String INTAKE_MODEL = """
            {"primary_concern": "Managing my blood sugar", "diagnosed_with_diabetes": true, "years_since_diagnosis": 3,
             "a1c": 7.20, "medications": ["metformin", "insulin glargine"], "preferred_contact": "phone",
             "exercise": {"days_per_week": 2, "minutes_per_session": 30}, "notes": null}""";

    public static String intakeBody(String userId) {
        return """
                {"user_id": "%s", "spec_id": "intake_assessment", "spec_name": "Intake Assessment", "spec_version": "7",
                 "title": "Intake", "model": %s}""".formatted(userId, INTAKE_MODEL);
    }

    /** The exercise care flow: one goal, two interventions of {@code workerId}, the first completed. */
    public static String exerciseCareFlow(String workerId) {
        return """
                {"description": "Exercise care flow", "diagnosis": "Sedentary lifestyle",
                 "goals": [{"title": "Exercise 3 times a week",
                   "interventions": [
                     {"title": "Walk 30 minutes", "reminder_date": "2018-09-12T01:27:32.028632+00:00",
                      "completed_at": "2018-09-13T17:00:00.000000+00:00", "completed_by_worker_id": "%1$s",
                      "worker_id": "%1$s", "instructions": "Any pace; outdoors if the weather allows"},
                     {"title": "Join a yoga class", "reminder_date": "2018-09-19T01:27:32.028632+00:00",
                      "completed_at": null, "completed_by_worker_id": null, "worker_id": "%1$s",
                      "instructions": null}]}]}""".formatted(workerId);
    }

    public static String careFlowBody(String userId, String workerId) {
        return """
                {"user_id": "%s", "care_flow": %s}""".formatted(userId, exerciseCareFlow(workerId));
    }

    public static String taskBody(String userId) {
        return """
                {"user_id": "%s", "task_type": "follow_up_call", "dismissed": false}""".formatted(userId);
    }

    /** A patient task in a tenant of its own; its id: the marker that brackets this service's change events. */
    public static String marker() {
        String tenant = TestHttp.newTenant("marker");
        return post(TestTokens.token(tenant, "all"), "/v1/patient_tasks", taskBody(patient(tenant))).statusCode(200)
                .extract().path("data.id");
    }

    /** {@code careFlow} (JSON) with the field at {@code path} (names and list indexes) set to {@code value}, or removed. */
    public static JsonNode changed(String careFlow, List<Object> path, Object value) {
        JsonNode root = TestHttp.JSON.valueToTree(json(careFlow));
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        String last = (String) path.get(path.size() - 1);
        if (value == TestHttp.ABSENT) {
            ((ObjectNode) node).remove(last);
        } else {
            ((ObjectNode) node).set(last, TestHttp.JSON.valueToTree(value));
        }
        return root;
    }

    public static JsonNode json(String text) {
        try {
            return TestHttp.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
