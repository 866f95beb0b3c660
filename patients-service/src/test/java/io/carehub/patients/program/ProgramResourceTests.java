package io.carehub.patients.program;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.RoleMatrix;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.patients.TestApi;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;

/** Program definitions on the v1 face (API-CORE.md §C7): the collection's contract and the rules of phases. */
@QuarkusTest
class ProgramResourceTests extends CollectionContract {

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** Five phases: referral → intake → assessment → active → graduated, assessment also back to intake. */
    static final String PHASES = """
            [{"name": "referral", "title": "Referral", "kind": "start", "next": ["intake"]},
             {"name": "intake", "kind": "step", "next": ["assessment"]},
             {"name": "assessment", "kind": "step", "next": ["active", "intake"]},
             {"name": "active", "kind": "step", "next": ["graduated"]},
             {"name": "graduated", "kind": "finish"}]""";

    @Override
    protected String collection() {
        return "programs";
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
    protected boolean tenantWide() {
        return true;
    }

    @Override
    protected String writeScope() {
        return "admin";
    }

    @Override
    protected List<String> createOnlyFields() {
        return List.of("name");
    }

    @Override
    protected String copyChanges() {
        return "jsonb_build_object('name', x.name || '_' || i)";
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "name", "title", "description", "phases", "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,name,title,description,phases,created_at,updated_at";
    }

    @Override
    protected RoleMatrix withCoreFace(RoleMatrix matrix) {
        return matrix.coreFace(id -> "/v1/" + tenant + "/programs/" + id,
                id -> "/v1/" + tenant + "/programs");
    }

    @Override
    protected String validBody() {
        return body("onboarding_" + NAMES.incrementAndGet(), PHASES);
    }

    static String body(String name, String phases) {
        return "{\"name\": \"" + name + "\", \"title\": \"Onboarding\", \"description\": \"From referral to graduation\","
                + " \"phases\": " + phases + "}";
    }

    @Test
    void phasesAreShownWithEveryMember() {
        post(all, path(), body("onboarding", PHASES)).statusCode(200)
                .body("data.phases.name", contains("referral", "intake", "assessment", "active", "graduated"))
                .body("data.phases[0]", equalTo(Map.of("name", "referral", "title", "Referral", "kind", "start",
                        "next", List.of("intake"))))
                .body("data.phases[4].next", equalTo(List.of()))
                .body("data.phases[4].title", equalTo(null));
    }

    @Test
    void eachRuleOfAProgramAloneIsAnsweredWithItsPathAndNothingIsStored() {
        TestHttp.assertEachRefused(all, path(), body("onboarding", PHASES), List.of(
                new BadInput("name", "On-boarding", "bad_request"),
                new BadInput("name", TestHttp.ABSENT, "bad_request"),
                new BadInput("phases", TestHttp.ABSENT, "bad_request"),
                new BadInput("phases", "x", "parse_exception")));
        for (var bad : List.of(
                Map.entry("[{\"name\": \"a\", \"kind\": \"finish\"}]", ".phases"),
                Map.entry("[{\"name\": \"a\", \"kind\": \"start\", \"next\": [\"b\"]}, {\"name\": \"b\", \"kind\": \"start\","
                        + " \"next\": [\"c\"]}, {\"name\": \"c\", \"kind\": \"finish\"}]", ".phases"),
                Map.entry("[{\"name\": \"a\", \"kind\": \"start\"}]", ".phases"),
                Map.entry("[{\"name\": \"a\", \"kind\": \"start\", \"next\": [\"z\"]}, {\"name\": \"b\", \"kind\": \"finish\"}]",
                        ".phases[0].next[0]"),
                Map.entry("[{\"name\": \"a\", \"kind\": \"start\", \"next\": [\"b\"]}, {\"name\": \"b\", \"kind\": \"finish\","
                        + " \"next\": [\"a\"]}]", ".phases[1].next"),
                Map.entry("[{\"name\": \"a\", \"kind\": \"start\", \"next\": [\"b\"]}, {\"name\": \"b\", \"kind\": \"finish\"},"
                        + " {\"name\": \"b\", \"kind\": \"finish\"}]", ".phases[2].name"),
                Map.entry("[{\"name\": \"a\", \"kind\": \"begin\"}, {\"name\": \"b\", \"kind\": \"finish\"}]", ".phases[0].kind"),
                Map.entry("[{\"name\": \"A\", \"kind\": \"start\"}, {\"name\": \"b\", \"kind\": \"finish\"}]", ".phases[0].name"),
                Map.entry("[{\"kind\": \"start\"}, {\"name\": \"b\", \"kind\": \"finish\"}]", ".phases[0].name"))) {
            post(all, path(), body("onboarding", bad.getKey())).statusCode(400)
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].code", equalTo("bad_request"))
                    .body("errors[0].extra.path", equalTo(bad.getValue()));
        }
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aNameIsUniqueInTheTenant() {
        post(all, path(), body("onboarding", PHASES)).statusCode(200);
        post(all, path(), body("onboarding", PHASES)).statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception")).body("errors[0].extra.path", equalTo(".name"));
    }

    @Test
    void aPhaseWithAPatientInItCannotBeDroppedAndAnEmptyOneCan() {
        String id = post(all, path(), body("onboarding", PHASES)).statusCode(200).extract().path("data.id");
        String patient = TestApi.createPatient(all);
        given().auth().oauth2(all).post("/v1/" + tenant + "/patients/" + patient + "/programs/onboarding/phases/referral")
                .then().statusCode(201);
        String withoutReferral = """
                [{"name": "intake", "kind": "start", "next": ["graduated"]}, {"name": "graduated", "kind": "finish"}]""";
        put(all, path() + "/" + id, "{\"phases\": " + withoutReferral + "}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".phases"))
                .body("errors[0].detail", equalTo("patients are in referral of this program: a phase with patients in it stays"));
        get(reader, path() + "/" + id).statusCode(200).body("data.phases.name",
                contains("referral", "intake", "assessment", "active", "graduated"));
        String withoutActive = """
                [{"name": "referral", "kind": "start", "next": ["graduated"]}, {"name": "graduated", "kind": "finish"}]""";
        put(all, path() + "/" + id, "{\"phases\": " + withoutActive + "}").statusCode(200)
                .body("data.phases.name", contains("referral", "graduated"));
    }
}
