// Package store keeps Tacit's data in SQLite or PostgreSQL behind one set of
// hand-written, portable SQL statements. Dialect differences live at a few
// named seams: connection setup, error mapping and migrations.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"modernc.org/sqlite"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Sentinel errors returned by store methods; callers compare with errors.Is.
var (
	// ErrNotFound means the row does not exist or the viewer may not see it.
	ErrNotFound = errors.New("store: not found")
	// ErrConflict means a uniqueness rule was violated.
	ErrConflict = errors.New("store: conflict")
)

// Dialect names the database engine behind a Store.
type Dialect string

// The two supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Store is the only way Tacit reads and writes its data.
type Store struct {
	w         *pool // the writer: one connection on SQLite
	r         *pool // readers: a pool; the same as w on PostgreSQL
	dialect   Dialect
	bell      bell        // rung after notifications or live activity are written (notifications.go)
	pgURL     string      // PostgreSQL: for the connection that listens to other processes' changes (changes.go)
	listening atomic.Bool // that connection is listening
}

// Open connects to PostgreSQL when databaseURL is a postgres:// URL, and
// otherwise opens (creating when needed) the SQLite file tacit.db in dataDir.
func Open(ctx context.Context, databaseURL, dataDir string) (*Store, error) {
	if strings.HasPrefix(databaseURL, "postgres://") || strings.HasPrefix(databaseURL, "postgresql://") {
		return openPostgres(ctx, databaseURL)
	}
	if databaseURL != "" {
		return nil, fmt.Errorf("store: unsupported database URL scheme (want postgres://)")
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("store: create data directory: %w", err)
	}
	return openSQLite(ctx, filepath.Join(dataDir, "tacit.db"))
}

func openSQLite(ctx context.Context, path string) (*Store, error) {
	// busy_timeout comes first so that the later pragmas already wait for locks.
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	// The one writer keeps 64 MiB of pages: every post written reaches the
	// posts, tags, follows and search index b-trees, and FTS5 merges its
	// segments, at a million posts far more than SQLite's default 2 MiB.
	// Its temporary files stay in memory: a statement that writes many rows
	// (an answer's 5,000 notifications) keeps a statement journal of the
	// pages it changed, which beyond 64 KiB SQLite writes to a temporary
	// file, one pwrite per page (a fifth of an answer's write time).
	w, err := sql.Open("sqlite", dsn+"&_pragma=cache_size(-65536)&_pragma=temp_store(MEMORY)")
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxLifetime(0)
	w.SetMaxIdleConns(1)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	// Readers keep 32 MiB of pages each (SQLite's default is 2 MiB): a
	// search at a million posts reads thousands of index and post pages,
	// and every page not in this cache is a system call.
	// They also read the file through a memory map, so that a page not in
	// that cache costs no system call (a tenth of a search's CPU at a
	// million posts was spent in pread).
	r, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)&_pragma=cache_size(-32768)&_pragma=mmap_size(17179869184)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open sqlite readers: %w", err)
	}
	n := max(4, runtime.NumCPU()*2)
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	s := &Store{w: newPool(w, true), r: newPool(r, true), dialect: SQLite}
	s.prepareWrites(ctx)
	return s, nil
}

func openPostgres(ctx context.Context, url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(32)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	p := newPool(db, false)
	return &Store{w: p, r: p, dialect: Postgres, pgURL: url}, nil
}

// Dialect reports which database engine the store uses.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.r.PingContext(ctx) }

// Close closes all connections.
func (s *Store) Close() error {
	err := s.w.Close()
	if s.r != s.w {
		err = errors.Join(err, s.r.Close())
	}
	return err
}

// tx runs fn in one write transaction: everything fn does commits together or not at all.
func (s *Store) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return mapErr(err)
	}
	return mapErr(tx.Commit())
}

// mapErr turns driver errors into the store's sentinel errors.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrConflict) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case 2067, 1555: // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
			return fmt.Errorf("%w: %v", ErrConflict, err)
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "23505" {
		return fmt.Errorf("%w: %v", ErrConflict, err)
	}
	return err
}

// now is the store's clock in the unit of every time column.
func now() int64 { return time.Now().UnixMilli() }

func toTime(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}

func nullTime(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return time.UnixMilli(ms.Int64)
}

// queryer is what both *sql.DB and *sql.Tx offer, so reads can run inside or outside a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}
