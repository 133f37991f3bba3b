-- Import matching (docs/importing.md): an owner-scoped lookup table of every contact's match keys,
--   'li:' || the lower-cased slug of a LinkedIn /in/<slug> URL in profiles.linkedin
--   'em:' || each e-mail, lower-cased
--   'ph:' || the digits of each phone number with at least 7 digits
-- kept by a trigger, so that every writer (the contacts API, imports, later features) keeps it exact.
-- A GIN index cannot lead with owner_id without the btree_gin extension, and a GIN scan of an owner's
-- key would visit all of that owner's rows; this table answers "which contacts of owner O have key K"
-- with one btree probe on (owner_id, key). It leads with owner_id, like every table, for Citus.

CREATE FUNCTION threshold_linkedin_slug(url text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT nullif(substring(lower(url) from '/in/([^/?#[:space:]]+)'), '') $$;

CREATE FUNCTION threshold_phone_digits(phone text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN length(d) >= 7 THEN d END FROM (SELECT regexp_replace(phone, '[^0-9]', '', 'g') AS d) x $$;

CREATE TABLE contact_keys (
    owner_id   varchar(255) NOT NULL,
    key        text         NOT NULL,
    contact_id uuid         NOT NULL,
    PRIMARY KEY (owner_id, key, contact_id),
    FOREIGN KEY (owner_id, contact_id) REFERENCES contacts (owner_id, id) ON DELETE CASCADE
);
-- the trigger's delete-by-contact, and the cascade from contacts
CREATE INDEX contact_keys_owner_contact_idx ON contact_keys (owner_id, contact_id);

CREATE FUNCTION threshold_contact_keys(c contacts) RETURNS TABLE (key text)
    LANGUAGE sql STABLE AS
$$
    SELECT DISTINCT k FROM (
        SELECT 'li:' || threshold_linkedin_slug(c.profiles ->> 'linkedin') AS k
        UNION ALL SELECT 'em:' || lower(e) FROM unnest(c.emails) e
        UNION ALL SELECT 'ph:' || threshold_phone_digits(p) FROM unnest(c.phones) p
    ) keys WHERE k IS NOT NULL
$$;

CREATE FUNCTION threshold_contact_keys_sync() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.emails IS NOT DISTINCT FROM OLD.emails AND NEW.phones IS NOT DISTINCT FROM OLD.phones
           AND (NEW.profiles ->> 'linkedin') IS NOT DISTINCT FROM (OLD.profiles ->> 'linkedin') THEN
            RETURN NULL;
        END IF;
        DELETE FROM contact_keys WHERE owner_id = OLD.owner_id AND contact_id = OLD.id;
    END IF;
    INSERT INTO contact_keys (owner_id, key, contact_id)
        SELECT NEW.owner_id, k.key, NEW.id FROM threshold_contact_keys(NEW) k
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

-- Only writes of the key columns fire it: score updates (ScoreLedger) never do.
CREATE TRIGGER contacts_keys_insert AFTER INSERT ON contacts
    FOR EACH ROW EXECUTE FUNCTION threshold_contact_keys_sync();
CREATE TRIGGER contacts_keys_update AFTER UPDATE OF emails, phones, profiles ON contacts
    FOR EACH ROW EXECUTE FUNCTION threshold_contact_keys_sync();

INSERT INTO contact_keys (owner_id, key, contact_id)
    SELECT c.owner_id, k.key, c.id FROM contacts c CROSS JOIN LATERAL threshold_contact_keys(c) k
    ON CONFLICT DO NOTHING;
