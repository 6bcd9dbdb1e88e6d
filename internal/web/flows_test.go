package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/web"
)

// secretFrom finds a one-time link on a page and returns its token.
func secretFrom(t *testing.T, body, prefix string) string {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(prefix) + `([A-Za-z0-9_-]{20,})`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s link on the page", prefix)
	}
	return m[1]
}

func TestInvitationToCommunity(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	_, body := f.do("POST", "/c/saljcoacher/members", "alice", url.Values{"email": {"ny@example.se"}, "role": {"member"}})
	token := secretFrom(t, body, "/invite/")
	resp, body := f.do("GET", "/invite/"+token, "", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "ny@example.se") || !strings.Contains(body, "Säljcoacher") {
		t.Fatalf("invitation page: %d", resp.StatusCode)
	}
	resp, body = f.do("POST", "/invite/"+token, "", url.Values{"name": {"Nina Ny"}, "language": {"sv"}, "password": {"kort"}, "password2": {"kort"}})
	if resp.StatusCode != 400 || !strings.Contains(body, `value="Nina Ny"`) {
		t.Fatalf("short password: status %d, want 400 with the name kept", resp.StatusCode)
	}
	resp, _ = f.do("POST", "/invite/"+token, "", url.Values{"name": {"Nina Ny"}, "language": {"sv"}, "password": {"ett långt lösenord"}, "password2": {"ett långt lösenord"}})
	if resp.StatusCode != 303 {
		t.Fatalf("accept invitation: status %d", resp.StatusCode)
	}
	var session string
	for _, c := range resp.Cookies() {
		if c.Name == "tacit_session" {
			session = c.Value
		}
	}
	f.cookies["nina"] = session
	if _, body := f.do("GET", "/c/saljcoacher", "nina", nil); !strings.Contains(body, closedCanary) {
		t.Error("the invited person cannot read the community they were invited to")
	}
	if resp, _ := f.do("GET", "/invite/"+token, "", nil); resp.StatusCode != 404 {
		t.Errorf("a used invitation still works: %d", resp.StatusCode)
	}
}

func TestAdminInviteAndDeactivate(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	_, body := f.do("POST", "/admin/people", "admin", url.Values{"email": {"alice@example.se"}})
	if !strings.Contains(body, "field-error") {
		t.Error("inviting a taken e-mail address gave no field error")
	}
	_, body = f.do("POST", "/admin/people", "admin", url.Values{"email": {"ny@example.se"}})
	secretFrom(t, body, "/invite/")
	dave := id(f.people["dave"].ID)
	if resp, _ := f.do("POST", "/admin/people/"+dave, "alice", url.Values{"action": {"deactivate"}}); resp.StatusCode != 404 {
		t.Errorf("a member deactivated someone: %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/admin/people/"+dave, "admin", url.Values{"action": {"deactivate"}}); resp.StatusCode != 303 {
		t.Fatalf("deactivate: %d", resp.StatusCode)
	}
	if resp, _ := f.do("GET", "/", "dave", nil); resp.StatusCode != 303 {
		t.Errorf("a deactivated person's session still works: %d", resp.StatusCode)
	}
	_, body = f.do("GET", "/admin/audit", "admin", nil)
	if !strings.Contains(body, "person.deactivate") {
		t.Error("deactivation is not in the audit log")
	}
}

func TestSigninLink(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	token := auth.NewSecret("")
	if err := f.s.CreateSigninLink(context.Background(), f.people["dave"].ID, auth.HashSecret(token), 3600e9); err != nil {
		t.Fatal(err)
	}
	resp, _ := f.do("POST", "/signin/link/"+token, "", url.Values{"password": {"nytt långt lösenord"}, "password2": {"nytt långt lösenord"}})
	if resp.StatusCode != 303 {
		t.Fatalf("use sign-in link: %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/signin", "", url.Values{"email": {"dave@example.se"}, "password": {"nytt långt lösenord"}}); resp.StatusCode != 303 {
		t.Errorf("the new password does not sign in: %d", resp.StatusCode)
	}
	if resp, _ := f.do("GET", "/signin/link/"+token, "", nil); resp.StatusCode != 404 {
		t.Errorf("a used sign-in link still works: %d", resp.StatusCode)
	}
}

func TestJoinRequestApproved(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.do("POST", "/c/saljcoacher/join", "dave", url.Values{"message": {"Snälla"}})
	reqs, err := f.s.JoinRequests(context.Background(), 2)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("join requests: %v %v", reqs, err)
	}
	if resp, _ := f.do("POST", "/c/saljcoacher/requests/"+id(reqs[0].ID), "carl", url.Values{"decision": {"approve"}}); resp.StatusCode != 404 {
		t.Errorf("a moderator of another community decided a request: %d", resp.StatusCode)
	}
	f.do("POST", "/c/saljcoacher/requests/"+id(reqs[0].ID), "alice", url.Values{"decision": {"approve"}})
	if _, body := f.do("GET", "/c/saljcoacher", "dave", nil); !strings.Contains(body, closedCanary) {
		t.Error("an approved member cannot read the closed community")
	}
	// Removed again, they lose access at once.
	f.do("POST", "/c/saljcoacher/members/"+id(f.people["dave"].ID), "alice", url.Values{"action": {"remove"}})
	if resp, body := f.do("GET", "/p/"+id(f.posts["closed"]), "dave", nil); resp.StatusCode != 404 || strings.Contains(body, closedCanary) {
		t.Errorf("a removed member still reads the closed post: %d", resp.StatusCode)
	}
}

func TestAskAnswerAcceptEditRevisions(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	resp, _ := f.do("POST", "/c/allmant/posts", "bodil", url.Values{"type": {"question"}, "title": {"Var finns skrivaren?"}, "body": {"Första versionen"}, "language": {"sv"}, "tags": {"kontor"}})
	loc := resp.Header.Get("Location")
	if resp.StatusCode != 303 || !strings.HasPrefix(loc, "/p/") {
		t.Fatalf("create: %d %q", resp.StatusCode, loc)
	}
	resp, _ = f.do("POST", loc+"/answers", "dave", url.Values{"body": {"Vid receptionen."}})
	answerID := strings.TrimPrefix(resp.Header.Get("Location"), loc+"#r")
	if resp, _ := f.do("POST", loc+"/accept", "dave", url.Values{"answer": {answerID}}); resp.StatusCode != 403 {
		t.Errorf("the answerer accepted their own answer on someone else's question: %d", resp.StatusCode)
	}
	f.do("POST", loc+"/accept", "bodil", url.Values{"answer": {answerID}})
	_, body := f.do("GET", loc, "dave", nil)
	if !strings.Contains(body, `class="answer accepted"`) {
		t.Error("accepted answer not marked")
	}
	f.do("POST", loc+"/edit", "bodil", url.Values{"title": {"Var finns skrivaren på plan 3?"}, "body": {"Andra versionen"}, "tags": {"kontor, skrivare"}})
	_, body = f.do("GET", loc+"/revisions", "dave", nil)
	if !strings.Contains(body, "Första versionen") {
		t.Error("the revision history does not keep the first version")
	}
	_, body = f.do("GET", loc, "dave", nil)
	if !strings.Contains(body, "Andra versionen") || !strings.Contains(body, "/t/skrivare") {
		t.Error("the edit is not shown")
	}
	f.do("POST", loc+"/delete", "bodil", url.Values{})
	if resp, _ := f.do("GET", loc, "bodil", nil); resp.StatusCode != 404 {
		t.Errorf("a deleted post is still shown: %d", resp.StatusCode)
	}
}

func TestFeedPagesAndFollows(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	c, _ := f.s.CommunityBySlug(ctx, store.Viewer{ID: f.people["alice"].ID}, "allmant")
	for i := range 45 {
		if _, err := f.s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: f.people["alice"].ID, Type: "tip", Title: "Tips nummer " + id(int64(i)), Body: "x", Language: "sv"}); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	next := "/c/allmant?type=tip"
	pages := 0
	for next != "" && pages < 10 {
		pages++
		_, body := f.do("GET", next, "dave", nil)
		for _, m := range regexp.MustCompile(`Tips nummer \d+`).FindAllString(body, -1) {
			if seen[m] {
				t.Errorf("%s shown twice", m)
			}
			seen[m] = true
		}
		next = ""
		if m := regexp.MustCompile(`href="([^"]+)" rel="next"`).FindStringSubmatch(body); m != nil {
			next = strings.ReplaceAll(m[1], "&amp;", "&")
		}
	}
	if len(seen) != 45 || pages != 3 {
		t.Errorf("paged through %d tips in %d pages, want 45 in 3", len(seen), pages)
	}
	// Following a tag brings its posts to the home feed.
	f.do("POST", "/t/closedtag/follow", "dave", url.Values{})
	f.do("POST", "/t/teams/follow", "dave", url.Values{})
	_, body := f.do("GET", "/", "dave", nil)
	if !strings.Contains(body, "Hur bokar jag") || strings.Contains(body, closedCanary) {
		t.Error("home feed of tag follows is wrong")
	}
	_, body = f.do("GET", "/settings/follows", "dave", nil)
	if !strings.Contains(body, "#teams") {
		t.Error("follows page does not list the followed tag")
	}
	if resp, _ := f.do("POST", "/u/999/follow", "dave", url.Values{}); resp.StatusCode != 404 {
		t.Errorf("following a missing person: %d", resp.StatusCode)
	}
}

func TestTokensPage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	if resp, _ := f.do("POST", "/settings/tokens", "dave", url.Values{"name": {"Skript"}, "scope": {"admin"}}); resp.StatusCode != 400 {
		t.Errorf("a non-admin made an admin token: %d", resp.StatusCode)
	}
	_, body := f.do("POST", "/settings/tokens", "dave", url.Values{"name": {"Skript"}, "scope": {"write"}})
	secret := secretFrom(t, body, "tacit_")
	if _, scope, err := f.s.TokenPerson(context.Background(), auth.HashSecret("tacit_"+secret)); err != nil || scope != "write" {
		t.Fatalf("token from the page does not work: %v", err)
	}
	tokens, _ := f.s.Tokens(context.Background(), f.people["dave"].ID)
	f.do("POST", "/settings/tokens/"+id(tokens[0].ID)+"/revoke", "dave", url.Values{})
	if _, _, err := f.s.TokenPerson(context.Background(), auth.HashSecret("tacit_"+secret)); err == nil {
		t.Error("revoked token still works")
	}
}

func TestSecureCookiesOverTLS(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	w, err := web.New(f.s, web.Options{Secure: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewTLSServer(web.SecurityHeaders(true, w.Handler()))
	defer srv.Close()
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.PostForm(srv.URL+"/signin", url.Values{"email": {"alice@example.se"}, "password": {"correct horse battery"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var found bool
	for _, c := range resp.Cookies() {
		if c.Name == "__Host-tacit_session" {
			found = true
			if !c.Secure || !c.HttpOnly || c.Path != "/" || c.Domain != "" {
				t.Errorf("session cookie over TLS: %+v", c)
			}
		}
	}
	if !found {
		t.Error("no __Host- session cookie over TLS")
	}
	if resp.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS over TLS")
	}
}
