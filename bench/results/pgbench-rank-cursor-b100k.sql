\set p2 227.82684984040824
\set p4 51
SELECT id, display_name, score_key, last_interaction_at FROM contacts WHERE owner_id = :p1 AND (score_key < :p2 OR (score_key = :p2 AND id > :p3)) ORDER BY score_key DESC, id LIMIT :p4;
