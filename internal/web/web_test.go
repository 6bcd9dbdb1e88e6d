package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
	"github.com/tacit-org/tacit/internal/web"
)

// fixture is a small organisation on a real, migrated store.
type fixture struct {
	t       *testing.T
	s       *store.Store
	srv     *httptest.Server
	cookies map[string]string // person key -> session secret
	people  map[string]store.Person
	posts   map[string]int64
	broker  *notify.Broker
	comms   map[string]int64 // community ids by slug
}

const (
	closedCanary = "CLOSEDCANARY7731"
	secretCanary = "SECRETCANARY4412"
	anonName     = "Bodil Anonymsson"
)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	return newFixtureWith(t, web.Options{MaxBodyBytes: 4096})
}

// newFixtureWith is newFixture with other options for the surface.
func newFixtureWith(t *testing.T, o web.Options) *fixture {
	t.Helper()
	ctx := context.Background()
	s := storetest.Open(t)
	broker := notify.NewBroker(s, nil)
	bctx, stop := context.WithCancel(context.Background())
	t.Cleanup(stop)
	go broker.Run(bctx)
	if o.Broker == nil {
		o.Broker = broker
	}
	w, err := web.New(s, o)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.SecurityHeaders(false, http.NewCrossOriginProtection().Handler(w.Handler())))
	t.Cleanup(srv.Close)
	f := &fixture{t: t, s: s, srv: srv, cookies: map[string]string{}, people: map[string]store.Person{}, posts: map[string]int64{}, broker: broker, comms: map[string]int64{}}
	hash, _ := auth.HashPassword("correct horse battery")
	for _, p := range []struct {
		key, name string
		admin     bool
	}{
		{"admin", "Ada Admin", true}, {"alice", "Alice Ägare", false}, {"bodil", anonName, false},
		{"carl", "Carl Annanmod", false}, {"dave", "Dave Utanför", false},
	} {
		person, err := s.CreatePerson(ctx, store.NewPerson{Email: p.key + "@example.se", Name: p.name, Admin: p.admin, Language: "sv", PasswordHash: hash})
		if err != nil {
			t.Fatal(err)
		}
		f.people[p.key] = person
		secret := auth.NewSecret("")
		if _, err := s.CreateSession(ctx, person.ID, auth.HashSecret(secret), "test", "127.0.0.1", 3600e9); err != nil {
			t.Fatal(err)
		}
		f.cookies[p.key] = secret
	}
	alice, bodil, carl := f.people["alice"].ID, f.people["bodil"].ID, f.people["carl"].ID
	mk := func(owner int64, slug string, cs store.CommunitySettings) store.Community {
		c, err := s.CreateCommunity(ctx, owner, slug, cs)
		if err != nil {
			t.Fatal(err)
		}
		f.comms[slug] = c.ID
		return c
	}
	open := mk(alice, "allmant", store.CommunitySettings{Name: "Allmänt", Kind: "organisation", Visibility: "open", AnonymousQuestions: true})
	closed := mk(alice, "saljcoacher", store.CommunitySettings{Name: "Säljcoacher", Description: "Coachning", Kind: "role", Visibility: "closed"})
	secret := mk(alice, "orion", store.CommunitySettings{Name: "Projekt Orion " + secretCanary, Description: secretCanary, Kind: "subject", Visibility: "secret"})
	mk(carl, "annat", store.CommunitySettings{Name: "Annat", Kind: "subject", Visibility: "open"})
	if err := s.Join(ctx, bodil, open.ID); err != nil {
		t.Fatal(err)
	}
	post := func(key string, np store.NewPost) {
		id, err := s.CreatePost(ctx, np)
		if err != nil {
			t.Fatal(err)
		}
		f.posts[key] = id
	}
	post("open", store.NewPost{CommunityID: open.ID, AuthorID: alice, Type: "question", Title: "Hur bokar jag ett mötesrum?", Body: "Jag hittar inte **rummen**.", Language: "sv", Tags: []string{"teams"}})
	post("closed", store.NewPost{CommunityID: closed.ID, AuthorID: alice, Type: "tip", Title: "Stängt tips " + closedCanary, Body: closedCanary, Language: "sv", Tags: []string{"closedtag"}})
	post("secret", store.NewPost{CommunityID: secret.ID, AuthorID: alice, Type: "discussion", Title: "Hemligt " + secretCanary, Body: secretCanary, Language: "sv", Tags: []string{"secrettag"}})
	post("anon", store.NewPost{CommunityID: open.ID, AuthorID: bodil, Anonymous: true, Type: "question", Title: "Hur säger jag nej till min chef?", Body: "Jag vågar inte fråga öppet.", Language: "sv"})
	post("idea", store.NewPost{CommunityID: open.ID, AuthorID: alice, Type: "idea", Title: "Fika varje fredag", Body: "Vad sägs?", Language: "sv"})
	return f
}

// do sends a request as a person ("" for a signed-out visitor).
func (f *fixture) do(method, path, as string, form url.Values) (*http.Response, string) {
	f.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, f.srv.URL+path, body)
	if err != nil {
		f.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if as != "" {
		req.AddCookie(&http.Cookie{Name: "tacit_session", Value: f.cookies[as]})
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// community returns a fixture community's id.
func (f *fixture) community(slug string) int64 { return f.comms[slug] }

func id(n int64) string { return strconv.FormatInt(n, 10) }

func TestScenarios(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	p := f.posts
	tests := []struct {
		name            string
		method, url, as string
		form            url.Values
		wantStatus      int
		wantContains    []string
		wantNotContains []string
	}{
		{name: "signed-out home goes to sign-in", method: "GET", url: "/", wantStatus: 303},
		{name: "sign-in page", method: "GET", url: "/signin", wantStatus: 200, wantContains: []string{`name="email"`, `name="password"`}},
		{name: "wrong password keeps e-mail", method: "POST", url: "/signin", form: url.Values{"email": {"alice@example.se"}, "password": {"nope"}}, wantStatus: 401, wantContains: []string{`value="alice@example.se"`, "form-errors"}},
		{name: "right password signs in", method: "POST", url: "/signin", form: url.Values{"email": {"ALICE@example.se"}, "password": {"correct horse battery"}}, wantStatus: 303},
		{name: "home for a member", method: "GET", url: "/", as: "alice", wantStatus: 200, wantContains: []string{"Hur bokar jag", closedCanary}, wantNotContains: []string{anonName}},
		{name: "home of another member hides closed and secret", method: "GET", url: "/", as: "bodil", wantStatus: 200, wantContains: []string{"Hur bokar jag"}, wantNotContains: []string{closedCanary, secretCanary}},
		{name: "directory lists closed, not secret", method: "GET", url: "/c", as: "dave", wantStatus: 200, wantContains: []string{"Säljcoacher", "Allmänt"}, wantNotContains: []string{secretCanary, "orion"}},
		{name: "directory shows secret to its member", method: "GET", url: "/c", as: "alice", wantStatus: 200, wantContains: []string{"Projekt Orion"}},
		{name: "open community", method: "GET", url: "/c/allmant", as: "dave", wantStatus: 200, wantContains: []string{"Hur bokar jag", `action="/c/allmant/join"`}},
		{name: "closed community shows join request, no content", method: "GET", url: "/c/saljcoacher", as: "dave", wantStatus: 200, wantContains: []string{"Säljcoacher", `name="message"`}, wantNotContains: []string{closedCanary}},
		{name: "secret community is 404 for non-member", method: "GET", url: "/c/orion", as: "dave", wantStatus: 404, wantNotContains: []string{secretCanary}},
		{name: "secret community for admin without membership is 404", method: "GET", url: "/c/orion", as: "admin", wantStatus: 404, wantNotContains: []string{secretCanary}},
		{name: "secret community for member", method: "GET", url: "/c/orion", as: "alice", wantStatus: 200, wantContains: []string{secretCanary}},
		{name: "missing community is 404", method: "GET", url: "/c/finnsinte", as: "dave", wantStatus: 404},
		{name: "closed post is 404 for non-member", method: "GET", url: "/p/" + id(p["closed"]), as: "dave", wantStatus: 404, wantNotContains: []string{closedCanary}},
		{name: "secret post is 404 for non-member", method: "GET", url: "/p/" + id(p["secret"]), as: "carl", wantStatus: 404, wantNotContains: []string{secretCanary}},
		{name: "open post", method: "GET", url: "/p/" + id(p["open"]), as: "dave", wantStatus: 200, wantContains: []string{"<strong>rummen</strong>", "Alice Ägare"}},
		{name: "anonymous post hides author", method: "GET", url: "/p/" + id(p["anon"]), as: "alice", wantStatus: 200, wantContains: []string{"Hur säger jag nej"}, wantNotContains: []string{anonName, "/u/" + id(f.people["bodil"].ID)}},
		{name: "anonymous post shows author it is theirs", method: "GET", url: "/p/" + id(p["anon"]), as: "bodil", wantStatus: 200, wantContains: []string{"/p/" + id(p["anon"]) + "/edit"}},
		{name: "person feed never lists anonymous posts", method: "GET", url: "/u/" + id(f.people["bodil"].ID), as: "alice", wantStatus: 200, wantNotContains: []string{"Hur säger jag nej"}},
		{name: "tag of closed community empty for outsider", method: "GET", url: "/t/closedtag", as: "dave", wantStatus: 200, wantNotContains: []string{closedCanary}},
		{name: "tag of closed community for member", method: "GET", url: "/t/closedtag", as: "alice", wantStatus: 200, wantContains: []string{closedCanary}},
		{name: "profile counts only visible posts", method: "GET", url: "/u/" + id(f.people["alice"].ID), as: "dave", wantStatus: 200, wantNotContains: []string{closedCanary, secretCanary}},
		{name: "composer says who can read", method: "GET", url: "/c/saljcoacher/new", as: "alice", wantStatus: 200, wantContains: []string{`class="notice visibility closed"`, "Säljcoacher"}},
		{name: "composer of non-member of closed is 404", method: "GET", url: "/c/saljcoacher/new", as: "dave", wantStatus: 404},
		{name: "post create invalid keeps text", method: "POST", url: "/c/allmant/posts", as: "alice", form: url.Values{"type": {"question"}, "title": {"Hm"}, "body": {"Min text som ska finnas kvar"}, "language": {"sv"}}, wantStatus: 400, wantContains: []string{"Min text som ska finnas kvar", `value="Hm"`, "field-error"}},
		{name: "post create bad type", method: "POST", url: "/c/allmant/posts", as: "alice", form: url.Values{"type": {"rant"}, "title": {"En riktig titel"}, "body": {"x"}, "language": {"sv"}}, wantStatus: 400},
		{name: "post create too many tags", method: "POST", url: "/c/allmant/posts", as: "alice", form: url.Values{"type": {"tip"}, "title": {"En riktig titel"}, "body": {"x"}, "language": {"sv"}, "tags": {"a,b,c,d,e,f"}}, wantStatus: 400},
		{name: "post create body too long", method: "POST", url: "/c/allmant/posts", as: "alice", form: url.Values{"type": {"tip"}, "title": {"En riktig titel"}, "body": {strings.Repeat("å", 3000)}, "language": {"sv"}}, wantStatus: 400},
		{name: "post create anonymous where not allowed", method: "POST", url: "/c/saljcoacher/posts", as: "alice", form: url.Values{"type": {"question"}, "title": {"En riktig titel"}, "body": {"x"}, "language": {"sv"}, "anonymous": {"on"}}, wantStatus: 400},
		{name: "post create", method: "POST", url: "/c/allmant/posts", as: "alice", form: url.Values{"type": {"tip"}, "title": {"Ctrl+K hoppar till kund"}, "body": {"Testa!"}, "language": {"sv"}, "tags": {"CRM, genvägar"}}, wantStatus: 303},
		{name: "post create by non-member of open community", method: "POST", url: "/c/allmant/posts", as: "dave", form: url.Values{"type": {"tip"}, "title": {"En riktig titel"}, "body": {"x"}, "language": {"sv"}}, wantStatus: 403},
		{name: "post create in secret by non-member", method: "POST", url: "/c/orion/posts", as: "dave", form: url.Values{"type": {"tip"}, "title": {"En riktig titel"}, "body": {"x"}, "language": {"sv"}}, wantStatus: 404},
		{name: "answer empty keeps form", method: "POST", url: "/p/" + id(p["open"]) + "/answers", as: "bodil", form: url.Values{"body": {"  "}}, wantStatus: 400, wantContains: []string{"field-error"}},
		{name: "answer on closed by outsider", method: "POST", url: "/p/" + id(p["closed"]) + "/answers", as: "dave", form: url.Values{"body": {"hej"}}, wantStatus: 404},
		{name: "answer", method: "POST", url: "/p/" + id(p["open"]) + "/answers", as: "bodil", form: url.Values{"body": {"Använd Outlook."}}, wantStatus: 303},
		{name: "comment", method: "POST", url: "/p/" + id(p["open"]) + "/comments", as: "dave", form: url.Values{"body": {"Bra fråga"}}, wantStatus: 303},
		{name: "accept by someone else", method: "POST", url: "/p/" + id(p["open"]) + "/accept", as: "dave", form: url.Values{"answer": {"1"}}, wantStatus: 403},
		{name: "react bad kind", method: "POST", url: "/p/" + id(p["open"]) + "/react", as: "dave", form: url.Values{"kind": {"love"}}, wantStatus: 400},
		{name: "react on secret by outsider", method: "POST", url: "/p/" + id(p["secret"]) + "/react", as: "dave", form: url.Values{"kind": {"like"}}, wantStatus: 404},
		{name: "react", method: "POST", url: "/p/" + id(p["open"]) + "/react", as: "dave", form: url.Values{"kind": {"helped_me"}}, wantStatus: 303},
		{name: "vote on non-idea", method: "POST", url: "/p/" + id(p["open"]) + "/vote", as: "dave", form: url.Values{}, wantStatus: 400},
		{name: "vote", method: "POST", url: "/p/" + id(p["idea"]) + "/vote", as: "dave", form: url.Values{}, wantStatus: 303},
		{name: "idea status by non-moderator", method: "POST", url: "/p/" + id(p["idea"]) + "/status", as: "dave", form: url.Values{"status": {"planned"}}, wantStatus: 403},
		{name: "idea status by moderator of another community", method: "POST", url: "/p/" + id(p["idea"]) + "/status", as: "carl", form: url.Values{"status": {"planned"}}, wantStatus: 403},
		{name: "idea status bad value", method: "POST", url: "/p/" + id(p["idea"]) + "/status", as: "alice", form: url.Values{"status": {"maybe"}}, wantStatus: 400},
		{name: "idea status", method: "POST", url: "/p/" + id(p["idea"]) + "/status", as: "alice", form: url.Values{"status": {"planned"}, "note": {"Vi provar i december"}}, wantStatus: 303},
		{name: "edit someone else's post", method: "GET", url: "/p/" + id(p["open"]) + "/edit", as: "dave", wantStatus: 403},
		{name: "edit by moderator of another community", method: "POST", url: "/p/" + id(p["open"]) + "/edit", as: "carl", form: url.Values{"title": {"Kapad titel"}, "body": {"x"}}, wantStatus: 403},
		{name: "delete by moderator of another community", method: "POST", url: "/p/" + id(p["open"]) + "/delete", as: "carl", form: url.Values{}, wantStatus: 403},
		{name: "join closed makes a request", method: "POST", url: "/c/saljcoacher/join", as: "dave", form: url.Values{"message": {"Jag vill lära mig"}}, wantStatus: 303},
		{name: "join secret by outsider", method: "POST", url: "/c/orion/join", as: "dave", form: url.Values{}, wantStatus: 404},
		{name: "requests page for non-moderator", method: "GET", url: "/c/allmant/requests", as: "bodil", wantStatus: 403},
		{name: "requests page of closed for non-member", method: "GET", url: "/c/saljcoacher/requests", as: "bodil", wantStatus: 404},
		{name: "requests page for moderator", method: "GET", url: "/c/saljcoacher/requests", as: "alice", wantStatus: 200, wantContains: []string{"Dave Utanför", "Jag vill lära mig"}},
		{name: "members of closed for outsider", method: "GET", url: "/c/saljcoacher/members", as: "dave", wantStatus: 404},
		{name: "settings of other's community", method: "GET", url: "/c/allmant/settings", as: "carl", wantStatus: 403},
		{name: "settings invalid", method: "POST", url: "/c/allmant/settings", as: "alice", form: url.Values{"name": {""}, "kind": {"organisation"}, "visibility": {"open"}}, wantStatus: 400},
		{name: "create community bad slug keeps input", method: "POST", url: "/c", as: "dave", form: url.Values{"name": {"Kaffe"}, "slug": {"Kaffe Klubben"}, "kind": {"subject"}, "visibility": {"open"}}, wantStatus: 400, wantContains: []string{`value="Kaffe"`}},
		{name: "create community taken slug", method: "POST", url: "/c", as: "dave", form: url.Values{"name": {"Kaffe"}, "slug": {"orion"}, "kind": {"subject"}, "visibility": {"open"}}, wantStatus: 400},
		{name: "create community", method: "POST", url: "/c", as: "dave", form: url.Values{"name": {"Kaffe"}, "slug": {"kaffe"}, "kind": {"subject"}, "visibility": {"closed"}}, wantStatus: 303},
		{name: "admin pages for member", method: "GET", url: "/admin/people", as: "dave", wantStatus: 404},
		{name: "admin pages for admin", method: "GET", url: "/admin/people", as: "admin", wantStatus: 200, wantContains: []string{"Alice Ägare"}},
		{name: "audit log for admin", method: "GET", url: "/admin/audit", as: "admin", wantStatus: 200},
		{name: "sessions page", method: "GET", url: "/settings/sessions", as: "alice", wantStatus: 200},
		{name: "end someone else's session", method: "POST", url: "/settings/sessions/1/end", as: "dave", form: url.Values{}, wantStatus: 404},
		{name: "profile save invalid language", method: "POST", url: "/settings", as: "dave", form: url.Values{"name": {"Dave"}, "language": {"de"}}, wantStatus: 400},
		{name: "preview sanitises", method: "POST", url: "/preview", as: "dave", form: url.Values{"body": {"**ok**\n\n<script>alert(1)</script> <img src=x onerror=alert(1)>"}}, wantStatus: 200, wantContains: []string{"<strong>ok</strong>"}, wantNotContains: []string{"<script", "onerror"}},
		{name: "unknown route is 404 page", method: "GET", url: "/nope", as: "dave", wantStatus: 404},
		{name: "invalid invitation", method: "GET", url: "/invite/garbage", wantStatus: 404},
		{name: "language switch", method: "POST", url: "/lang", form: url.Values{"lang": {"en"}, "next": {"https://evil.example/"}}, wantStatus: 303},
	}
	for _, tc := range tests {
		resp, body := f.do(tc.method, tc.url, tc.as, tc.form)
		if resp.StatusCode != tc.wantStatus {
			t.Errorf("%s: %s %s as %q: status %d, want %d", tc.name, tc.method, tc.url, tc.as, resp.StatusCode, tc.wantStatus)
		}
		for _, s := range tc.wantContains {
			if !strings.Contains(body, s) {
				t.Errorf("%s: body does not contain %q", tc.name, s)
			}
		}
		for _, s := range tc.wantNotContains {
			if strings.Contains(body, s) {
				t.Errorf("%s: body contains %q", tc.name, s)
			}
		}
		for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
			if resp.Header.Get(h) == "" {
				t.Errorf("%s: no %s header", tc.name, h)
			}
		}
		if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
			t.Errorf("%s: Cache-Control %q, want private, no-store", tc.name, cc)
		}
	}
}

func TestAnonymousAskerStaysAnonymousInThread(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	path := "/p/" + id(f.posts["anon"])
	if resp, _ := f.do("POST", path+"/comments", "bodil", url.Values{"body": {"Tack, det hjälpte!"}}); resp.StatusCode != 303 {
		t.Fatalf("comment by the anonymous asker: status %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", path+"/answers", "bodil", url.Values{"body": {"Jag löste det själv så här."}}); resp.StatusCode != 303 {
		t.Fatalf("answer by the anonymous asker: status %d", resp.StatusCode)
	}
	for _, as := range []string{"alice", "dave", "admin"} {
		_, body := f.do("GET", path, as, nil)
		if !strings.Contains(body, "Tack, det hjälpte!") || !strings.Contains(body, "Jag löste det själv") {
			t.Fatalf("as %s: the asker's replies are missing", as)
		}
		if strings.Contains(body, anonName) || strings.Contains(body, "/u/"+id(f.people["bodil"].ID)) {
			t.Errorf("as %s: the anonymous asker is named in the thread", as)
		}
	}
}

func TestSecretIsLikeMissing(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	// The pages differ only in the address asked for, which they repeat.
	r1, secret := f.do("GET", "/c/orion", "dave", nil)
	r2, missing := f.do("GET", "/c/zzzzz", "dave", nil)
	missing = strings.ReplaceAll(missing, "/c/zzzzz", "/c/orion")
	if r1.StatusCode != 404 || r1.StatusCode != r2.StatusCode || secret != missing {
		t.Errorf("secret community answers differently from a missing one: %d vs %d", r1.StatusCode, r2.StatusCode)
	}
	r1, secret = f.do("GET", "/p/"+id(f.posts["secret"]), "dave", nil)
	r2, missing = f.do("GET", "/p/999999", "dave", nil)
	missing = strings.ReplaceAll(missing, "/p/999999", "/p/"+id(f.posts["secret"]))
	if r1.StatusCode != 404 || r2.StatusCode != 404 || secret != missing {
		t.Errorf("secret post answers differently from a missing one")
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	req, _ := http.NewRequest("POST", f.srv.URL+"/c/allmant/join", strings.NewReader(""))
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.AddCookie(&http.Cookie{Name: "tacit_session", Value: f.cookies["dave"]})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: status %d, want 403", resp.StatusCode)
	}
	if role, _ := f.s.Role(context.Background(), f.people["dave"].ID, 1); role != "" {
		t.Fatal("cross-site POST joined the community")
	}
}

func TestOversizedBodyRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	big := url.Values{"type": {"tip"}, "title": {"En riktig titel"}, "body": {strings.Repeat("x", 64*1024)}, "language": {"sv"}}
	resp, _ := f.do("POST", "/c/allmant/posts", "alice", big)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("oversized post: status %d, want 413", resp.StatusCode)
	}
	posts, _, err := f.s.Posts(context.Background(), store.Viewer{ID: f.people["alice"].ID}, store.PostFilter{}, store.Cursor{}, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 5 {
		t.Fatalf("after a refused post there are %d posts, want 5", len(posts))
	}
}

func TestSignInRotatesSessionAndSignOutEnds(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	resp, _ := f.do("POST", "/signin", "alice", url.Values{"email": {"alice@example.se"}, "password": {"correct horse battery"}})
	var fresh string
	for _, c := range resp.Cookies() {
		if c.Name == "tacit_session" {
			fresh = c.Value
			if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
				t.Errorf("session cookie is not HttpOnly+SameSite=Lax: %+v", c)
			}
		}
	}
	if fresh == "" || fresh == f.cookies["alice"] {
		t.Fatalf("sign-in did not issue a new session id")
	}
	f.cookies["alice2"] = fresh
	resp, _ = f.do("POST", "/signout", "alice2", url.Values{})
	if resp.StatusCode != 303 {
		t.Fatalf("sign-out status %d", resp.StatusCode)
	}
	if resp, _ := f.do("GET", "/", "alice2", nil); resp.StatusCode != 303 {
		t.Fatalf("after sign-out the old session still works: %d", resp.StatusCode)
	}
	if resp, _ := f.do("GET", "/", "alice", nil); resp.StatusCode != 200 {
		t.Fatalf("signing out one session ended another: %d", resp.StatusCode)
	}
}

func TestReactionCountChanges(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	path := "/p/" + id(f.posts["open"])
	f.do("POST", path+"/react", "dave", url.Values{"kind": {"thanks"}})
	f.do("POST", path+"/react", "dave", url.Values{"kind": {"thanks"}})
	post, err := f.s.Post(context.Background(), store.Viewer{ID: f.people["dave"].ID}, f.posts["open"])
	if err != nil {
		t.Fatal(err)
	}
	if post.Reactions.Thanks != 1 {
		t.Fatalf("thanks = %d after two identical reactions, want 1", post.Reactions.Thanks)
	}
	f.do("POST", path+"/react", "dave", url.Values{"kind": {"thanks"}, "on": {"0"}})
	post, _ = f.s.Post(context.Background(), store.Viewer{ID: f.people["dave"].ID}, f.posts["open"])
	if post.Reactions.Thanks != 0 {
		t.Fatalf("thanks = %d after withdrawing, want 0", post.Reactions.Thanks)
	}

	// The page's buttons send toggle=kind:1, and the pressed one kind:0.
	_, page := f.do("GET", path, "dave", nil)
	if !strings.Contains(page, `name="toggle" value="helped_me:1" aria-pressed="false"`) {
		t.Fatalf("no helped_me button to press on the post page")
	}
	f.do("POST", path+"/react", "dave", url.Values{"toggle": {"helped_me:1"}})
	_, page = f.do("GET", path, "dave", nil)
	if !strings.Contains(page, `name="toggle" value="helped_me:0" aria-pressed="true"`) {
		t.Fatalf("the helped_me button is not shown pressed after pressing it")
	}
	f.do("POST", path+"/react", "dave", url.Values{"toggle": {"helped_me:0"}})
	post, _ = f.s.Post(context.Background(), store.Viewer{ID: f.people["dave"].ID}, f.posts["open"])
	if post.Reactions.HelpedMe != 0 {
		t.Fatalf("helped_me = %d after pressing twice, want 0", post.Reactions.HelpedMe)
	}
}

func TestLanguage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	req, _ := http.NewRequest("GET", f.srv.URL+"/signin", nil)
	req.Header.Set("Accept-Language", "en-GB,en;q=0.9")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `<html lang="en">`) {
		t.Errorf("Accept-Language en did not give an English page")
	}
	// The profile language wins over the browser's.
	f.do("POST", "/lang", "alice", url.Values{"lang": {"en"}})
	_, body := f.do("GET", "/", "alice", nil)
	if !strings.Contains(body, `<html lang="en">`) {
		t.Errorf("after switching to English the home page is not English")
	}
	if p, _ := f.s.PersonByID(context.Background(), f.people["alice"].ID); p.Language != "en" {
		t.Errorf("language switch did not save the profile language: %q", p.Language)
	}
}
