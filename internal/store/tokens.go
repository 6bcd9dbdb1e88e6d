package store

import (
	"context"
	"database/sql"
	"time"
)

// Token scopes, from least to most power.
const (
	ScopeRead  = "read"
	ScopeWrite = "write"
	ScopeAdmin = "admin"
)

// Token is a personal API token; its secret is never stored, only its hash.
type Token struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	Scope      string    `json:"scope"`
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt time.Time `json:"last_used_at"`
}

// CreateToken stores a new API token for a person.
func (s *Store) CreateToken(ctx context.Context, personID int64, name, scope, tokenHash string) (int64, error) {
	var id int64
	err := s.w.QueryRowContext(ctx, `INSERT INTO api_tokens (token_hash, person_id, name, scope, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		tokenHash, personID, name, scope, now()).Scan(&id)
	return id, mapErr(err)
}

// TokenPerson returns the active person and the scope behind a token hash.
func (s *Store) TokenPerson(ctx context.Context, tokenHash string) (Person, string, error) {
	var scope string
	var tid int64
	var lastUsed sql.NullInt64
	var p Person
	var deact sql.NullInt64
	var created int64
	err := s.r.QueryRowContext(ctx, `SELECT t.id, t.scope, t.last_used_at, `+personCols+` FROM api_tokens t JOIN people p ON p.id = t.person_id
		WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND p.deactivated_at IS NULL`, tokenHash).
		Scan(&tid, &scope, &lastUsed, &p.ID, &p.Email, &p.Name, &p.Department, &p.Title, &p.Language, &p.Bio, &p.Admin, &deact, &created)
	if err != nil {
		return Person{}, "", mapErr(err)
	}
	p.CreatedAt = toTime(created)
	if t := now(); !lastUsed.Valid || t-lastUsed.Int64 > time.Minute.Milliseconds() {
		_, _ = s.w.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2`, t, tid)
	}
	return p, scope, nil
}

// Tokens lists a person's live tokens.
func (s *Store) Tokens(ctx context.Context, personID int64) ([]Token, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name, scope, created_at, last_used_at FROM api_tokens
		WHERE person_id = $1 AND revoked_at IS NULL ORDER BY id DESC`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		var t Token
		var c int64
		var l sql.NullInt64
		if err := rows.Scan(&t.ID, &t.Name, &t.Scope, &c, &l); err != nil {
			return nil, err
		}
		t.CreatedAt, t.LastUsedAt = toTime(c), nullTime(l)
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken ends one of a person's tokens.
func (s *Store) RevokeToken(ctx context.Context, personID, id int64) error {
	res, err := s.w.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND person_id = $3 AND revoked_at IS NULL`, now(), id, personID)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
