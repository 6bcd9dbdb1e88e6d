package store_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
)

// modWorld is two communities, each with its own moderator, and members.
type modWorld struct {
	*world
	owner, mod, otherMod, member, reader, admin store.Person
	c, other                                    store.Community
}

func newModWorld(t *testing.T) *modWorld {
	w := &modWorld{world: newWorld(t)}
	w.owner = w.person("Olga Owner")
	w.mod = w.person("Mona Moderator")
	w.otherMod = w.person("Otto Othermod")
	w.member = w.person("Mats Member")
	w.reader = w.person("Rita Reader")
	w.admin = w.person("Ada Admin", asAdmin)
	w.c = w.community(w.owner, "safe", store.VisibilityClosed)
	w.other = w.community(w.otherMod, "other", store.VisibilityOpen)
	w.add(w.c, w.mod, store.RoleModerator)
	w.add(w.c, w.member, store.RoleMember)
	w.add(w.c, w.reader, store.RoleMember)
	w.add(w.other, w.mod, store.RoleMember)
	return w
}

func (w *modWorld) visible(v store.Person, id int64) bool {
	w.t.Helper()
	_, err := w.s.Post(w.t.Context(), viewer(v), id)
	if err != nil && !strings.Contains(err.Error(), "not found") {
		w.t.Fatalf("Post: %v", err)
	}
	return err == nil
}

func (w *modWorld) searchIDs(v store.Person, q string) []int64 {
	w.t.Helper()
	res, err := w.s.Search(w.t.Context(), viewer(v), search.Parse(q), 1, 50)
	if err != nil {
		w.t.Fatalf("Search: %v", err)
	}
	var out []int64
	for _, h := range res.Hits {
		out = append(out, h.Post.ID)
	}
	return out
}

func TestHideAndRestore(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	id := w.post(store.NewPost{CommunityID: w.c.ID, AuthorID: w.member.ID, Title: "Zanzibar pricing tip"})
	ans := w.reply(store.NewReply{PostID: id, Kind: store.ReplyComment, AuthorID: w.reader.ID, Body: "quokka remark"})
	if _, err := w.s.Report(ctx, viewer(w.reader), store.NewReport{PostID: id, Reason: "spam", Note: "looks like an ad"}); err != nil {
		t.Fatalf("Report: %v", err)
	}
	// Reporting again while open changes nothing.
	if _, err := w.s.Report(ctx, viewer(w.reader), store.NewReport{PostID: id, Reason: "spam"}); err != nil {
		t.Fatalf("Report again: %v", err)
	}
	q, err := w.s.ModerationQueue(ctx, viewer(w.mod), w.c.ID)
	if err != nil || len(q) != 1 || q[0].PostID != id || q[0].Reason != "spam" || q[0].ReporterName != w.reader.Name || q[0].Note != "looks like an ad" {
		t.Fatalf("queue = %+v, %v; want one spam report of %d by %s", q, err, id, w.reader.Name)
	}
	before := w.communityAs(viewer(w.owner), w.c.ID).PostCount

	wantErr(t, "hide by a member", w.s.SetModeration(ctx, viewer(w.member), id, 0, store.ActionHide, ""), store.ErrNotAllowed)
	wantErr(t, "hide by another community's moderator", w.s.SetModeration(ctx, viewer(w.otherMod), id, 0, store.ActionHide, ""), store.ErrNotFound)
	if err := w.s.SetModeration(ctx, viewer(w.mod), id, 0, store.ActionHide, "advertising"); err != nil {
		t.Fatalf("hide: %v", err)
	}
	if w.visible(w.member, id) || w.visible(w.reader, id) {
		t.Error("a hidden post is still readable by members (its author included)")
	}
	if p := w.mustPost(viewer(w.mod), id); !p.Hidden {
		t.Error("moderator reads the hidden post without the Hidden mark")
	}
	if slices.Contains(w.feed(viewer(w.reader), store.PostFilter{CommunityID: w.c.ID}), id) || slices.Contains(w.feed(viewer(w.mod), store.PostFilter{}), id) {
		t.Error("a hidden post stays in feeds")
	}
	if len(w.searchIDs(w.reader, "zanzibar")) != 0 || len(w.searchIDs(w.reader, "quokka")) != 0 {
		t.Error("a hidden post stays in search")
	}
	if got := w.communityAs(viewer(w.owner), w.c.ID).PostCount; got != before-1 {
		t.Errorf("post_count after hide = %d, want %d", got, before-1)
	}
	if q, _ := w.s.ModerationQueue(ctx, viewer(w.mod), w.c.ID); len(q) != 0 {
		t.Errorf("hiding closes the report; queue = %+v", q)
	}
	wantErr(t, "hide twice", w.s.SetModeration(ctx, viewer(w.mod), id, 0, store.ActionHide, ""), store.ErrConflict)
	if err := w.s.SetModeration(ctx, viewer(w.owner), id, 0, store.ActionRestore, ""); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if !w.visible(w.reader, id) || !slices.Contains(w.searchIDs(w.reader, "zanzibar"), id) {
		t.Error("a restored post is not back for readers and search")
	}
	if got := w.communityAs(viewer(w.owner), w.c.ID).PostCount; got != before {
		t.Errorf("post_count after restore = %d, want %d", got, before)
	}

	// A hidden reply: gone for readers, marked for moderators, uncounted.
	if err := w.s.SetModeration(ctx, viewer(w.mod), id, ans, store.ActionHide, "rude"); err != nil {
		t.Fatalf("hide reply: %v", err)
	}
	_, comments, _ := w.s.Replies(ctx, viewer(w.member), id, 0)
	if len(comments) != 0 {
		t.Errorf("member sees %d comments after the only one was hidden", len(comments))
	}
	_, comments, _ = w.s.Replies(ctx, viewer(w.mod), id, 0)
	if len(comments) != 1 || !comments[0].Hidden {
		t.Errorf("moderator sees %+v, want the hidden comment marked", comments)
	}
	if p := w.mustPost(viewer(w.mod), id); p.CommentCount != 0 {
		t.Errorf("comment_count with the comment hidden = %d, want 0", p.CommentCount)
	}

	if err := w.s.EditPost(ctx, w.member.ID, id, store.PostEdit{Title: "Zanzibar pricing tip", Body: "by the author"}); err != nil {
		t.Fatal(err)
	}
	if edits, _ := w.s.AuditLog(ctx, store.AuditFilter{Action: "post.edit"}); len(edits) != 0 {
		t.Errorf("the author's own edit is audited: %+v", edits)
	}
	if err := w.s.EditPost(ctx, w.mod.ID, id, store.PostEdit{Title: "Zanzibar pricing tip", Body: "by the moderator"}); err != nil {
		t.Fatal(err)
	}
	if edits, _ := w.s.AuditLog(ctx, store.AuditFilter{Action: "post.edit"}); len(edits) != 1 || edits[0].ActorID != w.mod.ID {
		t.Errorf("a moderator's edit of someone else's post: audit %+v, want one by %s", edits, w.mod.Name)
	}
	entries, err := w.s.AuditLog(ctx, store.AuditFilter{Action: "post.hide"})
	if err != nil || len(entries) != 1 {
		t.Fatalf("post.hide entries = %+v, %v", entries, err)
	}
	entries, err = w.s.AuditLog(ctx, store.AuditFilter{Action: "post.", To: time.Now().Add(24 * time.Hour), Viewer: viewer(w.mod)})
	entries = slices.DeleteFunc(entries, func(e store.AuditEntry) bool { return e.Action == "post.edit" })
	if err != nil || len(entries) != 2 || entries[1].Action != "post.hide" || entries[1].ActorName != w.mod.Name ||
		entries[1].ObjectName != "Zanzibar pricing tip" || entries[1].CommunityName != w.c.Name || entries[1].Detail != "advertising" {
		t.Errorf("audit of post actions = %+v, %v; want hide by %s with its reason, then restore", entries, err, w.mod.Name)
	}
}

func TestModeratorsHaveNoReachElsewhere(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	inOther := w.post(store.NewPost{CommunityID: w.other.ID, AuthorID: w.otherMod.ID})
	inSafe := w.post(store.NewPost{CommunityID: w.c.ID, AuthorID: w.member.ID})
	// mod moderates safe and is a plain member of other.
	wantErr(t, "hide elsewhere", w.s.SetModeration(ctx, viewer(w.mod), inOther, 0, store.ActionHide, ""), store.ErrNotAllowed)
	wantErr(t, "lock elsewhere", w.s.LockPost(ctx, viewer(w.mod), inOther, true, ""), store.ErrNotAllowed)
	wantErr(t, "move from elsewhere", w.s.MovePost(ctx, viewer(w.mod), inOther, w.c.ID, ""), store.ErrNotAllowed)
	wantErr(t, "move to a community not moderated", w.s.MovePost(ctx, viewer(w.mod), inSafe, w.other.ID, ""), store.ErrNotAllowed)
	wantErr(t, "ban elsewhere", w.s.Ban(ctx, viewer(w.mod), w.other.ID, w.reader.ID, ""), store.ErrNotAllowed)
	if _, err := w.s.ModerationQueue(ctx, viewer(w.mod), w.other.ID); err == nil {
		t.Error("a moderator of one community read another's queue")
	}
	// otherMod cannot even see the closed community's content.
	wantErr(t, "hide in a closed community", w.s.SetModeration(ctx, viewer(w.otherMod), inSafe, 0, store.ActionHide, ""), store.ErrNotFound)
	_, err := w.s.ModerationQueue(ctx, viewer(w.otherMod), w.c.ID)
	wantErr(t, "queue of a closed community", err, store.ErrNotFound)
	// An admin who has not joined the closed community has no silent reach.
	_, err = w.s.ModerationQueue(ctx, viewer(w.admin), w.c.ID)
	wantErr(t, "admin queue of a closed community", err, store.ErrNotFound)
	if _, err := w.s.ModerationQueue(ctx, viewer(w.admin), w.other.ID); err != nil {
		t.Errorf("admin queue of an open community: %v", err)
	}
	if w.visible(w.member, inSafe) != true {
		t.Error("nothing changed, yet the post is gone")
	}
}

func TestLockAndMove(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	target := w.community(w.owner, "target", store.VisibilitySecret)
	w.add(target, w.mod, store.RoleModerator)
	id := w.post(store.NewPost{CommunityID: w.c.ID, AuthorID: w.member.ID, Type: store.TypeQuestion, Title: "Flamingo question"})
	w.reply(store.NewReply{PostID: id, Kind: store.ReplyAnswer, AuthorID: w.reader.ID, Body: "an answer"})

	if err := w.s.LockPost(ctx, viewer(w.mod), id, true, "heated"); err != nil {
		t.Fatalf("lock: %v", err)
	}
	if !w.mustPost(viewer(w.member), id).Locked {
		t.Error("a locked post does not say so")
	}
	_, err := w.s.CreateReply(ctx, store.NewReply{PostID: id, Kind: store.ReplyComment, AuthorID: w.member.ID, Body: "more"})
	wantErr(t, "reply to a locked thread", err, store.ErrLocked)
	if err := w.s.LockPost(ctx, viewer(w.mod), id, false, ""); err != nil {
		t.Fatalf("unlock: %v", err)
	}
	w.reply(store.NewReply{PostID: id, Kind: store.ReplyComment, AuthorID: w.member.ID, Body: "after unlock"})

	safeCount, targetCount := w.communityAs(viewer(w.owner), w.c.ID).PostCount, w.communityAs(viewer(w.owner), target.ID).PostCount
	if err := w.s.MovePost(ctx, viewer(w.mod), id, target.ID, "belongs there"); err != nil {
		t.Fatalf("move: %v", err)
	}
	// The reader is not in the secret target: the post and its answers are gone for them, everywhere.
	if w.visible(w.reader, id) || len(w.searchIDs(w.reader, "flamingo")) != 0 || slices.Contains(w.feed(viewer(w.reader), store.PostFilter{}), id) {
		t.Error("a post moved into a secret community is still visible to a non-member")
	}
	p := w.mustPost(viewer(w.owner), id)
	if p.CommunityID != target.ID || p.AnswerCount != 1 {
		t.Errorf("moved post: community %d, answers %d; want %d, 1", p.CommunityID, p.AnswerCount, target.ID)
	}
	answers, _, _ := w.s.Replies(ctx, viewer(w.owner), id, 0)
	if len(answers) != 1 {
		t.Errorf("answers moved with the post: %d, want 1", len(answers))
	}
	if got := w.searchIDs(w.owner, "flamingo"); !slices.Equal(got, []int64{id}) {
		t.Errorf("search after move = %v, want [%d]", got, id)
	}
	if a, b := w.communityAs(viewer(w.owner), w.c.ID).PostCount, w.communityAs(viewer(w.owner), target.ID).PostCount; a != safeCount-1 || b != targetCount+1 {
		t.Errorf("post counts after move = %d, %d; want %d, %d", a, b, safeCount-1, targetCount+1)
	}
	entries, _ := w.s.AuditLog(ctx, store.AuditFilter{Action: "post.move", Viewer: viewer(w.mod)})
	if len(entries) != 1 || entries[0].CommunityName != target.Name || !strings.Contains(entries[0].Detail, w.c.Name) {
		t.Errorf("move audit = %+v", entries)
	}
}

func TestBan(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	wantErr(t, "ban the owner", w.s.Ban(ctx, viewer(w.mod), w.c.ID, w.owner.ID, ""), store.ErrNotAllowed)
	if err := w.s.Ban(ctx, viewer(w.mod), w.c.ID, w.reader.ID, "harassment"); err != nil {
		t.Fatalf("Ban: %v", err)
	}
	if role, _ := w.s.Role(ctx, w.reader.ID, w.c.ID); role != "" {
		t.Errorf("banned person still has role %q", role)
	}
	wantErr(t, "banned asks to join", w.s.RequestJoin(ctx, w.reader.ID, w.c.ID, "please"), store.ErrBanned)
	wantErr(t, "banned added", w.s.AddMember(ctx, w.owner.ID, w.c.ID, w.reader.ID, store.RoleMember), store.ErrNotAllowed)
	open := w.community(w.owner, "open", store.VisibilityOpen)
	if err := w.s.Ban(ctx, viewer(w.owner), open.ID, w.reader.ID, ""); err != nil {
		t.Fatalf("Ban from open: %v", err)
	}
	wantErr(t, "banned joins an open community", w.s.Join(ctx, w.reader.ID, open.ID), store.ErrBanned)
	w.memberCountMatches(w.owner, w.c.ID)
	bans, err := w.s.Bans(ctx, viewer(w.mod), w.c.ID)
	if err != nil || len(bans) != 1 || bans[0].Name != w.reader.Name || bans[0].Reason != "harassment" {
		t.Errorf("Bans = %+v, %v", bans, err)
	}
	if err := w.s.Unban(ctx, viewer(w.mod), w.c.ID, w.reader.ID); err != nil {
		t.Fatalf("Unban: %v", err)
	}
	if err := w.s.RequestJoin(ctx, w.reader.ID, w.c.ID, "sorry"); err != nil {
		t.Errorf("after unban, RequestJoin: %v", err)
	}
	entries, _ := w.s.AuditLog(ctx, store.AuditFilter{Action: "member.", ActorID: w.mod.ID, Viewer: viewer(w.mod)})
	if len(entries) != 2 || entries[1].Action != "member.ban" || entries[1].PersonName != w.reader.Name || entries[1].Detail != "harassment" {
		t.Errorf("ban audit = %+v", entries)
	}
}

func TestRepeatedJoinRequestKeepsMessage(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	newcomer := w.person("Nils Newcomer")
	if err := w.s.RequestJoin(ctx, newcomer.ID, w.c.ID, "I work with pricing"); err != nil {
		t.Fatal(err)
	}
	if err := w.s.RequestJoin(ctx, newcomer.ID, w.c.ID, ""); err != nil {
		t.Fatal(err)
	}
	reqs, err := w.s.JoinRequests(ctx, w.c.ID)
	if err != nil || len(reqs) != 1 || reqs[0].Message != "I work with pricing" {
		t.Errorf("JoinRequests = %+v, %v; want the first message kept", reqs, err)
	}
}

func TestWatchedWordsHoldAndBlock(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	for word, action := range map[string]string{"Krona Scam": store.WatchBlock, "salary": store.WatchHold} {
		if err := w.s.AddWatchedWord(ctx, w.admin.ID, word, action); err != nil {
			t.Fatalf("AddWatchedWord: %v", err)
		}
	}
	for _, tc := range []struct {
		texts []string
		want  store.WatchMatch
	}{
		{[]string{"Nothing here", "salaryman is one word"}, store.WatchMatch{}},
		{[]string{"About my SALARY."}, store.WatchMatch{Word: "salary", Action: store.WatchHold}},
		{[]string{"salary", "a krona   scam!"}, store.WatchMatch{Word: "krona scam", Action: store.WatchBlock}},
	} {
		got, err := w.s.Watch(ctx, tc.texts...)
		if err != nil || got != tc.want {
			t.Errorf("Watch(%q) = %+v, %v; want %+v", tc.texts, got, err, tc.want)
		}
	}
	held := w.post(store.NewPost{CommunityID: w.c.ID, AuthorID: w.member.ID, Title: "Held walrus", Held: true})
	if !w.visible(w.member, held) || !w.mustPost(viewer(w.member), held).Held {
		t.Error("the author cannot read their held post, or it is not marked")
	}
	if w.visible(w.reader, held) || slices.Contains(w.feed(viewer(w.reader), store.PostFilter{CommunityID: w.c.ID}), held) || len(w.searchIDs(w.reader, "walrus")) != 0 {
		t.Error("a held post is visible to another member")
	}
	q, err := w.s.ModerationQueue(ctx, viewer(w.mod), w.c.ID)
	if err != nil || len(q) != 1 || q[0].PostID != held || q[0].ReportID != 0 || q[0].Moderation != store.ModerationHeld {
		t.Fatalf("queue = %+v, %v; want the held post", q, err)
	}
	wantErr(t, "restore a held post", w.s.SetModeration(ctx, viewer(w.mod), held, 0, store.ActionRestore, ""), store.ErrConflict)
	if err := w.s.SetModeration(ctx, viewer(w.mod), held, 0, store.ActionApprove, ""); err != nil {
		t.Fatalf("approve: %v", err)
	}
	if !w.visible(w.reader, held) || !slices.Equal(w.searchIDs(w.reader, "walrus"), []int64{held}) {
		t.Error("an approved post is not visible and findable")
	}
	heldReply := w.reply(store.NewReply{PostID: held, Kind: store.ReplyComment, AuthorID: w.reader.ID, Body: "salary talk", Held: true})
	if q, _ := w.s.ModerationQueue(ctx, viewer(w.mod), w.c.ID); len(q) != 1 || q[0].ReplyID != heldReply {
		t.Errorf("queue = %+v, want the held reply", q)
	}
	if err := w.s.SetModeration(ctx, viewer(w.mod), held, heldReply, store.ActionReject, "off topic"); err != nil {
		t.Fatalf("reject: %v", err)
	}
	_, comments, _ := w.s.Replies(ctx, viewer(w.reader), held, 0)
	if len(comments) != 0 {
		t.Errorf("a rejected reply is shown to its author: %+v", comments)
	}
}

func TestConductAcceptance(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	if ok, err := w.s.ConductAccepted(ctx, w.c.ID, w.member.ID); ok || err != nil {
		t.Fatalf("ConductAccepted before = %t, %v", ok, err)
	}
	for range 2 {
		if err := w.s.AcceptConduct(ctx, w.c.ID, w.member.ID); err != nil {
			t.Fatalf("AcceptConduct: %v", err)
		}
	}
	if ok, _ := w.s.ConductAccepted(ctx, w.c.ID, w.member.ID); !ok {
		t.Error("acceptance not kept")
	}
	if ok, _ := w.s.ConductAccepted(ctx, w.other.ID, w.member.ID); ok {
		t.Error("acceptance leaked to another community")
	}
}

// TestAnonymousAuthorUnmaskedNowhere covers the anonymous asker through
// moderation: their own replies say Mine only to them, a moderator acting
// on the post sees no author, and the audit log of their own actions on it
// has no actor.
func TestAnonymousAuthorUnmaskedNowhere(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	// The asker is also a moderator of the community: the hardest case.
	id := w.post(store.NewPost{CommunityID: w.c.ID, AuthorID: w.mod.ID, Anonymous: true, Type: store.TypeQuestion, Title: "Secret worry"})
	own := w.reply(store.NewReply{PostID: id, Kind: store.ReplyComment, AuthorID: w.mod.ID, Body: "more detail"})
	w.reply(store.NewReply{PostID: id, Kind: store.ReplyAnswer, AuthorID: w.member.ID, Body: "an answer"})
	if _, err := w.s.Report(ctx, viewer(w.reader), store.NewReport{PostID: id, Reason: "other"}); err != nil {
		t.Fatal(err)
	}
	_, comments, _ := w.s.Replies(ctx, viewer(w.mod), id, 0)
	if len(comments) != 1 || !comments[0].Mine || comments[0].AuthorID != 0 {
		t.Errorf("the asker's own comment, as the asker: %+v; want Mine and no author id", comments)
	}
	for _, v := range []store.Person{w.owner, w.member, w.admin} {
		_, comments, _ := w.s.Replies(ctx, viewer(v), id, 0)
		for _, c := range comments {
			if c.Mine || c.AuthorID != 0 || c.AuthorName != "" {
				t.Errorf("%s sees the asker's comment as %+v", v.Name, c)
			}
		}
	}
	q, err := w.s.ModerationQueue(ctx, viewer(w.owner), w.c.ID)
	if err != nil || len(q) != 1 || q[0].AuthorName != "" || !q[0].Anonymous {
		t.Errorf("queue = %+v, %v; want the report with no author name", q, err)
	}
	if err := w.s.EditPost(ctx, w.mod.ID, id, store.PostEdit{Title: "Secret worry, edited", Body: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := w.s.LockPost(ctx, viewer(w.mod), id, true, ""); err != nil { // by the asker, as moderator
		t.Fatal(err)
	}
	if err := w.s.SetModeration(ctx, viewer(w.owner), id, 0, store.ActionHide, "by owner"); err != nil {
		t.Fatal(err)
	}
	if err := w.s.DeleteReply(ctx, w.mod.ID, own, true); err != nil { // the asker deletes their own comment with moderator power
		t.Fatal(err)
	}
	revs, _ := w.s.Revisions(ctx, viewer(w.owner), id, 0)
	for _, r := range revs {
		if r.EditorName == w.mod.Name {
			t.Errorf("revision list names the anonymous author: %+v", r)
		}
	}
	entries, err := w.s.AuditLog(ctx, store.AuditFilter{Viewer: viewer(w.owner)})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.ObjectKind != "post" && e.ObjectKind != "reply" {
			continue
		}
		b, _ := json.Marshal(e)
		if e.ActorID == w.mod.ID || strings.Contains(string(b), w.mod.Name) || strings.Contains(string(b), w.mod.Email) {
			t.Errorf("audit entry on the anonymous post names its author: %s", b)
		}
	}
	byOwner, _ := w.s.AuditLog(ctx, store.AuditFilter{Action: "post.hide"})
	if len(byOwner) != 1 || byOwner[0].ActorID != w.owner.ID {
		t.Errorf("another moderator's action is still recorded with its actor: %+v", byOwner)
	}
}

func TestContributionWait(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	l := store.NewAccountLimits{Age: 24 * time.Hour, PerHour: 2}
	for i := range 2 {
		if d, err := w.s.ContributionWait(ctx, w.member.ID, l); d != 0 || err != nil {
			t.Fatalf("before post %d: wait %v, %v; want 0", i+1, d, err)
		}
		w.post(store.NewPost{CommunityID: w.c.ID, AuthorID: w.member.ID, Title: fmt.Sprint("post ", i)})
	}
	d, err := w.s.ContributionWait(ctx, w.member.ID, l)
	if err != nil || d < 59*time.Minute || d > time.Hour {
		t.Errorf("after 2 posts: wait %v, %v; want about an hour", d, err)
	}
	if d, _ := w.s.ContributionWait(ctx, w.member.ID, store.NewAccountLimits{Age: time.Nanosecond, PerHour: 2}); d != 0 {
		t.Errorf("an old account waits %v, want 0", d)
	}
}

func TestAuditFilters(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	all, err := w.s.AuditLog(ctx, store.AuditFilter{})
	if err != nil || len(all) == 0 {
		t.Fatalf("AuditLog = %v, %v", all, err)
	}
	system, _ := w.s.AuditLog(ctx, store.AuditFilter{ActorID: -1})
	for _, e := range system {
		if e.ActorID != 0 || e.ActorName != "" {
			t.Errorf("system filter gave %+v", e)
		}
	}
	if len(system) == 0 || system[0].PersonName == "" || system[0].CommunityName == "" {
		t.Errorf("member.add entries by the system name no one: %+v", system)
	}
	future, _ := w.s.AuditLog(ctx, store.AuditFilter{From: time.Now().Add(time.Hour)})
	if len(future) != 0 {
		t.Errorf("From in the future gave %d entries", len(future))
	}
	page, _ := w.s.AuditLog(ctx, store.AuditFilter{Limit: 2})
	rest, _ := w.s.AuditLog(ctx, store.AuditFilter{BeforeID: page[len(page)-1].ID})
	if len(page)+len(rest) != len(all) {
		t.Errorf("pages %d + %d, want %d", len(page), len(rest), len(all))
	}
	f, fe := store.ParseAuditFilter(map[string][]string{"actor": {"system"}, "from": {"2026-01-02"}, "to": {"2026-01-02"}, "action": {"member."}})
	if len(fe) != 0 || f.ActorID != -1 || f.To.Sub(f.From) != 24*time.Hour || f.Action != "member." {
		t.Errorf("ParseAuditFilter = %+v, %v", f, fe)
	}
	if _, fe := store.ParseAuditFilter(map[string][]string{"actor": {"x"}, "from": {"yesterday"}}); len(fe) != 2 {
		t.Errorf("bad filters gave errors %v, want actor and from", fe)
	}
}

func TestRecentWait(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	l := store.NewAccountLimits{Age: 24 * time.Hour}
	recent := []time.Time{now.Add(-10 * time.Minute), now.Add(-40 * time.Minute), now.Add(-2 * time.Hour)}
	for _, tc := range []struct {
		created time.Time
		perHour int
		want    time.Duration
	}{
		{now.Add(-time.Hour), 3, 0},                // two in the last hour, three allowed
		{now.Add(-time.Hour), 2, 20 * time.Minute}, // the older of the two leaves the window in 20 minutes
		{now.Add(-time.Hour), 1, 50 * time.Minute}, // the newest leaves in 50
		{now.Add(-48 * time.Hour), 1, 0},           // not new any more
		{now.Add(-time.Hour), 0, 0},                // no limit set
	} {
		if got := l.RecentWait(tc.created, recent, tc.perHour, now); got != tc.want {
			t.Errorf("RecentWait(created %v ago, %d/h) = %v, want %v", now.Sub(tc.created), tc.perHour, got, tc.want)
		}
	}
}

// An organisation admin who is no member reads the log without the
// content of closed and secret communities (DESIGN §3 rule 1): the action,
// the time and the people stay; titles, reasons and the object go, and a
// secret community's name and id too. A member reads it all.
func TestAuditLogNoSilentAccess(t *testing.T) {
	t.Parallel()
	w := newModWorld(t)
	ctx := t.Context()
	secret := w.community(w.owner, "hidden", store.VisibilitySecret)
	w.add(secret, w.member, store.RoleMember)
	for _, c := range []store.Community{w.c, secret} {
		id := w.post(store.NewPost{CommunityID: c.ID, AuthorID: w.member.ID, Title: "Quokka plans " + c.Slug})
		if err := w.s.LockPost(ctx, viewer(w.owner), id, true, "quokka reason "+c.Slug); err != nil {
			t.Fatal(err)
		}
		if err := w.s.Ban(ctx, viewer(w.owner), c.ID, w.reader.ID, "quokka ban "+c.Slug); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"admin", "owner"} {
		v := viewer(w.admin)
		if format == "owner" {
			v = viewer(w.owner)
		}
		entries, err := w.s.AuditLog(ctx, store.AuditFilter{Viewer: v})
		if err != nil {
			t.Fatal(err)
		}
		text := ""
		locks, bans := 0, 0
		for _, e := range entries {
			b, _ := json.Marshal(e)
			text += string(b) + "\n"
			switch e.Action {
			case "post.lock":
				locks++
			case "member.ban":
				bans++
				if e.PersonName != w.reader.Name || e.ActorName != w.owner.Name {
					t.Errorf("as %s: ban entry without its people: %s", format, b)
				}
			}
		}
		if locks != 2 || bans != 2 {
			t.Errorf("as %s: %d lock and %d ban entries, want 2 and 2", format, locks, bans)
		}
		secretText := []string{"Quokka plans", "quokka reason", "quokka ban", secret.Name}
		if format == "owner" {
			for _, s := range secretText {
				if !strings.Contains(text, s) {
					t.Errorf("the owner's log lacks %q:\n%s", s, text)
				}
			}
			continue
		}
		for _, s := range secretText {
			if strings.Contains(text, s) {
				t.Errorf("the admin who is no member reads %q in the log:\n%s", s, text)
			}
		}
		if !strings.Contains(text, w.c.Name) {
			t.Errorf("the closed community's name, listed to everyone, is missing from the admin's log:\n%s", text)
		}
		if strings.Contains(text, fmt.Sprintf(`"community_id":%d`, secret.ID)) {
			t.Errorf("the admin's log names the secret community's id:\n%s", text)
		}
	}
}
