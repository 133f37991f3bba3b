\set p3 232.58757895081345
SELECT count(*) FROM contacts WHERE owner_id = :p1 AND score_key >= :p2 AND score_key < :p3;
