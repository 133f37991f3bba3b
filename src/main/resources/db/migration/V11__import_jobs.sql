-- Import jobs (docs/importing.md, "Jobs"): an import that runs after its request has answered 202. The state lives
-- here so that any instance answers GET /imports/{id}; the instance that received the body (its spooled file is on
-- that instance's disk) runs it and renews heartbeat_at every few seconds together with bytes_read. A QUEUED or
-- RUNNING job whose heartbeat is older than the lease lost its instance (a crash, a kill -9): every instance's
-- sweep ends it FAILED with the reason.
CREATE TABLE import_jobs (
    owner_id     varchar(255) NOT NULL,
    id           uuid         NOT NULL,
    kind         varchar(40)  NOT NULL,
    status       varchar(10)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    dry_run      boolean      NOT NULL DEFAULT false,
    bytes_read   bigint       NOT NULL DEFAULT 0,
    bytes_total  bigint,
    report       jsonb,
    error        text,
    instance     varchar(255) NOT NULL,
    heartbeat_at timestamptz  NOT NULL,
    created_at   timestamptz  NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    PRIMARY KEY (owner_id, id)
);
-- GET /imports: the owner's jobs, newest first, keyset-paged by (created_at, id)
CREATE INDEX import_jobs_owner_recent_idx ON import_jobs (owner_id, created_at DESC, id DESC);
-- the sweep (every instance, across owners like the idempotency purge): only the few live jobs are indexed
CREATE INDEX import_jobs_live_heartbeat_idx ON import_jobs (heartbeat_at) WHERE status IN ('QUEUED', 'RUNNING');
