-- What a v1 installation of notifier-service held (schema of V4): two tenants' API clients, a subscription with a
-- pending range and a delivery. EnvironmentsMigrationTests upgrades it.
INSERT INTO api_clients (id, tenant, client_id, name, scopes, secret_ciphertext, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'acme', 'client-acme', 'acme', '{all,webhooks}', '\x00', now(), now()),
  ('00000000-0000-4000-8000-000000000002', 'globex', 'client-globex', 'globex', '{admin}', '\x00', now(), now());
INSERT INTO webhook_subscriptions (id, tenant, owner_client_id, url, client_id, secret_ciphertext, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000011', 'acme', 'client-acme', 'https://hooks.example.com/carehub', 'carehub', '\x00', now(), now());
INSERT INTO pending_ranges (subscription_id, resource, from_at, to_at, first_seen_at) VALUES
  ('00000000-0000-4000-8000-000000000011', 'patients', now(), now(), now());
INSERT INTO webhook_deliveries (id, tenant, subscription_id, webhook_id, succeeded, status_code, latency_ms, body, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000021', 'acme', '00000000-0000-4000-8000-000000000011', 'msg_1', true, 200, 12, '[]', now(), now());
