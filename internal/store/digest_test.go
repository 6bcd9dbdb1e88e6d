package store_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// digestIDs is a digest as the ids of each section, in order.
func digestIDs(d store.DigestContent) string {
	var out [5][]int64
	for i, l := range [][]store.Post{d.Helped, d.Accepted, d.Tips, d.Unanswered, d.Ideas} {
		for _, p := range l {
			out[i] = append(out[i], p.ID)
		}
	}
	return fmt.Sprint(out)
}

// digestPosts is every post of a digest.
func digestPosts(d store.DigestContent) []int64 {
	var out []int64
	for _, l := range [][]store.Post{d.Helped, d.Accepted, d.Tips, d.Unanswered, d.Ideas} {
		for _, p := range l {
			out = append(out, p.ID)
		}
	}
	return out
}

// TestDigestRoundIsDigest: a round's digests, built from shared
// per-community candidates, are the ones Digest builds one person at a
// time with that person's permissions, for every person of a varied
// organisation (open, closed and secret communities, anonymous, held and
// deleted posts, expertise); and they follow changes made after the round
// read its candidates: a person who left a closed community, a post
// deleted.
func TestDigestRoundIsDigest(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	s := w.s
	rnd := rand.New(rand.NewPCG(5, 14))
	owner := w.person("Owner", asAdmin)
	var people []store.Person
	for i := range 9 {
		exp := []string{fmt.Sprintf("tag%d", i%4), fmt.Sprintf("tag%d", (i+1)%4)}
		people = append(people, w.person(fmt.Sprintf("Person %d", i), func(np *store.NewPerson) { np.Expertise = exp }))
	}
	open, closed, secret := w.community(owner, "open", store.VisibilityOpen), w.community(owner, "closed", store.VisibilityClosed),
		w.community(owner, "secret", store.VisibilitySecret)
	comms := []store.Community{open, closed, secret}
	for i, p := range people {
		if i < 8 {
			w.add(open, p, store.RoleMember)
		}
		if i%2 == 0 {
			w.add(closed, p, store.RoleMember)
		}
		if i%3 == 0 {
			w.add(secret, p, store.RoleMember)
		}
	}
	if err := s.AddWatchedWord(ctx, owner.ID, "förbjudet", store.WatchHold); err != nil {
		t.Fatal(err)
	}
	since := time.Now().Add(-time.Hour)
	types := []string{store.TypeQuestion, store.TypeTip, store.TypeHowTo, store.TypeIdea, store.TypeBestPractice, store.TypeQuestion}
	var posts []int64
	for i := range 70 {
		c := comms[rnd.IntN(3)]
		var author store.Person
		for {
			author = people[rnd.IntN(len(people))]
			if r, _ := s.Role(ctx, author.ID, c.ID); r != "" {
				break
			}
		}
		typ := types[rnd.IntN(len(types))]
		np := store.NewPost{CommunityID: c.ID, AuthorID: author.ID, Type: typ, Title: fmt.Sprintf("Post %d", i),
			Tags: []string{fmt.Sprintf("tag%d", rnd.IntN(4))}, Anonymous: typ == store.TypeQuestion && rnd.IntN(4) == 0}
		if i%17 == 3 {
			np.Body = "Något förbjudet här"
		}
		id := w.post(np)
		posts = append(posts, id)
		for _, p := range people {
			if rnd.IntN(6) == 0 {
				s.React(ctx, p.ID, id, 0, store.ReactHelpedMe, true) // refused for non-readers; that is fine
			}
		}
		if typ == store.TypeQuestion && rnd.IntN(3) == 0 {
			a := w.reply(store.NewReply{PostID: id, Kind: store.ReplyAnswer, AuthorID: owner.ID})
			if rnd.IntN(2) == 0 {
				if err := s.Accept(ctx, owner.ID, id, a); err != nil {
					t.Fatal(err)
				}
			}
		}
		if typ == store.TypeIdea && rnd.IntN(2) == 0 {
			if err := s.SetIdeaStatus(ctx, owner.ID, id, "planned", ""); err != nil {
				t.Fatal(err)
			}
		}
		if i%11 == 5 {
			if err := s.DeletePost(ctx, author.ID, id, false); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(2 * time.Millisecond) // distinct activity times, so that "newest" is one order
	}

	compare := func(round *store.DigestRound, what string) {
		t.Helper()
		nonEmpty := 0
		for _, p := range append(people, owner) {
			v := store.Viewer{ID: p.ID, Admin: p.Admin}
			want, err := s.Digest(ctx, v, since, 5)
			if err != nil {
				t.Fatal(err)
			}
			got, err := round.For(ctx, v)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := digestIDs(got), digestIDs(want); g != w {
				t.Errorf("%s: %s's digest from the round = %v, from Digest = %v", what, p.Name, g, w)
			}
			if !want.Empty() {
				nonEmpty++
			}
			for _, l := range [][]store.Post{got.Helped, got.Accepted, got.Tips, got.Unanswered, got.Ideas} {
				for _, x := range l {
					if x.Held || x.Hidden {
						t.Errorf("%s: %s's digest lists post %d, held or hidden", what, p.Name, x.ID)
					}
					if x.Anonymous && x.AuthorName != "" {
						t.Errorf("%s: %s's digest names the anonymous author of post %d", what, p.Name, x.ID)
					}
				}
			}
		}
		if nonEmpty < 5 {
			t.Fatalf("%s: only %d digests have content: the test proves little", what, nonEmpty)
		}
	}
	round := s.NewDigestRound(since, 5)
	compare(round, "first")

	// After the round read its candidates: a person leaves the closed
	// community, and a post in someone's digest is deleted.
	if err := s.Leave(ctx, people[2].ID, closed.ID, people[2].ID); err != nil {
		t.Fatal(err)
	}
	d, err := round.For(ctx, store.Viewer{ID: people[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	ids := digestPosts(d)
	if len(ids) == 0 {
		t.Fatal("person 0 has an empty digest")
	}
	gone := ids[0]
	if err := s.DeletePost(ctx, owner.ID, gone, true); err != nil {
		t.Fatal(err)
	}
	compare(round, "after leaving and a deletion")
	d, _ = round.For(ctx, store.Viewer{ID: people[0].ID})
	if slices.Contains(digestPosts(d), gone) {
		t.Errorf("the deleted post %d is still in a digest", gone)
	}
	_ = posts
}

// TestDigestRoundManyOwnQuestions: someone who asked most of a
// community's newest open questions still gets the questions by others
// that Digest finds (the round falls back to Digest for them).
func TestDigestRoundManyOwnQuestions(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	asker, other := w.person("Asker"), w.person("Other")
	c := w.community(owner, "busy", store.VisibilityClosed)
	w.add(c, asker, store.RoleMember)
	w.add(c, other, store.RoleMember)
	since := time.Now().Add(-time.Hour)
	for i := range 5 {
		w.post(store.NewPost{CommunityID: c.ID, AuthorID: other.ID, Type: store.TypeQuestion, Title: fmt.Sprintf("Older question %d", i)})
	}
	for i := range 130 {
		w.post(store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Type: store.TypeQuestion, Title: fmt.Sprintf("Own question %d", i)})
	}
	round := w.s.NewDigestRound(since, 5)
	got, err := round.For(ctx, store.Viewer{ID: asker.ID})
	if err != nil {
		t.Fatal(err)
	}
	want, err := w.s.Digest(ctx, store.Viewer{ID: asker.ID}, since, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Unanswered) != 5 || digestIDs(got) != digestIDs(want) {
		t.Errorf("asker's digest = %v (%d open questions), want %v", digestIDs(got), len(got.Unanswered), digestIDs(want))
	}
}
