package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// NewJob is a background job to run at or after RunAt.
type NewJob struct {
	Kind        string
	Payload     string    // usually JSON; the handler of Kind reads it
	DedupKey    string    // optional: a second job with the same key is not added
	RunAt       time.Time // zero: now
	MaxAttempts int       // zero: 10
}

// Job is a leased job handed to a worker.
type Job struct {
	ID          int64
	Kind        string
	Payload     string
	Attempts    int // including this one
	MaxAttempts int
	CreatedAt   time.Time
}

// JobState is a job as it stands, for tests and the admin page.
type JobState struct {
	Job
	RunAt     time.Time
	LastError string
	Done      bool
	Failed    bool
}

// EnqueueJob adds a job on its own. Store methods that cause jobs call
// enqueueJob inside their own transaction instead.
func (s *Store) EnqueueJob(ctx context.Context, j NewJob) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = enqueueJob(ctx, tx, j)
		return err
	})
	return id, err
}

// enqueueJob adds j in tx. With a DedupKey already present it adds nothing
// and returns the existing job's id.
func enqueueJob(ctx context.Context, q queryer, j NewJob) (int64, error) {
	if j.Kind == "" {
		return 0, errors.New("store: job without a kind")
	}
	at := now()
	if !j.RunAt.IsZero() {
		at = j.RunAt.UnixMilli()
	}
	if j.MaxAttempts <= 0 {
		j.MaxAttempts = 10
	}
	var key any
	if j.DedupKey != "" {
		key = j.DedupKey
		var id int64
		err := q.QueryRowContext(ctx, `SELECT id FROM jobs WHERE dedup_key = $1`, j.DedupKey).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	var id int64
	err := q.QueryRowContext(ctx, `INSERT INTO jobs (kind, payload, dedup_key, run_at, max_attempts, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, j.Kind, j.Payload, key, at, j.MaxAttempts, now()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: enqueue %s: %w", j.Kind, err)
	}
	return id, nil
}

// ClaimJob leases the oldest due job of one of kinds (all kinds when empty)
// for lease, counting the attempt. It returns ErrNotFound when nothing is due.
// A job whose lease ran out (its worker died) is due again.
func (s *Store) ClaimJob(ctx context.Context, kinds []string, lease time.Duration) (*Job, error) {
	t := now()
	where := `done_at IS NULL AND failed_at IS NULL AND run_at <= $1 AND locked_until <= $1`
	args := []any{t}
	if len(kinds) > 0 {
		where += ` AND kind IN (`
		for i, k := range kinds {
			if i > 0 {
				where += `, `
			}
			args = append(args, k)
			where += fmt.Sprintf("$%d", len(args))
		}
		where += `)`
	}
	pick := `SELECT id FROM jobs WHERE ` + where + ` ORDER BY run_at, id LIMIT 1`
	if s.dialect == Postgres {
		pick += ` FOR UPDATE SKIP LOCKED`
	}
	args = append(args, t+lease.Milliseconds())
	q := fmt.Sprintf(`UPDATE jobs SET attempts = attempts + 1, locked_until = $%d WHERE id = (%s)
		RETURNING id, kind, payload, attempts, max_attempts, created_at`, len(args), pick)
	var j Job
	var created int64
	err := s.w.QueryRowContext(ctx, q, args...).Scan(&j.ID, &j.Kind, &j.Payload, &j.Attempts, &j.MaxAttempts, &created)
	if err != nil {
		return nil, mapErr(err)
	}
	j.CreatedAt = toTime(created)
	return &j, nil
}

// CompleteJob marks a leased job done.
func (s *Store) CompleteJob(ctx context.Context, id int64) error {
	_, err := s.w.ExecContext(ctx, `UPDATE jobs SET done_at = $1, locked_until = 0, last_error = '' WHERE id = $2`, now(), id)
	return err
}

// RetryJob records a failed attempt: the job runs again at at, or, when it
// has used all its attempts, is marked failed and kept for the admin to see.
func (s *Store) RetryJob(ctx context.Context, id int64, cause error, at time.Time) error {
	msg := truncate(cause.Error(), 1000)
	_, err := s.w.ExecContext(ctx, `UPDATE jobs SET locked_until = 0, last_error = $1, run_at = $2,
		failed_at = CASE WHEN attempts >= max_attempts THEN CAST($3 AS BIGINT) ELSE NULL END WHERE id = $4`,
		msg, at.UnixMilli(), now(), id)
	return err
}

// JobByID returns a job's state.
func (s *Store) JobByID(ctx context.Context, id int64) (*JobState, error) {
	var j JobState
	var created, runAt int64
	var done, failed sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT id, kind, payload, attempts, max_attempts, created_at, run_at, last_error, done_at, failed_at
		FROM jobs WHERE id = $1`, id).Scan(&j.ID, &j.Kind, &j.Payload, &j.Attempts, &j.MaxAttempts, &created, &runAt, &j.LastError, &done, &failed)
	if err != nil {
		return nil, mapErr(err)
	}
	j.CreatedAt, j.RunAt, j.Done, j.Failed = toTime(created), toTime(runAt), done.Valid, failed.Valid
	return &j, nil
}

// JobCounts reports how many jobs wait, have failed for good, and are done, per kind.
func (s *Store) JobCounts(ctx context.Context) (map[string][3]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT kind,
		SUM(CASE WHEN done_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END),
		SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END),
		SUM(CASE WHEN done_at IS NOT NULL THEN 1 ELSE 0 END) FROM jobs GROUP BY kind`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][3]int64{}
	for rows.Next() {
		var k string
		var c [3]int64
		if err := rows.Scan(&k, &c[0], &c[1], &c[2]); err != nil {
			return nil, err
		}
		out[k] = c
	}
	return out, rows.Err()
}
