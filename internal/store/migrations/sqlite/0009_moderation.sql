-- Moderation and the safe zone: hidden and held content, locked threads,
-- reports, bans, code-of-conduct acceptance, watched words, and a richer
-- audit log.

-- moderation is '' for shown content, 'held' for content waiting for a
-- moderator's approval (a watched word), 'hidden' for content a moderator
-- hid. Feeds keep only moderation = ''; the partial index below lets tag
-- counts reach shown posts without reading their rows.
ALTER TABLE posts ADD COLUMN moderation TEXT NOT NULL DEFAULT '';
ALTER TABLE posts ADD COLUMN locked_at BIGINT;
ALTER TABLE replies ADD COLUMN moderation TEXT NOT NULL DEFAULT '';
CREATE INDEX posts_shown_community ON posts (community_id, id) WHERE deleted_at IS NULL AND moderation = '';
CREATE INDEX posts_held ON posts (community_id, id) WHERE moderation = 'held' AND deleted_at IS NULL;
CREATE INDEX replies_held ON replies (post_id, id) WHERE moderation = 'held' AND deleted_at IS NULL;

-- reply_id is 0 when the post itself is reported.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities (id),
    post_id BIGINT NOT NULL REFERENCES posts (id),
    reply_id BIGINT NOT NULL DEFAULT 0,
    reporter_id BIGINT NOT NULL REFERENCES people (id),
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    decided_by BIGINT REFERENCES people (id),
    decided_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX reports_queue ON reports (community_id, status, id);
CREATE INDEX reports_post ON reports (post_id, reply_id);
CREATE INDEX reports_reporter ON reports (reporter_id);
CREATE INDEX reports_decided_by ON reports (decided_by);

CREATE TABLE community_bans (
    community_id BIGINT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    banned_by BIGINT REFERENCES people (id),
    reason TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX community_bans_person ON community_bans (person_id);
CREATE INDEX community_bans_banned_by ON community_bans (banned_by);

CREATE TABLE conduct_acceptances (
    community_id BIGINT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    accepted_at BIGINT NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX conduct_acceptances_person ON conduct_acceptances (person_id);

-- action is 'block' (refused with the word named) or 'hold' (created held).
CREATE TABLE watched_words (
    id INTEGER PRIMARY KEY,
    word TEXT NOT NULL UNIQUE,
    action TEXT NOT NULL,
    created_by BIGINT REFERENCES people (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX watched_words_created_by ON watched_words (created_by);

-- The community an action happened in and the person it was done to, so the
-- audit page can name them; 0 when there is none.
ALTER TABLE audit_log ADD COLUMN community_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit_log ADD COLUMN person_id BIGINT NOT NULL DEFAULT 0;
CREATE INDEX audit_log_action ON audit_log (action, id);

-- HelpWanted tests moderation too: keep its walk inside the index (0006).
DROP INDEX posts_open_questions;
CREATE INDEX posts_open_questions ON posts (type, answer_count, activity_at, community_id, author_id, deleted_at, moderation);
