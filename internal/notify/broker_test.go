package notify

import (
	"strconv"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// TestRoundQueuesOnce: what a stream is told in one delivery round (an
// answer is a notification and an answer event on the post page) is queued
// together, in id order, so the stream writes it with one flush; a stream
// that would hold more than its buffer is closed.
func TestRoundQueuesOnce(t *testing.T) {
	s := storetest.Open(t)
	ctx := t.Context()
	mk := func(name string) store.Person {
		p, err := s.CreatePerson(ctx, store.NewPerson{Email: name + "@example.se", Name: name, Language: "sv"})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	asker, helper, slow := mk("asker"), mk("helper"), mk("slow")
	c, err := s.CreateCommunity(ctx, asker.ID, "c", store.CommunitySettings{Name: "C", Kind: store.KindSubject, Visibility: store.VisibilityOpen})
	if err != nil {
		t.Fatal(err)
	}
	q, err := s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Type: store.TypeQuestion, Title: "Fråga", Body: "?", Language: "sv"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Follow(ctx, slow.ID, store.FollowPost, id64(q)); err != nil {
		t.Fatal(err)
	}
	b := NewBroker(s, nil)
	b.Buffer = 4
	sub, err := b.Subscribe(ctx, asker.ID, "sv", Watch{PostID: q}, "")
	if err != nil {
		t.Fatal(err)
	}
	slowSub, err := b.Subscribe(ctx, slow.ID, "sv", Watch{}, "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.CreateReply(ctx, store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: helper.ID, Body: "Svar"})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Deliver(ctx); err != nil {
		t.Fatal(err)
	}
	evs, open := sub.take()
	byName := map[string]Event{}
	for _, e := range evs {
		byName[e.Name] = e
	}
	if !open || len(evs) != 2 || len(byName) != 2 {
		t.Fatalf("queued after one answer: %d events %+v (open %v), want the notification and the answer event together", len(evs), evs, open)
	}
	note, ans := byName["notification"], byName["answer"]
	if !strings.Contains(string(note.Data), `"kind":"answer"`) || !strings.Contains(string(note.Data), "helper") ||
		string(ans.Data) != `{"post_id":`+id64(q)+`,"reply_id":`+id64(r)+`,"community_id":`+id64(c.ID)+`}` {
		t.Errorf("event data: %s / %s", note.Data, ans.Data)
	}
	// Each id is the stream's position after the event: neither part ever goes back.
	n0, a0, _ := ParseEventID(evs[0].ID)
	n1, a1, _ := ParseEventID(evs[1].ID)
	if n1 < n0 || a1 < a0 || (n1 == n0 && a1 == a0) {
		t.Errorf("event ids out of order: %s then %s", evs[0].ID, evs[1].ID)
	}
	// The slow stream takes nothing; after more answers than its buffer it is closed.
	for range 4 {
		if _, err := s.CreateReply(ctx, store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: helper.ID, Body: "Mer"}); err != nil {
			t.Fatal(err)
		}
		if err := b.Deliver(ctx); err != nil {
			t.Fatal(err)
		}
		if evs, open := sub.take(); !open || len(evs) != 2 {
			t.Fatalf("the asker's stream, which keeps up: %d events, open %v", len(evs), open)
		}
	}
	if evs, open := slowSub.take(); open || len(evs) != 4 {
		t.Errorf("slow stream: %d events waiting, open %v; want its 4 and closed", len(evs), open)
	}
	if got := b.Streams(); got != 1 {
		t.Errorf("streams = %d, want 1 (the slow one dropped)", got)
	}
}

func id64(n int64) string { return strconv.FormatInt(n, 10) }
