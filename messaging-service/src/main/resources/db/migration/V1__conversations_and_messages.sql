-- messaging-service (API.md §4): the record of the text conversations between care teams and patients.
-- Every table holds its tenant; every query is confined to it. Find pages over (updated_at, id) within a
-- tenant, so every table has a (tenant, updated_at, id) index, and each Find filter an index that leads
-- with (tenant, <filter>). user_id names a patient of patients-service and worker_id a worker of
-- scheduling-service: checked by the shared reference mechanism, so no foreign key can say it here.

CREATE TABLE conversations (
    id                uuid PRIMARY KEY,
    tenant            text        NOT NULL,
    user_id           uuid        NOT NULL,
    conversation_type text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT conversations_type_check CHECK (conversation_type IN ('app', 'third_party_app', 'phone', 'email'))
);
CREATE INDEX conversations_tenant_updated_idx ON conversations (tenant, updated_at, id);
CREATE INDEX conversations_tenant_user_updated_idx ON conversations (tenant, user_id, updated_at, id);
-- The target of messages' foreign key (a message's conversation is one of its tenant and of its patient),
-- and what a message's conversation_id is checked against.
CREATE UNIQUE INDEX conversations_tenant_user_id_key ON conversations (tenant, user_id, id);

CREATE TABLE messages (
    id                 uuid PRIMARY KEY,
    tenant             text        NOT NULL,
    user_id            uuid        NOT NULL,
    worker_id          uuid,
    conversation_id    uuid        NOT NULL,
    direction          text        NOT NULL,
    contents           text        NOT NULL,
    automatically_sent boolean     NOT NULL DEFAULT false,
    send_time          timestamptz NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT messages_conversation_fk FOREIGN KEY (tenant, user_id, conversation_id)
        REFERENCES conversations (tenant, user_id, id),
    CONSTRAINT messages_direction_check CHECK (direction IN ('inbound', 'outbound')),
    -- A worker sends an outbound message; an inbound one comes from the patient.
    CONSTRAINT messages_worker_check CHECK ((direction = 'outbound') = (worker_id IS NOT NULL))
);
CREATE INDEX messages_tenant_updated_idx ON messages (tenant, updated_at, id);
CREATE INDEX messages_tenant_conversation_updated_idx ON messages (tenant, conversation_id, updated_at, id);
CREATE INDEX messages_tenant_user_updated_idx ON messages (tenant, user_id, updated_at, id);
