package store

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
)

// pool is a *sql.DB that, on SQLite, keeps the prepared form of the queries
// it runs. modernc's driver parses the SQL text of every unprepared query
// anew; the post page spent 7 % of its CPU doing that (docs/benchmarks.md).
// PostgreSQL needs no help: pgx caches statements per connection itself.
type pool struct {
	*sql.DB
	cache bool
	stmts sync.Map // query text -> *sql.Stmt
	count atomic.Int32
}

// maxStmts bounds the cache: queries built with a varying number of
// placeholders run unprepared once it is full. Queries whose text varies
// per call (lists of ids written into the SQL: fillTags, fillExpertise,
// Readers, the digest's re-check) call p.DB directly and are never cached,
// or they would fill it with texts used once. This is the store's only
// statement cache; digests use it too.
const maxStmts = 400

func newPool(db *sql.DB, cache bool) *pool { return &pool{DB: db, cache: cache} }

func (p *pool) stmt(ctx context.Context, query string) *sql.Stmt {
	if !p.cache {
		return nil
	}
	if st, ok := p.stmts.Load(query); ok {
		return st.(*sql.Stmt)
	}
	if p.count.Load() >= maxStmts {
		return nil
	}
	st, err := p.DB.PrepareContext(ctx, query)
	if err != nil {
		return nil // the unprepared call reports the error
	}
	if old, loaded := p.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return old.(*sql.Stmt)
	}
	p.count.Add(1)
	return st
}

// QueryContext runs query, prepared once per connection when caching.
func (p *pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.DB.QueryContext(ctx, query, args...)
}

// QueryRowContext runs query, prepared once per connection when caching.
func (p *pool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := p.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return p.DB.QueryRowContext(ctx, query, args...)
}

// Close closes the cached statements, then the pool.
func (p *pool) Close() error {
	p.stmts.Range(func(_, v any) bool {
		v.(*sql.Stmt).Close()
		return true
	})
	return p.DB.Close()
}
