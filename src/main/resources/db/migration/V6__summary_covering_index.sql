-- The network summary counts contacts per score range in one pass over this index; carrying the
-- interaction count and the last touch lets that pass be an index-only scan.
DROP INDEX contacts_owner_score_idx;
CREATE INDEX contacts_owner_score_idx ON contacts (owner_id, score_key DESC, id)
    INCLUDE (interaction_count, last_interaction_at);
