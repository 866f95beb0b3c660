package io.carehub.patients.patient;

import static io.carehub.commons.testing.TestHttp.GUID;
import static io.carehub.commons.testing.TestHttp.TIMESTAMP;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.RoleMatrix;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestApi;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Patients on the core face (API-CORE.md §C1, §C3, §C4, §C5): the tenant in the path, the environment parameter,
 * camelCase bodies and errors, 201 with Location, JSON merge patch, page/size lists with totals, filters and sort, and
 * the same patients as the v1 face, field for field.
 */
@QuarkusTest
class PatientCoreResourceTests {

    static final List<String> FIELDS = List.of("id", "externalId", "firstName", "lastName", "birthDate", "phase", "coachId",
            "timezone", "street", "streetLineTwo", "city", "county", "zipCode", "state", "country", "createdAt", "updatedAt");

    static final String ADA = """
            {"externalId": "MRN-0042", "firstName": "Ada", "lastName": "Lovelace", "birthDate": "1815-12-10",
             "phase": "intake", "timezone": "Europe/London", "street": "12 St James's Square", "streetLineTwo": "Flat 1",
             "city": "London", "county": "Westminster", "zipCode": "10001", "state": "NY", "country": "GB"}""";

    final String tenant = TestHttp.newTenant("core");
    final String all = TestTokens.inEnvironment(tenant, "live", "all");
    final String path = "/v1/" + tenant + "/patients";

    /** As a client sends a merge patch: {@code Content-Type: application/merge-patch+json}, no charset (JSON is UTF-8). */
    static ValidatableResponse patch(String token, String path, String body) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(token).contentType("application/merge-patch+json")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).patch(path).then();
    }

    @Test
    void createAnswers201WithLocationAndTheBarePatientInCamelCaseAndGetAnswersTheSame() {
        var created = post(all, path, ADA).statusCode(201)
                .header("Location", matchesPattern("^http://.*" + path + "/[0-9a-f-]{36}$"))
                .body("id", matchesPattern(GUID)).body("createdAt", matchesPattern(TIMESTAMP))
                .body("externalId", equalTo("MRN-0042")).body("birthDate", equalTo("1815-12-10"))
                .body("streetLineTwo", equalTo("Flat 1")).body("coachId", nullValue())
                .extract();
        JsonNode body = TestHttp.JSON.valueToTree(created.jsonPath().getMap("$"));
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        assertEquals(FIELDS, names);
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(path + "/" + id));
        assertEquals(created.asString(), get(all, path + "/" + id).statusCode(200).extract().asString());
    }

    /** API-CORE.md §C9's matrix for patients, on both faces (patients are outside CollectionContract). */
    @Test
    void rolesGovernEachOperationAndFieldOfPatientsOnBothFaces() throws Exception {
        String roles = TestHttp.newTenant("patient-roles");
        String allOfIt = TestTokens.token(roles, "all admin");
        RoleMatrix.of(roles, "patients", "patients-service", PatientResourceTests.FIELDS,
                String.join(",", PatientFields.COLUMNS), () -> TestApi.createPatient(allOfIt))
                .writes(() -> TestApi.GRACE, List.of(), true, false, TestEvents::marker)
                .coreFace(id -> "/v1/" + roles + "/patients/" + id, id -> "/v1/" + roles + "/patients")
                .check();
    }

    /**
     * On the core face a rule names a field by its camelCase name or its v1 name alike; a Create or a merge patch naming
     * one the roles may not write is {@code 403} at its camelCase path and changes nothing.
     */
    @Test
    void theCoreFaceRefusesAFieldTheRolesMayNotWriteAtItsCamelCasePath() throws Exception {
        // birthDate by its v1 name (birthday), first_name by its snake_case, the rest as the core face names them.
        List<String> writable = List.of("externalId", "first_name", "lastName", "birthday", "phase", "timezone", "street",
                "streetLineTwo", "city", "zipCode", "state", "country");
        TestOwners.roles(tenant, TestHttp.JSON.writeValueAsString(Map.of("clerk", List.of(Map.of("resource", "patients",
                "operations", Map.of("read", List.of("*"), "create", writable, "update", writable))))));
        String clerk = TestTokens.withRoles(tenant, "all", "clerk");
        post(clerk, path, ADA).statusCode(403)
                .body("errors.size()", equalTo(1))
                .body("errors[0].code", equalTo("forbidden"))
                .body("errors[0].extra.path", equalTo(".county"));
        get(all, path).statusCode(200).body("totalElements", equalTo(0));

        String id = post(clerk, path, TestHttp.with(ADA, "county", TestHttp.ABSENT)).statusCode(201)
                .body("firstName", equalTo("Ada")).body("county", nullValue()).extract().path("id");
        patch(clerk, path + "/" + id, "{\"county\": \"Kent\", \"city\": \"Paris\"}").statusCode(403)
                .body("errors.size()", equalTo(1)).body("errors[0].extra.path", equalTo(".county"));
        get(all, path + "/" + id).statusCode(200).body("city", equalTo("London")).body("county", nullValue());
        patch(clerk, path + "/" + id, "{\"city\": \"Paris\", \"birthDate\": \"1815-12-11\"}").statusCode(200)
                .body("city", equalTo("Paris")).body("birthDate", equalTo("1815-12-11"));
    }

    @Test
    void aPatientMadeOnOneFaceReadsTheSameOnTheOtherFieldForField() {
        String coach = TestOwners.create("workers", tenant).toString();
        JsonPath core = post(all, path, TestHttp.with(ADA, "coachId", coach)).statusCode(201).extract().jsonPath();
        JsonPath v1 = get(all, "/v1/patients/" + core.getString("id")).statusCode(200).extract().jsonPath();
        Map<String, String> v1Names = PatientFields.CORE_NAMES;
        for (var name : v1Names.entrySet()) {
            assertEquals(core.getString(name.getValue()), v1.getString("data." + name.getKey()), name.toString());
        }
        for (String stamp : List.of("id", "createdAt", "updatedAt")) {
            assertEquals(core.getString(stamp), v1.getString("data." + stamp.replace("At", "_at")), stamp);
        }

        String v1Id = post(all, "/v1/patients", TestApi.grace("external_id", "MRN-7", "coach_id", coach)).statusCode(200)
                .extract().path("data.id");
        JsonPath fromV1 = get(all, "/v1/patients/" + v1Id).extract().jsonPath();
        JsonPath onCore = get(all, path + "/" + v1Id).statusCode(200).extract().jsonPath();
        for (var name : v1Names.entrySet()) {
            assertEquals(fromV1.getString("data." + name.getKey()), onCore.getString(name.getValue()), name.toString());
        }
        assertEquals("MRN-7", onCore.getString("externalId"));
    }

    @Test
    void anotherTenantInThePathIsNotFoundAndAnEnvironmentNotGrantedIsForbidden() {
        String id = post(all, path, ADA).statusCode(201).extract().path("id");
        String other = "/v1/" + TestHttp.newTenant("other") + "/patients";
        get(all, other).statusCode(404).body("errors[0].code", equalTo("not_found"));
        get(all, other + "/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        post(all, other, ADA).statusCode(404).body("errors[0].code", equalTo("not_found"));
        patch(all, other + "/" + id, "{\"phase\": \"enrolled\"}").statusCode(404).body("errors[0].code", equalTo("not_found"));

        String liveOnly = TestTokens.token(tenant, "all");
        get(liveOnly, path + "?environment=sandbox").statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(liveOnly, path + "/" + id + "?environment=sandbox").statusCode(403).body("errors[0].code", equalTo("forbidden"));
        post(liveOnly, path + "?environment=sandbox", ADA).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(liveOnly, path + "/" + id + "?environment=live").statusCode(200).body("id", equalTo(id));
        get(all, path + "/" + id).statusCode(200);
        get(all, path + "/" + id + "?environment=sandbox").statusCode(404).body("errors[0].code", equalTo("not_found"));
    }

    @Test
    void theEnvironmentParameterWritesAndReadsThatEnvironment() {
        String sandboxId = post(all, path + "?environment=sandbox", TestHttp.with(ADA, "externalId", "MRN-S"))
                .statusCode(201).header("Location", matchesPattern(".*" + path + "/[0-9a-f-]{36}$")).extract().path("id");
        get(all, path + "/" + sandboxId + "?environment=sandbox").statusCode(200).body("externalId", equalTo("MRN-S"));
        get(all, path + "/" + sandboxId).statusCode(404);
        get(all, "/v1/patients/" + sandboxId).statusCode(404);
        get(TestTokens.inEnvironment(tenant, "sandbox", "all"), "/v1/patients/" + sandboxId).statusCode(200);
        get(all, path + "?environment=sandbox").statusCode(200).body("totalElements", equalTo(1))
                .body("content.id", contains(sandboxId));
        get(all, path).statusCode(200).body("totalElements", equalTo(0));
    }

    @Test
    void pageAndSizeListsCountTotalsAndKeepTheirBounds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            ids.add(post(all, path, TestHttp.with(ADA, "externalId", "MRN-" + i, "lastName", "L" + (100 + (i * 7) % 45)))
                    .statusCode(201).extract().path("id"));
        }
        get(all, path).statusCode(200).body("page", equalTo(0)).body("size", equalTo(20))
                .body("totalElements", equalTo(45)).body("totalPages", equalTo(3))
                .body("first", equalTo(true)).body("last", equalTo(false))
                .body("content.size()", equalTo(20)).body("content.id", equalTo(ids.subList(0, 20)));
        get(all, path + "?page=2&size=20").statusCode(200).body("content.id", equalTo(ids.subList(40, 45)))
                .body("first", equalTo(false)).body("last", equalTo(true));
        get(all, path + "?page=3&size=20").statusCode(200).body("content.size()", equalTo(0)).body("last", equalTo(true));
        get(all, path + "?size=1000").statusCode(200).body("content.size()", equalTo(45)).body("totalPages", equalTo(1))
                .body("first", equalTo(true)).body("last", equalTo(true));

        List<String> byName = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            byName.addAll(get(all, path + "?sort=lastName,desc&size=10&page=" + page).statusCode(200).extract()
                    .jsonPath().getList("content.lastName"));
        }
        assertEquals(45, byName.size());
        List<String> sorted = new ArrayList<>(byName);
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted, byName);
        get(all, path + "?sort=updatedAt,desc&size=1").statusCode(200).body("content.id", contains(ids.get(44)));
        get(all, path + "?sort=createdAt").statusCode(200).body("content[0].id", equalTo(ids.get(0)));

        for (String bad : List.of("size=0", "size=1001", "size=ten", "page=-1", "page=x", "sort=height",
                "sort=lastName,up", "sort=lastName,asc,again", "color=red", "size=5&size=6")) {
            String param = bad.substring(0, bad.indexOf('='));
            get(all, path + "?" + bad).statusCode(400).body("errors[0].code", equalTo("bad_request"))
                    .body("errors[0].extra.path", equalTo(param));
        }
    }

    @Test
    void listFiltersByExternalIdCoachIdAndPhase() {
        String coach = TestOwners.create("workers", tenant).toString();
        String a = post(all, path, TestHttp.with(ADA, "externalId", "A-1", "coachId", coach)).statusCode(201).extract().path("id");
        String b = post(all, path, TestHttp.with(ADA, "externalId", "B-1", "phase", "enrolled")).statusCode(201).extract().path("id");
        get(all, path + "?externalId=A-1").statusCode(200).body("content.id", contains(a)).body("totalElements", equalTo(1));
        get(all, path + "?coachId=" + coach).statusCode(200).body("content.id", contains(a));
        get(all, path + "?phase=enrolled").statusCode(200).body("content.id", contains(b));
        get(all, path + "?coachId=not-a-guid").statusCode(400).body("errors[0].extra.path", equalTo("coachId"));
    }

    @Test
    void mergePatchChangesWhatItNamesAndNullClearsIt() {
        String id = post(all, path, ADA).statusCode(201).extract().path("id");
        String before = get(all, path + "/" + id).extract().path("updatedAt");
        patch(all, path + "/" + id, "{\"firstName\": \"Augusta\", \"streetLineTwo\": null, \"externalId\": null}")
                .statusCode(200).body("firstName", equalTo("Augusta")).body("streetLineTwo", nullValue())
                .body("externalId", nullValue()).body("lastName", equalTo("Lovelace"));
        String after = get(all, path + "/" + id).statusCode(200).body("firstName", equalTo("Augusta")).extract().path("updatedAt");
        assertTrue(after.compareTo(before) > 0);
        given().auth().oauth2(all).contentType(ContentType.JSON).body("{\"phase\": \"enrolled\"}").patch(path + "/" + id)
                .then().statusCode(200).body("phase", equalTo("enrolled"));
        get(all, "/v1/patients/" + id).statusCode(200).body("data.first_name", equalTo("Augusta"))
                .body("data.phase", equalTo("enrolled")).body("data.external_id", nullValue());
        patch(all, path + "/" + UUID.randomUUID(), "{}").statusCode(404).body("errors[0].code", equalTo("not_found"));
    }

    @Test
    void errorsNameTheCamelCaseField() {
        post(all, path, TestHttp.with(ADA, "birthDate", "1815-13-45", "firstName", TestHttp.ABSENT, "first_name", "Ada"))
                .statusCode(400).body("errors.size()", equalTo(3))
                .body("errors.extra.path", org.hamcrest.Matchers.containsInAnyOrder(".birthDate", ".firstName", ".first_name"))
                .body("errors.code", org.hamcrest.Matchers.everyItem(equalTo("bad_request")));
        String id = post(all, path, ADA).statusCode(201).extract().path("id");
        patch(all, path + "/" + id, "{\"lastName\": null}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".lastName")).body("errors[0].detail", equalTo("lastName is required and cannot be cleared"));
        patch(all, path + "/" + id, "{\"coachId\": \"" + UUID.randomUUID() + "\"}").statusCode(404)
                .body("errors[0].code", equalTo("resource_not_found")).body("errors[0].extra.path", equalTo(".coachId"));
    }

    @Test
    void externalIdIsUniqueWithinTheTenantAndEnvironment() {
        post(all, path, TestHttp.with(ADA, "externalId", "MRN-U")).statusCode(201);
        post(all, path, TestHttp.with(ADA, "externalId", "MRN-U")).statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception")).body("errors[0].extra.path", equalTo(".externalId"));
        post(all, "/v1/patients", TestApi.grace("external_id", "MRN-U")).statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception")).body("errors[0].extra.path", equalTo(".external_id"));
        String other = post(all, path, TestHttp.with(ADA, "externalId", "MRN-V")).statusCode(201).extract().path("id");
        patch(all, path + "/" + other, "{\"externalId\": \"MRN-U\"}").statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception"));
        put(all, "/v1/patients/" + other, "{\"external_id\": \"MRN-U\"}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".external_id"));
        post(all, path + "?environment=sandbox", TestHttp.with(ADA, "externalId", "MRN-U")).statusCode(201);
        post(all, "/v1/" + TestHttp.newTenant("elsewhere") + "/patients", ADA).statusCode(404);
    }

    @Test
    void aWriteOnlyTokenGetsTheIdAloneAndAReadOnlyOneCannotWrite() {
        String writer = TestTokens.token(tenant, "patients.write");
        var created = post(writer, path, ADA).statusCode(201).extract();
        assertEquals(List.of("id"), new ArrayList<>(created.jsonPath().getMap("$").keySet()));
        post(TestTokens.token(tenant, "patients.read"), path, ADA).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(writer, path).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        given().get(path).then().statusCode(401).body("errors[0].code", equalTo("unauthorized"));
    }
}
