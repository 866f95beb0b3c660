package io.carehub.scheduling.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.carehub.scheduling.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Workers (API.md §4): the contract of every collection ({@link CollectionContract}: admin writes, Update, emails
 * unique in a tenant), and the worker's own rules.
 */
@QuarkusTest
public class WorkerResourceTests extends CollectionContract {

    @Override
    protected String collection() {
        return "workers";
    }

    @Override
    protected String service() {
        return "scheduling-service";
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "email", "first_name", "last_name", "phone_number", "timezone", "gender", "created_at",
                "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,email,first_name,last_name,phone_number,timezone,gender,created_at,updated_at";
    }

    /** A worker of its own email: emails are unique in a tenant. */
    @Override
    protected String validBody() {
        return "{\"email\": \"" + uniqueEmail() + "\", \"first_name\": \"Grace\", \"last_name\": \"Hopper\"}";
    }

    @Override
    protected String marker() {
        return TestEvents.marker();
    }

    @Override
    protected boolean hasUpdate() {
        return true;
    }

    /** Creating and updating workers is the admin's. */
    @Override
    protected String writeScope() {
        return "admin";
    }

    /** Every field of a worker can be updated. */
    @Override
    protected List<String> createOnlyFields() {
        return List.of();
    }

    /** Copies must differ in email: one worker per email in a tenant. */
    @Override
    protected String copyChanges() {
        return "jsonb_build_object('email', x.email || '-' || i)";
    }

    static String uniqueEmail() {
        return "grace." + UUID.randomUUID() + "@example.com";
    }

    static ValidatableResponse create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/workers").then();
    }

    public static String createWorker(String token, String email) {
        return create(token, "{\"email\":\"" + email + "\",\"first_name\":\"Grace\",\"last_name\":\"Hopper\"}")
                .statusCode(200).extract().path("data.id");
    }

    @Test
    void createReturnsTheWholeWorkerWithStatus200AndLocation() {
        String email = uniqueEmail();
        create(all, """
                {"email": "%s", "first_name": "Grace", "last_name": "Hopper", "phone_number": "(555) 555-5555",
                 "timezone": "US/Pacific", "gender": "Female"}""".formatted(email))
                .statusCode(200)
                .header("Location", matchesPattern("^http://.*/v1/workers/[0-9a-f-]{36}$"))
                .body("data.id", matchesPattern(TestHttp.GUID))
                .body("data.email", equalTo(email))
                .body("data.first_name", equalTo("Grace"))
                .body("data.last_name", equalTo("Hopper"))
                .body("data.phone_number", equalTo("555-555-5555"))
                .body("data.timezone", equalTo("US/Pacific"))
                .body("data.gender", equalTo("Female"))
                .body("data.created_at", matchesPattern(TestHttp.TIMESTAMP))
                .body("data.updated_at", matchesPattern(TestHttp.TIMESTAMP));
    }

    @Test
    void everyDocumentedFieldIsPresentAndAbsentValuesAreNull() {
        String id = createWorker(all, uniqueEmail());
        given().auth().oauth2(reader).get("/v1/workers/" + id).then()
                .statusCode(200)
                .body("data.id", equalTo(id))
                .body("data", hasKey("phone_number")).body("data.phone_number", nullValue())
                .body("data", hasKey("timezone")).body("data.timezone", nullValue())
                .body("data", hasKey("gender")).body("data.gender", nullValue())
                .body("data.keySet()", containsInAnyOrder("id", "email", "first_name", "last_name", "phone_number",
                        "timezone", "gender", "created_at", "updated_at"));
    }

    @Test
    void updateKeepsFieldsLeftOutClearsNullsAndMovesUpdatedAtForward() {
        String id = createWorker(all, uniqueEmail());
        String before = given().auth().oauth2(reader).get("/v1/workers/" + id).then().extract().path("data.updated_at");
        given().auth().oauth2(all).contentType(ContentType.JSON)
                .body("{\"first_name\": \"Amazing Grace\", \"last_name\": null, \"timezone\": \"America/New_York\"}")
                .put("/v1/workers/" + id).then()
                .statusCode(200)
                .body("data.first_name", equalTo("Amazing Grace"))
                .body("data.last_name", nullValue())
                .body("data.timezone", equalTo("America/New_York"));
        var after = given().auth().oauth2(reader).get("/v1/workers/" + id).then().statusCode(200)
                .body("data.first_name", equalTo("Amazing Grace")).body("data.last_name", nullValue())
                .extract().<String>path("data.updated_at");
        assertTrue(parse(after).isAfter(parse(before)), after + " should be after " + before);
    }

    @Test
    void everyValidationErrorIsListedWithItsPathAndNothingIsStored() {
        String email = "not-an-email";
        create(all, """
                {"email": "%s", "gender": "male", "timezone": "Mars/Olympus", "phone_number": "12345",
                 "nickname": "Amazing", "first_name": 7}""".formatted(email))
                .statusCode(400)
                .body("errors.size()", equalTo(6))
                .body("errors.find { it.extra.path == '.email' }.code", equalTo("bad_request"))
                .body("errors.find { it.extra.path == '.gender' }.detail",
                        equalTo("gender must be one of Male, Female, Unknown, Other, Transgender, Decline"))
                .body("errors.find { it.extra.path == '.timezone' }.code", equalTo("bad_request"))
                .body("errors.find { it.extra.path == '.phone_number' }.code", equalTo("bad_request"))
                .body("errors.find { it.extra.path == '.nickname' }.detail", equalTo("unknown field nickname"))
                .body("errors.find { it.extra.path == '.first_name' }.code", equalTo("parse_exception"))
                .body("errors[0].title", equalTo("Bad Request"))
                .body("errors[0].status", equalTo(400));
        given().auth().oauth2(reader).get("/v1/workers").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aMissingOrNullRequiredFieldIsBadRequest() {
        create(all, "{\"first_name\": \"Grace\"}").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo(".email"))
                .body("errors[0].detail", equalTo("email is required"));
        create(all, "{\"email\": null}").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo(".email"));
    }

    @Test
    void aDuplicateEmailInTheTenantIsAUniquenessException() {
        String email = uniqueEmail();
        createWorker(all, email);
        create(all, "{\"email\": \"" + email.toUpperCase() + "\"}").statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception"))
                .body("errors[0].extra.path", equalTo(".email"));
        // Another tenant may use the same email.
        createWorker(TestTokens.token("other-" + tenant, "admin"), email);
    }

    @Test
    void creatingAWorkerNeedsAdmin() {
        create(TestTokens.token(tenant, "all"), "{\"email\": \"" + uniqueEmail() + "\"}").statusCode(403)
                .body("errors[0].code", equalTo("forbidden"));
    }

    @Test
    void aTokenWithoutTheReadScopeIsForbidden() {
        given().auth().oauth2(TestTokens.token(tenant, "patients.read")).get("/v1/workers").then().statusCode(403)
                .body("errors[0].code", equalTo("forbidden")).body("errors[0].status", equalTo(403));
    }

    @Test
    void missingAndBrokenTokensAre401WithWwwAuthenticate() {
        for (var request : new io.restassured.specification.RequestSpecification[] {
                given(),
                given().header("Authorization", "Bearer not.a.jwt"),
                given().header("Authorization", "Basic dXNlcjpwYXNz"),
                given().auth().oauth2(TestTokens.expired(tenant, "all")),
                given().auth().oauth2(TestTokens.otherKey(tenant, "all")),
                given().auth().oauth2(TestTokens.tampered(tenant, "all", "victim")),
                given().auth().oauth2(TestTokens.algNone(tenant, "all")) }) {
            request.get("/v1/workers").then()
                    .statusCode(401)
                    .header("WWW-Authenticate", equalTo("Bearer"))
                    .body("errors[0].code", equalTo("unauthorized"))
                    .body("errors[0].status", equalTo(401));
        }
    }

    @Test
    void anUnknownRouteIsNotFoundInTheErrorsBody() {
        given().auth().oauth2(reader).get("/v1/nothing-here").then().statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
    }

    @Test
    void exportStreamsTheTenantsWorkersAsCsv() {
        String id = create(all, "{\"email\": \"ada,lovelace@example.com\", \"first_name\": \"Ada \\\"Countess\\\"\"}")
                .statusCode(200).extract().path("data.id");
        createWorker(TestTokens.token("other-" + tenant, "admin"), uniqueEmail());
        String csv = given().auth().oauth2(reader).get("/v1/exports/workers").then()
                .statusCode(200)
                .header("Content-Type", equalToIgnoringCase("text/csv;charset=UTF-8"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("id,email,first_name,last_name,phone_number,timezone,gender,created_at,updated_at", lines[0]);
        assertEquals(2, lines.length, csv);
        assertTrue(lines[1].startsWith(id + ",\"ada,lovelace@example.com\",\"Ada \"\"Countess\"\"\",,,,,"), lines[1]);
        assertTrue(lines[1].matches(".*,\\d{4}-\\d{2}-\\d{2}T[0-9:.]+\\+00:00$"), lines[1]);
    }

    static Instant parse(String ts) {
        return java.time.OffsetDateTime.parse(ts).toInstant();
    }
}
