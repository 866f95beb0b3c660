package io.carehub.notifier.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.testing.TestChangeEvents;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestTokens;
import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestClients.Client;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Revocation (README, "Revocation"): an access token names its API client by {@code api_client_id}; notifier-service
 * refuses the token of a disabled or deleted client on its own endpoints from the moment the change commits, and
 * tells the other services, on its internal endpoint, whether a client an api_clients event names is usable.
 */
@QuarkusTest
class RevocationTests {

    static final List<String> ENDPOINTS = List.of("/v1/api_clients", "/v1/webhook_subscriptions");

    final String tenant = "revocation-" + UUID.randomUUID();

    @Test
    void anAccessTokenNamesItsApiClientById() {
        Client client = TestClients.create(tenant, "all");
        JsonNode claims = TestChangeEvents.json(new String(Base64.getUrlDecoder().decode(
                TestClients.accessToken(client).split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals(client.id(), claims.path("api_client_id").asText());
        assertEquals(client.clientId(), claims.path("sub").asText());
        assertEquals(tenant, claims.path("tenant").asText());
    }

    @Test
    void aDisabledClientIsRefusedOnTheNextRequestAndAcceptedAgainOnceEnabled() {
        Client admin = TestClients.create(tenant, "admin", "webhooks");
        Client other = TestClients.create(tenant, "admin", "webhooks");
        String token = TestClients.accessToken(admin);
        String otherToken = TestClients.accessToken(other);
        ENDPOINTS.forEach(path -> accepted(token, path));

        update(admin, "{\"disabled\": true}");
        ENDPOINTS.forEach(path -> refused(token, path));
        ENDPOINTS.forEach(path -> accepted(otherToken, path));
        // Nor can it get a new one.
        TestClients.requestToken(TestClients.assertion(admin.clientId()).signedWith(admin.secret())).statusCode(400)
                .body("error", equalTo("invalid_grant"));

        update(admin, "{\"disabled\": false}");
        ENDPOINTS.forEach(path -> accepted(token, path));
    }

    @Test
    void aDeletedClientIsRefusedOnTheNextRequest() {
        Client admin = TestClients.create(tenant, "admin", "webhooks");
        String token = TestClients.accessToken(admin);
        accepted(token, "/v1/api_clients");
        given().auth().oauth2(TestClients.operator()).delete("/v1/api_clients/" + admin.id()).then().statusCode(200);
        ENDPOINTS.forEach(path -> refused(token, path));
    }

    @Test
    void aClientThatCanAlsoDisableItselfIsRefusedRightAfter() {
        Client admin = TestClients.create(tenant, "admin");
        String token = TestClients.accessToken(admin);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"disabled\": true}")
                .put("/v1/api_clients/" + admin.id()).then().statusCode(200).body("data.disabled", equalTo(true));
        refused(token, "/v1/api_clients");
    }

    @Test
    void aTokenNamingNoClientOfItsTenantIsRefused() {
        refused(TestTokens.ofClient(tenant, "admin webhooks", UUID.randomUUID()), "/v1/api_clients");
        Client client = TestClients.create(tenant, "admin");
        refused(TestTokens.ofClient("other-" + UUID.randomUUID(), "admin", UUID.fromString(client.id())), "/v1/api_clients");
    }

    /** What every other service's revocation feed asks when an api_clients updated event comes (RevocationFeed). */
    @Test
    void theInternalEndpointSaysWhetherAClientIsUsable() {
        Client client = TestClients.create(tenant, "all");
        usable(client, tenant).statusCode(200).body("data.id", equalTo(client.id()));
        usable(client, "other-" + UUID.randomUUID()).statusCode(404);
        given().get("/internal/references/api_clients/" + client.id() + "?tenant=" + tenant).then().statusCode(401);

        update(client, "{\"disabled\": true}");
        usable(client, tenant).statusCode(404).body("errors[0].code", equalTo("not_found"));
        update(client, "{\"disabled\": false}");
        usable(client, tenant).statusCode(200);
        given().auth().oauth2(TestClients.operator()).delete("/v1/api_clients/" + client.id()).then().statusCode(200);
        usable(client, tenant).statusCode(404);
    }

    private static ValidatableResponse usable(Client client, String tenant) {
        return given().header("X-Platform-Secret", TestOwners.SECRET)
                .get("/internal/references/api_clients/" + client.id() + "?tenant=" + tenant).then();
    }

    private static void update(Client client, String body) {
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body(body)
                .put("/v1/api_clients/" + client.id()).then().statusCode(200);
    }

    private static void accepted(String token, String path) {
        given().auth().oauth2(token).get(path).then().statusCode(200);
    }

    private static void refused(String token, String path) {
        given().auth().oauth2(token).get(path).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("errors[0].code", equalTo("unauthorized"))
                .body("errors[0].status", equalTo(401));
    }
}
