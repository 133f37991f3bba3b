SELECT in_key, out_key, type_keys, last_interaction_at, interaction_count FROM contacts WHERE owner_id = :p1 AND id = :p2;
