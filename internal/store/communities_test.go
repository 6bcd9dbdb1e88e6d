package store_test

import (
	"fmt"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

func TestCreateCommunity(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "sales", store.VisibilityClosed)
	if c.MyRole != store.RoleOwner || c.MemberCount != 1 || c.PostCount != 0 || c.Visibility != store.VisibilityClosed || !c.AnonymousQuestions {
		t.Errorf("new community = role %q, members %d, posts %d, %s, anon %t; want owner, 1, 0, closed, true",
			c.MyRole, c.MemberCount, c.PostCount, c.Visibility, c.AnonymousQuestions)
	}
	if ok, _ := w.s.IsFollowing(ctx, owner.ID, store.FollowCommunity, fmt.Sprint(c.ID)); !ok {
		t.Errorf("the creator does not follow their new community")
	}
	_, err := w.s.CreateCommunity(ctx, owner.ID, "sales", store.CommunitySettings{Name: "Again", Kind: store.KindSubject, Visibility: store.VisibilityOpen})
	wantErr(t, "CreateCommunity with a taken slug", err, store.ErrConflict)

	if err := w.s.UpdateCommunity(ctx, owner.ID, c.ID, store.CommunitySettings{Name: "Sales coaches", Description: "d",
		Kind: store.KindRole, Visibility: store.VisibilitySecret, CodeOfConduct: "Be kind"}); err != nil {
		t.Fatalf("UpdateCommunity: %v", err)
	}
	got := w.communityAs(viewer(owner), c.ID)
	if got.Name != "Sales coaches" || got.Kind != store.KindRole || got.Visibility != store.VisibilitySecret ||
		got.AnonymousQuestions || got.CodeOfConduct != "Be kind" || got.Slug != "sales" {
		t.Errorf("after UpdateCommunity got %+v", got)
	}
	wantErr(t, "UpdateCommunity(missing)", w.s.UpdateCommunity(ctx, owner.ID, c.ID+100, store.CommunitySettings{
		Name: "x", Kind: store.KindRole, Visibility: store.VisibilityOpen}), store.ErrNotFound)

	if id, err := w.s.CommunityIDBySlugUnchecked(ctx, "sales"); err != nil || id != c.ID {
		t.Errorf("CommunityIDBySlugUnchecked = %d, %v; want %d, nil", id, err, c.ID)
	}
	mine, err := w.s.Communities(ctx, viewer(owner), store.CommunityFilter{Kind: store.KindRole, MineOnly: true})
	if err != nil || len(mine) != 1 || mine[0].ID != c.ID {
		t.Errorf("Communities(kind role, mine) = %+v, %v; want only %d", mine, err, c.ID)
	}
	if other, _ := w.s.Communities(ctx, viewer(owner), store.CommunityFilter{Kind: store.KindDepartment}); len(other) != 0 {
		t.Errorf("Communities(kind department) = %d, want 0", len(other))
	}
}

func TestJoin(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	p := w.person("Joiner")
	comms := map[string]store.Community{}
	for _, vis := range store.Visibilities {
		comms[vis] = w.community(owner, vis, vis)
	}
	tests := []struct {
		vis     string
		wantErr error
	}{
		{store.VisibilityOpen, nil},
		{store.VisibilityClosed, store.ErrNotAllowed},
		{store.VisibilitySecret, store.ErrNotFound}, // answers like a community that never existed
	}
	for _, tt := range tests {
		c := comms[tt.vis]
		err := w.s.Join(ctx, p.ID, c.ID)
		wantErr(t, "Join("+tt.vis+")", err, tt.wantErr)
		role, _ := w.s.Role(ctx, p.ID, c.ID)
		following, _ := w.s.IsFollowing(ctx, p.ID, store.FollowCommunity, fmt.Sprint(c.ID))
		if joined := tt.wantErr == nil; (role == store.RoleMember) != joined || following != joined {
			t.Errorf("after Join(%s): role %q, following %t; want member and following = %t", tt.vis, role, following, joined)
		}
		w.memberCountMatches(owner, c.ID)
	}
	wantErr(t, "Join(missing)", w.s.Join(ctx, p.ID, 9999), store.ErrNotFound)

	// Joining twice changes nothing.
	if err := w.s.Join(ctx, p.ID, comms["open"].ID); err != nil {
		t.Errorf("Join twice: %v", err)
	}
	if n := w.memberCountMatches(owner, comms["open"].ID); n != 2 {
		t.Errorf("open community has %d members after joining twice, want 2", n)
	}

	// Leaving stops the follow; joining again works.
	if err := w.s.Leave(ctx, p.ID, comms["open"].ID, p.ID); err != nil {
		t.Fatalf("Leave: %v", err)
	}
	if ok, _ := w.s.IsFollowing(ctx, p.ID, store.FollowCommunity, fmt.Sprint(comms["open"].ID)); ok {
		t.Errorf("still following the community after leaving")
	}
	wantErr(t, "Leave twice", w.s.Leave(ctx, p.ID, comms["open"].ID, p.ID), store.ErrNotFound)
	if n := w.memberCountMatches(owner, comms["open"].ID); n != 1 {
		t.Errorf("open community has %d members after leaving twice, want 1", n)
	}
}

func TestJoinRequests(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	yes := w.person("Yes")
	no := w.person("No")
	member := w.person("Member")
	closed := w.community(owner, "closed", store.VisibilityClosed)
	open := w.community(owner, "open", store.VisibilityOpen)
	secret := w.community(owner, "secret", store.VisibilitySecret)
	other := w.community(owner, "other", store.VisibilityClosed)
	w.add(closed, member, store.RoleMember)

	wantErr(t, "RequestJoin(open)", w.s.RequestJoin(ctx, yes.ID, open.ID, ""), store.ErrNotAllowed)
	wantErr(t, "RequestJoin(secret)", w.s.RequestJoin(ctx, yes.ID, secret.ID, ""), store.ErrNotFound)
	wantErr(t, "RequestJoin(never existed)", w.s.RequestJoin(ctx, yes.ID, 987654321, ""), store.ErrNotFound)
	wantErr(t, "Join(never existed)", w.s.Join(ctx, yes.ID, 987654321), store.ErrNotFound)
	wantErr(t, "RequestJoin(missing)", w.s.RequestJoin(ctx, yes.ID, 9999, ""), store.ErrNotFound)
	wantErr(t, "RequestJoin by a member", w.s.RequestJoin(ctx, member.ID, closed.ID, ""), store.ErrConflict)
	for _, p := range []store.Person{yes, no} {
		if err := w.s.RequestJoin(ctx, p.ID, closed.ID, "please, "+p.Name); err != nil {
			t.Fatalf("RequestJoin(%s): %v", p.Name, err)
		}
	}
	// Asking again keeps one request.
	if err := w.s.RequestJoin(ctx, yes.ID, closed.ID, "please again"); err != nil {
		t.Fatalf("RequestJoin again: %v", err)
	}
	if c, _ := w.s.CommunityByID(ctx, viewer(yes), closed.ID); !c.Requested || c.MyRole != "" {
		t.Errorf("requester sees Requested %t, MyRole %q; want true, \"\"", c.Requested, c.MyRole)
	}

	reqs, err := w.s.JoinRequests(ctx, closed.ID)
	if err != nil {
		t.Fatalf("JoinRequests: %v", err)
	}
	byPerson := map[int64]int64{}
	messages := map[int64]string{}
	for _, r := range reqs {
		byPerson[r.Person.ID] = r.ID
		messages[r.Person.ID] = r.Message
		if r.Status != "pending" {
			t.Errorf("request of %s has status %q, want pending", r.Person.Name, r.Status)
		}
	}
	if len(reqs) != 2 || byPerson[yes.ID] == 0 || byPerson[no.ID] == 0 || messages[yes.ID] != "please again" {
		t.Fatalf("JoinRequests = %+v, want one each from Yes (\"please again\") and No", reqs)
	}

	wantErr(t, "DecideJoinRequest under another community",
		w.s.DecideJoinRequest(ctx, owner.ID, other.ID, byPerson[yes.ID], true), store.ErrNotFound)
	if role, _ := w.s.Role(ctx, yes.ID, other.ID); role != "" {
		t.Errorf("a request decided under the wrong community made a member there: role %q", role)
	}

	if err := w.s.DecideJoinRequest(ctx, owner.ID, closed.ID, byPerson[yes.ID], true); err != nil {
		t.Fatalf("approve: %v", err)
	}
	if err := w.s.DecideJoinRequest(ctx, owner.ID, closed.ID, byPerson[no.ID], false); err != nil {
		t.Fatalf("decline: %v", err)
	}
	if role, _ := w.s.Role(ctx, yes.ID, closed.ID); role != store.RoleMember {
		t.Errorf("approved requester role = %q, want member", role)
	}
	if role, _ := w.s.Role(ctx, no.ID, closed.ID); role != "" {
		t.Errorf("declined requester role = %q, want none", role)
	}
	if n := w.memberCountMatches(owner, closed.ID); n != 3 {
		t.Errorf("members after approve and decline = %d, want 3", n)
	}
	if reqs, _ := w.s.JoinRequests(ctx, closed.ID); len(reqs) != 0 {
		t.Errorf("pending requests after deciding = %d, want 0", len(reqs))
	}
	wantErr(t, "deciding twice", w.s.DecideJoinRequest(ctx, owner.ID, closed.ID, byPerson[yes.ID], true), store.ErrNotFound)

	// A declined person may ask again, and an invitation settles a pending request.
	if err := w.s.RequestJoin(ctx, no.ID, closed.ID, "sorry"); err != nil {
		t.Fatalf("RequestJoin after decline: %v", err)
	}
	w.add(closed, no, store.RoleMember)
	if reqs, _ := w.s.JoinRequests(ctx, closed.ID); len(reqs) != 0 {
		t.Errorf("pending requests after adding the requester = %d, want 0", len(reqs))
	}
	if n := w.memberCountMatches(owner, closed.ID); n != 4 {
		t.Errorf("members = %d, want 4", n)
	}
}

func TestRolesAndLastOwner(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	p := w.person("Pia")
	c := w.community(owner, "c", store.VisibilityClosed)

	w.add(c, p, store.RoleMember)
	w.add(c, p, store.RoleModerator) // an existing member: the role changes
	if role, _ := w.s.Role(ctx, p.ID, c.ID); role != store.RoleModerator {
		t.Errorf("role after AddMember of an existing member = %q, want moderator", role)
	}
	if n := w.memberCountMatches(owner, c.ID); n != 2 {
		t.Errorf("members = %d, want 2 (adding twice counts once)", n)
	}

	lastOwner := []struct {
		name string
		err  error
	}{
		{"Leave", w.s.Leave(ctx, owner.ID, c.ID, owner.ID)},
		{"Leave by a moderator", w.s.Leave(ctx, p.ID, c.ID, owner.ID)},
		{"SetRole to member", w.s.SetRole(ctx, owner.ID, c.ID, owner.ID, store.RoleMember)},
		{"SetRole to moderator", w.s.SetRole(ctx, owner.ID, c.ID, owner.ID, store.RoleModerator)},
		{"AddMember as member", w.s.AddMember(ctx, owner.ID, c.ID, owner.ID, store.RoleMember)},
	}
	for _, tt := range lastOwner {
		wantErr(t, "last owner: "+tt.name, tt.err, store.ErrLastOwner)
	}
	if role, _ := w.s.Role(ctx, owner.ID, c.ID); role != store.RoleOwner {
		t.Errorf("last owner's role after refused changes = %q, want owner", role)
	}
	if err := w.s.SetRole(ctx, owner.ID, c.ID, owner.ID, store.RoleOwner); err != nil {
		t.Errorf("SetRole owner to owner: %v", err)
	}

	// With a second owner, the first may step down and leave.
	if err := w.s.SetRole(ctx, owner.ID, c.ID, p.ID, store.RoleOwner); err != nil {
		t.Fatalf("SetRole(p, owner): %v", err)
	}
	if err := w.s.SetRole(ctx, p.ID, c.ID, owner.ID, store.RoleMember); err != nil {
		t.Errorf("demoting one of two owners: %v", err)
	}
	if err := w.s.Leave(ctx, owner.ID, c.ID, owner.ID); err != nil {
		t.Errorf("leaving as a non-owner: %v", err)
	}
	wantErr(t, "now p is the last owner", w.s.Leave(ctx, p.ID, c.ID, p.ID), store.ErrLastOwner)
	wantErr(t, "SetRole of a non-member", w.s.SetRole(ctx, p.ID, c.ID, owner.ID, store.RoleMember), store.ErrNotFound)
	if n := w.memberCountMatches(p, c.ID); n != 1 {
		t.Errorf("members = %d, want 1", n)
	}
}

// TestMemberCountInvariant mixes every membership operation and checks that
// member_count always equals the number of membership rows.
func TestMemberCountInvariant(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	open := w.community(owner, "open", store.VisibilityOpen)
	closed := w.community(owner, "closed", store.VisibilityClosed)
	var people []store.Person
	for i := range 6 {
		people = append(people, w.person(fmt.Sprintf("P%d", i)))
	}
	steps := []struct {
		name string
		do   func() error
	}{
		{"join 0", func() error { return w.s.Join(ctx, people[0].ID, open.ID) }},
		{"join 0 again", func() error { return w.s.Join(ctx, people[0].ID, open.ID) }},
		{"join 1", func() error { return w.s.Join(ctx, people[1].ID, open.ID) }},
		{"join closed refused", func() error { return w.s.Join(ctx, people[2].ID, closed.ID) }},
		{"add 2 to closed", func() error { return w.s.AddMember(ctx, owner.ID, closed.ID, people[2].ID, store.RoleMember) }},
		{"add 2 again as moderator", func() error { return w.s.AddMember(ctx, owner.ID, closed.ID, people[2].ID, store.RoleModerator) }},
		{"request 3", func() error { return w.s.RequestJoin(ctx, people[3].ID, closed.ID, "") }},
		{"request 4", func() error { return w.s.RequestJoin(ctx, people[4].ID, closed.ID, "") }},
		{"approve and decline", func() error {
			reqs, err := w.s.JoinRequests(ctx, closed.ID)
			if err != nil || len(reqs) != 2 {
				return fmt.Errorf("JoinRequests = %d, %v", len(reqs), err)
			}
			if err := w.s.DecideJoinRequest(ctx, people[2].ID, closed.ID, reqs[0].ID, true); err != nil {
				return err
			}
			return w.s.DecideJoinRequest(ctx, people[2].ID, closed.ID, reqs[1].ID, false)
		}},
		{"1 leaves", func() error { return w.s.Leave(ctx, people[1].ID, open.ID, people[1].ID) }},
		{"1 leaves again", func() error { return w.s.Leave(ctx, people[1].ID, open.ID, people[1].ID) }},
		{"moderator removes 3", func() error { return w.s.Leave(ctx, people[2].ID, closed.ID, people[3].ID) }},
		{"owner cannot leave", func() error { return w.s.Leave(ctx, owner.ID, open.ID, owner.ID) }},
		{"5 joins then leaves", func() error {
			if err := w.s.Join(ctx, people[5].ID, open.ID); err != nil {
				return err
			}
			return w.s.Leave(ctx, people[5].ID, open.ID, people[5].ID)
		}},
	}
	for _, st := range steps {
		_ = st.do() // some steps are meant to be refused; the invariant must hold either way
		w.memberCountMatches(owner, open.ID)
		w.memberCountMatches(owner, closed.ID)
		if t.Failed() {
			t.Fatalf("invariant broken after step %q", st.name)
		}
	}
	if n := w.memberCountMatches(owner, open.ID); n != 2 {
		t.Errorf("open members = %d, want 2 (owner and P0)", n)
	}
	if n := w.memberCountMatches(owner, closed.ID); n != 2 {
		t.Errorf("closed members = %d, want 2 (owner and P2)", n)
	}
}
