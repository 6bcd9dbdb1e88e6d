package store_test

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

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

// raceWidth is how many identical calls run at once (issue 4: 50).
const raceWidth = 50

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
		for range raceWidth {
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
		for range raceWidth {
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

// Fifty identical accepts of one answer at once: the question ends with that
// answer accepted and nothing else changed; fifty different answers accepted
// at once: exactly one of them wins and the question names it.
func TestRaceAcceptOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityOpen)
	for round := range raceRounds {
		q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion})
		var answers []int64
		for range raceWidth {
			answers = append(answers, w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: owner.ID}))
		}
		var same, different []func() error
		for i := range raceWidth {
			same = append(same, func() error { return w.s.Accept(ctx, owner.ID, q, answers[0]) })
			different = append(different, func() error { return w.s.Accept(ctx, owner.ID, q, answers[i]) })
		}
		if ok := countOK(t, "Accept", race(same...)); ok != raceWidth {
			t.Errorf("round %d: %d of %d identical accepts succeeded, want all (accepting is idempotent)", round, ok, raceWidth)
		}
		p := w.mustPost(viewer(owner), q)
		if p.AcceptedAnswerID != answers[0] || p.AnswerCount != raceWidth {
			t.Errorf("round %d: accepted %d with %d answers, want %d with %d", round, p.AcceptedAnswerID, p.AnswerCount, answers[0], raceWidth)
		}
		countOK(t, "Accept different", race(different...))
		p = w.mustPost(viewer(owner), q)
		got, _, err := w.s.Replies(ctx, viewer(owner), q, p.AcceptedAnswerID)
		if err != nil {
			t.Fatal(err)
		}
		accepted := 0
		for _, a := range got {
			if a.Accepted {
				accepted++
			}
		}
		if accepted != 1 || !slices.Contains(answers, p.AcceptedAnswerID) {
			t.Errorf("round %d: %d answers shown as accepted (question names %d), want exactly 1 of its own", round, accepted, p.AcceptedAnswerID)
		}
	}
}

// Fifty people using one invitation at once: one person is created and
// joins, every other use is refused, and the member count equals the rows.
func TestRaceInvitationOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityClosed)
	for round := range raceRounds {
		hash := fmt.Sprintf("invitation-hash-%d", round)
		email := fmt.Sprintf("ny%d@example.se", round)
		if _, err := w.s.CreateInvitation(ctx, owner.ID, email, c.ID, store.RoleMember, hash, time.Hour); err != nil {
			t.Fatal(err)
		}
		var fns []func() error
		for range raceWidth {
			fns = append(fns, func() error {
				_, err := w.s.AcceptInvitation(ctx, hash, store.NewPerson{Email: email, Name: "Ny Person", Language: "sv"})
				return err
			})
		}
		if ok := countOK(t, "AcceptInvitation", race(fns...), store.ErrNotFound, store.ErrConflict); ok != 1 {
			t.Errorf("round %d: %d of %d uses of one invitation succeeded, want 1", round, ok, raceWidth)
		}
		if n := w.memberCountMatches(owner, c.ID); n != int64(round+2) {
			t.Errorf("round %d: %d members, want %d", round, n, round+2)
		}
	}
}

// Fifty identical requests to join a closed community: one pending request.
func TestRaceRequestJoinOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityClosed)
	for round := range raceRounds {
		p := w.person(fmt.Sprintf("Asker %d", round))
		var fns []func() error
		for range raceWidth {
			fns = append(fns, func() error { return w.s.RequestJoin(ctx, p.ID, c.ID, "hej") })
		}
		if ok := countOK(t, "RequestJoin", race(fns...)); ok != raceWidth {
			t.Errorf("round %d: %d of %d identical join requests succeeded, want all (asking again is harmless)", round, ok, raceWidth)
		}
		reqs, err := w.s.JoinRequests(ctx, c.ID)
		if err != nil || len(reqs) != round+1 {
			t.Errorf("round %d: %d pending requests (%v), want %d", round, len(reqs), err, round+1)
		}
	}
}
