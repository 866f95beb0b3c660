package io.carehub.notifier.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestTokens;
import io.carehub.notifier.TestClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * API.md §1 and §4 (notifier-service): {@code /v1/api_clients}, {@code admin} within the caller's tenant,
 * {@code operator} across tenants.
 */
@QuarkusTest
class ApiClientResourceTests {

    static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00$";
    static final String GUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    /** 32 random bytes, base64url without padding. */
    static final String SECRET = "^[A-Za-z0-9_-]{43}$";
    static final List<String> VIEW_FIELDS = List.of("id", "client_id", "name", "scopes", "environments", "roles", "tenant", "disabled", "created_at",
            "updated_at");

    final String tenant = "clients-" + UUID.randomUUID();
    final String admin = TestTokens.token(tenant, "admin");

    static ValidatableResponse create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/api_clients").then();
    }

    String createClient(String name, String... scopes) {
        return create(admin, "{\"name\": \"" + name + "\", \"scopes\": [\"" + String.join("\", \"", scopes) + "\"]}")
                .statusCode(200).extract().path("data.id");
    }

    ValidatableResponse update(String id, String body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put("/v1/api_clients/" + id).then();
    }

    ValidatableResponse get(String id) {
        return given().auth().oauth2(admin).get("/v1/api_clients/" + id).then();
    }

    JsonPath findInTenant(String query) {
        return given().auth().oauth2(admin).get("/v1/api_clients?tenant=" + tenant + query).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void createReturnsTheClientAndItsSecretWithStatus200AndLocation() {
        create(admin, "{\"name\": \"EHR sync\", \"scopes\": [\"patients.read\", \"phone_numbers.write\"]}")
                .statusCode(200)
                .header("Location", matchesPattern("^http://.*/v1/api_clients/[0-9a-f-]{36}$"))
                .header("Cache-Control", "no-store")
                .body("data.id", matchesPattern(GUID))
                .body("data.client_id", matchesPattern(GUID))
                .body("data.name", equalTo("EHR sync"))
                .body("data.scopes", contains("patients.read", "phone_numbers.write"))
                .body("data.tenant", equalTo(tenant))
                .body("data.disabled", equalTo(false))
                .body("data.created_at", matchesPattern(TIMESTAMP))
                .body("data.updated_at", matchesPattern(TIMESTAMP))
                .body("data.client_secret", matchesPattern(SECRET))
                .body("data.keySet()", containsInAnyOrder("id", "client_id", "name", "scopes", "environments", "roles", "tenant", "disabled",
                        "created_at", "updated_at", "client_secret"));
    }

    @Test
    void theSecretIsShownOnceAndNeverAgain() {
        String id = createClient("once", "all");
        get(id).statusCode(200)
                .body("data.keySet()", containsInAnyOrder(VIEW_FIELDS.toArray()))
                .body("data", not(hasKey("client_secret")));
        JsonPath found = findInTenant("");
        assertEquals(1, found.getList("data").size());
        assertEquals(VIEW_FIELDS.size(), found.getMap("data[0]").size(), found.prettify());
        update(id, "{\"name\": \"renamed\"}").statusCode(200).body("data", not(hasKey("client_secret")));
    }

    @Test
    void createDefaultsToTheCallersTenantAndOnlyTheOperatorMayNameAnother() {
        String own = createClient("own", "all");
        get(own).body("data.tenant", equalTo(tenant));
        String named = create(admin, "{\"name\": \"mine\", \"scopes\": [\"all\"], \"tenant\": \"" + tenant + "\"}")
                .statusCode(200).body("data.tenant", equalTo(tenant)).extract().path("data.id");
        String elsewhere = "elsewhere-" + UUID.randomUUID();
        create(admin, "{\"name\": \"theirs\", \"scopes\": [\"all\"], \"tenant\": \"" + elsewhere + "\"}")
                .statusCode(403)
                .body("errors[0].code", equalTo("forbidden"))
                .body("errors[0].detail", equalTo("only the operator scope may make a client in another tenant"));
        String other = create(TestClients.operator(), "{\"name\": \"theirs\", \"scopes\": [\"all\"], \"tenant\": \""
                + elsewhere + "\"}").statusCode(200).body("data.tenant", equalTo(elsewhere)).extract().path("data.id");
        given().auth().oauth2(TestClients.operator()).get("/v1/api_clients/" + other).then().statusCode(200)
                .body("data.tenant", equalTo(elsewhere));
        assertEquals(List.of(own, named), findInTenant("").getList("data.id"), "nothing made in this tenant by the refusal");
    }

    /** Issue 8 item 3: admin acts only within its tenant; another tenant's client is as if it did not exist. */
    @Test
    void anAdminOfAnotherTenantGets404OnEveryClientOfThisOneAndFindsNone() {
        String id = createClient("tenant A's", "all");
        String clientId = get(id).extract().path("data.client_id");
        String otherAdmin = TestTokens.token("other-" + UUID.randomUUID(), "admin");
        for (var request : List.<Function<RequestSpecification, Response>>of(
                        r -> r.get("/v1/api_clients/" + id),
                        r -> r.contentType(ContentType.JSON).body("{\"name\": \"taken\", \"disabled\": true}")
                                .put("/v1/api_clients/" + id),
                        r -> r.delete("/v1/api_clients/" + id),
                        r -> r.post("/v1/api_clients/" + id + "/rotate_secret"))) {
            request.apply(given().auth().oauth2(otherAdmin)).then().statusCode(404)
                    .body("errors[0].code", equalTo("not_found"));
        }
        for (String query : List.of("", "?tenant=" + tenant, "?client_id=" + clientId, "?include_deleted=true")) {
            given().auth().oauth2(otherAdmin).get("/v1/api_clients" + query).then().statusCode(200)
                    .body("data.id", not(hasItem(id)));
        }
        given().auth().oauth2(otherAdmin).contentType(ContentType.JSON).body("{\"tenant\": \"" + tenant + "\"}")
                .post("/v1/api_clients/find").then().statusCode(200).body("data.size()", equalTo(0));
        get(id).statusCode(200).body("data.name", equalTo("tenant A's")).body("data.disabled", equalTo(false));
        assertEquals(List.of(id), findInTenant("").getList("data.id"));
    }

    @Test
    void theOperatorManagesClientsOfEveryTenant() {
        String theirs = createClient("theirs", "all");
        String operator = TestTokens.token("operator-" + UUID.randomUUID(), "operator");
        given().auth().oauth2(operator).get("/v1/api_clients/" + theirs).then().statusCode(200)
                .body("data.tenant", equalTo(tenant));
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"name\": \"renamed\"}")
                .put("/v1/api_clients/" + theirs).then().statusCode(200).body("data.name", equalTo("renamed"));
        given().auth().oauth2(operator).get("/v1/api_clients?client_id=" + get(theirs).extract().path("data.client_id"))
                .then().statusCode(200).body("data.id", contains(theirs));
        given().auth().oauth2(operator).get("/v1/api_clients?tenant=" + tenant).then().statusCode(200)
                .body("data.id", contains(theirs));
        given().auth().oauth2(operator).post("/v1/api_clients/" + theirs + "/rotate_secret").then().statusCode(200)
                .body("data.tenant", equalTo(tenant));
        given().auth().oauth2(operator).delete("/v1/api_clients/" + theirs).then().statusCode(200);
        get(theirs).statusCode(404);
    }

    /** Only an operator grants operator, or touches a client that holds it (else an admin could rotate its secret). */
    @Test
    void anAdminCannotGrantOperatorNorChangeAClientThatHoldsIt() {
        create(admin, "{\"name\": \"x\", \"scopes\": [\"all\", \"operator\"]}").statusCode(403)
                .body("errors[0].code", equalTo("forbidden"))
                .body("errors[0].detail", equalTo("only the operator scope may grant operator"));
        String id = createClient("admin of its tenant", "admin", "webhooks");
        update(id, "{\"scopes\": [\"admin\", \"operator\"]}").statusCode(403)
                .body("errors[0].detail", equalTo("only the operator scope may grant operator"));
        get(id).body("data.scopes", contains("admin", "webhooks"));
        assertEquals(1, findInTenant("").getList("data").size(), "nothing made by the refused Create");

        String operatorClient = create(TestClients.operator(), "{\"name\": \"ops\", \"scopes\": [\"operator\"], \"tenant\": \""
                + tenant + "\"}").statusCode(200).body("data.scopes", contains("operator")).extract().path("data.id");
        get(operatorClient).statusCode(200);
        update(operatorClient, "{\"scopes\": [\"all\"]}").statusCode(403)
                .body("errors[0].detail", equalTo("only the operator scope may change a client that holds operator"));
        given().auth().oauth2(admin).post("/v1/api_clients/" + operatorClient + "/rotate_secret").then().statusCode(403);
        given().auth().oauth2(admin).delete("/v1/api_clients/" + operatorClient).then().statusCode(403);
        get(operatorClient).statusCode(200).body("data.scopes", contains("operator"));
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body("{\"scopes\": [\"admin\"]}")
                .put("/v1/api_clients/" + operatorClient).then().statusCode(200).body("data.scopes", contains("admin"));
    }

    /** API.md §1: a scope that does not exist is refused wherever it is given. */
    @Test
    void unknownScopesAreRefusedOnCreateAndUpdateAtTheirIndex() {
        create(admin, "{\"name\": \"x\", \"scopes\": [\"no_such_collection.read\", \"patients:read\", \"PATIENTS.read\","
                + " \"patients.delete\", \"api_clients.read\", \"patients.read\"]}").statusCode(400)
                .body("errors.code", everyItem(equalTo("bad_request")))
                .body("errors.extra.path", contains(".scopes[0]", ".scopes[1]", ".scopes[2]", ".scopes[3]", ".scopes[4]"));
        String id = createClient("known", "patients.read", "workers.write");
        update(id, "{\"scopes\": [\"patients.read\", \"calendar_events:write\"]}").statusCode(400)
                .body("errors.extra.path", contains(".scopes[1]"));
        get(id).body("data.scopes", contains("patients.read", "workers.write"));
    }

    @Test
    void everyValidationErrorIsListedWithItsPathAndNothingIsStored() {
        create(admin, "{\"scopes\": [\"patients.delete\", \"Admin\", \"all\"], \"colour\": \"blue\", \"client_id\": \"mine\"}")
                .statusCode(400)
                .body("errors.size()", equalTo(5))
                .body("errors.find { it.extra.path == '.name' }.detail", equalTo("name is required"))
                .body("errors.find { it.extra.path == '.scopes[0]' }.code", equalTo("bad_request"))
                .body("errors.find { it.extra.path == '.scopes[1]' }.code", equalTo("bad_request"))
                .body("errors.find { it.extra.path == '.colour' }.detail", equalTo("unknown field colour"))
                .body("errors.find { it.extra.path == '.client_id' }.detail", equalTo("unknown field client_id"))
                .body("errors.status", everyItem(equalTo(400)));
        create(admin, "{\"name\": \"x\", \"scopes\": \"all\"}").statusCode(400)
                .body("errors[0].code", equalTo("parse_exception")).body("errors[0].extra.path", equalTo(".scopes"));
        create(admin, "{\"name\": \"x\", \"scopes\": []}").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo(".scopes"))
                .body("errors[0].detail", equalTo("scopes must name at least one scope"));
        create(admin, "{\"name\": \"\", \"scopes\": [\"all\"]}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".name"));
        create(admin, "{\"name\": null, \"scopes\": null}").statusCode(400).body("errors.size()", equalTo(2));
        create(admin, "[]").statusCode(400).body("errors[0].code", equalTo("parse_exception"));
        assertEquals(0, findInTenant("&include_deleted=true").getList("data").size());
    }

    @Test
    void updateChangesNameScopesAndDisabledOnlyAndMovesUpdatedAtForward() {
        String id = createClient("before", "patients.read");
        JsonPath before = get(id).extract().jsonPath();
        update(id, "{\"name\": \"after\", \"scopes\": [\"patients.read\", \"patients.write\"], \"disabled\": true}")
                .statusCode(200)
                .body("data.name", equalTo("after"))
                .body("data.scopes", contains("patients.read", "patients.write"))
                .body("data.disabled", equalTo(true))
                .body("data.client_id", equalTo(before.getString("data.client_id")))
                .body("data.tenant", equalTo(tenant))
                .body("data.created_at", equalTo(before.getString("data.created_at")));
        JsonPath after = get(id).statusCode(200).body("data.name", equalTo("after")).extract().jsonPath();
        assertTrue(parse(after.getString("data.updated_at")).isAfter(parse(before.getString("data.updated_at"))));
        // Fields left out keep their value.
        update(id, "{\"disabled\": false}").statusCode(200)
                .body("data.name", equalTo("after")).body("data.scopes", contains("patients.read", "patients.write"));
    }

    @Test
    void updateRefusesEverythingButNameScopesAndDisabled() {
        String id = createClient("fixed", "all");
        update(id, "{\"tenant\": \"elsewhere\", \"client_id\": \"mine\", \"id\": \"" + UUID.randomUUID()
                + "\", \"client_secret\": \"s\", \"created_at\": \"2020-01-01T00:00:00Z\"}")
                .statusCode(400)
                .body("errors.code", everyItem(equalTo("bad_request")))
                .body("errors.extra.path", containsInAnyOrder(".tenant", ".client_id", ".id", ".client_secret", ".created_at"))
                .body("errors.find { it.extra.path == '.tenant' }.detail", equalTo("tenant cannot be updated"));
        update(id, "{\"name\": null, \"disabled\": null, \"scopes\": [\"everything\"]}").statusCode(400)
                .body("errors.extra.path", containsInAnyOrder(".name", ".disabled", ".scopes[0]"));
        get(id).body("data.name", equalTo("fixed")).body("data.tenant", equalTo(tenant));
    }

    @Test
    void deleteAnswersTheClientAndHidesItExceptFromFindWithIncludeDeleted() {
        String kept = createClient("kept", "all");
        String id = createClient("doomed", "all");
        given().auth().oauth2(admin).delete("/v1/api_clients/" + id).then()
                .statusCode(200)
                .body("data.id", equalTo(id))
                .body("data.name", equalTo("doomed"))
                .body("data.keySet()", containsInAnyOrder(VIEW_FIELDS.toArray()));
        get(id).statusCode(404).body("errors[0].code", equalTo("not_found"));
        assertEquals(List.of(kept), findInTenant("").getList("data.id"));

        JsonPath all = findInTenant("&include_deleted=true");
        assertEquals(List.of(kept, id), all.getList("data.id"));
        assertEquals(false, all.getBoolean("data.find { it.id == '" + kept + "' }.deleted"));
        assertEquals(true, all.getBoolean("data.find { it.id == '" + id + "' }.deleted"));
        assertTrue(all.getString("links.href.current").contains("include_deleted=true"));

        given().auth().oauth2(admin).delete("/v1/api_clients/" + id).then().statusCode(404);
        update(id, "{\"name\": \"back\"}").statusCode(404);
        given().auth().oauth2(admin).post("/v1/api_clients/" + id + "/rotate_secret").then().statusCode(404);
    }

    @Test
    void rotateSecretAnswersTheClientWithANewSecretOnce() {
        var created = create(admin, "{\"name\": \"rotating\", \"scopes\": [\"all\"]}").statusCode(200).extract().jsonPath();
        String id = created.getString("data.id");
        String rotated = given().auth().oauth2(admin).post("/v1/api_clients/" + id + "/rotate_secret").then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("data.id", equalTo(id))
                .body("data.client_id", equalTo(created.getString("data.client_id")))
                .body("data.name", equalTo("rotating"))
                .body("data.client_secret", matchesPattern(SECRET))
                .extract().path("data.client_secret");
        assertNotEquals(created.getString("data.client_secret"), rotated);
        get(id).body("data", not(hasKey("client_secret")));
    }

    @Test
    void findPagesByUpdatedAtWithLinksAndFindByPostTakesTheSameParameters() {
        String a = createClient("a", "all");
        String b = createClient("b", "all");
        String c = createClient("c", "all");
        JsonPath first = findInTenant("&page[size]=2");
        assertEquals(List.of(a, b), first.getList("data.id"));
        String next = first.getString("links.next.href");
        assertTrue(next.contains("tenant=" + tenant) && next.contains("page[after]="), next);
        URI nextUri = URI.create(next);
        JsonPath second = given().auth().oauth2(admin).urlEncodingEnabled(false)
                .get(nextUri.getRawPath() + "?" + nextUri.getRawQuery()).then()
                .statusCode(200).body("links", not(hasKey("next"))).extract().jsonPath();
        assertEquals(List.of(c), second.getList("data.id"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"tenant\": \"" + tenant + "\", \"page[size]\": 5}")
                .post("/v1/api_clients/find").then().statusCode(200).body("data.id", contains(a, b, c));
        given().auth().oauth2(admin).get("/v1/api_clients?colour=blue").then().statusCode(400)
                .body("errors[0].code", equalTo("bad_request"));
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        get(UUID.randomUUID().toString()).statusCode(404).body("errors[0].code", equalTo("not_found"));
        get("not-a-guid").statusCode(404).body("errors[0].code", equalTo("not_found"));
        update(UUID.randomUUID().toString(), "{\"name\": \"x\"}").statusCode(404);
        given().auth().oauth2(admin).delete("/v1/api_clients/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(admin).post("/v1/api_clients/" + UUID.randomUUID() + "/rotate_secret").then().statusCode(404);
    }

    @Test
    void everyEndpointNeedsTheAdminScope() {
        String id = createClient("guarded", "all");
        String all = TestTokens.token(tenant, "all webhooks");
        for (var request : List.<Function<RequestSpecification, Response>>of(
                        r -> r.get("/v1/api_clients"),
                        r -> r.get("/v1/api_clients/" + id),
                        r -> r.contentType(ContentType.JSON).body("{\"name\":\"x\",\"scopes\":[\"admin\"]}").post("/v1/api_clients"),
                        r -> r.contentType(ContentType.JSON).body("{\"name\":\"x\"}").put("/v1/api_clients/" + id),
                        r -> r.delete("/v1/api_clients/" + id),
                        r -> r.post("/v1/api_clients/" + id + "/rotate_secret"))) {
            request.apply(given().auth().oauth2(all)).then().statusCode(403).body("errors[0].code", equalTo("forbidden"));
            request.apply(given()).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                    .body("errors[0].code", equalTo("unauthorized"));
        }
        get(id).statusCode(200).body("data.name", equalTo("guarded"));
    }

    @Test
    void aClientMadeHereGetsTokensForItsTenant() {
        var created = create(admin, "{\"name\": \"signer\", \"scopes\": [\"patients.read\"]}").statusCode(200).extract().jsonPath();
        TestClients.requestToken(TestClients.assertion(created.getString("data.client_id"))
                .signedWith(created.getString("data.client_secret")))
                .statusCode(200).body("scope", equalTo("patients.read"));
        get(created.getString("data.id")).body("data.disabled", equalTo(false)).body("data.deleted", nullValue());
    }

    static Instant parse(String ts) {
        return OffsetDateTime.parse(ts).toInstant();
    }
}
