-- Environments (API-CORE.md §C1): a reference names a resource of the caller's tenant *and environment*. Every id
-- known before environments is of live, the only environment there was.
ALTER TABLE known_references ADD COLUMN environment text NOT NULL DEFAULT 'live';
ALTER TABLE known_references ALTER COLUMN environment DROP DEFAULT;
ALTER TABLE known_references DROP CONSTRAINT known_references_pkey;
ALTER TABLE known_references ADD PRIMARY KEY (collection, tenant, environment, id);
