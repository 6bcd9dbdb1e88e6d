package store_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// TestSearchScopeFollowsMoves: the index holds each post's community, and
// the search of a reader of few posts is held to their communities inside
// the index. A post
// moved to another community is found by the readers of the new one and no
// longer by those of the old; a community opened to everyone needs no
// reindex.
func TestSearchScopeFollowsMoves(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Olle Owner")
	inA := w.person("Anna A")
	inB := w.person("Bertil B")
	inAB := w.person("Cecilia AB")
	a := w.community(owner, "scope-a", store.VisibilityClosed)
	b := w.community(owner, "scope-b", store.VisibilityClosed)
	c := w.community(owner, "scope-c", store.VisibilitySecret)
	w.add(a, inA, store.RoleMember)
	w.add(b, inB, store.RoleMember)
	w.add(a, inAB, store.RoleMember)
	w.add(b, inAB, store.RoleMember)
	post := w.post(store.NewPost{CommunityID: a.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: "Flamingos in the garden"})
	other := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: "Flamingos in secret"})
	// Posts elsewhere, so that a reader of one or two communities reads
	// few posts and is held to them inside the index (the owner, who reads
	// everything, is not).
	for i := range 4 {
		f := w.community(owner, fmt.Sprintf("scope-filler-%d", i), store.VisibilityClosed)
		w.post(store.NewPost{CommunityID: f.ID, AuthorID: owner.ID, Type: store.TypeTip, Title: "Something else"})
	}

	check := func(when string, want map[*store.Person][]int64) {
		t.Helper()
		for p, ids := range want {
			got := w.find(viewer(*p), "flamingos")
			slices.Sort(got)
			if !slices.Equal(got, ids) {
				t.Errorf("%s: %s finds %v, want %v", when, p.Name, got, ids)
			}
			sim, err := w.s.SimilarQuestions(ctx, viewer(*p), "flamingos garden", false, 0)
			if err != nil {
				t.Fatal(err)
			}
			var simIDs []int64
			for _, q := range sim {
				simIDs = append(simIDs, q.ID)
			}
			slices.Sort(simIDs)
			if want := slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return id == other }); !slices.Equal(simIDs, want) {
				t.Errorf("%s: %s is offered %v as similar, want %v", when, p.Name, simIDs, want)
			}
		}
	}
	check("in a", map[*store.Person][]int64{&inA: {post}, &inB: nil, &inAB: {post}, &owner: {post, other}})
	if err := w.s.MovePost(ctx, viewer(owner), post, b.ID, ""); err != nil {
		t.Fatal(err)
	}
	check("moved to b", map[*store.Person][]int64{&inA: nil, &inB: {post}, &inAB: {post}, &owner: {post, other}})
	if err := w.s.UpdateCommunity(ctx, owner.ID, b.ID, store.CommunitySettings{Name: b.Name, Kind: store.KindSubject, Visibility: store.VisibilityOpen}); err != nil {
		t.Fatal(err)
	}
	check("b opened", map[*store.Person][]int64{&inA: {post}, &inB: {post}, &inAB: {post}})
	if got := w.find(viewer(inA), "flamingos in:scope-c"); len(got) != 0 {
		t.Errorf("in: a secret community the viewer is not in finds %v", got)
	}
}

// TestSearchIndexUpgrade: a database indexed before migration 0012 (terms
// only) is searchable after it, held to each viewer's communities: on
// SQLite the index is made anew and Reindex writes every row; on
// PostgreSQL the migration gives each row its community itself.
func TestSearchIndexUpgrade(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	s, err := store.Open(ctx, storetest.URL(t), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.MigrateTo(ctx, 11); err != nil {
		t.Fatal(err)
	}
	person := func(name string) store.Person {
		p, err := s.CreatePerson(ctx, store.NewPerson{Email: name + "@example.org", Name: name, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	owner, x, y := person("owner"), person("x"), person("y")
	var ids []int64
	for i, m := range []store.Person{x, y, {}} {
		c, err := s.CreateCommunity(ctx, owner.ID, "upgrade-"+string(rune('a'+i)), store.CommunitySettings{Name: "C", Kind: store.KindSubject, Visibility: store.VisibilityClosed})
		if err != nil {
			t.Fatal(err)
		}
		if m.ID != 0 {
			if err := s.AddMember(ctx, owner.ID, c.ID, m.ID, store.RoleMember); err != nil {
				t.Fatal(err)
			}
		}
		id, err := s.InsertPostBefore0012(ctx, c.ID, owner.ID, "Pelicans at the lake")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	n, err := s.Reindex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[store.Dialect]int{store.SQLite: 3, store.Postgres: 0}[s.Dialect()]; n != want {
		t.Errorf("Reindex after 0012 wrote %d rows, want %d", n, want)
	}
	w := &world{t: t, s: s}
	for p, want := range map[*store.Person][]int64{&x: ids[:1], &y: ids[1:2], &owner: ids} {
		got := w.find(viewer(*p), "pelicans")
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("after 0012 %s finds %v, want %v", p.Name, got, want)
		}
	}
}

// TestMergeSearchIndex: merging the index written by many transactions
// ends in one segment (a second merge has nothing to do) and finds the same.
func TestMergeSearchIndex(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	owner := w.person("Olle Owner")
	c := w.community(owner, "merge", store.VisibilityOpen)
	var ids []int64
	for i := range 40 {
		ids = append(ids, w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeTip, Title: fmt.Sprintf("Pelargoner nummer %d", i)}))
	}
	before := w.find(viewer(owner), "pelargoner")
	if w.s.Dialect() == store.SQLite {
		// Forty transactions left segments to merge: one step does work,
		// so it cannot yet say the index is merged.
		if merged, err := w.s.MergeSearchIndex(t.Context(), 1); err != nil || merged {
			t.Errorf("first MergeSearchIndex(1 step) = %v, %v; want work done, not known merged", merged, err)
		}
	}
	merged, err := w.s.MergeSearchIndex(t.Context(), 1000)
	if err != nil || !merged {
		t.Fatalf("MergeSearchIndex = %v, %v; want merged", merged, err)
	}
	if w.s.Dialect() == store.SQLite {
		if merged, err := w.s.MergeSearchIndex(t.Context(), 1); err != nil || !merged {
			t.Errorf("second MergeSearchIndex(1 step) = %v, %v; want nothing left to merge", merged, err)
		}
	}
	if after := w.find(viewer(owner), "pelargoner"); !slices.Equal(after, before) || len(after) != len(ids) {
		t.Errorf("after merging: %v, before %v (of %d)", after, before, len(ids))
	}
}

// TestRankWindowInScope: the rank window (the newest matches, ranked) is
// taken of what a reader of few communities may read, so newer posts
// elsewhere cannot push their posts out of it and leave the pages the
// count promises empty (the gap docs/search.md described before the scope).
func TestRankWindowInScope(t *testing.T) {
	defer store.SetRankWindow(3)()
	w := newWorld(t)
	owner := w.person("Olle Owner")
	reader := w.person("Rita Reader")
	mine := w.community(owner, "window-mine", store.VisibilityClosed)
	w.add(mine, reader, store.RoleMember)
	var want []int64
	for i := range 2 {
		want = append(want, w.post(store.NewPost{CommunityID: mine.ID, AuthorID: owner.ID, Type: store.TypeTip, Title: fmt.Sprintf("Tulpaner %d", i)}))
	}
	for i := range 8 {
		c := w.community(owner, fmt.Sprintf("window-other-%d", i), store.VisibilityClosed)
		w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeTip, Title: "Tulpaner här också"})
	}
	got := w.find(viewer(reader), "tulpaner")
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("a reader of one community finds %v, want %v", got, want)
	}
}

// TestSearchWeightsFromNewestPosts: on SQLite a word weighs by how many
// posts hold it (BM25's IDF), counted among the newest posts (the rank
// sample) and exactly when the index holds no more than that. Two posts
// each hold both words of the query, one mostly "zorblax", the other mostly
// "quimzy"; "zorblax" is rare in the whole index and common among the
// newest posts. Counted over everything, the zorblax post ranks first;
// counted over the newest six, the quimzy post does. Search therefore ranks
// with the sampled weights, and with none of the index's own.
func TestSearchWeightsFromNewestPosts(t *testing.T) {
	w := newWorld(t)
	if w.s.Dialect() != store.SQLite {
		t.Skip("PostgreSQL ranks by ts_rank_cd, which weighs no word by how common it is")
	}
	owner := w.person("Olle Owner")
	c := w.community(owner, "weights", store.VisibilityOpen)
	post := func(title, body string) int64 {
		return w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeTip, Title: title, Body: body})
	}
	for i := range 10 {
		post(fmt.Sprintf("Quimzy notes %d", i), "quimzy and more")
	}
	zorblax := post("Zorblax", "zorblax zorblax quimzy")
	quimzy := post("Quimzy", "quimzy quimzy zorblax")
	for i := range 4 {
		post(fmt.Sprintf("Zorblax notes %d", i), "zorblax and more")
	}
	first := func(sample int) int64 {
		t.Helper()
		defer store.SetRankSample(sample)()
		got := w.find(viewer(owner), "zorblax quimzy")
		if len(got) != 2 {
			t.Fatalf("sample %d: found %v, want the two posts with both words", sample, got)
		}
		return got[0]
	}
	if got := first(100); got != zorblax {
		t.Errorf("weights counted over the whole index: %d ranks first, want the zorblax post %d", got, zorblax)
	}
	if got := first(6); got != quimzy {
		t.Errorf("weights counted over the newest six posts: %d ranks first, want the quimzy post %d", got, quimzy)
	}
}
