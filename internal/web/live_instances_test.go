package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
	"github.com/tacit-org/tacit/internal/web"
)

// instance is one Tacit process: its own store (connections), broker and
// HTTP server, on a database it may share with others.
type instance struct {
	s      *store.Store
	broker *notify.Broker
	f      *fixture // for stream
}

func startInstance(t *testing.T, dbURL string, cookies map[string]string) *instance {
	t.Helper()
	s, err := store.Open(context.Background(), dbURL, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	b := notify.NewBroker(s, nil)
	b.Poll = time.Hour // only the database's NOTIFY (or its own writes) wakes it
	ctx, stop := context.WithCancel(context.Background())
	t.Cleanup(stop)
	go b.Run(ctx)
	w, err := web.New(s, web.Options{MaxBodyBytes: 4096, Broker: b})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.SecurityHeaders(false, http.NewCrossOriginProtection().Handler(w.Handler())))
	t.Cleanup(srv.Close)
	for range 2000 {
		if s.ListeningForChanges() {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if !s.ListeningForChanges() {
		t.Fatal("the instance does not listen for changes")
	}
	return &instance{s: s, broker: b, f: &fixture{t: t, s: s, srv: srv, cookies: cookies, broker: b}}
}

// TestLiveAcrossInstances: two Tacit processes on one PostgreSQL database.
// What is written through one reaches the live streams held by the other,
// checked there against each viewer's permission; a stream resumes on
// either instance from the last event id it got from the other.
func TestLiveAcrossInstances(t *testing.T) {
	t.Parallel()
	dbURL := storetest.URL(t)
	if dbURL == "" {
		t.Skip("several instances share a PostgreSQL database; set " + storetest.EnvURL)
	}
	ctx := t.Context()
	cookies := map[string]string{}
	a := startInstance(t, dbURL, cookies)
	b := startInstance(t, dbURL, cookies)

	person := func(key, name string) store.Person {
		p, err := a.s.CreatePerson(ctx, store.NewPerson{Email: key + "@example.se", Name: name, Language: "sv"})
		if err != nil {
			t.Fatal(err)
		}
		secret := auth.NewSecret("")
		if _, err := a.s.CreateSession(ctx, p.ID, auth.HashSecret(secret), "test", "127.0.0.1", 3600e9); err != nil {
			t.Fatal(err)
		}
		cookies[key] = secret
		return p
	}
	alice, carol, bob := person("alice", "Alice Ägare"), person("carol", "Carol Medlem"), person("bob", "Bob Lämnare")
	open, err := a.s.CreateCommunity(ctx, alice.ID, "allmant", store.CommunitySettings{Name: "Allmänt", Kind: "organisation", Visibility: "open"})
	if err != nil {
		t.Fatal(err)
	}
	closed, err := a.s.CreateCommunity(ctx, alice.ID, "stangd", store.CommunitySettings{Name: "Stängd " + closedCanary, Kind: "role", Visibility: "closed"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []store.Person{carol, bob} {
		if err := a.s.Join(ctx, p.ID, open.ID); err != nil {
			t.Fatal(err)
		}
		if err := a.s.AddMember(ctx, alice.ID, closed.ID, p.ID, store.RoleMember); err != nil {
			t.Fatal(err)
		}
	}

	// Carol and Bob watch the closed community on instance B.
	carolB, _ := b.f.stream("/events?c=stangd", "carol", "")
	bobB, _ := b.f.stream("/events?c=stangd", "bob", "")
	waitStreams(t, b.f, 2)
	// Bob leaves the community (through A); his stream on B stays open.
	if err := a.s.Leave(ctx, bob.ID, closed.ID, bob.ID); err != nil {
		t.Fatal(err)
	}

	// Alice posts in the closed community through instance A, mentioning both.
	closedPost, err := a.s.CreatePost(ctx, store.NewPost{CommunityID: closed.ID, AuthorID: alice.ID, Type: "tip", Title: "Stängt tips " + closedCanary,
		Body: "För @carol och @bob", Language: "sv"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]sse{}
	for range 2 {
		e := next(t, carolB)
		got[e.name] = e
	}
	if n := got["notification"]; !strings.Contains(n.data, "Alice Ägare") || !strings.Contains(n.data, "/p/"+id(closedPost)) {
		t.Errorf("Carol's mention on instance B: %+v", n)
	}
	if p := got["post"]; !strings.Contains(p.data, `"post_id":`+id(closedPost)) {
		t.Errorf("Carol's new-post event on instance B: %+v", p)
	}

	// Then a post Bob may read, in the open community, mentioning him: it is
	// the first thing his stream gets, so the closed post was withheld.
	openPost, err := a.s.CreatePost(ctx, store.NewPost{CommunityID: open.ID, AuthorID: alice.ID, Type: "tip", Title: "Öppet tips", Body: "Hej @bob", Language: "sv"})
	if err != nil {
		t.Fatal(err)
	}
	e := next(t, bobB)
	if e.name != "notification" || !strings.Contains(e.data, "/p/"+id(openPost)) || strings.Contains(e.data, closedCanary) {
		t.Errorf("Bob's first event on instance B after leaving: %+v (want the open post's mention, nothing of the closed one)", e)
	}

	// Carol resumes on instance A from the last id B sent her, and gets
	// what was written (through B) while she was away, once.
	last := got["post"].id
	if got["notification"].id > last {
		last = got["notification"].id
	}
	missed, err := b.s.CreatePost(ctx, store.NewPost{CommunityID: closed.ID, AuthorID: alice.ID, Type: "tip", Title: "Medan du var borta", Body: "@carol", Language: "sv"})
	if err != nil {
		t.Fatal(err)
	}
	carolA, _ := a.f.stream("/events?c=stangd&max_seconds=0", "carol", last)
	var names []string
	for e := range carolA {
		if !strings.Contains(e.data, id(missed)) {
			t.Errorf("Carol's replay on A has %+v, not about the post written while she was away", e)
		}
		names = append(names, e.name)
	}
	if strings.Join(names, ",") != "notification,post" {
		t.Errorf("Carol's replay on instance A = %v, want her mention and the new post, once each", names)
	}
}
