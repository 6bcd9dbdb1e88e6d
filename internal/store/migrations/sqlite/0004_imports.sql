-- Imports: which local row each record of an outside source became, so that
-- running an import again adds nothing twice. source names the origin (for a
-- Stack Exchange dump the site, "beer.stackexchange.com"); kind says what the
-- external id counts ("person", "question", "answer", "comment", "accepted").
-- The mapping is written in the same transaction as the row it maps.
-- score keeps the source's own vote score, which has no local equivalent.
CREATE TABLE imports (
    source TEXT NOT NULL,
    external_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    local_id BIGINT NOT NULL,
    score BIGINT NOT NULL DEFAULT 0,
    imported_at BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (source, external_id, kind)
);
CREATE INDEX imports_local ON imports (kind, local_id);

-- The original of an imported post, linked from the post (CC BY-SA asks for it).
ALTER TABLE posts ADD COLUMN source_url TEXT NOT NULL DEFAULT '';
