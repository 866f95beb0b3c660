-- What a v1 installation of messaging-service held (schema of V1): a conversation, a message in it, and the patient
-- and worker it knew of. EnvironmentsMigrationTests upgrades it.
INSERT INTO conversations (id, tenant, user_id, conversation_type, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'acme', '00000000-0000-4000-8000-0000000000a1', 'app', now(), now());
INSERT INTO messages (id, tenant, user_id, worker_id, conversation_id, direction, contents, send_time, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000002', 'acme', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1',
   '00000000-0000-4000-8000-000000000001', 'outbound', 'Hi', now(), now(), now());
INSERT INTO known_references (collection, tenant, id) VALUES
  ('patients', 'acme', '00000000-0000-4000-8000-0000000000a1'),
  ('workers', 'acme', '00000000-0000-4000-8000-0000000000b1');
