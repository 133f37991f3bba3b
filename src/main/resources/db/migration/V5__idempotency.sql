-- Idempotency-Key: the first successful response to a keyed POST, replayed to retries for 24 hours.
-- Leads with owner_id like every table; a key belongs to one owner. The row is written in the same
-- transaction as the request's own writes, so a stored response exists exactly when its writes do.
CREATE TABLE idempotency_keys (
    owner_id       varchar(255) NOT NULL,
    idem_key       varchar(255) NOT NULL,
    request_hash   bytea        NOT NULL,      -- SHA-256 of method, path with query, and body
    status         smallint     NOT NULL,
    location       varchar(2048),
    etag           varchar(255),
    content_type   varchar(255),
    body           bytea,
    created_at     timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    PRIMARY KEY (owner_id, idem_key)
);
CREATE INDEX idempotency_keys_owner_expiry_idx ON idempotency_keys (owner_id, expires_at);
