package jobs_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

func TestJobRunsOnceAndIsDone(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	var got []string
	r := jobs.New(s, nil, map[string]jobs.Kind{"echo": {Handle: func(ctx context.Context, j *store.Job) error {
		got = append(got, j.Payload)
		return nil
	}}})
	id, err := s.EnqueueJob(ctx, store.NewJob{Kind: "echo", Payload: "hej"})
	if err != nil {
		t.Fatal(err)
	}
	// The same dedup key twice is one job.
	a, _ := s.EnqueueJob(ctx, store.NewJob{Kind: "echo", Payload: "once", DedupKey: "k1"})
	b, _ := s.EnqueueJob(ctx, store.NewJob{Kind: "echo", Payload: "twice", DedupKey: "k1"})
	if a != b {
		t.Fatalf("dedup key gave two jobs: %d and %d", a, b)
	}
	n, err := r.RunDue(ctx)
	if err != nil || n != 2 {
		t.Fatalf("RunDue = %d, %v; want 2 jobs", n, err)
	}
	if len(got) != 2 || got[0] != "hej" || got[1] != "once" {
		t.Fatalf("ran %q", got)
	}
	st, err := s.JobByID(ctx, id)
	if err != nil || !st.Done || st.Attempts != 1 {
		t.Fatalf("job state %+v, %v", st, err)
	}
	if n, _ := r.RunDue(ctx); n != 0 {
		t.Fatalf("a done job ran again (%d)", n)
	}
}

func TestFailedJobBacksOffThenFailsForGood(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	calls := 0
	r := jobs.New(s, nil, map[string]jobs.Kind{"flaky": {Handle: func(ctx context.Context, j *store.Job) error {
		calls++
		if calls == 2 {
			panic("boom")
		}
		return errors.New("smtp down")
	}}})
	r.Backoff = func(int) time.Duration { return 0 }
	id, _ := s.EnqueueJob(ctx, store.NewJob{Kind: "flaky", MaxAttempts: 3})
	for range 5 {
		if _, err := r.RunDue(ctx); err != nil {
			t.Fatal(err)
		}
	}
	st, _ := s.JobByID(ctx, id)
	if calls != 3 || !st.Failed || st.Done || st.LastError != "smtp down" {
		t.Fatalf("calls %d, state %+v", calls, st)
	}

	// A real back-off leaves the job waiting.
	r2 := jobs.New(s, nil, map[string]jobs.Kind{"later": {Handle: func(context.Context, *store.Job) error { return errors.New("no") }}})
	id2, _ := s.EnqueueJob(ctx, store.NewJob{Kind: "later"})
	if n, _ := r2.RunDue(ctx); n != 1 {
		t.Fatalf("ran %d, want 1 then wait", n)
	}
	st, _ = s.JobByID(ctx, id2)
	if st.Done || st.Failed || !st.RunAt.After(time.Now().Add(5*time.Second)) {
		t.Fatalf("after one failure: %+v", st)
	}
}

func TestExpiredLeaseRunsAgain(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	id, _ := s.EnqueueJob(ctx, store.NewJob{Kind: "mail"})
	// A worker that leases the job and dies holds it until the lease ends.
	if _, err := s.ClaimJob(ctx, []string{"mail"}, time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClaimJob(ctx, []string{"mail"}, time.Hour); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("leased job claimed twice: %v", err)
	}
	id2, _ := s.EnqueueJob(ctx, store.NewJob{Kind: "mail"})
	j, err := s.ClaimJob(ctx, []string{"mail"}, -time.Second) // a lease already over
	if err != nil || j.ID != id2 {
		t.Fatalf("claim %+v, %v", j, err)
	}
	j, err = s.ClaimJob(ctx, []string{"mail"}, time.Hour)
	if err != nil || j.ID != id2 || j.Attempts != 2 {
		t.Fatalf("expired lease not claimable again: %+v, %v (first job %d)", j, err, id)
	}
}

func TestWorkersNeverRunAJobTwice(t *testing.T) {
	s := storetest.Open(t)
	ctx := context.Background()
	const n = 40
	for i := range n {
		if _, err := s.EnqueueJob(ctx, store.NewJob{Kind: "count", Payload: string(rune('a' + i%26))}); err != nil {
			t.Fatal(err)
		}
	}
	var ran atomic.Int64
	var mu sync.Mutex
	seen := map[int64]bool{}
	dup := false
	r := jobs.New(s, nil, map[string]jobs.Kind{"count": {Handle: func(ctx context.Context, j *store.Job) error {
		mu.Lock()
		dup = dup || seen[j.ID]
		seen[j.ID] = true
		mu.Unlock()
		ran.Add(1)
		return nil
	}}})
	r.Poll = 10 * time.Millisecond
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { r.Run(rctx, 4); close(done) }()
	deadline := time.Now().Add(30 * time.Second)
	for ran.Load() < n && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if ran.Load() != n || dup {
		t.Fatalf("ran %d of %d jobs, duplicate %v", ran.Load(), n, dup)
	}
}
