\set p3 50
SELECT id, display_name, score_key, in_key, out_key, last_interaction_at, cadence_days FROM contacts WHERE owner_id = :p1 AND cadence_days IS NOT NULL AND (last_interaction_at IS NULL OR last_interaction_at < CAST(:p2 AS timestamptz) - make_interval(days => cadence_days)) ORDER BY last_interaction_at NULLS FIRST LIMIT :p3;
