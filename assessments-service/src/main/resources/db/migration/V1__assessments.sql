-- assessments-service (API.md §4): structured clinical data about a patient — the answers to assessments
-- completed outside the platform, care flows (care plans) and tasks. Every table holds its tenant; every query
-- is confined to it. Find pages over (updated_at, id) within a tenant, so every table has a
-- (tenant, updated_at, id) index, and each Find filter an index that leads with (tenant, <filter>). user_id names
-- a patient of patients-service and a care flow's worker ids workers of scheduling-service: checked by the shared
-- reference mechanism, so no foreign key can say it here.

CREATE TABLE assessment_responses (
    id            uuid PRIMARY KEY,
    tenant        text        NOT NULL,
    user_id       uuid        NOT NULL,
    spec_id       text,
    spec_name     text,
    spec_version  text,
    title         text,
    -- The answers exactly as the client wrote them (key order, number forms, white space), which is what the API
    -- returns; model is the same JSON as jsonb, made from that text by the database, so that it can be queried
    -- (jsonb reorders keys: it could not return the answers as sent). The two cannot diverge.
    model_as_sent text        NOT NULL,
    model         jsonb       NOT NULL GENERATED ALWAYS AS (model_as_sent::jsonb) STORED,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT assessment_responses_model_object CHECK (jsonb_typeof(model) = 'object')
);
CREATE INDEX assessment_responses_tenant_updated_idx ON assessment_responses (tenant, updated_at, id);
CREATE INDEX assessment_responses_tenant_user_updated_idx ON assessment_responses (tenant, user_id, updated_at, id);
CREATE INDEX assessment_responses_tenant_spec_updated_idx ON assessment_responses (tenant, spec_id, updated_at, id);

CREATE TABLE care_flows (
    id         uuid PRIMARY KEY,
    tenant     text        NOT NULL,
    user_id    uuid        NOT NULL,
    -- {description, diagnosis, goals: [{title, interventions: [...]}]}, validated to that shape and normalised
    -- (every documented field present, datetimes in the API's form) before it is stored.
    care_flow  jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT care_flows_care_flow_object CHECK (jsonb_typeof(care_flow) = 'object')
);
CREATE INDEX care_flows_tenant_updated_idx ON care_flows (tenant, updated_at, id);
CREATE INDEX care_flows_tenant_user_updated_idx ON care_flows (tenant, user_id, updated_at, id);

CREATE TABLE patient_tasks (
    id         uuid PRIMARY KEY,
    tenant     text        NOT NULL,
    user_id    uuid        NOT NULL,
    task_type  text        NOT NULL,
    dismissed  boolean,
    -- Delete keeps the row (API.md §2): gone from Get and Find, shown by Find with include_deleted=true.
    deleted    boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX patient_tasks_tenant_updated_idx ON patient_tasks (tenant, updated_at, id);
CREATE INDEX patient_tasks_tenant_user_updated_idx ON patient_tasks (tenant, user_id, updated_at, id);
