SELECT max(last_interaction_at) FROM contacts WHERE owner_id = :p1;
