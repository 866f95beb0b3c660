package io.carehub.assessments.encounter;

import static io.carehub.commons.testing.TestHttp.GUID;
import static io.carehub.commons.testing.TestHttp.delete;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.carehub.assessments.TestApi;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;

/**
 * Encounters and assessments on the core face (API-CORE.md §C8): the encounter's lifecycle, answers checked against a
 * form's version (an old version too), completion locking the encounter and its assessments ({@code 409 locked},
 * nothing changed), and a completion racing an edit never leaving an edited completed assessment.
 */
@QuarkusTest
class EncounterLockingTests {

    final String tenant = TestHttp.newTenant("encounters");
    final String all = TestTokens.token(tenant, "all admin");
    final String patient = TestApi.patient(tenant);

    String encounters() {
        return "/v1/" + tenant + "/patients/" + patient + "/encounters";
    }

    String assessments() {
        return "/v1/" + tenant + "/patients/" + patient + "/assessments";
    }

    static ValidatableResponse patch(String token, String path, String body) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(token).contentType("application/merge-patch+json").body(body).patch(path).then();
    }

    String openEncounter() {
        return post(all, encounters(), "{\"type\": \"visit\", \"title\": \"Check-in\"}").statusCode(201)
                .extract().path("id");
    }

    void defineForm() {
        post(all, "/v1/forms", TestApi.formBody("check_in", TestApi.MOOD_QUESTIONS)).statusCode(200);
    }

    @Test
    void theEncounterLifecycleOnTheCoreFaceIsTheV1Ones() {
        String worker = TestApi.worker(tenant);
        var created = post(all, encounters(), "{\"type\": \"call\", \"title\": \"Follow-up\", \"startTime\":"
                + " \"2026-12-01T10:00:00Z\", \"workerId\": \"" + worker + "\"}").statusCode(201)
                .header("Location", matchesPattern("^http://.*" + encounters() + "/[0-9a-f-]{36}$"))
                .body("keySet()", contains("id", "userId", "type", "status", "title", "notes", "startTime", "endTime",
                        "workerId", "calendarEventId", "assessmentIds", "createdAt", "updatedAt"))
                .body("id", matchesPattern(GUID)).body("userId", equalTo(patient)).body("status", equalTo("OPEN"))
                .body("workerId", equalTo(worker)).extract();
        String id = created.path("id");
        get(all, "/v1/encounters/" + id).statusCode(200).body("data.status", equalTo("open"))
                .body("data.start_time", equalTo(created.path("startTime")));
        get(all, encounters()).statusCode(200).body("totalElements", equalTo(1)).body("content[0].id", equalTo(id));
        patch(all, encounters() + "/" + id, "{\"notes\": \"Spoke for 20 minutes\", \"title\": null}").statusCode(200)
                .body("notes", equalTo("Spoke for 20 minutes")).body("title", equalTo(null)).body("status", equalTo("OPEN"));
        patch(all, encounters() + "/" + id, "{\"status\": \"COMPLETED\"}").statusCode(200).body("status", equalTo("COMPLETED"));
        get(all, encounters() + "?status=COMPLETED").statusCode(200).body("totalElements", equalTo(1));
        get(all, "/v1/encounters/" + id).statusCode(200).body("data.status", equalTo("completed"));
        String other = openEncounter();
        delete(all, encounters() + "/" + other).statusCode(204);
        get(all, encounters() + "/" + other).statusCode(404);
        get(all, "/v1/encounters?include_deleted=true&status=open").statusCode(200).body("data[0].status", equalTo("deleted"));
    }

    @Test
    void eachRuleOfTheCoreFaceIsAnsweredAtItsCamelCasePath() {
        TestHttp.assertEachRefused(all, encounters(), "{\"type\": \"visit\"}", List.of(
                new BadInput("type", TestHttp.ABSENT, "bad_request"),
                new BadInput("status", "open", "bad_request"),
                new BadInput("status", "DELETED", "bad_request"),
                new BadInput("startTime", "soon", "bad_request"),
                new BadInput("workerId", UUID.randomUUID().toString(), 404, "resource_not_found", ".workerId"),
                new BadInput("calendarEventId", UUID.randomUUID().toString(), 404, "resource_not_found", ".calendarEventId"),
                new BadInput("userId", patient, "bad_request")));
        post(all, "/v1/" + tenant + "/patients/" + UUID.randomUUID() + "/encounters", "{\"type\": \"visit\"}")
                .statusCode(404).body("errors[0].code", equalTo("not_found"));
        get(all, encounters()).statusCode(200).body("totalElements", equalTo(0));

        defineForm();
        String encounter = openEncounter();
        TestHttp.assertEachRefused(all, assessments(), "{\"formName\": \"check_in\", \"answers\": {\"mood\": \"ok\"}}", List.of(
                new BadInput("formName", TestHttp.ABSENT, "bad_request"),
                new BadInput("formName", "no_such_form", 404, "resource_not_found", ".formName"),
                new BadInput("formVersion", 9, 404, "resource_not_found", ".formVersion"),
                new BadInput("formVersion", "1", "parse_exception"),
                new BadInput("encounterId", UUID.randomUUID().toString(), 404, "resource_not_found", ".encounterId"),
                new BadInput("status", "done", "bad_request"),
                new BadInput("answers", Map.of("mood", "great"), 400, "bad_request", ".answers.mood"),
                new BadInput("answers", Map.of("sleep_hours", 25), 400, "bad_request", ".answers.sleep_hours"),
                new BadInput("answers", Map.of("sleep_hours", "8"), 400, "parse_exception", ".answers.sleep_hours"),
                new BadInput("answers", Map.of("energy", 3), 400, "bad_request", ".answers.energy"),
                new BadInput("answers", List.of(1), "parse_exception")));
        // Completed requires every required answer; new and in_progress take a partial one.
        post(all, assessments(), "{\"formName\": \"check_in\", \"status\": \"completed\", \"answers\": {\"sleep_hours\": 7}}")
                .statusCode(400).body("errors[0].extra.path", equalTo(".answers.mood"));
        String partial = post(all, assessments(), "{\"formName\": \"check_in\", \"encounterId\": \"" + encounter
                + "\", \"answers\": {\"sleep_hours\": 7}}").statusCode(201).body("status", equalTo("new"))
                .body("formVersion", equalTo(1)).body("encounterId", equalTo(encounter)).extract().path("id");
        patch(all, assessments() + "/" + partial, "{\"status\": \"completed\"}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".answers.mood"));
        patch(all, assessments() + "/" + partial, "{\"status\": \"completed\", \"answers\": {\"mood\": \"good\"}}")
                .statusCode(200).body("status", equalTo("completed"))
                .body("answers", equalTo(Map.of("sleep_hours", 7, "mood", "good")));
        get(all, encounters() + "/" + encounter).statusCode(200).body("assessmentIds", contains(partial));
        get(all, "/v1/assessment_responses/" + partial).statusCode(200).body("data.form_name", equalTo("check_in"))
                .body("data.status", equalTo("completed")).body("data.model.mood", equalTo("good"));
    }

    @Test
    void anAssessmentAnswersVersion1OfAFormAfterVersion2Exists() {
        defineForm();
        String form = get(all, "/v1/forms?name=check_in").extract().path("data[0].id");
        put(all, "/v1/forms/" + form, "{\"questions\": [{\"name\": \"mood\", \"type\": \"integer\", \"min\": 1, \"max\": 5,"
                + " \"required\": true}]}").statusCode(200).body("data.version", equalTo(2));
        post(all, assessments(), "{\"formName\": \"check_in\", \"status\": \"completed\", \"answers\": {\"mood\": \"ok\"}}")
                .statusCode(400).body("errors[0].extra.path", equalTo(".answers.mood"));
        String v1 = post(all, assessments(), "{\"formName\": \"check_in\", \"formVersion\": 1, \"status\": \"completed\","
                + " \"answers\": {\"mood\": \"ok\", \"sleep_hours\": 6.5}}").statusCode(201).body("formVersion", equalTo(1))
                .extract().path("id");
        post(all, assessments(), "{\"formName\": \"check_in\", \"status\": \"completed\", \"answers\": {\"mood\": 4}}")
                .statusCode(201).body("formVersion", equalTo(2));
        // Edited later, it is still checked against the version it answers.
        patch(all, assessments() + "/" + v1, "{\"answers\": {\"mood\": \"low\"}}").statusCode(200)
                .body("formVersion", equalTo(1)).body("answers.mood", equalTo("low"));
        patch(all, assessments() + "/" + v1, "{\"answers\": {\"mood\": 4}}").statusCode(400)
                .body("errors[0].code", equalTo("parse_exception")).body("errors[0].extra.path", equalTo(".answers.mood"));
        // The v1 face takes a form too, its errors at .model.
        post(all, "/v1/assessment_responses", "{\"user_id\": \"" + patient + "\", \"form_name\": \"check_in\","
                + " \"model\": {\"mood\": 9}}").statusCode(400).body("errors[0].extra.path", equalTo(".model.mood"));
        post(all, "/v1/assessment_responses", "{\"user_id\": \"" + patient + "\", \"form_name\": \"check_in\","
                + " \"form_version\": 1, \"model\": {\"mood\": \"good\"}}").statusCode(200)
                .body("data.form_version", equalTo(1)).body("data.status", equalTo("completed"));
    }

    @Test
    void aCompletedEncounterAndItsAssessmentsAreLockedAndUnchanged() {
        defineForm();
        String encounter = openEncounter();
        String assessment = post(all, assessments(), "{\"formName\": \"check_in\", \"encounterId\": \"" + encounter
                + "\", \"answers\": {\"mood\": \"ok\"}}").statusCode(201).extract().path("id");
        patch(all, encounters() + "/" + encounter, "{\"status\": \"COMPLETED\"}").statusCode(200);
        String encounterBefore = get(all, encounters() + "/" + encounter).extract().asString();
        String assessmentBefore = get(all, assessments() + "/" + assessment).extract().asString();

        patch(all, encounters() + "/" + encounter, "{\"notes\": \"late note\"}").statusCode(409)
                .body("errors[0].code", equalTo("locked")).body("errors[0].status", equalTo(409));
        put(all, "/v1/encounters/" + encounter, "{\"notes\": \"late note\"}").statusCode(409)
                .body("errors[0].code", equalTo("locked"));
        delete(all, encounters() + "/" + encounter).statusCode(409).body("errors[0].code", equalTo("locked"));
        patch(all, assessments() + "/" + assessment, "{\"answers\": {\"mood\": \"good\"}}").statusCode(409)
                .body("errors[0].code", equalTo("locked"));
        post(all, assessments(), "{\"formName\": \"check_in\", \"encounterId\": \"" + encounter + "\"}").statusCode(409)
                .body("errors[0].code", equalTo("locked"));
        post(all, "/v1/assessment_responses", "{\"user_id\": \"" + patient + "\", \"encounter_id\": \"" + encounter
                + "\", \"model\": {}}").statusCode(409).body("errors[0].code", equalTo("locked"));

        assertEquals(encounterBefore, get(all, encounters() + "/" + encounter).extract().asString());
        assertEquals(assessmentBefore, get(all, assessments() + "/" + assessment).extract().asString());
        get(all, assessments()).statusCode(200).body("totalElements", equalTo(1));
    }

    /**
     * Completion and an edit of the encounter's assessment, sent together, 100 times: whichever the encounter's row lock
     * lets first, the other sees its result. Never an assessment edited after its encounter completed: an edit that
     * succeeded is older than the completion, one that lost is 409 and left the answers as they were.
     */
    @Test
    void aCompletionRacingAnEditNeverLeavesAnEditedCompletedAssessment() throws Exception {
        defineForm();
        int editsFirst = 0;
        int completionsFirst = 0;
        for (int i = 0; i < 100; i++) {
            String encounter = openEncounter();
            String assessment = post(all, assessments(), "{\"formName\": \"check_in\", \"encounterId\": \"" + encounter
                    + "\", \"answers\": {\"mood\": \"ok\"}}").statusCode(201).extract().path("id");
            var complete = CompletableFuture.supplyAsync(() -> patch(all, encounters() + "/" + encounter,
                    "{\"status\": \"COMPLETED\"}").extract());
            var edit = CompletableFuture.supplyAsync(() -> patch(all, assessments() + "/" + assessment,
                    "{\"answers\": {\"mood\": \"good\"}}").extract());
            var completed = complete.get();
            var edited = edit.get();
            assertEquals(200, completed.statusCode(), completed.asString());
            var after = get(all, assessments() + "/" + assessment).statusCode(200).extract();
            String completedAt = completed.path("updatedAt");
            if (edited.statusCode() == 200) {
                editsFirst++;
                assertEquals("good", after.path("answers.mood"));
                assertTrue(TestHttp.instant(after.path("updatedAt")).isBefore(TestHttp.instant(completedAt)),
                        "an edit that succeeded came before the completion");
            } else {
                completionsFirst++;
                assertEquals(409, edited.statusCode(), edited.asString());
                assertEquals("locked", edited.path("errors[0].code"));
                assertEquals("ok", after.path("answers.mood"), "a refused edit changed nothing");
            }
        }
        System.out.printf("race: %d edits before the completion, %d refused after it%n", editsFirst, completionsFirst);
        assertEquals(100, editsFirst + completionsFirst);
    }
}
