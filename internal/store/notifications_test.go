package store_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// inbox returns a person's notifications as "kind:post:actor" lines, newest
// first. It checks that what the live broker reads (NotificationsAfter, for
// the person and for everyone, and NotificationsByID) is the same, names and
// all.
func (w *world) inbox(p store.Person) []string {
	w.t.Helper()
	ns, _, err := w.s.Notifications(w.t.Context(), p.ID, 0, 100)
	if err != nil {
		w.t.Fatalf("Notifications(%s): %v", p.Name, err)
	}
	live, err := w.s.NotificationsAfter(w.t.Context(), p.ID, 0, 1<<62, 100)
	if err != nil {
		w.t.Fatalf("NotificationsAfter(%s): %v", p.Name, err)
	}
	all, err := w.s.NotificationsAfter(w.t.Context(), 0, 0, 1<<62, 10000)
	if err != nil {
		w.t.Fatalf("NotificationsAfter(everyone): %v", err)
	}
	var theirs []store.Notification
	for _, n := range all {
		if n.PersonID == p.ID {
			theirs = append(theirs, n)
		}
	}
	// As a delivery round reads them: the recipients of every row, then the
	// rows by id, each checked for its recipient.
	plan, err := w.s.NotificationRecipients(w.t.Context(), 0, 1<<62, 10000)
	if err != nil {
		w.t.Fatalf("NotificationRecipients: %v", err)
	}
	var ids []int64
	for _, x := range plan {
		if x.PersonID == p.ID {
			ids = append(ids, x.ID)
		}
	}
	byID, err := w.s.NotificationsByID(w.t.Context(), ids)
	if err != nil {
		w.t.Fatalf("NotificationsByID(%s): %v", p.Name, err)
	}
	for _, got := range [][]store.Notification{live, theirs, byID} {
		if len(got) != len(ns) {
			w.t.Errorf("%s: %d notifications live, %d listed", p.Name, len(got), len(ns))
			continue
		}
		for i, n := range got {
			if want := ns[len(ns)-1-i]; n != want {
				w.t.Errorf("%s: live %+v\nlisted %+v", p.Name, n, want)
			}
		}
	}
	var out []string
	for _, n := range ns {
		out = append(out, n.Kind+":"+itoa(n.PostID)+":"+n.ActorName)
	}
	return out
}

func has(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

func TestNotificationsOfAThread(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner, asker, helper, other := w.person("Olle Owner"), w.person("Anna Asker"), w.person("Hugo Helper"), w.person("Otto Other")
	c := w.community(owner, "team", store.VisibilityOpen)
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Type: store.TypeQuestion, Title: "How?"})

	a := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: helper.ID, Body: "Like this, @otto.other"})
	if got := w.inbox(asker); len(got) != 1 || got[0] != "answer:"+itoa(q)+":Hugo Helper" {
		t.Errorf("asker after an answer: %q", got)
	}
	if got := w.inbox(other); len(got) != 1 || got[0] != "mention:"+itoa(q)+":Hugo Helper" {
		t.Errorf("mentioned person: %q", got)
	}
	if got := w.inbox(helper); len(got) != 0 {
		t.Errorf("the actor is told of their own answer: %q", got)
	}
	p := w.mustPost(viewer(asker), q)
	answers, _, _ := w.s.Replies(ctx, viewer(asker), q, p.AcceptedAnswerID)
	if !strings.Contains(answers[0].BodyHTML, `<a href="/u/`+itoa(other.ID)+`" class="mention">@otto.other</a>`) {
		t.Errorf("mention not linked: %s", answers[0].BodyHTML)
	}

	if err := w.s.Accept(ctx, asker.ID, q, a); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.React(ctx, asker.ID, q, a, store.ReactHelpedMe, true); err != nil {
		t.Fatal(err)
	}
	got := w.inbox(helper)
	if !has(got, "accepted:"+itoa(q)+":Anna Asker") || !has(got, "helped:"+itoa(q)+":Anna Asker") {
		t.Errorf("helper after accept and helped me: %q", got)
	}
	// The helper follows the question now: a comment reaches them.
	w.reply(store.NewReply{PostID: q, Kind: store.ReplyComment, AuthorID: asker.ID})
	if got := w.inbox(helper); !has(got, "comment:"+itoa(q)+":Anna Asker") {
		t.Errorf("helper after a comment: %q", got)
	}

	n, err := w.s.UnreadCount(ctx, helper.ID)
	if err != nil || n != 3 {
		t.Errorf("unread = %d, %v; want 3", n, err)
	}
	ns, _, _ := w.s.Notifications(ctx, helper.ID, 0, 10)
	// Someone else's ids change nothing.
	if err := w.s.MarkRead(ctx, asker.ID, []int64{ns[0].ID}); err != nil {
		t.Fatal(err)
	}
	if n, _ := w.s.UnreadCount(ctx, helper.ID); n != 3 {
		t.Errorf("another person marked my notification read: unread %d", n)
	}
	if err := w.s.MarkRead(ctx, helper.ID, []int64{ns[0].ID}); err != nil {
		t.Fatal(err)
	}
	if n, _ := w.s.UnreadCount(ctx, helper.ID); n != 2 {
		t.Errorf("unread after marking one = %d, want 2", n)
	}
	if err := w.s.MarkAllRead(ctx, helper.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := w.s.UnreadCount(ctx, helper.ID); n != 0 {
		t.Errorf("unread after marking all = %d", n)
	}
}

func TestNotificationsAnonymousAuthorNeverNamed(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner, asker, helper := w.person("Olle Owner"), w.person("Anna Asker"), w.person("Hugo Helper")
	c := w.community(owner, "safe", store.VisibilityOpen)
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Anonymous: true, Type: store.TypeQuestion, Title: "Secret worry", Body: "Ping @hugo.helper"})
	a := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: helper.ID})
	w.reply(store.NewReply{PostID: q, Kind: store.ReplyComment, AuthorID: asker.ID, Body: "Thanks @hugo.helper"})
	if err := w.s.Accept(ctx, asker.ID, q, a); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.React(ctx, asker.ID, q, a, store.ReactHelpedMe, true); err != nil {
		t.Fatal(err)
	}
	got := w.inbox(helper)
	for _, want := range []string{"mention:" + itoa(q) + ":", "accepted:" + itoa(q) + ":", "helped:" + itoa(q) + ":"} {
		if !has(got, want) {
			t.Errorf("helper's inbox %q lacks %q", got, want)
		}
	}
	ns, _, _ := w.s.Notifications(ctx, helper.ID, 0, 100)
	for _, n := range ns {
		if n.ActorID == asker.ID || n.ActorName == asker.Name {
			t.Errorf("notification %+v names the anonymous asker", n)
		}
	}
	all, _ := w.s.NotificationsAfter(ctx, 0, 0, 1<<62, 1000)
	for _, n := range all {
		if n.PersonID != asker.ID && (n.ActorID == asker.ID || n.ActorName == asker.Name) {
			t.Errorf("live notification %+v names the anonymous asker", n)
		}
	}
	// The asker hears of the answer to their own anonymous question.
	if got := w.inbox(asker); !has(got, "answer:"+itoa(q)+":Hugo Helper") {
		t.Errorf("asker's inbox: %q", got)
	}
}

func TestNotificationsRecheckedWhenRead(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner, member, outsider := w.person("Olle Owner"), w.person("Maja Member"), w.person("Ulf Outsider")
	c := w.community(owner, "closed", store.VisibilityClosed)
	w.add(c, member, store.RoleMember)
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: member.ID, Type: store.TypeQuestion, Title: "Closed question",
		Body: "@ulf.outsider @maja.member @olle.owner"})
	if got := w.inbox(outsider); len(got) != 0 {
		t.Errorf("an outsider mentioned in a closed community is notified: %q", got)
	}
	if got := w.inbox(owner); !has(got, "mention:"+itoa(q)+":Maja Member") {
		t.Errorf("owner: %q", got)
	}
	w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: owner.ID})
	if got := w.inbox(member); len(got) != 1 {
		t.Fatalf("member: %q", got)
	}
	if err := w.s.Leave(ctx, owner.ID, c.ID, member.ID); err != nil {
		t.Fatal(err)
	}
	if got := w.inbox(member); len(got) != 0 {
		t.Errorf("a removed member still sees notifications of the community: %q", got)
	}
	if n, _ := w.s.UnreadCount(ctx, member.ID); n != 0 {
		t.Errorf("a removed member's unread count: %d", n)
	}
	if all, _ := w.s.NotificationsAfter(ctx, member.ID, 0, 1<<62, 100); len(all) != 0 {
		t.Errorf("live delivery to a removed member: %+v", all)
	}
	// A deleted post takes its notifications with it.
	if err := w.s.DeletePost(ctx, owner.ID, q, true); err != nil {
		t.Fatal(err)
	}
	if got := w.inbox(owner); len(got) != 0 {
		t.Errorf("notifications of a deleted post: %q", got)
	}
}

func TestNotificationsJoinRequestsIdeasAndFollows(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner, mod, asker, fan := w.person("Olle Owner"), w.person("Mona Mod"), w.person("Anna Asker"), w.person("Fia Fan")
	c := w.community(owner, "club", store.VisibilityClosed)
	w.add(c, mod, store.RoleModerator)
	if err := w.s.RequestJoin(ctx, asker.ID, c.ID, "please"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []store.Person{owner, mod} {
		ns, _, _ := w.s.Notifications(ctx, p.ID, 0, 10)
		if len(ns) != 1 || ns[0].Kind != store.NotifyJoinRequest || ns[0].ActorName != "Anna Asker" || ns[0].URL() != "/c/club/requests" {
			t.Errorf("%s: %+v", p.Name, ns)
		}
	}
	// Moderator power is checked when read: a demoted moderator no longer sees it.
	if err := w.s.SetRole(ctx, owner.ID, c.ID, mod.ID, store.RoleMember); err != nil {
		t.Fatal(err)
	}
	if got := w.inbox(mod); len(got) != 0 {
		t.Errorf("demoted moderator: %q", got)
	}

	open := w.community(owner, "ideas", store.VisibilityOpen)
	if err := w.s.Follow(ctx, fan.ID, store.FollowPerson, itoa(owner.ID)); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Follow(ctx, fan.ID, store.FollowTag, "kaffe"); err != nil {
		t.Fatal(err)
	}
	idea := w.post(store.NewPost{CommunityID: open.ID, AuthorID: owner.ID, Type: store.TypeIdea, Title: "Better coffee", Tags: []string{"kaffe"}})
	if got := w.inbox(fan); len(got) != 1 || got[0] != "new_post:"+itoa(idea)+":Olle Owner" {
		t.Errorf("fan after a followed person posts with a followed tag: %q", got)
	}
	anon := w.post(store.NewPost{CommunityID: open.ID, AuthorID: owner.ID, Anonymous: true, Type: store.TypeQuestion, Title: "Anon", Tags: []string{"kaffe"}})
	if got := w.inbox(fan); !has(got, "new_post:"+itoa(anon)+":") {
		t.Errorf("fan after an anonymous post with a followed tag: %q", got)
	}
	if _, err := w.s.Vote(ctx, asker.ID, idea, true); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetIdeaStatus(ctx, owner.ID, idea, "planned", "soon"); err != nil {
		t.Fatal(err)
	}
	ns, _, _ := w.s.Notifications(ctx, asker.ID, 0, 10)
	if len(ns) == 0 || ns[0].Kind != store.NotifyIdeaStatus || ns[0].Detail != "planned" {
		t.Errorf("voter after a status change: %+v", ns)
	}
}

func TestGroupNotifications(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	owner, asker := w.person("Olle Owner"), w.person("Anna Asker")
	c := w.community(owner, "g", store.VisibilityOpen)
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Type: store.TypeQuestion, Title: "Q"})
	for _, name := range []string{"B One", "B Two", "B Three"} {
		p := w.person(name)
		w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: p.ID})
	}
	ns, _, _ := w.s.Notifications(t.Context(), asker.ID, 0, 10)
	gs := store.GroupNotifications(ns)
	if len(gs) != 1 || gs[0].Count != 3 || gs[0].Unread != 3 || len(gs[0].Actors) != 3 || gs[0].Actors[0] != "B Three" || len(gs[0].IDs) != 3 {
		t.Errorf("groups: %+v", gs)
	}
}

// TestNotificationsFollowModeration: a held or hidden post or reply tells
// no one who may not see it (list, unread count, live delivery, mail) and
// shows in no live activity; its author (held only), the community's
// moderators and admins keep their notifications. The rule is read at read
// time: approval later shows them, hiding later takes them away.
func TestNotificationsFollowModeration(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner, author, member := w.person("Olle Owner"), w.person("Aron Author"), w.person("Maja Member")
	fan, mod, admin := w.person("Fia Fan"), w.person("Mona Mod"), w.person("Ada Admin", asAdmin)
	c := w.community(owner, "open", store.VisibilityOpen)
	for _, p := range []store.Person{author, member, fan, admin} {
		w.add(c, p, store.RoleMember)
	}
	w.add(c, mod, store.RoleModerator)
	if err := w.s.Follow(ctx, fan.ID, store.FollowPerson, itoa(author.ID)); err != nil {
		t.Fatal(err)
	}
	hidden := func(p store.Person) {
		t.Helper()
		if got := w.inbox(p); len(got) != 0 {
			t.Errorf("%s is told of what they may not see: %q", p.Name, got)
		}
		if n, err := w.s.UnreadCount(ctx, p.ID); err != nil || n != 0 {
			t.Errorf("%s's unread count: %d %v", p.Name, n, err)
		}
		if live, err := w.s.NotificationsAfter(ctx, p.ID, 0, 1<<62, 100); err != nil || len(live) != 0 {
			t.Errorf("live delivery to %s: %+v %v", p.Name, live, err)
		}
		if all, err := w.s.NotificationsAfter(ctx, 0, 0, 1<<62, 1000); err != nil {
			t.Fatal(err)
		} else {
			for _, n := range all {
				if n.PersonID == p.ID {
					t.Errorf("live delivery to everyone holds %s's %+v", p.Name, n)
				}
			}
		}
	}
	told := func(p store.Person, want string) store.Notification {
		t.Helper()
		ns, _, err := w.s.Notifications(ctx, p.ID, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range ns {
			if n.Kind+":"+itoa(n.PostID)+":"+itoa(n.ReplyID) == want {
				return n
			}
		}
		t.Errorf("%s is not told %s: %q", p.Name, want, w.inbox(p))
		return store.Notification{}
	}
	activity := func() map[string]bool {
		t.Helper()
		acts, err := w.s.ActivityAfter(ctx, 0, 1<<62, 1000)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, e := range acts {
			out[e.Kind+":"+itoa(e.PostID)+":"+itoa(e.ReplyID)] = true
		}
		return out
	}
	moderate := func(post, reply int64, action string) {
		t.Helper()
		if err := w.s.SetModeration(ctx, viewer(owner), post, reply, action, "test"); err != nil {
			t.Fatalf("%s %d/%d: %v", action, post, reply, err)
		}
	}

	// A held post that mentions people, by an author someone follows.
	held := w.post(store.NewPost{CommunityID: c.ID, AuthorID: author.ID, Title: "Held", Held: true,
		Body: "@maja.member @mona.mod @ada.admin"})
	hidden(member)
	hidden(fan)
	told(mod, "mention:"+itoa(held)+":0")
	told(admin, "mention:"+itoa(held)+":0")
	if activity()["post:"+itoa(held)+":0"] {
		t.Errorf("live activity of a held post")
	}
	moderate(held, 0, store.ActionApprove)
	told(member, "mention:"+itoa(held)+":0")
	told(fan, "new_post:"+itoa(held)+":0")
	if n, _ := w.s.UnreadCount(ctx, member.ID); n != 1 {
		t.Errorf("member's unread count after approval: %d", n)
	}
	if !activity()["post:"+itoa(held)+":0"] {
		t.Errorf("no live activity of an approved post")
	}
	// Hidden later: gone again, also for the mail job that reads it.
	mention := told(member, "mention:"+itoa(held)+":0")
	moderate(held, 0, store.ActionHide)
	hidden(member)
	hidden(fan)
	if _, err := w.s.Notification(ctx, mention.ID); err != store.ErrNotFound {
		t.Errorf("the mail job still reads a notification of a hidden post: %v", err)
	}
	told(mod, "mention:"+itoa(held)+":0")
	told(admin, "mention:"+itoa(held)+":0")
	if activity()["post:"+itoa(held)+":0"] {
		t.Errorf("live activity of a hidden post")
	}

	// A held answer on a followed question, that mentions someone; a held
	// answer on one's own question is the author's to see.
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: member.ID, Type: store.TypeQuestion, Title: "Question"})
	if err := w.s.Follow(ctx, fan.ID, store.FollowPost, itoa(q)); err != nil {
		t.Fatal(err)
	}
	hidden(member) // the new post's news goes to the fan only
	heldAnswer := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: author.ID, Body: "@maja.member @mona.mod", Held: true})
	hidden(member)
	hidden(fan)
	told(mod, "mention:"+itoa(q)+":"+itoa(heldAnswer))
	if activity()["answer:"+itoa(q)+":"+itoa(heldAnswer)] {
		t.Errorf("live activity of a held answer")
	}
	moderate(q, heldAnswer, store.ActionApprove)
	told(member, "mention:"+itoa(q)+":"+itoa(heldAnswer))
	told(fan, "answer:"+itoa(q)+":"+itoa(heldAnswer))
	if !activity()["answer:"+itoa(q)+":"+itoa(heldAnswer)] {
		t.Errorf("no live activity of an approved answer")
	}
	// A comment shown at first and hidden later.
	comment := w.reply(store.NewReply{PostID: q, ParentID: heldAnswer, Kind: store.ReplyComment, AuthorID: owner.ID, Body: "@aron.author"})
	told(fan, "comment:"+itoa(q)+":"+itoa(comment))
	told(author, "mention:"+itoa(q)+":"+itoa(comment))
	moderate(q, comment, store.ActionHide)
	for _, p := range []store.Person{fan, author, member} {
		for _, line := range w.inbox(p) {
			if strings.HasPrefix(line, "comment:") || p.ID == author.ID && strings.HasPrefix(line, "mention:") {
				t.Errorf("%s is still told of a hidden comment: %q", p.Name, w.inbox(p))
			}
		}
	}
	if activity()["comment:"+itoa(q)+":"+itoa(comment)] {
		t.Errorf("live activity of a hidden comment")
	}
	// A held post stays the author's own: they are told of answers on it.
	own := w.post(store.NewPost{CommunityID: c.ID, AuthorID: author.ID, Type: store.TypeQuestion, Title: "Own held", Held: true})
	ans := w.reply(store.NewReply{PostID: own, Kind: store.ReplyAnswer, AuthorID: mod.ID})
	told(author, "answer:"+itoa(own)+":"+itoa(ans))
}

// An answer to a question many people follow: each follower gets exactly one
// notification of it (a mentioned follower hears of it once, as a mention),
// and the notification of everyone who wants that kind at once is in exactly
// one mail job (which mails are sent is tested in internal/mail).
func TestNotificationsEveryFollowerOnceWithMailJobs(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Olle Owner")
	c := w.community(owner, "team", store.VisibilityOpen)
	q := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: "How?"})
	answerer := w.person("Ada Answerer")
	w.add(c, answerer, store.RoleMember)
	var followers []store.Person
	wants := map[int64]string{owner.ID: "immediate"} // the asker follows their question
	for i := range 2*store.MailBatch + 10 {
		p := w.person("Follower " + string(rune('a'+i%26)) + itoa(int64(i)))
		w.add(c, p, store.RoleMember)
		if err := w.s.Follow(ctx, p.ID, store.FollowPost, itoa(q)); err != nil {
			t.Fatal(err)
		}
		d := []string{"immediate", "digest", "never", ""}[i%4] // "": the default, at once for answers
		if d != "" {
			if err := w.s.SetMailSettings(ctx, p.ID, "weekly", map[string]string{store.NotifyAnswer: d}); err != nil {
				t.Fatal(err)
			}
		} else {
			d = "immediate"
		}
		wants[p.ID] = d
		followers = append(followers, p)
	}
	// Follower 2 is mentioned; they want answers never but mentions at once
	// (the default), so they get a mention and its mail.
	mentioned := followers[2]
	handle := strings.ToLower(strings.ReplaceAll(mentioned.Name, " ", "."))
	r := w.reply(store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: answerer.ID, Body: "See @" + handle})

	ns, err := w.s.NotificationsAfter(ctx, 0, 0, 1<<62, 1000)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64][]store.Notification{}
	byID := map[int64]store.Notification{}
	for _, n := range ns {
		if n.ReplyID == r {
			got[n.PersonID] = append(got[n.PersonID], n)
			byID[n.ID] = n
		}
	}
	if len(got) != len(wants) {
		t.Errorf("%d people notified, want %d (the followers and the asker)", len(got), len(wants))
	}
	if len(got[answerer.ID]) != 0 {
		t.Errorf("the answerer is told of their own answer")
	}
	for pid := range wants {
		want := store.NotifyAnswer
		if pid == mentioned.ID {
			want = store.NotifyMention
		}
		if len(got[pid]) != 1 || got[pid][0].Kind != want || got[pid][0].ActorName != answerer.Name || got[pid][0].PostID != q {
			t.Errorf("person %d: %+v, want one %s by %s", pid, got[pid], want, answerer.Name)
		}
	}

	// The mail jobs: one per run of at most MailBatch ids, "first-last";
	// each notification of a person who wants it at once lies in exactly one.
	covered := map[int64]int{}
	for {
		j, err := w.s.ClaimJob(ctx, []string{store.JobMailNotification, store.JobMailNotifications}, time.Minute)
		if err == store.ErrNotFound {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		first, last, _ := strings.Cut(j.Payload, "-")
		lo, _ := strconv.ParseInt(first, 10, 64)
		hi, _ := strconv.ParseInt(last, 10, 64)
		if j.Kind != store.JobMailNotifications || lo <= 0 || hi < lo || hi-lo >= store.MailBatch {
			t.Errorf("mail job %s %q", j.Kind, j.Payload)
			continue
		}
		immediate := 0
		for id := lo; id <= hi; id++ {
			if n, ok := byID[id]; ok {
				covered[n.PersonID]++
				if wants[n.PersonID] == "immediate" || n.PersonID == mentioned.ID {
					immediate++
				}
			}
		}
		if immediate == 0 || wants[byID[lo].PersonID] != "immediate" && byID[lo].PersonID != mentioned.ID {
			t.Errorf("mail job %q: starts with %d, who wants no mail, or holds no one who does", j.Payload, byID[lo].PersonID)
		}
	}
	for pid, d := range wants {
		if (d == "immediate" || pid == mentioned.ID) && covered[pid] != 1 {
			t.Errorf("person %d (answers: %s): in %d mail jobs, want 1", pid, d, covered[pid])
		}
	}
}

// A new post that mentions someone who follows its tag and its author tells
// them once, as a mention; the other followers hear of a new post.
func TestNotificationsNewPostMentionedFollowerOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner, author, fan, tagFan := w.person("Olle Owner"), w.person("Ann Author"), w.person("Fia Fan"), w.person("Tor Tagfan")
	c := w.community(owner, "team", store.VisibilityOpen)
	for _, p := range []store.Person{author, fan, tagFan} {
		w.add(c, p, store.RoleMember)
		if err := w.s.Follow(ctx, p.ID, store.FollowTag, "crm"); err != nil {
			t.Fatal(err)
		}
		if err := w.s.Follow(ctx, p.ID, store.FollowPerson, itoa(author.ID)); err != nil {
			t.Fatal(err)
		}
	}
	id := w.post(store.NewPost{CommunityID: c.ID, AuthorID: author.ID, Type: store.TypeTip, Title: "Tips", Body: "Ask @fia.fan", Tags: []string{"crm"}})
	if got := w.inbox(fan); len(got) != 1 || got[0] != "mention:"+itoa(id)+":Ann Author" {
		t.Errorf("mentioned follower: %q", got)
	}
	if got := w.inbox(tagFan); len(got) != 1 || got[0] != "new_post:"+itoa(id)+":Ann Author" {
		t.Errorf("follower: %q", got)
	}
	if got := w.inbox(author); len(got) != 0 {
		t.Errorf("the author is told of their own post: %q", got)
	}
}
