-- A custom data type record's body is returned as the client sent it (key order included): jsonb reorders keys,
-- so Get answered something other than Create. The text is kept as sent; body stays, as jsonb generated from it,
-- for queries. The two cannot diverge.
ALTER TABLE custom_data_type_records ADD COLUMN body_as_sent text;
UPDATE custom_data_type_records SET body_as_sent = body::text;
ALTER TABLE custom_data_type_records ALTER COLUMN body_as_sent SET NOT NULL;
ALTER TABLE custom_data_type_records DROP COLUMN body;
ALTER TABLE custom_data_type_records ADD COLUMN body jsonb GENERATED ALWAYS AS (body_as_sent::jsonb) STORED;
ALTER TABLE custom_data_type_records ADD CONSTRAINT custom_data_type_records_body_object CHECK (jsonb_typeof(body) = 'object');
