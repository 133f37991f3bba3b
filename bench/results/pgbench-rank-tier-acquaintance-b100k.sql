\set p2 232.58757895081345
\set p3 234.8650755337831
\set p4 51
SELECT id, display_name, score_key, last_interaction_at FROM contacts WHERE owner_id = :p1 AND score_key >= :p2 AND score_key < :p3 ORDER BY score_key DESC, id LIMIT :p4;
