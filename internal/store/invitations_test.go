package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

func TestInvitations(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "circle", store.VisibilitySecret)

	if _, err := w.s.CreateInvitation(ctx, owner.ID, " New.Person@Example.org", c.ID, store.RoleModerator, "inv", time.Hour); err != nil {
		t.Fatalf("CreateInvitation: %v", err)
	}
	if _, err := w.s.CreateInvitation(ctx, owner.ID, "late@example.org", c.ID, store.RoleMember, "expired", -time.Second); err != nil {
		t.Fatalf("CreateInvitation(expired): %v", err)
	}
	inv, err := w.s.InvitationByHash(ctx, "inv")
	if err != nil {
		t.Fatalf("InvitationByHash: %v", err)
	}
	if inv.Email != "new.person@example.org" || inv.CommunityID != c.ID || inv.Role != store.RoleModerator || inv.InvitedByName != owner.Name {
		t.Errorf("InvitationByHash = %+v", inv)
	}
	_, err = w.s.InvitationByHash(ctx, "expired")
	wantErr(t, "InvitationByHash(expired)", err, store.ErrNotFound)
	_, err = w.s.AcceptInvitation(ctx, "expired", store.NewPerson{Name: "Late"})
	wantErr(t, "AcceptInvitation(expired)", err, store.ErrNotFound)

	// The e-mail address comes from the invitation, not from what the form says.
	p, err := w.s.AcceptInvitation(ctx, "inv", store.NewPerson{Email: "someone.else@example.org", Name: "New Person"})
	if err != nil {
		t.Fatalf("AcceptInvitation: %v", err)
	}
	if p.Email != "new.person@example.org" {
		t.Errorf("invited person's e-mail = %q, want the invitation's", p.Email)
	}
	if role, _ := w.s.Role(ctx, p.ID, c.ID); role != store.RoleModerator {
		t.Errorf("invited person's role = %q, want moderator", role)
	}
	if got := w.communityAs(viewer(p), c.ID); got.MyRole != store.RoleModerator {
		t.Errorf("invited person cannot see the secret community: %+v", got)
	}
	if n := w.memberCountMatches(owner, c.ID); n != 2 {
		t.Errorf("members = %d, want 2", n)
	}
	_, err = w.s.AcceptInvitation(ctx, "inv", store.NewPerson{Name: "Again"})
	wantErr(t, "AcceptInvitation twice", err, store.ErrNotFound)
	_, err = w.s.InvitationByHash(ctx, "inv")
	wantErr(t, "InvitationByHash after use", err, store.ErrNotFound)

	// An invitation for an address that already has an account is refused and stays unused.
	if _, err := w.s.CreateInvitation(ctx, owner.ID, "OWNER@example.org", 0, store.RoleMember, "dup", time.Hour); err != nil {
		t.Fatalf("CreateInvitation(dup): %v", err)
	}
	_, err = w.s.AcceptInvitation(ctx, "dup", store.NewPerson{Name: "Owner twin"})
	wantErr(t, "AcceptInvitation for a taken address", err, store.ErrConflict)
	if _, err := w.s.InvitationByHash(ctx, "dup"); err != nil {
		t.Errorf("a refused invitation was used up: %v", err)
	}
}

func TestListPeopleAndAdmin(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	admin := w.person("Admin", asAdmin)
	for _, n := range []string{"Anna", "Anders", "Bertil", "Cecilia"} {
		w.person(n)
	}
	w.person("Dora", func(np *store.NewPerson) { np.Email = "dora_lind@example.org" })
	w.person("Dorian", func(np *store.NewPerson) { np.Email = "doralind@example.org" })
	w.person("100% Eva", func(np *store.NewPerson) { np.Email = "eva@example.org" })
	names := func(ps []store.Person) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Name)
		}
		return out
	}
	tests := []struct {
		prefix, after string
		limit         int
		want          []string
	}{
		{"", "", 10, []string{"100% Eva", "Admin", "Anders", "Anna", "Bertil", "Cecilia", "Dora", "Dorian"}},
		{"", "", 2, []string{"100% Eva", "Admin"}},
		{"", "Anders", 2, []string{"Anna", "Bertil"}},
		{"an", "", 10, []string{"Anders", "Anna"}},
		{"CEC", "", 10, []string{"Cecilia"}},
		{"bertil@", "", 10, []string{"Bertil"}},
		// Wildcards in what people type match literally.
		{"dora_", "", 10, []string{"Dora"}},
		{"dora_l", "", 10, []string{"Dora"}},
		{"100%", "", 10, []string{"100% Eva"}},
		{"%", "", 10, nil},
		{"_", "", 10, nil},
		{`\`, "", 10, nil},
	}
	for _, tt := range tests {
		got, err := w.s.ListPeople(ctx, tt.prefix, tt.after, tt.limit)
		if err != nil {
			t.Fatalf("ListPeople(%q, %q, %d): %v", tt.prefix, tt.after, tt.limit, err)
		}
		if !slices.Equal(names(got), tt.want) {
			t.Errorf("ListPeople(%q, %q, %d) = %q, want %q", tt.prefix, tt.after, tt.limit, names(got), tt.want)
		}
	}

	bertil, _ := w.s.PersonByEmail(ctx, "bertil@example.org")
	if err := w.s.SetAdmin(ctx, admin.ID, bertil.ID, true); err != nil {
		t.Fatalf("SetAdmin: %v", err)
	}
	if p, _ := w.s.PersonByID(ctx, bertil.ID); !p.Admin {
		t.Errorf("Admin = false after SetAdmin(true)")
	}
	wantErr(t, "SetAdmin(missing)", w.s.SetAdmin(ctx, admin.ID, 9999, true), store.ErrNotFound)
	entries, err := w.s.AuditLog(ctx, store.AuditFilter{Limit: 10})
	if err != nil || len(entries) != 1 || entries[0].Action != "person.admin=true" || entries[0].ActorName != admin.Name {
		t.Errorf("AuditLog = %+v, %v; want one person.admin=true by %s", entries, err, admin.Name)
	}
	if err := w.s.SetLanguage(ctx, bertil.ID, "en"); err != nil {
		t.Fatalf("SetLanguage: %v", err)
	}
	if p, _ := w.s.PersonByID(ctx, bertil.ID); p.Language != "en" {
		t.Errorf("Language = %q after SetLanguage(en)", p.Language)
	}
}

func TestMembersOrder(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	owner := w.person("Zed Owner")
	c := w.community(owner, "c", store.VisibilityOpen)
	w.add(c, w.person("Alma"), store.RoleMember)
	w.add(c, w.person("Yngve"), store.RoleModerator)
	w.add(c, w.person("Bo"), store.RoleModerator)
	members, err := w.s.Members(t.Context(), c.ID, 10)
	if err != nil {
		t.Fatalf("Members: %v", err)
	}
	var got []string
	for _, m := range members {
		got = append(got, m.Role+":"+m.Person.Name)
	}
	want := []string{"owner:Zed Owner", "moderator:Bo", "moderator:Yngve", "member:Alma"}
	if !slices.Equal(got, want) {
		t.Errorf("Members = %q, want %q", got, want)
	}
	if few, _ := w.s.Members(t.Context(), c.ID, 2); len(few) != 2 {
		t.Errorf("Members(limit 2) = %d, want 2", len(few))
	}
}
