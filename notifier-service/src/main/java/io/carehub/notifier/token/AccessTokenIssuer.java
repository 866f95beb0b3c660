package io.carehub.notifier.token;

import java.io.IOException;
import java.security.Key;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.carehub.commons.security.Caller;
import io.carehub.notifier.client.ApiClient;
import io.carehub.notifier.config.TokenConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Issues the platform's access tokens (API.md §1): RS256 with the platform's private key, claims
 * {@code iss}, {@code sub} = client_id, {@code api_client_id} = the client's api_clients id (what its change events
 * name, so that every service can refuse the tokens of a client disabled or deleted since), {@code tenant},
 * {@code scope} (space-separated; services read it as groups), {@code exp}, {@code iat}, {@code jti}. The key is read once at start (smallrye-jwt's
 * {@code smallrye.jwt.sign.key.location}), so that signing is CPU work only and may run on the event loop.
 */
@Startup
@ApplicationScoped
public class AccessTokenIssuer {

    private final TokenConfig config;
    private final PrivateKey key;

    public AccessTokenIssuer(TokenConfig config,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> keyLocation) {
        this.config = config;
        this.key = readKey(keyLocation.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "JWT_PRIVATE_KEY_LOCATION (smallrye.jwt.sign.key.location) must name the token signing key")));
    }

    /**
     * A token for {@code client} in {@code environment} with {@code scopes}; it names the client's roles
     * ({@code roles}, API-CORE.md §C9) when it has any: what each service enforces besides the scopes.
     */
    public TokenResponse issue(ApiClient client, String environment, List<String> scopes) {
        long now = Instant.now().getEpochSecond();
        long lifetime = config.lifetime().toSeconds();
        String scope = String.join(" ", scopes);
        var builder = Jwt.issuer(config.issuer())
                .subject(client.clientId)
                .claim(Caller.API_CLIENT_CLAIM, client.id.toString())
                .claim(Caller.TENANT_CLAIM, client.tenant)
                .claim(Caller.ENVIRONMENT_CLAIM, environment)
                .claim(Caller.ENVIRONMENTS_CLAIM, client.environments);
        if (client.roles != null && !client.roles.isEmpty()) {
            builder = builder.claim(Caller.ROLES_CLAIM, client.roles);
        }
        String token = builder
                .claim("scope", scope)
                .issuedAt(now)
                .expiresAt(now + lifetime)
                .claim("jti", UUID.randomUUID().toString())
                .jws().algorithm(SignatureAlgorithm.RS256)
                .sign(key);
        return new TokenResponse(token, "Bearer", lifetime, scope);
    }

    private static PrivateKey readKey(String location) {
        Key read;
        try {
            read = KeyUtils.readSigningKey(location, null, SignatureAlgorithm.RS256);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token signing key at " + location, e);
        }
        if (!(read instanceof PrivateKey privateKey)) {
            throw new IllegalStateException("the token signing key at " + location + " is not an RSA private key");
        }
        return privateKey;
    }
}
