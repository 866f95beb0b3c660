-- The dispatcher's per-tenant bound (WEBHOOK_TENANT_CONCURRENCY): every claim counts each tenant's
-- subscriptions under a lease; only those rows carry leased_by, so the index stays as small as what is in flight.
-- (The owner's api_clients row, also read by every claim, is found by api_clients_client_id_key.)
CREATE INDEX webhook_subscriptions_leased_idx ON webhook_subscriptions (tenant) WHERE leased_by IS NOT NULL;
