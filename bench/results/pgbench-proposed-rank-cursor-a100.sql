\set p2 228.96258796274665
\set p4 51
SELECT id, display_name, score_key, last_interaction_at FROM contacts WHERE owner_id = :p1 AND score_key <= :p2 AND (score_key < :p2 OR (score_key = :p2 AND id > :p3)) ORDER BY score_key DESC, id LIMIT :p4;
