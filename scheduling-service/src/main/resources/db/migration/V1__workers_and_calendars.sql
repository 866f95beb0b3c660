CREATE TABLE workers (
    id           uuid PRIMARY KEY,
    tenant       text        NOT NULL,
    email        text        NOT NULL,
    first_name   text,
    last_name    text,
    phone_number text,
    timezone     text,
    gender       text,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
-- A worker's email is unique in its tenant (API.md §4), whatever its case.
CREATE UNIQUE INDEX workers_tenant_email_key ON workers (tenant, lower(email));
-- Find: keyset paging over (updated_at, id) within a tenant.
CREATE INDEX workers_tenant_updated_idx ON workers (tenant, updated_at, id);

-- Exactly one calendar per worker, made with it.
CREATE TABLE calendars (
    id         uuid PRIMARY KEY,
    tenant     text        NOT NULL,
    worker_id  uuid        NOT NULL UNIQUE REFERENCES workers (id),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX calendars_tenant_updated_idx ON calendars (tenant, updated_at, id);
