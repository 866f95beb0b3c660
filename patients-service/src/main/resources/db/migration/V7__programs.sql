-- Programs and phases (API-CORE.md §C7). A program is the tenant's configuration, shared by its environments; an
-- enrollment (patient_programs) and its phase changes are data of one environment, about one of its patients.
CREATE TABLE programs (
    id          uuid        PRIMARY KEY,
    tenant      text        NOT NULL,
    name        text        NOT NULL,
    title       text,
    description text,
    -- A JSON list of {name, title, kind: start|step|finish, next: [phase names]}.
    phases      jsonb       NOT NULL CHECK (jsonb_typeof(phases) = 'array'),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT programs_tenant_name_key UNIQUE (tenant, name)
);
CREATE INDEX programs_tenant_updated_idx ON programs (tenant, updated_at, id);

CREATE TABLE patient_programs (
    id                        uuid        PRIMARY KEY,
    tenant                    text        NOT NULL,
    environment               text        NOT NULL,
    user_id                   uuid        NOT NULL,
    program_name              text        NOT NULL,
    status                    text        NOT NULL CHECK (status IN ('in_progress', 'finished')),
    current_phase             text        NOT NULL,
    current_phase_entered_at  timestamptz NOT NULL,
    -- A JSON list of {phase, entered_at, by}: every phase entered, in order.
    history                   jsonb       NOT NULL CHECK (jsonb_typeof(history) = 'array'),
    deleted                   boolean     NOT NULL,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL,
    CONSTRAINT patient_programs_user_fk FOREIGN KEY (tenant, environment, user_id)
        REFERENCES patients (tenant, environment, id)
);
CREATE INDEX patient_programs_partition_updated_idx ON patient_programs (tenant, environment, updated_at, id);
CREATE INDEX patient_programs_partition_user_idx ON patient_programs (tenant, environment, user_id, updated_at, id);
CREATE INDEX patient_programs_partition_program_idx ON patient_programs (tenant, environment, program_name, updated_at, id);
-- A patient is in a program at most once at a time.
CREATE UNIQUE INDEX patient_programs_one_in_progress_key ON patient_programs (tenant, environment, user_id, program_name)
    WHERE status = 'in_progress' AND NOT deleted;

-- Append-only: one row per move, written in the move's transaction.
CREATE TABLE phase_changes (
    id           uuid        PRIMARY KEY,
    tenant       text        NOT NULL,
    environment  text        NOT NULL,
    user_id      uuid        NOT NULL,
    program_name text        NOT NULL,
    from_phase   text,
    to_phase     text        NOT NULL,
    changed_at   timestamptz NOT NULL,
    changed_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT phase_changes_user_fk FOREIGN KEY (tenant, environment, user_id) REFERENCES patients (tenant, environment, id)
);
CREATE INDEX phase_changes_partition_updated_idx ON phase_changes (tenant, environment, updated_at, id);
CREATE INDEX phase_changes_partition_user_idx ON phase_changes (tenant, environment, user_id, updated_at, id);
CREATE INDEX phase_changes_partition_program_idx ON phase_changes (tenant, environment, program_name, updated_at, id);
