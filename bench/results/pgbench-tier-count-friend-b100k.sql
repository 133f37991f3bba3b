\set p2 234.86501596902784
\set p3 236.3053467964055
SELECT count(*) FROM contacts WHERE owner_id = :p1 AND score_key >= :p2 AND score_key < :p3;
