package store_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

func TestCreatePost(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityOpen)

	id := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeHowTo, Title: "How to export",
		Body: "Use **Export** <script>x</script>", Language: "sv", Tags: []string{"crm", "export"}})
	p := w.mustPost(viewer(owner), id)
	if p.Title != "How to export" || p.Type != store.TypeHowTo || p.Language != "sv" || p.CommunityID != c.ID || p.CommunitySlug != "c" {
		t.Errorf("Post = %+v", p)
	}
	if want := []string{"crm", "export"}; !slices.Equal(p.Tags, want) {
		t.Errorf("Tags = %q, want %q", p.Tags, want)
	}
	if !strings.Contains(p.BodyHTML, "<strong>Export</strong>") || strings.Contains(p.BodyHTML, "<script") {
		t.Errorf("BodyHTML = %q, want rendered and sanitised Markdown", p.BodyHTML)
	}
	if p.Excerpt == "" || p.Edited || p.Status != "" || p.AuthorName != owner.Name {
		t.Errorf("Excerpt %q, Edited %t, Status %q, AuthorName %q", p.Excerpt, p.Edited, p.Status, p.AuthorName)
	}
	if ok, _ := w.s.IsFollowing(ctx, owner.ID, store.FollowPost, itoa(id)); !ok {
		t.Errorf("the author does not follow their post")
	}
	idea := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeIdea})
	if got := w.mustPost(viewer(owner), idea).Status; got != "new" {
		t.Errorf("new idea status = %q, want new", got)
	}
	if got := w.communityAs(viewer(owner), c.ID).PostCount; got != 2 {
		t.Errorf("PostCount = %d, want 2", got)
	}
	_, err := w.s.Post(ctx, viewer(owner), idea+1000)
	wantErr(t, "Post(missing)", err, store.ErrNotFound)
}

func TestEditPost(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityOpen)
	id := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Title: "First title", Body: "first body", Tags: []string{"b", "a"}})

	if err := w.s.EditPost(ctx, owner.ID, id, store.PostEdit{Title: "Second title", Body: "second body", Tags: []string{"c"}}); err != nil {
		t.Fatalf("EditPost: %v", err)
	}
	p := w.mustPost(viewer(owner), id)
	if p.Title != "Second title" || p.Body != "second body" || !p.Edited || !slices.Equal(p.Tags, []string{"c"}) {
		t.Errorf("after edit: title %q, body %q, edited %t, tags %q; want Second title, second body, true, [c]", p.Title, p.Body, p.Edited, p.Tags)
	}
	revs, err := w.s.Revisions(ctx, viewer(owner), id, 0)
	if err != nil {
		t.Fatalf("Revisions: %v", err)
	}
	if len(revs) != 1 || revs[0].Title != "First title" || revs[0].Body != "first body" || revs[0].Tags != "a,b" || revs[0].EditorName != owner.Name {
		t.Errorf("Revisions = %+v, want the first text with tags a,b by %s", revs, owner.Name)
	}
	if got := w.feed(viewer(owner), store.PostFilter{Tag: "a"}); len(got) != 0 {
		t.Errorf("feed of the removed tag = %v, want empty", got)
	}
	if got := w.feed(viewer(owner), store.PostFilter{Tag: "c"}); !slices.Equal(got, []int64{id}) {
		t.Errorf("feed of the new tag = %v, want [%d]", got, id)
	}
	if tags, _ := w.s.PopularTags(ctx, viewer(owner), 0, 10); !slices.Equal(tagNames(tags), []string{"c"}) {
		t.Errorf("PopularTags = %v, want [c]", tagNames(tags))
	}
	wantErr(t, "EditPost(missing)", w.s.EditPost(ctx, owner.ID, id+100, store.PostEdit{Title: "x", Body: "y"}), store.ErrNotFound)
}

func TestDeletePost(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityOpen)
	keep := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Tags: []string{"kept"}})
	gone := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Tags: []string{"gone"}})

	if err := w.s.DeletePost(ctx, owner.ID, gone, true); err != nil {
		t.Fatalf("DeletePost: %v", err)
	}
	_, err := w.s.Post(ctx, viewer(owner), gone)
	wantErr(t, "Post after delete", err, store.ErrNotFound)
	for _, f := range []store.PostFilter{{}, {CommunityID: c.ID}, {Tag: "gone"}, {AuthorID: owner.ID}, {Type: store.TypeQuestion}, {Unanswered: true}, {Home: true}} {
		if got := w.feed(viewer(owner), f); slices.Contains(got, gone) {
			t.Errorf("Posts(%+v) = %v, still includes the deleted post", f, got)
		}
	}
	if tags, _ := w.s.PopularTags(ctx, viewer(owner), 0, 10); !slices.Equal(tagNames(tags), []string{"kept"}) {
		t.Errorf("PopularTags = %v, want [kept]", tagNames(tags))
	}
	if st, _ := w.s.Stats(ctx, viewer(owner), owner.ID); st.Posts != 1 {
		t.Errorf("Stats.Posts = %d, want 1", st.Posts)
	}
	if got := w.communityAs(viewer(owner), c.ID).PostCount; got != 1 {
		t.Errorf("PostCount = %d, want 1", got)
	}
	wantErr(t, "DeletePost twice", w.s.DeletePost(ctx, owner.ID, gone, true), store.ErrNotFound)
	if got := w.communityAs(viewer(owner), c.ID).PostCount; got != 1 {
		t.Errorf("PostCount after deleting twice = %d, want 1", got)
	}
	wantErr(t, "EditPost of a deleted post", w.s.EditPost(ctx, owner.ID, gone, store.PostEdit{Title: "x", Body: "y"}), store.ErrNotFound)
	_, err = w.s.CreateReply(ctx, store.NewReply{PostID: gone, Kind: store.ReplyAnswer, AuthorID: owner.ID, Body: "late"})
	wantErr(t, "CreateReply on a deleted post", err, store.ErrNotFound)
	if revs, _ := w.s.Revisions(ctx, viewer(owner), gone, 0); len(revs) != 0 {
		t.Errorf("Revisions of a deleted post = %d, want 0", len(revs))
	}
	entries, _ := w.s.AuditLog(ctx, store.AuditFilter{Limit: 1})
	if len(entries) != 1 || entries[0].Action != "post.delete" || entries[0].ObjectID != gone {
		t.Errorf("AuditLog newest = %+v, want post.delete of %d", entries, gone)
	}
	_ = keep
}

func TestReplies(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	helper := w.person("Helper")
	c := w.community(owner, "c", store.VisibilityOpen)
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, CreatedAt: at(0)})
	other := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, CreatedAt: at(1)})

	a1 := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: helper.ID, Body: "first answer"})
	a2 := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: owner.ID, Body: "second answer"})
	onPost := w.reply(store.NewReply{PostID: q, Kind: store.ReplyComment, AuthorID: helper.ID, Body: "comment on the question"})
	onA1 := w.reply(store.NewReply{PostID: q, ParentID: a1, Kind: store.ReplyComment, AuthorID: owner.ID, Body: "comment on the first answer"})
	// An answer written back then does not move the other question up.
	otherAnswer := w.reply(store.NewReply{PostID: other, Kind: store.ReplyAnswer, AuthorID: helper.ID, CreatedAt: at(1)})

	// A comment may only hang under an answer of the same post.
	for name, parent := range map[string]int64{"another post's answer": otherAnswer, "a comment": onPost, "a missing reply": 99999} {
		_, err := w.s.CreateReply(ctx, store.NewReply{PostID: q, ParentID: parent, Kind: store.ReplyComment, AuthorID: helper.ID, Body: "x"})
		wantErr(t, "comment under "+name, err, store.ErrNotFound)
	}

	p := w.mustPost(viewer(owner), q)
	if p.AnswerCount != 2 || p.CommentCount != 2 {
		t.Errorf("AnswerCount, CommentCount = %d, %d; want 2, 2", p.AnswerCount, p.CommentCount)
	}
	if !p.ActivityAt.After(at(1)) {
		t.Errorf("ActivityAt = %v, want moved up by the replies", p.ActivityAt)
	}
	if got := w.feed(viewer(owner), store.PostFilter{}); !slices.Equal(got, []int64{q, other}) {
		t.Errorf("feed = %v, want the replied question first: %v", got, []int64{q, other})
	}
	if got := w.feed(viewer(owner), store.PostFilter{Unanswered: true}); len(got) != 0 {
		t.Errorf("unanswered feed = %v, want empty", got)
	}
	if ok, _ := w.s.IsFollowing(ctx, helper.ID, store.FollowPost, itoa(q)); !ok {
		t.Errorf("the replier does not follow the post")
	}

	answers, comments, err := w.s.Replies(ctx, store.Viewer{}, q, p.AcceptedAnswerID)
	if err != nil {
		t.Fatalf("Replies: %v", err)
	}
	if len(answers) != 2 || answers[0].ID != a1 || answers[1].ID != a2 {
		t.Fatalf("answers = %v, want [%d %d]", replyIDs(answers), a1, a2)
	}
	if got := replyIDs(answers[0].Comments); !slices.Equal(got, []int64{onA1}) {
		t.Errorf("comments under the first answer = %v, want [%d]", got, onA1)
	}
	if len(answers[1].Comments) != 0 {
		t.Errorf("comments under the second answer = %v, want none", replyIDs(answers[1].Comments))
	}
	if got := replyIDs(comments); !slices.Equal(got, []int64{onPost}) {
		t.Errorf("comments on the post = %v, want [%d]", got, onPost)
	}
	if answers[0].AuthorName != helper.Name || answers[0].Body != "first answer" || answers[0].BodyHTML == "" {
		t.Errorf("first answer = %+v", answers[0])
	}

	// Edit keeps a revision of the reply.
	if err := w.s.EditReply(ctx, helper.ID, a1, "better answer"); err != nil {
		t.Fatalf("EditReply: %v", err)
	}
	revs, err := w.s.Revisions(ctx, viewer(owner), q, a1)
	if err != nil || len(revs) != 1 || revs[0].Body != "first answer" || revs[0].EditorName != helper.Name {
		t.Errorf("reply Revisions = %+v, %v; want the first text by %s", revs, err, helper.Name)
	}
	if postRevs, _ := w.s.Revisions(ctx, viewer(owner), q, 0); len(postRevs) != 0 {
		t.Errorf("post Revisions = %d, want 0 (only the reply was edited)", len(postRevs))
	}
	if ref, err := w.s.Reply(ctx, viewer(owner), a1); err != nil || ref.Body != "better answer" || ref.PostID != q || ref.Kind != store.ReplyAnswer || ref.AuthorID != helper.ID {
		t.Errorf("Reply = %+v, %v", ref, err)
	}

	// Deleting a comment and an answer uncounts them.
	if err := w.s.DeleteReply(ctx, owner.ID, onPost, false); err != nil {
		t.Fatalf("DeleteReply(comment): %v", err)
	}
	if err := w.s.DeleteReply(ctx, owner.ID, a2, true); err != nil {
		t.Fatalf("DeleteReply(answer): %v", err)
	}
	wantErr(t, "DeleteReply twice", w.s.DeleteReply(ctx, owner.ID, a2, true), store.ErrNotFound)
	_, err = w.s.Reply(ctx, viewer(owner), a2)
	wantErr(t, "Reply of a deleted reply", err, store.ErrNotFound)
	p = w.mustPost(viewer(owner), q)
	if p.AnswerCount != 1 || p.CommentCount != 1 {
		t.Errorf("after deletes AnswerCount, CommentCount = %d, %d; want 1, 1", p.AnswerCount, p.CommentCount)
	}
	answers, comments, _ = w.s.Replies(ctx, store.Viewer{}, q, 0)
	if !slices.Equal(replyIDs(answers), []int64{a1}) || len(comments) != 0 {
		t.Errorf("after deletes answers %v, comments %v; want [%d], []", replyIDs(answers), replyIDs(comments), a1)
	}
}

func TestAccept(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	helper := w.person("Helper")
	c := w.community(owner, "c", store.VisibilityOpen)
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion})
	q2 := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion})
	tip := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeTip})
	a1 := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: owner.ID})
	a2 := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: helper.ID})
	comment := w.reply(store.NewReply{PostID: q, Kind: store.ReplyComment, AuthorID: helper.ID})
	otherAnswer := w.reply(store.NewReply{PostID: q2, Kind: store.ReplyAnswer, AuthorID: helper.ID})
	tipComment := w.reply(store.NewReply{PostID: tip, Kind: store.ReplyComment, AuthorID: helper.ID})

	if err := w.s.Accept(ctx, owner.ID, q, a2); err != nil {
		t.Fatalf("Accept: %v", err)
	}
	p := w.mustPost(viewer(owner), q)
	if p.AcceptedAnswerID != a2 {
		t.Errorf("AcceptedAnswerID = %d, want %d", p.AcceptedAnswerID, a2)
	}
	answers, _, _ := w.s.Replies(ctx, store.Viewer{}, q, p.AcceptedAnswerID)
	if len(answers) != 2 || answers[0].ID != a2 || !answers[0].Accepted || answers[1].Accepted {
		t.Errorf("answers = %+v, want the accepted %d first and only it accepted", answers, a2)
	}
	if st, _ := w.s.Stats(ctx, viewer(owner), helper.ID); st.Answers != 2 || st.AcceptedAnswers != 1 {
		t.Errorf("helper Stats = %+v, want 2 answers, 1 accepted", st)
	}

	refused := []struct {
		name           string
		post, answerID int64
	}{
		{"another question's answer", q, otherAnswer},
		{"a comment", q, comment},
		{"a missing reply", q, 99999},
		{"on a tip", tip, tipComment},
		{"a missing post", 99999, a1},
	}
	for _, tt := range refused {
		wantErr(t, "Accept "+tt.name, w.s.Accept(ctx, owner.ID, tt.post, tt.answerID), store.ErrNotFound)
	}
	if got := w.mustPost(viewer(owner), q).AcceptedAnswerID; got != a2 {
		t.Errorf("AcceptedAnswerID after refused accepts = %d, want %d", got, a2)
	}
	if got := w.mustPost(viewer(owner), q2).AcceptedAnswerID; got != 0 {
		t.Errorf("the other question's AcceptedAnswerID = %d, want 0", got)
	}

	// Deleting the accepted answer clears acceptance; deleting another answer does not.
	if err := w.s.Accept(ctx, owner.ID, q, a1); err != nil {
		t.Fatalf("Accept(a1): %v", err)
	}
	if err := w.s.DeleteReply(ctx, owner.ID, a2, false); err != nil {
		t.Fatalf("DeleteReply(a2): %v", err)
	}
	if got := w.mustPost(viewer(owner), q).AcceptedAnswerID; got != a1 {
		t.Errorf("AcceptedAnswerID after deleting another answer = %d, want %d", got, a1)
	}
	if err := w.s.DeleteReply(ctx, owner.ID, a1, false); err != nil {
		t.Fatalf("DeleteReply(a1): %v", err)
	}
	if got := w.mustPost(viewer(owner), q); got.AcceptedAnswerID != 0 || got.AnswerCount != 0 {
		t.Errorf("after deleting the accepted answer: AcceptedAnswerID %d, AnswerCount %d; want 0, 0", got.AcceptedAnswerID, got.AnswerCount)
	}
	wantErr(t, "Accept a deleted answer", w.s.Accept(ctx, owner.ID, q, a1), store.ErrNotFound)

	// Clearing works too.
	a3 := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: helper.ID})
	if err := w.s.Accept(ctx, owner.ID, q, a3); err != nil {
		t.Fatalf("Accept(a3): %v", err)
	}
	if err := w.s.Accept(ctx, owner.ID, q, 0); err != nil {
		t.Fatalf("Accept(0): %v", err)
	}
	if got := w.mustPost(viewer(owner), q).AcceptedAnswerID; got != 0 {
		t.Errorf("AcceptedAnswerID after clearing = %d, want 0", got)
	}
}

func replyIDs(rs []store.Reply) []int64 {
	out := []int64{}
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// TestDeleteAnswerTakesItsComments: an answer's comments go with it — not
// shown as comments on the question, not counted, not found by search —
// while the question's own comments and the other answers stay.
func TestDeleteAnswerTakesItsComments(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	helper := w.person("Helper")
	c := w.community(owner, "c", store.VisibilityOpen)
	w.add(c, helper, store.RoleMember)
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: "Where are the keys"})
	a1 := w.reply(store.NewReply{PostID: q, AuthorID: helper.ID, Kind: store.ReplyAnswer, Body: "In the drawer"})
	a2 := w.reply(store.NewReply{PostID: q, AuthorID: helper.ID, Kind: store.ReplyAnswer, Body: "At reception"})
	w.reply(store.NewReply{PostID: q, ParentID: a1, AuthorID: owner.ID, Kind: store.ReplyComment, Body: "Which drawer, the zanzibar one?"})
	w.reply(store.NewReply{PostID: q, ParentID: a1, AuthorID: helper.ID, Kind: store.ReplyComment, Body: "Yes, zanzibar"})
	onA2 := w.reply(store.NewReply{PostID: q, ParentID: a2, AuthorID: owner.ID, Kind: store.ReplyComment, Body: "Thanks"})
	onQ := w.reply(store.NewReply{PostID: q, AuthorID: helper.ID, Kind: store.ReplyComment, Body: "Good question"})
	if got := w.find(viewer(owner), "zanzibar"); !slices.Equal(got, []int64{q}) {
		t.Fatalf("before: search finds %v, want [%d]", got, q)
	}
	if err := w.s.DeleteReply(ctx, helper.ID, a1, false); err != nil {
		t.Fatal(err)
	}
	p := w.mustPost(viewer(owner), q)
	if p.AnswerCount != 1 || p.CommentCount != 2 {
		t.Errorf("AnswerCount, CommentCount = %d, %d; want 1, 2", p.AnswerCount, p.CommentCount)
	}
	answers, comments, err := w.s.Replies(ctx, viewer(owner), q, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(replyIDs(answers), []int64{a2}) || !slices.Equal(replyIDs(answers[0].Comments), []int64{onA2}) || !slices.Equal(replyIDs(comments), []int64{onQ}) {
		t.Errorf("answers %v (comments %v), comments on the question %v; want [%d] ([%d]), [%d]",
			replyIDs(answers), replyIDs(answers[0].Comments), replyIDs(comments), a2, onA2, onQ)
	}
	if got := w.find(viewer(owner), "zanzibar"); len(got) != 0 {
		t.Errorf("after: search still finds the deleted answer's comments in %v", got)
	}
}
