package store_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
)

// similarIDs runs SimilarQuestions as v and returns the ids found.
func (w *world) similarIDs(v store.Viewer, title string) []int64 {
	w.t.Helper()
	got, err := w.s.SimilarQuestions(w.t.Context(), v, title, false, 0)
	if err != nil {
		w.t.Fatalf("SimilarQuestions(%q): %v", title, err)
	}
	var ids []int64
	for _, q := range got {
		ids = append(ids, q.ID)
	}
	return sorted(ids)
}

// TestSimilarQuestions offers questions that look like a title: only
// questions, only those the viewer may read, anonymous askers unnamed, the
// accepted answer's start beside them.
func TestSimilarQuestions(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	owner := w.person("Olle Owner")
	member := w.person("Maja Member")
	outsider := w.person("Otto Outsider")
	open := w.community(owner, "open-kaffe", store.VisibilityOpen)
	closed := w.community(owner, "closed-kaffe", store.VisibilityClosed)
	secret := w.community(owner, "secret-kaffe", store.VisibilitySecret)
	w.add(closed, member, store.RoleMember)
	w.add(secret, member, store.RoleMember)
	q := func(c store.Community, title string, anon bool) int64 {
		return w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: title, Anonymous: anon})
	}
	answered := q(open, "How do I descale the espresso machine?", false)
	answer := w.reply(store.NewReply{PostID: answered, Kind: store.ReplyAnswer, AuthorID: member.ID, Body: "Use **citric acid**, then rinse twice."})
	if err := w.s.Accept(t.Context(), owner.ID, answered, answer); err != nil {
		t.Fatal(err)
	}
	anon := q(open, "Descaling an espresso machine with vinegar", true)
	closedQ := q(closed, "Espresso machine descale schedule", false)
	secretQ := q(secret, "Descale the espresso machine monthly?", false)
	deleted := q(open, "Espresso machine descale, deleted", false)
	if err := w.s.DeletePost(t.Context(), owner.ID, deleted, false); err != nil {
		t.Fatal(err)
	}
	w.post(store.NewPost{CommunityID: open.ID, AuthorID: owner.ID, Type: store.TypeTip, Title: "Descale your espresso machine"})
	q(open, "Which milk froths best?", false)
	onlyBody := w.post(store.NewPost{CommunityID: open.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: "Kitchen question",
		Body: "The espresso machine needs descaling"})

	title := "descaling my espresso machine"
	if got, want := w.similarIDs(viewer(outsider), title), sorted([]int64{answered, anon}); !slices.Equal(got, want) {
		t.Errorf("outsider: similar = %v, want %v (open questions only; not the closed %d, secret %d, deleted %d, nor %d whose title does not match)",
			got, want, closedQ, secretQ, deleted, onlyBody)
	}
	if got, want := w.similarIDs(viewer(member), title), sorted([]int64{answered, anon, closedQ, secretQ}); !slices.Equal(got, want) {
		t.Errorf("member: similar = %v, want %v", got, want)
	}
	got, err := w.s.SimilarQuestions(t.Context(), viewer(outsider), title, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got {
		switch s.ID {
		case answered:
			if !strings.Contains(s.Answer, "citric acid") || strings.Contains(s.Answer, "**") {
				t.Errorf("accepted answer excerpt = %q, want the plain text of the answer", s.Answer)
			}
		case anon:
			if s.AuthorID != 0 || s.AuthorName != "" || s.Answer != "" {
				t.Errorf("anonymous question: author %d %q, answer %q; want no author and no answer", s.AuthorID, s.AuthorName, s.Answer)
			}
		}
	}
	// Typing: the last word is a prefix; a lone short word finds nothing odd.
	typed, err := w.s.SimilarQuestions(t.Context(), viewer(outsider), "espresso desc", true, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(typed) != 2 {
		t.Errorf("typing %q: %d similar, want 2", "espresso desc", len(typed))
	}
	// The question itself is left out when asked for.
	if got, _ := w.s.SimilarQuestions(t.Context(), viewer(outsider), title, false, answered); slices.ContainsFunc(got, func(s store.SimilarQuestion) bool { return s.ID == answered }) {
		t.Errorf("SimilarQuestions(except %d) still offers it", answered)
	}
	for _, empty := range []string{"", "   ", "the and of", `"-OR tag:`} {
		got, err := w.s.SimilarQuestions(t.Context(), viewer(outsider), empty, true, 0)
		if err != nil || len(got) != 0 {
			t.Errorf("SimilarQuestions(%q) = %d, %v; want none, no error", empty, len(got), err)
		}
	}
}

// TestExperts ranks people by what the viewer may see of their work on a
// subject; anonymous work counts toward no one.
func TestExperts(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	owner := w.person("Olle Owner")
	asker := w.person("Asa Asker")
	barista := w.person("Bea Barista")
	sharer := w.person("Sam Sharer")
	hidden := w.person("Hugo Hidden")
	anonAsker := w.person("Anna Anon")
	anonTipper := w.person("Tore Tipper")
	gone := w.person("Gustav Gone")
	declared := w.person("Disa Declared", func(np *store.NewPerson) { np.Expertise = []string{"espresso"} })
	outsider := w.person("Otto Outsider")
	open := w.community(owner, "open-kaffe", store.VisibilityOpen)
	closed := w.community(owner, "closed-kaffe", store.VisibilityClosed)
	secret := w.community(owner, "secret-kaffe", store.VisibilitySecret)
	for _, p := range []store.Person{hidden, asker} {
		w.add(closed, p, store.RoleMember)
		w.add(secret, p, store.RoleMember)
	}
	ask := func(c store.Community, by store.Person, title string, anon bool) int64 {
		return w.post(store.NewPost{CommunityID: c.ID, AuthorID: by.ID, Type: store.TypeQuestion, Title: title, Anonymous: anon})
	}
	answerAccepted := func(post int64, asker, by store.Person) int64 {
		id := w.reply(store.NewReply{PostID: post, Kind: store.ReplyAnswer, AuthorID: by.ID, Body: "Grind finer for espresso"})
		if err := w.s.Accept(t.Context(), asker.ID, post, id); err != nil {
			t.Fatal(err)
		}
		return id
	}
	q1 := ask(open, asker, "Espresso tastes sour", false)
	a1 := answerAccepted(q1, asker, barista)
	if _, err := w.s.React(t.Context(), asker.ID, q1, a1, store.ReactHelpedMe, true); err != nil {
		t.Fatal(err)
	}
	q2 := ask(open, asker, "Espresso shot runs too fast", false)
	w.reply(store.NewReply{PostID: q2, Kind: store.ReplyAnswer, AuthorID: barista.ID, Body: "Tamp harder"})
	w.post(store.NewPost{CommunityID: open.ID, AuthorID: sharer.ID, Type: store.TypeHowTo, Title: "Dialling in espresso"})
	// Closed and secret work counts only for members.
	qc := ask(closed, asker, "Espresso for the board meeting", false)
	answerAccepted(qc, asker, hidden)
	qs := ask(secret, asker, "Espresso budget", false)
	answerAccepted(qs, asker, hidden)
	// Anonymous: the asker's own answer and an anonymous tip count for no one.
	qa := ask(open, anonAsker, "Espresso machine at home", true)
	answerAccepted(qa, anonAsker, anonAsker)
	w.post(store.NewPost{CommunityID: open.ID, AuthorID: anonTipper.ID, Type: store.TypeQuestion, Title: "Espresso cups?", Anonymous: true})
	// Someone who left cannot be asked.
	qg := ask(open, asker, "Espresso crema", false)
	answerAccepted(qg, asker, gone)
	if err := w.s.Deactivate(t.Context(), owner.ID, gone.ID); err != nil {
		t.Fatal(err)
	}

	experts := func(v store.Person, q string) map[int64]store.Expert {
		t.Helper()
		got, err := w.s.Experts(t.Context(), viewer(v), store.ExpertQuery{Query: search.Parse(q), Limit: 20})
		if err != nil {
			t.Fatalf("Experts(%q): %v", q, err)
		}
		m := map[int64]store.Expert{}
		for i, e := range got {
			if i > 0 && e.Score > got[i-1].Score {
				t.Errorf("Experts(%q): %s (%.1f) after %s (%.1f)", q, e.Name, e.Score, got[i-1].Name, got[i-1].Score)
			}
			m[e.ID] = e
		}
		return m
	}
	got := experts(outsider, "espresso")
	if len(got) == 0 || got[barista.ID].Name == "" {
		t.Fatalf("outsider: experts %v, want Bea Barista", got)
	}
	b := got[barista.ID]
	if b.AcceptedAnswers != 1 || b.Answers != 2 || b.HelpedMe != 1 || len(b.Evidence) != 2 || !b.Evidence[0].Accepted || b.Evidence[0].ID != q1 {
		t.Errorf("Bea's evidence = %+v, want 1 accepted of 2 answers, 1 helped me, the accepted first", b)
	}
	if got[sharer.ID].Posts != 1 {
		t.Errorf("Sam's how-to: posts = %d, want 1", got[sharer.ID].Posts)
	}
	if d := got[declared.ID]; !slices.Equal(d.Declared, []string{"espresso"}) {
		t.Errorf("Disa's declared expertise = %v, want [espresso]", d.Declared)
	}
	for _, p := range []store.Person{hidden, anonAsker, anonTipper, gone} {
		if e, ok := got[p.ID]; ok {
			t.Errorf("outsider sees %s as an expert: %+v", p.Name, e)
		}
	}
	var order []int64
	all, _ := w.s.Experts(t.Context(), viewer(outsider), store.ExpertQuery{Query: search.Parse("espresso"), Limit: 20})
	for _, e := range all {
		order = append(order, e.ID)
	}
	if len(order) == 0 || order[0] != barista.ID {
		t.Errorf("outsider: first expert %v, want Bea Barista (%d)", order, barista.ID)
	}
	// A member of the closed and secret communities sees Hugo's work there.
	if h := experts(asker, "espresso")[hidden.ID]; h.AcceptedAnswers != 2 {
		t.Errorf("member: Hugo's accepted answers = %d, want 2", h.AcceptedAnswers)
	}
	// Left out on request, and nothing for a subject no one knows.
	left, _ := w.s.Experts(t.Context(), viewer(outsider), store.ExpertQuery{Query: search.Parse("espresso"), ExceptPeople: []int64{barista.ID}, Limit: 20})
	if slices.ContainsFunc(left, func(e store.Expert) bool { return e.ID == barista.ID }) {
		t.Errorf("ExceptPeople: Bea still listed")
	}
	if got := experts(outsider, "kombucha"); len(got) != 0 {
		t.Errorf("kombucha: experts %v, want none", got)
	}
}
