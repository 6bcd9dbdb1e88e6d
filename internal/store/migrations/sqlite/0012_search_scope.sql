-- The search index carries each post's community (DESIGN §3 inside the
-- index): a second column, community, holds one term, "c" and the community
-- id, and a search ANDs the communities the viewer may read (or NOTs the few
-- they may not) into its MATCH, so FTS5 itself drops what the viewer cannot
-- read before ranking, counting or reading a post. The query's own words are
-- held to the terms column ({terms} : (…)), so a word never matches a
-- community term; BM25 weighs the community column 0, so ranking is as
-- before. A prefix index for 2, 3 and 4 letters serves prefix queries (the
-- word being typed) from one doclist instead of merging every term with that
-- prefix.
--
-- The index is contentless, so its terms cannot be read back: the table is
-- made anew, empty, and Store.Reindex (run on every start, after migrating)
-- writes the row of every live post, in bulk.
DROP TABLE post_search;
CREATE VIRTUAL TABLE post_search USING fts5(terms, community, content='', contentless_delete=1,
    prefix='2 3 4', tokenize="unicode61 remove_diacritics 0");
INSERT INTO post_search (post_search, rank) VALUES ('rank', 'bm25(1.0, 0.0)');
-- How many posts hold each term, read by similar questions to leave out the
-- commonest words of a title.
CREATE VIRTUAL TABLE post_search_vocab USING fts5vocab(post_search, 'row');
