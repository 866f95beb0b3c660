package io.carehub.notifier.role;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.testing.TestTokens;
import io.carehub.notifier.TestClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * API-CORE.md §C9 in notifier-service: security policies and roles (admin, the tenant's, soft delete), api_clients'
 * roles, the {@code roles} claim of their tokens, and the internal endpoint the services read a tenant's roles from.
 */
@QuarkusTest
class RolesAndPoliciesTests {

    static final String POLICY = """
            {"name": "nurse_notes", "rules": [{"resource": "patients", "operations": {"read": ["first_name", "phase"],
             "read_masked": ["birthday"], "update": ["phase"]}}, {"resource": "cdt:vitals", "operations": {"read": ["*"],
             "create": ["*"], "delete": true}}]}""";

    final String tenant = "roles-" + UUID.randomUUID();
    final String admin = TestTokens.token(tenant, "admin");

    static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    static ValidatableResponse put(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then();
    }

    @Test
    void aPolicyIsStoredWithEveryOperationAndARoleNamesLivePolicies() {
        String policy = post(admin, "/v1/security_policies", POLICY).statusCode(200)
                .body("data.name", equalTo("nurse_notes"))
                .body("data.rules[0].resource", equalTo("patients"))
                .body("data.rules[0].operations.read", contains("first_name", "phase"))
                .body("data.rules[0].operations.create", equalTo(null))
                .body("data.rules[0].operations.delete", equalTo(false))
                .body("data.rules[1].operations.delete", equalTo(true))
                .extract().path("data.id");
        given().auth().oauth2(admin).get("/v1/security_policies/" + policy).then().statusCode(200)
                .body("data.rules[0].operations.read_masked", contains("birthday"));
        post(admin, "/v1/security_policies", POLICY).statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception")).body("errors[0].extra.path", equalTo(".name"));
        post(admin, "/v1/security_policies", "{\"name\": \"x\", \"rules\": [{\"resource\": \"nothing\", \"operations\": {}}]}")
                .statusCode(400).body("errors[0].extra.path", equalTo(".rules[0].resource"));
        post(admin, "/v1/security_policies", "{\"name\": \"x\", \"rules\": [{\"resource\": \"patients\", \"operations\":"
                + " {\"read\": \"all\"}}]}").statusCode(400).body("errors[0].extra.path", equalTo(".rules[0].operations.read"));

        String role = post(admin, "/v1/roles", "{\"name\": \"nurse\", \"policies\": [\"nurse_notes\"]}").statusCode(200)
                .body("data.policies", contains("nurse_notes")).extract().path("data.id");
        post(admin, "/v1/roles", "{\"name\": \"other\", \"policies\": [\"nurse_notes\", \"no_such\"]}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".policies[1]"));
        put(admin, "/v1/roles/" + role, "{\"policies\": []}").statusCode(200).body("data.policies", equalTo(List.of()));
        given().auth().oauth2(admin).delete("/v1/roles/" + role).then().statusCode(200);
        given().auth().oauth2(admin).get("/v1/roles/" + role).then().statusCode(404);
        given().auth().oauth2(admin).get("/v1/roles?include_deleted=true").then().statusCode(200)
                .body("data[0].deleted", equalTo(true));
        // Only admin: all is not enough.
        given().auth().oauth2(TestTokens.token(tenant, "all")).get("/v1/roles").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("stranger-" + UUID.randomUUID(), "admin")).get("/v1/security_policies/" + policy)
                .then().statusCode(404);
    }

    @Test
    void aClientsRolesAreInItsTokensAndTheServicesReadTheirRules() throws Exception {
        post(admin, "/v1/security_policies", POLICY).statusCode(200);
        post(admin, "/v1/roles", "{\"name\": \"nurse\", \"policies\": [\"nurse_notes\"]}").statusCode(200);
        post(admin, "/v1/api_clients", "{\"name\": \"ehr\", \"scopes\": [\"all\"], \"roles\": [\"ghost\"]}").statusCode(400)
                .body("errors[0].extra.path", equalTo(".roles[0]"));
        var created = post(admin, "/v1/api_clients", "{\"name\": \"ehr\", \"scopes\": [\"all\"], \"roles\": [\"nurse\"]}")
                .statusCode(200).body("data.roles", contains("nurse")).extract().jsonPath();
        var client = new TestClients.Client(created.getString("data.id"), created.getString("data.client_id"),
                created.getString("data.client_secret"), tenant);
        JsonNode claims = claims(TestClients.accessToken(client));
        assertEquals("[\"nurse\"]", claims.get("roles").toString());
        // A client without roles: no claim, its scopes alone govern it.
        JsonNode plain = claims(TestClients.accessToken(TestClients.create(tenant, "all")));
        assertEquals(null, plain.get("roles"));

        JsonNode definitions = new ObjectMapper().readTree(given().header("X-Platform-Secret",
                io.carehub.commons.testing.TestOwners.SECRET).get("/internal/access/" + tenant).then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("nurse"), List.copyOf(iterable(definitions.get("roles").fieldNames())));
        assertEquals(2, definitions.get("roles").get("nurse").size());
        assertEquals("patients", definitions.get("roles").get("nurse").get(0).get("resource").asText());
        given().get("/internal/access/" + tenant).then().statusCode(401);
    }

    /**
     * notifier-service's own collections are governed by the scopes alone (README, "What roles do not govern"): a client
     * whose roles grant nothing at all still manages roles, policies and api_clients with admin, and webhook subscriptions with all.
     */
    @Test
    void rolesDoNotGovernNotifierServicesOwnCollections() {
        String roledAdmin = TestTokens.withRoles(tenant, "all admin", "no_such_role");
        post(roledAdmin, "/v1/security_policies", POLICY).statusCode(200).body("data.name", equalTo("nurse_notes"));
        post(roledAdmin, "/v1/roles", "{\"name\": \"nurse\", \"policies\": [\"nurse_notes\"]}").statusCode(200)
                .body("data.name", equalTo("nurse"));
        given().auth().oauth2(roledAdmin).get("/v1/roles").then().statusCode(200).body("data.name", contains("nurse"));
        given().auth().oauth2(roledAdmin).get("/v1/api_clients").then().statusCode(200);
        given().auth().oauth2(roledAdmin).get("/v1/webhook_subscriptions").then().statusCode(200);
        // And the scopes still bound it: roles add no scope.
        given().auth().oauth2(TestTokens.withRoles(tenant, "all", "nurse")).get("/v1/roles").then().statusCode(403);
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    private static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }

}
