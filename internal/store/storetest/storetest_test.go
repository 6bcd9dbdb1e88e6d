package storetest

import (
	"os"
	"testing"
)

// TestDialect says which database this run of the suites uses, so a reader
// of the output knows whether the PostgreSQL pass ran.
func TestDialect(t *testing.T) {
	if os.Getenv(EnvURL) == "" {
		t.Skip("PostgreSQL pass not run: set TACIT_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable to run the store, API and web suites on PostgreSQL (.ci/run does)")
	}
	s := Open(t)
	if got := s.Dialect(); got != "postgres" {
		t.Fatalf("Dialect() = %q, want postgres", got)
	}
}
