-- Issue 16: the warm-up reads contacts of its own (docs/operations.md, "Readiness and warm-up"). Each start makes up
-- an owner, records it here before it writes anything for it, and deletes every row of that owner when it ends, this
-- one last. A row older than the warm-up's bound is the leftover of an instance that died while warming: the next
-- start deletes that owner's rows. Only owners listed here are ever deleted that way, so no real owner can be.
CREATE TABLE warm_up_owners (
    owner_id   varchar(255) NOT NULL,
    started_at timestamptz  NOT NULL,
    PRIMARY KEY (owner_id)
);
