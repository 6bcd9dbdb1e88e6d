// Package benchdb makes the database a benchmark fills and measures: a
// SQLite file in a (temporary) data directory, or a PostgreSQL database of
// its own on a server, and removes it afterwards unless asked to keep it.
package benchdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // "pgx" for the raw handle
	_ "modernc.org/sqlite"             // "sqlite" for the raw handle
)

// Options say which database to make.
type Options struct {
	Kind        string // "sqlite" or "postgres"
	DataDir     string // SQLite: the data directory; "" for a temporary one
	DatabaseURL string // PostgreSQL: the server to create the database on (or, with Reuse, the database)
	Reuse       bool   // measure an existing database instead of making one
	Keep        bool   // leave it in place afterwards
	Name        string // a prefix for temporary names, such as "tacit-search-bench"
}

// Database is where a benchmark keeps its data and how it cleans up.
type Database struct {
	Kind     string
	StoreURL string // for store.Open; "" for SQLite
	DataDir  string

	adminURL  string // PostgreSQL: the server URL the database was created from
	name      string // PostgreSQL: the database, dropped unless kept
	removeDir bool
	keep      bool
}

// Prepare makes (or, with Reuse, finds) the database and says which it is.
func Prepare(ctx context.Context, o Options, stdout io.Writer) (*Database, error) {
	db := &Database{Kind: o.Kind, keep: o.Keep}
	if o.Kind == "sqlite" {
		db.DataDir = o.DataDir
		if db.DataDir == "" {
			dir, err := os.MkdirTemp("", o.Name+"-*")
			if err != nil {
				return nil, err
			}
			db.DataDir, db.removeDir = dir, !o.Keep
		}
		_, err := os.Stat(filepath.Join(db.DataDir, "tacit.db"))
		switch {
		case o.Reuse && err != nil:
			return nil, fmt.Errorf("--reuse: no tacit.db in %s", db.DataDir)
		case !o.Reuse && err == nil:
			return nil, fmt.Errorf("%s already holds tacit.db: use --reuse, or an empty --data directory", db.DataDir)
		}
		fmt.Fprintf(stdout, "database: SQLite file %s\n", filepath.Join(db.DataDir, "tacit.db"))
		return db, nil
	}
	db.DataDir = os.TempDir() // unused by PostgreSQL, but store.Open wants a directory
	if o.Reuse {
		db.StoreURL = o.DatabaseURL
		fmt.Fprintf(stdout, "database: PostgreSQL %s (reused)\n", Redact(o.DatabaseURL))
		return db, nil
	}
	u, err := url.Parse(o.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("--database-url: %w", err)
	}
	admin, err := sql.Open("pgx", o.DatabaseURL)
	if err != nil {
		return nil, err
	}
	defer admin.Close()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	name := "tacit_bench_" + time.Now().Format("20060102_150405") + "_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		return nil, fmt.Errorf("create database (is PostgreSQL running at %s?): %w", Redact(o.DatabaseURL), err)
	}
	db.adminURL, db.name = o.DatabaseURL, name
	u.Path = "/" + name
	db.StoreURL = u.String()
	fmt.Fprintf(stdout, "database: PostgreSQL %s\n", Redact(db.StoreURL))
	return db, nil
}

// Cleanup drops or removes what Prepare made, unless asked to keep it; then
// it says how to measure it again.
func (db *Database) Cleanup(stdout io.Writer) {
	if db.keep {
		if db.Kind == "postgres" {
			fmt.Fprintf(stdout, "kept database: --db postgres --reuse --database-url '%s'\n", Redact(db.StoreURL))
		} else {
			fmt.Fprintf(stdout, "kept database: --db sqlite --reuse --data %s\n", db.DataDir)
		}
		return
	}
	if db.name != "" {
		admin, err := sql.Open("pgx", db.adminURL)
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			_, err = admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+db.name+" WITH (FORCE)")
			cancel()
			admin.Close()
		}
		if err != nil {
			fmt.Fprintf(stdout, "could not drop database %s: %v\n", db.name, err)
		}
	}
	if db.removeDir {
		if err := os.RemoveAll(db.DataDir); err != nil {
			fmt.Fprintf(stdout, "could not remove %s: %v\n", db.DataDir, err)
		}
	}
}

// OpenRaw opens a second handle on the database for what the store has no
// method for: row counts, sizes, ANALYZE.
func (db *Database) OpenRaw() (*sql.DB, error) {
	if db.Kind == "postgres" {
		return sql.Open("pgx", db.StoreURL)
	}
	return sql.Open("sqlite", "file:"+db.File()+"?_pragma=busy_timeout(10000)")
}

// File is the SQLite database file.
func (db *Database) File() string { return filepath.Join(db.DataDir, "tacit.db") }

// MiB formats a size in bytes ("unknown" when negative).
func MiB(n int64) string {
	if n < 0 {
		return "unknown"
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// Redact hides a password in a database URL.
func Redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(invalid URL)"
	}
	return u.Redacted()
}
