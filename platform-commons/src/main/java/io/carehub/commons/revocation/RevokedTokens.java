package io.carehub.commons.revocation;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.carehub.commons.security.Caller;
import io.carehub.commons.validation.Types;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses the access token of an API client that was disabled or deleted after the token was issued
 * ({@link ClientRevocations}): its request fails authentication, so it is answered like any bad token, {@code 401
 * unauthorized} with {@code WWW-Authenticate: Bearer} (ErrorMappers). Runs once per request, when Quarkus builds the
 * caller's identity from the verified token.
 * <p>
 * The token names its client by {@code api_client_id}, the id of the api_clients resource, which is what the change
 * events carry. A token without it was issued before tokens carried it and cannot be matched: it is accepted until it
 * expires (at most the token lifetime after the upgrade).
 */
@ApplicationScoped
public class RevokedTokens implements SecurityIdentityAugmentor {

    private final ClientRevocations revocations;

    public RevokedTokens(ClientRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Object claim = token.getClaim(Caller.API_CLIENT_CLAIM);
        String tenant = token.getClaim(Caller.TENANT_CLAIM);
        if (claim == null || tenant == null) {
            return Uni.createFrom().item(identity);
        }
        UUID apiClient = Types.parseGuid(claim.toString());
        if (apiClient == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("access token with a malformed api_client_id"));
        }
        return revocations.refuses(tenant, apiClient, Instant.ofEpochSecond(token.getIssuedAtTime()))
                .onItem().transformToUni(refused -> refused
                        ? Uni.createFrom().failure(new AuthenticationFailedException("the token's API client is disabled or deleted"))
                        : Uni.createFrom().item(identity));
    }
}
