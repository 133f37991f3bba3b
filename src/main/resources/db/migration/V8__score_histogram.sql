-- GET /network/summary without a pass over the owner's contacts (docs/scoring.md, "The summary"):
-- per owner, how many contacts (and how many interactions) have a score key in each bucket of 1/16 of
-- a halving, kept by statement-level triggers on contacts. The summary adds up whole buckets above a
-- floor and counts exactly, in contacts_owner_score_idx, only the few contacts in the floor's own bucket.
--
-- The bucket of a key. Multiplying by 16 is exact in IEEE doubles, so Java's Math.floor(key * 16)
-- (dev.threshold.network.ScoreBuckets.bucket) gives the same bucket for every key. -Infinity (no
-- interactions) has its own bucket below every other; NaN and +Infinity (never stored, but they must
-- not break a write) one above every other; finite keys beyond ±2^48 (no real key comes near) share
-- the clamped buckets ±2^52, which keeps the cast to bigint from overflowing.
CREATE FUNCTION threshold_bucket(score_key double precision) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
    SELECT CASE
        WHEN score_key = '-Infinity' THEN '-9223372036854775808'::bigint
        WHEN score_key = 'NaN' OR score_key = 'Infinity' THEN '9223372036854775807'::bigint
        WHEN score_key * 16 >= '4503599627370496'::double precision THEN '4503599627370496'::bigint
        WHEN score_key * 16 <= '-4503599627370496'::double precision THEN '-4503599627370496'::bigint
        ELSE floor(score_key * 16)::bigint
    END
$$;

-- Rows sum across stripes. A writing session adds its deltas to the stripe of its own backend pid, so
-- two concurrent transactions never update the same row (no lock waits, no deadlocks between batch
-- writers of one owner); a stripe's counts may be negative. Stripe 0 holds the compacted counts
-- (ScoreHistogramCompaction folds the other stripes into it). Leads with owner_id like every table.
CREATE TABLE score_histogram (
    owner_id     varchar(255) NOT NULL,
    bucket       bigint       NOT NULL,
    stripe       integer      NOT NULL,
    contacts     bigint       NOT NULL,
    interactions bigint       NOT NULL,
    PRIMARY KEY (owner_id, bucket, stripe)
) WITH (fillfactor = 70); -- room for HOT updates: every score write updates a row of its stripe

-- the compaction's work list: only the rows not yet folded into stripe 0
CREATE INDEX score_histogram_unfolded_idx ON score_histogram (owner_id, bucket, stripe) WHERE stripe <> 0;

-- One upsert per statement (not per row): the deltas of the statement's rows, grouped by owner and
-- bucket, zero deltas dropped (an UPDATE that changes neither score_key nor interaction_count, such as
-- a name edit, writes nothing), in key order.
CREATE FUNCTION threshold_score_histogram_sync() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO score_histogram AS h (owner_id, bucket, stripe, contacts, interactions)
            SELECT n.owner_id, threshold_bucket(n.score_key), pg_backend_pid(), count(*), sum(n.interaction_count)
            FROM new_rows n GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (owner_id, bucket, stripe) DO UPDATE
            SET contacts = h.contacts + excluded.contacts, interactions = h.interactions + excluded.interactions;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO score_histogram AS h (owner_id, bucket, stripe, contacts, interactions)
            SELECT o.owner_id, threshold_bucket(o.score_key), pg_backend_pid(), -count(*), -sum(o.interaction_count)
            FROM old_rows o GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (owner_id, bucket, stripe) DO UPDATE
            SET contacts = h.contacts + excluded.contacts, interactions = h.interactions + excluded.interactions;
    ELSE
        INSERT INTO score_histogram AS h (owner_id, bucket, stripe, contacts, interactions)
            SELECT d.owner_id, d.bucket, pg_backend_pid(), sum(d.contacts), sum(d.interactions)
            FROM (SELECT n.owner_id, threshold_bucket(n.score_key) AS bucket, 1 AS contacts, n.interaction_count AS interactions
                  FROM new_rows n
                  UNION ALL
                  SELECT o.owner_id, threshold_bucket(o.score_key), -1, -o.interaction_count
                  FROM old_rows o) d
            GROUP BY 1, 2
            HAVING sum(d.contacts) <> 0 OR sum(d.interactions) <> 0
            ORDER BY 1, 2
        ON CONFLICT (owner_id, bucket, stripe) DO UPDATE
            SET contacts = h.contacts + excluded.contacts, interactions = h.interactions + excluded.interactions;
    END IF;
    RETURN NULL;
END
$$;

-- No write may slip between the backfill and the triggers: this lock (the one CREATE TRIGGER takes
-- anyway, taken up front so it is never upgraded) blocks every writer of contacts until the migration
-- commits, and the backfill then reads every committed row.
LOCK TABLE contacts IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO score_histogram (owner_id, bucket, stripe, contacts, interactions)
    SELECT owner_id, threshold_bucket(score_key), 0, count(*), sum(interaction_count)
    FROM contacts GROUP BY 1, 2;

CREATE TRIGGER contacts_histogram_insert AFTER INSERT ON contacts
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION threshold_score_histogram_sync();
CREATE TRIGGER contacts_histogram_update AFTER UPDATE ON contacts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION threshold_score_histogram_sync();
CREATE TRIGGER contacts_histogram_delete AFTER DELETE ON contacts
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION threshold_score_histogram_sync();
