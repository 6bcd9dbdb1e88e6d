-- Indexes that the load benchmark (bench/, docs/benchmarks.md) showed missing
-- at 100,000 posts. Building them locks writes to posts for a few seconds on
-- a large database.

-- The live posts of a community, by id. Tag counts (PopularTags) and the
-- expertise score of SuggestedCommunities reach a community's posts and their
-- tags through it, without reading each post's row (body and all) only to
-- learn that the post is not deleted.
CREATE INDEX posts_live_community ON posts (community_id, id) WHERE deleted_at IS NULL;

-- Unanswered questions by community: HelpWanted reads the questions of the
-- viewer's communities only, instead of every unanswered question.
CREATE INDEX posts_unanswered_community ON posts (type, answer_count, community_id, activity_at);
