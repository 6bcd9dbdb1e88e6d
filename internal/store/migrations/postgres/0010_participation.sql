-- Participation: notifications, the live activity log, delivery choices,
-- sent mail and feed tokens.

-- One row per person per thing that concerns them, written in the same
-- transaction as the event. actor_id is NULL when the actor acted
-- anonymously, so no reader of this table can learn who it was. Whether the
-- recipient may still see the post is checked when the row is read.
CREATE TABLE notifications (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    actor_id BIGINT REFERENCES people (id),
    community_id BIGINT NOT NULL DEFAULT 0,
    post_id BIGINT NOT NULL DEFAULT 0,
    reply_id BIGINT NOT NULL DEFAULT 0,
    detail TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_person ON notifications (person_id, id);
CREATE INDEX notifications_unread ON notifications (person_id, id) WHERE read_at IS NULL;
CREATE INDEX notifications_actor ON notifications (actor_id);

-- Public activity for live pages (a new answer on a post, a new post in a
-- community); its id orders the live stream. No author is kept.
CREATE TABLE activity (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    community_id BIGINT NOT NULL,
    post_id BIGINT NOT NULL,
    reply_id BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX activity_post ON activity (post_id);

-- Mail: how each person wants each kind of notification (immediate, digest
-- or never; no row means the kind's default), their digest rhythm and the
-- secret of their unsubscribe links, and which messages were sent (so a job
-- that runs again after a crash never sends twice).
CREATE TABLE mail_prefs (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    delivery TEXT NOT NULL,
    PRIMARY KEY (person_id, kind)
);
CREATE TABLE mail_settings (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    digest TEXT NOT NULL DEFAULT 'weekly',
    unsubscribe_token TEXT NOT NULL UNIQUE,
    last_digest_at BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE mail_sent (
    message_id TEXT PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    sent_at BIGINT NOT NULL
);
CREATE INDEX mail_sent_person ON mail_sent (person_id);

-- Personal read-only feed tokens: accepted by the Atom feeds and nowhere
-- else; a person has at most one live token, and can revoke it.
CREATE TABLE feed_tokens (
    id BIGSERIAL PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX feed_tokens_person ON feed_tokens (person_id);

-- Digests look up the ideas that moved in a period.
CREATE INDEX idea_status_changes_created ON idea_status_changes (created_at);
