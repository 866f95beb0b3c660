-- What a v1 installation of assessments-service held (schema of V1): a response, a care flow, a task (deleted) and
-- the patient they name. EnvironmentsMigrationTests upgrades it.
INSERT INTO assessment_responses (id, tenant, user_id, spec_id, model_as_sent, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'acme', '00000000-0000-4000-8000-0000000000a1', 'intake', '{"q1": "yes"}', now(), now());
INSERT INTO care_flows (id, tenant, user_id, care_flow, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000002', 'acme', '00000000-0000-4000-8000-0000000000a1', '{"goals": []}', now(), now());
INSERT INTO patient_tasks (id, tenant, user_id, task_type, deleted, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000003', 'acme', '00000000-0000-4000-8000-0000000000a1', 'call', true, now(), now());
INSERT INTO known_references (collection, tenant, id) VALUES
  ('patients', 'acme', '00000000-0000-4000-8000-0000000000a1');
