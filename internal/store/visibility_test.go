package store_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// safeZone is a small organisation with one open, one closed and one secret
// community, built to check DESIGN §3 on every store surface that reads
// content. Each community holds a question by M (unanswered, edited once) and
// a question by O that M answered.
type safeZone struct {
	*world
	owner, author, reader, outsider, admin store.Person
	comms                                  map[string]store.Community // by visibility
	child                                  store.Community            // open, with the secret community as parent
	posts                                  []zonePost
}

type zonePost struct {
	id       int64
	vis      string // the community's visibility
	authorID int64
	tags     []string
	answered bool
	answer   int64 // the author's answer, when answered
}

func newSafeZone(t *testing.T) *safeZone {
	t.Helper()
	z := &safeZone{world: newWorld(t), comms: map[string]store.Community{}}
	ctx := t.Context()
	z.owner = z.person("Olle Owner")
	z.author = z.person("Maja Member")
	z.reader = z.person("Nils Reader")
	z.outsider = z.person("Xena Outsider", func(np *store.NewPerson) { np.Expertise = []string{"closed-tag", "secret-tag"} })
	z.admin = z.person("Ada Admin", asAdmin, func(np *store.NewPerson) { np.Expertise = []string{"closed-tag", "secret-tag"} })

	for _, vis := range store.Visibilities {
		c := z.community(z.owner, vis, vis)
		z.comms[vis] = c
		z.add(c, z.author, store.RoleMember)
		z.add(c, z.reader, store.RoleMember)

		mq := z.post(store.NewPost{CommunityID: c.ID, AuthorID: z.author.ID, Type: store.TypeQuestion,
			Title: "Question in " + vis, Tags: []string{vis + "-tag", "shared"}})
		if err := z.s.EditPost(ctx, z.author.ID, mq, store.PostEdit{Title: "Edited question in " + vis, Body: "new body",
			Tags: []string{vis + "-tag", "shared"}}); err != nil {
			t.Fatalf("EditPost: %v", err)
		}
		oq := z.post(store.NewPost{CommunityID: c.ID, AuthorID: z.owner.ID, Type: store.TypeQuestion,
			Title: "Owner asks in " + vis, Tags: []string{vis + "-tag"}})
		answer := z.reply(store.NewReply{PostID: oq, Kind: store.ReplyAnswer, AuthorID: z.author.ID})
		z.posts = append(z.posts,
			zonePost{id: mq, vis: vis, authorID: z.author.ID, tags: []string{vis + "-tag", "shared"}},
			zonePost{id: oq, vis: vis, authorID: z.owner.ID, tags: []string{vis + "-tag"}, answered: true, answer: answer})
	}
	z.child = z.community(z.owner, "child", store.VisibilityOpen)
	if err := z.s.UpdateCommunity(ctx, z.owner.ID, z.child.ID, store.CommunitySettings{
		Name: "Child", Kind: store.KindSubject, Visibility: store.VisibilityOpen, ParentID: z.comms[store.VisibilitySecret].ID,
	}); err != nil {
		t.Fatalf("UpdateCommunity(child): %v", err)
	}

	// The outsider and the admin join the open community and follow
	// everything that could pull hidden posts into their home feed.
	for _, p := range []store.Person{z.outsider, z.admin} {
		if err := z.s.Join(ctx, p.ID, z.comms[store.VisibilityOpen].ID); err != nil {
			t.Fatalf("Join(open): %v", err)
		}
		follows := [][2]string{
			{store.FollowTag, "closed-tag"}, {store.FollowTag, "secret-tag"}, {store.FollowTag, "shared"},
			{store.FollowPerson, fmt.Sprint(z.author.ID)}, {store.FollowPerson, fmt.Sprint(z.owner.ID)},
			{store.FollowCommunity, fmt.Sprint(z.comms[store.VisibilityClosed].ID)},
			{store.FollowCommunity, fmt.Sprint(z.comms[store.VisibilitySecret].ID)},
		}
		for _, zp := range z.posts {
			follows = append(follows, [2]string{store.FollowPost, fmt.Sprint(zp.id)})
		}
		for _, f := range follows {
			if err := z.s.Follow(ctx, p.ID, f[0], f[1]); err != nil {
				t.Fatalf("Follow(%v): %v", f, err)
			}
		}
	}
	return z
}

// seer describes what one viewer should be able to read.
type seer struct {
	name     string
	v        store.Viewer
	readable []string // visibilities of the communities whose content they read
	memberOf []string
}

func (z *safeZone) outsiders() []seer {
	return []seer{
		{"outsider", viewer(z.outsider), []string{"open"}, []string{"open"}},
		{"organisation admin", viewer(z.admin), []string{"open"}, []string{"open"}},
		{"nobody", store.Viewer{}, []string{"open"}, nil},
	}
}

// expect returns the ids of the zone's posts that a viewer reading the
// communities in readable should get for a filter.
func (z *safeZone) expect(s seer, f store.PostFilter) []int64 {
	var out []int64
	for _, zp := range z.posts {
		c := z.comms[zp.vis]
		switch {
		case !slices.Contains(s.readable, zp.vis),
			f.CommunityID != 0 && f.CommunityID != c.ID,
			f.Tag != "" && !slices.Contains(zp.tags, f.Tag),
			f.AuthorID != 0 && f.AuthorID != zp.authorID,
			f.Unanswered && zp.answered,
			f.Home && !slices.Contains(s.memberOf, zp.vis):
			continue
		}
		out = append(out, zp.id)
	}
	return out
}

func (z *safeZone) filters() []store.PostFilter {
	fs := []store.PostFilter{
		{},
		{Tag: "shared"}, {Tag: "open-tag"}, {Tag: "closed-tag"}, {Tag: "secret-tag"},
		{AuthorID: z.author.ID}, {AuthorID: z.owner.ID},
		{Type: store.TypeQuestion},
		{Unanswered: true},
		{Home: true},
		{Home: true, Tag: "secret-tag"},
	}
	for _, c := range z.comms {
		fs = append(fs, store.PostFilter{CommunityID: c.ID}, store.PostFilter{CommunityID: c.ID, Unanswered: true})
	}
	return fs
}

// check asserts every content surface against the seer's expectations.
func (z *safeZone) check(t *testing.T, s seer) {
	t.Helper()
	ctx := t.Context()

	// Post.
	for _, zp := range z.posts {
		_, err := z.s.Post(ctx, s.v, zp.id)
		if slices.Contains(s.readable, zp.vis) {
			if err != nil {
				t.Errorf("%s: Post(%d in %s) error = %v, want the post", s.name, zp.id, zp.vis, err)
			}
		} else {
			wantErr(t, fmt.Sprintf("%s: Post(%d in %s)", s.name, zp.id, zp.vis), err, store.ErrNotFound)
		}
	}

	// Reply, by id.
	for _, zp := range z.posts {
		if zp.answer == 0 {
			continue
		}
		_, err := z.s.Reply(ctx, s.v, zp.answer)
		if slices.Contains(s.readable, zp.vis) {
			if err != nil {
				t.Errorf("%s: Reply(%d in %s) error = %v, want the reply", s.name, zp.answer, zp.vis, err)
			}
		} else {
			wantErr(t, fmt.Sprintf("%s: Reply(%d in %s)", s.name, zp.answer, zp.vis), err, store.ErrNotFound)
		}
	}

	// Posts, every filter.
	for _, f := range z.filters() {
		got := z.feed(s.v, f)
		if want := z.expect(s, f); !slices.Equal(sorted(got), sorted(want)) {
			t.Errorf("%s: Posts(%+v) = %v, want %v", s.name, f, sorted(got), sorted(want))
		}
	}

	// HelpWanted: unanswered questions in their communities, not their own.
	hw, err := z.s.HelpWanted(ctx, s.v, 100)
	if err != nil {
		t.Fatalf("%s: HelpWanted: %v", s.name, err)
	}
	var wantHW []int64
	for _, zp := range z.posts {
		if !zp.answered && zp.authorID != s.v.ID && slices.Contains(s.memberOf, zp.vis) && slices.Contains(s.readable, zp.vis) {
			wantHW = append(wantHW, zp.id)
		}
	}
	if got := ids(hw); !slices.Equal(sorted(got), sorted(wantHW)) {
		t.Errorf("%s: HelpWanted = %v, want %v", s.name, sorted(got), sorted(wantHW))
	}

	// PopularTags, overall and per community: names and counts as if hidden communities were absent.
	wantTags := map[string]int64{}
	for _, zp := range z.posts {
		if slices.Contains(s.readable, zp.vis) {
			for _, tag := range zp.tags {
				wantTags[tag]++
			}
		}
	}
	tags, err := z.s.PopularTags(ctx, s.v, 0, 100)
	if err != nil {
		t.Fatalf("%s: PopularTags: %v", s.name, err)
	}
	gotTags := map[string]int64{}
	for _, tg := range tags {
		gotTags[tg.Name] = tg.Count
	}
	if fmt.Sprint(gotTags) != fmt.Sprint(wantTags) {
		t.Errorf("%s: PopularTags = %v, want %v", s.name, gotTags, wantTags)
	}
	for vis, c := range z.comms {
		tags, err := z.s.PopularTags(ctx, s.v, c.ID, 100)
		if err != nil {
			t.Fatalf("%s: PopularTags(%s): %v", s.name, vis, err)
		}
		if readable := slices.Contains(s.readable, vis); readable != (len(tags) > 0) {
			t.Errorf("%s: PopularTags(%s) = %v, want tags only if readable (%t)", s.name, vis, tagNames(tags), readable)
		}
	}

	// Profile counters of the author: one question and one answer per readable community.
	st, err := z.s.Stats(ctx, s.v, z.author.ID)
	if err != nil {
		t.Fatalf("%s: Stats: %v", s.name, err)
	}
	if n := int64(len(s.readable)); st.Posts != n || st.Answers != n {
		t.Errorf("%s: Stats(author) = %+v, want %d posts and %d answers", s.name, st, n, n)
	}

	// Revisions of the edited questions.
	for _, zp := range z.posts {
		if zp.authorID != z.author.ID {
			continue
		}
		revs, err := z.s.Revisions(ctx, s.v, zp.id, 0)
		if err != nil {
			t.Fatalf("%s: Revisions: %v", s.name, err)
		}
		want := 0
		if slices.Contains(s.readable, zp.vis) {
			want = 1
		}
		if len(revs) != want {
			t.Errorf("%s: Revisions(%s question) = %d, want %d", s.name, zp.vis, len(revs), want)
		}
	}

	// Communities: closed ones are listed with their member count, secret ones do not exist.
	_, missingErr := z.s.CommunityBySlug(ctx, s.v, "no-such-community")
	wantErr(t, s.name+": CommunityBySlug(missing)", missingErr, store.ErrNotFound)
	for vis, c := range z.comms {
		bySlug, errSlug := z.s.CommunityBySlug(ctx, s.v, c.Slug)
		byID, errID := z.s.CommunityByID(ctx, s.v, c.ID)
		member := slices.Contains(s.memberOf, vis) || (vis != "open" && slices.Contains(s.readable, vis))
		if vis == store.VisibilitySecret && !member {
			for _, err := range []error{errSlug, errID} {
				if err == nil || err.Error() != missingErr.Error() {
					t.Errorf("%s: reading the secret community: error = %v, want exactly the missing-slug error %v", s.name, err, missingErr)
				}
			}
			if bySlug != (store.Community{}) || byID != (store.Community{}) {
				t.Errorf("%s: reading the secret community returned data: %+v / %+v", s.name, bySlug, byID)
			}
			continue
		}
		if errSlug != nil || errID != nil {
			t.Errorf("%s: CommunityBySlug/ByID(%s) = %v / %v, want the community", s.name, vis, errSlug, errID)
			continue
		}
		if bySlug.ID != c.ID || byID.Slug != c.Slug {
			t.Errorf("%s: CommunityBySlug/ByID(%s) = %d / %q, want %d / %q", s.name, vis, bySlug.ID, byID.Slug, c.ID, c.Slug)
		}
		members, err := z.s.Members(ctx, c.ID, 100)
		if err != nil {
			t.Fatalf("Members(%s): %v", vis, err)
		}
		if bySlug.MemberCount != int64(len(members)) || byID.MemberCount != int64(len(members)) {
			t.Errorf("%s: %s community member count = %d / %d, want %d", s.name, vis, bySlug.MemberCount, byID.MemberCount, len(members))
		}
		if got, want := bySlug.CanRead(), slices.Contains(s.readable, vis); got != want {
			t.Errorf("%s: %s community CanRead = %t, want %t", s.name, vis, got, want)
		}
	}
	list, err := z.s.Communities(ctx, s.v, store.CommunityFilter{})
	if err != nil {
		t.Fatalf("%s: Communities: %v", s.name, err)
	}
	var slugs []string
	for _, c := range list {
		slugs = append(slugs, c.Slug)
	}
	secretListed := slices.Contains(slugs, "secret")
	if want := slices.Contains(s.memberOf, "secret") || slices.Contains(s.readable, "secret"); secretListed != want {
		t.Errorf("%s: Communities = %v; secret listed %t, want %t", s.name, slugs, secretListed, want)
	}
	if !slices.Contains(slugs, "closed") || !slices.Contains(slugs, "open") || !slices.Contains(slugs, "child") {
		t.Errorf("%s: Communities = %v, want open, closed and child listed", s.name, slugs)
	}
	suggested, err := z.s.SuggestedCommunities(ctx, s.v, 100)
	if err != nil {
		t.Fatalf("%s: SuggestedCommunities: %v", s.name, err)
	}
	for _, c := range suggested {
		if c.Visibility == store.VisibilitySecret {
			t.Errorf("%s: SuggestedCommunities suggests the secret community %q", s.name, c.Slug)
		}
	}

	// The child of a secret community does not name its parent to non-members.
	child, err := z.s.CommunityBySlug(ctx, s.v, "child")
	if err != nil {
		t.Fatalf("%s: CommunityBySlug(child): %v", s.name, err)
	}
	secretVisible := slices.Contains(s.readable, "secret")
	if secretVisible && child.ParentSlug != "secret" {
		t.Errorf("%s: child's parent = %q, want %q", s.name, child.ParentSlug, "secret")
	}
	if !secretVisible && (child.ParentID != 0 || child.ParentSlug != "" || child.ParentName != "") {
		t.Errorf("%s: child's parent = %d %q %q, want it hidden", s.name, child.ParentID, child.ParentSlug, child.ParentName)
	}
}

func TestSafeZoneNonMembers(t *testing.T) {
	t.Parallel()
	z := newSafeZone(t)
	for _, s := range z.outsiders() {
		t.Run(s.name, func(t *testing.T) { z.check(t, s) })
	}
}

func TestSafeZoneMembers(t *testing.T) {
	t.Parallel()
	z := newSafeZone(t)
	all := []string{"open", "closed", "secret"}
	z.check(t, seer{"member", viewer(z.reader), all, all})
}

// An organisation admin gets no silent access, but one who adds themself
// becomes a member like anyone else and then reads the content.
func TestSafeZoneAdminAddsThemself(t *testing.T) {
	t.Parallel()
	z := newSafeZone(t)
	z.add(z.comms[store.VisibilitySecret], z.admin, store.RoleMember)
	z.check(t, seer{"admin member of secret", viewer(z.admin), []string{"open", "secret"}, []string{"open", "secret"}})
	members, err := z.s.Members(t.Context(), z.comms[store.VisibilitySecret].ID, 100)
	if err != nil {
		t.Fatalf("Members: %v", err)
	}
	found := false
	for _, m := range members {
		found = found || m.Person.ID == z.admin.ID
	}
	if !found {
		t.Errorf("the admin who added themself is not in the member list")
	}
}

// A member removed by a moderator loses access at once (DESIGN §3 rule 3).
func TestSafeZoneRemovedMember(t *testing.T) {
	t.Parallel()
	z := newSafeZone(t)
	ctx := t.Context()
	for _, vis := range []string{store.VisibilityClosed, store.VisibilitySecret} {
		if err := z.s.Leave(ctx, z.owner.ID, z.comms[vis].ID, z.reader.ID); err != nil {
			t.Fatalf("Leave(%s, reader) by the owner: %v", vis, err)
		}
	}
	// The reader still follows tags and posts of the communities they were removed from.
	for _, f := range [][2]string{{store.FollowTag, "closed-tag"}, {store.FollowTag, "secret-tag"},
		{store.FollowPost, fmt.Sprint(z.posts[2].id)}, {store.FollowPost, fmt.Sprint(z.posts[4].id)}} {
		if err := z.s.Follow(ctx, z.reader.ID, f[0], f[1]); err != nil {
			t.Fatalf("Follow: %v", err)
		}
	}
	z.check(t, seer{"removed member", viewer(z.reader), []string{"open"}, []string{"open"}})
	if role, err := z.s.Role(ctx, z.reader.ID, z.comms[store.VisibilityClosed].ID); err != nil || role != "" {
		t.Errorf("Role after removal = %q, %v; want \"\", nil", role, err)
	}
	entries, err := z.s.AuditLog(ctx, store.AuditFilter{Limit: 1})
	if err != nil || len(entries) != 1 || entries[0].Action != "member.remove" || entries[0].ActorID != z.owner.ID {
		t.Errorf("AuditLog newest = %+v, %v; want member.remove by the owner", entries, err)
	}
}

// A moderator of one community has no reach into another (DESIGN §3 rule 5).
func TestModeratorPowerIsPerCommunity(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	mod := w.person("Mod")
	a := w.community(owner, "a", store.VisibilityClosed)
	b := w.community(owner, "b", store.VisibilityClosed)
	w.add(a, mod, store.RoleModerator)
	if ok, err := w.s.CanModerate(ctx, mod.ID, a.ID); err != nil || !ok {
		t.Errorf("CanModerate(a) = %t, %v; want true", ok, err)
	}
	if ok, err := w.s.CanModerate(ctx, mod.ID, b.ID); err != nil || ok {
		t.Errorf("CanModerate(b) = %t, %v; want false", ok, err)
	}
	pb := w.post(store.NewPost{CommunityID: b.ID, AuthorID: owner.ID})
	_, err := w.s.Post(ctx, viewer(mod), pb)
	wantErr(t, "moderator of a reading a post of b", err, store.ErrNotFound)
}
