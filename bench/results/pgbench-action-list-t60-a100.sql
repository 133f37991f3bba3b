\set p2 235.70805006601643
\set p3 51
SELECT id, display_name, score_key, last_interaction_at FROM contacts WHERE owner_id = :p1 AND score_key >= :p2 ORDER BY score_key DESC, id LIMIT :p3;
