-- Environments (API-CORE.md §C1): every data row is partitioned by (tenant, environment). What exists is live data,
-- the only environment there was; no default stays behind, so a write that forgot its environment fails instead of
-- landing in live. Each index that served a tenant's Find or a reference serves the partition's now, and every
-- uniqueness and every reference between rows holds within one environment.

ALTER TABLE conversations ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE conversations ALTER COLUMN environment DROP DEFAULT;
ALTER TABLE messages DROP CONSTRAINT messages_conversation_fk;
DROP INDEX conversations_tenant_updated_idx;
CREATE INDEX conversations_partition_updated_idx ON conversations (tenant, environment, updated_at, id);
DROP INDEX conversations_tenant_user_updated_idx;
CREATE INDEX conversations_partition_user_updated_idx ON conversations (tenant, environment, user_id, updated_at, id);
DROP INDEX conversations_tenant_user_id_key;
CREATE UNIQUE INDEX conversations_partition_user_id_key ON conversations (tenant, environment, user_id, id);

ALTER TABLE messages ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE messages ALTER COLUMN environment DROP DEFAULT;
ALTER TABLE messages ADD CONSTRAINT messages_conversation_fk FOREIGN KEY (tenant, environment, user_id, conversation_id)
    REFERENCES conversations (tenant, environment, user_id, id);
DROP INDEX messages_tenant_updated_idx;
CREATE INDEX messages_partition_updated_idx ON messages (tenant, environment, updated_at, id);
DROP INDEX messages_tenant_conversation_updated_idx;
CREATE INDEX messages_partition_conversation_updated_idx ON messages (tenant, environment, conversation_id, updated_at, id);
DROP INDEX messages_tenant_user_updated_idx;
CREATE INDEX messages_partition_user_updated_idx ON messages (tenant, environment, user_id, updated_at, id);
