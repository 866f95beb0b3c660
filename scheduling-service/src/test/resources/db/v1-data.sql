-- What a v1 installation of scheduling-service held (schema of V2): a worker, its calendar, an appointment, and a
-- patient known from patients-service. EnvironmentsMigrationTests upgrades it.
INSERT INTO workers (id, tenant, email, first_name, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'acme', 'coach@example.com', 'Grace', now(), now());
INSERT INTO calendars (id, tenant, worker_id, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000002', 'acme', '00000000-0000-4000-8000-000000000001', now(), now());
INSERT INTO calendar_events (id, tenant, calendar_id, user_id, day, modality, appointment_type, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000003', 'acme', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000a1', '2018-09-10', 'visit', 'follow_up', now(), now());
INSERT INTO known_references (collection, tenant, id) VALUES
  ('patients', 'acme', '00000000-0000-4000-8000-0000000000a1');
