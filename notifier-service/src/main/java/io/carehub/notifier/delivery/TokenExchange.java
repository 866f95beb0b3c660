package io.carehub.notifier.delivery;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.notifier.subscription.UrlSafety;

/**
 * The reference's token-exchange mode (API.md §7): the delivery JWT (with {@code aud} = the token endpoint)
 * is exchanged at the subscriber's token endpoint by the JWT-bearer grant (RFC 7523), and the returned
 * {@code access_token} is the delivery's bearer, cached until shortly before it expires. The endpoint is the
 * subscriber's, so nothing it answers is trusted to be small or quick: at most {@link #MAX_BODY_BYTES} are
 * read, within the request deadline, and the cache holds at most {@link #MAX_CACHED} tokens for at most
 * {@link #MAX_LIFETIME}. Only a cache: a restart or another instance simply exchanges again.
 */
final class TokenExchange {

    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** A token response is a few hundred bytes; anything past this is refused, not read. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_CACHED = 1000;
    static final Duration MAX_LIFETIME = Duration.ofHours(24);
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

    /** Least recently used first; the eldest goes once the cap is passed. Guarded by itself. */
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_CACHED;
        }
    };
    private final WebhookHttp http;
    private final ObjectMapper json = new ObjectMapper();

    TokenExchange(WebhookHttp http) {
        this.http = http;
    }

    /** The access token for a subscription (keyed also by endpoint, issuer and secret, so a change of any renews it). */
    String accessToken(UUID subscriptionId, String endpoint, String issuer, String secret) throws Failure {
        String key = subscriptionId + " " + endpoint + " " + issuer + " " + Integer.toHexString(secret.hashCode());
        Instant now = Instant.now();
        synchronized (cache) {
            Cached cached = cache.get(key);
            if (cached != null) {
                if (now.isBefore(cached.renewAt())) {
                    return cached.token();
                }
                cache.remove(key);
            }
        }
        String assertion = Signatures.bearerJwt(secret, issuer, endpoint, UUID.randomUUID().toString(), now);
        String form = "grant_type=" + URLEncoder.encode(JWT_BEARER, StandardCharsets.UTF_8) + "&assertion="
                + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        WebhookHttp.Answer answer;
        try {
            answer = http.post(endpoint, Map.of("Accept", "application/json"), form.getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded", MAX_BODY_BYTES);
        } catch (UrlSafety.Refused e) {
            throw new Failure("refused: token_endpoint_url must not resolve to a loopback, link-local, private or reserved address");
        } catch (WebhookHttp.DeadlineExceeded e) {
            throw new Failure("token exchange: no answer within " + http.timeout().toMillis() + " ms");
        } catch (WebhookHttp.TooLarge e) {
            throw new Failure("token exchange answered more than " + MAX_BODY_BYTES + " bytes");
        } catch (IOException e) {
            throw new Failure("token exchange failed: " + e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            throw new Failure("token exchange: the token_endpoint_url cannot be called");
        }
        if (answer.status() / 100 != 2) {
            throw new Failure("token exchange answered HTTP " + answer.status());
        }
        try {
            JsonNode body = json.readTree(answer.body());
            JsonNode token = body == null ? null : body.get("access_token");
            if (token == null || !token.isTextual() || token.textValue().isBlank()) {
                throw new Failure("token exchange answered without an access_token");
            }
            long lifetime = body.hasNonNull("expires_in") && body.get("expires_in").canConvertToLong()
                    ? body.get("expires_in").asLong() : DEFAULT_LIFETIME_SECONDS;
            lifetime = Math.max(0, Math.min(lifetime, MAX_LIFETIME.toSeconds()));
            Instant renewAt = now.plusSeconds(lifetime).minus(EARLY_RENEWAL);
            if (renewAt.isAfter(now)) {
                synchronized (cache) {
                    cache.put(key, new Cached(token.textValue(), renewAt));
                }
            }
            return token.textValue();
        } catch (IOException e) {
            throw new Failure("token exchange answered something other than JSON");
        }
    }

    void forget(UUID subscriptionId) {
        synchronized (cache) {
            cache.keySet().removeIf(k -> k.startsWith(subscriptionId + " "));
        }
    }

    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
