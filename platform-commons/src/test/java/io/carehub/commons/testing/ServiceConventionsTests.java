package io.carehub.commons.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.security.ApiCollections;
import io.carehub.commons.security.VerifiedTokens;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.carehub.commons.web.Timestamps;
import io.restassured.response.Response;

/**
 * What every service shows the same way (ARCHITECTURE.md, "Observability"): health, metrics, OpenAPI,
 * the errors body for an unknown route, the tokens of a disabled or deleted API client refused. Each service runs
 * these with an empty {@code @QuarkusTest} subclass (notifier-service's says how it changes its own clients).
 */
public abstract class ServiceConventionsTests {

    private static final Logger LOG = Logger.getLogger(ServiceConventionsTests.class);

    /**
     * The revocation bound of the README ("Revocation"): from the Update or Delete of an API client to the first of
     * its requests refused, on any service.
     */
    protected static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

    /**
     * The part of the bound the events published here skip: notifier-service's outbox relay, which wakes on the
     * commit's NOTIFY and otherwise polls every second ({@code carehub.outbox.poll-interval}).
     */
    private static final Duration RELAY_AT_WORST = Duration.ofSeconds(1);

    @Test
    void isLiveAndReadyWithItsDatabaseChecked() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
    }

    @Test
    void reportsTheOutboxBacklogAsWellnessAndMetrics() {
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("carehub_outbox_pending"))
                .body(containsString("carehub_outbox_events_published_total"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."));
    }

    @Test
    void tagsEveryResponseWithTheRequestIdTheGatewaySentOrANewOne() {
        given().header("X-Request-Id", "gw-1234abcd").get("/v1/no_such_collection").then()
                .header("X-Request-Id", equalTo("gw-1234abcd"));
        given().get("/v1/no_such_collection").then()
                .header("X-Request-Id", matchesPattern("^[0-9a-f-]{36}$"));
        given().header("X-Request-Id", "<script>").get("/v1/no_such_collection").then()
                .header("X-Request-Id", matchesPattern("^[0-9a-f-]{36}$"));
    }

    @Inject
    JWTParser tokens;

    @Test
    void verifiesEachAccessTokenOnceAndStillRefusesEveryBadOne() throws ParseException {
        assertInstanceOf(VerifiedTokens.class, tokens, "Quarkus' JWT validator parses with VerifiedTokens");
        String tenant = "verified-" + UUID.randomUUID();
        String token = TestTokens.token(tenant, "all");
        JsonWebToken first = tokens.parse(token);
        assertSame(first, tokens.parse(token), "the second request with a token reuses its verification");
        assertNotSame(first, tokens.parse(TestTokens.token(tenant, "all")), "another token is verified on its own");
        assertEquals(tenant, first.getClaim("tenant"));

        // A known token changed in any way is another token: verified, and refused.
        assertThrows(ParseException.class, () -> tokens.parse(TestTokens.tampered(tenant, "all", "other-" + tenant)));
        assertThrows(ParseException.class, () -> tokens.parse(TestTokens.algNone(tenant, "all")));
        assertThrows(ParseException.class, () -> tokens.parse(TestTokens.otherKey(tenant, "all")));
        assertThrows(ParseException.class, () -> tokens.parse(TestTokens.expired(tenant, "all")));
        String path = authenticatedPath();
        given().auth().oauth2(token).get(path).then().statusCode(200);
        given().auth().oauth2(token).get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.tampered(tenant, "all", "other-" + tenant)).get(path).then()
                .statusCode(401).body("errors[0].code", equalTo("unauthorized"));
        given().auth().oauth2(TestTokens.expired(tenant, "all")).get(path).then()
                .statusCode(401).body("errors[0].code", equalTo("unauthorized"));
    }

    @Test
    void answersAnUnknownRouteWithTheErrorsBody() {
        given().auth().oauth2(TestTokens.token("conventions", "all")).get("/v1/no_such_collection").then()
                .statusCode(404)
                .body("errors[0].code", equalTo("not_found"))
                .body("errors[0].status", equalTo(404));
    }

    @Test
    void refusesTheTokensOfADisabledOrDeletedApiClientWithinTheRevocationBound() {
        ApiClients clients = apiClients();
        String tenant = "revocation-" + UUID.randomUUID();
        RevocableClient client = clients.create(tenant);
        RevocableClient other = clients.create(tenant);
        String path = authenticatedPath();
        assertAccepted(path, client);
        assertAccepted(path, other);

        clients.disable(client);
        awaitRefused(path, client, "disabled");
        assertAccepted(path, other);

        clients.enable(client);
        awaitAccepted(path, client, "enabled again");

        clients.delete(client);
        awaitRefused(path, client, "deleted");
        assertAccepted(path, other);
    }

    /**
     * An api_clients update may be a disable: while notifier-service cannot say, the client's tokens issued before it
     * are refused (safe, not open), other clients' are not, and once it answers "usable" they are accepted again.
     */
    @Test
    void refusesTheEarlierTokensOfAClientUpdatedWhileTheNotifierCannotBeAskedUntilItSaysUsable() {
        assumeTrue(apiClients() instanceof ApiClientEvents, "this service holds its clients: it asks no one");
        String tenant = "revocation-" + UUID.randomUUID();
        RevocableClient client = ApiClientEvents.client(tenant);
        RevocableClient other = ApiClientEvents.client(tenant);
        String path = authenticatedPath();
        assertAccepted(path, client);
        TestOwners.unreachable(true);
        try {
            ApiClientEvents.publish(client, "updated");
            awaitRefused(path, client, "updated while notifier-service cannot be asked");
            assertAccepted(path, other);
        } finally {
            TestOwners.unreachable(false);
        }
        awaitAccepted(path, client, "said usable once notifier-service answers");
    }

    /** A client of the test and a token of it, which may use {@link #authenticatedPath()}. */
    public record RevocableClient(UUID id, String tenant, String token) {
    }

    /** How a suite makes an API client and disables, enables and deletes it. */
    public interface ApiClients {

        RevocableClient create(String tenant);

        void disable(RevocableClient client);

        void enable(RevocableClient client);

        void delete(RevocableClient client);
    }

    /**
     * By default, as a service other than notifier-service sees its clients: the stand-in notifier ({@link TestOwners})
     * says whether a client is usable, and the api_clients change events come on {@code notifier-service.changes},
     * each published once the stand-in says what the change made, as the notifier's outbox publishes after the commit.
     */
    protected ApiClients apiClients() {
        return new ApiClientEvents();
    }

    /** API clients as the stand-in notifier and its change events show them. */
    protected static final class ApiClientEvents implements ApiClients {

        static final String TOPIC = "notifier-service.changes";

        static RevocableClient client(String tenant) {
            UUID id = TestOwners.create(ApiCollections.API_CLIENTS, tenant);
            return new RevocableClient(id, tenant, TestTokens.ofClient(tenant, "all", id));
        }

        @Override
        public RevocableClient create(String tenant) {
            return client(tenant);
        }

        @Override
        public void disable(RevocableClient client) {
            TestOwners.delete(ApiCollections.API_CLIENTS, client.tenant(), client.id());
            publish(client, "updated");
        }

        @Override
        public void enable(RevocableClient client) {
            TestOwners.create(ApiCollections.API_CLIENTS, client.tenant(), client.id());
            publish(client, "updated");
        }

        @Override
        public void delete(RevocableClient client) {
            TestOwners.delete(ApiCollections.API_CLIENTS, client.tenant(), client.id());
            publish(client, "deleted");
        }

        /** The event notifier-service's outbox writes for the change, stamped now, keyed by the client's id. */
        static void publish(RevocableClient client, String operation) {
            ObjectNode event = TestChangeEvents.changeEvent("notifier-service", client.tenant(), ApiCollections.API_CLIENTS,
                    client.id(), operation);
            String now = Timestamps.format(Instant.now());
            event.put("time", now);
            ((ObjectNode) event.get("data")).put("updated_at", now);
            TestChangeEvents.publish(TOPIC, client.id().toString(), event.toString());
        }
    }

    /** A Find of this service that needs a token with {@code all}: the first of its OpenAPI document. */
    protected String authenticatedPath() {
        Map<String, Object> paths = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        return paths.entrySet().stream()
                .filter(e -> e.getKey().matches("/v1/[a-z_]+") && e.getValue() instanceof Map<?, ?> ops && ops.containsKey("get"))
                .map(Map.Entry::getKey)
                .filter(p -> ApiCollections.DATA.contains(p.substring(4)) || ApiCollections.WEBHOOK_SUBSCRIPTIONS.equals(p.substring(4)))
                .sorted().findFirst().orElseThrow(() -> new AssertionError("no Find in the OpenAPI document"));
    }

    private static void assertAccepted(String path, RevocableClient client) {
        given().auth().oauth2(client.token()).get(path).then().statusCode(200);
    }

    /** Polls until the client's token is refused, within the bound less the relay the test skips. */
    private static void awaitRefused(String path, RevocableClient client, String what) {
        Response refused = await(path, client, 401, what);
        refused.then().header("WWW-Authenticate", equalTo("Bearer"))
                .body("errors[0].code", equalTo("unauthorized"))
                .body("errors[0].status", equalTo(401));
    }

    private static void awaitAccepted(String path, RevocableClient client, String what) {
        await(path, client, 200, what);
    }

    private static Response await(String path, RevocableClient client, int status, String what) {
        Instant start = Instant.now();
        Instant deadline = start.plus(REVOCATION_BOUND.minus(RELAY_AT_WORST));
        while (true) {
            Response response = given().auth().oauth2(client.token()).get(path);
            if (response.statusCode() == status) {
                LOG.infof("revocation: a client %s answered %d after %d ms", what, status,
                        Duration.between(start, Instant.now()).toMillis());
                return response;
            }
            if (Instant.now().isAfter(deadline)) {
                assertEquals(status, response.statusCode(), "a client " + what + ", after "
                        + Duration.between(start, Instant.now()).toMillis() + " ms: " + response.asString());
            }
            TestChangeEvents.pause();
        }
    }
}
