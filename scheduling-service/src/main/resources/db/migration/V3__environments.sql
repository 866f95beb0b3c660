-- Environments (API-CORE.md §C1): every data row is partitioned by (tenant, environment). What exists is live data,
-- the only environment there was; no default stays behind, so a write that forgot its environment fails instead of
-- landing in live. Each index that served a tenant's Find or a reference serves the partition's now, and every
-- uniqueness and every reference between rows holds within one environment.

ALTER TABLE workers ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE workers ALTER COLUMN environment DROP DEFAULT;
DROP INDEX workers_tenant_email_key;
CREATE UNIQUE INDEX workers_partition_email_key ON workers (tenant, environment, lower(email));
DROP INDEX workers_tenant_updated_idx;
CREATE INDEX workers_partition_updated_idx ON workers (tenant, environment, updated_at, id);

ALTER TABLE calendars ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE calendars ALTER COLUMN environment DROP DEFAULT;
ALTER TABLE calendar_events DROP CONSTRAINT calendar_events_calendar_fk;
ALTER TABLE calendars DROP CONSTRAINT calendars_tenant_id_key;
ALTER TABLE calendars ADD CONSTRAINT calendars_partition_id_key UNIQUE (tenant, environment, id);
DROP INDEX calendars_tenant_updated_idx;
CREATE INDEX calendars_partition_updated_idx ON calendars (tenant, environment, updated_at, id);

ALTER TABLE calendar_events ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE calendar_events ALTER COLUMN environment DROP DEFAULT;
ALTER TABLE calendar_events ADD CONSTRAINT calendar_events_calendar_fk FOREIGN KEY (tenant, environment, calendar_id)
    REFERENCES calendars (tenant, environment, id);
DROP INDEX calendar_events_tenant_updated_idx;
CREATE INDEX calendar_events_partition_updated_idx ON calendar_events (tenant, environment, updated_at, id);
DROP INDEX calendar_events_tenant_calendar_updated_idx;
CREATE INDEX calendar_events_partition_calendar_updated_idx ON calendar_events (tenant, environment, calendar_id, updated_at, id);
DROP INDEX calendar_events_tenant_user_updated_idx;
CREATE INDEX calendar_events_partition_user_updated_idx ON calendar_events (tenant, environment, user_id, updated_at, id);
