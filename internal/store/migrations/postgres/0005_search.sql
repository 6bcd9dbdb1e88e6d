-- Full-text search over posts with their answers and comments (DESIGN §4).
-- The text is analysed in Go (internal/search: Swedish and English stems,
-- compound parts) and stored as space-separated terms; the 'simple'
-- configuration only splits and lower-cases them, so both databases index
-- the same terms. Posts that existed before this migration are indexed by
-- Store.Reindex when the server starts.
CREATE TABLE post_search (
    post_id BIGINT PRIMARY KEY REFERENCES posts (id),
    terms TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED
);
CREATE INDEX post_search_tsv ON post_search USING gin (tsv);
