// Package storetest opens real, empty, migrated stores for tests: a SQLite
// file in a temporary directory, or, when TACIT_TEST_DATABASE_URL is set, a
// fresh PostgreSQL database with a unique name that is dropped afterwards.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create and drop test databases

	"github.com/tacit-org/tacit/internal/store"
)

// EnvURL names the variable that selects PostgreSQL for the test suites.
const EnvURL = "TACIT_TEST_DATABASE_URL"

// Open returns a migrated store that lives as long as the test.
func Open(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	dbURL := URL(t)
	s, err := store.Open(ctx, dbURL, t.TempDir())
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return s
}

// URL returns "" for SQLite, or the URL of a new PostgreSQL database that is
// dropped when the test ends.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvURL)
	if base == "" {
		return ""
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvURL, err)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("connect to %s: %v", EnvURL, err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	name := "tacit_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database (is PostgreSQL running at %s?): %v", base, err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err != nil {
			t.Errorf("drop test database: %v", err)
			return
		}
		defer a.Close()
		if _, err := a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}
