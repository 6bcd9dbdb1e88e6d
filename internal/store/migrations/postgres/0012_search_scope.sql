-- The search index carries each post's community (DESIGN §3 inside the
-- index): community_id, and in the tsvector a lexeme '=c' || id that no
-- analysed word can be ('=' is never part of one, and the query's words pass
-- through to_tsquery('simple', …), which drops it). A search ANDs the
-- communities the viewer may read (or NOTs the few they may not) into its
-- tsquery, so the GIN index itself drops what the viewer cannot read.
-- Ranking uses the query's words alone, as before.
ALTER TABLE post_search ADD COLUMN community_id BIGINT;
UPDATE post_search x SET community_id = p.community_id FROM posts p WHERE p.id = x.post_id;
DELETE FROM post_search WHERE community_id IS NULL;
ALTER TABLE post_search ALTER COLUMN community_id SET NOT NULL;
DROP INDEX post_search_tsv;
ALTER TABLE post_search DROP COLUMN tsv;
ALTER TABLE post_search ADD COLUMN tsv tsvector GENERATED ALWAYS AS
    (to_tsvector('simple', terms) || array_to_tsvector(ARRAY['=c' || community_id::text])) STORED;
CREATE INDEX post_search_tsv ON post_search USING gin (tsv);
