package io.carehub.notifier.client;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.carehub.commons.persistence.TenantResource;

/**
 * An API client (API.md §1): it exchanges assertions signed with its secret (or the secret itself) for access tokens
 * of its tenant, in one of its environments, with its scopes. A tenant-wide record: it belongs to no environment. The secret is kept only as {@link SecretCipher} ciphertext.
 */
@Entity
@Table(name = "api_clients")
public class ApiClient extends TenantResource {

    /** The assertion's {@code iss} and the access token's {@code sub}; made by the server, never changed. */
    @Column(name = "client_id", nullable = false, updatable = false)
    public String clientId;

    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> scopes;

    /** The environments its tokens may work in (API-CORE.md §C1); the first is where a token that names none works. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> environments;

    /** Its roles (API-CORE.md §C9), named in its tokens; none: its scopes alone govern it. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> roles = List.of();

    @Column(name = "secret_ciphertext", nullable = false)
    public byte[] secretCiphertext;

    public boolean disabled;

    public boolean deleted;

    /** Whether it may be given access tokens. */
    public boolean usable() {
        return !disabled && !deleted;
    }
}
