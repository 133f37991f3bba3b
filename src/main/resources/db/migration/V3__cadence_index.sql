-- CADENCE_DUE for contacts with their own cadence: a range scan on the last touch, only over those contacts.
CREATE INDEX contacts_owner_cadence_idx ON contacts (owner_id, last_interaction_at NULLS FIRST)
    WHERE cadence_days IS NOT NULL;
