package store_test

import (
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

func TestSecretSlug(t *testing.T) {
	long := strings.Repeat("a", 40) + "-" + strings.Repeat("b", 7)
	for _, in := range []string{"ledning", "a", long} {
		a, b := store.SecretSlug(in), store.SecretSlug(in)
		if !store.ValidSlug(a) || !store.ValidSlug(b) {
			t.Errorf("SecretSlug(%q) = %q, %q: not valid slugs", in, a, b)
		}
		if a == b {
			t.Errorf("SecretSlug(%q) gave %q twice: the tail is not random", in, a)
		}
		if base := in[:min(len(in), 39)]; !strings.HasPrefix(a, strings.TrimRight(base, "-")+"-") {
			t.Errorf("SecretSlug(%q) = %q: want the chosen words first", in, a)
		}
	}
}
