package io.carehub.commons.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.carehub.commons.web.IdOnly;
import io.quarkus.security.UnauthorizedException;

/**
 * Who is calling: the API client, its tenant and its scopes, from the verified access token. Every
 * read and write of every service is confined to {@link #tenant()}.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";
    /** The id of the token's api_clients resource (its {@code sub} is the client_id): what revocation matches. */
    public static final String API_CLIENT_CLAIM = "api_client_id";

    @Inject
    JsonWebToken token;

    public String tenant() {
        String tenant = token.getClaim(TENANT_CLAIM);
        if (tenant == null || tenant.isBlank()) {
            throw new UnauthorizedException("access token without tenant");
        }
        return tenant;
    }

    public String clientId() {
        return token.getSubject();
    }

    public Set<String> scopes() {
        return token.getGroups();
    }

    public boolean has(String scope) {
        return scopes().contains(scope);
    }

    public boolean canRead(String collection) {
        return has(Scopes.ALL) || has(Scopes.read(collection));
    }

    /** What a write answers: the resource, or only its id for a caller that may write but not read it. */
    public Object visible(String collection, Object view, String id) {
        return canRead(collection) ? view : new IdOnly(id);
    }
}
