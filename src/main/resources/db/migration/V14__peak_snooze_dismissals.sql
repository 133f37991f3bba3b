-- Issue 15: the peak of each contact's strength (REKINDLE), snooze, and dismissed recommendations.

-- log2(2^a + 2^b), -Infinity the empty sum: ScoreState's logAddExp2 (LogSpace), as an aggregate so that a window
-- over a contact's interactions in time order gives its running sums at every instant (the peak, below and in
-- ScoreLedger.rescoreOwner). power() is bounded below so that it never underflows (PostgreSQL raises an error).
CREATE FUNCTION threshold_log2_add(a double precision, b double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN a = '-Infinity' THEN b WHEN b = '-Infinity' THEN a
                      ELSE greatest(a, b) + ln(1 + power(2.0::double precision, greatest(-abs(a - b), -1000.0))) / ln(2.0)
                 END $$;

CREATE AGGREGATE threshold_log2_sum(double precision) (
    SFUNC = threshold_log2_add, STYPE = double precision, INITCOND = '-Infinity');

-- log2 of the effective points S = (in + out)(0.5 + 0.5 r) from the log2 of in and out (ScoreState.scoreKey).
CREATE FUNCTION threshold_score_log2(a double precision, b double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN a = '-Infinity' AND b = '-Infinity' THEN '-Infinity'::double precision
                      WHEN a = '-Infinity' OR b = '-Infinity' THEN greatest(a, b) - 1
                      ELSE greatest(a, b)
                           + 2 * ln(1 + power(2.0::double precision, greatest(least(a, b) - greatest(a, b), -1000.0))) / ln(2.0)
                           - 1
                 END $$;

-- The peak (docs/scoring.md, "The peak"): log2 of the effective points at the first interaction instant where the
-- strength is highest. -Infinity and NULL: no interaction.
ALTER TABLE contacts
    ADD COLUMN peak_log2_points double precision NOT NULL DEFAULT '-Infinity',
    ADD COLUMN peak_at timestamptz,
    ADD COLUMN snoozed_until timestamptz;

-- Backfill with each owner's settings (the defaults of ScoringSettings where the owner has none).
WITH terms AS (
    SELECT i.owner_id, i.contact_id, i.occurred_at, i.direction,
           CASE WHEN p.points > 0
                THEN ln(p.points) / ln(2.0) + threshold_epoch(i.occurred_at) / 86400.0 / h.h
                ELSE '-Infinity' END AS x,
           h.h
    FROM interactions i
    LEFT JOIN scoring_settings s ON s.owner_id = i.owner_id
    CROSS JOIN LATERAL (SELECT coalesce(s.half_life_days, 90.0) AS h) h
    CROSS JOIN LATERAL (SELECT coalesce(i.weight, CAST(s.weights ->> i.type AS double precision),
                                        CASE i.type WHEN 'VIEW' THEN 0.5 WHEN 'LIKE' THEN 1 WHEN 'COMMENT' THEN 3
                                                    WHEN 'SHARE' THEN 4 WHEN 'MESSAGE' THEN 5 WHEN 'CALL' THEN 8
                                                    WHEN 'MEETING' THEN 12 WHEN 'FAVOR' THEN 15 ELSE 0 END) AS points) p
), running AS (
    SELECT owner_id, contact_id, occurred_at, h,
           threshold_log2_sum(CASE direction WHEN 'INBOUND' THEN x WHEN 'MUTUAL' THEN x - 1 ELSE '-Infinity' END)
               OVER win AS in_k,
           threshold_log2_sum(CASE direction WHEN 'OUTBOUND' THEN x WHEN 'MUTUAL' THEN x - 1 ELSE '-Infinity' END)
               OVER win AS out_k
    FROM terms
    WINDOW win AS (PARTITION BY owner_id, contact_id ORDER BY occurred_at)
), peaks AS (
    SELECT DISTINCT ON (owner_id, contact_id) owner_id, contact_id, occurred_at AS peak_at,
           threshold_score_log2(in_k, out_k) - threshold_epoch(occurred_at) / 86400.0 / h AS peak
    FROM running
    ORDER BY owner_id, contact_id, peak DESC, occurred_at
)
UPDATE contacts c SET peak_log2_points = p.peak, peak_at = p.peak_at
FROM peaks p WHERE c.owner_id = p.owner_id AND c.id = p.contact_id;

-- REKINDLE: peak at or above FRIEND's floor AND score now below ACQUAINTANCE's floor, a two-dimensional range
-- (as CADENCE_DUE in V7): a GiST index over the point (peak, score key) bounds both, led by owner_id.
CREATE INDEX contacts_owner_rekindle_idx ON contacts
    USING gist (owner_id, point(peak_log2_points, score_key))
    WHERE peak_log2_points > '-Infinity' AND score_key > '-Infinity';

-- A recommendation the owner dismissed: (contact, reason), in effect while the contact's situation is the one it
-- was dismissed in (its score key, its number of interactions and its tier as they were): any interaction
-- recorded, edited or deleted changes them, and so does a drop of tier by decay (docs/nudges.md).
CREATE TABLE recommendation_dismissals (
    owner_id          varchar(255)     NOT NULL,
    contact_id        uuid             NOT NULL,
    reason            varchar(32)      NOT NULL,
    tier              varchar(16)      NOT NULL,
    score_key         double precision NOT NULL,
    interaction_count bigint           NOT NULL,
    dismissed_at      timestamptz      NOT NULL,
    PRIMARY KEY (owner_id, contact_id, reason),
    FOREIGN KEY (owner_id, contact_id) REFERENCES contacts (owner_id, id) ON DELETE CASCADE
);
