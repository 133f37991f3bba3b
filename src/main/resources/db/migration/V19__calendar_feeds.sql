-- Issue 15: calendar feeds. The URL's secret (256 random bits) is never stored: only its SHA-256, so that a dump
-- of the database gives no working URL. A revoked feed's row is deleted: its URL then answers 404.
CREATE TABLE calendar_feeds (
    owner_id    varchar(255) NOT NULL,
    id          uuid         NOT NULL,
    secret_hash bytea        NOT NULL,
    created_at  timestamptz  NOT NULL,
    PRIMARY KEY (owner_id, id)
);
-- The feed's own request carries no token, so no owner: its secret's hash is the one key it has. (The one lookup
-- that does not lead with owner_id; under Citus, a lookup on a distributed table by a unique non-distribution
-- column, or a small reference table of hashes.)
CREATE UNIQUE INDEX calendar_feeds_secret_idx ON calendar_feeds (secret_hash);
