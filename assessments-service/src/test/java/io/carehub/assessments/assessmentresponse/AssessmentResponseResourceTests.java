package io.carehub.assessments.assessmentresponse;

import static io.carehub.commons.testing.TestHttp.ABSENT;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.assessments.TestApi;
import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.RoleMatrix;
import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;

/** Assessment responses (API.md §4): the contract of every collection, and the answers kept exactly as sent. */
@QuarkusTest
class AssessmentResponseResourceTests extends CollectionContract {

    private final String patient = TestApi.patient(tenant);

    @Override
    protected String collection() {
        return "assessment_responses";
    }

    @Override
    protected String service() {
        return "assessments-service";
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "user_id", "spec_id", "spec_name", "spec_version", "title", "model", "created_at", "updated_at",
                "form_name", "form_version", "encounter_id", "status");
    }

    /** The core face's PATCH changes an assessment (API-CORE.md §C8): its events include updated. */
    @Override
    protected boolean publishesUpdates() {
        return true;
    }

    @Override
    protected String exportHeader() {
        return "id,user_id,spec_id,spec_name,spec_version,title,model,created_at,updated_at,form_name,form_version,"
                + "encounter_id,status";
    }

    @Override
    protected RoleMatrix withCoreFace(RoleMatrix matrix) {
        return matrix.coreFace(id -> "/v1/" + tenant + "/patients/" + patient + "/assessments/" + id,
                id -> "/v1/" + tenant + "/patients/" + patient + "/assessments");
    }

    @Override
    protected String validBody() {
        return TestApi.intakeBody(patient);
    }

    @Override
    protected String marker() {
        return TestApi.marker();
    }

    @Test
    void theIntakeAssessmentIsStoredWithEveryFieldAndItsModelExactlyAsSent() {
        String body = TestApi.intakeBody(patient);
        String created = post(all, path(), body).statusCode(200)
                .body("data.user_id", equalTo(patient))
                .body("data.spec_id", equalTo("intake_assessment"))
                .body("data.spec_name", equalTo("Intake Assessment"))
                .body("data.spec_version", equalTo("7"))
                .body("data.title", equalTo("Intake"))
                .body("data.model.primary_concern", equalTo("Managing my blood sugar"))
                .body("data.model.medications", contains("metformin", "insulin glargine"))
                .extract().asString();
        assertTrue(created.contains("\"model\":" + TestApi.INTAKE_MODEL + ","), created);
        String id = TestApi.json(created).get("data").get("id").asText();
        assertTrue(get(reader, path() + "/" + id).statusCode(200).extract().asString()
                .contains("\"model\":" + TestApi.INTAKE_MODEL + ","));
        // Stored as jsonb, so that it can be queried in the database.
        var row = pool.preparedQuery("SELECT jsonb_typeof(model) AS t, model->'exercise'->>'days_per_week' AS days,"
                + " model->>'a1c' AS a1c FROM assessment_responses WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals("object", row.getString("t"));
        assertEquals("2", row.getString("days"));
        assertEquals("7.20", row.getString("a1c"));
    }

    @Test
    void onlyUserIdAndModelAreRequiredTheOtherFieldsAreNull() {
        post(all, path(), "{\"user_id\": \"" + patient + "\", \"model\": {}}").statusCode(200)
                .body("data.spec_id", equalTo(null)).body("data.spec_name", equalTo(null))
                .body("data.spec_version", equalTo(null)).body("data.title", equalTo(null))
                .body("data.model.size()", equalTo(0));
    }

    @Test
    void aFiveKibModelIsReturnedByteForByteAsItWasSent() {
        // Keys in no sorted order (jsonb would sort them), numbers in forms jsonb and doubles rewrite, escapes,
        // white space: all returned as written.
        StringBuilder model = new StringBuilder("{\n  ");
        for (int i = 0; model.length() < 5 * 1024; i++) {
            model.append(i == 0 ? "" : ",\n  ").append("\"q").append(1000 - i).append("_answer\" : ");
            model.append(switch (i % 6) {
                case 0 -> "1.10";
                case 1 -> "1e3";
                case 2 -> "-0.0";
                case 3 -> "123456789012345678901234567890";
                case 4 -> "\"caf\\u00e9 \\\"quoted\\\" \\n line\"";
                default -> "[true, false, null, {\"z\": 1, \"a\": 2}]";
            });
        }
        String sent = model.append("\n}").toString();
        assertTrue(sent.length() >= 5 * 1024);
        String created = post(all, path(), "{\"user_id\": \"" + patient + "\", \"model\": " + sent + "}").statusCode(200)
                .extract().asString();
        assertTrue(created.contains("\"model\":" + sent + ","), created);
        String id = TestApi.json(created).get("data").get("id").asText();
        String got = get(reader, path() + "/" + id).statusCode(200).extract().asString();
        assertTrue(got.contains("\"model\":" + sent + ","), got);
        assertEquals(TestApi.json(sent), TestApi.json(got).get("data").get("model"));
        String found = get(reader, path() + "?user_id=" + patient).statusCode(200).extract().asString();
        assertTrue(found.contains("\"model\":" + sent + ","), "Find too");
    }

    @Test
    void aDeeplyNestedModelIsReturnedAsSentUpToTheBodyDepthBound() {
        // The body is the first level of the bound of 64: the model may nest 63.
        String nested = "{\"level\": 63}";
        for (int level = 62; level >= 1; level--) {
            nested = "{\"level\": " + level + ", \"next\": " + nested + "}";
        }
        String created = post(all, path(), "{\"user_id\": \"" + patient + "\", \"model\": " + nested + "}")
                .statusCode(200).extract().asString();
        assertTrue(created.contains("\"model\":" + nested + ","), created);
        String id = TestApi.json(created).get("data").get("id").asText();
        assertTrue(get(reader, path() + "/" + id).statusCode(200).extract().asString().contains("\"model\":" + nested + ","));
        String deeper = "{\"next\": " + nested + "}";
        post(all, path(), "{\"user_id\": \"" + patient + "\", \"model\": " + deeper + "}").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo(""));
        get(reader, path()).statusCode(200).body("data.id", contains(id));
    }

    @Test
    void everyFieldIsCheckedAndABadOneStoresAndPublishesNothing() {
        String body = validBody();
        List<BadInput> cases = List.of(
                new BadInput("user_id", ABSENT, "bad_request"),
                new BadInput("user_id", null, "bad_request"),
                new BadInput("user_id", "not-a-guid", "bad_request"),
                new BadInput("user_id", 42, "parse_exception"),
                new BadInput("user_id", UUID.randomUUID().toString(), 404, "resource_not_found", ".user_id"),
                new BadInput("model", ABSENT, "bad_request"),
                new BadInput("model", null, "bad_request"),
                new BadInput("model", List.of(1, 2), "parse_exception"),
                new BadInput("model", "{\"a\": 1}", "parse_exception"),
                new BadInput("model", java.util.Map.of("note", "nul \u0000 inside"), "bad_request", ".model.note"),
                new BadInput("spec_id", 5, "parse_exception"),
                new BadInput("spec_name", false, "parse_exception"),
                new BadInput("spec_version", 7, "parse_exception"),
                new BadInput("title", "t".repeat(10_001), "bad_request"),
                new BadInput("score", 12, "bad_request"));
        var events = TestChangeEvents.publishedBy("assessments-service.changes", TestApi::marker, tenant, collection(),
                () -> TestHttp.assertEachRefused(all, path(), body, cases));
        assertEquals(List.of(), events);
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
        assertEquals(0L, pool.preparedQuery("SELECT count(*) AS n FROM assessment_responses WHERE tenant = $1")
                .execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n"));
    }

    @Test
    void everyErrorOfABodyIsListedAtOnce() {
        post(all, path(), "{\"user_id\": \"x\", \"model\": 1, \"title\": 2}").statusCode(400)
                .body("errors.size()", equalTo(3))
                .body("errors.extra.path", org.hamcrest.Matchers.containsInAnyOrder(".user_id", ".model", ".title"));
    }

    @Test
    void findFiltersBySpecIdAndUserId() {
        String other = TestApi.patient(tenant);
        String intake = create();
        String followUp = post(all, path(), with(TestApi.intakeBody(other), "spec_id", "follow_up")).statusCode(200)
                .extract().path("data.id");
        get(reader, path() + "?spec_id=intake_assessment").statusCode(200).body("data.id", contains(intake));
        get(reader, path() + "?spec_id=follow_up").statusCode(200).body("data.id", contains(followUp));
        get(reader, path() + "?user_id=" + other).statusCode(200).body("data.id", contains(followUp));
        given().auth().oauth2(reader).contentType("application/json").body("{\"spec_id\": \"follow_up\"}")
                .post(path() + "/find").then().statusCode(200).body("data.id", contains(followUp));
        get(reader, path() + "?spec_id=nothing").statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aPatientOfAnotherTenantIsNotFoundAndAnUnreachableOwnerIs503() {
        String foreign = TestApi.patient(TestHttp.newTenant("other"));
        post(all, path(), TestApi.intakeBody(foreign)).statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found")).body("errors[0].extra.path", equalTo(".user_id"));
        TestOwners.unreachable(true);
        try {
            post(all, path(), TestApi.intakeBody(UUID.randomUUID().toString())).statusCode(503)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("errors[0].code", equalTo("service_unavailable"));
        } finally {
            TestOwners.unreachable(false);
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void theExportHoldsTheModelAsJsonText() {
        String id = create();
        String csv = get(TestTokens.token(tenant, "assessment_responses.read"), "/v1/exports/" + collection())
                .statusCode(200).extract().asString();
        String line = csv.split("\r\n")[1];
        assertTrue(line.startsWith(id + "," + patient + ",intake_assessment,Intake Assessment,7,Intake,\""), line);
        assertTrue(line.contains(TestApi.INTAKE_MODEL.replace("\"", "\"\"")), line);
    }
}
