-- Uploaded files (images, video clips, PDFs). The bytes live in a blob store
-- (the data directory or S3) under server-chosen keys; a row points to them
-- only after they are written and synced. An upload belongs to its uploader
-- until it is attached to a post (reply_id NULL) or to a reply of that post;
-- from then on it is exactly as visible as what it is attached to.
-- An upload never attached is an orphan and is removed by a job.
CREATE TABLE uploads (
    id BIGSERIAL PRIMARY KEY,
    uploader_id BIGINT NOT NULL REFERENCES people (id),
    kind TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    blob_key TEXT NOT NULL,
    thumb_key TEXT NOT NULL DEFAULT '',
    poster_key TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    duration_ms BIGINT NOT NULL DEFAULT 0,
    post_id BIGINT REFERENCES posts (id),
    reply_id BIGINT REFERENCES replies (id),
    processed_at BIGINT,
    created_at BIGINT NOT NULL,
    attached_at BIGINT
);
CREATE INDEX uploads_post ON uploads (post_id, reply_id);
CREATE INDEX uploads_reply ON uploads (reply_id);
CREATE INDEX uploads_uploader ON uploads (uploader_id, created_at);
