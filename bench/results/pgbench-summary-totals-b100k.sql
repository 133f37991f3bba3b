SELECT coalesce(sum(interaction_count), 0), max(last_interaction_at) FROM contacts WHERE owner_id = :p1;
