-- Shared by every service that names other services' resources (io.carehub.commons.references):
-- the ids it knows exist, learnt from the owners' change topics and from the owners themselves.
CREATE TABLE known_references (
    collection text        NOT NULL,
    tenant     text        NOT NULL,
    id         uuid        NOT NULL,
    known_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (collection, tenant, id)
);
