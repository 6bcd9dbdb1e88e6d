package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

func TestCreatePerson(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()

	p, err := w.s.CreatePerson(ctx, store.NewPerson{
		Email:      "  Anna.Berg@Example.ORG ",
		Name:       "Anna Berg",
		Department: "Sales",
		Title:      "Coach",
		Expertise:  []string{"crm", "coaching"},
	})
	if err != nil {
		t.Fatalf("CreatePerson: %v", err)
	}
	if p.ID == 0 {
		t.Errorf("ID = 0, want a new id")
	}
	if p.Email != "anna.berg@example.org" {
		t.Errorf("Email = %q, want the normalised %q", p.Email, "anna.berg@example.org")
	}
	if p.Language != "sv" {
		t.Errorf("Language = %q, want the default %q", p.Language, "sv")
	}
	if want := []string{"coaching", "crm"}; !slices.Equal(p.Expertise, want) {
		t.Errorf("Expertise = %q, want %q", p.Expertise, want)
	}
	if p.Admin || p.Deactivated {
		t.Errorf("Admin, Deactivated = %t, %t; want false, false", p.Admin, p.Deactivated)
	}
	if p.CreatedAt.IsZero() {
		t.Errorf("CreatedAt is zero")
	}

	byEmail, err := w.s.PersonByEmail(ctx, "ANNA.BERG@example.org")
	if err != nil {
		t.Fatalf("PersonByEmail in another case: %v", err)
	}
	if byEmail.ID != p.ID {
		t.Errorf("PersonByEmail id = %d, want %d", byEmail.ID, p.ID)
	}
	_, err = w.s.PersonByID(ctx, p.ID+1000)
	wantErr(t, "PersonByID(missing)", err, store.ErrNotFound)
	_, err = w.s.PersonByEmail(ctx, "nobody@example.org")
	wantErr(t, "PersonByEmail(missing)", err, store.ErrNotFound)
}

func TestCreatePersonDuplicateEmail(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.person("Anna") // anna@example.org

	for _, email := range []string{"anna@example.org", "ANNA@EXAMPLE.ORG", " Anna@example.org", "anna@Example.org\t"} {
		_, err := w.s.CreatePerson(t.Context(), store.NewPerson{Email: email, Name: "Someone else"})
		wantErr(t, "CreatePerson("+email+")", err, store.ErrConflict)
	}
	n, err := w.s.CountPeople(t.Context())
	if err != nil || n != 1 {
		t.Errorf("CountPeople = %d, %v; want 1, nil", n, err)
	}
}

func TestUpdateProfile(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	p := w.person("Bo", func(np *store.NewPerson) { np.Expertise = []string{"old"} })

	pr := store.Profile{Name: "Bo Ek", Department: "Support", Title: "Lead", Language: "en", Bio: "Hello", Expertise: []string{"sql", "go", "sql"}}
	if err := w.s.UpdateProfile(ctx, p.ID, pr); err != nil {
		t.Fatalf("UpdateProfile: %v", err)
	}
	got, err := w.s.PersonByID(ctx, p.ID)
	if err != nil {
		t.Fatalf("PersonByID: %v", err)
	}
	if got.Name != pr.Name || got.Department != pr.Department || got.Title != pr.Title || got.Language != pr.Language || got.Bio != pr.Bio {
		t.Errorf("after UpdateProfile got %+v, want the fields of %+v", got, pr)
	}
	if want := []string{"go", "sql"}; !slices.Equal(got.Expertise, want) {
		t.Errorf("Expertise = %q, want %q (replaced, de-duplicated, sorted)", got.Expertise, want)
	}

	pr.Expertise = nil
	if err := w.s.UpdateProfile(ctx, p.ID, pr); err != nil {
		t.Fatalf("UpdateProfile without expertise: %v", err)
	}
	got, _ = w.s.PersonByID(ctx, p.ID)
	if len(got.Expertise) != 0 {
		t.Errorf("Expertise after clearing = %q, want none", got.Expertise)
	}

	wantErr(t, "UpdateProfile(missing person)", w.s.UpdateProfile(ctx, p.ID+1000, pr), store.ErrNotFound)
}

func TestDeactivate(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	admin := w.person("Admin", asAdmin)
	p := w.person("Cia")
	other := w.person("Dan")

	for _, h := range []string{"s1", "s2"} {
		if _, err := w.s.CreateSession(ctx, p.ID, h, "test", "127.0.0.1", time.Hour); err != nil {
			t.Fatalf("CreateSession: %v", err)
		}
	}
	if _, err := w.s.CreateSession(ctx, other.ID, "other-session", "test", "127.0.0.1", time.Hour); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	if _, err := w.s.CreateToken(ctx, p.ID, "cli", store.ScopeWrite, "t1"); err != nil {
		t.Fatalf("CreateToken: %v", err)
	}
	if _, err := w.s.CreateToken(ctx, other.ID, "cli", store.ScopeRead, "other-token"); err != nil {
		t.Fatalf("CreateToken: %v", err)
	}
	if id, hash, err := w.s.PasswordHash(ctx, "CIA@example.org"); err != nil || id != p.ID || hash != "hash-of-Cia" {
		t.Fatalf("PasswordHash of an active person = %d, %q, %v; want %d, %q, nil", id, hash, err, p.ID, "hash-of-Cia")
	}

	if err := w.s.Deactivate(ctx, admin.ID, p.ID); err != nil {
		t.Fatalf("Deactivate: %v", err)
	}

	for _, h := range []string{"s1", "s2"} {
		_, _, err := w.s.SessionPerson(ctx, h)
		wantErr(t, "SessionPerson("+h+") after Deactivate", err, store.ErrNotFound)
	}
	_, _, err := w.s.TokenPerson(ctx, "t1")
	wantErr(t, "TokenPerson after Deactivate", err, store.ErrNotFound)
	_, _, err = w.s.PasswordHash(ctx, p.Email)
	wantErr(t, "PasswordHash after Deactivate", err, store.ErrNotFound)
	if sessions, _ := w.s.Sessions(ctx, p.ID); len(sessions) != 0 {
		t.Errorf("Sessions after Deactivate = %d, want 0", len(sessions))
	}
	if tokens, _ := w.s.Tokens(ctx, p.ID); len(tokens) != 0 {
		t.Errorf("Tokens after Deactivate = %d, want 0", len(tokens))
	}

	// Someone else's sessions and tokens are untouched.
	if got, _, err := w.s.SessionPerson(ctx, "other-session"); err != nil || got.ID != other.ID {
		t.Errorf("other's SessionPerson = %d, %v; want %d, nil", got.ID, err, other.ID)
	}
	if got, _, err := w.s.TokenPerson(ctx, "other-token"); err != nil || got.ID != other.ID {
		t.Errorf("other's TokenPerson = %d, %v; want %d, nil", got.ID, err, other.ID)
	}

	// The person and their content stay; the flag shows.
	got, err := w.s.PersonByID(ctx, p.ID)
	if err != nil || !got.Deactivated {
		t.Errorf("PersonByID after Deactivate = Deactivated %t, %v; want true, nil", got.Deactivated, err)
	}
	if n, _ := w.s.CountPeople(ctx); n != 2 {
		t.Errorf("CountPeople = %d, want 2 (active only)", n)
	}
	wantErr(t, "Deactivate twice", w.s.Deactivate(ctx, admin.ID, p.ID), store.ErrNotFound)

	entries, err := w.s.AuditLog(ctx, store.AuditFilter{Limit: 10})
	if err != nil || len(entries) == 0 || entries[0].Action != "person.deactivate" || entries[0].ObjectID != p.ID || entries[0].ActorID != admin.ID {
		t.Errorf("AuditLog newest = %+v, %v; want person.deactivate of %d by %d", entries, err, p.ID, admin.ID)
	}

	// Reactivation lets them sign in again, but dead sessions and tokens stay dead.
	if err := w.s.Reactivate(ctx, admin.ID, p.ID); err != nil {
		t.Fatalf("Reactivate: %v", err)
	}
	if id, _, err := w.s.PasswordHash(ctx, p.Email); err != nil || id != p.ID {
		t.Errorf("PasswordHash after Reactivate = %d, %v; want %d, nil", id, err, p.ID)
	}
	_, _, err = w.s.SessionPerson(ctx, "s1")
	wantErr(t, "SessionPerson after Reactivate", err, store.ErrNotFound)
	_, _, err = w.s.TokenPerson(ctx, "t1")
	wantErr(t, "TokenPerson after Reactivate", err, store.ErrNotFound)
	wantErr(t, "Reactivate an active person", w.s.Reactivate(ctx, admin.ID, p.ID), store.ErrNotFound)
}

func TestPasswordHash(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	p := w.person("Eva")
	tests := []struct {
		email   string
		wantID  int64
		wantErr error
	}{
		{"eva@example.org", p.ID, nil},
		{" EVA@Example.org ", p.ID, nil},
		{"nobody@example.org", 0, store.ErrNotFound},
		{"", 0, store.ErrNotFound},
	}
	for _, tt := range tests {
		id, hash, err := w.s.PasswordHash(t.Context(), tt.email)
		if tt.wantErr != nil {
			wantErr(t, "PasswordHash("+tt.email+")", err, tt.wantErr)
			continue
		}
		if err != nil || id != tt.wantID || hash != "hash-of-Eva" {
			t.Errorf("PasswordHash(%q) = %d, %q, %v; want %d, %q, nil", tt.email, id, hash, err, tt.wantID, "hash-of-Eva")
		}
	}
}

func TestSessions(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	p := w.person("Fia")
	other := w.person("Gus")

	sid, err := w.s.CreateSession(ctx, p.ID, "live", "Firefox", "10.0.0.1", time.Hour)
	if err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	sid2, err := w.s.CreateSession(ctx, p.ID, "live2", "Chromium", "10.0.0.2", time.Hour)
	if err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	if _, err := w.s.CreateSession(ctx, p.ID, "expired", "Old", "10.0.0.3", -time.Second); err != nil {
		t.Fatalf("CreateSession(expired): %v", err)
	}
	otherSID, err := w.s.CreateSession(ctx, other.ID, "other", "Safari", "10.0.0.4", time.Hour)
	if err != nil {
		t.Fatalf("CreateSession(other): %v", err)
	}
	_, err = w.s.CreateSession(ctx, other.ID, "live", "dup", "", time.Hour)
	wantErr(t, "CreateSession with a used token hash", err, store.ErrConflict)

	got, gotSID, err := w.s.SessionPerson(ctx, "live")
	if err != nil || got.ID != p.ID || gotSID != sid || got.Email != p.Email {
		t.Errorf("SessionPerson(live) = %d %q, %d, %v; want %d %q, %d, nil", got.ID, got.Email, gotSID, err, p.ID, p.Email, sid)
	}
	_, _, err = w.s.SessionPerson(ctx, "expired")
	wantErr(t, "SessionPerson(expired)", err, store.ErrNotFound)
	_, _, err = w.s.SessionPerson(ctx, "never-issued")
	wantErr(t, "SessionPerson(unknown)", err, store.ErrNotFound)

	list, err := w.s.Sessions(ctx, p.ID)
	if err != nil {
		t.Fatalf("Sessions: %v", err)
	}
	var listed []int64
	for _, x := range list {
		listed = append(listed, x.ID)
		if x.ExpiresAt.Before(time.Now()) {
			t.Errorf("Sessions lists session %d that expired at %v", x.ID, x.ExpiresAt)
		}
	}
	if want := []int64{sid, sid2}; !slices.Equal(sorted(listed), sorted(want)) {
		t.Errorf("Sessions = %v, want own live sessions %v", listed, want)
	}

	wantErr(t, "DeleteSession of someone else's session", w.s.DeleteSession(ctx, p.ID, otherSID), store.ErrNotFound)
	if got, _, err := w.s.SessionPerson(ctx, "other"); err != nil || got.ID != other.ID {
		t.Errorf("other's session after a foreign delete = %d, %v; want %d, nil", got.ID, err, other.ID)
	}
	if err := w.s.DeleteSession(ctx, p.ID, sid2); err != nil {
		t.Fatalf("DeleteSession(own): %v", err)
	}
	_, _, err = w.s.SessionPerson(ctx, "live2")
	wantErr(t, "SessionPerson after DeleteSession", err, store.ErrNotFound)
	wantErr(t, "DeleteSession twice", w.s.DeleteSession(ctx, p.ID, sid2), store.ErrNotFound)

	if err := w.s.DeleteExpiredSessions(ctx); err != nil {
		t.Fatalf("DeleteExpiredSessions: %v", err)
	}
	if _, _, err := w.s.SessionPerson(ctx, "live"); err != nil {
		t.Errorf("SessionPerson(live) after DeleteExpiredSessions: %v", err)
	}
}

func TestSetPasswordEndsOtherSessions(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	p := w.person("Hugo")
	keep, _ := w.s.CreateSession(ctx, p.ID, "keep", "", "", time.Hour)
	if _, err := w.s.CreateSession(ctx, p.ID, "drop", "", "", time.Hour); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	if err := w.s.SetPassword(ctx, p.ID, "new-hash", keep); err != nil {
		t.Fatalf("SetPassword: %v", err)
	}
	if _, _, err := w.s.SessionPerson(ctx, "keep"); err != nil {
		t.Errorf("kept session: %v", err)
	}
	_, _, err := w.s.SessionPerson(ctx, "drop")
	wantErr(t, "other session after SetPassword", err, store.ErrNotFound)
	if _, hash, _ := w.s.PasswordHash(ctx, p.Email); hash != "new-hash" {
		t.Errorf("hash = %q, want %q", hash, "new-hash")
	}
}

func TestTokens(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	p := w.person("Ida")
	other := w.person("Jon")

	tid, err := w.s.CreateToken(ctx, p.ID, "laptop", store.ScopeWrite, "tok")
	if err != nil {
		t.Fatalf("CreateToken: %v", err)
	}
	otherTID, err := w.s.CreateToken(ctx, other.ID, "ci", store.ScopeRead, "other-tok")
	if err != nil {
		t.Fatalf("CreateToken(other): %v", err)
	}
	_, err = w.s.CreateToken(ctx, other.ID, "dup", store.ScopeRead, "tok")
	wantErr(t, "CreateToken with a used hash", err, store.ErrConflict)

	got, scope, err := w.s.TokenPerson(ctx, "tok")
	if err != nil || got.ID != p.ID || scope != store.ScopeWrite {
		t.Errorf("TokenPerson = %d, %q, %v; want %d, %q, nil", got.ID, scope, err, p.ID, store.ScopeWrite)
	}
	_, _, err = w.s.TokenPerson(ctx, "never-issued")
	wantErr(t, "TokenPerson(unknown)", err, store.ErrNotFound)

	list, err := w.s.Tokens(ctx, p.ID)
	if err != nil || len(list) != 1 || list[0].ID != tid || list[0].Name != "laptop" || list[0].Scope != store.ScopeWrite {
		t.Errorf("Tokens = %+v, %v; want only token %d named laptop", list, err, tid)
	} else if list[0].LastUsedAt.IsZero() {
		t.Errorf("LastUsedAt is zero after TokenPerson used the token")
	}

	wantErr(t, "RevokeToken of someone else's token", w.s.RevokeToken(ctx, p.ID, otherTID), store.ErrNotFound)
	if _, _, err := w.s.TokenPerson(ctx, "other-tok"); err != nil {
		t.Errorf("other's token after a foreign revoke: %v", err)
	}
	if err := w.s.RevokeToken(ctx, p.ID, tid); err != nil {
		t.Fatalf("RevokeToken: %v", err)
	}
	_, _, err = w.s.TokenPerson(ctx, "tok")
	wantErr(t, "TokenPerson after RevokeToken", err, store.ErrNotFound)
	wantErr(t, "RevokeToken twice", w.s.RevokeToken(ctx, p.ID, tid), store.ErrNotFound)
	if list, _ := w.s.Tokens(ctx, p.ID); len(list) != 0 {
		t.Errorf("Tokens after revoke = %d, want 0", len(list))
	}
}
