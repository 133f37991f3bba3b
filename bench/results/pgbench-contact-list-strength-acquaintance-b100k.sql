\set p2 232.58757895081345
\set p3 234.8650755337831
\set p4 51
SELECT * FROM contacts c WHERE c.owner_id = :p1 AND c.score_key >= :p2 AND c.score_key < :p3 ORDER BY c.score_key DESC, c.id LIMIT :p4;
