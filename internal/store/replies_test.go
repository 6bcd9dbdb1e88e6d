package store_test

import (
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// TestReplyAsTheViewerMaySeeIt reads one reply by id under every rule that
// hides it: a reply no one may see is ErrNotFound, like one that never
// existed, and an anonymous asker's reply names no one.
func TestReplyAsTheViewerMaySeeIt(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner, author, reader, outsider := w.person("Olle Owner"), w.person("Maja Member"), w.person("Nils Reader"), w.person("Xena Outsider")
	mod, admin := w.person("Mods Moderator"), w.person("Ada Admin", asAdmin)
	open, closed := w.community(owner, "open", store.VisibilityOpen), w.community(owner, "closed", store.VisibilityClosed)
	for _, c := range []store.Community{open, closed} {
		w.add(c, author, store.RoleMember)
		w.add(c, reader, store.RoleMember)
		w.add(c, mod, store.RoleModerator)
	}
	w.add(open, admin, store.RoleMember)
	as := func(p store.Person) store.Viewer { return store.Viewer{ID: p.ID, Admin: p.Admin} }

	q := w.post(store.NewPost{CommunityID: open.ID, AuthorID: owner.ID, Type: store.TypeQuestion})
	answer := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: author.ID, Body: "Ett svar"})
	held := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: author.ID, Body: "Hållet", Held: true})
	hidden := w.reply(store.NewReply{PostID: q, Kind: store.ReplyComment, AuthorID: author.ID, Body: "Dolt"})
	if err := w.s.SetModeration(ctx, as(mod), q, hidden, store.ActionHide, "Olämpligt"); err != nil {
		t.Fatalf("SetModeration: %v", err)
	}
	deleted := w.reply(store.NewReply{PostID: q, Kind: store.ReplyComment, AuthorID: author.ID})
	if err := w.s.DeleteReply(ctx, author.ID, deleted, false); err != nil {
		t.Fatalf("DeleteReply: %v", err)
	}
	inClosed := w.reply(store.NewReply{PostID: w.post(store.NewPost{CommunityID: closed.ID, AuthorID: owner.ID}), Kind: store.ReplyComment, AuthorID: author.ID})
	deletedPost := w.post(store.NewPost{CommunityID: open.ID, AuthorID: owner.ID})
	inDeletedPost := w.reply(store.NewReply{PostID: deletedPost, Kind: store.ReplyComment, AuthorID: author.ID})
	if err := w.s.DeletePost(ctx, owner.ID, deletedPost, false); err != nil {
		t.Fatalf("DeletePost: %v", err)
	}
	anonQ := w.post(store.NewPost{CommunityID: open.ID, AuthorID: author.ID, Type: store.TypeQuestion, Anonymous: true})
	anonComment := w.reply(store.NewReply{PostID: anonQ, Kind: store.ReplyComment, AuthorID: author.ID, Body: "Asker adds"})

	for _, c := range []struct {
		name     string
		v        store.Viewer
		id       int64
		readable bool
	}{
		{"author, shown", as(author), answer, true},
		{"outsider, shown in open", as(outsider), answer, true},
		{"reader, held", as(reader), held, false},
		{"author, held", as(author), held, true},
		{"moderator, held", as(mod), held, true},
		{"author, hidden", as(author), hidden, false},
		{"moderator, hidden", as(mod), hidden, true},
		{"admin who may read, hidden", as(admin), hidden, true},
		{"author, deleted", as(author), deleted, false},
		{"moderator, deleted", as(mod), deleted, false},
		{"member, closed", as(reader), inClosed, true},
		{"outsider, closed", as(outsider), inClosed, false},
		{"admin who is no member, closed", as(admin), inClosed, false},
		{"author, in a deleted post", as(author), inDeletedPost, false},
		{"never existed", as(author), 987654321, false},
	} {
		r, err := w.s.Reply(ctx, c.v, c.id)
		if !c.readable {
			wantErr(t, c.name, err, store.ErrNotFound)
			continue
		}
		if err != nil || r.ID != c.id || r.PostID == 0 {
			t.Errorf("%s: Reply(%d) = %+v, %v; want it", c.name, c.id, r, err)
		}
		if r.Mine != (c.v.ID == author.ID) {
			t.Errorf("%s: Mine = %t", c.name, r.Mine)
		}
	}

	for _, v := range []store.Viewer{as(author), as(reader)} {
		r, err := w.s.Reply(ctx, v, anonComment)
		if err != nil {
			t.Fatalf("Reply(anonymous asker's comment): %v", err)
		}
		if !r.Anonymous || r.AuthorID != 0 || r.AuthorName != "" || r.AuthorDepartment != "" {
			t.Errorf("viewer %d: the anonymous asker's comment names its author: %+v", v.ID, r)
		}
		if r.Mine != (v.ID == author.ID) {
			t.Errorf("viewer %d: Mine = %t", v.ID, r.Mine)
		}
	}

	if err := w.s.Accept(ctx, owner.ID, q, answer); err != nil {
		t.Fatalf("Accept: %v", err)
	}
	if r, err := w.s.Reply(ctx, as(reader), answer); err != nil || !r.Accepted || r.Body != "Ett svar" {
		t.Errorf("accepted answer: %+v, %v", r, err)
	}
}
