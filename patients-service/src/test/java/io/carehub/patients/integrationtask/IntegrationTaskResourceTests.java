package io.carehub.patients.integrationtask;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.commons.testing.TestHttp.with;
import static io.carehub.patients.TestApi.createPatient;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestApi;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class IntegrationTaskResourceTests extends CollectionContract {


    @Override
    protected String collection() {
        return "integration_tasks";
    }

    @Override
    protected String service() {
        return "patients-service";
    }

    @Override
    protected String marker() {
        return TestEvents.marker();
    }

    @Override
    protected boolean hasUpdate() {
        return true;
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "status", "user_id", "ref_ids", "job_id", "task_name", "errors", "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,status,user_id,ref_ids,job_id,task_name,errors,created_at,updated_at";
    }

    /** Creating and updating integration tasks is the platform operator's. */
    @Override
    protected String writeScope() {
        return "admin";
    }

    @Override
    protected String validBody() {
        return body(createPatient(all), "job-1");
    }

    static String body(String userId, String jobId) {
        return """
                {"status": "unattempted", "user_id": "%s", "ref_ids": ["ehr:MRN-1906", "lab:L-1"], "job_id": "%s",
                 "task_name": "import patient"}""".formatted(userId, jobId);
    }

    @Test
    void createReturnsEveryValueAndWhatIsLeftOutDefaultsToUnattemptedAndEmptyLists() {
        String patient = createPatient(all);
        post(all, path(), body(patient, "job-1")).statusCode(200)
                .body("data.status", equalTo("unattempted"))
                .body("data.user_id", equalTo(patient))
                .body("data.ref_ids", contains("ehr:MRN-1906", "lab:L-1"))
                .body("data.job_id", equalTo("job-1"))
                .body("data.task_name", equalTo("import patient"))
                .body("data.errors", empty());
        String id = post(all, path(), "{}").statusCode(200)
                .body("data.status", equalTo("unattempted"))
                .body("data.user_id", nullValue())
                .body("data.ref_ids", empty())
                .body("data.job_id", nullValue())
                .body("data.task_name", nullValue())
                .body("data.errors", empty())
                .extract().path("data.id");
        get(reader, path() + "/" + id).statusCode(200).body("data.status", equalTo("unattempted"));
    }

    @Test
    void createAndUpdateNeedTheAdminScope() {
        String tenantWide = TestTokens.token(tenant, "all integration_tasks.write");
        post(tenantWide, path(), "{}").statusCode(403).body("errors[0].code", equalTo("forbidden"));
        String id = create();
        put(tenantWide, path() + "/" + id, "{\"status\": \"running\"}").statusCode(403)
                .body("errors[0].code", equalTo("forbidden"));
        get(tenantWide, path() + "/" + id).statusCode(200).body("data.status", equalTo("unattempted"));
    }

    @Test
    void updateRecordsProgressKeepsFieldsLeftOutAndMovesUpdatedAtForward() {
        String patient = createPatient(all);
        String id = post(all, path(), body(patient, "job-1")).statusCode(200).extract().path("data.id");
        String before = get(reader, path() + "/" + id).extract().path("data.updated_at");
        put(all, path() + "/" + id, """
                {"status": "failed", "errors": [{"code": "E42", "message": "EHR unreachable", "extra": {"attempt": 3}},
                 {"code": "E43"}]}""").statusCode(200)
                .body("data.status", equalTo("failed"))
                .body("data.errors", equalTo(List.of(
                        Map.of("code", "E42", "message", "EHR unreachable", "extra", Map.of("attempt", 3)),
                        nullFilled("E43"))));
        String after = get(reader, path() + "/" + id).statusCode(200)
                .body("data.user_id", equalTo(patient))
                .body("data.job_id", equalTo("job-1"))
                .body("data.task_name", equalTo("import patient"))
                .body("data.ref_ids", contains("ehr:MRN-1906", "lab:L-1"))
                .body("data.errors.size()", equalTo(2))
                .extract().path("data.updated_at");
        assertTrue(TestHttp.instant(after).isAfter(TestHttp.instant(before)));
        // Stored as JSON lists, not as text: queryable in the database.
        var row = pool.preparedQuery("SELECT jsonb_typeof(ref_ids) AS refs, ref_ids->>1 AS second,"
                + " jsonb_typeof(errors) AS errs, errors->0->'extra'->>'attempt' AS attempt FROM integration_tasks WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals("array", row.getString("refs"));
        assertEquals("lab:L-1", row.getString("second"));
        assertEquals("array", row.getString("errs"));
        assertEquals("3", row.getString("attempt"));
        put(all, path() + "/" + id, "{\"status\": \"succeeded\", \"errors\": null, \"ref_ids\": null, \"job_id\": null}")
                .statusCode(200)
                .body("data.status", equalTo("succeeded"))
                .body("data.errors", empty())
                .body("data.ref_ids", empty())
                .body("data.job_id", nullValue());
    }

    private static Map<String, Object> nullFilled(String code) {
        Map<String, Object> error = new java.util.HashMap<>();
        error.put("code", code);
        error.put("message", null);
        error.put("extra", null);
        return error;
    }

    @Test
    void findFiltersByStatusJobIdAndUserId() {
        String grace = createPatient(all);
        String ada = createPatient(all, TestApi.grace("first_name", "Ada"));
        String a = post(all, path(), body(grace, "job-1")).statusCode(200).extract().path("data.id");
        String b = post(all, path(), body(ada, "job-1")).statusCode(200).extract().path("data.id");
        String c = post(all, path(), body(grace, "job-2")).statusCode(200).extract().path("data.id");
        put(all, path() + "/" + b, "{\"status\": \"running\"}").statusCode(200);
        get(reader, path() + "?status=unattempted").statusCode(200).body("data.id", contains(a, c));
        get(reader, path() + "?status=running").statusCode(200).body("data.id", contains(b));
        get(reader, path() + "?status=failed").statusCode(200).body("data.size()", equalTo(0));
        get(reader, path() + "?job_id=job-1").statusCode(200).body("data.id", contains(a, b));
        get(reader, path() + "?user_id=" + grace).statusCode(200).body("data.id", contains(a, c));
        get(reader, path() + "?user_id=" + grace + "&job_id=job-2&status=unattempted").statusCode(200)
                .body("data.id", contains(c));
        get(reader, path() + "?status=done").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo("status"))
                .body("errors[0].detail", equalTo("status must be one of unattempted, running, failed, succeeded"));
    }

    @Test
    void eachRuleAloneIsAnsweredWithItsCodeAndPathAndNothingIsStored() {
        String patient = createPatient(all);
        TestHttp.assertEachRefused(all, path(), body(patient, "job-1"), List.of(
                new BadInput("status", "done", "bad_request", ".status"),
                new BadInput("status", "Running", "bad_request", ".status"),
                new BadInput("status", 1, "parse_exception", ".status"),
                new BadInput("ref_ids", "ehr:1", "parse_exception", ".ref_ids"),
                new BadInput("ref_ids", List.of("a", 2), "parse_exception", ".ref_ids[1]"),
                new BadInput("errors", Map.of("code", "E1"), "parse_exception", ".errors"),
                new BadInput("errors", List.of("E1"), "parse_exception", ".errors[0]"),
                new BadInput("errors", List.of(Map.of("code", "E1", "colour", "red")), "bad_request", ".errors[0].colour"),
                new BadInput("errors", List.of(Map.of("extra", "x")), "parse_exception", ".errors[0].extra"),
                new BadInput("user_id", "abc", "bad_request", ".user_id"),
                new BadInput("job_id", 7, "parse_exception", ".job_id"),
                new BadInput("task", "x", "bad_request", ".task")));
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aUserIdThatNamesNoPatientOfTheTenantIsResourceNotFound() {
        String strangersPatient = createPatient(TestTokens.token(TestHttp.newTenant("stranger"), "all"));
        for (String userId : List.of(UUID.randomUUID().toString(), strangersPatient)) {
            post(all, path(), body(userId, "job-1")).statusCode(404)
                    .body("errors[0].code", equalTo("resource_not_found"))
                    .body("errors[0].extra.path", equalTo(".user_id"));
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }
}
