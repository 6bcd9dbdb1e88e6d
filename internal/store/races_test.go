package store_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// race runs every fn at the same moment and returns their errors in order.
func race(fns ...func() error) []error {
	errs := make([]error, len(fns))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Go(func() {
			<-start
			errs[i] = fn()
		})
	}
	close(start)
	wg.Wait()
	return errs
}

// countOK counts nil errors and fails the test on errors other than the allowed ones.
func countOK(t *testing.T, what string, errs []error, allowed ...error) int {
	t.Helper()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
			continue
		}
		known := false
		for _, a := range allowed {
			known = known || errors.Is(err, a)
		}
		if !known {
			t.Errorf("%s: unexpected error %v", what, err)
		}
	}
	return ok
}

// The rounds matter on PostgreSQL: the first one mostly waits for new
// connections, later ones really run at once.
const raceRounds = 8

func TestRaceDeletePostCountsOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityOpen)
	w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID})
	for round := range raceRounds {
		id := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID})
		var fns []func() error
		for range 20 {
			fns = append(fns, func() error { return w.s.DeletePost(ctx, owner.ID, id, false) })
		}
		if ok := countOK(t, "DeletePost", race(fns...), store.ErrNotFound); ok != 1 {
			t.Errorf("round %d: %d parallel DeletePost calls succeeded, want 1", round, ok)
		}
		if got := w.communityAs(viewer(owner), c.ID).PostCount; got != 1 {
			t.Fatalf("round %d: PostCount = %d, want 1", round, got)
		}
	}
}

func TestRaceDeleteReplyCountsOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityOpen)
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion})
	w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: owner.ID})
	for round := range raceRounds {
		a := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: owner.ID})
		var fns []func() error
		for range 20 {
			fns = append(fns, func() error { return w.s.DeleteReply(ctx, owner.ID, a, false) })
		}
		if ok := countOK(t, "DeleteReply", race(fns...), store.ErrNotFound); ok != 1 {
			t.Errorf("round %d: %d parallel DeleteReply calls succeeded, want 1", round, ok)
		}
		if got := w.mustPost(viewer(owner), q).AnswerCount; got != 1 {
			t.Fatalf("round %d: AnswerCount = %d, want 1", round, got)
		}
	}
}

// Approving and declining one request at once: exactly one decision wins,
// and membership agrees with it.
func TestRaceDecideJoinRequestOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityClosed)
	for round := range raceRounds {
		p := w.person(fmt.Sprintf("Asker %d", round))
		if err := w.s.RequestJoin(ctx, p.ID, c.ID, ""); err != nil {
			t.Fatalf("RequestJoin: %v", err)
		}
		reqs, err := w.s.JoinRequests(ctx, c.ID)
		if err != nil || len(reqs) != 1 {
			t.Fatalf("JoinRequests = %d, %v; want 1", len(reqs), err)
		}
		var fns []func() error
		for i := range 10 {
			fns = append(fns, func() error { return w.s.DecideJoinRequest(ctx, owner.ID, c.ID, reqs[0].ID, i%2 == 0) })
		}
		if ok := countOK(t, "DecideJoinRequest", race(fns...), store.ErrNotFound); ok != 1 {
			t.Errorf("round %d: %d parallel decisions succeeded, want 1", round, ok)
		}
		w.memberCountMatches(owner, c.ID)
	}
	entries, err := w.s.AuditLog(ctx, store.AuditFilter{Limit: 1000})
	if err != nil {
		t.Fatalf("AuditLog: %v", err)
	}
	decisions := 0
	for _, e := range entries {
		if e.Action == "join_request.approved" || e.Action == "join_request.declined" {
			decisions++
		}
	}
	if decisions != raceRounds {
		t.Errorf("audit log records %d decisions, want %d (one per request)", decisions, raceRounds)
	}
}

// Two owners stepping down at the same moment must not leave a community without an owner.
func TestRaceLastOwner(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	a := w.person("Owner A")
	b := w.person("Owner B")
	for round := range raceRounds {
		for _, step := range []struct {
			name string
			do   func(c store.Community, p store.Person) error
		}{
			{"leave", func(c store.Community, p store.Person) error { return w.s.Leave(ctx, p.ID, c.ID, p.ID) }},
			{"step down", func(c store.Community, p store.Person) error {
				return w.s.SetRole(ctx, p.ID, c.ID, p.ID, store.RoleMember)
			}},
		} {
			c := w.community(a, fmt.Sprintf("%s-%d", map[string]string{"leave": "l", "step down": "s"}[step.name], round), store.VisibilityOpen)
			w.add(c, b, store.RoleOwner)
			errs := race(func() error { return step.do(c, a) }, func() error { return step.do(c, b) })
			if ok := countOK(t, step.name, errs, store.ErrLastOwner); ok != 1 {
				t.Errorf("round %d, %s: %d of 2 owners succeeded, want 1 (errors %v)", round, step.name, ok, errs)
			}
			members, err := w.s.Members(ctx, c.ID, 10)
			if err != nil {
				t.Fatalf("Members: %v", err)
			}
			owners := 0
			for _, m := range members {
				if m.Role == store.RoleOwner {
					owners++
				}
			}
			if owners != 1 {
				t.Errorf("round %d, %s: %d owners left, want 1", round, step.name, owners)
			}
		}
	}
}
