package store_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
)

// TestCreatePosts writes posts in bulk exactly as one by one: counted,
// searchable, followed by their authors.
func TestCreatePosts(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	owner := w.person("Olle Owner")
	c := w.community(owner, "bulk", store.VisibilityOpen)
	ids, err := w.s.CreatePosts(t.Context(), []store.NewPost{
		{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeTip, Title: "Bulk one", Body: "Första *texten*", Language: "sv"},
		{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeIdea, Title: "Bulk two", Body: "Second text", Language: "en", Tags: []string{"bulk"}},
	})
	if err != nil || len(ids) != 2 || ids[0] == ids[1] {
		t.Fatalf("CreatePosts = %v, %v; want two ids", ids, err)
	}
	if got := w.find(viewer(owner), "bulk"); !slices.Equal(sorted(got), sorted(ids)) {
		t.Errorf("search bulk = %v, want %v", got, ids)
	}
	p := w.mustPost(viewer(owner), ids[1])
	if p.Status != "new" || !slices.Equal(p.Tags, []string{"bulk"}) || p.Excerpt != "Second text" {
		t.Errorf("bulk idea = %+v, want status new, tag bulk, excerpt", p)
	}
	if n := w.communityAs(viewer(owner), c.ID).PostCount; n != 2 {
		t.Errorf("post_count = %d, want 2", n)
	}
}

// TestSearchBounds counts matches only up to MaxSearchResults and offers
// posts with some of the words when all of them find few.
func TestSearchBounds(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	owner := w.person("Olle Owner")
	outsider := w.person("Otto Outsider")
	open := w.community(owner, "open", store.VisibilityOpen)
	closed := w.community(owner, "closed", store.VisibilityClosed)
	var many []store.NewPost
	for i := range store.MaxSearchResults + 5 {
		many = append(many, store.NewPost{CommunityID: open.ID, AuthorID: owner.ID, Type: store.TypeTip, Language: "sv",
			Title: fmt.Sprintf("Filterkaffe nummer %d", i), Body: "Om bryggning."})
	}
	if _, err := w.s.CreatePosts(t.Context(), many); err != nil {
		t.Fatal(err)
	}
	last := store.MaxSearchResults / 20
	res, err := w.s.Search(t.Context(), viewer(outsider), search.Parse("filterkaffe"), last, 20)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != store.MaxSearchResults || !res.More || res.Pages() != last || len(res.Hits) != 20 {
		t.Errorf("many matches, page %d: total %d, more %v, pages %d, %d hits; want %d, true, %d, 20",
			last, res.Total, res.More, res.Pages(), len(res.Hits), store.MaxSearchResults, last)
	}
	if res, _ := w.s.Search(t.Context(), viewer(outsider), search.Parse("filterkaffe"), last+1, 20); len(res.Hits) != 0 {
		t.Errorf("page %d: %d hits, want none", last+1, len(res.Hits))
	}

	post := func(c store.Community, title string) int64 {
		return w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Title: title, Body: "Text.", Language: "sv"})
	}
	both := post(open, "Espresso och bönor")
	one := post(open, "Espresso i köket")
	other := post(open, "Bönor från Etiopien")
	post(open, "Något helt annat")
	hidden := post(closed, "Espresso i styrelserummet")
	res, err = w.s.Search(t.Context(), viewer(outsider), search.Parse("espresso bönor"), 1, 20)
	if err != nil {
		t.Fatal(err)
	}
	var partial []int64
	for _, h := range res.Partial {
		partial = append(partial, h.ID)
	}
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != both || !slices.Equal(sorted(partial), sorted([]int64{one, other})) {
		t.Errorf("espresso bönor: hits %v total %d, partial %v; want [%d] 1, [%d %d] (never the closed %d)",
			postsOf(res), res.Total, partial, both, one, other, hidden)
	}
	if res.Partial[0].Text == "" || res.Partial[0].Tags == nil {
		t.Errorf("partial hits lack text or tags: %+v", res.Partial[0])
	}
	if res, _ := w.s.Search(t.Context(), viewer(outsider), search.Parse("espresso bönor"), 2, 20); len(res.Partial) != 0 {
		t.Errorf("page 2 offers partial matches: %v", res.Partial)
	}
}

// TestRankWindow ranks only the newest matches of a query that matches more
// than the window, while counting them all.
func TestRankWindow(t *testing.T) {
	defer store.SetRankWindow(3)()
	w := newWorld(t)
	owner := w.person("Olle Owner")
	c := w.community(owner, "open", store.VisibilityOpen)
	post := func(title string) int64 {
		return w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Title: title, Body: "Text.", Language: "sv"})
	}
	oldest := post("Kanelbulle kanelbulle kanelbulle")
	var newest []int64
	for i := range 4 {
		newest = append(newest, post(fmt.Sprintf("Kanelbulle nummer %d", i)))
	}
	res, err := w.s.Search(t.Context(), viewer(owner), search.Parse("kanelbulle"), 1, 20)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sorted(ids(postsOf(res))), sorted(newest[1:]); res.Total != 5 || !slices.Equal(got, want) {
		t.Errorf("window of 3: total %d, hits %v; want 5 and the newest three %v (not the oldest %d, nor %d)", res.Total, got, want, oldest, newest[0])
	}
}
