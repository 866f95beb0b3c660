-- Encounters, forms and assessments (API-CORE.md §C8).

-- A form is the tenant's configuration, shared by its environments; a change of its questions makes a new version,
-- and every version's questions stay in form_versions, so an assessment is checked against the version it answers.
CREATE TABLE forms (
    id         uuid        PRIMARY KEY,
    tenant     text        NOT NULL,
    name       text        NOT NULL,
    title      text,
    -- The current version's questions: a JSON list of {name, type, required, multiple, options, min, max, phi}.
    questions  jsonb       NOT NULL CHECK (jsonb_typeof(questions) = 'array'),
    version    integer     NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT forms_tenant_name_key UNIQUE (tenant, name)
);
CREATE INDEX forms_tenant_updated_idx ON forms (tenant, updated_at, id);

CREATE TABLE form_versions (
    form_id    uuid        NOT NULL REFERENCES forms (id),
    version    integer     NOT NULL,
    questions  jsonb       NOT NULL CHECK (jsonb_typeof(questions) = 'array'),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (form_id, version)
);

-- A visit or call documented about a patient; completed, it is final (it and its assessments are locked).
CREATE TABLE encounters (
    id                 uuid        PRIMARY KEY,
    tenant             text        NOT NULL,
    environment        text        NOT NULL,
    user_id            uuid        NOT NULL,
    type               text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('open', 'completed')),
    title              text,
    notes              text,
    start_time         timestamptz,
    end_time           timestamptz,
    worker_id          uuid,
    calendar_event_id  uuid,
    -- The assessments made in it, in the order they were: kept with the encounter, in the assessment's transaction.
    assessment_ids     jsonb       NOT NULL CHECK (jsonb_typeof(assessment_ids) = 'array'),
    deleted            boolean     NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE UNIQUE INDEX encounters_partition_id_key ON encounters (tenant, environment, id);
CREATE INDEX encounters_partition_updated_idx ON encounters (tenant, environment, updated_at, id);
CREATE INDEX encounters_partition_user_updated_idx ON encounters (tenant, environment, user_id, updated_at, id);
CREATE INDEX encounters_partition_status_updated_idx ON encounters (tenant, environment, status, updated_at, id);

-- Assessments: the existing rows gain the form they answer, the encounter they were made in, and a status. A v1 row
-- answered no form and was complete when stored.
ALTER TABLE assessment_responses ADD COLUMN form_name text;
ALTER TABLE assessment_responses ADD COLUMN form_version integer;
ALTER TABLE assessment_responses ADD COLUMN encounter_id uuid;
ALTER TABLE assessment_responses ADD COLUMN status text NOT NULL DEFAULT 'completed'
    CHECK (status IN ('new', 'in_progress', 'completed'));
ALTER TABLE assessment_responses ALTER COLUMN status DROP DEFAULT;
ALTER TABLE assessment_responses ADD CONSTRAINT assessment_responses_encounter_fk FOREIGN KEY (tenant, environment, encounter_id)
    REFERENCES encounters (tenant, environment, id);
CREATE INDEX assessment_responses_partition_encounter_idx ON assessment_responses (tenant, environment, encounter_id);
