package io.carehub.patients;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.patients.TestApi.GRACE;
import static io.carehub.patients.TestApi.createPatient;
import static io.carehub.patients.TestApi.grace;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.BadInputContract;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Issue 8, items 7 and 8: input that is too big, too deep, or that the database cannot hold is refused with
 * {@code 400} and the errors body naming where it is, never a {@code 500}, and nothing of it is stored. Issue 13:
 * the same, generated for every operation of the OpenAPI document ({@link BadInputContract}).
 */
@QuarkusTest
class BadInputTests extends BadInputContract {

    static final List<String> TABLES = List.of("patients", "phone_numbers", "email_addresses", "external_ids",
            "custom_data_type_records", "integration_tasks", "custom_data_types", "programs", "patient_programs", "phase_changes");

    final String all = TestTokens.token(tenant, "all admin");

    @Override
    protected String service() {
        return "patients-service";
    }

    @Override
    protected Map<String, String> validBodies() {
        String patient = createPatient(all);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("patients", GRACE);
        bodies.put("phone_numbers", "{\"user_id\": \"" + patient + "\", \"phone_number\": \"555-555-5555\", \"phone_number_type\": \"cell\"}");
        bodies.put("email_addresses", "{\"user_id\": \"" + patient + "\", \"email\": \"grace@example.com\"}");
        bodies.put("external_ids", "{\"resource\": \"patients\", \"namespace\": \"ehr\", \"external_id\": \"MRN-"
                + UUID.randomUUID() + "\", \"welkin_id\": \"" + patient + "\"}");
        bodies.put("custom_data_type_records", "{\"user_id\": \"" + patient + "\", \"type_name\": \"preferences\", \"body\": {\"a\": 1}}");
        bodies.put("custom_data_types", "{\"name\": \"t_" + UUID.randomUUID().toString().replace("-", "_")
                + "\", \"fields\": [{\"name\": \"score\", \"type\": \"integer\", \"min\": 0}]}");
        bodies.put("programs", "{\"name\": \"p_" + UUID.randomUUID().toString().replace("-", "_")
                + "\", \"phases\": [{\"name\": \"a\", \"kind\": \"start\", \"next\": [\"b\"]},"
                + " {\"name\": \"b\", \"kind\": \"finish\"}]}");
        bodies.put("integration_tasks", "{\"status\": \"unattempted\", \"user_id\": \"" + patient
                + "\", \"ref_ids\": [\"ehr:MRN-1906\"], \"job_id\": \"job-1\", \"task_name\": \"import patient\"}");
        return bodies;
    }

    @TestHTTPResource("/")
    URI base;

    /** Exactly one error: 400, {@code code}, at {@code path}. */
    static void refused(ValidatableResponse response, String code, String path) {
        var errors = response.statusCode(400).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(1, errors.getList("errors").size(), errors.prettify());
        assertEquals(400, errors.getInt("errors[0].status"), errors.prettify());
        assertEquals(code, errors.getString("errors[0].code"), errors.prettify());
        assertEquals(path, errors.getString("errors[0].extra.path"), errors.prettify());
    }

    void nothingStored() {
        for (String table : TABLES) {
            long rows = pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE tenant = $1").execute(Tuple.of(tenant))
                    .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
            assertEquals(0, rows, table + " of " + tenant);
        }
    }

    static String phones(int n) {
        return "[" + String.join(",", Collections.nCopies(n, "{\"phone_number\": \"555-555-1234\", \"phone_number_type\": \"cell\"}"))
                + "]";
    }

    // Item 7: bounds.

    @Test
    void aPatientWithTenThousandPhoneNumbersIsRefusedAtPhoneNumbersAndNothingIsStored() {
        String body = GRACE.substring(0, GRACE.lastIndexOf('}')) + ", \"phone_numbers\": " + phones(10_000) + "}";
        refused(post(all, "/v1/patients", body), "bad_request", ".phone_numbers");
        nothingStored();
    }

    @Test
    void everyListOfAPatientCreateTakesAHundredItemsAndNotOneMore() {
        String body = GRACE.substring(0, GRACE.lastIndexOf('}')) + ", \"phone_numbers\": " + phones(100) + "}";
        String id = createPatient(all, body);
        get(all, "/v1/phone_numbers?user_id=" + id + "&page[size]=1000").statusCode(200).body("data.size()", equalTo(100));
        for (String list : new String[] { "email_addresses", "external_ids", "custom_data_type_records" }) {
            refused(post(all, "/v1/patients", grace(list, Collections.nCopies(101, Map.of()))), "bad_request", "." + list);
        }
    }

    @Test
    void aStringOverItsBoundIsRefusedAtItsPath() {
        String tooLong = "a".repeat(10_001);
        refused(post(all, "/v1/patients", grace("first_name", tooLong)), "bad_request", ".first_name");
        refused(post(all, "/v1/patients", grace("phone_numbers", List.of(Map.of("phone_number", "555-555-1234",
                "phone_number_type", "cell", "friendly_name", tooLong)))), "bad_request", ".phone_numbers[0].friendly_name");
        nothingStored();
        String id = createPatient(all, grace("first_name", "a".repeat(10_000)));
        refused(put(all, "/v1/patients/" + id, "{\"city\": \"" + tooLong + "\"}"), "bad_request", ".city");
        get(all, "/v1/patients/" + id).statusCode(200).body("data.city", equalTo("New York"));
    }

    @Test
    void integrationTasksBoundRefIdsAndErrors() {
        refused(post(all, "/v1/integration_tasks", "{\"ref_ids\": " + TestHttp.JSON.valueToTree(Collections.nCopies(101, "r"))
                + "}"), "bad_request", ".ref_ids");
        refused(post(all, "/v1/integration_tasks", "{\"errors\": " + TestHttp.JSON.valueToTree(Collections.nCopies(101,
                Map.of("code", "E1"))) + "}"), "bad_request", ".errors");
        nothingStored();
    }

    /**
     * Sent without REST Assured, whose log-on-failure filter pretty-prints every request body: 10 000 levels
     * indented would fill the test JVM's heap.
     */
    @Test
    void tenThousandLevelsOfNestingAreABadRequestNotAStackOverflow() throws Exception {
        String patient = createPatient(all);
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        for (var request : Map.of(
                "/v1/custom_data_type_records", "{\"user_id\": \"" + patient + "\", \"type_name\": \"t\", \"body\": {\"a\": " + deep + "}}",
                "/v1/patients", "{\"first_name\": " + deep + "}",
                "/v1/patients/find", "{\"page[size]\": " + deep + "}").entrySet()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(request.getKey()))
                    .header("Authorization", "Bearer " + all).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.getValue())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), request.getKey() + ": " + response.body());
            JsonPath errors = JsonPath.from(response.body());
            assertEquals(1, errors.getList("errors").size(), response.body());
            assertEquals("bad_request", errors.getString("errors[0].code"), response.body());
            assertEquals("", errors.getString("errors[0].extra.path"), response.body());
            assertEquals("the body nests objects and arrays more than 64 levels deep", errors.getString("errors[0].detail"));
        }
        get(all, "/v1/custom_data_type_records?user_id=" + patient).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void theOpenApiDocumentShowsTheBounds() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas['patients.create'].properties.phone_numbers.maxItems", equalTo(100))
                .body("components.schemas['patients.create'].properties.email_addresses.maxItems", equalTo(100))
                .body("components.schemas['patients.create'].properties.external_ids.maxItems", equalTo(100))
                .body("components.schemas['patients.create'].properties.custom_data_type_records.maxItems", equalTo(100))
                .body("components.schemas['patients.create'].properties.first_name.maxLength", equalTo(10_000))
                .body("components.schemas['patients.create'].properties.phone_numbers.items.properties.friendly_name.maxLength",
                        equalTo(10_000))
                .body("components.schemas['integration_tasks.create'].properties.ref_ids.maxItems", equalTo(100))
                .body("components.schemas['integration_tasks.create'].properties.ref_ids.items.maxLength", equalTo(10_000))
                .body("components.schemas['integration_tasks.create'].properties.errors.maxItems", equalTo(100))
                .body("components.schemas['integration_tasks.update'].properties.errors.items.properties.message.maxLength",
                        equalTo(10_000));
    }

    // Item 8: what used to be a 500.

    @Test
    void aMalformedPercentEscapeInAFormFindIsABadRequestAtTheField() throws Exception {
        createPatient(all);
        refused(given().auth().oauth2(all).contentType(ContentType.URLENC).body("page%5Bsize%5D=5%G")
                .post("/v1/patients/find").then(), "bad_request", "page[size]");
        refused(given().auth().oauth2(all).contentType(ContentType.URLENC).body("namespace=%")
                .post("/v1/external_ids/find").then(), "bad_request", "namespace");
        // In a query string (sent raw: HTTP clients refuse to send such a URL) the HTTP server itself refuses
        // the request line, before any route: 400, without the errors body.
        String inQuery = rawGet("/v1/external_ids?namespace=%zz");
        assertTrue(inQuery.startsWith("HTTP/1.1 400 "), inQuery);
    }

    /** A GET sent as the bytes given, and the whole response. */
    private String rawGet(String pathAndQuery) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + all + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNulInAJsonFieldIsABadRequestAtItAndNothingIsStored() {
        refused(post(all, "/v1/patients", grace("first_name", "Gr\u0000ace")), "bad_request", ".first_name");
        // An unpaired surrogate (sent as its JSON escape) has no UTF-8 form either: it would be stored as ?.
        refused(post(all, "/v1/patients", GRACE.replace("\"Grace\"", "\"Gr\\ud800ace\"")), "bad_request", ".first_name");
        refused(post(all, "/v1/patients", grace("phone_numbers", List.of(Map.of("phone_number", "555-555-1234",
                "phone_number_type", "cell", "friendly_name", "\u0000")))), "bad_request", ".phone_numbers[0].friendly_name");
        refused(post(all, "/v1/patients", grace("custom_data_type_records", List.of(Map.of("type_name", "t",
                "body", Map.of("a", List.of(1, Map.of("b", "x\u0000y"))))))), "bad_request",
                ".custom_data_type_records[0].body.a[1].b");
        nothingStored();
        String patient = createPatient(all);
        refused(post(all, "/v1/custom_data_type_records", "{\"user_id\": \"" + patient
                + "\", \"type_name\": \"t\", \"body\": {\"k\\u0000\": 1}}"), "bad_request", ".body");
        refused(put(all, "/v1/patients/" + patient, "{\"city\": \"\\u0000\"}"), "bad_request", ".city");
        get(all, "/v1/patients/" + patient).statusCode(200).body("data.city", equalTo("New York"));
        get(all, "/v1/custom_data_type_records?user_id=" + patient).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void aNulInAQueryParameterOrAFormBodyIsABadRequestAtTheParameter() {
        refused(given().auth().oauth2(all).urlEncodingEnabled(false).get("/v1/external_ids?namespace=ehr%00").then(),
                "bad_request", "namespace");
        refused(given().auth().oauth2(all).urlEncodingEnabled(false).get("/v1/patients?page%5Bfrom%5D=%00").then(),
                "bad_request", "page[from]");
        refused(given().auth().oauth2(all).contentType(ContentType.URLENC).body("type_name=a%00b")
                .post("/v1/custom_data_type_records/find").then(), "bad_request", "type_name");
        refused(given().auth().oauth2(all).contentType(ContentType.JSON).body("{\"external_id\": \"\\u0000\"}")
                .post("/v1/external_ids/find").then(), "bad_request", "external_id");
        refused(given().auth().oauth2(all).urlEncodingEnabled(false).get("/v1/exports/external_ids?namespace=%00").then(),
                "bad_request", "namespace");
    }

    @Test
    void pagePositionsBeyondWhatPostgresHoldsAreBadRequestsAtTheParameter() {
        createPatient(all);
        for (String far : new String[] { "-290000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z" }) {
            refused(given().auth().oauth2(all).queryParam("page[from]", far).get("/v1/patients").then(),
                    "bad_request", "page[from]");
            refused(given().auth().oauth2(all).queryParam("page[to]", far).get("/v1/patients").then(),
                    "bad_request", "page[to]");
            refused(given().auth().oauth2(all).contentType(ContentType.JSON).body(Map.of("page[from]", far))
                    .post("/v1/patients/find").then(), "bad_request", "page[from]");
            refused(given().auth().oauth2(all).queryParam("page[to]", far).get("/v1/exports/patients").then(),
                    "bad_request", "page[to]");
        }
        for (long micros : new long[] { Long.MAX_VALUE, Long.MIN_VALUE, 253_402_300_800_000_000L }) {
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("1:" + micros + ":0d5de756-cdda-4cc0-9cae-8a3c1e3b8d0b").getBytes(StandardCharsets.UTF_8));
            refused(given().auth().oauth2(all).queryParam("page[after]", forged).get("/v1/patients").then(),
                    "bad_request", "page[after]");
        }
        // A date beyond PostgreSQL's (4713 BC) or past 9999, in a body.
        for (String far : new String[] { "-5000-01-01", "+300000-01-01" }) {
            refused(post(all, "/v1/patients", grace("birthday", far)), "bad_request", ".birthday");
        }
        // The edges of the range still page.
        given().auth().oauth2(all).queryParam("page[from]", "0001-01-01T00:00:00Z")
                .queryParam("page[to]", "9999-12-31T23:59:59.999999Z").get("/v1/patients").then().statusCode(200)
                .body("data.size()", equalTo(1));
    }
}
