-- Custom data types (API-CORE.md §C6): definitions are the tenant's configuration, shared by its environments, so
-- they have no environment. A change of a definition's fields makes a new version; every version's fields stay in
-- custom_data_type_versions, so a record says which one it was checked against.
CREATE TABLE custom_data_types (
    id          uuid        PRIMARY KEY,
    tenant      text        NOT NULL,
    name        text        NOT NULL,
    title       text,
    cardinality text        NOT NULL CHECK (cardinality IN ('single', 'multiple')),
    -- The current version's fields: a JSON list of {name, type, required, multiple, options, min, max, phi}.
    fields      jsonb       NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
    version     integer     NOT NULL CHECK (version >= 1),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT custom_data_types_tenant_name_key UNIQUE (tenant, name),
    CONSTRAINT custom_data_types_tenant_id_key UNIQUE (tenant, id)
);
CREATE INDEX custom_data_types_tenant_updated_idx ON custom_data_types (tenant, updated_at, id);

CREATE TABLE custom_data_type_versions (
    type_id    uuid        NOT NULL REFERENCES custom_data_types (id),
    version    integer     NOT NULL,
    fields     jsonb       NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (type_id, version)
);

-- A record of a defined type keeps the version it was checked against (null: a type no definition names, free JSON).
-- Records can be deleted (soft: the row stays, marked, so that followers learn of it).
ALTER TABLE custom_data_type_records ADD COLUMN type_version integer;
ALTER TABLE custom_data_type_records ADD COLUMN deleted boolean NOT NULL DEFAULT false;
ALTER TABLE custom_data_type_records ALTER COLUMN deleted DROP DEFAULT;
-- The core face lists one patient's records of one type.
CREATE INDEX custom_data_type_records_partition_user_type_idx
    ON custom_data_type_records (tenant, environment, user_id, type_name, updated_at, id);
