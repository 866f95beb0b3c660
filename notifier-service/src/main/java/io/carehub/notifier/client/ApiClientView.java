package io.carehub.notifier.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An API client on the wire (API.md §1). {@code deleted} appears only in a Find with
 * {@code include_deleted=true}; {@code client_secret} only in the answer to Create and rotate_secret.
 */
public record ApiClientView(String id, String clientId, String name, List<String> scopes, List<String> environments,
        List<String> roles, String tenant,
        boolean disabled, Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deleted,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret) {

    public static ApiClientView of(ApiClient c) {
        return new ApiClientView(c.id.toString(), c.clientId, c.name, c.scopes, c.environments, c.roles, c.tenant, c.disabled, c.createdAt,
                c.updatedAt, null, null);
    }

    /** With the {@code deleted} flag, for a Find that includes deleted clients. */
    public static ApiClientView withDeleted(ApiClient c) {
        return new ApiClientView(c.id.toString(), c.clientId, c.name, c.scopes, c.environments, c.roles, c.tenant, c.disabled, c.createdAt,
                c.updatedAt, c.deleted, null);
    }

    /** With the secret: the one time it is shown. */
    public static ApiClientView withSecret(ApiClient c, String secret) {
        return new ApiClientView(c.id.toString(), c.clientId, c.name, c.scopes, c.environments, c.roles, c.tenant, c.disabled, c.createdAt,
                c.updatedAt, null, secret);
    }
}
