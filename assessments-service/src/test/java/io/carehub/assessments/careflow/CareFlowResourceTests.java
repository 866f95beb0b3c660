package io.carehub.assessments.careflow;

import static io.carehub.commons.testing.TestHttp.ABSENT;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.assessments.TestApi;
import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Care flows (API.md §4): the contract of every collection, admin writes, and the care flow's checked shape. */
@QuarkusTest
class CareFlowResourceTests extends CollectionContract {

    private final String patient = TestApi.patient(tenant);
    private final String worker = TestApi.worker(tenant);

    @Override
    protected String collection() {
        return "care_flows";
    }

    @Override
    protected String service() {
        return "assessments-service";
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "user_id", "care_flow", "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,user_id,care_flow,created_at,updated_at";
    }

    @Override
    protected String validBody() {
        return TestApi.careFlowBody(patient, worker);
    }

    @Override
    protected String marker() {
        return TestApi.marker();
    }

    @Override
    protected boolean hasUpdate() {
        return true;
    }

    @Override
    protected String writeScope() {
        return "admin";
    }

    @Test
    void theExerciseCareFlowComesBackWithEveryDocumentedFieldInItsOrder() {
        String created = post(all, path(), validBody()).statusCode(200)
                .body("data.user_id", equalTo(patient))
                .body("data.care_flow.keySet()", contains("description", "diagnosis", "goals"))
                .body("data.care_flow.description", equalTo("Exercise care flow"))
                .body("data.care_flow.diagnosis", equalTo("Sedentary lifestyle"))
                .body("data.care_flow.goals.size()", equalTo(1))
                .body("data.care_flow.goals[0].keySet()", contains("title", "interventions"))
                .body("data.care_flow.goals[0].title", equalTo("Exercise 3 times a week"))
                .body("data.care_flow.goals[0].interventions[0].keySet()", contains("title", "reminder_date",
                        "completed_at", "completed_by_worker_id", "worker_id", "instructions"))
                .body("data.care_flow.goals[0].interventions[0].title", equalTo("Walk 30 minutes"))
                .body("data.care_flow.goals[0].interventions[0].reminder_date", equalTo("2018-09-12T01:27:32.028632+00:00"))
                .body("data.care_flow.goals[0].interventions[0].completed_at", equalTo("2018-09-13T17:00:00.000000+00:00"))
                .body("data.care_flow.goals[0].interventions[0].completed_by_worker_id", equalTo(worker))
                .body("data.care_flow.goals[0].interventions[0].worker_id", equalTo(worker))
                .body("data.care_flow.goals[0].interventions[1].completed_at", equalTo(null))
                .body("data.care_flow.goals[0].interventions[1].instructions", equalTo(null))
                .extract().asString();
        assertEquals(TestApi.json(TestApi.exerciseCareFlow(worker)), TestApi.json(created).get("data").get("care_flow"));
    }

    @Test
    void fieldsLeftOutOfTheCareFlowAreShownAsNullOrEmptyAndDatetimesInTheApiForm() {
        String body = """
                {"user_id": "%s", "care_flow": {"goals": [{"title": "Sleep 8 hours"},
                  {"title": "Walk", "interventions": [{"title": "Evening walk", "reminder_date": "2018-09-12T01:27:32Z"}]}]}}"""
                .formatted(patient);
        String id = post(all, path(), body).statusCode(200)
                .body("data.care_flow.description", equalTo(null))
                .body("data.care_flow.diagnosis", equalTo(null))
                .body("data.care_flow.goals[0].interventions.size()", equalTo(0))
                .body("data.care_flow.goals[1].interventions[0].reminder_date", equalTo("2018-09-12T01:27:32.000000+00:00"))
                .body("data.care_flow.goals[1].interventions[0].worker_id", equalTo(null))
                .extract().path("data.id");
        get(reader, path() + "/" + id).statusCode(200)
                .body("data.care_flow.goals[1].interventions[0].keySet()", contains("title", "reminder_date",
                        "completed_at", "completed_by_worker_id", "worker_id", "instructions"));
    }

    @Test
    void badNestedFieldsAreNamedByTheirPathAtEveryDepthAndStoreAndPublishNothing() {
        String flow = TestApi.exerciseCareFlow(worker);
        String body = validBody();
        List<BadInput> cases = List.of(
                new BadInput("user_id", ABSENT, "bad_request"),
                new BadInput("user_id", UUID.randomUUID().toString(), 404, "resource_not_found", ".user_id"),
                new BadInput("care_flow", ABSENT, "bad_request"),
                new BadInput("care_flow", null, "bad_request"),
                new BadInput("care_flow", "a plan", "parse_exception"),
                // depth 1: the care flow's own fields
                bad(flow, List.of("goals"), ABSENT, "bad_request", ".care_flow.goals"),
                bad(flow, List.of("goals"), "walk", "parse_exception", ".care_flow.goals"),
                bad(flow, List.of("description"), 5, "parse_exception", ".care_flow.description"),
                bad(flow, List.of("colour"), "blue", "bad_request", ".care_flow.colour"),
                // depth 2: a goal's
                bad(flow, List.of("goals", 0, "title"), ABSENT, "bad_request", ".care_flow.goals[0].title"),
                bad(flow, List.of("goals", 0, "title"), "", "bad_request", ".care_flow.goals[0].title"),
                bad(flow, List.of("goals", 0, "interventions"), "x", "parse_exception", ".care_flow.goals[0].interventions"),
                bad(flow, List.of("goals", 0, "priority"), 1, "bad_request", ".care_flow.goals[0].priority"),
                // depth 3: an intervention's
                bad(flow, List.of("goals", 0, "interventions", 1, "reminder_date"), "next tuesday", "bad_request",
                        ".care_flow.goals[0].interventions[1].reminder_date"),
                bad(flow, List.of("goals", 0, "interventions", 1, "completed_at"), 20180912, "parse_exception",
                        ".care_flow.goals[0].interventions[1].completed_at"),
                bad(flow, List.of("goals", 0, "interventions", 1, "worker_id"), "bob", "bad_request",
                        ".care_flow.goals[0].interventions[1].worker_id"),
                bad(flow, List.of("goals", 0, "interventions", 1, "title"), null, "bad_request",
                        ".care_flow.goals[0].interventions[1].title"),
                bad(flow, List.of("goals", 0, "interventions", 1, "instructions"), List.of("a"), "parse_exception",
                        ".care_flow.goals[0].interventions[1].instructions"),
                // a worker the tenant does not have, inside an intervention
                new BadInput("care_flow", TestApi.changed(flow, List.of("goals", 0, "interventions", 1, "worker_id"),
                        UUID.randomUUID().toString()), 404, "resource_not_found",
                        ".care_flow.goals[0].interventions[1].worker_id"),
                new BadInput("care_flow", TestApi.changed(flow, List.of("goals", 0, "interventions", 0,
                        "completed_by_worker_id"), TestApi.worker(TestHttp.newTenant("other"))), 404, "resource_not_found",
                        ".care_flow.goals[0].interventions[0].completed_by_worker_id"));
        var events = TestChangeEvents.publishedBy("assessments-service.changes", TestApi::marker, tenant, collection(),
                () -> TestHttp.assertEachRefused(all, path(), body, cases));
        assertEquals(List.of(), events);
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void everyUnknownWorkerIsListedAtItsPath() {
        String flow = TestApi.exerciseCareFlow(UUID.randomUUID().toString());
        post(all, path(), "{\"user_id\": \"" + patient + "\", \"care_flow\": " + flow + "}").statusCode(404)
                .body("errors.code", contains("resource_not_found", "resource_not_found", "resource_not_found"))
                .body("errors.extra.path", containsInAnyOrder(".care_flow.goals[0].interventions[0].worker_id",
                        ".care_flow.goals[0].interventions[0].completed_by_worker_id",
                        ".care_flow.goals[0].interventions[1].worker_id"));
    }

    @Test
    void updateReplacesTheCareFlowWholeAndChecksItLikeCreate() {
        String id = create();
        String before = get(reader, path() + "/" + id).extract().path("data.updated_at");
        String other = TestApi.worker(tenant);
        String replaced = """
                {"care_flow": {"description": "Exercise care flow, revised", "diagnosis": null,
                  "goals": [{"title": "Swim weekly", "interventions": [{"title": "Find a pool", "worker_id": "%s"}]}]}}"""
                .formatted(other);
        String after = put(all, path() + "/" + id, replaced).statusCode(200)
                .body("data.user_id", equalTo(patient))
                .body("data.care_flow.description", equalTo("Exercise care flow, revised"))
                .body("data.care_flow.diagnosis", equalTo(null))
                .body("data.care_flow.goals.title", contains("Swim weekly"))
                .body("data.care_flow.goals[0].interventions[0].worker_id", equalTo(other))
                .body("data.care_flow.goals[0].interventions[0].reminder_date", equalTo(null))
                .extract().path("data.updated_at");
        assertTrue(after.compareTo(before) > 0, before + " then " + after);
        String unknown = replaced.replace(other, UUID.randomUUID().toString());
        put(all, path() + "/" + id, unknown).statusCode(404).body("errors[0].code", equalTo("resource_not_found"))
                .body("errors[0].extra.path", equalTo(".care_flow.goals[0].interventions[0].worker_id"));
        put(all, path() + "/" + id, "{\"care_flow\": null}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".care_flow"));
        put(all, path() + "/" + id, "{\"care_flow\": {\"goals\": [{}]}}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".care_flow.goals[0].title"));
        get(reader, path() + "/" + id).statusCode(200).body("data.updated_at", equalTo(after))
                .body("data.care_flow.goals.title", contains("Swim weekly"));
    }

    @Test
    void createAndUpdateNeedAdminNotAll() {
        String id = create();
        String allOnly = TestTokens.token(tenant, "all");
        post(allOnly, path(), validBody()).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        put(allOnly, path() + "/" + id, "{}").statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(allOnly, path() + "/" + id).statusCode(200).body("data.id", equalTo(id));
        get(allOnly, path()).statusCode(200).body("data.id", contains(id));
    }

    private static BadInput bad(String flow, List<Object> path, Object value, String code, String errorPath) {
        return new BadInput("care_flow", TestApi.changed(flow, path, value), code, errorPath);
    }
}
