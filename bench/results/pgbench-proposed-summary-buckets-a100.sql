SELECT width_bucket(score_key, :p2) AS bucket, count(*) FROM contacts WHERE owner_id = :p1 GROUP BY 1;
