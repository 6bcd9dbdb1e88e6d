package store

import (
	"context"
	"database/sql"
	"time"
)

// Follow target kinds.
const (
	FollowCommunity = "community"
	FollowPost      = "post"
	FollowTag       = "tag"
	FollowPerson    = "person"
)

// FollowKinds lists the kinds of things a person can follow.
var FollowKinds = []string{FollowCommunity, FollowPost, FollowTag, FollowPerson}

// Follow is one thing a person follows.
type Follow struct {
	Kind      string    `json:"kind"`
	Target    string    `json:"target"`
	CreatedAt time.Time `json:"created_at"`
}

func follow(ctx context.Context, q queryer, personID int64, kind, target string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO follows (person_id, target_kind, target, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
		personID, kind, target, now())
	return err
}

// Follow makes a person follow something; following twice is harmless.
func (s *Store) Follow(ctx context.Context, personID int64, kind, target string) error {
	return mapErr(follow(ctx, s.w, personID, kind, target))
}

// Unfollow stops following something.
func (s *Store) Unfollow(ctx context.Context, personID int64, kind, target string) error {
	_, err := s.w.ExecContext(ctx, `DELETE FROM follows WHERE person_id = $1 AND target_kind = $2 AND target = $3`, personID, kind, target)
	return mapErr(err)
}

// Follows lists what a person follows, of one kind or all ("").
func (s *Store) Follows(ctx context.Context, personID int64, kind string) ([]Follow, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT target_kind, target, created_at FROM follows WHERE person_id = $1 AND ($2 = '' OR target_kind = $2)
		ORDER BY target_kind, target`, personID, kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Follow
	for rows.Next() {
		var f Follow
		var c int64
		if err := rows.Scan(&f.Kind, &f.Target, &c); err != nil {
			return nil, err
		}
		f.CreatedAt = toTime(c)
		out = append(out, f)
	}
	return out, rows.Err()
}

// IsFollowing reports whether a person follows the target.
func (s *Store) IsFollowing(ctx context.Context, personID int64, kind, target string) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM follows WHERE person_id = $1 AND target_kind = $2 AND target = $3`, personID, kind, target).Scan(&n)
	return n > 0, mapErr(err)
}

var _ = sql.ErrNoRows
