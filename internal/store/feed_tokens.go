package store

import (
	"context"
	"database/sql"
	"time"
)

// CreateFeedToken gives a person a new feed token (its hash is stored),
// revoking the one they had: old feed links stop working at once.
func (s *Store) CreateFeedToken(ctx context.Context, personID int64, tokenHash string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE feed_tokens SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL`, now(), personID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO feed_tokens (person_id, token_hash, created_at) VALUES ($1, $2, $3)`, personID, tokenHash, now())
		return err
	})
}

// RevokeFeedTokens ends a person's feed token.
func (s *Store) RevokeFeedTokens(ctx context.Context, personID int64) error {
	_, err := s.w.ExecContext(ctx, `UPDATE feed_tokens SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL`, now(), personID)
	return mapErr(err)
}

// FeedTokenCreated reports when the person's live feed token was made (zero: none).
func (s *Store) FeedTokenCreated(ctx context.Context, personID int64) (time.Time, error) {
	var c int64
	err := s.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(created_at), 0) FROM feed_tokens WHERE person_id = $1 AND revoked_at IS NULL`, personID).Scan(&c)
	return toTime(c), mapErr(err)
}

// FeedTokenPerson returns the active person whose live feed token has this
// hash. Only the feeds call it: a feed token opens nothing else.
func (s *Store) FeedTokenPerson(ctx context.Context, tokenHash string) (Person, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+personCols+` FROM feed_tokens t JOIN people p ON p.id = t.person_id
		WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND p.deactivated_at IS NULL`, tokenHash)
	return scanPerson(row)
}
