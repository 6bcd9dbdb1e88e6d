// Package jobs runs the durable background jobs kept in the store: mail,
// digests, media processing. A job is leased before it runs and marked done
// after, so a crash delays it (until the lease ends) but never loses it; a
// failed attempt is retried with exponential back-off. Handlers must
// therefore be safe to run again for the same job (at-least-once).
package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// Handler runs one job. Its context ends when the job's time limit does.
type Handler func(ctx context.Context, job *store.Job) error

// Kind describes how jobs of one kind run.
type Kind struct {
	Handle  Handler
	Timeout time.Duration // default 1 minute; the lease is Timeout plus a margin
}

// Runner leases due jobs and runs them, one at a time per worker.
type Runner struct {
	store   *store.Store
	kinds   map[string]Kind
	names   []string
	log     *slog.Logger
	wake    chan struct{}
	Poll    time.Duration                   // how often to look for due jobs; default 1s
	Backoff func(attempt int) time.Duration // default: 10s·2^(attempt-1), at most 1h
}

// New returns a runner for the given kinds.
func New(s *store.Store, log *slog.Logger, kinds map[string]Kind) *Runner {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Runner{store: s, kinds: kinds, log: log, wake: make(chan struct{}, 1), Poll: time.Second, Backoff: DefaultBackoff}
	for name := range kinds {
		r.names = append(r.names, name)
	}
	return r
}

// DefaultBackoff waits 10 s after the first failure, doubling up to an hour.
func DefaultBackoff(attempt int) time.Duration {
	d := 10 * time.Second
	for i := 1; i < attempt && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// Wake asks the runner to look for due jobs now rather than at the next poll.
func (r *Runner) Wake() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run works until ctx ends, with the given number of workers.
func (r *Runner) Run(ctx context.Context, workers int) {
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for ctx.Err() == nil {
				ran, err := r.RunOne(ctx)
				if err != nil && ctx.Err() == nil {
					r.log.Error("jobs: claim", "err", err)
				}
				if ran {
					continue
				}
				t := time.NewTimer(r.Poll)
				select {
				case <-ctx.Done():
				case <-r.wake:
				case <-t.C:
				}
				t.Stop()
			}
		})
	}
	wg.Wait()
}

// RunDue runs jobs until none is due, and returns how many it ran. Tests and
// the command line use it.
func (r *Runner) RunDue(ctx context.Context) (int, error) {
	n := 0
	for {
		ran, err := r.RunOne(ctx)
		if err != nil || !ran {
			return n, err
		}
		n++
	}
}

// RunOne leases one due job and runs it. It reports whether there was one.
// The error is about the store; a failing job is recorded and retried.
func (r *Runner) RunOne(ctx context.Context) (bool, error) {
	if len(r.names) == 0 {
		return false, nil
	}
	job, err := r.store.ClaimJob(ctx, r.names, r.lease())
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	k := r.kinds[job.Kind]
	jctx, cancel := context.WithTimeout(ctx, timeout(k))
	err = safely(jctx, k.Handle, job)
	cancel()
	// Record the outcome even when ctx ended: a shutdown must not leave a
	// finished job to be run again.
	bg := context.WithoutCancel(ctx)
	if err == nil {
		return true, r.store.CompleteJob(bg, job.ID)
	}
	wait := r.Backoff(job.Attempts)
	r.log.Warn("jobs: attempt failed", "kind", job.Kind, "job", job.ID, "attempt", job.Attempts, "of", job.MaxAttempts, "retry_in", wait, "err", err)
	return true, r.store.RetryJob(bg, job.ID, err, time.Now().Add(wait))
}

func (r *Runner) lease() time.Duration {
	var longest time.Duration
	for _, k := range r.kinds {
		longest = max(longest, timeout(k))
	}
	return longest + time.Minute
}

func timeout(k Kind) time.Duration {
	if k.Timeout <= 0 {
		return time.Minute
	}
	return k.Timeout
}

// safely runs h, turning a panic into an error so one bad job cannot stop the worker.
func safely(ctx context.Context, h Handler, job *store.Job) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return h(ctx, job)
}
