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
 * remote address, good or bad, each answered {@code 429 too_many_requests} with {@code Retry-After} past its limit.
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
            return Map.of("carehub.rate-limit.token-per-client-per-minute", String.valueOf(PER_CLIENT),
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
}
