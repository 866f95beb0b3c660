-- coach_id is now checked by the shared reference mechanism (io.carehub.commons.references):
-- the workers this service knew move into its known_references table.
INSERT INTO known_references (collection, tenant, id, known_at)
SELECT 'workers', tenant, worker_id, known_at FROM known_workers
ON CONFLICT DO NOTHING;

DROP TABLE known_workers;
