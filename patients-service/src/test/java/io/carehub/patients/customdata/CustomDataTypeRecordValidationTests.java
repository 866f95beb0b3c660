package io.carehub.patients.customdata;

import static io.carehub.commons.testing.TestHttp.GUID;
import static io.carehub.commons.testing.TestHttp.TIMESTAMP;
import static io.carehub.commons.testing.TestHttp.delete;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.commons.testing.TestHttp.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestApi;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;

/**
 * Records of defined custom data types (API-CORE.md §C6) on both faces: every field type's valid and invalid values,
 * each refusal at its path; required, options, min/max, unknown fields; versions; single cardinality; the core face's
 * paths, flat bodies, merge patch and soft delete; the v1 face checking a defined type and leaving an undefined one free.
 */
@QuarkusTest
class CustomDataTypeRecordValidationTests {

    static final String EVERY_TYPE = """
            [{"name": "req", "type": "text", "required": true},
             {"name": "t", "type": "text", "min": 2, "max": 5},
             {"name": "ta", "type": "textarea"},
             {"name": "i", "type": "integer", "min": 0, "max": 10},
             {"name": "f", "type": "float", "min": -1.5, "max": 1.5},
             {"name": "b", "type": "boolean"},
             {"name": "d", "type": "date"},
             {"name": "dt", "type": "datetime"},
             {"name": "s", "type": "select", "options": ["a", "b"]},
             {"name": "ms", "type": "select", "multiple": true, "options": ["a", "b", "c"]},
             {"name": "e", "type": "email"},
             {"name": "p", "type": "phone", "phi": true},
             {"name": "u", "type": "uuid"},
             {"name": "o", "type": "object"},
             {"name": "mi", "type": "integer", "multiple": true, "max": 3}]""";

    static final String VALID = """
            {"req": "x", "t": "abc", "ta": "a long note", "i": 3, "f": 0.5, "b": true, "d": "2020-01-31",
             "dt": "2020-01-31T10:00:00Z", "s": "a", "ms": ["a", "c"], "e": "grace@example.com", "p": "(555) 555-1234",
             "u": "0D5DE756-CDDA-4CC0-9CAE-8A3C1E3B8D0B", "o": {"k": [1, 2]}, "mi": [1, 3]}""";

    /** VALID as stored: the phone and the uuid normalised, everything else as sent. */
    static final String STORED = """
            {"req": "x", "t": "abc", "ta": "a long note", "i": 3, "f": 0.5, "b": true, "d": "2020-01-31",
             "dt": "2020-01-31T10:00:00Z", "s": "a", "ms": ["a", "c"], "e": "grace@example.com", "p": "555-555-1234",
             "u": "0d5de756-cdda-4cc0-9cae-8a3c1e3b8d0b", "o": {"k": [1, 2]}, "mi": [1, 3]}""";

    static final List<BadInput> BAD = List.of(
            new BadInput("req", TestHttp.ABSENT, "bad_request"),
            new BadInput("req", null, "bad_request"),
            new BadInput("req", 1, "parse_exception"),
            new BadInput("t", 5, "parse_exception"),
            new BadInput("t", "a", "bad_request"),
            new BadInput("t", "abcdef", "bad_request"),
            new BadInput("ta", List.of("x"), "parse_exception"),
            new BadInput("i", 3.5, "parse_exception"),
            new BadInput("i", "3", "parse_exception"),
            new BadInput("i", -1, "bad_request"),
            new BadInput("i", 11, "bad_request"),
            new BadInput("f", "x", "parse_exception"),
            new BadInput("f", 2, "bad_request"),
            new BadInput("f", -1.6, "bad_request"),
            new BadInput("f", new java.math.BigDecimal("1e400"), "bad_request"),
            new BadInput("b", "true", "parse_exception"),
            new BadInput("d", "2020-02-30", "bad_request"),
            new BadInput("d", 20200101, "parse_exception"),
            new BadInput("dt", "yesterday", "bad_request"),
            new BadInput("s", "c", "bad_request"),
            new BadInput("s", List.of("a"), "parse_exception"),
            new BadInput("ms", "a", "parse_exception"),
            new BadInput("ms", List.of("a", "x"), 400, "bad_request", ".ms[1]"),
            new BadInput("ms", java.util.Arrays.asList("a", null), 400, "bad_request", ".ms[1]"),
            new BadInput("e", "no-at-sign", "bad_request"),
            new BadInput("p", "555-1234", "bad_request"),
            new BadInput("u", "not-a-uuid", "bad_request"),
            new BadInput("o", List.of(1), "parse_exception"),
            new BadInput("mi", List.of(1, 4), 400, "bad_request", ".mi[1]"),
            new BadInput("mi", 1, "parse_exception"),
            new BadInput("zzz", 1, "bad_request"));

    final String tenant = TestHttp.newTenant("cdts");
    final String all = TestTokens.token(tenant, "all admin");

    String define(String name, String cardinality, String fields) {
        return post(all, "/v1/custom_data_types", "{\"name\": \"" + name + "\", \"cardinality\": \"" + cardinality
                + "\", \"fields\": " + fields + "}").statusCode(200).extract().path("data.id");
    }

    String cdts(String patient, String name) {
        return "/v1/" + tenant + "/patients/" + patient + "/cdts/" + name;
    }

    static ValidatableResponse patch(String token, String path, String body) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(token).contentType("application/merge-patch+json").body(body).patch(path).then();
    }

    @Test
    void everyFieldTypeTakesItsValidValuesAndRefusesEachBadOneAtItsPathOnTheCoreFace() {
        define("everything", "multiple", EVERY_TYPE);
        String patient = TestApi.createPatient(all);
        var created = post(all, cdts(patient, "everything"), VALID).statusCode(201)
                .header("Location", matchesPattern("^http://.*" + cdts(patient, "everything") + "/[0-9a-f-]{36}$"))
                .body("keySet()", contains("id", "patientId", "cdtName", "version", "fields", "createdAt", "updatedAt"))
                .body("id", matchesPattern(GUID)).body("patientId", equalTo(patient))
                .body("cdtName", equalTo("everything")).body("version", equalTo(1))
                .body("createdAt", matchesPattern(TIMESTAMP))
                .extract().asString();
        assertEquals(TestEvents.json(STORED), TestEvents.json(created).get("fields"));
        TestHttp.assertEachRefused(all, cdts(patient, "everything"), VALID, BAD);
        get(all, cdts(patient, "everything")).statusCode(200).body("totalElements", equalTo(1));
    }

    @Test
    void theV1FaceChecksADefinedTypeAtBodyPathsAndLeavesAnUndefinedOneFree() {
        define("everything", "multiple", EVERY_TYPE);
        String patient = TestApi.createPatient(all);
        for (BadInput bad : BAD) {
            String body = "{\"user_id\": \"" + patient + "\", \"type_name\": \"everything\", \"body\": "
                    + with(VALID, bad.field(), bad.value()) + "}";
            post(all, "/v1/custom_data_type_records", body).statusCode(400)
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].code", equalTo(bad.code()))
                    .body("errors[0].extra.path", equalTo(".body" + bad.path()));
        }
        String id = post(all, "/v1/custom_data_type_records", "{\"user_id\": \"" + patient
                + "\", \"type_name\": \"everything\", \"body\": " + VALID + "}").statusCode(200)
                .body("data.version", equalTo(1)).extract().path("data.id");
        assertEquals(TestEvents.json(STORED),
                TestEvents.json(get(all, "/v1/custom_data_type_records/" + id).extract().asString()).get("data").get("body"));
        // The same record on the core face.
        get(all, cdts(patient, "everything") + "/" + id).statusCode(200).body("version", equalTo(1))
                .body("fields.p", equalTo("555-555-1234"));
        // A v1 Update of a defined type's body is checked too, and changes nothing when refused.
        put(all, "/v1/custom_data_type_records/" + id, "{\"body\": " + with(VALID, "i", 99) + "}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".body.i"));
        get(all, "/v1/custom_data_type_records/" + id).statusCode(200).body("data.body.i", equalTo(3));
        // A type no definition names keeps v1's free JSON, as sent, with no version.
        post(all, "/v1/custom_data_type_records", "{\"user_id\": \"" + patient
                + "\", \"type_name\": \"notes\", \"body\": {\"i\": \"anything\", \"P\": [null]}}").statusCode(200)
                .body("data.version", nullValue()).body("data.body.i", equalTo("anything"));
        get(all, "/v1/" + tenant + "/patients/" + patient + "/cdts/notes").statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
        // Records made with their patient are checked the same way, at their own path.
        post(all, "/v1/patients", TestApi.grace("custom_data_type_records", List.of(Map.of("type_name", "everything",
                "body", Map.of("req", "x", "i", 11))))).statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errors[0].extra.path", equalTo(".custom_data_type_records[0].body.i"));
    }

    @Test
    void aNewVersionLeavesVersion1RecordsReadableAndChecksWhatIsWrittenAfter() {
        String type = define("vitals", "multiple", "[{\"name\": \"pulse\", \"type\": \"integer\", \"required\": true}]");
        String patient = TestApi.createPatient(all);
        String old = post(all, cdts(patient, "vitals"), "{\"pulse\": 60}").statusCode(201).extract().path("id");
        put(all, "/v1/custom_data_types/" + type, "{\"fields\": [{\"name\": \"pulse\", \"type\": \"integer\", \"required\":"
                + " true}, {\"name\": \"rhythm\", \"type\": \"select\", \"options\": [\"regular\", \"irregular\"],"
                + " \"required\": true}]}").statusCode(200).body("data.version", equalTo(2));
        get(all, cdts(patient, "vitals") + "/" + old).statusCode(200).body("version", equalTo(1))
                .body("fields", equalTo(Map.of("pulse", 60)));
        get(all, cdts(patient, "vitals")).statusCode(200).body("content.id", contains(old))
                .body("content[0].version", equalTo(1));
        get(all, "/v1/custom_data_type_records/" + old).statusCode(200).body("data.version", equalTo(1));
        post(all, cdts(patient, "vitals"), "{\"pulse\": 61}").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo(".rhythm"));
        post(all, cdts(patient, "vitals"), "{\"pulse\": 61, \"rhythm\": \"regular\"}").statusCode(201)
                .body("version", equalTo(2));
        // Written again, the old record is checked against the current version and takes it.
        patch(all, cdts(patient, "vitals") + "/" + old, "{\"pulse\": 62}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".rhythm"));
        get(all, cdts(patient, "vitals") + "/" + old).statusCode(200).body("version", equalTo(1))
                .body("fields.pulse", equalTo(60));
        patch(all, cdts(patient, "vitals") + "/" + old, "{\"rhythm\": \"irregular\"}").statusCode(200)
                .body("version", equalTo(2)).body("fields", equalTo(Map.of("pulse", 60, "rhythm", "irregular")));
    }

    @Test
    void mergePatchKeepsWhatIsLeftOutAndClearsWhatIsNull() {
        define("everything", "multiple", EVERY_TYPE);
        String patient = TestApi.createPatient(all);
        String id = post(all, cdts(patient, "everything"), VALID).statusCode(201).extract().path("id");
        String before = get(all, cdts(patient, "everything") + "/" + id).extract().path("updatedAt");
        var after = patch(all, cdts(patient, "everything") + "/" + id, "{\"t\": \"xyz\", \"ta\": null, \"p\": \"5555550000\"}")
                .statusCode(200).body("fields.t", equalTo("xyz")).body("fields.p", equalTo("555-555-0000"))
                .body("fields.i", equalTo(3)).extract();
        JsonNode fields = TestEvents.json(after.asString()).get("fields");
        assertEquals(false, fields.has("ta"), "null clears");
        assertEquals(true, TestHttp.instant(after.path("updatedAt")).isAfter(TestHttp.instant(before)));
        patch(all, cdts(patient, "everything") + "/" + id, "{\"req\": null}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".req"));
        patch(all, cdts(patient, "everything") + "/" + id, "{\"i\": 11, \"zzz\": 1}").statusCode(400)
                .body("errors.extra.path", contains(".i", ".zzz"));
        get(all, cdts(patient, "everything") + "/" + id).statusCode(200).body("fields.i", equalTo(3))
                .body("fields.t", equalTo("xyz"));
    }

    @Test
    void aSingleTypeHoldsOneRecordPerPatientEvenUnderConcurrentCreates() throws Exception {
        define("insurance", "single", "[{\"name\": \"member_id\", \"type\": \"text\", \"required\": true}]");
        String grace = TestApi.createPatient(all);
        String ada = TestApi.createPatient(all);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = "{\"member_id\": \"M" + i + "\"}";
                tries.add(pool.submit(() -> given().auth().oauth2(all).contentType("application/json").body(body)
                        .post(cdts(grace, "insurance")).then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> t : tries) {
                statuses.add(t.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        get(all, cdts(grace, "insurance")).statusCode(200).body("totalElements", equalTo(1));
        post(all, cdts(grace, "insurance"), "{\"member_id\": \"M9\"}").statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception"));
        post(all, "/v1/custom_data_type_records", "{\"user_id\": \"" + grace
                + "\", \"type_name\": \"insurance\", \"body\": {\"member_id\": \"M9\"}}").statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception"))
                .body("errors[0].extra.path", equalTo(".type_name"));
        // Another patient may have one; and once deleted, the patient may have a new one.
        post(all, cdts(ada, "insurance"), "{\"member_id\": \"A1\"}").statusCode(201);
        String only = get(all, cdts(grace, "insurance")).extract().path("content[0].id");
        delete(all, cdts(grace, "insurance") + "/" + only).statusCode(204);
        post(all, cdts(grace, "insurance"), "{\"member_id\": \"M10\"}").statusCode(201);
    }

    @Test
    void deleteIsSoftAndSeenOnBothFaces() {
        define("vitals", "multiple", "[{\"name\": \"pulse\", \"type\": \"integer\"}]");
        String patient = TestApi.createPatient(all);
        String id = post(all, cdts(patient, "vitals"), "{\"pulse\": 60}").statusCode(201).extract().path("id");
        delete(all, cdts(patient, "vitals") + "/" + id).statusCode(204);
        get(all, cdts(patient, "vitals") + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        delete(all, cdts(patient, "vitals") + "/" + id).statusCode(404);
        patch(all, cdts(patient, "vitals") + "/" + id, "{\"pulse\": 61}").statusCode(404);
        get(all, cdts(patient, "vitals")).statusCode(200).body("totalElements", equalTo(0));
        get(all, "/v1/custom_data_type_records/" + id).statusCode(404);
        get(all, "/v1/custom_data_type_records?user_id=" + patient).statusCode(200).body("data.size()", equalTo(0));
        get(all, "/v1/custom_data_type_records?include_deleted=true&user_id=" + patient).statusCode(200)
                .body("data.id", contains(id)).body("data[0].deleted", equalTo(true));
    }

    @Test
    void unknownPatientsTypesAndRecordsAndOtherPathsAre404() {
        define("vitals", "multiple", "[{\"name\": \"pulse\", \"type\": \"integer\"}]");
        define("allergies", "multiple", "[{\"name\": \"substance\", \"type\": \"text\"}]");
        String grace = TestApi.createPatient(all);
        String ada = TestApi.createPatient(all);
        String id = post(all, cdts(grace, "vitals"), "{\"pulse\": 60}").statusCode(201).extract().path("id");
        for (String path : List.of(cdts(grace, "no_such_type"), cdts(UUID.randomUUID().toString(), "vitals"),
                cdts("not-a-guid", "vitals"))) {
            get(all, path).statusCode(404).body("errors[0].code", equalTo("not_found"));
            post(all, path, "{\"pulse\": 1}").statusCode(404).body("errors[0].code", equalTo("not_found"));
        }
        for (String path : List.of(cdts(ada, "vitals") + "/" + id, cdts(grace, "allergies") + "/" + id,
                cdts(grace, "vitals") + "/" + UUID.randomUUID())) {
            get(all, path).statusCode(404).body("errors[0].code", equalTo("not_found"));
            patch(all, path, "{\"pulse\": 1}").statusCode(404);
            delete(all, path).statusCode(404);
        }
        String stranger = TestTokens.token(TestHttp.newTenant("stranger"), "all");
        get(stranger, cdts(grace, "vitals") + "/" + id).statusCode(404);
        get(all, cdts(grace, "vitals") + "/" + id).statusCode(200).body("fields.pulse", equalTo(60));
        // A definition is the tenant's: a sandbox patient's records use it too, and live does not see them.
        String sandbox = TestTokens.inEnvironment(tenant, "sandbox", "all");
        String sandboxPatient = TestApi.createPatient(sandbox);
        post(sandbox, cdts(sandboxPatient, "vitals"), "{\"pulse\": 70}").statusCode(201).body("version", equalTo(1));
        get(all, cdts(sandboxPatient, "vitals")).statusCode(404);
        get(all, cdts(sandboxPatient, "vitals") + "?environment=sandbox").statusCode(403);
    }

    @Test
    void readAndWriteScopesGovernTheCoreFace() {
        define("vitals", "multiple", "[{\"name\": \"pulse\", \"type\": \"integer\"}]");
        String patient = TestApi.createPatient(all);
        String writer = TestTokens.token(tenant, "custom_data_type_records.write");
        String reader = TestTokens.token(tenant, "custom_data_type_records.read");
        String id = post(writer, cdts(patient, "vitals"), "{\"pulse\": 60}").statusCode(201)
                .body("keySet()", contains("id")).extract().path("id");
        get(writer, cdts(patient, "vitals") + "/" + id).statusCode(403);
        post(reader, cdts(patient, "vitals"), "{\"pulse\": 60}").statusCode(403);
        get(reader, cdts(patient, "vitals") + "/" + id).statusCode(200).body("fields.pulse", equalTo(60));
    }
    /**
     * API-CORE.md §C9: a {@code cdt:<name>} rule governs that type's records on the core face, field by field of the type
     * (the record's id, patient, type, version and times come with leave to read it); the v1 collection's rule does not
     * reach them there.
     */
    @Test
    void aCdtRuleGovernsItsTypesRecordsOnTheCoreFaceFieldByField() throws Exception {
        define("vitals", "multiple", "[{\"name\": \"pulse\", \"type\": \"integer\"}, {\"name\": \"rhythm\","
                + " \"type\": \"select\", \"options\": [\"regular\", \"irregular\"]}, {\"name\": \"note\", \"type\": \"text\"}]");
        String patient = TestApi.createPatient(all);
        TestOwners.roles(tenant, TestHttp.JSON.writeValueAsString(Map.of(
                "nurse", List.of(Map.of("resource", "cdt:vitals", "operations", Map.of("read", List.of("pulse"),
                        "read_masked", List.of("rhythm"), "create", List.of("pulse", "rhythm"), "update", List.of("pulse")))),
                "clinician", List.of(Map.of("resource", "cdt:vitals", "operations", Map.of("read", List.of("*"),
                        "create", List.of("*"), "update", List.of("*"), "delete", true))),
                "records_only", List.of(Map.of("resource", "custom_data_type_records", "operations",
                        Map.of("read", List.of("*")))))));
        String nurse = TestTokens.withRoles(tenant, "all", "nurse");
        String clinician = TestTokens.withRoles(tenant, "all", "clinician");
        String vitals = cdts(patient, "vitals");

        String id = post(clinician, vitals, "{\"pulse\": 60, \"rhythm\": \"regular\", \"note\": \"at rest\"}")
                .statusCode(201).body("fields.note", equalTo("at rest")).extract().path("id");
        get(nurse, vitals + "/" + id).statusCode(200)
                .body("id", equalTo(id)).body("patientId", equalTo(patient)).body("cdtName", equalTo("vitals"))
                .body("fields.keySet()", containsInAnyOrder("pulse", "rhythm"))
                .body("fields.pulse", equalTo(60)).body("fields.rhythm", equalTo("***"));
        get(nurse, vitals).statusCode(200).body("content[0].fields.keySet()", containsInAnyOrder("pulse", "rhythm"))
                .body("content[0].fields.rhythm", equalTo("***"));

        post(nurse, vitals, "{\"pulse\": 70, \"rhythm\": \"regular\", \"note\": \"x\"}").statusCode(403)
                .body("errors.size()", equalTo(1)).body("errors[0].extra.path", equalTo(".note"));
        get(all, vitals).statusCode(200).body("totalElements", equalTo(1));
        patch(nurse, vitals + "/" + id, "{\"rhythm\": \"irregular\"}").statusCode(403)
                .body("errors[0].code", equalTo("forbidden")).body("errors[0].extra.path", equalTo(".rhythm"));
        patch(nurse, vitals + "/" + id, "{\"pulse\": 61}").statusCode(200)
                .body("fields.pulse", equalTo(61)).body("fields.rhythm", equalTo("***")).body("fields.note", nullValue());
        get(all, vitals + "/" + id).statusCode(200).body("fields.rhythm", equalTo("regular"))
                .body("fields.note", equalTo("at rest"));
        post(nurse, vitals, "{\"pulse\": 70, \"rhythm\": \"regular\"}").statusCode(201)
                .body("fields.rhythm", equalTo("***"));

        String recordsOnly = TestTokens.withRoles(tenant, "all", "records_only");
        get(recordsOnly, vitals + "/" + id).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(recordsOnly, "/v1/custom_data_type_records/" + id).statusCode(200).body("data.id", equalTo(id));
        delete(nurse, vitals + "/" + id).statusCode(403);
        delete(clinician, vitals + "/" + id).statusCode(204);
    }
}
