-- Capture (docs/importing.md, "Capture"): the owner's own identities, and where each captured interaction came from.

-- Who "me" is for every capture: the owner's names, e-mails, phones, LinkedIn profile and time zone (IANA).
CREATE TABLE owner_profiles (
    owner_id   varchar(255) NOT NULL PRIMARY KEY,
    names      text[]       NOT NULL DEFAULT '{}',
    emails     text[]       NOT NULL DEFAULT '{}',
    phones     text[]       NOT NULL DEFAULT '{}',
    linkedin   varchar(500),
    time_zone  varchar(64)  NOT NULL DEFAULT 'UTC',
    updated_at timestamptz  NOT NULL
);

-- Every captured interaction remembers its sources: the export kind and the source's own id of each item it was made
-- of (an event's UID and instance, a Message-ID, a chat and line) for one party. The primary key makes re-importing
-- the same file create nothing, and lets a later "who knows whom" find who was in the same meeting or thread.
-- The foreign key is deferred: a capture claims its source ids first (INSERT … ON CONFLICT DO NOTHING, so that two
-- concurrent imports of one file cannot both record it) and inserts the interactions after.
CREATE TABLE interaction_sources (
    owner_id       varchar(255) NOT NULL,
    kind           varchar(32)  NOT NULL,
    source_id      text         NOT NULL,
    interaction_id uuid         NOT NULL,
    PRIMARY KEY (owner_id, kind, source_id),
    FOREIGN KEY (owner_id, interaction_id) REFERENCES interactions (owner_id, id) ON DELETE CASCADE
        DEFERRABLE INITIALLY DEFERRED
);
-- the cascade from interactions, and "which sources made this interaction"
CREATE INDEX interaction_sources_interaction_idx ON interaction_sources (owner_id, interaction_id);
