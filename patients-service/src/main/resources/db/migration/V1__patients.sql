-- patients-service (API.md §4): patients and what hangs off them. Every table holds its tenant; every
-- query is confined to it. Find pages over (updated_at, id) within a tenant, so every table has a
-- (tenant, updated_at, id) index, and each Find filter an index that leads with (tenant, <filter>).

CREATE TABLE patients (
    id              uuid PRIMARY KEY,
    tenant          text        NOT NULL,
    phase           text        NOT NULL,
    coach_id        uuid,
    timezone        text        NOT NULL,
    first_name      text        NOT NULL,
    last_name       text        NOT NULL,
    birthday        date        NOT NULL,
    street          text,
    street_line_two text,
    city            text,
    county          text,
    zip_code        text,
    state           text,
    country         text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX patients_tenant_updated_idx ON patients (tenant, updated_at, id);
-- The target of the (tenant, user_id) foreign keys below: a record can only belong to a patient of its own tenant.
CREATE UNIQUE INDEX patients_tenant_id_key ON patients (tenant, id);

CREATE TABLE phone_numbers (
    id                         uuid PRIMARY KEY,
    tenant                     text        NOT NULL,
    user_id                    uuid        NOT NULL,
    phone_number               text        NOT NULL,
    phone_number_type          text        NOT NULL,
    friendly_name              text,
    verified                   boolean     NOT NULL DEFAULT false,
    opted_in_to_sms            boolean     NOT NULL DEFAULT false,
    opted_in_to_call_recording boolean     NOT NULL DEFAULT false,
    opted_in_to_voicemail      boolean     NOT NULL DEFAULT false,
    opted_in_to_phone          boolean     NOT NULL DEFAULT false,
    automatic_recipient        boolean     NOT NULL DEFAULT false,
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL,
    CONSTRAINT phone_numbers_user_fk FOREIGN KEY (tenant, user_id) REFERENCES patients (tenant, id)
);
CREATE INDEX phone_numbers_tenant_updated_idx ON phone_numbers (tenant, updated_at, id);
CREATE INDEX phone_numbers_tenant_user_updated_idx ON phone_numbers (tenant, user_id, updated_at, id);

CREATE TABLE email_addresses (
    id                  uuid PRIMARY KEY,
    tenant              text        NOT NULL,
    user_id             uuid        NOT NULL,
    email               text        NOT NULL,
    friendly_name       text,
    verified            boolean     NOT NULL DEFAULT false,
    opted_in_to_email   boolean     NOT NULL DEFAULT false,
    automatic_recipient boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT email_addresses_user_fk FOREIGN KEY (tenant, user_id) REFERENCES patients (tenant, id)
);
CREATE INDEX email_addresses_tenant_updated_idx ON email_addresses (tenant, updated_at, id);
CREATE INDEX email_addresses_tenant_user_updated_idx ON email_addresses (tenant, user_id, updated_at, id);

-- How other systems name a resource of this platform. welkin_id names a resource of any collection
-- (resource), so it has no foreign key.
CREATE TABLE external_ids (
    id          uuid PRIMARY KEY,
    tenant      text        NOT NULL,
    resource    text        NOT NULL,
    namespace   text        NOT NULL,
    external_id text        NOT NULL,
    welkin_id   uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX external_ids_tenant_updated_idx ON external_ids (tenant, updated_at, id);
-- API.md §4: one (namespace, resource, external_id) per tenant. The index, not a prior SELECT, enforces
-- it, so that two concurrent creates cannot both succeed.
CREATE UNIQUE INDEX external_ids_tenant_namespace_resource_external_id_key
    ON external_ids (tenant, namespace, resource, external_id);
-- Find by welkin_id (the external ids of one resource) and by external_id alone (an EHR id looked up).
CREATE INDEX external_ids_tenant_welkin_updated_idx ON external_ids (tenant, welkin_id, updated_at, id);
CREATE INDEX external_ids_tenant_external_id_idx ON external_ids (tenant, external_id);

CREATE TABLE custom_data_type_records (
    id         uuid PRIMARY KEY,
    tenant     text        NOT NULL,
    user_id    uuid        NOT NULL,
    type_name  text        NOT NULL,
    body       jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT custom_data_type_records_user_fk FOREIGN KEY (tenant, user_id) REFERENCES patients (tenant, id)
);
CREATE INDEX custom_data_type_records_tenant_updated_idx ON custom_data_type_records (tenant, updated_at, id);
CREATE INDEX custom_data_type_records_tenant_user_updated_idx ON custom_data_type_records (tenant, user_id, updated_at, id);
CREATE INDEX custom_data_type_records_tenant_type_updated_idx ON custom_data_type_records (tenant, type_name, updated_at, id);

CREATE TABLE integration_tasks (
    id         uuid PRIMARY KEY,
    tenant     text        NOT NULL,
    status     text        NOT NULL,
    user_id    uuid,
    ref_ids    jsonb       NOT NULL DEFAULT '[]',
    job_id     text,
    task_name  text,
    errors     jsonb       NOT NULL DEFAULT '[]',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT integration_tasks_user_fk FOREIGN KEY (tenant, user_id) REFERENCES patients (tenant, id)
);
CREATE INDEX integration_tasks_tenant_updated_idx ON integration_tasks (tenant, updated_at, id);
CREATE INDEX integration_tasks_tenant_user_updated_idx ON integration_tasks (tenant, user_id, updated_at, id);
CREATE INDEX integration_tasks_tenant_status_updated_idx ON integration_tasks (tenant, status, updated_at, id);
CREATE INDEX integration_tasks_tenant_job_updated_idx ON integration_tasks (tenant, job_id, updated_at, id);

-- The workers of each tenant as scheduling-service's change events have told us (coach_id is checked
-- against it; see io.carehub.patients.events.WorkerEventsConsumer). Fed at least once: inserts are idempotent.
CREATE TABLE known_workers (
    tenant     text        NOT NULL,
    worker_id  uuid        NOT NULL,
    known_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, worker_id)
);
