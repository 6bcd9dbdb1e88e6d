package store_test

import (
	"testing"

	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

func TestMigrateIsIdempotent(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	s, err := store.Open(ctx, storetest.URL(t), t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })

	before, err := s.Pending(ctx)
	if err != nil {
		t.Fatalf("Pending before: %v", err)
	}
	if before == 0 {
		t.Fatalf("Pending on an empty database = 0, want at least 1")
	}
	first, err := s.Migrate(ctx)
	if err != nil {
		t.Fatalf("first Migrate: %v", err)
	}
	if first != before {
		t.Errorf("first Migrate applied %d, want %d (the pending count)", first, before)
	}
	second, err := s.Migrate(ctx)
	if err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	if second != 0 {
		t.Errorf("second Migrate applied %d, want 0", second)
	}
	after, err := s.Pending(ctx)
	if err != nil {
		t.Fatalf("Pending after: %v", err)
	}
	if after != 0 {
		t.Errorf("Pending after Migrate = %d, want 0", after)
	}
	// The schema is usable after the second run: nothing was half-applied.
	if _, err := s.CreatePerson(ctx, store.NewPerson{Email: "a@example.org", Name: "A"}); err != nil {
		t.Errorf("CreatePerson after migrating twice: %v", err)
	}
}

func TestMigrateReopen(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	url, dir := storetest.URL(t), t.TempDir()
	s, err := store.Open(ctx, url, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	s.Close()

	s, err = store.Open(ctx, url, dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if n, err := s.Pending(ctx); err != nil || n != 0 {
		t.Errorf("Pending after reopening a migrated database = %d, %v; want 0, nil", n, err)
	}
	if n, err := s.Migrate(ctx); err != nil || n != 0 {
		t.Errorf("Migrate after reopening = %d, %v; want 0, nil", n, err)
	}
}
