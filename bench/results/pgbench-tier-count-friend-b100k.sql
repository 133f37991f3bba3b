\set p2 234.8650755337831
\set p3 236.30540636116078
SELECT count(*) FROM contacts WHERE owner_id = :p1 AND score_key >= :p2 AND score_key < :p3;
