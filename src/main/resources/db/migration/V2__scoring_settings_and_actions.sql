-- Per-owner scoring settings; an owner without a row uses the defaults of docs/scoring.md.
CREATE TABLE scoring_settings (
    owner_id           varchar(255)     NOT NULL,
    half_life_days     double precision NOT NULL CHECK (half_life_days BETWEEN 1 AND 3650),
    saturation         double precision NOT NULL CHECK (saturation > 0 AND saturation <= 1000000),
    weights            jsonb            NOT NULL,
    acquaintance_floor double precision NOT NULL,
    friend_floor       double precision NOT NULL,
    ally_floor         double precision NOT NULL,
    cadence_days       jsonb            NOT NULL,
    updated_at         timestamptz      NOT NULL,
    version            bigint           NOT NULL,
    PRIMARY KEY (owner_id),
    CHECK (0 < acquaintance_floor AND acquaintance_floor < friend_floor AND friend_floor < ally_floor AND ally_floor < 100)
);

-- What the owner wants to do with a relationship, and the strength it takes.
CREATE TABLE actions (
    owner_id    varchar(255)     NOT NULL,
    id          uuid             NOT NULL,
    name        varchar(200)     NOT NULL,
    description varchar(2000),
    threshold   double precision NOT NULL CHECK (threshold >= 0 AND threshold <= 100),
    created_at  timestamptz      NOT NULL,
    updated_at  timestamptz      NOT NULL,
    version     bigint           NOT NULL,
    PRIMARY KEY (owner_id, id)
);
CREATE INDEX actions_owner_threshold_idx ON actions (owner_id, threshold, id);

-- Owners whose defaults (actions) have been provisioned, so that deleting every action sticks.
CREATE TABLE owners (
    owner_id   varchar(255) NOT NULL,
    created_at timestamptz  NOT NULL,
    PRIMARY KEY (owner_id)
);
