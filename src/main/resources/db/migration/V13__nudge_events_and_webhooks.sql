-- Nudges (issue 15): what the service last announced per contact (and when its next decay crossing is due),
-- the event outbox, webhook endpoints and their deliveries. Written by the nudge feature only.

-- Per contact with a score: the score_key last announced and when, and the instant of its next decay crossing
-- (a tier floor, an action threshold or the entry into the drop-soon window), computed in O(1) at each write.
CREATE TABLE nudge_watch (
    owner_id    varchar(255)     NOT NULL,
    contact_id  uuid             NOT NULL,
    checked_key double precision NOT NULL,
    checked_at  timestamptz      NOT NULL,
    next_at     timestamptz,
    PRIMARY KEY (owner_id, contact_id),
    FOREIGN KEY (owner_id, contact_id) REFERENCES contacts (owner_id, id) ON DELETE CASCADE
);
-- The decay sweep walks the due rows of every owner through this index (docs/scoring.md): like the histogram's
-- compaction, a background statement that does not lead with owner_id.
CREATE INDEX nudge_watch_due ON nudge_watch (next_at, owner_id) WHERE next_at IS NOT NULL;

-- Contacts scored before this migration: announced as they are now; the first sweep computes their next crossing.
INSERT INTO nudge_watch (owner_id, contact_id, checked_key, checked_at, next_at)
SELECT owner_id, id, score_key, now(), now() FROM contacts WHERE score_key > '-Infinity'::double precision;

-- The outbox: one row per event, written in the transaction of the change that caused it. body is the exact
-- JSON text that is signed and sent ({type, timestamp, data}).
CREATE TABLE nudge_events (
    owner_id   varchar(255) NOT NULL,
    id         uuid         NOT NULL,
    type       varchar(64)  NOT NULL,
    contact_id uuid,
    body       text         NOT NULL,
    created_at timestamptz  NOT NULL,
    PRIMARY KEY (owner_id, id)
);
CREATE INDEX nudge_events_created ON nudge_events (created_at);

CREATE TABLE webhooks (
    owner_id        varchar(255)  NOT NULL,
    id              uuid          NOT NULL,
    url             varchar(2000) NOT NULL,
    events          text[]        NOT NULL,
    description     varchar(500),
    -- AES-256-GCM: 12-byte nonce || ciphertext || tag, under THRESHOLD_WEBHOOKS_SECRET_KEY (docs/nudges.md)
    secret          bytea         NOT NULL,
    enabled         boolean       NOT NULL DEFAULT true,
    disabled_reason varchar(500),
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, id)
);

-- One row per (event, endpoint): its state, attempts and the next one. seq orders a contact's events.
CREATE TABLE webhook_deliveries (
    owner_id        varchar(255) NOT NULL,
    id              uuid         NOT NULL,
    seq             bigint       GENERATED ALWAYS AS IDENTITY,
    webhook_id      uuid         NOT NULL,
    event_id        uuid         NOT NULL,
    event_type      varchar(64)  NOT NULL,
    contact_id      uuid,
    status          varchar(16)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    response_code   integer,
    last_error      varchar(500),
    created_at      timestamptz  NOT NULL,
    delivered_at    timestamptz,
    PRIMARY KEY (owner_id, id),
    FOREIGN KEY (owner_id, webhook_id) REFERENCES webhooks (owner_id, id) ON DELETE CASCADE,
    FOREIGN KEY (owner_id, event_id) REFERENCES nudge_events (owner_id, id) ON DELETE CASCADE
);
-- the workers' claim (every owner: a background statement like the sweep), the per-contact order, the log
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_order ON webhook_deliveries (owner_id, webhook_id, contact_id, seq)
    WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (owner_id, webhook_id, seq DESC);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (owner_id, event_id);
