package store_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

func TestReact(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	r := w.person("Reactor")
	c := w.community(owner, "c", store.VisibilityOpen)
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion})
	a := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: owner.ID})

	steps := []struct {
		name        string
		replyID     int64
		kind        string
		on          bool
		wantChanged bool
		wantPost    store.ReactionCounts
		wantReply   store.ReactionCounts
	}{
		{"like", 0, store.ReactLike, true, true, store.ReactionCounts{Like: 1}, store.ReactionCounts{}},
		{"like again", 0, store.ReactLike, true, false, store.ReactionCounts{Like: 1}, store.ReactionCounts{}},
		{"thanks too", 0, store.ReactThanks, true, true, store.ReactionCounts{Like: 1, Thanks: 1}, store.ReactionCounts{}},
		{"helped me on the answer", a, store.ReactHelpedMe, true, true, store.ReactionCounts{Like: 1, Thanks: 1}, store.ReactionCounts{HelpedMe: 1}},
		{"helped me on the answer again", a, store.ReactHelpedMe, true, false, store.ReactionCounts{Like: 1, Thanks: 1}, store.ReactionCounts{HelpedMe: 1}},
		{"insightful on the answer", a, store.ReactInsightful, true, true, store.ReactionCounts{Like: 1, Thanks: 1}, store.ReactionCounts{HelpedMe: 1, Insightful: 1}},
		{"un-like", 0, store.ReactLike, false, true, store.ReactionCounts{Thanks: 1}, store.ReactionCounts{HelpedMe: 1, Insightful: 1}},
		{"un-like again", 0, store.ReactLike, false, false, store.ReactionCounts{Thanks: 1}, store.ReactionCounts{HelpedMe: 1, Insightful: 1}},
		{"un-helped on the answer", a, store.ReactHelpedMe, false, true, store.ReactionCounts{Thanks: 1}, store.ReactionCounts{Insightful: 1}},
	}
	for _, st := range steps {
		changed, err := w.s.React(ctx, r.ID, q, st.replyID, st.kind, st.on)
		if err != nil {
			t.Fatalf("%s: React: %v", st.name, err)
		}
		if changed != st.wantChanged {
			t.Errorf("%s: changed = %t, want %t", st.name, changed, st.wantChanged)
		}
		if got := w.mustPost(viewer(owner), q).Reactions; got != st.wantPost {
			t.Errorf("%s: post reactions = %+v, want %+v", st.name, got, st.wantPost)
		}
		answers, _, err := w.s.Replies(ctx, store.Viewer{}, q, 0)
		if err != nil || len(answers) != 1 {
			t.Fatalf("%s: Replies = %d, %v", st.name, len(answers), err)
		}
		if got := answers[0].Reactions; got != st.wantReply {
			t.Errorf("%s: answer reactions = %+v, want %+v", st.name, got, st.wantReply)
		}
	}

	mine, err := w.s.MyReactions(ctx, r.ID, q)
	if err != nil {
		t.Fatalf("MyReactions: %v", err)
	}
	if len(mine) != 2 || !mine[0][store.ReactThanks] || len(mine[0]) != 1 || !mine[a][store.ReactInsightful] || len(mine[a]) != 1 {
		t.Errorf("MyReactions = %v, want {0: thanks, %d: insightful}", mine, a)
	}
	if others, _ := w.s.MyReactions(ctx, owner.ID, q); len(others) != 0 {
		t.Errorf("MyReactions of someone who did not react = %v, want none", others)
	}

	_, err = w.s.React(ctx, r.ID, q, 0, "outdated", true)
	wantErr(t, "React with an unknown kind", err, store.ErrNotAllowed)

	// "Helped me" on an answer counts for its author.
	if _, err := w.s.React(ctx, r.ID, q, a, store.ReactHelpedMe, true); err != nil {
		t.Fatalf("React: %v", err)
	}
	if st, _ := w.s.Stats(ctx, viewer(r), owner.ID); st.HelpedMe != 1 {
		t.Errorf("owner's Stats.HelpedMe = %d, want 1", st.HelpedMe)
	}
}

// A reaction names a reply of the post it is on; any other pairing is refused
// and leaves no row behind that the counters do not know about.
func TestReactReplyOfAnotherPost(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityOpen)
	q1 := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion})
	q2 := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion})
	a2 := w.reply(store.NewReply{PostID: q2, Kind: store.ReplyAnswer, AuthorID: owner.ID})

	for _, replyID := range []int64{a2, 99999} {
		changed, err := w.s.React(ctx, owner.ID, q1, replyID, store.ReactLike, true)
		wantErr(t, "React on a reply that is not the post's", err, store.ErrNotFound)
		if changed {
			t.Errorf("React on a reply that is not the post's reported a change")
		}
	}
	if mine, _ := w.s.MyReactions(ctx, owner.ID, q1); len(mine) != 0 {
		t.Errorf("MyReactions on q1 = %v, want none", mine)
	}
	_, err := w.s.React(ctx, owner.ID, 99999, 0, store.ReactLike, true)
	wantErr(t, "React on a missing post", err, store.ErrNotFound)

	// Deleted posts and replies take no new reactions.
	a1 := w.reply(store.NewReply{PostID: q1, Kind: store.ReplyAnswer, AuthorID: owner.ID})
	if err := w.s.DeleteReply(ctx, owner.ID, a1, false); err != nil {
		t.Fatalf("DeleteReply: %v", err)
	}
	_, err = w.s.React(ctx, owner.ID, q1, a1, store.ReactLike, true)
	wantErr(t, "React on a deleted reply", err, store.ErrNotFound)
	if err := w.s.DeletePost(ctx, owner.ID, q2, false); err != nil {
		t.Fatalf("DeletePost: %v", err)
	}
	_, err = w.s.React(ctx, owner.ID, q2, 0, store.ReactLike, true)
	wantErr(t, "React on a deleted post", err, store.ErrNotFound)
}

func TestVote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	v := w.person("Voter")
	c := w.community(owner, "c", store.VisibilityOpen)
	idea := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeIdea})

	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion})
	for name, id := range map[string]int64{"a question": q, "a missing post": 99999} {
		changed, err := w.s.Vote(ctx, v.ID, id, true)
		wantErr(t, "Vote on "+name, err, store.ErrNotFound)
		if changed {
			t.Errorf("Vote on %s reported a change", name)
		}
	}
	if got := w.mustPost(viewer(v), q).VoteCount; got != 0 {
		t.Errorf("question VoteCount = %d, want 0", got)
	}

	steps := []struct {
		on          bool
		wantChanged bool
		wantCount   int64
	}{
		{true, true, 1}, {true, false, 1}, {false, true, 0}, {false, false, 0}, {true, true, 1},
	}
	for i, st := range steps {
		changed, err := w.s.Vote(ctx, v.ID, idea, st.on)
		if err != nil {
			t.Fatalf("step %d: Vote: %v", i, err)
		}
		if changed != st.wantChanged {
			t.Errorf("step %d: Vote(%t) changed = %t, want %t", i, st.on, changed, st.wantChanged)
		}
		if got := w.mustPost(viewer(v), idea).VoteCount; got != st.wantCount {
			t.Errorf("step %d: VoteCount = %d, want %d", i, got, st.wantCount)
		}
		if voted, _ := w.s.HasVoted(ctx, v.ID, idea); voted != (st.wantCount == 1) {
			t.Errorf("step %d: HasVoted = %t, want %t", i, voted, st.wantCount == 1)
		}
	}
}

// TestConcurrentOnce has 50 goroutines do the same thing at once; exactly one
// row and a counter of one must come out, on SQLite and PostgreSQL alike.
func TestConcurrentOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	p := w.person("Eager")
	open := w.community(owner, "open", store.VisibilityOpen)
	q := w.post(store.NewPost{CommunityID: open.ID, AuthorID: owner.ID, Type: store.TypeQuestion})
	a := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: owner.ID})
	idea := w.post(store.NewPost{CommunityID: open.ID, AuthorID: owner.ID, Type: store.TypeIdea})

	const n = 50
	// parallel runs fn n times at once; fn reports whether its call changed anything.
	parallel := func(name string, fn func() (bool, error)) {
		t.Helper()
		var wg sync.WaitGroup
		var mu sync.Mutex
		changes, errs := 0, []error{}
		start := make(chan struct{})
		for range n {
			wg.Go(func() {
				<-start
				changed, err := fn()
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
				}
				if changed {
					changes++
				}
			})
		}
		close(start)
		wg.Wait()
		if len(errs) > 0 {
			t.Errorf("%s: %d of %d calls failed, first: %v", name, len(errs), n, errs[0])
		}
		if name != "join" && changes != 1 {
			t.Errorf("%s: %d calls reported a change, want exactly 1", name, changes)
		}
	}

	// Open the connections first, so that the rounds below really run at once on PostgreSQL.
	var warm []func() error
	for range n {
		warm = append(warm, func() error { _, err := w.s.MyReactions(ctx, p.ID, q); return err })
	}
	if errs := race(warm...); countOK(t, "warm-up", errs) != n {
		t.Fatalf("warm-up failed")
	}

	parallel("react on the post", func() (bool, error) { return w.s.React(ctx, p.ID, q, 0, store.ReactHelpedMe, true) })
	parallel("react on the answer", func() (bool, error) { return w.s.React(ctx, p.ID, q, a, store.ReactLike, true) })
	parallel("vote", func() (bool, error) { return w.s.Vote(ctx, p.ID, idea, true) })
	parallel("join", func() (bool, error) {
		// Join does not report whether it changed anything; the member count below does.
		err := w.s.Join(ctx, p.ID, open.ID)
		return false, err
	})

	post := w.mustPost(viewer(p), q)
	if post.Reactions != (store.ReactionCounts{HelpedMe: 1}) {
		t.Errorf("post reactions = %+v, want {HelpedMe:1}", post.Reactions)
	}
	answers, _, _ := w.s.Replies(ctx, store.Viewer{}, q, 0)
	if len(answers) != 1 || answers[0].Reactions != (store.ReactionCounts{Like: 1}) {
		t.Errorf("answer reactions = %+v, want {Like:1}", answers)
	}
	mine, _ := w.s.MyReactions(ctx, p.ID, q)
	if len(mine[0]) != 1 || len(mine[a]) != 1 {
		t.Errorf("reaction rows = %v, want one on the post and one on the answer", mine)
	}
	if got := w.mustPost(viewer(p), idea).VoteCount; got != 1 {
		t.Errorf("VoteCount = %d, want 1", got)
	}
	if got := w.memberCountMatches(owner, open.ID); got != 2 {
		t.Errorf("members = %d, want 2", got)
	}

	// Undoing in parallel also happens exactly once.
	parallel("un-react", func() (bool, error) { return w.s.React(ctx, p.ID, q, 0, store.ReactHelpedMe, false) })
	parallel("un-vote", func() (bool, error) { return w.s.Vote(ctx, p.ID, idea, false) })
	parallel("leave", func() (bool, error) {
		err := w.s.Leave(ctx, p.ID, open.ID, p.ID)
		if err == nil {
			return true, nil
		}
		if errors.Is(err, store.ErrNotFound) {
			return false, nil
		}
		return false, err
	})
	if got := w.mustPost(viewer(p), q).Reactions; got != (store.ReactionCounts{}) {
		t.Errorf("post reactions after un-react = %+v, want none", got)
	}
	if got := w.mustPost(viewer(p), idea).VoteCount; got != 0 {
		t.Errorf("VoteCount after un-vote = %d, want 0", got)
	}
	if got := w.memberCountMatches(owner, open.ID); got != 1 {
		t.Errorf("members after leaving = %d, want 1", got)
	}
}

// Many people reacting and voting at once: the counters equal the rows.
func TestConcurrentManyPeople(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	open := w.community(owner, "open", store.VisibilityOpen)
	idea := w.post(store.NewPost{CommunityID: open.ID, AuthorID: owner.ID, Type: store.TypeIdea})
	var people []store.Person
	for i := range raceWidth {
		people = append(people, w.person("P"+itoa(int64(i))))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 3*len(people))
	for _, p := range people {
		wg.Go(func() {
			if _, err := w.s.React(ctx, p.ID, idea, 0, store.ReactLike, true); err != nil {
				errs <- err
			}
			if _, err := w.s.Vote(ctx, p.ID, idea, true); err != nil {
				errs <- err
			}
			if err := w.s.Join(ctx, p.ID, open.ID); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("parallel call failed: %v", err)
	}
	got := w.mustPost(viewer(owner), idea)
	if got.Reactions.Like != raceWidth || got.VoteCount != raceWidth {
		t.Errorf("Like, VoteCount = %d, %d; want %d each", got.Reactions.Like, got.VoteCount, raceWidth)
	}
	if n := w.memberCountMatches(owner, open.ID); n != raceWidth+1 {
		t.Errorf("members = %d, want %d", n, raceWidth+1)
	}
}

func TestIdeaStatus(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	mod := w.person("Moderator")
	c := w.community(owner, "c", store.VisibilityOpen)
	idea := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeIdea, CreatedAt: at(0)})
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion})

	changes := []struct {
		by     store.Person
		status string
		note   string
	}{
		{mod, "under_review", "Looking at it"},
		{owner, "planned", "Next quarter"},
		{mod, "done", "Shipped"},
	}
	for _, ch := range changes {
		if err := w.s.SetIdeaStatus(ctx, ch.by.ID, idea, ch.status, ch.note); err != nil {
			t.Fatalf("SetIdeaStatus(%s): %v", ch.status, err)
		}
	}
	p := w.mustPost(viewer(owner), idea)
	if p.Status != "done" {
		t.Errorf("Status = %q, want done", p.Status)
	}
	hist, err := w.s.StatusHistory(ctx, idea)
	if err != nil {
		t.Fatalf("StatusHistory: %v", err)
	}
	if len(hist) != len(changes) {
		t.Fatalf("StatusHistory = %+v, want %d changes", hist, len(changes))
	}
	from := "new"
	for i, ch := range changes {
		h := hist[i]
		if h.From != from || h.To != ch.status || h.Note != ch.note || h.ByName != ch.by.Name || h.CreatedAt.IsZero() {
			t.Errorf("StatusHistory[%d] = %+v, want %s → %s %q by %s", i, h, from, ch.status, ch.note, ch.by.Name)
		}
		from = ch.status
	}
	wantErr(t, "SetIdeaStatus on a question", w.s.SetIdeaStatus(ctx, owner.ID, q, "planned", ""), store.ErrNotFound)
	if got := w.mustPost(viewer(owner), q).Status; got != "" {
		t.Errorf("question status = %q, want none", got)
	}
	if hist, _ := w.s.StatusHistory(ctx, q); len(hist) != 0 {
		t.Errorf("question StatusHistory = %+v, want none", hist)
	}
}

func TestFlushViews(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityOpen)
	a := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID})
	b := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID})

	var views store.Views
	if err := w.s.FlushViews(ctx, &views); err != nil {
		t.Fatalf("FlushViews with nothing counted: %v", err)
	}
	var wg sync.WaitGroup
	for range 30 {
		wg.Go(func() { views.Add(a) })
	}
	for range 4 {
		wg.Go(func() { views.Add(b) })
	}
	wg.Wait()
	if got := w.mustPost(viewer(owner), a).ViewCount; got != 0 {
		t.Errorf("ViewCount before flushing = %d, want 0 (views are batched)", got)
	}
	if err := w.s.FlushViews(ctx, &views); err != nil {
		t.Fatalf("FlushViews: %v", err)
	}
	if err := w.s.FlushViews(ctx, &views); err != nil {
		t.Fatalf("second FlushViews: %v", err)
	}
	views.Add(b)
	if err := w.s.FlushViews(ctx, &views); err != nil {
		t.Fatalf("third FlushViews: %v", err)
	}
	for id, want := range map[int64]int64{a: 30, b: 5} {
		if got := w.mustPost(viewer(owner), id).ViewCount; got != want {
			t.Errorf("post %d ViewCount = %d, want %d", id, got, want)
		}
	}
}
