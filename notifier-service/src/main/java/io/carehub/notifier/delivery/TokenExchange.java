package io.carehub.notifier.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reference's token-exchange mode (API.md §7): the delivery JWT (with {@code aud} = the token endpoint)
 * is exchanged at the subscriber's token endpoint by the JWT-bearer grant (RFC 7523), and the returned
 * {@code access_token} is the delivery's bearer, cached until shortly before it expires. Only a cache: a
 * restart or another instance simply exchanges again.
 */
final class TokenExchange {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(30);
    private static final long DEFAULT_LIFETIME_SECONDS = 300;

    /** Why a delivery could not get its bearer; the message names no secret or token. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private record Cached(String token, Instant renewAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    TokenExchange(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** The access token for a subscription (keyed also by endpoint, issuer and secret, so a change of any renews it). */
    String accessToken(UUID subscriptionId, String endpoint, String issuer, String secret) throws Failure {
        String key = subscriptionId + " " + endpoint + " " + issuer + " " + Integer.toHexString(secret.hashCode());
        Cached cached = cache.get(key);
        Instant now = Instant.now();
        if (cached != null && now.isBefore(cached.renewAt())) {
            return cached.token();
        }
        String assertion = Signatures.bearerJwt(secret, issuer, endpoint, UUID.randomUUID().toString(), now);
        String form = "grant_type=" + URLEncoder.encode(JWT_BEARER, StandardCharsets.UTF_8) + "&assertion="
                + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(endpoint)).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("token exchange failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("token exchange interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new Failure("token exchange answered HTTP " + response.statusCode());
        }
        try {
            JsonNode body = json.readTree(response.body());
            JsonNode token = body.get("access_token");
            if (token == null || !token.isTextual() || token.textValue().isBlank()) {
                throw new Failure("token exchange answered without an access_token");
            }
            long lifetime = body.hasNonNull("expires_in") && body.get("expires_in").canConvertToLong()
                    ? body.get("expires_in").asLong() : DEFAULT_LIFETIME_SECONDS;
            Instant renewAt = now.plusSeconds(lifetime).minus(EARLY_RENEWAL);
            cache.put(key, new Cached(token.textValue(), renewAt));
            return token.textValue();
        } catch (IOException e) {
            throw new Failure("token exchange answered something other than JSON");
        }
    }

    void forget(UUID subscriptionId) {
        cache.keySet().removeIf(k -> k.startsWith(subscriptionId + " "));
    }
}
