package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// TestSearchPage runs the search page through the fixture: results with
// highlights, counts, paging, empty states, and DESIGN §3 on every row.
func TestSearchPage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	open, err := f.s.CommunityBySlug(ctx, store.Viewer{ID: f.people["alice"].ID}, "allmant")
	if err != nil {
		t.Fatal(err)
	}
	alice := f.people["alice"].ID
	if _, err := f.s.CreatePost(ctx, store.NewPost{CommunityID: open.ID, AuthorID: alice, Type: "tip", Language: "sv",
		Title: `<script>alert("titel")</script> Mötesbokning`, Body: `Om mötesbokning: <img src=x onerror=alert(1)> & "citat" <b>fet</b>`}); err != nil {
		t.Fatal(err)
	}
	for i := range 25 {
		if _, err := f.s.CreatePost(ctx, store.NewPost{CommunityID: open.ID, AuthorID: alice, Type: "tip", Language: "sv",
			Title: fmt.Sprintf("Pappersarbete del %d", i+1), Body: "Blanketter och pärmar."}); err != nil {
			t.Fatal(err)
		}
	}
	q := func(s string) string { return "/search?q=" + url.QueryEscape(s) }
	tests := []struct {
		name, url, as                 string
		wantStatus                    int
		wantContains, wantNotContains []string
	}{
		{name: "signed out goes to sign-in", url: q("mötesrum"), wantStatus: 303},
		{name: "empty search shows the box and help", url: "/search", as: "dave", wantStatus: 200,
			wantContains:    []string{`role="search"`, `name="q"`, "Vad letar du efter?", "<code>tag:crm</code>", "<code>is:unanswered</code>", "<code>&#34;exakt fras&#34;</code>"},
			wantNotContains: []string{"träffar"}},
		{name: "a match is highlighted", url: q("mötesrummen"), as: "dave", wantStatus: 200,
			wantContains: []string{`value="mötesrummen"`, "1 träff<", "<mark>mötesrum</mark>", "Allmänt", "Alice Ägare", `type-question`, `href="/p/` + id(f.posts["open"]) + `"`}},
		{name: "words in the body are highlighted in the snippet", url: q("rummen"), as: "dave", wantStatus: 200,
			wantContains: []string{`<p class="excerpt snippet">Jag hittar inte <mark>rummen</mark>`}},
		{name: "text is escaped, only marks are HTML", url: q("mötesbokning"), as: "dave", wantStatus: 200,
			wantContains:    []string{"&lt;script&gt;alert(&#34;titel&#34;)&lt;/script&gt; <mark>Mötesbokning</mark>", "<mark>mötesbokning</mark>"},
			wantNotContains: []string{`<script>alert`, "<img src=x", "onerror=alert", "<b>fet"}},
		{name: "closed posts are not found by outsiders", url: q("stängt tips"), as: "dave", wantStatus: 200,
			wantContains: []string{"0 träffar", "Inga träffar"}, wantNotContains: []string{closedCanary}},
		{name: "closed tag is empty for outsiders", url: q("tag:closedtag"), as: "dave", wantStatus: 200,
			wantContains: []string{"0 träffar"}, wantNotContains: []string{closedCanary}},
		{name: "closed posts are found by members", url: q("stängt tips"), as: "alice", wantStatus: 200,
			wantContains: []string{"1 träff<", closedCanary}},
		{name: "secret posts are hidden from an admin who is no member", url: q("hemligt"), as: "admin", wantStatus: 200,
			wantContains: []string{"0 träffar"}, wantNotContains: []string{secretCanary, "Projekt Orion"}},
		{name: "secret community by slug is empty for outsiders", url: q("in:orion"), as: "carl", wantStatus: 200,
			wantContains: []string{"0 träffar"}, wantNotContains: []string{secretCanary}},
		{name: "secret posts are found by members", url: q("hemligt"), as: "alice", wantStatus: 200,
			wantContains: []string{secretCanary, "Projekt Orion"}},
		{name: "anonymous posts name no author", url: q("chef"), as: "alice", wantStatus: 200,
			wantContains: []string{"Hur säger jag nej till min <mark>chef</mark>?", "Anonym medlem"}, wantNotContains: []string{anonName, "/u/" + id(f.people["bodil"].ID)}},
		{name: "author filter never finds anonymous posts", url: q("author:bodil"), as: "alice", wantStatus: 200,
			wantContains: []string{"0 träffar"}, wantNotContains: []string{"Hur säger jag nej"}},
		{name: "filters that find nothing are offered away", url: q("mötesrum type:idea"), as: "dave", wantStatus: 200,
			wantContains: []string{"0 träffar", "Sök utan filter", `href="/search?q=m%C3%B6tesrum"`}},
		{name: "first page of many", url: q("pappersarbete"), as: "dave", wantStatus: 200,
			wantContains: []string{"25 träffar", "Sida 1 av 2", `rel="next"`, `href="/search?page=2&amp;q=pappersarbete"`}, wantNotContains: []string{`rel="prev"`}},
		{name: "second page", url: q("pappersarbete") + "&page=2", as: "dave", wantStatus: 200,
			wantContains: []string{"25 träffar", "Sida 2 av 2", `rel="prev"`, `href="/search?q=pappersarbete"`}, wantNotContains: []string{`rel="next"`}},
		{name: "past the last page", url: q("pappersarbete") + "&page=9", as: "dave", wantStatus: 200,
			wantContains: []string{"25 träffar", `href="/search?page=2&amp;q=pappersarbete"`}, wantNotContains: []string{"Pappersarbete del"}},
		{name: "a bad page number is the first page", url: q("pappersarbete") + "&page=x", as: "dave", wantStatus: 200,
			wantContains: []string{"Sida 1 av 2"}},
		{name: "malformed queries are words", url: q(`"mötesrum -  OR tag: (`), as: "dave", wantStatus: 200},
		{name: "only filters list by activity", url: q("type:idea"), as: "dave", wantStatus: 200,
			wantContains: []string{"1 träff<", "Fika varje fredag"}},
		{name: "every page has the search box", url: "/c", as: "dave", wantStatus: 200,
			wantContains: []string{`<form class="site-search" method="get" action="/search" role="search" aria-label="Sök i Tacit">`, `for="site-search-q"`}},
	}
	for _, tc := range tests {
		resp, body := f.do("GET", tc.url, tc.as, nil)
		if resp.StatusCode != tc.wantStatus {
			t.Errorf("%s: GET %s as %q: status %d, want %d", tc.name, tc.url, tc.as, resp.StatusCode, tc.wantStatus)
			continue
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
	}
}

// TestSearchPageEnglish: counts in English with the right plural.
func TestSearchPageEnglish(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.do("POST", "/lang", "dave", url.Values{"lang": {"en"}})
	for query, want := range map[string]string{"mötesrum": "1 result<", "nothingmatchesthis": "0 results", "type:question": "2 results"} {
		_, body := f.do("GET", "/search?q="+url.QueryEscape(query), "dave", nil)
		if !strings.Contains(body, want) {
			t.Errorf("search %q in English: body does not contain %q", query, want)
		}
	}
	_, body := f.do("GET", "/search", "dave", nil)
	for _, want := range []string{"<code>&#34;exact phrase&#34;</code>", "<code>-word</code>", `aria-label="Search Tacit"`} {
		if !strings.Contains(body, want) {
			t.Errorf("English search page does not contain %q", want)
		}
	}
}
