package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
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

// cached returns the prepared form of query if the pool holds one. Inside
// a transaction nothing can be prepared on the pool: its one writer
// connection is the transaction's.
func (p *pool) cached(query string) *sql.Stmt {
	if st, ok := p.stmts.Load(query); ok {
		return st.(*sql.Stmt)
	}
	return nil
}

// writeStatements are the writes that bulk loads run thousands of times,
// prepared on the writer when the store opens (see txExec).
func writeStatements(d Dialect) []string {
	return []string{insertPostSQL, insertTagSQL, insertFollowSQL, countPostsSQL, indexInsertSQL(d, 1), indexInsertSQL(d, indexInsertRows)}
}

// prepareWrites prepares writeStatements on the writer, those whose
// tables exist (the store calls it when it opens and after migrating).
func (s *Store) prepareWrites(ctx context.Context) {
	for _, q := range writeStatements(s.dialect) {
		s.w.stmt(ctx, q)
	}
}

// txExec runs query in tx, in its prepared form when the writer holds one
// (writeStatements, SQLite): modernc's driver parses every unprepared
// statement anew.
func (s *Store) txExec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if st := s.w.cached(query); st != nil {
		return tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, query, args...)
}

// txQueryRow is QueryRowContext in tx, prepared as txExec prepares.
func (s *Store) txQueryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	if st := s.w.cached(query); st != nil {
		return tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, query, args...)
}

// inList formats ids for an IN (...) list. The ids are integers formatted
// here, never user text. A query with one runs unprepared (on the pool's
// *sql.DB), since its text differs per call and would only fill the cache.
func inList(ids []int64) string {
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(list, ",")
}

// idSet runs a query whose rows are one id each and returns them as a set.
func idSet(ctx context.Context, db *sql.DB, query string, args ...any) (map[int64]bool, error) {
	out := map[int64]bool{}
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}
