package io.carehub.notifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carehub.commons.web.Timestamps;
import io.carehub.notifier.TestClients.Client;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * API-CORE.md §C1 in notifier-service: an api_client is granted environments (default {@code live}, only those the
 * platform has), a token request may ask for one of them and the access token says which, and a webhook subscription
 * belongs to its token's environment and hears only of that environment's changes (and of the tenant-wide ones).
 */
@QuarkusTest
class EnvironmentsTests {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String PATIENTS_TOPIC = "patients-service.changes";

    final String tenant = "environments-" + UUID.randomUUID();

    @Test
    void aClientIsGrantedLiveByDefaultAndOnlyEnvironmentsThePlatformHas() {
        String id = create(Map.of("name", "n", "tenant", tenant, "scopes", List.of("all"))).statusCode(200)
                .body("data.environments", contains("live")).extract().path("data.id");
        create(Map.of("name", "n", "tenant", tenant, "scopes", List.of("all"), "environments", List.of("sandbox", "live")))
                .statusCode(200).body("data.environments", contains("sandbox", "live"));
        for (List<String> bad : List.of(List.of("live", "staging"), List.of("live", "Sand box"))) {
            create(Map.of("name", "n", "tenant", tenant, "scopes", List.of("all"), "environments", bad)).statusCode(400)
                    .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo(".environments[1]"));
        }
        create(Map.of("name", "n", "tenant", tenant, "scopes", List.of("all"), "environments", List.of())).statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo(".environments"));
        create(Map.of("name", "n", "tenant", tenant, "scopes", List.of("all"), "environments", "live")).statusCode(400)
                .body("errors[0].code", equalTo("parse_exception")).body("errors[0].extra.path", equalTo(".environments"));
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "n", "scopes", List.of("all"), "disabled", false, "environments", List.of("sandbox")))
                .put("/v1/api_clients/" + id).then().statusCode(200).body("data.environments", contains("sandbox"));
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON)
                .body(Map.of("name", "renamed", "scopes", List.of("all"), "disabled", false))
                .put("/v1/api_clients/" + id).then().statusCode(200).body("data.environments", contains("sandbox"))
                .body("data.name", equalTo("renamed"));
    }

    /** API-CORE.md §C1: /v1/{tenant}/... must never be taken for a v1 path, so no tenant is named like one. */
    @Test
    void noTenantIsNamedLikeAV1PathsFirstSegment() {
        for (String reserved : List.of("patients", "webhook_subscriptions", "exports", "token", "oauth", "q", "Patients")) {
            create(Map.of("name", "n", "tenant", reserved, "scopes", List.of("all"))).statusCode(400)
                    .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo(".tenant"));
        }
        create(Map.of("name", "n", "tenant", "patients-of-acme", "scopes", List.of("all"))).statusCode(200);
    }

    @Test
    void theTokenWorksInTheEnvironmentAskedForWhenTheClientIsGrantedIt() {
        Client both = TestClients.createIn(tenant, List.of("live", "sandbox"), "all");
        Map<String, Object> claims = claimsOf(TestClients.accessToken(both));
        assertEquals("live", claims.get("environment"), "the first granted when none is asked for");
        assertEquals(List.of("live", "sandbox"), claims.get("environments"));
        assertEquals("sandbox", claimsOf(TestClients.accessToken(both, "sandbox")).get("environment"));
        String byClaim = TestClients.requestToken(TestClients.assertion(both.clientId()).claim("environment", "sandbox")
                .signedWith(both.secret())).statusCode(200).extract().path("access_token");
        assertEquals("sandbox", claimsOf(byClaim).get("environment"));
        given().contentType(ContentType.URLENC).formParam("grant_type", TestClients.JWT_BEARER)
                .formParam("assertion", TestClients.assertion(both.clientId()).claim("environment", "sandbox")
                        .signedWith(both.secret()))
                .formParam("environment", "live").post("/v1/token").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
        for (String path : List.of("/oauth/token", "/v1/token")) {
            String token = clientCredentials(path, both, "sandbox").statusCode(200).extract().path("access_token");
            assertEquals("sandbox", claimsOf(token).get("environment"));
        }

        Client liveOnly = TestClients.createIn(tenant, List.of("live"), "all");
        for (String path : List.of("/oauth/token", "/v1/token")) {
            clientCredentials(path, liveOnly, "sandbox").statusCode(400).body("error", equalTo("invalid_scope"));
        }
        given().contentType(ContentType.URLENC).formParam("grant_type", TestClients.JWT_BEARER)
                .formParam("assertion", TestClients.assertion(liveOnly.clientId()).signedWith(liveOnly.secret()))
                .formParam("environment", "sandbox").post("/v1/token").then().statusCode(400)
                .body("error", equalTo("invalid_scope"));
    }

    @Test
    void aSubscriptionBelongsToItsTokensEnvironmentAndHearsOnlyOfIt() {
        Client client = TestClients.createIn(tenant, List.of("live", "sandbox"), "all", "admin", "webhooks");
        String live = TestClients.accessToken(client, "live");
        String sandbox = TestClients.accessToken(client, "sandbox");
        TestReceiver.Endpoint liveHook = TestReceiver.endpoint();
        TestReceiver.Endpoint sandboxHook = TestReceiver.endpoint();
        subscribe(live, liveHook);
        String sandboxSubscription = subscribe(sandbox, sandboxHook);
        given().auth().oauth2(live).get("/v1/webhook_subscriptions/" + sandboxSubscription).then().statusCode(404)
                .body("errors[0].code", equalTo("not_found"));
        given().auth().oauth2(live).get("/v1/webhook_subscriptions").then().statusCode(200)
                .body("data.id", not(hasItem(sandboxSubscription)));
        given().auth().oauth2(sandbox).get("/v1/webhook_subscriptions/" + sandboxSubscription).then().statusCode(200);

        String key = UUID.randomUUID().toString();
        // Written before environments (no environment): live's, as all data was then. One key, one partition: it is
        // consumed before the sandbox change, so a sandbox ping that covered it would show it.
        Instant beforeEnvironments = TestEvents.now();
        TestEvents.publish(PATIENTS_TOPIC, tenant, "patients", key, beforeEnvironments);
        Instant inSandbox = TestEvents.now();
        TestEvents.publish(PATIENTS_TOPIC, tenant, "sandbox", "patients", key, inSandbox);
        Instant inLive = TestEvents.now();
        TestEvents.publish(PATIENTS_TOPIC, tenant, "live", "patients", key, inLive);
        // An API client is the tenant's, not an environment's: every environment hears of it.
        Instant tenantWide = TestEvents.now();
        TestEvents.publish("notifier-service.changes", tenant, "api_clients", client.id(), tenantWide);

        sandboxHook.await(r -> r.body().contains(Timestamps.format(tenantWide)), DEADLINE);
        liveHook.await(r -> r.body().contains(Timestamps.format(tenantWide)), DEADLINE);
        sandboxHook.await(r -> r.body().contains(Timestamps.format(inSandbox)), DEADLINE);
        liveHook.await(r -> r.body().contains(Timestamps.format(inLive)), DEADLINE);
        liveHook.await(r -> r.body().contains(Timestamps.format(beforeEnvironments)), DEADLINE);
        for (TestReceiver.Request r : sandboxHook.requests()) {
            assertFalse(r.body().contains(Timestamps.format(inLive)), r.body());
            assertFalse(r.body().contains(Timestamps.format(beforeEnvironments)), r.body());
        }
        for (TestReceiver.Request r : liveHook.requests()) {
            assertFalse(r.body().contains(Timestamps.format(inSandbox)), r.body());
        }
    }

    private static ValidatableResponse create(Map<String, Object> body) {
        return given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body(body)
                .post("/v1/api_clients").then();
    }

    private static ValidatableResponse clientCredentials(String path, Client client, String environment) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", client.clientId()).formParam("client_secret", client.secret())
                .formParam("environment", environment).post(path).then();
    }

    private static String subscribe(String token, TestReceiver.Endpoint hook) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", hook.url()))
                .post("/v1/webhook_subscriptions").then().statusCode(200).extract().path("data.id");
    }

    private static Map<String, Object> claimsOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getMap("$");
    }
}
