package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// TestReplyRevisions: an answer edited twice shows its two earlier texts,
// newest first, at /r/{id}/revisions, reached from "edited" on the post
// page, with a way back to the answer; a comment's history is reached the
// same way.
func TestReplyRevisions(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	open := f.posts["open"]
	answer, err := f.s.CreateReply(ctx, store.NewReply{PostID: open, AuthorID: f.people["bodil"].ID, Kind: store.ReplyAnswer, Body: "Första texten."})
	if err != nil {
		t.Fatal(err)
	}
	comment, err := f.s.CreateReply(ctx, store.NewReply{PostID: open, ParentID: answer, AuthorID: f.people["alice"].ID, Kind: store.ReplyComment, Body: "Kommentaren som den var."})
	if err != nil {
		t.Fatal(err)
	}
	revs := "/r/" + id(answer) + "/revisions"
	if _, body := f.do("GET", "/p/"+id(open), "dave", nil); strings.Contains(body, revs) {
		t.Errorf("the unedited answer links to its revisions")
	}
	if _, body := f.do("GET", revs, "dave", nil); !strings.Contains(body, "Inga tidigare versioner") || !strings.Contains(body, "Svaret har inte ändrats") {
		t.Errorf("revisions of an unedited answer: no empty state for an answer")
	}
	for _, body := range []string{"Andra texten.", "Tredje texten."} {
		if resp, _ := f.do("POST", "/r/"+id(answer)+"/edit", "bodil", url.Values{"body": {body}}); resp.StatusCode != 303 {
			t.Fatalf("edit the answer: status %d", resp.StatusCode)
		}
	}
	if resp, _ := f.do("POST", "/r/"+id(comment)+"/edit", "alice", url.Values{"body": {"Kommentaren, rättad."}}); resp.StatusCode != 303 {
		t.Fatalf("edit the comment: status %d", resp.StatusCode)
	}

	_, page := f.do("GET", "/p/"+id(open), "dave", nil)
	for _, link := range []string{`<a href="` + revs + `">ändrat</a>`, `<a href="/r/` + id(comment) + `/revisions">ändrat</a>`} {
		if !strings.Contains(page, link) {
			t.Errorf("the post page has no %s", link)
		}
	}

	resp, body := f.do("GET", revs, "dave", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: status %d", revs, resp.StatusCode)
	}
	second, first := strings.Index(body, "Andra texten."), strings.Index(body, "Första texten.")
	if second < 0 || first < 0 || second > first {
		t.Errorf("revisions of the answer: want the text before the last edit, then the first (at %d and %d)", second, first)
	}
	for _, s := range []string{"Tredje texten.", "Kommentaren"} {
		if strings.Contains(body, s) {
			t.Errorf("revisions of the answer show %q", s)
		}
	}
	for _, s := range []string{"2 tidigare versioner", "Ersattes av " + anonName, `href="/p/` + id(open) + `#r` + id(answer) + `"`, "Tillbaka till svaret", "Så här såg svaret ut"} {
		if !strings.Contains(body, s) {
			t.Errorf("revisions of the answer do not contain %q", s)
		}
	}

	// In English, with one earlier version of the comment.
	f.do("POST", "/lang", "dave", url.Values{"lang": {"en"}})
	_, body = f.do("GET", "/r/"+id(comment)+"/revisions", "dave", nil)
	for _, s := range []string{"1 earlier version<", "Kommentaren som den var.", "Replaced by Alice Ägare", "Back to the comment", "This is how the comment looked", `href="/p/` + id(open) + `#r` + id(comment) + `"`} {
		if !strings.Contains(body, s) {
			t.Errorf("revisions of the comment in English do not contain %q", s)
		}
	}
}

// TestReplyRevisionsNotFound: the history of a reply the viewer may not
// read (in a closed community they do not belong to, or hidden by a
// moderator, even from its author) is the same 404 page as for a reply that
// never existed. The moderator still reads it.
func TestReplyRevisionsNotFound(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	alice, dave := f.people["alice"], f.people["dave"]
	closed, err := f.s.CreateReply(ctx, store.NewReply{PostID: f.posts["closed"], AuthorID: alice.ID, Kind: store.ReplyComment, Body: closedCanary + " kommentar"})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.Join(ctx, dave.ID, f.community("allmant")); err != nil {
		t.Fatal(err)
	}
	hidden, err := f.s.CreateReply(ctx, store.NewReply{PostID: f.posts["open"], AuthorID: dave.ID, Kind: store.ReplyAnswer, Body: "DOLTSVAR första"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct {
		id     int64
		editor int64
	}{{closed, alice.ID}, {hidden, dave.ID}} {
		if err := f.s.EditReply(ctx, r.editor, r.id, "Rättad text"); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.s.SetModeration(ctx, store.Viewer{ID: alice.ID}, f.posts["open"], hidden, store.ActionHide, "Fel svar"); err != nil {
		t.Fatal(err)
	}
	const missing = "/r/987654321/revisions"
	for _, c := range []struct {
		name string
		rid  int64
		as   string
	}{
		{"a comment in a closed community, to an outsider", closed, "dave"},
		{"a hidden answer, to its author", hidden, "dave"},
		{"a hidden answer, to a member", hidden, "bodil"},
		{"a hidden answer, to the moderator of another community", hidden, "carl"},
	} {
		path := "/r/" + id(c.rid) + "/revisions"
		resp, body := f.do("GET", path, c.as, nil)
		_, want := f.do("GET", missing, c.as, nil)
		if resp.StatusCode != 404 || strings.ReplaceAll(body, path, missing) != want {
			t.Errorf("%s: status %d, and the page differs from a missing reply's", c.name, resp.StatusCode)
		}
		for _, s := range []string{closedCanary, "DOLTSVAR"} {
			if strings.Contains(body, s) {
				t.Errorf("%s: the page shows %q", c.name, s)
			}
		}
	}
	resp, body := f.do("GET", "/r/"+id(hidden)+"/revisions", "alice", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "DOLTSVAR första") {
		t.Errorf("the moderator reads the hidden answer's revisions: status %d", resp.StatusCode)
	}
	if resp, body := f.do("GET", "/r/"+id(closed)+"/revisions", "alice", nil); resp.StatusCode != 200 || !strings.Contains(body, closedCanary+" kommentar") {
		t.Errorf("a member reads the closed comment's revisions: status %d", resp.StatusCode)
	}
}

// TestReplyRevisionsKeepTheAskerAnonymous: the anonymous asker edits her
// own comment in her thread; its history names no editor to anyone else,
// and her name nowhere, while she sees it was her.
func TestReplyRevisionsKeepTheAskerAnonymous(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	anon := f.posts["anon"]
	if resp, _ := f.do("POST", "/p/"+id(anon)+"/comments", "bodil", url.Values{"body": {"Tack, det hjälpte!"}}); resp.StatusCode != 303 {
		t.Fatalf("comment by the anonymous asker: status %d", resp.StatusCode)
	}
	_, comments, err := f.s.Replies(t.Context(), store.Viewer{ID: f.people["bodil"].ID}, anon, 0)
	if err != nil || len(comments) != 1 {
		t.Fatalf("the asker's comment: %+v %v", comments, err)
	}
	comment := comments[0].ID
	if resp, _ := f.do("POST", "/r/"+id(comment)+"/edit", "bodil", url.Values{"body": {"Tack, det hjälpte verkligen!"}}); resp.StatusCode != 303 {
		t.Fatalf("the asker edits her comment: status %d", resp.StatusCode)
	}
	revs := "/r/" + id(comment) + "/revisions"
	leaks := []string{anonName, "Bodil", "/u/" + id(f.people["bodil"].ID)}
	for _, as := range []string{"alice", "dave", "admin"} {
		_, page := f.do("GET", "/p/"+id(anon), as, nil)
		if !strings.Contains(page, `<a href="`+revs+`">`) {
			t.Errorf("as %s: the edited comment does not link to its revisions", as)
		}
		resp, body := f.do("GET", revs, as, nil)
		if resp.StatusCode != 200 || !strings.Contains(body, "Tack, det hjälpte!") || !strings.Contains(body, "Ersattes ·") {
			t.Errorf("as %s: status %d, want the earlier text, replaced by no one named", as, resp.StatusCode)
		}
		for _, s := range leaks {
			if strings.Contains(body, s) {
				t.Errorf("as %s: the revisions of the anonymous asker's comment contain %q", as, s)
			}
		}
	}
	if _, body := f.do("GET", revs, "bodil", nil); !strings.Contains(body, "Ersattes av "+anonName) {
		t.Errorf("the asker does not see that the edit was hers")
	}
}
