-- CADENCE_DUE by tier is a two-dimensional range: the score key within the tier AND the last touch
-- before now - cadence. One B-tree can bound only one of them (walking a whole tier to find the few who
-- are due); a GiST index over the point (score_key, last touch) bounds both. btree_gist lets it lead
-- with owner_id like every other index. (btree_gist is a trusted extension: the database owner may
-- create it.)
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- extract(epoch FROM timestamptz) does not depend on the session's time zone, so it can be indexed.
CREATE FUNCTION threshold_epoch(t timestamptz) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT extract(epoch FROM t)::double precision $$;

CREATE INDEX contacts_owner_cadence_due_idx ON contacts
    USING gist (owner_id, point(score_key, threshold_epoch(last_interaction_at)))
    WHERE cadence_days IS NULL AND last_interaction_at IS NOT NULL AND score_key > '-Infinity';
