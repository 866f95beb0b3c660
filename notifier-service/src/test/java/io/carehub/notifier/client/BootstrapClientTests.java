package io.carehub.notifier.client;

import static io.carehub.notifier.TestClients.assertion;
import static io.carehub.notifier.TestClients.requestToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.carehub.notifier.TestClients;
import io.carehub.notifier.config.BootstrapClientConfig;
import io.carehub.notifier.config.EnvironmentsConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * API.md §1: a fresh install has one bootstrap client from configuration ({@code %test.} values of
 * application.properties), made once: a rotation, deletion, narrowing or disabling through the API is never
 * undone by a restart. A restart is {@link BootstrapClient#seed()}, what start runs.
 */
@QuarkusTest
class BootstrapClientTests {

    static final String CLIENT_ID = "test-bootstrap-client";
    static final String SECRET = "bootstrap-test-secret-of-32-bytes!";
    static final String TENANT = "bootstrap-tenant";
    static final List<String> SCOPES = List.of("all", "admin", "webhooks", "operator");

    @Inject
    BootstrapClient bootstrap;

    @Inject
    Pool pool;

    /** Made at start, asynchronously: wait for it (it takes milliseconds); then put it back as configured. */
    @BeforeEach
    void theBootstrapClientIsThereAsConfigured() throws Throwable {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (find().getList("data").isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                fail("no bootstrap client 30 s after start");
            }
            Thread.onSpinWait();
        }
        // Each test changes it through the API; start every one from a fresh seed.
        pool.preparedQuery("DELETE FROM api_clients WHERE client_id = $1").execute(Tuple.of(CLIENT_ID))
                .await().atMost(Duration.ofSeconds(10));
        restart();
    }

    @Test
    void theBootstrapClientHasTheConfiguredTenantAndScopesAndGetsAToken() {
        JsonPath found = find();
        assertEquals("bootstrap", found.getString("data[0].name"));
        assertEquals(TENANT, found.getString("data[0].tenant"));
        assertEquals(SCOPES, found.getList("data[0].scopes"));
        String token = requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(200)
                .body("scope", equalTo("all admin webhooks operator")).extract().path("access_token");
        // operator: it reaches the clients of every tenant.
        String elsewhere = TestClients.create("elsewhere-of-bootstrap", "all").id();
        given().auth().oauth2(token).get("/v1/api_clients/" + elsewhere).then().statusCode(200);
    }

    @Test
    void aRotatedSecretSurvivesARestart() throws Throwable {
        String rotated = given().auth().oauth2(TestClients.operator()).post("/v1/api_clients/" + id() + "/rotate_secret")
                .then().statusCode(200).extract().path("data.client_secret");

        assertFalse(restart().created());
        requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(400).body("error", equalTo("invalid_grant"));
        requestToken(assertion(CLIENT_ID).signedWith(rotated)).statusCode(200);
    }

    @Test
    void aDeletionSurvivesARestart() throws Throwable {
        String id = id();
        given().auth().oauth2(TestClients.operator()).delete("/v1/api_clients/" + id).then().statusCode(200);

        restart();

        given().auth().oauth2(TestClients.operator()).get("/v1/api_clients/" + id).then().statusCode(404);
        requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aNarrowingADisablingAndAMoveSurviveARestart() throws Throwable {
        String id = id();
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON)
                .body("{\"scopes\": [\"patients.read\"], \"name\": \"renamed\"}").put("/v1/api_clients/" + id).then()
                .statusCode(200);
        String before = find().getString("data[0].updated_at");

        restart();

        JsonPath after = find();
        assertEquals(List.of("patients.read"), after.getList("data[0].scopes"));
        assertEquals("renamed", after.getString("data[0].name"));
        assertEquals(before, after.getString("data[0].updated_at"), "a start writes nothing to an existing client");
        requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(200).body("scope", equalTo("patients.read"));

        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body("{\"disabled\": true}")
                .put("/v1/api_clients/" + id).then().statusCode(200);
        pool.preparedQuery("UPDATE api_clients SET tenant = 'elsewhere' WHERE client_id = $1").execute(Tuple.of(CLIENT_ID))
                .await().atMost(Duration.ofSeconds(10));

        restart();

        given().auth().oauth2(TestClients.operator()).get("/v1/api_clients/" + id).then().statusCode(200)
                .body("data.disabled", equalTo(true)).body("data.tenant", equalTo("elsewhere"))
                .body("data.scopes", contains("patients.read"));
        requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(400).body("error", equalTo("invalid_grant"));
    }

    /** Issue 8 item 9: the secret keys HS256; one shorter than 32 bytes stops the start, saying why. */
    @Test
    void aSecretShorterThan32BytesOrAScopeThatDoesNotExistStopsTheStart() {
        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> BootstrapClient.checkConfiguration(config("x".repeat(31), "all admin"), PLATFORM));
        assertEquals("BOOTSTRAP_CLIENT_SECRET must be at least 32 bytes (it is 31); make one with: openssl rand -base64 32",
                tooShort.getMessage());
        // Bytes, not characters: 16 two-byte characters are enough.
        BootstrapClient.checkConfiguration(config("é".repeat(16), "all admin webhooks operator"), PLATFORM);
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> BootstrapClient.checkConfiguration(config("x".repeat(32), "all patients:read"), PLATFORM));
        assertEquals("BOOTSTRAP_CLIENT_SCOPES: 'patients:read' is not a scope (all, admin, operator, webhooks or"
                + " <collection>.read|write)", unknown.getMessage());
    }

    /** API-CORE.md §C1: the bootstrap client is granted only environments the platform has. */
    @Test
    void anEnvironmentThePlatformDoesNotHaveStopsTheStart() {
        BootstrapClient.checkConfiguration(config("x".repeat(32), "all", "sandbox,live"), PLATFORM);
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> BootstrapClient.checkConfiguration(config("x".repeat(32), "all", "live staging"), PLATFORM));
        assertEquals("BOOTSTRAP_CLIENT_ENVIRONMENTS: 'staging' is not one of the platform's environments (ENVIRONMENTS:"
                + " live, sandbox)", unknown.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> BootstrapClient.checkConfiguration(config("x".repeat(32), "all", " "), PLATFORM));
        assertEquals("BOOTSTRAP_CLIENT_ENVIRONMENTS must name at least one environment", none.getMessage());
    }

    /** The platform's environments as the test configuration has them (the default). */
    private static final EnvironmentsConfig PLATFORM = () -> List.of("live", "sandbox");

    static BootstrapClientConfig config(String secret, String scopes) {
        return config(secret, scopes, "live sandbox");
    }

    static BootstrapClientConfig config(String secret, String scopes, String environments) {
        return new BootstrapClientConfig() {
            public Optional<String> clientId() {
                return Optional.of("some-client");
            }

            public Optional<String> secret() {
                return Optional.of(secret);
            }

            public String tenant() {
                return "default";
            }

            public String scopes() {
                return scopes;
            }

            public String environments() {
                return environments;
            }
        };
    }

    private ApiClientService.Seeded restart() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> bootstrap.seed());
    }
    private static String id() {
        return find().getString("data[0].id");
    }

    private static JsonPath find() {
        return given().auth().oauth2(TestClients.operator()).get("/v1/api_clients?client_id=" + CLIENT_ID + "&include_deleted=true")
                .then().statusCode(200).extract().jsonPath();
    }
}
