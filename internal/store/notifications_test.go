package store_test

import (
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// inbox returns a person's notifications as "kind:post:actor" lines, newest first.
func (w *world) inbox(p store.Person) []string {
	w.t.Helper()
	ns, _, err := w.s.Notifications(w.t.Context(), p.ID, 0, 100)
	if err != nil {
		w.t.Fatalf("Notifications(%s): %v", p.Name, err)
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
