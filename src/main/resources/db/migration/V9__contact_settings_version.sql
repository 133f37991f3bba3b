-- The version of the owner's scoring settings that last re-scored this contact (ScoreLedger.rescoreOwner).
-- A writer locks the contact and reads the settings in one statement; when it had to wait for the lock
-- behind a settings change, the row it locked is already re-scored while the settings it read are from
-- before the change. This column tells it so (settings_version newer than the settings it read), and it
-- reads the settings again. Adding a column with a constant default rewrites nothing.
ALTER TABLE contacts ADD COLUMN settings_version bigint NOT NULL DEFAULT 0;
