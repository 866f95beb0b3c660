-- Webhook subscriptions (API.md §4, §7) and the delivery state the notifier keeps in its database
-- (ARCHITECTURE.md: "stateless in memory, stateful in its database").
CREATE TABLE webhook_subscriptions (
    id                 uuid        PRIMARY KEY,
    tenant             text        NOT NULL,
    -- The API client (access token sub) that owns it: each client sees only its own.
    owner_client_id    text        NOT NULL,
    url                text        NOT NULL,
    -- Collection names, or NULL for every collection.
    resources          text[],
    active             boolean     NOT NULL DEFAULT true,
    -- How the subscriber names this platform: the iss of the bearer JWT.
    client_id          text        NOT NULL,
    -- AES-256-GCM under SECRETS_ENCRYPTION_KEY, like api_clients (SecretCipher); never in clear.
    secret_ciphertext  bytea       NOT NULL,
    token_endpoint_url text,
    deleted            boolean     NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    -- Delivery state, written by the dispatcher only.
    last_success_at    timestamptz,
    last_failure_at    timestamptz,
    failure_count      integer     NOT NULL DEFAULT 0,
    -- Start of the current run of uninterrupted failures (NULL after a success): what disabling is measured from.
    first_failure_at   timestamptz,
    disabled_reason    text,
    -- No delivery before this time (retry backoff).
    next_attempt_at    timestamptz NOT NULL DEFAULT now(),
    -- The lease of the notifier instance delivering it (NULL or past: free to claim).
    lease_until        timestamptz,
    leased_by          text,
    -- The webhook-id of the in-flight body: kept by a retry of the same body, replaced when it widens.
    inflight_webhook_id text
);
-- Find of one client's subscriptions: keyset paging over (updated_at, id).
CREATE INDEX webhook_subscriptions_owner_updated_idx ON webhook_subscriptions (tenant, owner_client_id, updated_at, id);
-- The consumer's match of a change to the live subscriptions of its tenant.
CREATE INDEX webhook_subscriptions_tenant_live_idx ON webhook_subscriptions (tenant) WHERE active AND NOT deleted;
-- The dispatcher's search for due subscriptions.
CREATE INDEX webhook_subscriptions_due_idx ON webhook_subscriptions (next_attempt_at) WHERE active AND NOT deleted;

-- Changes not yet sent, one range per subscription and collection: merged by least from_at, greatest to_at
-- (idempotent, so a redelivered Kafka event does no harm).
CREATE TABLE pending_ranges (
    subscription_id uuid        NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    resource        text        NOT NULL,
    from_at         timestamptz NOT NULL,
    to_at           timestamptz NOT NULL,
    -- When the first change of this range was stored: the batching window counts from here.
    first_seen_at   timestamptz NOT NULL,
    PRIMARY KEY (subscription_id, resource)
);

-- The batch being delivered, kept apart from pending_ranges so that changes arriving during a send stay
-- pending and a success removes exactly what was sent. A failed batch stays here; the next attempt merges
-- the newer pending ranges into it (the notification widens).
CREATE TABLE inflight_ranges (
    subscription_id uuid        NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    resource        text        NOT NULL,
    from_at         timestamptz NOT NULL,
    to_at           timestamptz NOT NULL,
    PRIMARY KEY (subscription_id, resource)
);

-- Every delivery attempt (API.md §4: GET /v1/webhook_subscriptions/:id/deliveries).
CREATE TABLE webhook_deliveries (
    id              uuid        PRIMARY KEY,
    tenant          text        NOT NULL,
    subscription_id uuid        NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    webhook_id      text        NOT NULL,
    succeeded       boolean     NOT NULL,
    status_code     integer,
    error           text,
    latency_ms      integer     NOT NULL,
    body            text        NOT NULL,
    -- The attempt's time (created_at = updated_at: attempts never change), the paging key.
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_subscription_updated_idx ON webhook_deliveries (subscription_id, updated_at, id);
