-- Environments (API-CORE.md §C1). An api_client stays a tenant-wide record and is granted environments: every client
-- of before is granted live, the only environment there was. A webhook subscription belongs to the environment of
-- the token that created it and hears only of that environment's changes: every one of before is live's.
ALTER TABLE api_clients ADD COLUMN environments text[] NOT NULL DEFAULT '{live}';
ALTER TABLE api_clients ALTER COLUMN environments DROP DEFAULT;
ALTER TABLE api_clients ADD CONSTRAINT api_clients_environments_not_empty CHECK (cardinality(environments) > 0);

ALTER TABLE webhook_subscriptions ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE webhook_subscriptions ALTER COLUMN environment DROP DEFAULT;
DROP INDEX webhook_subscriptions_owner_updated_idx;
CREATE INDEX webhook_subscriptions_owner_updated_idx
    ON webhook_subscriptions (tenant, environment, owner_client_id, updated_at, id);
-- The change consumer's join: the live subscriptions of a tenant and environment.
DROP INDEX webhook_subscriptions_tenant_live_idx;
CREATE INDEX webhook_subscriptions_partition_live_idx ON webhook_subscriptions (tenant, environment) WHERE active AND NOT deleted;
