-- API clients (API.md §1). The secret is stored encrypted (AES-256-GCM, see SecretCipher), not hashed:
-- clients sign their assertions with it (HS256), so the server must be able to recover it.
CREATE TABLE api_clients (
    id                uuid        PRIMARY KEY,
    tenant            text        NOT NULL,
    client_id         text        NOT NULL,
    name              text        NOT NULL,
    scopes            text[]      NOT NULL,
    -- 12-byte nonce, then the AES-GCM ciphertext and tag; the key (SECRETS_ENCRYPTION_KEY) is never stored.
    secret_ciphertext bytea       NOT NULL,
    disabled          boolean     NOT NULL DEFAULT false,
    deleted           boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT api_clients_client_id_key UNIQUE (client_id)
);
-- Find within a tenant (the tenant filter): keyset paging over (updated_at, id).
CREATE INDEX api_clients_tenant_updated_idx ON api_clients (tenant, updated_at, id);
-- Find across tenants (the platform operator's view).
CREATE INDEX api_clients_updated_idx ON api_clients (updated_at, id);

-- Assertion ids (jti) already exchanged, kept until the assertion expires, so that a replay is refused.
-- The primary key is what refuses it: two concurrent uses of one jti cannot both insert.
CREATE TABLE used_assertions (
    client_id  text        NOT NULL,
    jti        text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (client_id, jti)
);
-- The periodic purge of expired rows.
CREATE INDEX used_assertions_expires_idx ON used_assertions (expires_at);
