package demo

import (
	"context"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// TestContentIsARealWorkplace checks the demo against what it promises: a
// Swedish workplace with every kind of community and post.
func TestContentIsARealWorkplace(t *testing.T) {
	depts, kinds, vis, types, langs := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range people {
		depts[p.Department] = true
	}
	nested := 0
	for _, c := range communities {
		kinds[c.Kind], vis[c.Visibility] = true, true
		if c.Parent != "" {
			nested++
		}
	}
	all := append(append([]post{}, postsA...), postsB...)
	answers, accepted, anonymous := 0, 0, 0
	for _, p := range all {
		types[p.Type], langs[p.Lang] = true, true
		if p.Anonymous {
			anonymous++
		}
		for _, a := range p.Answers {
			answers++
			if a.Accepted {
				accepted++
			}
		}
	}
	check := func(what string, got, want int) {
		if got < want {
			t.Errorf("%s: %d, want at least %d", what, got, want)
		}
	}
	check("people", len(people), 40)
	check("departments", len(depts), 5)
	check("communities", len(communities), 8)
	check("community kinds", len(kinds), len(store.Kinds))
	check("visibilities", len(vis), len(store.Visibilities))
	check("nested communities", nested, 2)
	check("posts", len(all), 150)
	check("post types", len(types), len(store.PostTypes))
	check("languages", len(langs), 2)
	check("answers", answers, 100)
	check("accepted answers", accepted, 30)
	check("anonymous questions", anonymous, 3)
}

func TestSeed(t *testing.T) {
	ctx := context.Background()
	s := storetest.Open(t)
	now := time.Now()
	sum, created, err := Seed(ctx, s, now)
	if err != nil || !created {
		t.Fatalf("Seed: created=%v err=%v", created, err)
	}
	if sum.People != len(people) || sum.Posts != len(postsA)+len(postsB) || sum.Replies < 200 {
		t.Errorf("Seed summary %+v", sum)
	}
	// A second run on a non-empty instance changes nothing.
	if _, again, err := Seed(ctx, s, now); err != nil || again {
		t.Errorf("second Seed: created=%v err=%v", again, err)
	}
	niklas, err := s.PersonByEmail(ctx, Email("Niklas Persson"))
	if err != nil {
		t.Fatal(err)
	}
	v := store.Viewer{ID: niklas.ID}
	home, _, err := s.Posts(ctx, v, store.PostFilter{Home: true}, store.Cursor{}, 20)
	if err != nil || len(home) != 20 {
		t.Fatalf("home feed of a demo member: %d posts, %v", len(home), err)
	}
	// The secret community is invisible to a member who is not in it.
	if _, err := s.CommunityBySlug(ctx, v, "projekt-orion"); err != store.ErrNotFound {
		t.Errorf("secret demo community visible to a non-member: %v", err)
	}
	// The bell shows a few unread notifications, not the whole history.
	if n, err := s.UnreadCount(ctx, niklas.ID); err != nil || n != UnreadKept {
		t.Errorf("Niklas has %d unread notifications (%v), want the %d newest", n, err, UnreadKept)
	}
	help, err := s.HelpWanted(ctx, v, 5)
	if err != nil || len(help) == 0 {
		t.Errorf("no unanswered questions for a demo member: %v", err)
	}
}
