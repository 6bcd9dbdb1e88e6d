package store

import (
	"context"
	"database/sql"
	"time"
)

// CreateSigninLink stores a one-time link for a person to set a password.
func (s *Store) CreateSigninLink(ctx context.Context, personID int64, tokenHash string, ttl time.Duration) error {
	t := now()
	_, err := s.w.ExecContext(ctx, `INSERT INTO signin_links (token_hash, person_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		tokenHash, personID, t, t+ttl.Milliseconds())
	return mapErr(err)
}

// SigninLinkPerson returns the active person behind an unused, unexpired link.
func (s *Store) SigninLinkPerson(ctx context.Context, tokenHash string) (Person, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT l.person_id FROM signin_links l JOIN people p ON p.id = l.person_id
		WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND p.deactivated_at IS NULL`, tokenHash, now()).Scan(&id)
	if err != nil {
		return Person{}, mapErr(err)
	}
	return s.PersonByID(ctx, id)
}

// UseSigninLink sets the password of the link's person and uses the link up,
// in one transaction; a second use finds nothing.
func (s *Store) UseSigninLink(ctx context.Context, tokenHash, passwordHash string) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `UPDATE signin_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING person_id`,
			now(), tokenHash).Scan(&id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE people SET password_hash = $1, updated_at = $2 WHERE id = $3 AND deactivated_at IS NULL`, passwordHash, now(), id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE person_id = $1`, id)
		return err
	})
	return id, err
}
