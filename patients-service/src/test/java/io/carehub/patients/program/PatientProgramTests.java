package io.carehub.patients.program;

import static io.carehub.commons.testing.TestHttp.GUID;
import static io.carehub.commons.testing.TestHttp.TIMESTAMP;
import static io.carehub.commons.testing.TestHttp.delete;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.RoleMatrix;
import io.carehub.commons.testing.TestEnvironments;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestApi;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Enrollments and phase changes (API-CORE.md §C7): a five-phase program walked start to finish on the core face, moves
 * outside {@code next} refused, one enrollment at a time, the {@code phase_changes} rows, Find and export equal to the
 * walk, the events, environments, ending an enrollment.
 */
@QuarkusTest
class PatientProgramTests {

    final String tenant = TestHttp.newTenant("programs");
    final String all = TestTokens.token(tenant, "all admin");
    /** The API client id the test tokens carry (their sub). */
    final String clientId = "test-client-" + tenant;

    void defineOnboarding() {
        post(all, "/v1/programs", ProgramResourceTests.body("onboarding", ProgramResourceTests.PHASES)).statusCode(200);
    }

    String programs(String patient) {
        return "/v1/" + tenant + "/patients/" + patient + "/programs";
    }

    ValidatableResponse move(String token, String patient, String phase) {
        return given().auth().oauth2(token).post(programs(patient) + "/onboarding/phases/" + phase).then();
    }

    @Test
    void aPatientWalksFivePhasesStartToFinishAndEveryMoveIsAPhaseChange() {
        defineOnboarding();
        String patient = TestApi.createPatient(all);
        String[] id = new String[1];
        List<JsonNode> events = TestEvents.publishedBy(tenant, () -> {
            id[0] = move(all, patient, "referral").statusCode(201)
                    .header("Location", matchesPattern("^http://.*" + programs(patient) + "/onboarding$"))
                    .body("keySet()", contains("id", "userId", "programName", "status", "currentPhase", "history",
                            "createdAt", "updatedAt"))
                    .body("id", matchesPattern(GUID)).body("userId", equalTo(patient))
                    .body("programName", equalTo("onboarding")).body("status", equalTo("in_progress"))
                    .body("currentPhase.name", equalTo("referral"))
                    .body("currentPhase.enteredAt", matchesPattern(TIMESTAMP))
                    .extract().path("id");
            for (String phase : List.of("intake", "assessment", "intake", "assessment", "active")) {
                move(all, patient, phase).statusCode(200).body("id", equalTo(id[0])).body("status", equalTo("in_progress"))
                        .body("currentPhase.name", equalTo(phase));
            }
            move(all, patient, "graduated").statusCode(200).body("status", equalTo("finished"))
                    .body("currentPhase.name", equalTo("graduated"));
        });
        List<String> walk = List.of("referral", "intake", "assessment", "intake", "assessment", "active", "graduated");
        JsonPath enrollment = get(all, programs(patient) + "/onboarding").statusCode(200).extract().jsonPath();
        assertEquals(walk, enrollment.getList("history.phase"));
        assertEquals(List.of(clientId), enrollment.getList("history.by").stream().distinct().toList());
        assertEquals(enrollment.getString("currentPhase.enteredAt"), enrollment.getString("history[6].enteredAt"));
        // The v1 face: the same enrollment, snake_case.
        get(all, "/v1/patient_programs/" + id[0]).statusCode(200).body("data.status", equalTo("finished"))
                .body("data.current_phase.name", equalTo("graduated"))
                .body("data.history.phase", contains(walk.toArray()))
                .body("data.history[0].entered_at", matchesPattern(TIMESTAMP));

        // phase_changes: one row per move, in order, from → to.
        JsonPath changes = get(all, "/v1/phase_changes?user_id=" + patient).statusCode(200).extract().jsonPath();
        List<String> from = new ArrayList<>();
        from.add(null);
        from.addAll(walk.subList(0, walk.size() - 1));
        assertEquals(from, changes.getList("data.from_phase"));
        assertEquals(walk, changes.getList("data.to_phase"));
        assertEquals(List.of("onboarding"), changes.getList("data.program_name").stream().distinct().toList());
        assertEquals(List.of(clientId), changes.getList("data.changed_by").stream().distinct().toList());
        assertEquals(enrollment.getList("history.enteredAt"), changes.getList("data.changed_at"));
        String[] lines = get(all, "/v1/exports/phase_changes?program_name=onboarding").statusCode(200).extract().asString()
                .split("\r\n");
        assertEquals("id,user_id,program_name,from_phase,to_phase,changed_at,changed_by,created_at,updated_at", lines[0]);
        assertEquals(walk.size() + 1, lines.length);
        for (int i = 0; i < walk.size(); i++) {
            String[] cells = lines[i + 1].split(",");
            assertEquals(changes.getString("data[" + i + "].id"), cells[0]);
            assertEquals(patient, cells[1]);
            assertEquals(from.get(i) == null ? "" : from.get(i), cells[3]);
            assertEquals(walk.get(i), cells[4]);
        }

        // Events: the enrollment's created, then one updated per move; a phase_changes created per move; ids only.
        List<String> types = events.stream().map(e -> e.get("type").asText()).toList();
        assertEquals(1, types.stream().filter("patient_programs.created"::equals).count(), types.toString());
        assertEquals(6, types.stream().filter("patient_programs.updated"::equals).count(), types.toString());
        assertEquals(7, types.stream().filter("phase_changes.created"::equals).count(), types.toString());
        events.forEach(e -> assertEquals("live", e.get("data").get("environment").asText()));
    }

    @Test
    void movesOutsideNextAndASecondEnrollmentAreRefusedAndChangeNothing() {
        defineOnboarding();
        String patient = TestApi.createPatient(all);
        move(all, patient, "intake").statusCode(400).body("errors[0].code", equalTo("bad_request"))
                .body("errors[0].detail", equalTo("the patient is not in onboarding: it enters at its start phase,"
                        + " referral, not at intake"));
        get(all, programs(patient)).statusCode(200).body("totalElements", equalTo(0));
        move(all, patient, "referral").statusCode(201);
        move(all, patient, "intake").statusCode(200);
        String before = get(all, programs(patient) + "/onboarding").extract().asString();
        for (String phase : List.of("active", "graduated", "referral", "intake", "no_such_phase")) {
            move(all, patient, phase).statusCode(400).body("errors[0].code", equalTo("bad_request"));
        }
        assertEquals(before, get(all, programs(patient) + "/onboarding").extract().asString());
        get(all, programs(patient)).statusCode(200).body("totalElements", equalTo(1));
        get(all, "/v1/phase_changes?user_id=" + patient).statusCode(200).body("data.to_phase", contains("referral", "intake"));
    }

    @Test
    void concurrentEnrollmentsOfOnePatientMakeOne() throws Exception {
        defineOnboarding();
        String patient = TestApi.createPatient(all);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tries.add(pool.submit(() -> move(all, patient, "referral").extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> t : tries) {
                statuses.add(t.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 400), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        get(all, programs(patient)).statusCode(200).body("totalElements", equalTo(1));
        get(all, "/v1/phase_changes?user_id=" + patient).statusCode(200).body("data.size()", equalTo(1));
    }

    @Test
    void endingAnEnrollmentIsASoftDeleteAndAFinishedOneLetsThePatientEnrolAgain() {
        defineOnboarding();
        String patient = TestApi.createPatient(all);
        String first = move(all, patient, "referral").statusCode(201).extract().path("id");
        delete(all, programs(patient) + "/onboarding").statusCode(204);
        get(all, programs(patient) + "/onboarding").statusCode(404).body("errors[0].code", equalTo("not_found"));
        delete(all, programs(patient) + "/onboarding").statusCode(404);
        get(all, "/v1/patient_programs/" + first).statusCode(404);
        get(all, "/v1/patient_programs?include_deleted=true&user_id=" + patient).statusCode(200)
                .body("data.id", contains(first)).body("data[0].deleted", equalTo(true));
        // Enrolled again, walked to the end: finished, and the patient may enter once more.
        String second = move(all, patient, "referral").statusCode(201).extract().path("id");
        for (String phase : List.of("intake", "assessment", "active", "graduated")) {
            move(all, patient, phase).statusCode(200);
        }
        move(all, patient, "intake").statusCode(400);
        String third = move(all, patient, "referral").statusCode(201).extract().path("id");
        get(all, programs(patient) + "/onboarding").statusCode(200).body("id", equalTo(third));
        get(all, programs(patient) + "?sort=createdAt,asc").statusCode(200).body("content.id", contains(second, third))
                .body("content.status", contains("finished", "in_progress"));
        get(all, programs(patient) + "?status=finished").statusCode(200).body("content.id", contains(second));
        get(all, "/v1/patient_programs?status=in_progress&user_id=" + patient).statusCode(200).body("data.id", contains(third));
        String csv = get(all, "/v1/exports/patient_programs?include_deleted=true").statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("id,user_id,program_name,status,current_phase,current_phase_entered_at,history,created_at,updated_at,"
                + "deleted", lines[0]);
        assertEquals(4, lines.length, csv);
    }

    @Test
    void unknownProgramsAndPatientsAre404AndScopesGovernTheWrites() {
        defineOnboarding();
        String patient = TestApi.createPatient(all);
        given().auth().oauth2(all).post(programs(patient) + "/no_such_program/phases/referral").then().statusCode(404);
        move(all, UUID.randomUUID().toString(), "referral").statusCode(404);
        get(all, programs(UUID.randomUUID().toString())).statusCode(404);
        get(all, programs(patient) + "/onboarding").statusCode(404);
        String reader = TestTokens.token(tenant, "patient_programs.read");
        move(reader, patient, "referral").statusCode(403);
        String writer = TestTokens.token(tenant, "patient_programs.write");
        move(writer, patient, "referral").statusCode(201).body("keySet()", contains("id"));
        get(reader, programs(patient)).statusCode(200).body("content.currentPhase.name", everyItem(equalTo("referral")));
        get(TestTokens.token(tenant, "patient_programs.read"), "/v1/phase_changes").statusCode(403);
    }

    @Test
    void enrollmentsAndPhaseChangesAreTheirEnvironmentsAndTheProgramIsTheTenants() {
        defineOnboarding();
        String sandbox = TestTokens.inEnvironment(tenant, "sandbox", "all");
        String patient = TestApi.createPatient(sandbox);
        String id = given().auth().oauth2(sandbox).post(programs(patient) + "/onboarding/phases/referral").then()
                .statusCode(201).extract().path("id");
        TestEnvironments.assertOnlyIn(sandbox, all, "patient_programs", id);
        String change = get(sandbox, "/v1/phase_changes?user_id=" + patient).statusCode(200).extract().path("data[0].id");
        TestEnvironments.assertOnlyIn(sandbox, all, "phase_changes", change);
    }
    /** API-CORE.md §C9's matrix for enrollments: v1 Get, Find and export, and the core face's list and Get. */
    @Test
    void rolesGovernWhatOfAnEnrollmentIsReadOnBothFaces() throws Exception {
        defineOnboarding();
        String[] patient = new String[1];
        RoleMatrix.of(tenant, "patient_programs", "patients-service", List.of("id", "user_id", "program_name", "status",
                "current_phase", "history", "created_at", "updated_at"),
                "id,user_id,program_name,status,current_phase,current_phase_entered_at,history,created_at,updated_at,deleted",
                () -> {
                    patient[0] = TestApi.createPatient(all);
                    return move(all, patient[0], "referral").statusCode(201).extract().path("id");
                })
                .coreFace(id -> programs(patient[0]) + "/onboarding", id -> programs(patient[0]))
                .check();
    }

    @Test
    void rolesGovernWhatOfAPhaseChangeIsRead() throws Exception {
        defineOnboarding();
        RoleMatrix.of(tenant, "phase_changes", "patients-service", List.of("id", "user_id", "program_name", "from_phase",
                "to_phase", "changed_at", "changed_by", "created_at", "updated_at"),
                "id,user_id,program_name,from_phase,to_phase,changed_at,changed_by,created_at,updated_at", () -> {
                    String patient = TestApi.createPatient(all);
                    move(all, patient, "referral").statusCode(201);
                    return get(all, "/v1/phase_changes?user_id=" + patient).statusCode(200).extract().path("data[0].id");
                }).check();
    }

    /**
     * On the core face an enrollment is a create of patient_programs, a move an update of its current phase, an end a
     * delete: each refused ({@code 403}, nothing changed) where the roles do not allow it.
     */
    @Test
    void enrollingMovingAndEndingEachNeedTheirOperation() throws Exception {
        defineOnboarding();
        String patient = TestApi.createPatient(all);
        TestOwners.roles(tenant, TestHttp.JSON.writeValueAsString(Map.of(
                "viewer", List.of(rule(Map.of("read", List.of("*")))),
                "enroller", List.of(rule(Map.of("read", List.of("*"), "create", List.of("*")))),
                "mover", List.of(rule(Map.of("read", List.of("*"), "update", List.of("currentPhase")))),
                "status_only", List.of(rule(Map.of("read", List.of("*"), "update", List.of("status")))),
                "ender", List.of(rule(Map.of("delete", true))))));
        String viewer = TestTokens.withRoles(tenant, "all", "viewer");
        String enroller = TestTokens.withRoles(tenant, "all", "enroller");
        List<JsonNode> none = TestEvents.publishedBy(tenant, () -> move(viewer, patient, "referral").statusCode(403)
                .body("errors[0].code", equalTo("forbidden")));
        assertEquals(List.of(), none, "nothing published");
        get(all, programs(patient)).statusCode(200).body("totalElements", equalTo(0));
        get(all, "/v1/phase_changes?user_id=" + patient).statusCode(200).body("data.size()", equalTo(0));

        move(enroller, patient, "referral").statusCode(201).body("currentPhase.name", equalTo("referral"));
        move(enroller, patient, "intake").statusCode(403).body("errors[0].code", equalTo("forbidden"));
        move(TestTokens.withRoles(tenant, "all", "status_only"), patient, "intake").statusCode(403)
                .body("errors[0].extra.path", equalTo(".currentPhase"));
        get(all, programs(patient) + "/onboarding").statusCode(200).body("currentPhase.name", equalTo("referral"));
        move(TestTokens.withRoles(tenant, "all", "mover"), patient, "intake").statusCode(200)
                .body("currentPhase.name", equalTo("intake"));
        given().auth().oauth2(enroller).delete(programs(patient) + "/onboarding").then().statusCode(403);
        given().auth().oauth2(TestTokens.withRoles(tenant, "all", "ender")).delete(programs(patient) + "/onboarding").then()
                .statusCode(204);
        get(all, programs(patient) + "?status=in_progress").statusCode(200).body("totalElements", equalTo(0));
    }

    private static Map<String, Object> rule(Map<String, Object> operations) {
        return Map.of("resource", "patient_programs", "operations", operations);
    }
}
