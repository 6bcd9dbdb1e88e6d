package store

import (
	"context"
	"database/sql"
	"time"
)

// AuditEntry is one recorded admin or moderator action.
type AuditEntry struct {
	ID         int64     `json:"id"`
	ActorID    int64     `json:"actor_id"`
	ActorName  string    `json:"actor_name"`
	Action     string    `json:"action"`
	ObjectKind string    `json:"object_kind"`
	ObjectID   int64     `json:"object_id"`
	Detail     string    `json:"detail"`
	CreatedAt  time.Time `json:"created_at"`
}

// audit records an action inside the transaction that performs it, so the
// log never disagrees with the data.
func audit(ctx context.Context, tx *sql.Tx, actorID int64, action, kind string, objectID int64, detail string) error {
	var actor any = actorID
	if actorID == 0 {
		actor = nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (actor_id, action, object_kind, object_id, detail, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
		actor, action, kind, objectID, truncate(detail, 1000), now())
	return err
}

// AuditLog returns entries newest first, before the given id (0 for the newest).
func (s *Store) AuditLog(ctx context.Context, beforeID int64, limit int) ([]AuditEntry, error) {
	if beforeID <= 0 {
		beforeID = 1<<62 - 1
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, COALESCE(a.actor_id, 0), COALESCE(p.name, ''), a.action, a.object_kind, a.object_id, a.detail, a.created_at
		FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id WHERE a.id < $1 ORDER BY a.id DESC LIMIT $2`, beforeID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var c int64
		if err := rows.Scan(&e.ID, &e.ActorID, &e.ActorName, &e.Action, &e.ObjectKind, &e.ObjectID, &e.Detail, &c); err != nil {
			return nil, err
		}
		e.CreatedAt = toTime(c)
		out = append(out, e)
	}
	return out, rows.Err()
}
