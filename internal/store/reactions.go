package store

import (
	"context"
	"database/sql"
	"strconv"
	"sync"
	"time"
)

// Reaction kinds; "helped me" is the knowledge-reuse signal.
const (
	ReactLike       = "like"
	ReactInsightful = "insightful"
	ReactThanks     = "thanks"
	ReactHelpedMe   = "helped_me"
)

// ReactionKinds lists the reaction kinds in display order.
var ReactionKinds = []string{ReactLike, ReactInsightful, ReactThanks, ReactHelpedMe}

var reactionColumn = map[string]string{
	ReactLike: "like_count", ReactInsightful: "insightful_count", ReactThanks: "thanks_count", ReactHelpedMe: "helped_count",
}

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }

// React adds (on=true) or removes a person's reaction of one kind to a post
// (replyID 0) or reply, keeping the counter equal to the rows. It reports
// whether anything changed; a second identical reaction changes nothing.
func (s *Store) React(ctx context.Context, personID, postID, replyID int64, kind string, on bool) (bool, error) {
	col, ok := reactionColumn[kind]
	if !ok {
		return false, ErrNotAllowed
	}
	changed := false
	err := s.txRing(ctx, func(tx *sql.Tx) error {
		// The reaction must name a live post, or a live reply of that post:
		// otherwise a row would exist that no counter knows about.
		q, args := `SELECT COUNT(*) FROM posts WHERE id = $1 AND deleted_at IS NULL`, []any{postID}
		if replyID != 0 {
			q, args = `SELECT COUNT(*) FROM replies WHERE id = $1 AND post_id = $2 AND deleted_at IS NULL`, []any{replyID, postID}
		}
		var n int
		if err := tx.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		var res sql.Result
		var err error
		if on {
			res, err = tx.ExecContext(ctx, `INSERT INTO reactions (post_id, reply_id, person_id, kind, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
				postID, replyID, personID, kind, now())
		} else {
			res, err = tx.ExecContext(ctx, `DELETE FROM reactions WHERE post_id = $1 AND reply_id = $2 AND person_id = $3 AND kind = $4`, postID, replyID, personID, kind)
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		changed = true
		delta := "+ 1"
		if !on {
			delta = "- 1"
		}
		if replyID == 0 {
			_, err = tx.ExecContext(ctx, `UPDATE posts SET `+col+` = `+col+` `+delta+` WHERE id = $1`, postID)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE replies SET `+col+` = `+col+` `+delta+` WHERE id = $1 AND post_id = $2`, replyID, postID)
		}
		if err == nil && on && kind == ReactHelpedMe {
			err = notifyHelped(ctx, tx, personID, postID, replyID)
		}
		return err
	})
	return changed, err
}

// MyReactions returns the viewer's reactions on a post and its replies, keyed
// by reply id (0 for the post) and kind.
func (s *Store) MyReactions(ctx context.Context, personID, postID int64) (map[int64]map[string]bool, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT reply_id, kind FROM reactions WHERE post_id = $1 AND person_id = $2`, postID, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[string]bool{}
	for rows.Next() {
		var id int64
		var kind string
		if err := rows.Scan(&id, &kind); err != nil {
			return nil, err
		}
		if out[id] == nil {
			out[id] = map[string]bool{}
		}
		out[id][kind] = true
	}
	return out, rows.Err()
}

// Vote adds (on=true) or withdraws a person's vote on an idea; one per person.
func (s *Store) Vote(ctx context.Context, personID, postID int64, on bool) (bool, error) {
	changed := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM posts WHERE id = $1 AND type = 'idea' AND deleted_at IS NULL`, postID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound // only live ideas take votes
		}
		var res sql.Result
		var err error
		if on {
			res, err = tx.ExecContext(ctx, `INSERT INTO votes (post_id, person_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, postID, personID, now())
		} else {
			res, err = tx.ExecContext(ctx, `DELETE FROM votes WHERE post_id = $1 AND person_id = $2`, postID, personID)
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		changed = true
		delta := "+ 1"
		if !on {
			delta = "- 1"
		}
		_, err = tx.ExecContext(ctx, `UPDATE posts SET vote_count = vote_count `+delta+` WHERE id = $1`, postID)
		return err
	})
	return changed, err
}

// HasVoted reports whether a person has voted for an idea.
func (s *Store) HasVoted(ctx context.Context, personID, postID int64) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM votes WHERE post_id = $1 AND person_id = $2`, postID, personID).Scan(&n)
	return n > 0, mapErr(err)
}

// StatusChange is one step in an idea's life.
type StatusChange struct {
	From      string    `json:"from"`
	To        string    `json:"to"`
	Note      string    `json:"note"`
	ByName    string    `json:"by_name"`
	CreatedAt time.Time `json:"created_at"`
}

// SetIdeaStatus moves an idea to a new status with a note, recording the change.
func (s *Store) SetIdeaStatus(ctx context.Context, actorID, postID int64, status, note string) error {
	return s.txRing(ctx, func(tx *sql.Tx) error {
		var from string
		if err := tx.QueryRowContext(ctx, `SELECT status FROM posts WHERE id = $1 AND type = 'idea' AND deleted_at IS NULL`, postID).Scan(&from); err != nil {
			return err
		}
		t := now()
		if _, err := tx.ExecContext(ctx, `UPDATE posts SET status = $1 WHERE id = $2`, status, postID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO idea_status_changes (post_id, from_status, to_status, note, changed_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
			postID, from, status, note, actorID, t); err != nil {
			return err
		}
		detail := from + " → " + status
		if note != "" {
			detail += ": " + note
		}
		if err := auditPost(ctx, tx, actorID, "post.status", postID, 0, detail); err != nil {
			return err
		}
		if from == status {
			return nil
		}
		return notifyIdeaStatus(ctx, tx, actorID, postID, status)
	})
}

// StatusHistory lists an idea's status changes, oldest first. Callers must
// have read the post through Post.
func (s *Store) StatusHistory(ctx context.Context, postID int64) ([]StatusChange, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT i.from_status, i.to_status, i.note, p.name, i.created_at FROM idea_status_changes i JOIN people p ON p.id = i.changed_by
		WHERE i.post_id = $1 ORDER BY i.id`, postID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StatusChange
	for rows.Next() {
		var c StatusChange
		var t int64
		if err := rows.Scan(&c.From, &c.To, &c.Note, &c.ByName, &t); err != nil {
			return nil, err
		}
		c.CreatedAt = toTime(t)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Views batches post views in memory and writes them in one transaction, so
// reading a post never waits for a write (DESIGN §7).
type Views struct {
	mu      sync.Mutex
	pending map[int64]int64
}

// Add counts one view of a post.
func (v *Views) Add(postID int64) {
	v.mu.Lock()
	if v.pending == nil {
		v.pending = map[int64]int64{}
	}
	v.pending[postID]++
	v.mu.Unlock()
}

// Flush writes the counted views; on failure they are kept for the next flush.
func (s *Store) FlushViews(ctx context.Context, v *Views) error {
	v.mu.Lock()
	batch := v.pending
	v.pending = nil
	v.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for id, n := range batch {
			if _, err := tx.ExecContext(ctx, `UPDATE posts SET view_count = view_count + $1 WHERE id = $2`, n, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		v.mu.Lock()
		if v.pending == nil {
			v.pending = map[int64]int64{}
		}
		for id, n := range batch {
			v.pending[id] += n
		}
		v.mu.Unlock()
	}
	return err
}
