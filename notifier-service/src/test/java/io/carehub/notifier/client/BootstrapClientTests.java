package io.carehub.notifier.client;

import static io.carehub.notifier.TestClients.assertion;
import static io.carehub.notifier.TestClients.requestToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.carehub.notifier.TestClients;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * API.md §1: a fresh install has one bootstrap client from configuration ({@code %test.} values of
 * application.properties), which stays in line with that configuration.
 */
@QuarkusTest
class BootstrapClientTests {

    static final String CLIENT_ID = "test-bootstrap-client";
    static final String SECRET = "bootstrap-test-secret";
    static final String TENANT = "bootstrap-tenant";

    @Inject
    BootstrapClient bootstrap;

    @Inject
    Pool pool;

    /** Made at start, asynchronously: wait for it (it takes milliseconds). */
    @BeforeEach
    void theBootstrapClientIsThere() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (find().getList("data").isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                fail("no bootstrap client 30 s after start");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void theBootstrapClientHasTheConfiguredTenantAndScopesAndGetsATokenWithItsShortSecret() {
        JsonPath found = find();
        assertEquals("bootstrap", found.getString("data[0].name"));
        assertEquals(TENANT, found.getString("data[0].tenant"));
        assertEquals(List.of("all", "admin", "webhooks"), found.getList("data[0].scopes"));
        String token = requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(200)
                .body("scope", equalTo("all admin webhooks")).extract().path("access_token");
        given().auth().oauth2(token).get("/v1/api_clients?client_id=" + CLIENT_ID).then().statusCode(200)
                .body("data.client_id", contains(CLIENT_ID));
    }

    @Test
    void configurationWinsOverScopesAndSecretChangedThroughTheApi() throws Throwable {
        String id = find().getString("data[0].id");
        given().auth().oauth2(TestClients.operator()).contentType(ContentType.JSON).body("{\"scopes\": [\"patients.read\"]}")
                .put("/v1/api_clients/" + id).then().statusCode(200);
        given().auth().oauth2(TestClients.operator()).post("/v1/api_clients/" + id + "/rotate_secret").then().statusCode(200);
        requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(400);

        VertxContextSupport.subscribeAndAwait(() -> bootstrap.sync());

        assertEquals(List.of("all", "admin", "webhooks"), find().getList("data[0].scopes"));
        requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(200).body("scope", equalTo("all admin webhooks"));
    }

    @Test
    void aDeletedBootstrapClientIsRestored() throws Throwable {
        String id = find().getString("data[0].id");
        given().auth().oauth2(TestClients.operator()).delete("/v1/api_clients/" + id).then().statusCode(200);
        requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(400);

        VertxContextSupport.subscribeAndAwait(() -> bootstrap.sync());

        given().auth().oauth2(TestClients.operator()).get("/v1/api_clients/" + id).then().statusCode(200)
                .body("data.client_id", equalTo(CLIENT_ID));
        requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(200);
    }

    @Test
    void aBootstrapClientMovedToAnotherTenantIsMovedBack() throws Throwable {
        pool.preparedQuery("UPDATE api_clients SET tenant = 'elsewhere' WHERE client_id = $1").execute(Tuple.of(CLIENT_ID))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals("elsewhere", find().getString("data[0].tenant"));

        VertxContextSupport.subscribeAndAwait(() -> bootstrap.sync());

        assertEquals(TENANT, find().getString("data[0].tenant"));
        String token = requestToken(assertion(CLIENT_ID).signedWith(SECRET)).statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get("/v1/api_clients?tenant=" + TENANT + "&client_id=" + CLIENT_ID).then()
                .statusCode(200).body("data.tenant", contains(TENANT));
    }

    @Test
    void aSyncWithNothingToChangeWritesNothing() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> bootstrap.sync());
        String before = find().getString("data[0].updated_at");
        VertxContextSupport.subscribeAndAwait(() -> bootstrap.sync());
        assertEquals(before, find().getString("data[0].updated_at"));
    }

    private static JsonPath find() {
        return given().auth().oauth2(TestClients.operator()).get("/v1/api_clients?client_id=" + CLIENT_ID).then()
                .statusCode(200).extract().jsonPath();
    }
}
