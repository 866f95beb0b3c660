-- The target of the (tenant, calendar_id) foreign key below: an event can only be on a calendar of its own tenant.
ALTER TABLE calendars ADD CONSTRAINT calendars_tenant_id_key UNIQUE (tenant, id);

-- Appointments on a worker's calendar with a patient (user_id, owned by patients-service: no foreign key,
-- checked through known_references). Exactly one form: timed (start_time < end_time) or all-day (day).
CREATE TABLE calendar_events (
    id               uuid PRIMARY KEY,
    tenant           text        NOT NULL,
    calendar_id      uuid        NOT NULL,
    user_id          uuid        NOT NULL,
    start_time       timestamptz,
    end_time         timestamptz,
    day              date,
    outcome          text,
    modality         text        NOT NULL,
    appointment_type text        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT calendar_events_calendar_fk FOREIGN KEY (tenant, calendar_id) REFERENCES calendars (tenant, id),
    -- The service checks this first with errors naming the field; the database holds it whatever the code does.
    CONSTRAINT calendar_events_one_form CHECK (
        (day IS NOT NULL AND start_time IS NULL AND end_time IS NULL)
        OR (day IS NULL AND start_time IS NOT NULL AND end_time IS NOT NULL AND end_time > start_time))
);
-- Find: keyset paging over (updated_at, id) within a tenant, and with each filter.
CREATE INDEX calendar_events_tenant_updated_idx ON calendar_events (tenant, updated_at, id);
CREATE INDEX calendar_events_tenant_calendar_updated_idx ON calendar_events (tenant, calendar_id, updated_at, id);
CREATE INDEX calendar_events_tenant_user_updated_idx ON calendar_events (tenant, user_id, updated_at, id);
