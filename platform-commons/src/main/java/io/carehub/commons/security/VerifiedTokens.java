package io.carehub.commons.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each access token's RS256 signature and claims once, not on every request: the token Quarkus' JWT
 * validator parses is looked up first among the tokens this instance verified already, and only an unknown one is
 * verified (by smallrye-jwt's own parser, with the service's configured key and issuer). A client sends the same token
 * for its whole lifetime, and verifying it was about a quarter of the CPU of a patient Get.
 * <p>
 * Bounded: at most {@code carehub.security.verified-tokens.max} tokens (the least recently used go first), each only
 * until its {@code exp}; a token is known by the SHA-256 of its text, so the tokens themselves are not kept. Tokens
 * that fail verification are not remembered; a maximum of 0 verifies every request's token again, as without the cache
 * (what the benchmark compares with). Revocation is untouched: {@code RevokedTokens} still checks every
 * request's identity, cached or not.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final DefaultJWTParser verifier;
    private final boolean enabled;
    private final Cache<String, JsonWebToken> verified;

    VerifiedTokens(DefaultJWTParser verifier,
            @ConfigProperty(name = "carehub.security.verified-tokens.max", defaultValue = "10000") long max) {
        this.verifier = verifier;
        this.enabled = max > 0;
        this.verified = Caffeine.newBuilder()
                .maximumSize(max)
                .expireAfter(Expiry.<String, JsonWebToken>creating((key, token) -> untilExpiry(token)))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!enabled) {
            return verifier.parse(token);
        }
        String key = digest(token);
        JsonWebToken known = verified.getIfPresent(key);
        if (known != null && !untilExpiry(known).isZero()) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token);
        verified.put(key, fresh);
        return fresh;
    }

    /** Runs the cache's pending evictions now (tests). */
    void cleanUp() {
        verified.cleanUp();
    }

    /** How long a verified token stays usable: until its {@code exp} (zero once past it). */
    private static Duration untilExpiry(JsonWebToken token) {
        long millis = token.getExpirationTime() * 1000 - System.currentTimeMillis();
        return millis > 0 ? Duration.ofMillis(millis) : Duration.ZERO;
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // The rest is smallrye-jwt's own: other keys or contexts than the service's are not cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
