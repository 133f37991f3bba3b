-- Every table leads with owner_id, and so does every primary key and index, so that the schema can be
-- distributed by owner_id (Citus) without change.

CREATE TABLE contacts (
    owner_id            varchar(255)     NOT NULL,
    id                  uuid             NOT NULL,
    display_name        varchar(200)     NOT NULL,
    first_name          varchar(200),
    last_name           varchar(200),
    emails              text[]           NOT NULL DEFAULT '{}',
    phones              text[]           NOT NULL DEFAULT '{}',
    company             varchar(200),
    position            varchar(200),
    location            varchar(200),
    tags                text[]           NOT NULL DEFAULT '{}',
    profiles            jsonb            NOT NULL DEFAULT '{}',
    connected_on        date,
    notes               varchar(10000),
    cadence_days        integer CHECK (cadence_days BETWEEN 1 AND 3650),
    created_at          timestamptz      NOT NULL,
    updated_at          timestamptz      NOT NULL,
    version             bigint           NOT NULL,
    -- Scoring state (see docs/scoring.md): log2 of the decayed sums, relative to the Unix epoch.
    in_key              double precision NOT NULL DEFAULT '-Infinity',
    out_key             double precision NOT NULL DEFAULT '-Infinity',
    score_key           double precision NOT NULL DEFAULT '-Infinity',
    type_keys           double precision[] NOT NULL
        DEFAULT '{-Infinity,-Infinity,-Infinity,-Infinity,-Infinity,-Infinity,-Infinity,-Infinity}',
    last_interaction_at timestamptz,
    interaction_count   bigint           NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, id),
    CHECK (length(display_name) >= 1)
);

CREATE INDEX contacts_owner_name_idx ON contacts (owner_id, lower(display_name), id);
CREATE INDEX contacts_owner_score_idx ON contacts (owner_id, score_key DESC, id);
CREATE INDEX contacts_owner_last_idx ON contacts (owner_id, last_interaction_at DESC NULLS LAST, id);

CREATE TABLE interactions (
    owner_id    varchar(255)     NOT NULL,
    id          uuid             NOT NULL,
    contact_id  uuid             NOT NULL,
    type        varchar(16)      NOT NULL,
    direction   varchar(16)      NOT NULL,
    channel     varchar(16)      NOT NULL,
    occurred_at timestamptz      NOT NULL,
    weight      double precision CHECK (weight IS NULL OR (weight >= 0 AND weight <= 1000000)),
    note        varchar(4000),
    created_at  timestamptz      NOT NULL,
    updated_at  timestamptz      NOT NULL,
    version     bigint           NOT NULL,
    PRIMARY KEY (owner_id, id),
    FOREIGN KEY (owner_id, contact_id) REFERENCES contacts (owner_id, id) ON DELETE CASCADE
);

CREATE INDEX interactions_owner_contact_time_idx ON interactions (owner_id, contact_id, occurred_at DESC, id DESC);
CREATE INDEX interactions_owner_time_idx ON interactions (owner_id, occurred_at DESC, id DESC);
