package store

import (
	"context"
	"database/sql"
	"time"
)

// Session is one signed-in browser of a person.
type Session struct {
	ID         int64     `json:"id"`
	UserAgent  string    `json:"user_agent"`
	IP         string    `json:"ip"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	ExpiresAt  time.Time `json:"expires_at"`
}

// CreateSession stores a new session under the hash of its secret token.
func (s *Store) CreateSession(ctx context.Context, personID int64, tokenHash, userAgent, ip string, ttl time.Duration) (int64, error) {
	t := now()
	var id int64
	err := s.w.QueryRowContext(ctx, `INSERT INTO sessions (token_hash, person_id, user_agent, ip, created_at, last_seen_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id`,
		tokenHash, personID, truncate(userAgent, 300), ip, t, t+ttl.Milliseconds()).Scan(&id)
	return id, mapErr(err)
}

// SessionPerson returns the active person behind a session token hash and the session id.
// It refreshes last-seen at most every few minutes so reads stay reads.
func (s *Store) SessionPerson(ctx context.Context, tokenHash string) (Person, int64, error) {
	var sid, lastSeen int64
	row := s.r.QueryRowContext(ctx, `SELECT s.id, s.last_seen_at, `+personCols+` FROM sessions s JOIN people p ON p.id = s.person_id
		WHERE s.token_hash = $1 AND s.expires_at > $2 AND p.deactivated_at IS NULL`, tokenHash, now())
	var p Person
	var deact sql.NullInt64
	var created int64
	err := row.Scan(&sid, &lastSeen, &p.ID, &p.Email, &p.Name, &p.Department, &p.Title, &p.Language, &p.Bio, &p.Admin, &deact, &created)
	if err != nil {
		return Person{}, 0, mapErr(err)
	}
	p.CreatedAt = toTime(created)
	if t := now(); t-lastSeen > (5 * time.Minute).Milliseconds() {
		_, _ = s.w.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $1 WHERE id = $2`, t, sid)
	}
	return p, sid, nil
}

// Sessions lists a person's live sessions, newest first.
func (s *Store) Sessions(ctx context.Context, personID int64) ([]Session, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, user_agent, ip, created_at, last_seen_at, expires_at FROM sessions
		WHERE person_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC`, personID, now())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		var x Session
		var c, l, e int64
		if err := rows.Scan(&x.ID, &x.UserAgent, &x.IP, &c, &l, &e); err != nil {
			return nil, err
		}
		x.CreatedAt, x.LastSeenAt, x.ExpiresAt = toTime(c), toTime(l), toTime(e)
		out = append(out, x)
	}
	return out, rows.Err()
}

// DeleteSession ends one of a person's sessions; ErrNotFound when it is not theirs.
func (s *Store) DeleteSession(ctx context.Context, personID, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM sessions WHERE id = $1 AND person_id = $2`, id, personID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// DeleteExpiredSessions removes sessions past their expiry.
func (s *Store) DeleteExpiredSessions(ctx context.Context) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, now())
	return mapErr(err)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}
