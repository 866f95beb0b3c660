package io.carehub.notifier.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.carehub.notifier.TestReceiver;
import io.carehub.notifier.subscription.UrlSafety;

/**
 * API.md §7, token-exchange mode, against a real endpoint on loopback: what the subscriber's token endpoint
 * answers is bounded (body size, time), and so is what the notifier keeps of it (entries, lifetime).
 */
class TokenExchangeTests {

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    final WebhookHttp http = new WebhookHttp(new UrlSafety(true), TIMEOUT, 4);
    final TokenExchange tokens = new TokenExchange(http);

    @AfterEach
    void close() throws Exception {
        http.close();
    }

    String exchange(TestReceiver.Endpoint endpoint) throws TokenExchange.Failure {
        return tokens.accessToken(UUID.randomUUID(), endpoint.url(), "carehub", "secret");
    }

    @Test
    void aTokenIsCachedUntilItExpiresAndOneThatExpiresAtOnceIsNot() throws Exception {
        TestReceiver.Endpoint endpoint = TestReceiver.endpoint().answer(200, "{\"access_token\": \"t\", \"expires_in\": 3600}");
        UUID id = UUID.randomUUID();
        assertEquals("t", tokens.accessToken(id, endpoint.url(), "carehub", "secret"));
        assertEquals("t", tokens.accessToken(id, endpoint.url(), "carehub", "secret"));
        assertEquals(1, endpoint.requests().size());

        TestReceiver.Endpoint shortLived = TestReceiver.endpoint().answer(200, "{\"access_token\": \"s\", \"expires_in\": 10}");
        tokens.accessToken(id, shortLived.url(), "carehub", "secret");
        tokens.accessToken(id, shortLived.url(), "carehub", "secret");
        assertEquals(2, shortLived.requests().size(), "a token valid for less than the early renewal is not kept");
    }

    @Test
    void anExpiresInFromTheFarFutureIsClampedInsteadOfThrowing() throws Exception {
        TestReceiver.Endpoint endpoint = TestReceiver.endpoint()
                .answer(200, "{\"access_token\": \"forever\", \"expires_in\": 9223372036854775807}");
        assertEquals("forever", exchange(endpoint));
        assertEquals(1, tokens.cached());
    }

    @Test
    void theCacheHoldsAtMostItsCapOfTokens() throws Exception {
        TestReceiver.Endpoint endpoint = TestReceiver.endpoint().answer(200, "{\"access_token\": \"t\", \"expires_in\": 3600}");
        for (int i = 0; i < TokenExchange.MAX_CACHED + 50; i++) {
            exchange(endpoint);
        }
        assertEquals(TokenExchange.MAX_CACHED, tokens.cached());
    }

    @Test
    void aBodyPastSixteenKibIsRefusedWithoutReadingTheRest() {
        TestReceiver.Endpoint endless = TestReceiver.endpoint().endless();
        long started = System.nanoTime();
        TokenExchange.Failure failure = assertThrows(TokenExchange.Failure.class, () -> exchange(endless));
        assertEquals("token exchange answered more than 16384 bytes", failure.getMessage());
        assertTrue(System.nanoTime() - started < TIMEOUT.toNanos(), "refused before the deadline");

        String big = "{\"access_token\": \"" + "x".repeat(TokenExchange.MAX_BODY_BYTES) + "\"}";
        TestReceiver.Endpoint declared = TestReceiver.endpoint().answer(200, big);
        assertEquals("token exchange answered more than 16384 bytes",
                assertThrows(TokenExchange.Failure.class, () -> exchange(declared)).getMessage());
    }

    @Test
    void aTrickledBodyIsAbandonedAtTheDeadline() {
        TestReceiver.Endpoint trickle = TestReceiver.endpoint().trickle(Duration.ofMillis(200));
        long started = System.nanoTime();
        TokenExchange.Failure failure = assertThrows(TokenExchange.Failure.class, () -> exchange(trickle));
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertEquals("token exchange: no answer within 1000 ms", failure.getMessage());
        // Each byte comes well within a per-read timeout: only the deadline on the whole request ends it.
        assertTrue(tookMs >= TIMEOUT.toMillis() - 50 && tookMs < TIMEOUT.toMillis() + 1000, tookMs + " ms");
    }

    @Test
    void whatIsNotATokenIsAFailureThatSaysWhatCameInstead() {
        TestReceiver.Endpoint notJson = TestReceiver.endpoint().answer(200, "<html>");
        assertEquals("token exchange answered something other than JSON",
                assertThrows(TokenExchange.Failure.class, () -> exchange(notJson)).getMessage());
        TestReceiver.Endpoint noToken = TestReceiver.endpoint().answer(200, "{\"token\": \"x\"}");
        assertEquals("token exchange answered without an access_token",
                assertThrows(TokenExchange.Failure.class, () -> exchange(noToken)).getMessage());
        TestReceiver.Endpoint refusing = TestReceiver.endpoint().answer(401, "{}");
        assertEquals("token exchange answered HTTP 401",
                assertThrows(TokenExchange.Failure.class, () -> exchange(refusing)).getMessage());
    }
}
