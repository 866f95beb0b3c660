-- Environments (API-CORE.md §C1): every data row is partitioned by (tenant, environment). What exists is live data,
-- the only environment there was; no default stays behind, so a write that forgot its environment fails instead of
-- landing in live. Each index that served a tenant's Find or a reference serves the partition's now, and every
-- uniqueness and every reference between rows holds within one environment.

ALTER TABLE assessment_responses ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE assessment_responses ALTER COLUMN environment DROP DEFAULT;
DROP INDEX assessment_responses_tenant_updated_idx;
CREATE INDEX assessment_responses_partition_updated_idx ON assessment_responses (tenant, environment, updated_at, id);
DROP INDEX assessment_responses_tenant_user_updated_idx;
CREATE INDEX assessment_responses_partition_user_updated_idx ON assessment_responses (tenant, environment, user_id, updated_at, id);
DROP INDEX assessment_responses_tenant_spec_updated_idx;
CREATE INDEX assessment_responses_partition_spec_updated_idx ON assessment_responses (tenant, environment, spec_id, updated_at, id);

ALTER TABLE care_flows ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE care_flows ALTER COLUMN environment DROP DEFAULT;
DROP INDEX care_flows_tenant_updated_idx;
CREATE INDEX care_flows_partition_updated_idx ON care_flows (tenant, environment, updated_at, id);
DROP INDEX care_flows_tenant_user_updated_idx;
CREATE INDEX care_flows_partition_user_updated_idx ON care_flows (tenant, environment, user_id, updated_at, id);

ALTER TABLE patient_tasks ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE patient_tasks ALTER COLUMN environment DROP DEFAULT;
DROP INDEX patient_tasks_tenant_updated_idx;
CREATE INDEX patient_tasks_partition_updated_idx ON patient_tasks (tenant, environment, updated_at, id);
DROP INDEX patient_tasks_tenant_user_updated_idx;
CREATE INDEX patient_tasks_partition_user_updated_idx ON patient_tasks (tenant, environment, user_id, updated_at, id);
