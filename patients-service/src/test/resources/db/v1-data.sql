-- What a v1 installation of patients-service held (schema of V3): two tenants' patients and their records, and a
-- worker known from scheduling-service. EnvironmentsMigrationTests upgrades it.
INSERT INTO patients (id, tenant, phase, coach_id, timezone, first_name, last_name, birthday, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'acme', 'intake', '00000000-0000-4000-8000-0000000000a1', 'US/Eastern', 'Grace', 'Hopper', '1906-12-09', now(), now()),
  ('00000000-0000-4000-8000-000000000002', 'globex', 'intake', NULL, 'US/Pacific', 'Ada', 'Lovelace', '1815-12-10', now(), now());
INSERT INTO phone_numbers (id, tenant, user_id, phone_number, phone_number_type, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000011', 'acme', '00000000-0000-4000-8000-000000000001', '555-555-5555', 'cell', now(), now());
INSERT INTO email_addresses (id, tenant, user_id, email, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000021', 'acme', '00000000-0000-4000-8000-000000000001', 'grace@example.com', now(), now());
INSERT INTO external_ids (id, tenant, resource, namespace, external_id, welkin_id, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000031', 'acme', 'patients', 'ehr', 'MRN-1', '00000000-0000-4000-8000-000000000001', now(), now());
INSERT INTO custom_data_type_records (id, tenant, user_id, type_name, body_as_sent, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000041', 'acme', '00000000-0000-4000-8000-000000000001', 'intake', '{"score": 3}', now(), now());
INSERT INTO integration_tasks (id, tenant, status, user_id, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000051', 'globex', 'succeeded', '00000000-0000-4000-8000-000000000002', now(), now());
INSERT INTO known_references (collection, tenant, id) VALUES
  ('workers', 'acme', '00000000-0000-4000-8000-0000000000a1');
