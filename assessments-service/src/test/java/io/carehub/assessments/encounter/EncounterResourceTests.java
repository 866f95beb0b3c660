package io.carehub.assessments.encounter;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.assessments.TestApi;
import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.RoleMatrix;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Encounters on the v1 face (API-CORE.md §C8): the collection's contract and its own rules. */
@QuarkusTest
class EncounterResourceTests extends CollectionContract {

    private final String patient = TestApi.patient(tenant);

    @Override
    protected String collection() {
        return "encounters";
    }

    @Override
    protected String service() {
        return "assessments-service";
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
    protected boolean hasDelete() {
        return true;
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "user_id", "type", "status", "title", "notes", "start_time", "end_time", "worker_id",
                "calendar_event_id", "assessment_ids", "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,user_id,type,status,title,notes,start_time,end_time,worker_id,calendar_event_id,assessment_ids,"
                + "created_at,updated_at";
    }

    @Override
    protected RoleMatrix withCoreFace(RoleMatrix matrix) {
        return matrix.coreFace(id -> "/v1/" + tenant + "/patients/" + patient + "/encounters/" + id,
                id -> "/v1/" + tenant + "/patients/" + patient + "/encounters");
    }

    @Override
    protected String validBody() {
        return TestApi.encounterBody(patient);
    }

    @Test
    void eachRuleAloneIsAnsweredWithItsCodeAndPathAndNothingIsStored() {
        TestHttp.assertEachRefused(all, path(), validBody(), List.of(
                new BadInput("user_id", TestHttp.ABSENT, "bad_request"),
                new BadInput("user_id", "x", "bad_request"),
                new BadInput("user_id", UUID.randomUUID().toString(), 404, "resource_not_found", ".user_id"),
                new BadInput("type", TestHttp.ABSENT, "bad_request"),
                new BadInput("type", "", "bad_request"),
                new BadInput("type", 7, "parse_exception"),
                new BadInput("status", "deleted", "bad_request"),
                new BadInput("status", "OPEN", "bad_request"),
                new BadInput("start_time", "yesterday", "bad_request"),
                new BadInput("end_time", 1, "parse_exception"),
                new BadInput("worker_id", UUID.randomUUID().toString(), 404, "resource_not_found", ".worker_id"),
                new BadInput("calendar_event_id", UUID.randomUUID().toString(), 404, "resource_not_found",
                        ".calendar_event_id"),
                new BadInput("colour", "blue", "bad_request")));
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void anEncounterNamesAWorkerAndACalendarEventOfTheTenantAndIsOpenUntilCompleted() {
        String worker = TestApi.worker(tenant);
        String event = TestApi.calendarEvent(tenant);
        String id = post(all, path(), TestHttp.with(validBody(), "worker_id", worker, "calendar_event_id", event))
                .statusCode(200).body("data.status", equalTo("open")).body("data.worker_id", equalTo(worker))
                .body("data.calendar_event_id", equalTo(event)).body("data.assessment_ids", equalTo(List.of()))
                .extract().path("data.id");
        put(all, path() + "/" + id, "{\"notes\": \"Went well\", \"status\": \"completed\"}").statusCode(200)
                .body("data.status", equalTo("completed")).body("data.notes", equalTo("Went well"));
        String before = get(reader, path() + "/" + id).extract().asString();
        put(all, path() + "/" + id, "{\"notes\": \"Changed my mind\"}").statusCode(409)
                .body("errors[0].status", equalTo(409)).body("errors[0].code", equalTo("locked"));
        put(all, path() + "/" + id, "{\"status\": \"open\"}").statusCode(409).body("errors[0].code", equalTo("locked"));
        TestHttp.delete(all, path() + "/" + id).statusCode(409).body("errors[0].code", equalTo("locked"));
        org.junit.jupiter.api.Assertions.assertEquals(before, get(reader, path() + "/" + id).extract().asString());
        get(reader, path() + "?status=completed").statusCode(200).body("data.size()", equalTo(1));
    }

    /** API-CORE.md §C9: only a role that allows update_completed changes a completed encounter; no role, no exception. */
    @Test
    void aRoleThatAllowsUpdateCompletedMayChangeACompletedEncounterAndNoOtherMay() {
        String id = post(all, path(), validBody()).statusCode(200).extract().path("data.id");
        put(all, path() + "/" + id, "{\"status\": \"completed\"}").statusCode(200);
        TestOwners.roles(tenant, """
                {"editor": [{"resource": "encounters", "operations": {"read": ["*"], "update": ["*"]}}],
                 "supervisor": [{"resource": "encounters", "operations": {"read": ["*"], "update": ["*"],
                  "update_completed": true}}]}""");
        put(TestTokens.withRoles(tenant, "all", "editor"), path() + "/" + id, "{\"notes\": \"amended\"}").statusCode(409)
                .body("errors[0].code", equalTo("locked"));
        put(all, path() + "/" + id, "{\"notes\": \"amended\"}").statusCode(409).body("errors[0].code", equalTo("locked"));
        put(TestTokens.withRoles(tenant, "all", "supervisor"), path() + "/" + id, "{\"notes\": \"amended\"}")
                .statusCode(200).body("data.notes", equalTo("amended")).body("data.status", equalTo("completed"));
        // The same on the core face (a merge patch of the encounter under its patient).
        String core = "/v1/" + tenant + "/patients/" + patient + "/encounters/" + id;
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.withRoles(tenant, "all", "editor"))
                .contentType("application/json").body("{\"notes\": \"again\"}").patch(core).then()
                .statusCode(409).body("errors[0].code", equalTo("locked"));
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.withRoles(tenant, "all", "supervisor"))
                .contentType("application/json").body("{\"notes\": \"again\"}").patch(core).then()
                .statusCode(200).body("notes", equalTo("again")).body("status", equalTo("COMPLETED"));
    }

    @Test
    void aDeletedEncounterShowsAsDeletedOnlyWithIncludeDeleted() {
        String id = post(all, path(), validBody()).statusCode(200).extract().path("data.id");
        TestHttp.delete(all, path() + "/" + id).statusCode(200).body("data.status", equalTo("deleted"));
        get(reader, path() + "/" + id).statusCode(404);
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
        get(reader, path() + "?include_deleted=true").statusCode(200).body("data[0].status", equalTo("deleted"));
    }
}
