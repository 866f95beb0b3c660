-- A patient's own external id (API-CORE.md §C5: externalId on the core face, external_id on v1): optional, unique
-- within its tenant and environment.
ALTER TABLE patients ADD COLUMN external_id text;
CREATE UNIQUE INDEX patients_partition_external_id_key ON patients (tenant, environment, external_id)
    WHERE external_id IS NOT NULL;
