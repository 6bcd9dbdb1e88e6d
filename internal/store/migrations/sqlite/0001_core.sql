-- Core schema: people, sessions, tokens, communities, posts, replies, reactions.
-- Times are BIGINT milliseconds since the Unix epoch, the same on both dialects.

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    department TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'sv',
    bio TEXT NOT NULL DEFAULT '',
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    password_hash TEXT NOT NULL DEFAULT '',
    deactivated_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX people_department ON people (department);

CREATE TABLE person_expertise (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (person_id, tag)
);
CREATE INDEX person_expertise_tag ON person_expertise (tag);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    user_agent TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    name TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX api_tokens_person ON api_tokens (person_id);

CREATE TABLE communities (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    visibility TEXT NOT NULL,
    parent_id BIGINT REFERENCES communities (id),
    anonymous_questions BOOLEAN NOT NULL DEFAULT FALSE,
    code_of_conduct TEXT NOT NULL DEFAULT '',
    member_count BIGINT NOT NULL DEFAULT 0,
    post_count BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES people (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX communities_parent ON communities (parent_id);
CREATE INDEX communities_created_by ON communities (created_by);

CREATE TABLE memberships (
    community_id BIGINT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (community_id, person_id)
);
CREATE INDEX memberships_person ON memberships (person_id, community_id);

CREATE TABLE join_requests (
    id INTEGER PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    decided_by BIGINT REFERENCES people (id),
    created_at BIGINT NOT NULL,
    decided_at BIGINT,
    UNIQUE (community_id, person_id)
);
CREATE INDEX join_requests_person ON join_requests (person_id);
CREATE INDEX join_requests_decided_by ON join_requests (decided_by);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    community_id BIGINT REFERENCES communities (id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'member',
    invited_by BIGINT NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX invitations_community ON invitations (community_id);
CREATE INDEX invitations_invited_by ON invitations (invited_by);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities (id),
    author_id BIGINT NOT NULL REFERENCES people (id),
    anonymous BOOLEAN NOT NULL DEFAULT FALSE,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    excerpt TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'sv',
    status TEXT NOT NULL DEFAULT '',
    accepted_answer_id BIGINT,
    answer_count BIGINT NOT NULL DEFAULT 0,
    comment_count BIGINT NOT NULL DEFAULT 0,
    vote_count BIGINT NOT NULL DEFAULT 0,
    view_count BIGINT NOT NULL DEFAULT 0,
    like_count BIGINT NOT NULL DEFAULT 0,
    insightful_count BIGINT NOT NULL DEFAULT 0,
    thanks_count BIGINT NOT NULL DEFAULT 0,
    helped_count BIGINT NOT NULL DEFAULT 0,
    revision_count BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    activity_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE INDEX posts_community_activity ON posts (community_id, activity_at, id);
CREATE INDEX posts_activity ON posts (activity_at, id);
CREATE INDEX posts_author ON posts (author_id, created_at, id);
CREATE INDEX posts_unanswered ON posts (type, answer_count, activity_at);

CREATE TABLE post_tags (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (post_id, tag)
);
CREATE INDEX post_tags_tag ON post_tags (tag, post_id);

CREATE TABLE replies (
    id INTEGER PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id),
    parent_id BIGINT REFERENCES replies (id),
    kind TEXT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES people (id),
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    like_count BIGINT NOT NULL DEFAULT 0,
    insightful_count BIGINT NOT NULL DEFAULT 0,
    thanks_count BIGINT NOT NULL DEFAULT 0,
    helped_count BIGINT NOT NULL DEFAULT 0,
    revision_count BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE INDEX replies_post ON replies (post_id, id);
CREATE INDEX replies_parent ON replies (parent_id);
CREATE INDEX replies_author ON replies (author_id, created_at);

-- reply_id is 0 when the reaction is on the post itself.
CREATE TABLE reactions (
    post_id BIGINT NOT NULL REFERENCES posts (id),
    reply_id BIGINT NOT NULL DEFAULT 0,
    person_id BIGINT NOT NULL REFERENCES people (id),
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, reply_id, person_id, kind)
);
CREATE INDEX reactions_person ON reactions (person_id);

CREATE TABLE votes (
    post_id BIGINT NOT NULL REFERENCES posts (id),
    person_id BIGINT NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, person_id)
);
CREATE INDEX votes_person ON votes (person_id);

-- reply_id is 0 for a revision of the post itself.
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id),
    reply_id BIGINT NOT NULL DEFAULT 0,
    editor_id BIGINT NOT NULL REFERENCES people (id),
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX revisions_post ON revisions (post_id, reply_id, id);
CREATE INDEX revisions_editor ON revisions (editor_id);

CREATE TABLE idea_status_changes (
    id INTEGER PRIMARY KEY,
    post_id BIGINT NOT NULL REFERENCES posts (id),
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    changed_by BIGINT NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX idea_status_changes_post ON idea_status_changes (post_id, id);
CREATE INDEX idea_status_changes_changed_by ON idea_status_changes (changed_by);

-- target is a community id, post id or person id as text, or a tag.
CREATE TABLE follows (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, target_kind, target)
);
CREATE INDEX follows_target ON follows (target_kind, target);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    actor_id BIGINT REFERENCES people (id),
    action TEXT NOT NULL,
    object_kind TEXT NOT NULL DEFAULT '',
    object_id BIGINT NOT NULL DEFAULT 0,
    detail TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id);
CREATE INDEX audit_log_created ON audit_log (created_at, id);
