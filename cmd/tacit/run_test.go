package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/cookiejar"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/demo"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// cli runs a command of the binary and returns what it printed.
func cli(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(stdin), &out, &out)
	return out.String(), err
}

func TestCommandLine(t *testing.T) {
	data := t.TempDir()
	db := storetest.URL(t)
	where := []string{"--data", data}
	if db != "" {
		where = append(where, "--database-url", db)
	}
	with := func(args ...string) []string { return append(args, where...) }

	out, err := cli(t, "", with("migrate")...)
	if err != nil || !strings.Contains(out, "Applied") {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	if out, err = cli(t, "", with("migrate")...); err != nil || !strings.Contains(out, "up to date") {
		t.Fatalf("second migrate: %v\n%s", err, out)
	}
	out, err = cli(t, "ett-långt-lösenord\n", with("user", "add", "--email", "Anna@Example.se", "--name", "Anna Berg", "--admin", "--department", "Sälj")...)
	if err != nil || !strings.Contains(out, "Anna Berg") || !strings.Contains(out, "organisation admin") {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	if _, err = cli(t, "kort\n", with("user", "add", "--email", "bo@example.se", "--name", "Bo")...); err == nil || !strings.Contains(err.Error(), "password") {
		t.Errorf("user add with a short password: err = %v, want a password error", err)
	}
	if _, err = cli(t, "ett-långt-lösenord\n", with("user", "add", "--email", "anna@example.se", "--name", "Anna Två")...); err == nil || !strings.Contains(err.Error(), "already") {
		t.Errorf("user add with a taken e-mail: err = %v", err)
	}
	if _, err = cli(t, "", with("user", "add", "--email", "inte-en-adress", "--name", "")...); err == nil || !strings.Contains(err.Error(), "--email") || !strings.Contains(err.Error(), "--name") {
		t.Errorf("user add with bad flags: err = %v, want both problems named", err)
	}
	out, err = cli(t, "", with("user", "add", "--email", "cecilia@example.se", "--name", "Cecilia Ek", "--link")...)
	if err != nil || !regexp.MustCompile(`/signin/link/\S+`).MatchString(out) {
		t.Fatalf("user add --link: %v\n%s", err, out)
	}
	token, err := cli(t, "", with("token", "create", "--email", "anna@example.se", "--scope", "admin")...)
	if err != nil || !strings.HasPrefix(token, "tacit_") {
		t.Fatalf("token create: %v\n%s", err, token)
	}
	if _, err = cli(t, "", with("token", "create", "--email", "cecilia@example.se", "--scope", "admin")...); err == nil {
		t.Error("an admin token was made for a non-admin")
	}
	if _, err = cli(t, "", with("token", "create", "--email", "ingen@example.se")...); err == nil {
		t.Error("a token was made for nobody")
	}

	// The token works against the store it was made in.
	s, err := store.Open(context.Background(), db, data)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, scope, err := s.TokenPerson(context.Background(), auth.HashSecret(strings.TrimSpace(token)))
	if err != nil || p.Email != "anna@example.se" || scope != "admin" || !p.Admin || p.Department != "Sälj" {
		t.Errorf("token belongs to %+v scope %q (%v)", p, scope, err)
	}
	if id, _, err := s.PasswordHash(context.Background(), "anna@example.se"); err != nil || id != p.ID {
		t.Errorf("password of the new person not stored: %v", err)
	}
}

func TestServeRefusesOutdatedSchema(t *testing.T) {
	data := t.TempDir()
	db := storetest.URL(t)
	s, err := store.Open(context.Background(), db, data)
	if err != nil {
		t.Fatal(err)
	}
	// An instance that has some migrations applied but not all is outdated.
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	driver, dsn := "sqlite", filepath.Join(data, "tacit.db")
	if db != "" {
		driver, dsn = "pgx", db
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	args := []string{"--data", data, "--addr", "127.0.0.1:0"}
	if db != "" {
		args = append(args, "--database-url", db)
	}
	_, err = cli(t, "", args...)
	if err == nil || !strings.Contains(err.Error(), "tacit migrate") {
		t.Fatalf("serve on an outdated schema: err = %v, want a refusal that says to run tacit migrate", err)
	}
}

func TestDemoAndHealth(t *testing.T) {
	base := startDemo(t)
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.TrimSpace(string(b)) != "ok" {
		t.Fatalf("healthz: %d %q", resp.StatusCode, b)
	}
	// Sign in with the printed details and see the demo organisation.
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	resp, err = client.PostForm(base+"/signin", map[string][]string{"email": {demo.Email("Karin Lindqvist")}, "password": {demo.Password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	resp, err = client.Get(base + "/c")
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	page := string(b)
	for _, want := range []string{"Hela Fjällvind", "Säljcoacher", "Kundtjänst", "CRM-tips"} {
		if !strings.Contains(page, want) {
			t.Errorf("directory of the demo lacks %q", want)
		}
	}
}
