-- Roles and security policies (API-CORE.md §C9): the tenant's configuration, shared by its environments. A policy
-- says, per collection, which fields a client may read, see masked, create and update, and whether it may delete;
-- a role grants the union of its policies; an API client is given roles, which its access tokens name. Deleted
-- softly (a role deleted while a token names it grants nothing); a name is unique among the live ones.
CREATE TABLE security_policies (
    id         uuid        PRIMARY KEY,
    tenant     text        NOT NULL,
    name       text        NOT NULL,
    rules      jsonb       NOT NULL CHECK (jsonb_typeof(rules) = 'array'),
    deleted    boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX security_policies_tenant_name_key ON security_policies (tenant, name) WHERE NOT deleted;
CREATE INDEX security_policies_tenant_updated_idx ON security_policies (tenant, updated_at, id);

CREATE TABLE roles (
    id         uuid        PRIMARY KEY,
    tenant     text        NOT NULL,
    name       text        NOT NULL,
    policies   jsonb       NOT NULL CHECK (jsonb_typeof(policies) = 'array'),
    deleted    boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX roles_tenant_name_key ON roles (tenant, name) WHERE NOT deleted;
CREATE INDEX roles_tenant_updated_idx ON roles (tenant, updated_at, id);

ALTER TABLE api_clients ADD COLUMN roles text[] NOT NULL DEFAULT '{}';
ALTER TABLE api_clients ALTER COLUMN roles DROP DEFAULT;
