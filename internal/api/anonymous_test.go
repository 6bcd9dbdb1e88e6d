package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// TestAnonymousAuthorNeverAppears reads everything that can show the
// anonymous question, as everyone but its author, and looks for any trace
// of the author in the raw JSON (DESIGN §3 rule 4). The author has only
// ever posted anonymously, so her name, e-mail, department and id have no
// business in any of these answers.
func TestAnonymousAuthorNeverAppears(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})

	// The author edits her question, so there is a revision by her.
	if rec := f.do("PATCH", "/api/v1/posts/{{anon_q}}", `{"body":"Ny text: hur ber jag om mer lön?","tags":["lon","crm","karriar"]}`, "anon"); rec.Code != http.StatusOK {
		t.Fatalf("author edit: %d %s", rec.Code, rec.Body)
	}
	// A moderator's reaction and acceptance should not bring her back either.
	if rec := f.do("POST", "/api/v1/posts/{{anon_q}}/reactions", `{"kind":"insightful"}`, "mod"); rec.Code != http.StatusCreated {
		t.Fatalf("react: %d %s", rec.Code, rec.Body)
	}

	traces := []string{anonName, anonEmail, anonDept, `"author_id":` + f.vars["anon_id"] + `,`, "Astrid"}
	reads := []string{
		"/api/v1/posts/{{anon_q}}",
		"/api/v1/posts/{{anon_q}}/revisions",
		"/api/v1/communities/fragor/posts",
		"/api/v1/communities/fragor/posts?type=question",
		"/api/v1/feed",
		"/api/v1/tags/lon/posts",
		"/api/v1/tags/crm/posts",
		"/api/v1/tags/karriar/posts",
		"/api/v1/people/{{anon_id}}/posts",
		"/api/v1/people/{{member_id}}/posts",
		"/api/v1/search?q=pinsamt",
		"/api/v1/search?q=tag:lon",
		"/api/v1/search?q=author:astrid",
		"/api/v1/search?q=astrid",
	}
	for _, as := range []string{"member", "mod", "owner", "outsider", "admin-admin"} {
		for _, url := range reads {
			rec := f.do("GET", url, "", as)
			if rec.Code != http.StatusOK {
				t.Errorf("GET %s as %s: %d %s", url, as, rec.Code, rec.Body)
				continue
			}
			body := rec.Body.String()
			for _, tr := range traces {
				if strings.Contains(body, tr) {
					t.Errorf("GET %s as %s reveals %q: %s", url, as, tr, body)
				}
			}
			if url == "/api/v1/posts/{{anon_q}}" {
				if p := decodeJSON[store.Post](t, rec); p.Mine || p.AuthorID != 0 || p.AuthorName != "" || p.AuthorDepartment != "" || !p.Anonymous {
					t.Errorf("GET %s as %s: post is not anonymous: %+v", url, as, p)
				}
			}
		}
	}

	// Where the question shows, it shows as anonymous, not as missing.
	for _, url := range []string{"/api/v1/posts/{{anon_q}}", "/api/v1/feed", "/api/v1/tags/lon/posts"} {
		rec := f.do("GET", url, "", "member")
		if body := rec.Body.String(); !strings.Contains(body, `"anonymous":true`) || !strings.Contains(body, "Hur ber jag om") {
			t.Errorf("GET %s: anonymous question missing: %s", url, body)
		}
	}
	// Her own person feed leaves the question out, even for her.
	for _, as := range []string{"member", "anon"} {
		if body := f.do("GET", "/api/v1/people/{{anon_id}}/posts", "", as).Body.String(); strings.Contains(body, "Hur ber jag om") {
			t.Errorf("person feed as %s lists the anonymous question: %s", as, body)
		}
	}
	// Her profile counts no posts: the anonymous one must not be counted.
	if body := f.do("GET", "/api/v1/people/{{anon_id}}", "", "member").Body.String(); !strings.Contains(body, `"stats":{"posts":0,"answers":0,"accepted_answers":0,"helped_me":0}`) {
		t.Errorf("profile counters count the anonymous post: %s", body)
	}
	// The author alone sees that it is hers, and her name on her revision.
	rec := f.do("GET", "/api/v1/posts/{{anon_q}}", "", "anon")
	if body := rec.Body.String(); !strings.Contains(body, `"mine":true`) || !strings.Contains(body, `"author_id":`+f.vars["anon_id"]) {
		t.Errorf("author does not see her own question as hers: %s", body)
	}
	if body := f.do("GET", "/api/v1/posts/{{anon_q}}/revisions", "", "anon").Body.String(); !strings.Contains(body, anonName) {
		t.Errorf("author does not see her own revision: %s", body)
	}
}

// TestHiddenIsLikeMissing compares, byte for byte, the answer about
// something hidden from the caller with the answer about something that
// never existed (DESIGN §3 rule 2).
func TestHiddenIsLikeMissing(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	pairs := []struct{ method, hidden, missing, body string }{
		{"GET", "/api/v1/communities/ledning", "/api/v1/communities/aldrig-funnits", ""},
		{"GET", "/api/v1/communities/ledning/posts", "/api/v1/communities/aldrig-funnits/posts", ""},
		{"GET", "/api/v1/communities/salj/posts", "/api/v1/communities/aldrig-funnits/posts", ""},
		{"GET", "/api/v1/communities/ledning/members", "/api/v1/communities/aldrig-funnits/members", ""},
		{"GET", "/api/v1/communities/salj/members", "/api/v1/communities/aldrig-funnits/members", ""},
		{"POST", "/api/v1/communities/ledning/join", "/api/v1/communities/aldrig-funnits/join", ""},
		{"POST", "/api/v1/communities/ledning/posts", "/api/v1/communities/aldrig-funnits/posts", `{"type":"tip","title":"Ett tips","body":"Text"}`},
		{"PATCH", "/api/v1/communities/ledning", "/api/v1/communities/aldrig-funnits", `{"name":"Nytt namn"}`},
		{"GET", "/api/v1/posts/{{ledning_post}}", "/api/v1/posts/987654321", ""},
		{"GET", "/api/v1/posts/{{salj_post}}", "/api/v1/posts/987654321", ""},
		{"GET", "/api/v1/posts/{{salj_post}}/revisions", "/api/v1/posts/987654321/revisions", ""},
		{"POST", "/api/v1/posts/{{ledning_post}}/comments", "/api/v1/posts/987654321/comments", `{"body":"Hej"}`},
		{"POST", "/api/v1/posts/{{ledning_post}}/reactions", "/api/v1/posts/987654321/reactions", `{"kind":"like"}`},
		{"DELETE", "/api/v1/posts/{{ledning_post}}", "/api/v1/posts/987654321", ""},
	}
	for _, p := range pairs {
		h := f.do(p.method, p.hidden, p.body, "outsider")
		m := f.do(p.method, p.missing, p.body, "outsider")
		if h.Code != http.StatusNotFound || m.Code != http.StatusNotFound {
			t.Errorf("%s %s: %d, %s: %d; want both 404", p.method, p.hidden, h.Code, p.missing, m.Code)
		}
		if h.Body.String() != m.Body.String() {
			t.Errorf("%s %s answers %q, a missing one %q", p.method, p.hidden, h.Body, m.Body)
		}
		for _, k := range []string{"Content-Type", "Content-Length", "Cache-Control", "Allow", "WWW-Authenticate"} {
			if h.Header().Get(k) != m.Header().Get(k) {
				t.Errorf("%s %s: header %s %q, a missing one %q", p.method, p.hidden, k, h.Header().Get(k), m.Header().Get(k))
			}
		}
	}
	// The directory and every count behave as if the secret community were absent.
	body := f.do("GET", "/api/v1/communities", "", "outsider").Body.String()
	if strings.Contains(body, "ledning") {
		t.Errorf("directory shows the secret community: %s", body)
	}
}
