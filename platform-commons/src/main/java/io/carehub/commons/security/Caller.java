package io.carehub.commons.security;

import java.util.Collection;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;
import io.carehub.commons.tenancy.Partition;
import io.quarkus.security.UnauthorizedException;

/**
 * Who is calling: the API client, its tenant, environment and scopes, from the verified access token. Every read
 * and write of a tenant's data is confined to {@link #partition()}; tenant-wide records to {@link #tenant()}.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";
    /** The id of the token's api_clients resource (its {@code sub} is the client_id): what revocation matches. */
    public static final String API_CLIENT_CLAIM = "api_client_id";
    /** The environment the token works in (API-CORE.md §C1); a token without it (issued before environments) works in live. */
    public static final String ENVIRONMENT_CLAIM = "environment";
    /** Every environment the token's client is granted. */
    public static final String ENVIRONMENTS_CLAIM = "environments";
    /** The roles of the token's client (API-CORE.md §C9): none, and its scopes alone govern it. */
    public static final String ROLES_CLAIM = "roles";

    @Inject
    JsonWebToken token;

    public String tenant() {
        String tenant = token.getClaim(TENANT_CLAIM);
        if (tenant == null || tenant.isBlank()) {
            throw new UnauthorizedException("access token without tenant");
        }
        return tenant;
    }

    /** The token's environment: where the v1 face reads and writes. */
    public String environment() {
        Object environment = token.getClaim(ENVIRONMENT_CLAIM);
        String name = environment == null ? null : unquoted(environment);
        return name == null || name.isBlank() ? Partition.LIVE : name;
    }

    /** The caller's tenant and the token's environment: what every read and write of a tenant's data is confined to. */
    public Partition partition() {
        return new Partition(tenant(), environment());
    }

    /**
     * The partition a request of the core face works in (API-CORE.md §C1): the tenant in its path, which must be the
     * token's ({@code 404 not_found} otherwise: another tenant is indistinguishable from none), and its
     * {@code environment} query parameter (null: the token's), which the token's client must be granted
     * ({@code 403 forbidden} otherwise).
     */
    public Partition corePartition(String pathTenant, String environment) {
        if (!tenant().equals(pathTenant)) {
            throw ApiException.notFound();
        }
        if (environment == null) {
            return partition();
        }
        if (!environments().contains(environment)) {
            throw new ApiException(ApiError.at(ErrorCode.FORBIDDEN, "environment",
                    "this client is not granted the environment " + environment));
        }
        return new Partition(tenant(), environment);
    }

    /** The environments the token's client is granted (its own environment at least). */
    public Set<String> environments() {
        Set<String> granted = new LinkedHashSet<>();
        granted.add(environment());
        if (token.getClaim(ENVIRONMENTS_CLAIM) instanceof Collection<?> names) {
            names.forEach(name -> granted.add(unquoted(name)));
        }
        return granted;
    }

    /** A claim's value as text: a JSON string value has no quotes. */
    private static String unquoted(Object value) {
        return value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
    }

    /** The roles the token names (API-CORE.md §C9); empty for a client governed by its scopes alone. */
    public List<String> roles() {
        if (token.getClaim(ROLES_CLAIM) instanceof Collection<?> names) {
            return names.stream().map(Caller::unquoted).toList();
        }
        return List.of();
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
        return Scopes.canRead(scopes(), collection);
    }
}
