package io.carehub.commons.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints access tokens as notifier-service would (RS256, claims {@code iss}, {@code sub}, {@code tenant},
 * {@code scope}, {@code exp}, {@code iat}, {@code jti}, and for {@link #ofClient} {@code api_client_id}), signed with the test key that the services under
 * test trust ({@code test-keys/}, test resources only). Also the broken ones a service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "carehub";

    private TestTokens() {
    }

    /** A valid token for {@code tenant} with the space-separated {@code scope}, as one issued before environments (live). */
    public static String token(String tenant, String scope) {
        return sign(tenant, scope, Instant.now().plusSeconds(3600), key("test-keys/jwt-private.pem"));
    }

    /**
     * A valid token for {@code tenant} that works in {@code environment} (API-CORE.md §C1), its client granted
     * {@code live} and {@code sandbox}.
     */
    public static String inEnvironment(String tenant, String environment, String scope) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject("test-client-" + tenant)
                .claim("tenant", tenant)
                .claim("environment", environment)
                .claim("environments", java.util.List.of("live", "sandbox"))
                .claim("scope", scope)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(3600))
                .claim("jti", UUID.randomUUID().toString())
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key("test-keys/jwt-private.pem"));
    }

    /** A valid token for {@code tenant} (live) whose client has {@code roles} (API-CORE.md §C9). */
    public static String withRoles(String tenant, String scope, String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject("test-client-" + tenant)
                .claim("tenant", tenant)
                .claim("roles", java.util.List.of(roles))
                .claim("scope", scope)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(3600))
                .claim("jti", UUID.randomUUID().toString())
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key("test-keys/jwt-private.pem"));
    }

    /**
     * A valid token of the API client whose api_clients id is {@code apiClient}: one that is refused once that
     * client is disabled or deleted.
     */
    public static String ofClient(String tenant, String scope, UUID apiClient) {
        return ofClient(tenant, scope, apiClient, Instant.now());
    }

    /** The same, issued ({@code iat}) at {@code issuedAt}. */
    public static String ofClient(String tenant, String scope, UUID apiClient, Instant issuedAt) {
        return sign(tenant, scope, apiClient, issuedAt, issuedAt.plusSeconds(3600), key("test-keys/jwt-private.pem"));
    }

    /** A valid token that expires at {@code expires}. */
    public static String expiringAt(String tenant, String scope, Instant expires) {
        return sign(tenant, scope, expires, key("test-keys/jwt-private.pem"));
    }

    public static String expired(String tenant, String scope) {
        return sign(tenant, scope, Instant.now().minusSeconds(600), key("test-keys/jwt-private.pem"));
    }

    /** Signed by a key the services do not trust. */
    public static String otherKey(String tenant, String scope) {
        return sign(tenant, scope, Instant.now().plusSeconds(3600), key("test-keys/other-private.pem"));
    }

    /** A valid token whose payload was changed after signing (the tenant swapped). */
    public static String tampered(String tenant, String scope, String otherTenant) {
        String[] parts = token(tenant, scope).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"tenant\":\"" + tenant + "\"", "\"tenant\":\"" + otherTenant + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** The same claims, {@code alg: none}, no signature. */
    public static String algNone(String tenant, String scope) {
        String[] parts = token(tenant, scope).split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    private static String sign(String tenant, String scope, Instant expires, PrivateKey key) {
        Instant now = Instant.now();
        return sign(tenant, scope, null, now.isAfter(expires) ? expires.minusSeconds(60) : now, expires, key);
    }

    private static String sign(String tenant, String scope, UUID apiClient, Instant issuedAt, Instant expires, PrivateKey key) {
        var claims = Jwt.issuer(ISSUER)
                .subject("test-client-" + tenant)
                .claim("tenant", tenant)
                .claim("scope", scope)
                .issuedAt(issuedAt)
                .expiresAt(expires)
                .claim("jti", UUID.randomUUID().toString());
        if (apiClient != null) {
            claims.claim("api_client_id", apiClient.toString());
        }
        return claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key);
    }

    private static PrivateKey key(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
