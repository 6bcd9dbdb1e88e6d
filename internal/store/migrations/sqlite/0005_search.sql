-- Full-text search over posts with their answers and comments (DESIGN §4).
-- The text is analysed in Go (internal/search: Swedish and English stems,
-- compound parts) and stored as space-separated terms, so the tokenizer only
-- splits on spaces and must keep å, ä and ö as letters. The table is
-- contentless: it holds the index alone, and the rowid is the post id.
-- Posts that existed before this migration are indexed by Store.Reindex when
-- the server starts.
CREATE VIRTUAL TABLE post_search USING fts5(terms, content='', contentless_delete=1,
    tokenize="unicode61 remove_diacritics 0");
