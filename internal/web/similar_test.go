package web_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// TestSimilarAndExperts runs similar questions (the fragment for the
// composer's script and the check before posting, without JavaScript) and
// the expert finder (its page, the link from search, the box on an
// unanswered question) through the fixture, with DESIGN §3 on each.
func TestSimilarAndExperts(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	alice, bodil, carl := f.people["alice"].ID, f.people["bodil"].ID, f.people["carl"].ID
	community := func(slug string) store.Community {
		c, err := f.s.CommunityBySlug(ctx, store.Viewer{ID: alice}, slug)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	open, closed, secret := community("allmant"), community("saljcoacher"), community("orion")
	if err := f.s.Join(ctx, carl, open.ID); err != nil {
		t.Fatal(err)
	}
	post := func(c store.Community, by int64, typ, title string) int64 {
		id, err := f.s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: by, Type: typ, Title: title, Body: "Text.", Language: "sv"})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	answer := func(postID, by int64, body string, accept bool) {
		id, err := f.s.CreateReply(ctx, store.NewReply{PostID: postID, Kind: store.ReplyAnswer, AuthorID: by, Body: body})
		if err != nil {
			t.Fatal(err)
		}
		if accept {
			var asker int64 = alice
			if postID == f.posts["anon"] {
				asker = bodil
			}
			if err := f.s.Accept(ctx, asker, postID, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	post(closed, alice, "question", "Bokar säljarna mötesrum "+closedCanary+"?")
	post(secret, alice, "question", "Bokar vi mötesrum för "+secretCanary+"?")
	answer(f.posts["open"], carl, "Boka mötesrum i kalendern under **Resurser**.", true)
	projektorClosed := post(closed, alice, "question", "Projektor i säljrummet")
	answer(projektorClosed, alice, "Projektorn står i skåpet.", true)
	answer(f.posts["anon"], bodil, "Jag sa nej till chefen till slut.", true)
	unanswered := post(open, alice, "question", "Har mötesrummen projektor?")

	q := url.QueryEscape
	tests := []struct {
		name, method, url, as         string
		form                          url.Values
		wantStatus                    int
		wantContains, wantNotContains []string
	}{
		{name: "similar needs sign-in", method: "GET", url: "/similar?title=" + q("boka mötesrum"), wantStatus: 303},
		{name: "similar fragment for the composer", method: "GET", url: "/similar?title=" + q("Var bokar man mötesrum"), as: "dave", wantStatus: 200,
			wantContains:    []string{"Liknande frågor", "Hur bokar jag ett mötesrum?", "Accepterat svar", "Boka mötesrum i kalendern under Resurser", "1 svar", `href="/p/` + id(f.posts["open"]) + `"`},
			wantNotContains: []string{closedCanary, secretCanary, "<html", "**"}},
		{name: "similar while typing the last word", method: "GET", url: "/similar?title=" + q("bokar mötesr"), as: "dave", wantStatus: 200,
			wantContains: []string{"Hur bokar jag ett mötesrum?"}},
		{name: "similar closed and secret questions for members", method: "GET", url: "/similar?title=" + q("bokar mötesrum"), as: "alice", wantStatus: 200,
			wantContains: []string{closedCanary, secretCanary}},
		{name: "similar to an admin who is no member", method: "GET", url: "/similar?title=" + q("bokar mötesrum"), as: "admin", wantStatus: 200,
			wantContains: []string{"Hur bokar jag ett mötesrum?"}, wantNotContains: []string{closedCanary, secretCanary}},
		{name: "similar anonymous question names no one", method: "GET", url: "/similar?title=" + q("säga nej till chefen"), as: "alice", wantStatus: 200,
			wantContains: []string{"Hur säger jag nej till min chef?"}, wantNotContains: []string{anonName, "/u/" + id(bodil)}},
		{name: "similar finds nothing for nothing", method: "GET", url: "/similar?title=" + q("och det"), as: "dave", wantStatus: 200,
			wantNotContains: []string{"Liknande"}},

		{name: "a question with similar ones is shown them first", method: "POST", url: "/c/allmant/posts", as: "bodil",
			form:       url.Values{"type": {"question"}, "title": {"Var bokar man mötesrum?"}, "body": {"Hittar inte."}, "language": {"sv"}},
			wantStatus: 200, wantContains: []string{"Det finns frågor som liknar din", "Hur bokar jag ett mötesrum?", "Publicera ändå",
				`name="similar_checked" value="1"`, `value="Var bokar man mötesrum?"`, "Hittar inte."},
			wantNotContains: []string{closedCanary, secretCanary}},
		{name: "posting anyway posts", method: "POST", url: "/c/allmant/posts", as: "bodil",
			form:       url.Values{"type": {"question"}, "title": {"Var bokar man mötesrum?"}, "body": {"Hittar inte."}, "language": {"sv"}, "similar_checked": {"1"}},
			wantStatus: 303},
		{name: "the preview shows similar questions too", method: "POST", url: "/c/allmant/posts", as: "bodil",
			form:       url.Values{"type": {"question"}, "title": {"Mötesrum bokar"}, "body": {"*Hej*"}, "language": {"sv"}, "action": {"preview"}},
			wantStatus: 200, wantContains: []string{"<em>Hej</em>", "Hur bokar jag ett mötesrum?", "Publicera ändå"}},
		{name: "a tip is not checked", method: "POST", url: "/c/allmant/posts", as: "bodil",
			form:       url.Values{"type": {"tip"}, "title": {"Boka mötesrum i tid"}, "body": {"Gör det."}, "language": {"sv"}},
			wantStatus: 303},
		{name: "a question like nothing posts at once", method: "POST", url: "/c/allmant/posts", as: "bodil",
			form:       url.Values{"type": {"question"}, "title": {"Vem vattnar blommorna?"}, "body": {"Undrar."}, "language": {"sv"}},
			wantStatus: 303},
		{name: "the composer asks for similar questions as you type", method: "GET", url: "/c/allmant/new", as: "bodil", wantStatus: 200,
			wantContains: []string{`data-similar="similar"`, `id="similar"`, `aria-live="polite"`}},

		{name: "experts page empty", method: "GET", url: "/experts", as: "dave", wantStatus: 200,
			wantContains: []string{"Vem kan om …?", `name="q"`}},
		{name: "experts for a subject", method: "GET", url: "/experts?q=" + q("mötesrum"), as: "dave", wantStatus: 200,
			wantContains:    []string{"Vem kan om mötesrum?", "Carl Annanmod", "1 accepterat svar", `href="/p/` + id(f.posts["open"]) + `"`},
			wantNotContains: []string{closedCanary, secretCanary}},
		{name: "experts from closed content only for members", method: "GET", url: "/experts?q=projektor", as: "dave", wantStatus: 200,
			wantContains: []string{"Ingen hittades"}, wantNotContains: []string{"Alice Ägare", "säljrummet"}},
		{name: "experts from closed content for a member", method: "GET", url: "/experts?q=projektor", as: "alice", wantStatus: 200,
			wantContains: []string{"Alice Ägare", "Projektor i säljrummet"}},
		{name: "anonymous work counts for no one", method: "GET", url: "/experts?q=chef", as: "alice", wantStatus: 200,
			wantNotContains: []string{anonName, "/u/" + id(bodil)}},
		{name: "experts need sign-in", method: "GET", url: "/experts?q=chef", wantStatus: 303},
		{name: "search links to the expert finder", method: "GET", url: "/search?q=" + q("mötesrum tag:teams"), as: "dave", wantStatus: 200,
			wantContains: []string{"Vem kan om mötesrum?", `href="/experts?q=m%c3%b6tesrum"`}},
		{name: "search offers posts with some of the words", method: "GET", url: "/search?q=" + q("mötesrum projektor"), as: "dave", wantStatus: 200,
			wantContains:    []string{"1 träff<", "Har <mark>mötesrummen</mark> <mark>projektor</mark>?", "Träffar med några av orden", "Hur bokar jag ett <mark>mötesrum</mark>?"},
			wantNotContains: []string{closedCanary, "säljrummet"}},
		{name: "an unanswered question suggests people to ask", method: "GET", url: "/p/" + id(unanswered), as: "dave", wantStatus: 200,
			wantContains: []string{"Fråga de här personerna", "Carl Annanmod"}, wantNotContains: []string{closedCanary}},
		{name: "no one is suggested to themself", method: "GET", url: "/p/" + id(unanswered), as: "carl", wantStatus: 200,
			wantNotContains: []string{`class="expert-name"><a href="/u/` + id(carl) + `"`}},
		{name: "an answered question has no box", method: "GET", url: "/p/" + id(f.posts["open"]), as: "dave", wantStatus: 200,
			wantNotContains: []string{"Fråga de här personerna"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := f.do(tc.method, tc.url, tc.as, tc.form)
			if resp.StatusCode != tc.wantStatus {
				t.Fatalf("%s %s as %q: status %d, want %d", tc.method, tc.url, tc.as, resp.StatusCode, tc.wantStatus)
			}
			for _, want := range tc.wantContains {
				if !strings.Contains(body, want) {
					t.Errorf("body does not contain %q:\n%s", want, body)
				}
			}
			for _, bad := range tc.wantNotContains {
				if strings.Contains(body, bad) {
					t.Errorf("body contains %q", bad)
				}
			}
		})
	}
}
