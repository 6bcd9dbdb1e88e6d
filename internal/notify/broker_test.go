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
	evs, open := takeEvents(sub)
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
		if evs, open := takeEvents(sub); !open || len(evs) != 2 {
			t.Fatalf("the asker's stream, which keeps up: %d events, open %v", len(evs), open)
		}
	}
	if evs, open := takeEvents(slowSub); open || len(evs) != 4 {
		t.Errorf("slow stream: %d events waiting, open %v; want its 4 and closed", len(evs), open)
	}
	if got := b.Streams(); got != 1 {
		t.Errorf("streams = %d, want 1 (the slow one dropped)", got)
	}
}

// takeEvents takes what a stream has waiting, as events.
func takeEvents(s *Sub) ([]Event, bool) {
	fs, open := s.take(nil)
	var evs []Event
	for _, f := range fs {
		evs = append(evs, f.event())
	}
	return evs, open
}

func id64(n int64) string { return strconv.FormatInt(n, 10) }

// TestRoundQueuesABurstOnce: answers written before a delivery round are
// queued to a stream together, though the round reads their notifications
// in several queries (a thousand rows each, each person's rows in one):
// one flush for all of them, every event once, with ids that only go
// forward. A round that plans more than roundRows queues in steps. The next
// round tells only what is new.
func TestRoundQueuesABurstOnce(t *testing.T) {
	s := storetest.Open(t)
	ctx := t.Context()
	var people []store.Person
	for i := range 603 {
		p, err := s.CreatePerson(ctx, store.NewPerson{Email: "p" + strconv.Itoa(i) + "@example.se", Name: "Person " + strconv.Itoa(i), Language: "sv"})
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	asker, helper := people[0], people[1]
	c, err := s.CreateCommunity(ctx, asker.ID, "c", store.CommunitySettings{Name: "C", Kind: store.KindSubject, Visibility: store.VisibilityOpen})
	if err != nil {
		t.Fatal(err)
	}
	q, err := s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Type: store.TypeQuestion, Title: "Fråga", Body: "?", Language: "sv"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people[2:] {
		if err := s.Follow(ctx, p.ID, store.FollowPost, id64(q)); err != nil {
			t.Fatal(err)
		}
	}
	for _, roundRows := range []int{roundRows, 1000} {
		b := NewBroker(s, nil)
		b.roundRows = roundRows
		subs := map[string]*Sub{}
		for _, p := range append([]store.Person{asker}, people[2:]...) {
			if subs[p.Name], err = b.Subscribe(ctx, p.ID, "sv", Watch{PostID: q}, ""); err != nil {
				t.Fatal(err)
			}
		}
		// 3 × 602 notifications, all for open streams: two queries read
		// them, and with roundRows 1000 two rounds plan them.
		answers := map[string]bool{}
		for range 3 {
			r, err := s.CreateReply(ctx, store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: helper.ID, Body: "Svar"})
			if err != nil {
				t.Fatal(err)
			}
			answers[id64(r)] = true
		}
		if err := b.Deliver(ctx); err != nil {
			t.Fatal(err)
		}
		for name, sub := range subs {
			wantQueued := 1
			if roundRows == 1000 {
				wantQueued = 2
			}
			if sub.queued != wantQueued {
				t.Fatalf("round of %d rows: %s's events were queued %d times, want %d", roundRows, name, sub.queued, wantQueued)
			}
			fs, open := sub.take(nil)
			if !open || len(fs) != 6 {
				t.Fatalf("%s: %d events queued (open %v), want 3 notifications and 3 answer events", name, len(fs), open)
			}
			notified, shown := map[string]bool{}, map[string]bool{}
			var lastN, lastA int64
			for i, f := range fs {
				if f.n < lastN || f.a < lastA || (i > 0 && f.n == lastN && f.a == lastA) {
					t.Errorf("%s: event %d has id %d-%d after %d-%d", name, i, f.n, f.a, lastN, lastA)
				}
				lastN, lastA = f.n, f.a
				e := f.event()
				for r := range answers {
					switch {
					case e.Name == "notification" && strings.Contains(string(e.Data), `#r`+r+`"`):
						notified[r] = true
					case e.Name == "answer" && strings.Contains(string(e.Data), `"reply_id":`+r+`,`):
						shown[r] = true
					}
				}
			}
			if len(notified) != 3 || len(shown) != 3 {
				t.Errorf("%s: notified of %v, shown %v; want each of the 3 answers once", name, notified, shown)
			}
		}
		if err := b.Deliver(ctx); err != nil {
			t.Fatal(err)
		}
		for name, sub := range subs {
			if fs, _ := sub.take(nil); len(fs) != 0 {
				t.Errorf("%s: %d events again in a round with nothing new", name, len(fs))
			}
		}
	}
}
