package io.carehub.notifier.token;

import static io.carehub.notifier.TestClients.JWT_BEARER;
import static io.carehub.notifier.TestClients.assertion;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.carehub.notifier.TestClients;
import io.carehub.notifier.TestClients.Client;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Guessing at {@code POST /v1/token} slows to its limits (README "Rate limits"): attempts per {@code client_id} and per
 * remote address, good or bad, each answered {@code 429 too_many_requests} with {@code Retry-After} past its limit;
 * at {@code POST /oauth/token}, and by the client credentials grant anywhere, {@code 429} with RFC 6749's
 * {@code temporarily_unavailable} (API-CORE.md §C2).
 * The test's requests come from loopback, a trusted proxy here as the gateway is locally, so {@code X-Forwarded-For}
 * stands for the address the gateway saw: its rightmost entry, never one the client wrote left of it.
 */
@QuarkusTest
@TestProfile(TokenRateLimitTests.LowLimits.class)
class TokenRateLimitTests {

    static final int PER_CLIENT = 3;
    static final int PER_ADDRESS = 5;
    static final String WRONG_SECRET = "not-the-secret-but-long-enough-for-hs256";

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("carehub.rate-limit.token-per-client", String.valueOf(PER_CLIENT),
                    "carehub.rate-limit.token-per-client-period", "1m",
                    "carehub.rate-limit.token-per-address-per-minute", String.valueOf(PER_ADDRESS));
        }
    }

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    /** A documentation address (TEST-NET-3) not used before in this run, so that address buckets are apart. */
    private static String newAddress() {
        return "203.0.113." + NEXT_ADDRESS.getAndIncrement();
    }

    private static ValidatableResponse tokenRequest(String forwardedFor, String assertion) {
        return given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.URLENC)
                .formParam("grant_type", JWT_BEARER).formParam("assertion", assertion).post("/v1/token").then();
    }

    private static void assertTooManyRequests(ValidatableResponse r, String detail) {
        r.statusCode(429).contentType(ContentType.JSON)
                .header("Retry-After", notNullValue())
                .body("errors.size()", equalTo(1))
                .body("errors[0].status", equalTo(429))
                .body("errors[0].code", equalTo("too_many_requests"))
                .body("errors[0].title", equalTo("Too Many Requests"))
                .body("errors[0].detail", startsWith(detail));
        long retryAfter = Long.parseLong(r.extract().header("Retry-After"));
        // A token a minute's fraction refills in at most 60 s / limit.
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void badAssertionsForOneClientIdSlowToItsLimitAndThenEvenItsSecretWaits() {
        Client client = TestClients.create("token-rl-" + UUID.randomUUID(), "all");
        String address = newAddress();
        for (int i = 0; i < PER_CLIENT; i++) {
            tokenRequest(address, assertion(client.clientId()).signedWith(WRONG_SECRET)).statusCode(400)
                    .body("error", equalTo("invalid_grant"));
        }
        assertTooManyRequests(tokenRequest(address, assertion(client.clientId()).signedWith(WRONG_SECRET)),
                "too many token requests for this client_id: at most " + PER_CLIENT + " a minute");
        // The real secret waits too: the limit is on the client_id, not on failures a guesser could tell apart.
        assertTooManyRequests(tokenRequest(newAddress(), assertion(client.clientId()).signedWith(client.secret())),
                "too many token requests for this client_id");

        Client other = TestClients.create("token-rl-" + UUID.randomUUID(), "all");
        tokenRequest(address, assertion(other.clientId()).signedWith(other.secret())).statusCode(200)
                .body("access_token", notNullValue());
    }

    @Test
    void attemptsFromOneAddressSlowToItsLimitWhateverClientIdsTheyNameOrAddressTheyClaim() {
        String address = newAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            tokenRequest(address, assertion("guess-" + UUID.randomUUID()).signedWith(WRONG_SECRET)).statusCode(400)
                    .body("error", equalTo("invalid_grant"));
        }
        assertTooManyRequests(tokenRequest(address, assertion("guess-" + UUID.randomUUID()).signedWith(WRONG_SECRET)),
                "too many token requests from this address: at most " + PER_ADDRESS + " a minute");
        // An X-Forwarded-For the client wrote itself is left of what the gateway appended: it changes nothing.
        assertTooManyRequests(tokenRequest("198.51.100.1, " + address,
                assertion("guess-" + UUID.randomUUID()).signedWith(WRONG_SECRET)), "too many token requests from this address");

        Client client = TestClients.create("token-rl-" + UUID.randomUUID(), "all");
        tokenRequest(address + ", " + newAddress(), assertion(client.clientId()).signedWith(client.secret())).statusCode(200)
                .body("access_token", notNullValue());
    }

    private static ValidatableResponse clientCredentials(String path, String forwardedFor, String clientId, String secret) {
        return given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").auth().preemptive().basic(clientId, secret).post(path).then();
    }

    /** API-CORE.md §C2: 429, Retry-After, and RFC 6749's body with temporarily_unavailable. */
    private static void assertTemporarilyUnavailable(ValidatableResponse r, String description) {
        r.statusCode(429).contentType(ContentType.JSON)
                .header("Retry-After", notNullValue())
                .header("Cache-Control", "no-store")
                .body("keySet()", org.hamcrest.Matchers.containsInAnyOrder("error", "error_description"))
                .body("error", equalTo("temporarily_unavailable"))
                .body("error_description", startsWith(description));
        long retryAfter = Long.parseLong(r.extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        r.body("error_description", org.hamcrest.Matchers.endsWith("; retry after " + retryAfter + " s"));
    }

    /**
     * Wrong secrets for one client_id slow to the per-client limit, which then holds its real secret too, by either grant
     * at either path: the two grants count in one bucket. The client credentials grant answers in RFC 6749's words
     * wherever it is posted; the JWT-bearer grant at /v1/token keeps API.md's errors body.
     */
    @Test
    void wrongSecretsByClientCredentialsSlowToTheClientsLimitWhichEveryGrantThenWaitsFor() {
        Client client = TestClients.create("token-rl-" + UUID.randomUUID(), "all");
        String address = newAddress();
        for (int i = 0; i < PER_CLIENT; i++) {
            clientCredentials("/oauth/token", address, client.clientId(), WRONG_SECRET).statusCode(401)
                    .body("error", equalTo("invalid_client"));
        }
        String limited = "too many token requests for this client_id: at most " + PER_CLIENT + " a minute";
        assertTemporarilyUnavailable(clientCredentials("/oauth/token", address, client.clientId(), WRONG_SECRET), limited);
        String elsewhere = newAddress();
        assertTemporarilyUnavailable(clientCredentials("/oauth/token", elsewhere, client.clientId(), client.secret()), limited);
        assertTemporarilyUnavailable(clientCredentials("/v1/token", elsewhere, client.clientId(), client.secret()), limited);
        assertTooManyRequests(tokenRequest(elsewhere, assertion(client.clientId()).signedWith(client.secret())), limited);

        Client other = TestClients.create("token-rl-" + UUID.randomUUID(), "all");
        clientCredentials("/oauth/token", newAddress(), other.clientId(), other.secret()).statusCode(200)
                .body("scope", equalTo("all"));
    }

    /** JWT-bearer assertions spend the same bucket: past it, client credentials waits too. */
    @Test
    void jwtBearerRequestsSpendTheBucketClientCredentialsDrawsOn() {
        Client client = TestClients.create("token-rl-" + UUID.randomUUID(), "all");
        String address = newAddress();
        for (int i = 0; i < PER_CLIENT; i++) {
            tokenRequest(address, assertion(client.clientId()).signedWith(client.secret())).statusCode(200);
        }
        assertTemporarilyUnavailable(clientCredentials("/oauth/token", newAddress(), client.clientId(), client.secret()),
                "too many token requests for this client_id");
    }

    @Test
    void requestsFromOneAddressAtOAuthTokenSlowToItsLimitInRfc6749sWords() {
        String address = newAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            clientCredentials("/oauth/token", address, "guess-" + UUID.randomUUID(), WRONG_SECRET).statusCode(401);
        }
        String limited = "too many token requests from this address: at most " + PER_ADDRESS + " a minute";
        assertTemporarilyUnavailable(clientCredentials("/oauth/token", address, "guess-" + UUID.randomUUID(), WRONG_SECRET), limited);
        // Whatever the request holds, even nothing readable: counted, and refused in /oauth/token's words.
        assertTemporarilyUnavailable(given().header("X-Forwarded-For", address).contentType(ContentType.TEXT).body("x")
                .post("/oauth/token").then(), limited);
        // At /v1/token the grant decides: client credentials in RFC 6749's words, anything else as v1 answered.
        assertTemporarilyUnavailable(clientCredentials("/v1/token", address, "guess-" + UUID.randomUUID(), WRONG_SECRET), limited);
        assertTooManyRequests(given().header("X-Forwarded-For", address).contentType(ContentType.TEXT).body("x")
                .post("/v1/token").then(), "too many token requests from this address");

        Client client = TestClients.create("token-rl-" + UUID.randomUUID(), "all");
        clientCredentials("/oauth/token", newAddress(), client.clientId(), client.secret()).statusCode(200);
    }
}
