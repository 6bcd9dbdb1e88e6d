-- One-time links that let a person set their password and sign in:
-- printed by `tacit user add --link` and made by admins for resets.
CREATE TABLE signin_links (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX signin_links_person ON signin_links (person_id);
