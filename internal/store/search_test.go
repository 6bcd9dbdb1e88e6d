package store_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
)

// find runs a search as v and returns the ids of every hit on every page,
// checking that the total agrees with what the pages hold.
func (w *world) find(v store.Viewer, query string) []int64 {
	w.t.Helper()
	var out []int64
	var total int64
	for page := 1; page <= store.MaxSearchPage; page++ {
		res, err := w.s.Search(w.t.Context(), v, search.Parse(query), page, 7)
		if err != nil {
			w.t.Fatalf("Search(viewer %d, %q, page %d): %v", v.ID, query, page, err)
		}
		if page == 1 {
			total = res.Total
		} else if res.Total != total {
			w.t.Errorf("Search(%q): total %d on page %d, %d on page 1", query, res.Total, page, total)
		}
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		if len(res.Hits) < 7 {
			break
		}
	}
	if int64(len(out)) != total {
		w.t.Errorf("Search(viewer %d, %q): pages hold %d hits, total says %d", v.ID, query, len(out), total)
	}
	return out
}

// TestSearchLanguage finds the examples of issue 3 in Swedish and English:
// inflected forms, compounds by their parts, and å, ä and ö as letters.
func TestSearchLanguage(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	owner := w.person("Olle Ägare")
	c := w.community(owner, "allmant", store.VisibilityOpen)
	post := func(lang, title, body string) int64 {
		return w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Language: lang, Title: title, Body: body})
	}
	omelett := post("sv", "Hur gör man en omelett?", "Jag vispar ägg och steker i smör.")
	genvag := post("sv", "Genvägar i CRM-systemet", "Det finns en genväg för att skapa ett nytt kundtjänstärende direkt från inkorgen.")
	fraga := post("sv", "Frågan om kaffet på kontoret", "Maskinen i mötesrummet är trasig igen.")
	shortcut := post("en", "Keyboard shortcuts in the CRM", "Press Ctrl+K to search: this shortcut saves time.")
	bonor := post("sv", "Var står bönorna?", "Till fikat i köket.")
	bon := post("sv", "Fåglar på taket", "De bygger bon under taket vid lastkajen.")
	ost := post("sv", "Ost till frukost", "Vilken ost passar bäst?")

	for _, tc := range []struct {
		q    string
		want []int64
	}{
		{"omelett", []int64{omelett}},
		{"omeletter", []int64{omelett}},
		{"omeletten", []int64{omelett}},
		{"omeletterna", []int64{omelett}},
		{"genväg", []int64{genvag}},
		{"genvägar", []int64{genvag}},
		{"fråga", []int64{fraga}},
		{"frågan", []int64{fraga}},
		{"frågor", []int64{fraga}},
		{"shortcut", []int64{shortcut}},
		{"shortcuts", []int64{shortcut}},
		{"kundtjänstärende", []int64{genvag}},
		{"kundtjänst", []int64{genvag}},
		{"ärende", []int64{genvag}},
		{"bön", []int64{bonor}},
		{"bon", []int64{bon}},
		{"öst", nil},
		{"ost", []int64{ost}},
		{"KAFFET", []int64{fraga}},
		{"crm", []int64{genvag, shortcut}},
	} {
		if got := sorted(w.find(viewer(owner), tc.q)); !slices.Equal(got, sorted(tc.want)) {
			t.Errorf("search %q found %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestSearchSyntax checks the query language against real stores: phrases,
// exclusions, OR and every filter.
func TestSearchSyntax(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	anna := w.person("Anna Berg")
	asa := w.person("Åsa Öberg")
	fika := w.community(anna, "fika", store.VisibilityOpen)
	salj := w.community(anna, "salj", store.VisibilityOpen)
	w.add(fika, asa, store.RoleMember)
	w.add(salj, asa, store.RoleMember)

	brew := w.post(store.NewPost{CommunityID: fika.ID, AuthorID: anna.ID, Type: store.TypeQuestion, Language: "en",
		Title: "How to brew better coffee", Body: "With fresh beans and a burr grinder.", Tags: []string{"kaffe"}})
	better := w.post(store.NewPost{CommunityID: fika.ID, AuthorID: asa.ID, Type: store.TypeTip, Language: "en",
		Title: "Better brew for the team", Body: "Espresso for everyone.", Tags: []string{"kaffe", "crm"}})
	tea := w.post(store.NewPost{CommunityID: salj.ID, AuthorID: asa.ID, Type: store.TypeQuestion, Language: "en",
		Title: "Tea or coffee at customer meetings?", Body: "What do customers expect?", Tags: []string{"crm"}})
	w.reply(store.NewReply{PostID: tea, Kind: store.ReplyAnswer, AuthorID: anna.ID, Body: "Offer both, with biscuits."})
	anon := w.post(store.NewPost{CommunityID: fika.ID, AuthorID: asa.ID, Anonymous: true, Type: store.TypeQuestion, Language: "en",
		Title: "Is coffee at every meeting too much?", Body: "I drink too much coffee."})

	all := []int64{brew, better, tea, anon}
	for _, tc := range []struct {
		q    string
		want []int64
	}{
		{"coffee", []int64{brew, tea, anon}},
		{`"brew better coffee"`, []int64{brew}},
		{`"better brew"`, []int64{better}},
		{"coffee -tea", []int64{brew, anon}},
		{`coffee -"customer meetings"`, []int64{brew, anon}},
		{"espresso OR biscuits", []int64{better, tea}},
		{"biscuits", []int64{tea}}, // an answer's words find the question
		{"tag:kaffe", []int64{brew, better}},
		{"tag:kaffe tag:crm", []int64{better}},
		{"tag:#CRM", []int64{better, tea}},
		{"coffee tag:crm", []int64{tea}},
		{"type:question", []int64{brew, tea, anon}},
		{"type:fråga type:tips", all},
		{"brew type:tip", []int64{better}},
		{"in:salj", []int64{tea}},
		{"coffee in:fika", []int64{brew, anon}},
		{"in:fika in:salj tag:crm", []int64{better, tea}},
		{"in:no-such-community", nil},
		{"is:unanswered", []int64{brew, anon}},
		{"is:answered", []int64{tea}},
		{"coffee is:obesvarade", []int64{brew, anon}},
		{"author:anna", []int64{brew}},
		{"author:berg", []int64{brew}},
		{`author:"anna berg"`, []int64{brew}},
		{"author:anna.berg@example.org", []int64{brew}},
		{"author:åsa", []int64{better, tea}}, // never the anonymous question
		{"author:öberg coffee", []int64{tea}},
		{"author:nobody", nil},
		{"", all},
		{"-espresso", []int64{brew, tea, anon}},
		{"-espresso -biscuits type:question", []int64{brew, anon}},
		{"the", all}, // only stop words: listed by the filters alone
	} {
		if got := sorted(w.find(viewer(anna), tc.q)); !slices.Equal(got, sorted(tc.want)) {
			t.Errorf("search %q found %v, want %v", tc.q, got, tc.want)
		}
	}

	// Without text, posts come by latest activity, like a feed.
	res, err := w.s.Search(ctx, viewer(anna), search.Parse("type:question"), 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(postsOf(res)); !slices.Equal(got, []int64{anon, tea, brew}) {
		t.Errorf("type:question lists %v, want by activity %v", got, []int64{anon, tea, brew})
	}
}

func postsOf(res store.SearchResult) []store.Post {
	out := make([]store.Post, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.Post
	}
	return out
}

// TestSearchMalformed: nothing a person types makes search fail.
func TestSearchMalformed(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	owner := w.person("Olle")
	c := w.community(owner, "c", store.VisibilityOpen)
	w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Title: "Kaffe och kakor", Body: "NEAR och OR och AND"})
	for _, q := range []string{
		`"`, `"kaffe`, `kaffe"`, `-`, `--`, `- kaffe`, `OR`, `kaffe OR`, `OR kaffe`, `OR OR OR`, `AND`, `NOT kaffe`,
		`tag:`, `type:`, `type:nonsense`, `in:`, `in:Not A Slug`, `in:"två ord"`, `is:`, `is:maybe`, `author:`, `author:"`,
		`((`, `)`, `NEAR(kaffe kakor)`, `kaffe*`, `*`, `^kaffe`, `kaffe:kakor`, `{terms}: kaffe`, `'`, `''`, `\`, `'; DROP TABLE posts; --`,
		`kaffe & !kakor`, `kaffe | kakor`, `kaffe <-> kakor`, `:*`, "\x00\x01kaffe", "kaf\xffe", "🙂", "e-", "-e-",
		strings.Repeat("kaffe ", 500), strings.Repeat(`"`, 101), strings.Repeat("a", 5000),
	} {
		if _, err := w.s.Search(t.Context(), viewer(owner), search.Parse(q), 1, 20); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
		pq := search.Parse(q)
		pq.Prefix = true
		if _, err := w.s.Search(t.Context(), viewer(owner), pq, 2, 20); err != nil {
			t.Errorf("Search(%q as prefix, page 2): %v", q, err)
		}
	}
	for _, page := range []int{-1, 0, 1, 2, store.MaxSearchPage, store.MaxSearchPage + 1, 1 << 30} {
		res, err := w.s.Search(t.Context(), viewer(owner), search.Parse("kaffe"), page, 20)
		if err != nil {
			t.Errorf("Search page %d: %v", page, err)
		}
		if res.Total != 1 {
			t.Errorf("Search page %d: total %d, want 1", page, res.Total)
		}
	}
}

// TestSearchSafeZone plants canary words in the title, body, answers,
// comments and tags of closed and secret posts, and checks that nobody who
// may not read them finds them, counts them or sees them in a snippet: an
// outsider, a removed member and an organisation admin who is not a member.
func TestSearchSafeZone(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Olle Owner")
	member := w.person("Maja Member")
	removed := w.person("Rune Removed")
	outsider := w.person("Xena Outsider")
	admin := w.person("Ada Admin", asAdmin)

	type canary struct{ vis, where, word string }
	var canaries []canary
	shared := map[string]int64{} // the word "fikarast" in every community
	for _, vis := range store.Visibilities {
		c := w.community(owner, vis, vis)
		w.add(c, member, store.RoleMember)
		w.add(c, removed, store.RoleMember)
		word := func(where string) string {
			cw := fmt.Sprintf("%s%scanary", vis, where)
			canaries = append(canaries, canary{vis, where, cw})
			return cw
		}
		id := w.post(store.NewPost{CommunityID: c.ID, AuthorID: member.ID, Type: store.TypeQuestion,
			Title: "Fikarast " + word("title"), Body: "Om fikarast och " + word("body"), Tags: []string{word("tag")}})
		answer := w.reply(store.NewReply{PostID: id, Kind: store.ReplyAnswer, AuthorID: owner.ID, Body: "Svar med " + word("answer")})
		w.reply(store.NewReply{PostID: id, ParentID: answer, Kind: store.ReplyComment, AuthorID: member.ID, Body: "Kommentar med " + word("comment")})
		w.reply(store.NewReply{PostID: id, Kind: store.ReplyComment, AuthorID: member.ID, Body: "Direkt kommentar " + word("postcomment")})
		shared[vis] = id
		if err := w.s.Leave(ctx, owner.ID, c.ID, removed.ID); err != nil {
			t.Fatalf("remove member: %v", err)
		}
	}

	for _, cn := range canaries {
		for _, who := range []store.Person{outsider, removed, admin, member} {
			mayRead := cn.vis == store.VisibilityOpen || who.ID == member.ID
			for _, q := range []string{cn.word, "fikarast " + cn.word, cn.word + " in:" + cn.vis, "tag:" + cn.word, cn.word[:len(cn.word)-3] + " OR " + cn.word} {
				if strings.HasPrefix(q, "tag:") && cn.where != "tag" {
					continue
				}
				res, err := w.s.Search(ctx, viewer(who), search.Parse(q), 1, 20)
				if err != nil {
					t.Fatalf("Search(%q): %v", q, err)
				}
				found := len(res.Hits) == 1 && res.Hits[0].ID == shared[cn.vis] && res.Total == 1
				if mayRead != found {
					t.Errorf("%s searching %q (%s %s): hits %v total %d; may read: %v", who.Name, q, cn.vis, cn.where, ids(postsOf(res)), res.Total, mayRead)
				}
			}
		}
	}

	// Totals and snippets of a word every community shares.
	for _, who := range []store.Person{outsider, removed, admin, member} {
		res, err := w.s.Search(ctx, viewer(who), search.Parse("fikarast"), 1, 20)
		if err != nil {
			t.Fatal(err)
		}
		want := []int64{shared[store.VisibilityOpen]}
		if who.ID == member.ID {
			want = []int64{shared[store.VisibilityOpen], shared[store.VisibilityClosed], shared[store.VisibilitySecret]}
		}
		if got := sorted(ids(postsOf(res))); !slices.Equal(got, sorted(want)) || res.Total != int64(len(want)) {
			t.Errorf("%s: fikarast found %v (total %d), want %v", who.Name, got, res.Total, want)
		}
		for _, h := range res.Hits {
			for _, cn := range canaries {
				if cn.vis != store.VisibilityOpen && who.ID != member.ID && (strings.Contains(h.Text, cn.word) || strings.Contains(h.Title, cn.word)) {
					t.Errorf("%s: a hit carries the %s canary %q", who.Name, cn.vis, cn.word)
				}
			}
		}
		// A query that lists by filters alone obeys the same rule.
		res, err = w.s.Search(ctx, viewer(who), search.Parse("type:question"), 1, 20)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != int64(len(want)) {
			t.Errorf("%s: type:question counts %d, want %d", who.Name, res.Total, len(want))
		}
	}
	// The member's snippets hold the answer and comment text.
	res, err := w.s.Search(ctx, viewer(member), search.Parse("closedcommentcanary"), 1, 20)
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("member search: %v %v", res, err)
	}
	if s, spans := search.Snippet(res.Hits[0].Text, search.Parse("closedcommentcanary"), 200); len(spans) != 1 || s[spans[0].Start:spans[0].End] != "closedcommentcanary" {
		t.Errorf("snippet %q highlights %v, want the comment's canary", s, spans)
	}
}

// TestSearchAnonymous: an anonymous post is found by its words, never by
// its author, and its hits carry no trace of who wrote it.
func TestSearchAnonymous(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	asker := w.person("Bodil Hemlig")
	reader := w.person("Rut Läsare")
	c := w.community(asker, "fragor", store.VisibilityOpen)
	w.add(c, reader, store.RoleMember)
	anon := w.post(store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Anonymous: true, Type: store.TypeQuestion,
		Title: "Hur ber jag om löneförhöjning?", Body: "Jag vet inte hur man börjar."})
	named := w.post(store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Type: store.TypeTip, Title: "Löneförhöjning: mitt tips", Body: "Var förberedd."})
	w.reply(store.NewReply{PostID: anon, Kind: store.ReplyComment, AuthorID: asker.ID, Body: "Tack för svaren!"})

	for _, tc := range []struct {
		q    string
		want []int64
	}{
		{"löneförhöjning", []int64{anon, named}},
		{"bodil", nil},
		{"hemlig", nil},
		{"author:bodil", []int64{named}},
		{"author:hemlig löneförhöjning", []int64{named}},
		{"author:bodil.hemlig@example.org", []int64{named}},
	} {
		for _, v := range []store.Person{reader, asker} {
			if got := sorted(w.find(viewer(v), tc.q)); !slices.Equal(got, sorted(tc.want)) {
				t.Errorf("%s searching %q found %v, want %v", v.Name, tc.q, got, tc.want)
			}
		}
	}
	res, err := w.s.Search(t.Context(), viewer(reader), search.Parse("löneförhöjning tack"), 1, 10)
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search: %+v %v", res, err)
	}
	h := res.Hits[0]
	if !h.Anonymous || h.AuthorID != 0 || h.AuthorName != "" || h.AuthorDepartment != "" || h.Mine {
		t.Errorf("anonymous hit names its author to a reader: %+v", h.Post)
	}
	if strings.Contains(h.Text, "Bodil") || strings.Contains(h.Text, "Hemlig") {
		t.Errorf("anonymous hit text names its author: %q", h.Text)
	}
	res, _ = w.s.Search(t.Context(), viewer(asker), search.Parse("löneförhöjning tack"), 1, 10)
	if len(res.Hits) != 1 || !res.Hits[0].Mine {
		t.Errorf("the asker does not see that the anonymous hit is theirs: %+v", res.Hits)
	}
}

// TestSearchFollowsWrites: every write updates the index in its own
// transaction, so an old word stops matching at once.
func TestSearchFollowsWrites(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Olle")
	v := viewer(owner)
	c := w.community(owner, "c", store.VisibilityOpen)
	id := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: "Gammal rubrik", Body: "Gammal brödtext", Tags: []string{"gammaltagg"}, Language: "sv"})
	other := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Title: "Något annat", Body: "Helt annat", Language: "sv"})
	expect := func(q string, want ...int64) {
		t.Helper()
		if got := sorted(w.find(v, q)); !slices.Equal(got, sorted(want)) {
			t.Errorf("search %q found %v, want %v", q, got, want)
		}
	}
	expect("rubrik", id)
	expect("gammaltagg", id)

	if err := w.s.EditPost(ctx, owner.ID, id, store.PostEdit{Title: "Ny titel", Body: "Ny brödtext", Tags: []string{"nytagg"}}); err != nil {
		t.Fatal(err)
	}
	expect("rubrik")
	expect("gammaltagg")
	expect("titel", id)
	expect("nytagg", id)

	answer := w.reply(store.NewReply{PostID: id, Kind: store.ReplyAnswer, AuthorID: owner.ID, Body: "Svaret nämner kanelbullar"})
	comment := w.reply(store.NewReply{PostID: id, ParentID: answer, Kind: store.ReplyComment, AuthorID: owner.ID, Body: "Och semlor"})
	expect("kanelbullar", id)
	expect("semlor", id)
	expect("is:answered", id)

	if err := w.s.EditReply(ctx, owner.ID, answer, "Svaret nämner lussekatter"); err != nil {
		t.Fatal(err)
	}
	expect("kanelbullar")
	expect("lussekatter", id)

	if err := w.s.DeleteReply(ctx, owner.ID, comment, false); err != nil {
		t.Fatal(err)
	}
	expect("semlor")
	expect("lussekatter", id)

	if err := w.s.DeletePost(ctx, owner.ID, id, false); err != nil {
		t.Fatal(err)
	}
	expect("titel")
	expect("lussekatter")
	expect("", other)
}

// TestSearchRanking: title words weigh more than body words, knowledge
// signals lift a post among equals, and pages split the ranking cleanly.
func TestSearchRanking(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Olle")
	helper := w.person("Hedda")
	c := w.community(owner, "c", store.VisibilityOpen)
	w.add(c, helper, store.RoleMember)
	inBody := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Title: "Om morgonen", Body: "Jag dricker alltid espresso innan mötet.", Language: "sv", CreatedAt: at(2)})
	inTitle := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Title: "Espresso på kontoret", Body: "Maskinen står i köket.", Language: "sv", CreatedAt: at(1)})
	res, err := w.s.Search(ctx, viewer(owner), search.Parse("espresso"), 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(postsOf(res)); !slices.Equal(got, []int64{inTitle, inBody}) {
		t.Errorf("espresso ranks %v, want the title match first %v", got, []int64{inTitle, inBody})
	}

	// Two questions with the same text: the one with an accepted answer and
	// "helped me" reactions ranks first, even when older.
	plain := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: "Hur fungerar reseräkningen?", Body: "Var hittar jag blanketten?", Language: "sv", CreatedAt: at(20)})
	solved := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: "Hur fungerar reseräkningen?", Body: "Var hittar jag blanketten?", Language: "sv", CreatedAt: at(10)})
	answer := w.reply(store.NewReply{PostID: solved, Kind: store.ReplyAnswer, AuthorID: helper.ID, Body: "Under Mina sidor.", CreatedAt: at(11)})
	w.reply(store.NewReply{PostID: plain, Kind: store.ReplyAnswer, AuthorID: helper.ID, Body: "Under Mina sidor.", CreatedAt: at(21)})
	if err := w.s.Accept(ctx, owner.ID, solved, answer); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.React(ctx, helper.ID, solved, 0, store.ReactHelpedMe, true); err != nil {
		t.Fatal(err)
	}
	res, err = w.s.Search(ctx, viewer(owner), search.Parse("reseräkning blankett"), 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(postsOf(res)); !slices.Equal(got, []int64{solved, plain}) {
		t.Errorf("reseräkning ranks %v, want the solved question first %v", got, []int64{solved, plain})
	}

	// 23 matches in pages of 10: every one once, in rank order, and an
	// empty fourth page that still knows the total.
	var want []int64
	for i := range 23 {
		want = append(want, w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Title: fmt.Sprintf("Pappersarbete %d", i), Language: "sv", CreatedAt: at(100 + i)}))
	}
	var got []int64
	for page := 1; page <= 4; page++ {
		res, err := w.s.Search(ctx, viewer(owner), search.Parse("pappersarbete"), page, 10)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 23 || res.Pages() != 3 {
			t.Errorf("page %d: total %d, pages %d; want 23, 3", page, res.Total, res.Pages())
		}
		if wantLen := []int{10, 10, 3, 0}[page-1]; len(res.Hits) != wantLen {
			t.Errorf("page %d holds %d hits, want %d", page, len(res.Hits), wantLen)
		}
		got = append(got, ids(postsOf(res))...)
	}
	if !slices.Equal(sorted(got), sorted(want)) {
		t.Errorf("pages hold %v, want each of %v once", got, want)
	}
	if got[0] != want[len(want)-1] {
		t.Errorf("among equal matches the freshest comes first: got %d, want %d", got[0], want[len(want)-1])
	}
}

// TestReindex rebuilds the index of posts that have no row, as after the
// migration that created it, and costs nothing when none is missing.
func TestReindex(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Olle")
	c := w.community(owner, "c", store.VisibilityOpen)
	var live []int64
	for i := range 450 {
		id := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Title: fmt.Sprintf("Inlägg %d om kanelbullar", i), Language: "sv"})
		if i%50 == 0 {
			if err := w.s.DeletePost(ctx, owner.ID, id, false); err != nil {
				t.Fatal(err)
			}
			continue
		}
		live = append(live, id)
	}
	w.reply(store.NewReply{PostID: live[0], Kind: store.ReplyAnswer, AuthorID: owner.ID, Body: "Med kardemumma"})
	if n, err := w.s.Reindex(ctx); err != nil || n != 0 {
		t.Fatalf("Reindex of a complete index = %d, %v; want 0", n, err)
	}
	if err := w.s.ClearSearchIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if got := w.find(viewer(owner), "kanelbullar"); len(got) != 0 {
		t.Fatalf("after clearing the index %d posts are found", len(got))
	}
	n, err := w.s.Reindex(ctx)
	if err != nil || n != len(live) {
		t.Fatalf("Reindex = %d, %v; want %d", n, err, len(live))
	}
	// Search counts and ranks at most MaxSearchResults: every one found is
	// live, and posts from every batch of the reindex are found by their number.
	got := w.find(viewer(owner), "kanelbullar")
	if len(got) != min(len(live), store.MaxSearchResults) {
		t.Errorf("after Reindex kanelbullar finds %d posts, want %d", len(got), min(len(live), store.MaxSearchResults))
	}
	for _, id := range got {
		if !slices.Contains(live, id) {
			t.Errorf("after Reindex kanelbullar finds %d, which is deleted", id)
		}
	}
	for i := 1; i < 450; i += 37 {
		if i%50 == 0 {
			continue
		}
		want := live[i-1-i/50]
		if got := w.find(viewer(owner), fmt.Sprintf("kanelbullar %d", i)); !slices.Equal(got, []int64{want}) {
			t.Errorf("after Reindex post %d is found as %v, want [%d]", i, got, want)
		}
	}
	if got := w.find(viewer(owner), "kardemumma"); !slices.Equal(got, live[:1]) {
		t.Errorf("after Reindex kardemumma finds %v, want %v (an answer's word)", got, live[:1])
	}
	if n, err := w.s.Reindex(ctx); err != nil || n != 0 {
		t.Errorf("second Reindex = %d, %v; want 0", n, err)
	}
}
