package io.carehub.notifier.token;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

import io.carehub.commons.ratelimit.RateLimits;
import io.carehub.notifier.client.ApiClient;
import io.carehub.notifier.client.ApiClientService;
import io.smallrye.mutiny.Uni;

/**
 * The JWT-bearer grant (RFC 7523, API.md §1): reads the assertion's {@code iss}, finds that client (not
 * disabled, not deleted), verifies the assertion with the client's secret, settles the scopes, refuses a
 * replayed {@code jti} (or a jti-less assertion past its window), and issues an access token for the client's
 * tenant.
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);

    private final ApiClientService clients;
    private final AssertionVerifier verifier;
    private final ReplayGuard replays;
    private final AccessTokenIssuer issuer;
    private final RateLimits limits;

    public TokenService(ApiClientService clients, AssertionVerifier verifier, ReplayGuard replays, AccessTokenIssuer issuer,
            RateLimits limits) {
        this.clients = clients;
        this.verifier = verifier;
        this.replays = replays;
        this.issuer = issuer;
        this.limits = limits;
    }

    private record Grant(ApiClient client, JwtClaims claims, List<String> scopes) {
    }

    public Uni<TokenResponse> exchange(TokenRequest request) {
        String assertion = request.jwtBearerAssertion();
        String clientId = verifier.issuer(assertion);
        // Counted before the client is looked up: guessing a client's secret slows to its limit (429).
        limits.tokenAttemptFor(clientId);
        return clients.usableWithSecret(clientId)
                .map(found -> {
                    if (found == null) {
                        LOG.debug("assertion refused: its iss names no usable client");
                        throw OAuthError.invalidGrant();
                    }
                    JwtClaims claims = verifier.verify(assertion, clientId, found.secret());
                    List<String> scopes = ScopeGrant.grant(found.client().scopes, claims.getClaimValue("scope"));
                    return new Grant(found.client(), claims, scopes);
                })
                .call(grant -> refuseReplay(assertion, grant.claims(), clientId))
                .map(grant -> {
                    TokenResponse token = issuer.issue(grant.client().id, clientId, grant.client().tenant, grant.scopes());
                    LOG.debugf("access token issued to client %s (tenant %s, scope %s)", clientId, grant.client().tenant,
                            token.scope());
                    return token;
                });
    }

    /**
     * A jti is good once within its exp; an assertion without one, any number of times but only within
     * {@link ReplayGuard#JTI_LESS_WINDOW} of its first use (API.md §1 keeps jti optional for PyJWT clients).
     */
    private Uni<Void> refuseReplay(String assertion, JwtClaims claims, String clientId) {
        String jti;
        Instant validUntil;
        try {
            jti = claims.getJwtId();
            // Acceptable until exp plus the leeway: remembered that long.
            validUntil = Instant.ofEpochSecond(claims.getExpirationTime().getValue())
                    .plusSeconds(AssertionVerifier.LEEWAY_SECONDS);
        } catch (MalformedClaimException e) {
            throw OAuthError.invalidGrant("the assertion has a malformed claim");
        }
        if (jti == null) {
            return replays.withinJtiLessWindow(clientId, assertion, validUntil).invoke(within -> {
                if (!within) {
                    LOG.debugf("assertion refused: jti-less assertion of client %s reused after its window", clientId);
                    throw OAuthError.invalidGrant("an assertion without jti may be used only within "
                            + ReplayGuard.JTI_LESS_WINDOW.toMinutes() + " minutes of its first use; send a new one (or a jti)");
                }
            }).replaceWithVoid();
        }
        return replays.firstUse(clientId, jti, validUntil).invoke(first -> {
            if (!first) {
                LOG.debugf("assertion refused: jti replayed by client %s", clientId);
                throw OAuthError.invalidGrant("the assertion's jti was already used");
            }
        }).replaceWithVoid();
    }
}
