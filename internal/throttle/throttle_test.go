package throttle

import (
	"testing"
	"time"
)

func TestBackoffDoublesAfterFreeTries(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_000_000, 0)
	b := &Backoff{Free: 3, Base: time.Second, Max: 10 * time.Second, Forget: time.Hour, Now: func() time.Time { return now }}
	want := []time.Duration{0, 0, 0, 1 * time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second}
	for i, w := range want {
		if got := b.Fail("k"); got != w {
			t.Fatalf("failure %d: wait %v, want %v", i+1, got, w)
		}
		if got := b.Wait("k"); got != w {
			t.Fatalf("after failure %d: Wait = %v, want %v", i+1, got, w)
		}
	}
	if got := b.Wait("other"); got != 0 {
		t.Errorf("another key waits %v, want 0", got)
	}
	now = now.Add(11 * time.Second)
	if got := b.Wait("k"); got != 0 {
		t.Errorf("after the wait: Wait = %v, want 0", got)
	}
	if got := b.Fail("k"); got != 10*time.Second {
		t.Errorf("failing again keeps the long wait: %v, want 10s", got)
	}
	b.Succeed("k")
	if got := b.Wait("k"); got != 0 {
		t.Errorf("after success: Wait = %v, want 0", got)
	}
	b.Fail("k")
	now = now.Add(2 * time.Hour)
	for range 3 {
		if got := b.Fail("k"); got != 0 {
			t.Fatalf("failures are forgotten after a quiet hour; wait %v, want 0", got)
		}
	}
}
