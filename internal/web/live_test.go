package web_test

import (
	"bufio"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
)

// sse is one event read from a stream.
type sse struct{ id, name, data string }

// stream opens GET path as a person on the fixture's real HTTP server and
// returns a channel of the events read from it.
func (f *fixture) stream(path, as, lastID string) (<-chan sse, *http.Response) {
	f.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	f.t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", f.srv.URL+path, nil)
	req.AddCookie(&http.Cookie{Name: "tacit_session", Value: f.cookies[as]})
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	out := make(chan sse, 100)
	if resp.StatusCode != 200 {
		resp.Body.Close()
		close(out)
		return out, resp
	}
	go func() {
		defer close(out)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var e sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.name != "" {
					out <- e
				}
				e = sse{}
			case strings.HasPrefix(line, "id: "):
				e.id = line[4:]
			case strings.HasPrefix(line, "event: "):
				e.name = line[7:]
			case strings.HasPrefix(line, "data: "):
				e.data = line[6:]
			}
		}
	}()
	return out, resp
}

// next waits for the next event; the wait only bounds a broken test.
func next(t *testing.T, c <-chan sse) sse {
	t.Helper()
	select {
	case e, ok := <-c:
		if !ok {
			t.Fatal("stream ended")
		}
		return e
	case <-time.After(20 * time.Second):
		t.Fatal("no event")
	}
	return sse{}
}

// waitStreams waits until the broker holds n streams, so that what the test
// writes next happens after the subscription.
func waitStreams(t *testing.T, f *fixture, n int) {
	t.Helper()
	for range 2000 {
		if f.broker.Streams() == n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("streams = %d, want %d", f.broker.Streams(), n)
}

func TestLiveEvents(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	anon := f.posts["anon"]
	// Bodil (the anonymous asker) and Dave read the anonymous question.
	bodil, _ := f.stream("/events?post="+id(anon), "bodil", "")
	dave, _ := f.stream("/events?post="+id(anon), "dave", "")
	alice, _ := f.stream("/events?c=allmant", "alice", "")
	waitStreams(t, f, 3)

	// Alice answers: Bodil gets a notification and the answer event; Dave the answer event.
	ans, err := f.s.CreateReply(ctx, store.NewReply{PostID: anon, Kind: store.ReplyAnswer, AuthorID: f.people["alice"].ID, Body: "Svar @dave"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]sse{}
	for range 2 {
		e := next(t, bodil)
		got[e.name] = e
	}
	if !strings.Contains(got["notification"].data, "Alice Ägare svarade på") || !strings.Contains(got["answer"].data, `"reply_id":`+id(ans)) {
		t.Errorf("asker's events: %+v", got)
	}
	seen := map[string]sse{}
	daveLast := ""
	for range 2 {
		e := next(t, dave)
		seen[e.name], daveLast = e, e.id
	}
	if !strings.Contains(seen["notification"].data, "nämnde dig") || seen["answer"].data == "" {
		t.Errorf("reader's events: %+v", seen)
	}
	// Bodil comments on her own anonymous question, mentioning Dave: no event names her.
	if _, err := f.s.CreateReply(ctx, store.NewReply{PostID: anon, Kind: store.ReplyComment, AuthorID: f.people["bodil"].ID, Body: "Tack @dave"}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		e := next(t, dave)
		if strings.Contains(e.data, anonName) || strings.Contains(e.data, `"actor`) {
			t.Errorf("event names the anonymous asker: %+v", e)
		}
		seen[e.name], daveLast = e, e.id
	}
	if !strings.Contains(seen["notification"].data, "Anonym medlem nämnde dig") {
		t.Errorf("mention by the anonymous asker: %+v", seen["notification"])
	}

	// A new post in the community Alice views reaches her.
	if _, err := f.s.CreatePost(ctx, store.NewPost{CommunityID: f.community("allmant"), AuthorID: f.people["dave"].ID, Type: "tip", Title: "Nytt tips", Body: "x", Language: "sv"}); err != nil {
		t.Fatal(err)
	}
	// (Alice hears of the comment on the question she answered first.)
	for e := next(t, alice); e.name != "post"; e = next(t, alice) {
		if e.name != "notification" {
			t.Errorf("community viewer got %+v", e)
		}
	}

	// Resume: a stream that reconnects with the last id it saw gets exactly what it missed.
	if _, err := f.s.CreateReply(ctx, store.NewReply{PostID: anon, Kind: store.ReplyComment, AuthorID: f.people["alice"].ID, Body: "Missat @dave"}); err != nil {
		t.Fatal(err)
	}
	// Read the live copy first, so the comparison below is about the replay.
	var live []sse
	for range 2 {
		live = append(live, next(t, dave))
	}
	again, _ := f.stream("/events?post="+id(anon), "dave", daveLast)
	// The replay sends notifications first, then page activity; the ids may
	// differ from the live ones but say the same place.
	replayed := map[string]string{}
	for range 2 {
		e := next(t, again)
		replayed[e.name] = e.data
	}
	for _, e := range live {
		if replayed[e.name] != e.data {
			t.Errorf("replayed %q for %s, live was %q", replayed[e.name], e.name, e.data)
		}
	}
	select {
	case e := <-again:
		t.Errorf("replay sent more: %+v", e)
	case <-time.After(200 * time.Millisecond):
	}

	// With max_seconds=0 the stream sends what was missed and ends (the
	// leak sweep reads streams so); a bad value is refused.
	bounded, _ := f.stream("/events?post="+id(anon)+"&max_seconds=0", "dave", daveLast)
	bounds := map[string]string{}
	for range 2 {
		e := next(t, bounded)
		bounds[e.name] = e.data
	}
	if len(bounds) != 2 {
		t.Errorf("bounded replay: %v", bounds)
	}
	select {
	case e, ok := <-bounded:
		if ok {
			t.Errorf("a stream with max_seconds=0 sent more after the replay: %+v", e)
		}
	case <-time.After(20 * time.Second): // only bounds a broken test
		t.Errorf("a stream with max_seconds=0 did not end after the replay")
	}
	if _, resp := f.stream("/events?max_seconds=-1", "dave", ""); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("max_seconds=-1: %d, want 400", resp.StatusCode)
	}
}

func TestLiveEventsRecheckPermission(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	closed := f.community("saljcoacher")
	// Dave cannot open a stream on a closed post or community.
	if _, resp := f.stream("/events?post="+id(f.posts["closed"]), "dave", ""); resp.StatusCode != 404 {
		t.Errorf("outsider on a closed post: %d", resp.StatusCode)
	}
	if _, resp := f.stream("/events?c=orion", "dave", ""); resp.StatusCode != 404 {
		t.Errorf("outsider on a secret community: %d", resp.StatusCode)
	}
	if _, resp := f.stream("/events", "", ""); resp.StatusCode != 303 {
		t.Errorf("signed out: %d", resp.StatusCode)
	}
	if err := f.s.AddMember(ctx, f.people["alice"].ID, closed, f.people["dave"].ID, store.RoleMember); err != nil {
		t.Fatal(err)
	}
	dave, _ := f.stream("/events?post="+id(f.posts["closed"]), "dave", "")
	waitStreams(t, f, 1)
	// Removed while the stream is open: the next answer is not delivered, not even as a notification.
	if err := f.s.Leave(ctx, f.people["alice"].ID, closed, f.people["dave"].ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Follow(ctx, f.people["dave"].ID, store.FollowPost, id(f.posts["closed"])); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CreateReply(ctx, store.NewReply{PostID: f.posts["closed"], Kind: store.ReplyComment, AuthorID: f.people["alice"].ID, Body: closedCanary + " @dave"}); err != nil {
		t.Fatal(err)
	}
	// A later event in a community Dave may read proves the stream is alive and in order.
	if _, err := f.s.CreateReply(ctx, store.NewReply{PostID: f.posts["open"], Kind: store.ReplyComment, AuthorID: f.people["alice"].ID, Body: "Hej @dave"}); err != nil {
		t.Fatal(err)
	}
	e := next(t, dave)
	if e.name != "notification" || !strings.Contains(e.data, "Hur bokar jag") || strings.Contains(e.data, closedCanary) {
		t.Errorf("first event after removal: %+v", e)
	}
}

func TestMissedEventsForLeakSweep(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	if _, err := f.s.CreateReply(ctx, store.NewReply{PostID: f.posts["anon"], Kind: store.ReplyComment, AuthorID: f.people["bodil"].ID, Body: "@alice @dave"}); err != nil {
		t.Fatal(err)
	}
	evs, err := f.broker.Missed(ctx, f.people["dave"].ID, "sv", notify.Watch{PostID: f.posts["anon"]}, "0-0", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 || evs[0].Name != "notification" || evs[1].Name != "comment" {
		t.Fatalf("missed events: %+v", evs)
	}
	for _, e := range evs {
		if strings.Contains(string(e.Data), anonName) {
			t.Errorf("event names the anonymous asker: %s", e.Data)
		}
	}
	// The secret post's activity is not in an outsider's events.
	evs, _ = f.broker.Missed(ctx, f.people["dave"].ID, "sv", notify.Watch{PostID: f.posts["secret"], CommunityID: f.community("orion")}, "0-0", 100)
	for _, e := range evs {
		if e.Name != "notification" {
			t.Errorf("an outsider would get %+v", e)
		}
	}
}
