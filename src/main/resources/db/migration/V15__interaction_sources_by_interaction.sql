-- interaction_sources (V10) is looked up two ways: by source id (capture: "which of these items were recorded
-- already?", the primary key (owner_id, kind, source_id)) and by interaction (the ON DELETE CASCADE from interactions).
-- The second index led with owner_id, like every index (docs/architecture.md, "Data"), and that is what made a first
-- capture quadratic: during one long import transaction the table's statistics still say "empty" (the new rows are
-- not committed, autovacuum cannot count them), so the planner served the per-chunk source-id lookup
-- (owner_id = ? AND kind = ? AND source_id = ANY (?)) from this smaller index with owner_id alone as its condition,
-- reading every source row of the owner for every chunk (measured: 17 s of a 26 s ten-year calendar). Keyed by the
-- interaction id alone (a UUID, unique across owners), the index cannot serve an owner-only condition; with the
-- lookup run without sequential scans (InteractionSources.find) it always goes through the primary key, and the
-- cascade's (owner_id, interaction_id) condition still finds its rows by this index.
DROP INDEX interaction_sources_interaction_idx;
CREATE INDEX interaction_sources_interaction_idx ON interaction_sources (interaction_id);
