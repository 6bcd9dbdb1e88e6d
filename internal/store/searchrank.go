package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"modernc.org/libc"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/tacit-org/tacit/internal/search"
)

// The SQLite search ranks with tacit_rank, an FTS5 ranking function of our
// own, instead of FTS5's bm25. It is the same BM25 (k1 = 1.2, b = 0.75,
// document length over all columns, only the terms column counted), with one
// difference: bm25 works out how many posts hold each phrase of the query by
// reading that phrase's whole doclist, once per query — a third of the time
// of a search at a million posts, where a common word is in 300,000 posts
// and a reader of few communities brings a term for each of them. tacit_rank
// is given each phrase's weight (its IDF) as an argument instead, worked out
// by the caller from how many posts hold each term (searchWeights), and it
// skips the phrases whose weight is 0 (the community terms). With the same
// weights it gives the same scores as bm25(1.0, 0.0): TestSearchRankIsBM25.
//
// FTS5 registers ranking functions through its C API, which modernc's
// driver does not wrap; registerSearchRank reaches it through the driver's
// own translation of SQLite's C, on each new connection.

// searchRankName is the name of the ranking function in SQL.
const searchRankName = "tacit_rank"

func init() {
	sqlite.RegisterConnectionHook(registerSearchRank)
}

// errNoRawConn is returned when the driver's connection no longer has the
// fields registerSearchRank reads (a driver upgrade changed them).
var errNoRawConn = errors.New("store: the sqlite driver's connection has no db/tls fields")

// registerSearchRank registers tacit_rank on a new connection of the
// "sqlite" driver.
func registerSearchRank(conn sqlite.ExecQuerierContext, _ string) error {
	v := reflect.ValueOf(conn)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return errNoRawConn
	}
	db, tlsf := v.Elem().FieldByName("db"), v.Elem().FieldByName("tls")
	if !db.IsValid() || db.Kind() != reflect.Uintptr || !tlsf.IsValid() || tlsf.Kind() != reflect.Pointer || tlsf.Type().Elem() != reflect.TypeFor[libc.TLS]() {
		return errNoRawConn
	}
	tls := (*libc.TLS)(tlsf.UnsafePointer())
	api, err := fts5API(tls, uintptr(db.Uint()))
	if err != nil {
		return err
	}
	name, err := libc.CString(searchRankName)
	if err != nil {
		return err
	}
	defer libc.Xfree(tls, name)
	create := (*sqlite3.Tfts5_api)(cmem(api)).FxCreateFunction
	rc := (*(*func(*libc.TLS, uintptr, uintptr, uintptr, uintptr, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{create})))(tls, api, name, 0, cFunc(searchRank), 0)
	if rc != sqlite3.SQLITE_OK {
		return fmt.Errorf("store: register %s: code %d", searchRankName, rc)
	}
	return nil
}

// fts5API returns the connection's fts5_api, as SQLite documents:
// SELECT fts5(?1) with a pointer of type "fts5_api_ptr" bound to ?1.
func fts5API(tls *libc.TLS, db uintptr) (uintptr, error) {
	query, err := libc.CString("SELECT fts5(?1)")
	if err != nil {
		return 0, err
	}
	defer libc.Xfree(tls, query)
	typ, err := libc.CString("fts5_api_ptr")
	if err != nil {
		return 0, err
	}
	defer libc.Xfree(tls, typ)
	mem := libc.Xcalloc(tls, 2, 8) // the statement, then the fts5_api pointer
	if mem == 0 {
		return 0, errors.New("store: fts5 api: out of memory")
	}
	defer libc.Xfree(tls, mem)
	if rc := sqlite3.Xsqlite3_prepare_v2(tls, db, query, -1, mem, 0); rc != sqlite3.SQLITE_OK {
		return 0, fmt.Errorf("store: fts5 api: prepare: code %d", rc)
	}
	stmt := *(*uintptr)(cmem(mem))
	defer sqlite3.Xsqlite3_finalize(tls, stmt)
	if rc := sqlite3.Xsqlite3_bind_pointer(tls, stmt, 1, mem+8, typ, 0); rc != sqlite3.SQLITE_OK {
		return 0, fmt.Errorf("store: fts5 api: bind: code %d", rc)
	}
	if rc := sqlite3.Xsqlite3_step(tls, stmt); rc != sqlite3.SQLITE_ROW {
		return 0, fmt.Errorf("store: fts5 api: step: code %d", rc)
	}
	api := *(*uintptr)(cmem(mem + 8))
	if api == 0 || (*sqlite3.Tfts5_api)(cmem(api)).FiVersion < 2 {
		return 0, errors.New("store: fts5 api: not available")
	}
	return api, nil
}

// cFunc is a Go function as the driver's C calls it: modernc's translated
// C holds a function pointer as the address of a Go func value, the
// conversion its own driver makes for the functions it registers. f must be
// a top-level function.
func cFunc[T any](f T) uintptr {
	return *(*uintptr)(unsafe.Pointer(&struct{ f T }{f}))
}

// cmem is an address in the C memory of modernc's libc (allocated by
// SQLite, libc.Xmalloc or tls.Alloc, never the Go heap) as a pointer. The
// address is reinterpreted rather than converted, the way for memory Go's
// collector does not manage.
func cmem(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }

// fts5Call* call the functions of FTS5's extension API by their pointers.
func fts5Call2(fp, a uintptr, tls *libc.TLS, b uintptr) int32 {
	return (*(*func(*libc.TLS, uintptr, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{fp})))(tls, a, b)
}

func fts5CallI(fp, a uintptr, tls *libc.TLS, i int32, b uintptr) int32 {
	return (*(*func(*libc.TLS, uintptr, int32, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{fp})))(tls, a, i, b)
}

// BM25's constants, as FTS5's bm25 has them.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// searchRank is tacit_rank(w0, w1, …): the BM25 score of the current row,
// negated as FTS5's rank is (lower is better), with wi the weight (IDF) of
// phrase i of the query; phrases without an argument, or with weight 0, do
// not count. Only instances in column 0 (terms) count; the length is the
// row's over all columns, as bm25's.
func searchRank(tls *libc.TLS, pAPI, pFts, pCtx uintptr, nVal int32, apVal uintptr) {
	api := (*sqlite3.TFts5ExtensionApi)(cmem(pAPI))
	bp := tls.Alloc(48)
	defer tls.Free(48)
	// bp: phrase iterator (16), column (4), offset (4), row length (4),
	// pad (4), rows (8), total length (8).
	rc := fts5Call2(api.FxRowCount, pFts, tls, bp+32)
	if rc == sqlite3.SQLITE_OK {
		rc = fts5CallI(api.FxColumnTotalSize, pFts, tls, -1, bp+40)
	}
	if rc == sqlite3.SQLITE_OK {
		rc = fts5CallI(api.FxColumnSize, pFts, tls, -1, bp+24)
	}
	if rc != sqlite3.SQLITE_OK {
		sqlite3.Xsqlite3_result_error_code(tls, pCtx, rc)
		return
	}
	rows, total := *(*int64)(cmem(bp + 32)), *(*int64)(cmem(bp + 40))
	length := float64(*(*int32)(cmem(bp + 24)))
	avg := 1.0
	if rows > 0 && total > 0 {
		avg = float64(total) / float64(rows)
	}
	norm := bm25K1 * (1 - bm25B + bm25B*length/avg)
	first := (*(*func(*libc.TLS, uintptr, int32, uintptr, uintptr, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{api.FxPhraseFirst})))
	next := (*(*func(*libc.TLS, uintptr, uintptr, uintptr, uintptr))(unsafe.Pointer(&struct{ uintptr }{api.FxPhraseNext})))
	phrases := (*(*func(*libc.TLS, uintptr) int32)(unsafe.Pointer(&struct{ uintptr }{api.FxPhraseCount})))(tls, pFts)
	score := 0.0
	for i := range min(nVal, phrases) {
		w := sqlite3.Xsqlite3_value_double(tls, *(*uintptr)(cmem(apVal + uintptr(i)*8)))
		if w == 0 {
			continue
		}
		freq := 0.0
		rc = first(tls, pFts, i, bp, bp+16, bp+20)
		if rc != sqlite3.SQLITE_OK {
			sqlite3.Xsqlite3_result_error_code(tls, pCtx, rc)
			return
		}
		for *(*int32)(cmem(bp + 16)) >= 0 {
			if *(*int32)(cmem(bp + 16)) == 0 {
				freq++
			}
			next(tls, pFts, bp, bp+16, bp+20)
		}
		score += w * freq * (bm25K1 + 1) / (freq + norm)
	}
	sqlite3.Xsqlite3_result_double(tls, pCtx, -score)
}

// bm25IDF is BM25's weight of a phrase held by hits of rows posts, as FTS5
// works it out: log((N − n + ½) / (n + ½)), and 10⁻⁶ where that is not
// positive (a phrase in more than half the posts).
func bm25IDF(rows, hits float64) float64 {
	idf := math.Log((rows - hits + 0.5) / (hits + 0.5))
	if idf <= 0 {
		return 1e-6
	}
	return idf
}

// searchRankMatch is the value of FTS5's rank column constraint (rank MATCH
// …) that ranks with tacit_rank and these weights. Numbers formatted here,
// never user text.
func searchRankMatch(weights []float64) string {
	parts := make([]string, len(weights))
	for i, w := range weights {
		parts[i] = strconv.FormatFloat(w, 'f', -1, 64) // FTS5 reads no exponents
	}
	return searchRankName + "(" + strings.Join(parts, ", ") + ")"
}

// rankSample is how many of the newest posts (by id) the weights of a
// query's phrases are worked out from (phraseWeights).
var rankSample = 10000 // a variable for tests only

// rankedMatch is match(q, sc), ranked on SQLite by tacit_rank with the
// weights of q's phrases.
func (s *Store) rankedMatch(ctx context.Context, q search.Query, sc searchScope) (textMatch, error) {
	m := s.match(q, sc)
	if s.dialect == Postgres || m.empty() {
		return m, nil
	}
	weights, err := s.phraseWeights(ctx, q.Phrases())
	if err != nil {
		return m, err
	}
	m.rank = searchRankMatch(weights)
	return m, nil
}

// phraseWeights returns the BM25 weight (IDF) of each phrase, 0 for the
// excluded ones. How many posts hold a phrase is counted among the newest
// rankSample posts in the index, in one statement, and scaled to the
// posts indexed: counting every post that holds a common word, as bm25
// does, reads that word's whole doclist (300,000 posts at a million), while
// its share of the newest posts costs at most rankSample entries and moves
// only slowly. When the index holds no more than the sample, the counts are
// exact and the scores those of bm25. A phrase in none of the sample
// counts as half a post of it.
func (s *Store) phraseWeights(ctx context.Context, phrases []search.Phrase) ([]float64, error) {
	weights := make([]float64, len(phrases))
	var args []any
	arg := func(x any) string {
		args = append(args, x)
		return "$" + strconv.Itoa(len(args))
	}
	lo := "(SELECT COALESCE(MAX(id), 0) FROM post_search_docsize) - " + arg(rankSample)
	q := "SELECT " + lo + ", (SELECT COUNT(*) FROM post_search_docsize WHERE id > " + lo + "), (SELECT COALESCE(SUM(post_count), 0) FROM communities)"
	var counted []int
	for i, p := range phrases {
		if p.Excluded {
			continue
		}
		counted = append(counted, i)
		q += ", (SELECT COUNT(*) FROM post_search WHERE post_search MATCH " + arg("{terms} : "+p.FTS5()) + " AND rowid > " + lo + ")"
	}
	dest := make([]any, 3+len(counted))
	var low, sample, posts int64
	hits := make([]int64, len(counted))
	dest[0], dest[1], dest[2] = &low, &sample, &posts
	for i := range hits {
		dest[3+i] = &hits[i]
	}
	if err := s.r.QueryRowContext(ctx, q, args...).Scan(dest...); err != nil {
		return nil, fmt.Errorf("store: search weights: %w", err)
	}
	if low <= 0 {
		// The sample is the whole index: exact counts.
		for k, i := range counted {
			weights[i] = bm25IDF(float64(sample), float64(hits[k]))
		}
		return weights, nil
	}
	rows := float64(max(posts, sample, 1))
	for k, i := range counted {
		n := max(float64(hits[k]), 0.5)
		weights[i] = bm25IDF(rows, n/float64(max(sample, 1))*rows)
	}
	return weights, nil
}
