package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations
var migrations embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

func (s *Store) migrations() ([]migration, error) {
	dir := "migrations/" + string(s.dialect)
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("store: migration %q is not named NNNN_name.sql", e.Name())
		}
		b, err := fs.ReadFile(migrations, dir+"/"+e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

func (s *Store) ensureMigrationsTable(ctx context.Context) error {
	_, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`)
	return err
}

func (s *Store) applied(ctx context.Context) (map[int]bool, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		done[v] = true
	}
	return done, rows.Err()
}

// pending lists the migrations not applied yet, oldest first.
func (s *Store) pending(ctx context.Context) ([]migration, error) {
	if err := s.ensureMigrationsTable(ctx); err != nil {
		return nil, fmt.Errorf("store: migrations table: %w", err)
	}
	ms, err := s.migrations()
	if err != nil {
		return nil, err
	}
	done, err := s.applied(ctx)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, m := range ms {
		if !done[m.version] {
			out = append(out, m)
		}
	}
	return out, nil
}

// Pending reports how many migrations have not been applied yet.
func (s *Store) Pending(ctx context.Context) (int, error) {
	ms, err := s.pending(ctx)
	return len(ms), err
}

// Migrate applies every pending migration, each in its own transaction, and
// returns how many it applied.
func (s *Store) Migrate(ctx context.Context) (int, error) {
	return s.migrateTo(ctx, 1<<30)
}

// migrateTo applies the pending migrations up to version.
func (s *Store) migrateTo(ctx context.Context, version int) (int, error) {
	ms, err := s.pending(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range ms {
		if m.version > version {
			break
		}
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
				m.version, m.name, now())
			return err
		})
		if err != nil {
			return n, fmt.Errorf("store: migration %s: %w", m.name, err)
		}
		n++
	}
	s.prepareWrites(ctx)
	return n, nil
}

// Empty reports whether the database has no Tacit schema yet.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n)
	if err != nil {
		// No migrations table: nothing was ever migrated here.
		return true, nil
	}
	return n == 0, nil
}
