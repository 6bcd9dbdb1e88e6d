package store_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// BenchmarkAnswerToFollowers writes one answer to a question that 5,000
// people follow: 5,000 notifications and 5,000 mail jobs in its transaction.
func BenchmarkAnswerToFollowers(b *testing.B) {
	s, q, answerer := followedQuestion(b)
	for b.Loop() {
		if _, err := s.CreateReply(b.Context(), store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: answerer, Body: "Ett svar"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNotificationsAfter reads what the live broker reads after an
// answer to 5,000 followers: their 5,000 notifications, checked per row.
func BenchmarkNotificationsAfter(b *testing.B) {
	s, q, answerer := followedQuestion(b)
	ctx := b.Context()
	before, _, err := s.LastEventIDs(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.CreateReply(ctx, store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: answerer, Body: "Ett svar"}); err != nil {
		b.Fatal(err)
	}
	top, _, _ := s.LastEventIDs(ctx)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for after := before; after < top; {
			ns, err := s.NotificationsAfter(ctx, 0, after, top, 1000)
			if err != nil {
				b.Fatal(err)
			}
			n += len(ns)
			after = ns[len(ns)-1].ID
		}
		if n != 5000 {
			b.Fatalf("read %d notifications, want 5000", n)
		}
	}
}

// followedQuestion is a question in an open community that 5,000 members
// follow, and one more member to answer it.
func followedQuestion(b *testing.B) (s *store.Store, q, answerer int64) {
	s = storetest.Open(b)
	ctx := b.Context()
	const followers = 5000
	ids := make([]int64, followers+1)
	for i := range ids {
		p, err := s.CreatePerson(ctx, store.NewPerson{Email: fmt.Sprintf("p%05d@bench.se", i), Name: fmt.Sprintf("Person %05d", i)})
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = p.ID
	}
	c, err := s.CreateCommunity(ctx, ids[0], "org", store.CommunitySettings{Name: "Org", Kind: store.KindOrganisation, Visibility: store.VisibilityOpen})
	if err != nil {
		b.Fatal(err)
	}
	q, err = s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: ids[0], Type: store.TypeQuestion, Title: "Vem vet hur?", Body: "?", Language: "sv"})
	if err != nil {
		b.Fatal(err)
	}
	for _, id := range ids[1:] {
		if err := s.Join(ctx, id, c.ID); err != nil {
			b.Fatal(err)
		}
		if err := s.Follow(ctx, id, store.FollowPost, strconv.FormatInt(q, 10)); err != nil {
			b.Fatal(err)
		}
	}
	return s, q, ids[followers]
}
