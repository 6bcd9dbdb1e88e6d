package auth

import (
	"strings"
	"testing"
)

func TestPasswordRoundTrip(t *testing.T) {
	h, err := HashPassword("kanelbulle-2026")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$") {
		t.Errorf("hash %q is not argon2id", h)
	}
	if err := CheckPassword(h, "kanelbulle-2026"); err != nil {
		t.Errorf("CheckPassword(right) = %v, want nil", err)
	}
	if err := CheckPassword(h, "kanelbulle-2027"); err != ErrMismatch {
		t.Errorf("CheckPassword(wrong) = %v, want ErrMismatch", err)
	}
	h2, _ := HashPassword("kanelbulle-2026")
	if h == h2 {
		t.Error("two hashes of one password are equal: salt is not random")
	}
	for _, bad := range []string{"", "$argon2id$", "$bcrypt$x$y$z$w", h[:len(h)-5] + "!!!!!"} {
		if CheckPassword(bad, "x") == nil {
			t.Errorf("CheckPassword(%q) accepted a malformed hash", bad)
		}
	}
}

func TestSecrets(t *testing.T) {
	a, b := NewSecret("tacit_"), NewSecret("tacit_")
	if a == b || !strings.HasPrefix(a, "tacit_") || len(a) < 40 {
		t.Errorf("NewSecret gave %q and %q", a, b)
	}
	if HashSecret(a) == HashSecret(b) || HashSecret(a) != HashSecret(a) || strings.Contains(HashSecret(a), a) {
		t.Error("HashSecret is not a stable one-way hash")
	}
}
