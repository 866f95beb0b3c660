-- Environments (API-CORE.md §C1): every data row is partitioned by (tenant, environment). What exists is live data,
-- the only environment there was; no default stays behind, so a write that forgot its environment fails instead of
-- landing in live. Each index that served a tenant's Find or a reference serves the partition's now, and every
-- uniqueness and every reference between rows holds within one environment.

ALTER TABLE patients ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE patients ALTER COLUMN environment DROP DEFAULT;
ALTER TABLE phone_numbers DROP CONSTRAINT phone_numbers_user_fk;
ALTER TABLE email_addresses DROP CONSTRAINT email_addresses_user_fk;
ALTER TABLE custom_data_type_records DROP CONSTRAINT custom_data_type_records_user_fk;
ALTER TABLE integration_tasks DROP CONSTRAINT integration_tasks_user_fk;
DROP INDEX patients_tenant_updated_idx;
CREATE INDEX patients_partition_updated_idx ON patients (tenant, environment, updated_at, id);
DROP INDEX patients_tenant_id_key;
CREATE UNIQUE INDEX patients_partition_id_key ON patients (tenant, environment, id);

ALTER TABLE phone_numbers ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE phone_numbers ALTER COLUMN environment DROP DEFAULT;
DROP INDEX phone_numbers_tenant_updated_idx;
CREATE INDEX phone_numbers_partition_updated_idx ON phone_numbers (tenant, environment, updated_at, id);
DROP INDEX phone_numbers_tenant_user_updated_idx;
CREATE INDEX phone_numbers_partition_user_updated_idx ON phone_numbers (tenant, environment, user_id, updated_at, id);
ALTER TABLE phone_numbers ADD CONSTRAINT phone_numbers_user_fk FOREIGN KEY (tenant, environment, user_id)
    REFERENCES patients (tenant, environment, id);

ALTER TABLE email_addresses ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE email_addresses ALTER COLUMN environment DROP DEFAULT;
DROP INDEX email_addresses_tenant_updated_idx;
CREATE INDEX email_addresses_partition_updated_idx ON email_addresses (tenant, environment, updated_at, id);
DROP INDEX email_addresses_tenant_user_updated_idx;
CREATE INDEX email_addresses_partition_user_updated_idx ON email_addresses (tenant, environment, user_id, updated_at, id);
ALTER TABLE email_addresses ADD CONSTRAINT email_addresses_user_fk FOREIGN KEY (tenant, environment, user_id)
    REFERENCES patients (tenant, environment, id);

ALTER TABLE custom_data_type_records ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE custom_data_type_records ALTER COLUMN environment DROP DEFAULT;
DROP INDEX custom_data_type_records_tenant_updated_idx;
CREATE INDEX custom_data_type_records_partition_updated_idx ON custom_data_type_records (tenant, environment, updated_at, id);
DROP INDEX custom_data_type_records_tenant_user_updated_idx;
CREATE INDEX custom_data_type_records_partition_user_updated_idx ON custom_data_type_records (tenant, environment, user_id, updated_at, id);
DROP INDEX custom_data_type_records_tenant_type_updated_idx;
CREATE INDEX custom_data_type_records_partition_type_updated_idx ON custom_data_type_records (tenant, environment, type_name, updated_at, id);
ALTER TABLE custom_data_type_records ADD CONSTRAINT custom_data_type_records_user_fk FOREIGN KEY (tenant, environment, user_id)
    REFERENCES patients (tenant, environment, id);

ALTER TABLE integration_tasks ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE integration_tasks ALTER COLUMN environment DROP DEFAULT;
DROP INDEX integration_tasks_tenant_updated_idx;
CREATE INDEX integration_tasks_partition_updated_idx ON integration_tasks (tenant, environment, updated_at, id);
DROP INDEX integration_tasks_tenant_user_updated_idx;
CREATE INDEX integration_tasks_partition_user_updated_idx ON integration_tasks (tenant, environment, user_id, updated_at, id);
DROP INDEX integration_tasks_tenant_status_updated_idx;
CREATE INDEX integration_tasks_partition_status_updated_idx ON integration_tasks (tenant, environment, status, updated_at, id);
DROP INDEX integration_tasks_tenant_job_updated_idx;
CREATE INDEX integration_tasks_partition_job_updated_idx ON integration_tasks (tenant, environment, job_id, updated_at, id);
ALTER TABLE integration_tasks ADD CONSTRAINT integration_tasks_user_fk FOREIGN KEY (tenant, environment, user_id)
    REFERENCES patients (tenant, environment, id);

ALTER TABLE external_ids ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE external_ids ALTER COLUMN environment DROP DEFAULT;
DROP INDEX external_ids_tenant_updated_idx;
CREATE INDEX external_ids_partition_updated_idx ON external_ids (tenant, environment, updated_at, id);
DROP INDEX external_ids_tenant_namespace_resource_external_id_key;
CREATE UNIQUE INDEX external_ids_partition_namespace_resource_external_id_key ON external_ids (tenant, environment, namespace, resource, external_id);
DROP INDEX external_ids_tenant_welkin_updated_idx;
CREATE INDEX external_ids_partition_welkin_updated_idx ON external_ids (tenant, environment, welkin_id, updated_at, id);
DROP INDEX external_ids_tenant_external_id_idx;
CREATE INDEX external_ids_partition_external_id_idx ON external_ids (tenant, environment, external_id);
