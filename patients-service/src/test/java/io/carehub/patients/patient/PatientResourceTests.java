package io.carehub.patients.patient;

import static io.carehub.commons.testing.TestHttp.ABSENT;
import static io.carehub.commons.testing.TestHttp.GUID;
import static io.carehub.commons.testing.TestHttp.TIMESTAMP;
import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.patients.TestApi.createPatient;
import static io.carehub.patients.TestApi.grace;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PatientResourceTests {

    static final List<String> FIELDS = List.of("id", "phase", "coach_id", "timezone", "first_name", "last_name",
            "birthday", "street", "street_line_two", "city", "county", "zip_code", "state", "country", "external_id",
            "created_at", "updated_at");

    final String tenant = TestHttp.newTenant("patients");
    final String all = TestTokens.token(tenant, "all");
    final String reader = TestTokens.token(tenant, "patients.read");

    @Test
    void createWithTheReferenceExampleReturnsThePatientWith200AndLocation() {
        var response = post(all, "/v1/patients", TestApi.GRACE)
                .statusCode(200)
                .header("Location", matchesPattern("^http://.*/v1/patients/[0-9a-f-]{36}$"))
                .body("data.keySet()", containsInAnyOrder(FIELDS.toArray()))
                .body("data.id", matchesPattern(GUID))
                .body("data.phase", equalTo("intake"))
                .body("data.coach_id", nullValue())
                .body("data.timezone", equalTo("US/Eastern"))
                .body("data.first_name", equalTo("Grace"))
                .body("data.last_name", equalTo("Hopper"))
                .body("data.birthday", equalTo("1906-12-09"))
                .body("data.street", equalTo("1 Main St"))
                .body("data.street_line_two", equalTo("Apt 2"))
                .body("data.city", equalTo("New York"))
                .body("data.county", equalTo("New York"))
                .body("data.zip_code", equalTo("10001"))
                .body("data.state", equalTo("NY"))
                .body("data.country", equalTo("US"))
                .body("data.created_at", matchesPattern(TIMESTAMP))
                .body("data.updated_at", matchesPattern(TIMESTAMP))
                .extract();
        String id = response.path("data.id");
        assertEquals(response.<String>path("data.created_at"), response.<String>path("data.updated_at"));
        assertTrue(response.header("Location").endsWith("/v1/patients/" + id));
    }

    @Test
    void getReturnsEveryFieldAndAbsentOptionalFieldsAreNull() {
        String id = createPatient(all, grace("street", ABSENT, "street_line_two", ABSENT, "city", ABSENT,
                "county", ABSENT, "zip_code", ABSENT, "state", ABSENT, "country", ABSENT));
        get(reader, "/v1/patients/" + id).statusCode(200)
                .body("data.keySet()", containsInAnyOrder(FIELDS.toArray()))
                .body("data.id", equalTo(id))
                .body("data.first_name", equalTo("Grace"))
                .body("data.birthday", equalTo("1906-12-09"))
                .body("data.coach_id", nullValue())
                .body("data.street", nullValue())
                .body("data.street_line_two", nullValue())
                .body("data.city", nullValue())
                .body("data.county", nullValue())
                .body("data.zip_code", nullValue())
                .body("data.state", nullValue())
                .body("data.country", nullValue());
    }

    @Test
    void updateKeepsFieldsLeftOutClearsNullsAndMovesUpdatedAtForward() {
        String id = createPatient(all);
        String before = get(reader, "/v1/patients/" + id).extract().path("data.updated_at");
        String created = get(reader, "/v1/patients/" + id).extract().path("data.created_at");
        put(all, "/v1/patients/" + id, """
                {"phase": "enrolled", "street_line_two": null, "timezone": "US/Pacific", "state": "CA", "zip_code": "94110"}""")
                .statusCode(200)
                .body("data.id", equalTo(id))
                .body("data.phase", equalTo("enrolled"))
                .body("data.street_line_two", nullValue())
                .body("data.timezone", equalTo("US/Pacific"))
                .body("data.state", equalTo("CA"))
                .body("data.zip_code", equalTo("94110"));
        String after = get(reader, "/v1/patients/" + id).statusCode(200)
                .body("data.phase", equalTo("enrolled"))
                .body("data.street_line_two", nullValue())
                .body("data.first_name", equalTo("Grace"))
                .body("data.last_name", equalTo("Hopper"))
                .body("data.birthday", equalTo("1906-12-09"))
                .body("data.street", equalTo("1 Main St"))
                .body("data.city", equalTo("New York"))
                .body("data.country", equalTo("US"))
                .body("data.created_at", equalTo(created))
                .extract().path("data.updated_at");
        assertTrue(TestHttp.instant(after).isAfter(TestHttp.instant(before)), after + " should be after " + before);
    }

    @Test
    void updateRefusesFieldsThatAreNotUpdatableAndChangesNothing() {
        String id = createPatient(all);
        String before = get(reader, "/v1/patients/" + id).extract().asString();
        put(all, "/v1/patients/" + id, """
                {"id": "%s", "created_at": "2020-01-01T00:00:00Z", "updated_at": "2020-01-01T00:00:00Z",
                 "email": "grace@example.com", "phone_numbers": [], "first_name": "Ada"}""".formatted(UUID.randomUUID()))
                .statusCode(400)
                .body("errors.size()", equalTo(5))
                .body("errors.code", everyItemIs("bad_request"))
                .body("errors.extra.path", containsInAnyOrder(".id", ".created_at", ".updated_at", ".email", ".phone_numbers"))
                .body("errors.find { it.extra.path == '.email' }.detail", equalTo("email cannot be updated"));
        assertEquals(before, get(reader, "/v1/patients/" + id).extract().asString());
    }

    @Test
    void updateCannotClearARequiredField() {
        String id = createPatient(all);
        put(all, "/v1/patients/" + id, "{\"birthday\": null}").statusCode(400)
                .body("errors[0].code", equalTo("bad_request"))
                .body("errors[0].extra.path", equalTo(".birthday"));
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        get(reader, "/v1/patients/" + UUID.randomUUID()).statusCode(404)
                .body("errors[0].code", equalTo("not_found")).body("errors[0].status", equalTo(404));
        get(reader, "/v1/patients/not-a-guid").statusCode(404).body("errors[0].code", equalTo("not_found"));
        put(all, "/v1/patients/" + UUID.randomUUID(), "{\"phase\": \"x\"}").statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
    }

    @Test
    void everyValidationErrorIsListedWithItsPathAndNothingIsStored() {
        post(all, "/v1/patients", """
                {"phase": 7, "first_name": "Grace", "birthday": "2019-02-30", "timezone": "Mars/Olympus",
                 "state": "XX", "zip_code": "1234", "coach_id": "abc", "nickname": "Amazing"}""")
                .statusCode(400)
                .body("errors.size()", equalTo(8))
                .body("errors.find { it.extra.path == '.phase' }.code", equalTo("parse_exception"))
                .body("errors.find { it.extra.path == '.last_name' }.detail", equalTo("last_name is required"))
                .body("errors.find { it.extra.path == '.birthday' }.detail",
                        equalTo("birthday must be an ISO date, e.g. 1906-12-09"))
                .body("errors.find { it.extra.path == '.timezone' }.code", equalTo("bad_request"))
                .body("errors.find { it.extra.path == '.state' }.code", equalTo("bad_request"))
                .body("errors.find { it.extra.path == '.zip_code' }.code", equalTo("bad_request"))
                .body("errors.find { it.extra.path == '.coach_id' }.code", equalTo("bad_request"))
                .body("errors.find { it.extra.path == '.nickname' }.detail", equalTo("unknown field nickname"))
                .body("errors[0].status", equalTo(400))
                .body("errors[0].title", equalTo("Bad Request"));
        get(reader, "/v1/patients").statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void eachRuleAloneIsAnsweredWithItsCodeAndPath() {
        TestHttp.assertEachRefused(all, "/v1/patients", grace(), List.of(
                new BadInput("birthday", "2019-02-30", "bad_request", ".birthday"),
                new BadInput("birthday", "12/09/1906", "bad_request", ".birthday"),
                new BadInput("birthday", 19061209, "parse_exception", ".birthday"),
                new BadInput("timezone", "Eastern", "bad_request", ".timezone"),
                new BadInput("state", "New York", "bad_request", ".state"),
                new BadInput("state", "ny", "bad_request", ".state"),
                new BadInput("zip_code", "1000", "bad_request", ".zip_code"),
                new BadInput("zip_code", "10001-1234", "bad_request", ".zip_code"),
                new BadInput("zip_code", 10001, "parse_exception", ".zip_code"),
                new BadInput("first_name", "", "bad_request", ".first_name"),
                new BadInput("first_name", null, "bad_request", ".first_name"),
                new BadInput("last_name", ABSENT, "bad_request", ".last_name"),
                new BadInput("phase", List.of("intake"), "parse_exception", ".phase"),
                new BadInput("coach_id", "0d5de756-cdda-4cc0-9cae", "bad_request", ".coach_id"),
                new BadInput("coach_id", true, "parse_exception", ".coach_id"),
                new BadInput("email", "grace.example.com", "bad_request", ".email"),
                new BadInput("email", "grace@@example.com", "bad_request", ".email"),
                new BadInput("phone", "555-5555", "bad_request", ".phone"),
                new BadInput("phone", "+1 555 555 5555", "bad_request", ".phone"),
                new BadInput("phone_numbers", Map.of("phone_number", "555-555-5555"), "parse_exception", ".phone_numbers"),
                new BadInput("external_ids", List.of("x"), "parse_exception", ".external_ids[0]"),
                new BadInput("custom_data_type_records", List.of(Map.of("type_name", "x", "body", List.of())),
                        "parse_exception", ".custom_data_type_records[0].body")));
        get(reader, "/v1/patients").statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void bodiesThatAreNotJsonObjectsAreParseExceptions() {
        for (String bad : List.of("{\"phase\": ", "[" + TestApi.GRACE + "]", "", "\"Grace\"", "null",
                "{\"phase\": \"a\", \"phase\": \"b\"}")) {
            String code = post(all, "/v1/patients", bad).statusCode(400).extract().path("errors[0].code");
            assertEquals("parse_exception", code, bad);
        }
    }

    @Test
    void aBodyThatIsNotJsonIs415AndAnOversizedBodyIs413() {
        given().auth().oauth2(all).contentType(ContentType.XML).body("<patient/>").post("/v1/patients").then()
                .statusCode(415).body("errors[0].code", equalTo("unsupported_media_type"));
        given().auth().oauth2(all).contentType(ContentType.TEXT).body(TestApi.GRACE).post("/v1/patients").then()
                .statusCode(415).body("errors[0].code", equalTo("unsupported_media_type"));
        post(all, "/v1/patients", grace("street", "x".repeat(1024 * 1024))).statusCode(413)
                .body("errors[0].code", equalTo("payload_too_large"));
        get(reader, "/v1/patients").statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void phoneNumbersAreReadInEveryFormOfTheContractAndStoredAs555_555_1234() {
        String id = createPatient(all, grace("phone", "(555) 555-5555", "phone_numbers",
                List.of(Map.of("phone_number", "5555551234", "phone_number_type", "cell"))));
        get(all, "/v1/phone_numbers?user_id=" + id).statusCode(200)
                .body("data.phone_number", containsInAnyOrder("555-555-5555", "555-555-1234"));
    }

    @Test
    void createMakesEveryRelatedRecordWithThePatientInOneRequest() {
        String id = createPatient(all, grace(
                "email", "grace@example.com",
                "phone", "555-555-5555",
                "phone_numbers", List.of(
                        Map.of("phone_number", "555-555-1234", "phone_number_type", "cell", "opted_in_to_sms", true),
                        Map.of("phone_number", "555-555-4321", "phone_number_type", "landline", "friendly_name", "home")),
                "email_addresses", List.of(Map.of("email", "admiral@example.com", "verified", true)),
                "external_ids", List.of(Map.of("namespace", "ehr", "external_id", "MRN-1906")),
                "custom_data_type_records", List.of(Map.of("type_name", "preferences",
                        "body", Map.of("language", "en", "contact", List.of("phone", "email"))))));
        get(all, "/v1/phone_numbers?user_id=" + id).statusCode(200)
                .body("data.size()", equalTo(3))
                .body("data.user_id", everyItemIs(id))
                .body("data.find { it.phone_number == '555-555-5555' }.phone_number_type", equalTo("other"))
                .body("data.find { it.phone_number == '555-555-1234' }.phone_number_type", equalTo("cell"))
                .body("data.find { it.phone_number == '555-555-1234' }.opted_in_to_sms", equalTo(true))
                .body("data.find { it.phone_number == '555-555-4321' }.friendly_name", equalTo("home"))
                .body("data.find { it.phone_number == '555-555-4321' }.opted_in_to_sms", equalTo(false));
        get(all, "/v1/email_addresses?user_id=" + id).statusCode(200)
                .body("data.email", containsInAnyOrder("grace@example.com", "admiral@example.com"))
                .body("data.find { it.email == 'admiral@example.com' }.verified", equalTo(true))
                .body("data.find { it.email == 'grace@example.com' }.verified", equalTo(false));
        get(all, "/v1/external_ids?welkin_id=" + id).statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].resource", equalTo("patients"))
                .body("data[0].namespace", equalTo("ehr"))
                .body("data[0].external_id", equalTo("MRN-1906"))
                .body("data[0].welkin_id", equalTo(id));
        get(all, "/v1/custom_data_type_records?user_id=" + id).statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].type_name", equalTo("preferences"))
                .body("data[0].body.language", equalTo("en"))
                .body("data[0].body.contact", contains("phone", "email"));
    }

    @Test
    void aBadRelatedRecordIsNamedByItsPathAndNothingIsStored() {
        post(all, "/v1/patients", grace(
                "phone_numbers", List.of(
                        Map.of("phone_number", "555-555-1234", "phone_number_type", "cell"),
                        Map.of("phone_number", "12", "phone_number_type", "mobile")),
                "email_addresses", List.of(Map.of("friendly_name", "work")),
                "external_ids", List.of(Map.of("namespace", "ehr", "external_id", "1", "resource", "workers")),
                "custom_data_type_records", List.of(Map.of("type_name", "x", "body", Map.of(), "user_id",
                        UUID.randomUUID().toString()))))
                .statusCode(400)
                .body("errors.size()", equalTo(5))
                .body("errors.extra.path", containsInAnyOrder(".phone_numbers[1].phone_number",
                        ".phone_numbers[1].phone_number_type", ".email_addresses[0].email", ".external_ids[0].resource",
                        ".custom_data_type_records[0].user_id"))
                .body("errors.find { it.extra.path == '.phone_numbers[1].phone_number_type' }.detail",
                        equalTo("phone_number_type must be one of cell, landline, other"));
        get(all, "/v1/patients").statusCode(200).body("data.size()", equalTo(0));
        get(all, "/v1/phone_numbers").statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aDuplicateExternalIdRollsBackThePatientAndEverythingMadeWithIt() {
        String first = createPatient(all, grace("external_ids", List.of(Map.of("namespace", "ehr", "external_id", "MRN-1"))));
        post(all, "/v1/patients", grace(
                "first_name", "Ada",
                "email", "ada@example.com",
                "phone_numbers", List.of(Map.of("phone_number", "555-555-1234", "phone_number_type", "cell")),
                "external_ids", List.of(Map.of("namespace", "ehr", "external_id", "MRN-2"),
                        Map.of("namespace", "ehr", "external_id", "MRN-1"))))
                .statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errors[0].code", equalTo("uniqueness_exception"))
                .body("errors[0].status", equalTo(400))
                .body("errors[0].extra.path", equalTo(".external_ids[1].external_id"));
        get(all, "/v1/patients").statusCode(200).body("data.id", contains(first));
        get(all, "/v1/phone_numbers").statusCode(200).body("data.size()", equalTo(0));
        get(all, "/v1/email_addresses").statusCode(200).body("data.size()", equalTo(0));
        get(all, "/v1/external_ids").statusCode(200).body("data.external_id", contains("MRN-1"));
        // The same external id twice in one request is a duplicate too.
        post(all, "/v1/patients", grace("external_ids", List.of(Map.of("namespace", "lab", "external_id", "L-1"),
                Map.of("namespace", "lab", "external_id", "L-1"))))
                .statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception"))
                .body("errors[0].extra.path", equalTo(".external_ids[1].external_id"));
        get(all, "/v1/patients").statusCode(200).body("data.id", contains(first));
    }

    @Test
    void relatedRecordsNeedTheWriteScopeOfTheirCollection() {
        String patientsOnly = TestTokens.token(tenant, "patients.read patients.write");
        for (var related : Map.of(
                "email", "grace@example.com",
                "phone", "555-555-5555",
                "phone_numbers", List.of(Map.of("phone_number", "555-555-1234", "phone_number_type", "cell")),
                "email_addresses", List.of(Map.of("email", "grace@example.com")),
                "external_ids", List.of(Map.of("namespace", "ehr", "external_id", "1")),
                "custom_data_type_records", List.of(Map.of("type_name", "x", "body", Map.of()))).entrySet()) {
            post(patientsOnly, "/v1/patients", grace(related.getKey(), related.getValue())).statusCode(403)
                    .body("errors[0].code", equalTo("forbidden"))
                    .body("errors[0].extra.path", equalTo("." + related.getKey()));
        }
        get(reader, "/v1/patients").statusCode(200).body("data.size()", equalTo(0));
        // Empty lists make nothing, so they need nothing; the collection's own scope is enough.
        createPatient(patientsOnly, grace("phone_numbers", List.of(), "external_ids", List.of()));
        createPatient(TestTokens.token(tenant, "patients.write phone_numbers.write"),
                grace("phone", "555-555-5555"));
    }

    @Test
    void aTokenWithOnlyTheWriteScopeGetsOnlyTheIdBack() {
        String writer = TestTokens.token(tenant, "patients.write");
        String id = post(writer, "/v1/patients", TestApi.GRACE).statusCode(200)
                .body("data.keySet()", contains("id"))
                .body("data.id", matchesPattern(GUID))
                .extract().path("data.id");
        put(writer, "/v1/patients/" + id, "{\"phase\": \"enrolled\"}").statusCode(200)
                .body("data.keySet()", contains("id"))
                .body("data.id", equalTo(id));
        get(writer, "/v1/patients/" + id).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(reader, "/v1/patients/" + id).statusCode(200).body("data.phase", equalTo("enrolled"));
    }

    @Test
    void aTokenWithoutTheScopeIsForbiddenAndNoTokenIsUnauthorized() {
        String others = TestTokens.token(tenant, "workers.read phone_numbers.write");
        get(others, "/v1/patients").statusCode(403).body("errors[0].code", equalTo("forbidden"));
        post(others, "/v1/patients", TestApi.GRACE).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        post(reader, "/v1/patients", TestApi.GRACE).statusCode(403).body("errors[0].code", equalTo("forbidden"));
        get(others, "/v1/exports/patients").statusCode(403).body("errors[0].code", equalTo("forbidden"));
        given().get("/v1/patients").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"))
                .body("errors[0].code", equalTo("unauthorized"));
        given().auth().oauth2(TestTokens.tampered(tenant, "all", "victim")).get("/v1/patients").then().statusCode(401);
        get(reader, "/v1/patients").statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void anotherTenantsPatientIsInvisibleAndUnchangeable() {
        String id = createPatient(all);
        String stranger = TestTokens.token(TestHttp.newTenant("stranger"), "all");
        get(stranger, "/v1/patients/" + id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        put(stranger, "/v1/patients/" + id, "{\"first_name\": \"Mallory\"}").statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
        get(stranger, "/v1/patients?page[size]=1000").statusCode(200).body("data.id", not(hasItem(id)));
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("page[size]", 1000))
                .post("/v1/patients/find").then().statusCode(200).body("data.id", not(hasItem(id)));
        String csv = get(stranger, "/v1/exports/patients").statusCode(200).extract().asString();
        assertTrue(!csv.contains(id), csv);
        get(reader, "/v1/patients/" + id).statusCode(200).body("data.first_name", equalTo("Grace"));
    }

    @Test
    void exportStreamsTheTenantsPatientsAsCsvInAStableColumnOrder() {
        String id = createPatient(all, grace("street", "1 Main St, \"Rear\"", "coach_id", ABSENT));
        createPatient(TestTokens.token(TestHttp.newTenant("other"), "all"));
        String csv = get(reader, "/v1/exports/patients").statusCode(200)
                .header("Content-Type", equalToIgnoringCase("text/csv;charset=UTF-8"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", PatientFields.COLUMNS), lines[0]);
        assertEquals("id,phase,coach_id,timezone,first_name,last_name,birthday,street,street_line_two,city,county,"
                + "zip_code,state,country,created_at,updated_at,external_id", lines[0]);
        assertEquals(2, lines.length, csv);
        String updatedAt = get(reader, "/v1/patients/" + id).extract().path("data.updated_at");
        String createdAt = get(reader, "/v1/patients/" + id).extract().path("data.created_at");
        assertEquals(id + ",intake,,US/Eastern,Grace,Hopper,1906-12-09,\"1 Main St, \"\"Rear\"\"\",Apt 2,New York,"
                + "New York,10001,NY,US," + createdAt + "," + updatedAt + ",", lines[1]);
    }

    static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(Object value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
