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
 * The two grants of the token endpoint; both issue the same access token ({@link AccessTokenIssuer}) for the client's
 * tenant, and both count the request against the client_id's limit before the client is looked up.
 * <ul>
 * <li>The JWT-bearer grant (RFC 7523, API.md §1): reads the assertion's {@code iss}, finds that client (not disabled,
 * not deleted), verifies the assertion with the client's secret, settles the scopes, refuses a replayed {@code jti}
 * (or a jti-less assertion past its window).</li>
 * <li>The client credentials grant (RFC 6749 §4.4, API-CORE.md §C2): the client's {@code client_id} and
 * {@code client_secret} (HTTP Basic or the body, {@link ClientAuthentication}), compared in constant time with the
 * usable client's secret; then the {@code scope} asked for, as the JWT-bearer grant settles it.</li>
 * </ul>
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

    private record Grant(ApiClient client, JwtClaims claims, List<String> scopes, String environment) {
    }

    /** Whichever grant {@code request} asks for; {@code authorization}: its {@code Authorization} header, or null. */
    public Uni<TokenResponse> token(TokenRequest request, String authorization) {
        return switch (request.grant()) {
            case JWT_BEARER -> exchange(request);
            case CLIENT_CREDENTIALS -> clientCredentials(request, authorization);
        };
    }

    /**
     * The client credentials grant. An unknown, disabled or deleted client and a wrong secret are all
     * {@code invalid_client} with the same description ({@link OAuthError#CLIENT_NOT_AUTHENTICATED}); the secret sent
     * is compared even when there is none to compare it with.
     */
    public Uni<TokenResponse> clientCredentials(TokenRequest request, String authorization) {
        ClientAuthentication.Credentials credentials = ClientAuthentication.of(authorization,
                request.checkedForClientCredentials());
        String clientId = credentials.clientId();
        // Counted before the client is looked up: guessing a client's secret slows to its limit (429).
        limits.tokenAttemptFor(clientId);
        return clients.usableWithSecret(clientId).map(found -> {
            boolean matches = ClientAuthentication.secretMatches(credentials.secret(), found == null ? null : found.secret());
            if (!matches) {
                LOG.debugf("client credentials refused: client %s is not usable or the secret is not its", clientId);
                throw OAuthError.invalidClient();
            }
            List<String> scopes = ScopeGrant.grant(found.client().scopes, request.scope());
            String environment = EnvironmentGrant.grant(found.client().environments, request.environmentAsked());
            TokenResponse token = issuer.issue(found.client(), environment, scopes);
            LOG.debugf("access token issued to client %s by client credentials (tenant %s, environment %s, scope %s)",
                    clientId, found.client().tenant, environment, token.scope());
            return token;
        });
    }

    /** The JWT-bearer grant. */
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
                    String environment = EnvironmentGrant.grant(found.client().environments,
                            environmentAsked(request, claims));
                    return new Grant(found.client(), claims, scopes, environment);
                })
                .call(grant -> refuseReplay(assertion, grant.claims(), clientId))
                .map(grant -> {
                    TokenResponse token = issuer.issue(grant.client(), grant.environment(), grant.scopes());
                    LOG.debugf("access token issued to client %s (tenant %s, environment %s, scope %s)", clientId,
                            grant.client().tenant, grant.environment(), token.scope());
                    return token;
                });
    }

    /**
     * The JWT-bearer grant's environment: the request's {@code environment} field, or the assertion's
     * {@code environment} claim (as its {@code scope} is one); both, naming different ones, is {@code invalid_request}.
     */
    private static String environmentAsked(TokenRequest request, JwtClaims claims) {
        String field = request.environmentAsked();
        Object claim = claims.getClaimValue(EnvironmentGrant.CLAIM);
        if (claim != null && !(claim instanceof String)) {
            throw OAuthError.invalidRequest("the assertion's environment must be a string");
        }
        String fromAssertion = claim == null || ((String) claim).isBlank() ? null : (String) claim;
        if (field != null && fromAssertion != null && !field.equals(fromAssertion)) {
            throw OAuthError.invalidRequest("the environment field and the assertion's environment claim differ");
        }
        return field != null ? field : fromAssertion;
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
