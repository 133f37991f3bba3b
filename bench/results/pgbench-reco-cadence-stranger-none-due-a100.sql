\set p3 232.58757895081345
\set p5 50
SELECT id, display_name, score_key, in_key, out_key, last_interaction_at, cadence_days FROM contacts WHERE owner_id = :p1 AND score_key >= :p2 AND score_key < :p3 AND cadence_days IS NULL AND last_interaction_at < :p4 ORDER BY score_key DESC, id LIMIT :p5;
