-- HelpWanted (the home page's "unanswered questions I could help with") walks
-- unanswered questions newest first until it has 200 from the viewer's
-- communities. With every column it tests in the index, the walk never reads
-- a post's row (body and all) only to reject it; on the load benchmark this
-- doubled the home page's throughput (docs/benchmarks.md).
CREATE INDEX posts_open_questions ON posts (type, answer_count, activity_at, community_id, author_id, deleted_at);

-- It has the columns of posts_unanswered first, so that one is no longer needed.
DROP INDEX posts_unanswered;
