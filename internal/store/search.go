package store

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/tacit-org/tacit/internal/search"
)

// The search index (migration 0005) holds one row per live post: the terms
// of its title, body, tags and live answers and comments, analysed in Go by
// package search so that both databases index the same terms. The row is
// written in the same transaction as every change to that text, so search
// never finds what was deleted or misses what was written.
//
// The engines differ only here, at one named seam: how a row is keyed (FTS5
// rowid or a post_id column) and how a query matches and ranks.

// searchKey is the column of post_search that holds the post id.
func (s *Store) searchKey() string {
	if s.dialect == Postgres {
		return "post_id"
	}
	return "rowid"
}

// textMatch is a query rendered for this store's engine: text is the FTS5
// MATCH expression (on SQLite, with the viewer's scope folded in) or the
// tsquery of the words (PostgreSQL), and scope, on PostgreSQL only, a
// tsquery over community lexemes to AND with it ("" for none). A zero
// textMatch has no words.
type textMatch struct {
	text, scope string
	// rank, on SQLite, is the value of the rank column constraint that
	// ranks with tacit_rank and the weights of the query's phrases
	// (searchrank.go); "" ranks by the index's own bm25.
	rank string
}

func (m textMatch) empty() bool { return m.text == "" }

// searchScope is the communities a search is held to inside the index:
// the ones the viewer may read, narrowed by in:. on is false when the index
// need not narrow, and then the WHERE clause alone decides, as it always
// does too.
type searchScope struct {
	ids []int64
	on  bool
}

// maxScopeTerms bounds the community terms one match carries.
const maxScopeTerms = 300

// searchScope reads which communities the viewer may read (DESIGN §3: the
// same rule as visibleTo), of those named by slugs when there are any. The
// index is narrowed to them when they hold at most a quarter of all posts:
// a reader of few posts would otherwise have most of the newest matches
// rejected by the WHERE clause, and the rank window (rankCutoff) filled with
// posts they may not read. For a reader of most posts the WHERE clause
// rejects few, while narrowing makes FTS5 merge the doclists of all their
// communities. The community terms carry no weight in the ranking
// (tacit_rank skips them), so narrowing costs only that merge: measured at
// 1,000,000 posts, a reader of 10 % searched two words in 13.5 ms of CPU
// narrowed against 23.8 not, a prefix in 17.3 against 26.7 (docs/search.md,
// Speed).
func (s *Store) searchScope(ctx context.Context, v Viewer, slugs []string) (searchScope, error) {
	args := []any{v.ID}
	arg := func(x any) string {
		args = append(args, x)
		return "$" + strconv.Itoa(len(args))
	}
	cond := visibleTo("c", "$1")
	if len(slugs) > 0 {
		cond += " AND c.slug IN (" + list(slugs, arg) + ")"
	}
	rows, err := s.r.QueryContext(ctx, `SELECT c.id, c.post_count, CASE WHEN `+cond+` THEN 1 ELSE 0 END FROM communities c ORDER BY c.id`, args...)
	if err != nil {
		return searchScope{}, fmt.Errorf("store: search scope: %w", err)
	}
	defer rows.Close()
	var sc searchScope
	var readable, all int64
	n := 0
	for rows.Next() {
		var id, posts int64
		var ok int
		if err := rows.Scan(&id, &posts, &ok); err != nil {
			return searchScope{}, fmt.Errorf("store: search scope: %w", err)
		}
		n++
		all += posts
		if ok == 1 {
			readable += posts
			sc.ids = append(sc.ids, id)
		}
	}
	if err := rows.Err(); err != nil {
		return searchScope{}, fmt.Errorf("store: search scope: %w", err)
	}
	sc.on = len(sc.ids) < n && len(sc.ids) <= maxScopeTerms && 4*readable <= all
	return sc, nil
}

// match renders the words of q for this store's engine, held to the scope.
// On SQLite the words are held to the terms column, so that a word never
// matches a community's term, and the scope is a condition on the
// community column: any of the readable ones (c0, which no community is,
// stands for none). On PostgreSQL the scope is a tsquery over the lexemes
// "=c" + id, which no word can be.
func (s *Store) match(q search.Query, sc searchScope) textMatch {
	var terms []string
	if sc.on {
		terms = append(terms, communityTerm(0))
		for _, id := range sc.ids {
			terms = append(terms, communityTerm(id))
		}
	}
	if s.dialect == Postgres {
		m := textMatch{text: q.TSQuery()}
		if m.text != "" && len(terms) > 0 {
			m.scope = "'=" + strings.Join(terms, "' | '=") + "'"
		}
		return m
	}
	text := q.FTS5()
	if text == "" {
		return textMatch{}
	}
	text = "{terms} : (" + text + ")"
	if len(terms) > 0 {
		text += ` AND community : ("` + strings.Join(terms, `" OR "`) + `")`
	}
	return textMatch{text: text}
}

// matchCond is the condition that the index row (x on PostgreSQL;
// post_search on SQLite, which must not be aliased for MATCH) matches m,
// binding values with arg.
func (s *Store) matchCond(m textMatch, arg func(any) string) string {
	if s.dialect != Postgres {
		if m.rank != "" {
			return "post_search MATCH " + arg(m.text) + " AND post_search.rank MATCH " + arg(m.rank)
		}
		return "post_search MATCH " + arg(m.text)
	}
	if m.scope == "" {
		return "x.tsv @@ to_tsquery('simple', " + arg(m.text) + ")"
	}
	return "x.tsv @@ (to_tsquery('simple', " + arg(m.text) + ") && CAST(" + arg(m.scope) + " AS tsquery))"
}

// matchRel is the text relevance of the index row for m (higher is
// better): BM25 on SQLite (FTS5's rank, bm25 with the community column
// weighed 0, is negative and better when lower), cover density normalised
// by the log of the length on PostgreSQL, of the words alone.
func (s *Store) matchRel(m textMatch, arg func(any) string) string {
	if s.dialect != Postgres {
		return "-post_search.rank"
	}
	return "CAST(ts_rank_cd(x.tsv, to_tsquery('simple', " + arg(m.text) + "), 1) AS DOUBLE PRECISION)"
}

// searchMatches is a subquery of the ids (post_id) of the posts whose index
// row matches m.
func (s *Store) searchMatches(m textMatch, arg func(any) string) string {
	if s.dialect == Postgres {
		return "SELECT x.post_id FROM post_search x WHERE " + s.matchCond(m, arg)
	}
	return "SELECT rowid AS post_id FROM post_search WHERE " + s.matchCond(m, arg)
}

// maxIndexedText bounds the bytes of body, answers and comments analysed
// for one post, so that one enormous thread cannot make every later answer
// to it slow, nor outgrow PostgreSQL's limit on a tsvector (1 MB).
const maxIndexedText = 256 << 10

// indexSource is what the search row of a post is made from: the post's
// title, body, language and community, the bodies of its live answers and
// comments in order, and its tags in order.
type indexSource struct {
	id, community int64
	title, body   string
	lang          string
	replies, tags []string
}

// terms analyses the source into the text of its index row. Authors are
// never indexed, so an anonymous post cannot be found by its author's name.
func (src indexSource) terms() string {
	var b strings.Builder
	b.WriteString(src.body)
	for _, reply := range src.replies {
		if b.Len() >= maxIndexedText {
			break
		}
		b.WriteString("\n\n")
		b.WriteString(reply)
	}
	text := b.String()
	if len(text) > maxIndexedText {
		text = strings.ToValidUTF8(text[:maxIndexedText], "")
	}
	if len(src.tags) > 0 {
		text += "\n\n" + strings.Join(src.tags, " ")
	}
	return search.IndexText(src.title, text, src.lang)
}

// indexRow is one row of the search index: a post, its community and its
// analysed terms.
type indexRow struct {
	id, community int64
	terms         string
}

// communityTerm is the term of a community in the index (the community
// column on SQLite; on PostgreSQL the lexeme "=" + it, made by the generated
// tsvector).
func communityTerm(id int64) string { return "c" + strconv.FormatInt(id, 10) }

// analyseAll analyses the sources, on every core when there are many.
func analyseAll(srcs []indexSource) []indexRow {
	out := make([]indexRow, len(srcs))
	workers := min(runtime.GOMAXPROCS(0), len(srcs)/32+1)
	var wg sync.WaitGroup
	var next atomic.Int64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(srcs); i = int(next.Add(1)) - 1 {
				out[i] = indexRow{srcs[i].id, srcs[i].community, srcs[i].terms()}
			}
		}()
	}
	wg.Wait()
	return out
}

// indexInsertRows is the most rows one statement of writeIndex inserts.
const indexInsertRows = 64

// indexInsertSQL inserts n index rows: id, community and terms of each.
func indexInsertSQL(d Dialect, n int) string {
	var b strings.Builder
	if d == Postgres {
		b.WriteString(`INSERT INTO post_search (post_id, community_id, terms) VALUES `)
	} else {
		b.WriteString(`INSERT INTO post_search (rowid, community, terms) VALUES `)
	}
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "($%d, $%d, $%d)", 3*i+1, 3*i+2, 3*i+3)
	}
	return b.String()
}

// writeIndex inserts index rows, many to a statement.
func (s *Store) writeIndex(ctx context.Context, tx *sql.Tx, rows []indexRow) error {
	for len(rows) > 0 {
		n := min(len(rows), indexInsertRows)
		args := make([]any, 0, 3*n)
		for _, r := range rows[:n] {
			if s.dialect == Postgres {
				args = append(args, r.id, r.community, r.terms)
			} else {
				args = append(args, r.id, communityTerm(r.community), r.terms)
			}
		}
		if _, err := s.txExec(ctx, tx, indexInsertSQL(s.dialect, n), args...); err != nil {
			return fmt.Errorf("store: index posts %d–: %w", rows[0].id, err)
		}
		rows = rows[n:]
	}
	return nil
}

// indexPost writes the search row of a post from what is stored now, in
// the caller's transaction (see indexPosts).
func (s *Store) indexPost(ctx context.Context, tx *sql.Tx, postID int64) error {
	return s.indexPosts(ctx, tx, []int64{postID})
}

// indexPosts writes the search rows of posts from what is stored now, in
// the caller's transaction: each post's title (weighted by IndexText), body
// and tags, the bodies of its live answers and comments, and its community.
// A deleted, held, hidden or missing post loses its row. The posts, their
// replies and their tags are each read in one statement, however many.
func (s *Store) indexPosts(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	strs := make([]string, len(ids))
	for i, id := range ids {
		strs[i] = strconv.FormatInt(id, 10)
	}
	in := strings.Join(strs, ",") // integers formatted here, never user text
	if _, err := tx.ExecContext(ctx, `DELETE FROM post_search WHERE `+s.searchKey()+` IN (`+in+`)`); err != nil {
		return fmt.Errorf("store: unindex posts: %w", err)
	}
	srcs, err := readIndexSources(ctx, tx, in)
	if err != nil {
		return fmt.Errorf("store: index posts: %w", err)
	}
	return s.writeIndex(ctx, tx, analyseAll(srcs))
}

// readIndexSources reads the live posts among the ids in (a comma-separated
// list of integers), with their live replies and tags, in id order.
func readIndexSources(ctx context.Context, tx *sql.Tx, in string) ([]indexSource, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, community_id, title, body, language FROM posts
		WHERE id IN (`+in+`) AND deleted_at IS NULL AND moderation = '' ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var srcs []indexSource
	at := map[int64]int{}
	for rows.Next() {
		var src indexSource
		if err := rows.Scan(&src.id, &src.community, &src.title, &src.body, &src.lang); err != nil {
			rows.Close()
			return nil, err
		}
		at[src.id] = len(srcs)
		srcs = append(srcs, src)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(srcs) == 0 {
		return nil, nil
	}
	// Both lists are read in order, and each post's bounded as it is read.
	for _, q := range []string{
		`SELECT post_id, body FROM replies WHERE post_id IN (` + in + `) AND deleted_at IS NULL AND moderation = '' ORDER BY post_id, id`,
		`SELECT post_id, tag FROM post_tags WHERE post_id IN (` + in + `) ORDER BY post_id, tag`,
	} {
		rows, err := tx.QueryContext(ctx, q)
		if err != nil {
			return nil, err
		}
		size := map[int64]int{}
		for rows.Next() {
			var id int64
			var text string
			if err := rows.Scan(&id, &text); err != nil {
				rows.Close()
				return nil, err
			}
			i, ok := at[id]
			if !ok {
				continue
			}
			if strings.HasPrefix(q, "SELECT post_id, tag") {
				srcs[i].tags = append(srcs[i].tags, text)
			} else if size[id]+len(srcs[i].body) < maxIndexedText {
				srcs[i].replies = append(srcs[i].replies, text)
				size[id] += len(text) + 2
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return srcs, nil
}

// Reindex writes the search row of every live post that has none, such as
// the posts written before the index existed (migration 0005) or before it
// was made anew (0012), and returns how many it wrote. Rows exist only for
// live posts (indexPost keeps it so), so equal counts mean nothing is
// missing: that one query is all it costs when the index is complete, as it
// is on every start but the first after such a migration. Posts are read,
// analysed on every core and written a thousand at a time.
func (s *Store) Reindex(ctx context.Context) (int, error) {
	var live, indexed int64
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM posts WHERE deleted_at IS NULL AND moderation = ''), (SELECT COUNT(*) FROM post_search)`).Scan(&live, &indexed)
	if err != nil {
		return 0, fmt.Errorf("store: reindex: %w", err)
	}
	if live == indexed {
		return 0, nil
	}
	// An empty index (a new one) needs no check of which rows exist.
	missing := ` AND NOT EXISTS (SELECT 1 FROM post_search x WHERE x.` + s.searchKey() + ` = p.id)`
	if indexed == 0 {
		missing = ""
	}
	n := 0
	var after int64
	for {
		var ids []int64
		err := s.tx(ctx, func(tx *sql.Tx) error {
			rows, err := tx.QueryContext(ctx, `SELECT p.id FROM posts p WHERE p.id > $1 AND p.deleted_at IS NULL AND p.moderation = ''`+
				missing+` ORDER BY p.id LIMIT 1000`, after)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id int64
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				ids = append(ids, id)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			return s.indexPosts(ctx, tx, ids)
		})
		if err != nil {
			return n, fmt.Errorf("store: reindex: %w", err)
		}
		n += len(ids)
		if len(ids) == 0 || ctx.Err() != nil {
			return n, ctx.Err()
		}
		after = ids[len(ids)-1]
	}
}

// mergeStep is how many pages of the SQLite full-text index one step of
// MergeSearchIndex writes (about 8 MB): a step holds the writer for a
// fraction of a second.
const mergeStep = 2000

// MergeSearchIndex merges the segments of the SQLite full-text index into
// fewer, in at most steps steps, each its own transaction, and reports
// whether the index is now one segment. FTS5 writes each transaction's
// rows as a new segment and merges them only partly as it goes
// (automerge); a query reads every segment, so an index written by
// thousands of transactions costs several times more to search than the
// same index merged (docs/search.md, Speed). The server runs it in the
// background; PostgreSQL's GIN index needs nothing of the kind.
func (s *Store) MergeSearchIndex(ctx context.Context, steps int) (bool, error) {
	if s.dialect == Postgres {
		return true, nil
	}
	for range steps {
		var before, after int64
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if err := tx.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&before); err != nil {
				return err
			}
			// A negative budget merges whenever there is more than one
			// segment, whatever their levels.
			if _, err := tx.ExecContext(ctx, `INSERT INTO post_search (post_search, rank) VALUES ('merge', $1)`, -mergeStep); err != nil {
				return err
			}
			return tx.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&after)
		})
		if err != nil {
			return false, fmt.Errorf("store: merge search index: %w", err)
		}
		// FTS5 changes at least two rows when it did any work.
		if after-before < 2 {
			return true, nil
		}
	}
	return false, nil
}

// MaxSearchPage is the last page of results Search returns; later pages are empty.
const MaxSearchPage = 500

// MaxSearchResults bounds the work of one search. Of the posts that match
// words, only the MaxSearchResults with the best text relevance that the
// viewer may read are ranked with the knowledge signals and paged through;
// and matches are counted only up to MaxSearchResults (SearchResult.More
// says there are more). Ranking and counting every match of a common word
// cost time in proportion to the matches: hundreds of milliseconds at
// 100,000 posts. Searching by filters alone lists everything, newest first,
// and is counted the same way.
const MaxSearchResults = 200

// SearchResult is one page of search results.
type SearchResult struct {
	Hits []SearchHit
	// Total counts the matches the viewer may read, at most
	// MaxSearchResults; More is set when there are more than that.
	Total int64
	More  bool
	Page  int // this page, from 1
	Limit int // results per page
	// Partial are posts with only some of the words searched for, best
	// first, offered on page 1 when all the words together find less than
	// a page: people type questions, and a question's words are seldom all
	// in its answer. They are not counted in Total.
	Partial []SearchHit
}

// Pages is how many pages of results there are.
func (r SearchResult) Pages() int {
	if r.Limit <= 0 || r.Total == 0 {
		return 0
	}
	return int(min((r.Total+int64(r.Limit)-1)/int64(r.Limit), MaxSearchPage))
}

// SearchHit is a post that matched, as the viewer may see it, with its text.
type SearchHit struct {
	Post
	// Text is the plain text of the post's body and of its live answers and
	// comments, in that order, for search.Snippet. It names no author.
	Text string `json:"-"`
}

// maxHitText bounds the text of a hit that Snippet reads.
const maxHitText = 16 << 10

// rankWindow bounds how many matches are ranked by text relevance. Both
// engines must read every match they rank (BM25 in FTS5 reads its
// positions; ts_rank_cd its whole tsvector), so a common word, matched by a
// third of a million posts, would cost a second: only the
// newest rankWindow matches are ranked (see rankCutoff). Fewer matches are
// all ranked.
var rankWindow = 5000 // a variable for tests only

// rankCutoff returns the lowest post id among the newest window posts
// (rankWindow, or less) whose index row matches m (0 when it matches none): ranking only posts
// from that id on ranks the window. Index rows are read newest first and
// reading stops at the window, without ranking or reading posts.
func (s *Store) rankCutoff(ctx context.Context, m textMatch, window int) (int64, error) {
	var args []any
	arg := func(x any) string {
		args = append(args, x)
		return "$" + strconv.Itoa(len(args))
	}
	q := `SELECT COALESCE(MIN(post_id), 0) FROM (` + s.searchMatches(m, arg) + ` ORDER BY post_id DESC LIMIT ` + arg(window) + `) w`
	var cutoff int64
	if err := s.r.QueryRowContext(ctx, q, s.planned(args)...).Scan(&cutoff); err != nil {
		return 0, fmt.Errorf("store: rank window: %w", err)
	}
	return cutoff, nil
}

// planned returns the arguments of a full-text query so that PostgreSQL
// plans it for their values each time. pgx prepares and caches every
// statement, and after five runs PostgreSQL may keep a generic plan, made
// without knowing the words: the rank window (rankCutoff) then read every
// match of a common word through the GIN index, 300,000 rows and 0.8 s at
// a million posts, where the plan for that word walks the newest posts
// backwards and stops at the window (17 ms). A word's plan depends on how
// common it is, so these queries are sent unprepared (pgx's exec mode), and
// planned with their values, at a cost of a millisecond or so. SQLite
// chooses no differently by value; its arguments are returned as they are.
func (s *Store) planned(args []any) []any {
	if s.dialect != Postgres {
		return args
	}
	return append([]any{pgx.QueryExecModeExec}, args...)
}

// Search returns one page of the posts the viewer may read that match q,
// with how many there are. Permission, deletion and the filters of q are in
// the WHERE clause, applied to every match before ranking, counting and
// paging (DESIGN §3), so pages are full and totals count nothing the viewer
// may not see.
//
// With words, the matches with the best text relevance (at most
// MaxSearchResults) are ranked by relevance blended with knowledge signals
// (see searchScore). When all words together find less than a page, page 1
// offers posts that have only some of them (SearchResult.Partial), ranked
// the same way. Without words (only filters), posts are listed by latest
// activity, like a feed.
func (s *Store) Search(ctx context.Context, v Viewer, q search.Query, page, limit int) (SearchResult, error) {
	limit = min(max(limit, 1), 100)
	page = min(max(page, 1), MaxSearchPage+1)
	res := SearchResult{Hits: []SearchHit{}, Partial: []SearchHit{}, Page: page, Limit: limit}
	var sc searchScope
	if q.HasText() {
		var err error
		if sc, err = s.searchScope(ctx, v, q.Communities); err != nil {
			return res, err
		}
	}
	m, err := s.rankedMatch(ctx, q, sc)
	if err != nil {
		return res, err
	}
	total, err := s.searchCount(ctx, v, q, m)
	if err != nil {
		return res, err
	}
	res.Total, res.More = min(total, MaxSearchResults), total > MaxSearchResults
	offset := (page - 1) * limit
	if page <= MaxSearchPage && int64(offset) < res.Total {
		if res.Hits, err = s.searchPage(ctx, v, q, m, offset, limit, nil); err != nil {
			return res, err
		}
	}
	if page == 1 && len(res.Hits) < limit && len(q.Groups) > 1 && !q.MatchAny {
		some := q
		some.MatchAny = true
		seen := make([]int64, len(res.Hits))
		for i, h := range res.Hits {
			seen[i] = h.ID
		}
		// The same phrases as q's, so the same weights.
		ms := s.match(some, sc)
		ms.rank = m.rank
		if res.Partial, err = s.searchPage(ctx, v, some, ms, 0, limit-len(res.Hits), seen); err != nil {
			return res, err
		}
	}
	all := append(slices.Clone(res.Hits), res.Partial...)
	if err := s.fillHitText(ctx, all); err != nil {
		return res, err
	}
	posts := make([]*Post, len(all))
	for i := range all {
		posts[i] = &all[i].Post
	}
	if err := s.fillTags(ctx, posts); err != nil {
		return res, err
	}
	copy(res.Hits, all)
	copy(res.Partial, all[len(res.Hits):])
	return res, nil
}

// searchWhere returns the conditions on posts p that q's filters and the
// viewer's permission make, binding values with arg.
func (s *Store) searchWhere(v Viewer, q search.Query, arg func(any) string) []string {
	readable := visibleTo("c", arg(v.ID))
	if len(q.Communities) > 0 {
		readable += " AND c.slug IN (" + list(q.Communities, arg) + ")"
	}
	// The unary + keeps SQLite from reaching the posts through their
	// community index: with words, the full-text index finds the posts
	// first and each is then read by its id; without, the activity index
	// lists them newest first and reading stops after a page. Only in:
	// (a few communities) is served by the community index.
	community := "+p.community_id"
	if !q.HasText() && len(q.Communities) > 0 {
		community = "p.community_id"
	}
	where := []string{"p.deleted_at IS NULL", "p.moderation = ''", community + " IN (SELECT c.id FROM communities c WHERE " + readable + ")"}
	for _, tag := range q.Tags {
		where = append(where, "EXISTS (SELECT 1 FROM post_tags t WHERE t.post_id = p.id AND t.tag = "+arg(tag)+")")
	}
	// The type is compared as p.type || '', which no index serves: the
	// posts are found by the full-text index, or without words by their
	// activity index newest first, and the type is checked on each. Reached
	// through the type index, every question would be read and sorted.
	if len(q.Types) > 0 {
		where = append(where, "p.type || '' IN ("+list(q.Types, arg)+")")
	}
	if q.Answered != nil {
		if *q.Answered {
			where = append(where, "p.type || '' = 'question' AND p.answer_count > 0")
		} else {
			where = append(where, "p.type || '' = 'question' AND p.answer_count = 0")
		}
	}
	if len(q.Authors) > 0 {
		where = append(where, "NOT p.anonymous AND p.author_id IN (SELECT a.id FROM people a WHERE "+authorMatch(q.Authors, arg)+")")
	}
	if !q.HasText() && len(q.Exclude) > 0 {
		// Only exclusions: list by the filters, leaving out what they match.
		ex := search.Query{MatchAny: true}
		for _, t := range q.Exclude {
			ex.Groups = append(ex.Groups, search.Group{t})
		}
		if m := s.match(ex, searchScope{}); !m.empty() {
			where = append(where, "p.id NOT IN ("+s.searchMatches(m, arg)+")")
		}
	}
	return where
}

// searchFrom is the FROM and WHERE of the posts p the viewer may read that
// match q, with the index row (post_search on SQLite, which must not be
// aliased for MATCH; x on PostgreSQL) when q has words, matched as m.
func (s *Store) searchFrom(v Viewer, q search.Query, m textMatch, arg func(any) string) string {
	if m.empty() {
		return " FROM posts p WHERE " + strings.Join(s.searchWhere(v, q, arg), " AND ")
	}
	// The index is the outer loop: it finds the matches (in the viewer's
	// scope), and each post is then read by its id and checked.
	cond := s.matchCond(m, arg)
	where := s.searchWhere(v, q, arg)
	if s.dialect == Postgres {
		return " FROM post_search x JOIN posts p ON p.id = x.post_id WHERE " + cond + " AND " + strings.Join(where, " AND ")
	}
	return " FROM post_search JOIN posts p ON p.id = post_search.rowid WHERE " + cond + " AND " + strings.Join(where, " AND ")
}

// searchCount counts the posts the viewer may read that match q, stopping
// after MaxSearchResults + 1: without ORDER BY, the index hands over its
// matches in id order and the count ends as soon as it is known to be over.
func (s *Store) searchCount(ctx context.Context, v Viewer, q search.Query, m textMatch) (int64, error) {
	var args []any
	arg := func(x any) string {
		args = append(args, x)
		return "$" + strconv.Itoa(len(args))
	}
	from := s.searchFrom(v, q, m, arg)
	var n int64
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1`+from+` LIMIT `+arg(MaxSearchResults+1)+`) n`, s.planned(args)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: search count: %w", err)
	}
	return n, nil
}

// searchPage returns limit hits from offset in the ranked matches of q
// (matched as m), leaving out the posts in except.
func (s *Store) searchPage(ctx context.Context, v Viewer, q search.Query, m textMatch, offset, limit int, except []int64) ([]SearchHit, error) {
	var cutoff int64
	if !m.empty() {
		var err error
		if cutoff, err = s.rankCutoff(ctx, m, rankWindow); err != nil {
			return nil, err
		}
	}
	query, args := s.searchPageSQL(v, q, m, offset, limit, except, cutoff)
	rows, err := s.r.QueryContext(ctx, query, s.planned(args)...)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	defer rows.Close()
	hits := []SearchHit{}
	for rows.Next() {
		var h SearchHit
		if h.Post, err = scanPost(rows); err != nil {
			return nil, fmt.Errorf("store: search: %w", err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	return hits, nil
}

// searchPageSQL is the query of searchPage and its arguments; with words,
// only posts from id cutoff on are ranked (rankCutoff).
func (s *Store) searchPageSQL(v Viewer, q search.Query, m textMatch, offset, limit int, except []int64, cutoff int64) (string, []any) {
	args := []any{v.ID} // $1 for postCols
	arg := func(x any) string {
		args = append(args, x)
		return "$" + strconv.Itoa(len(args))
	}
	from := s.searchFrom(v, q, m, arg)
	for _, id := range except {
		from += " AND p.id <> " + arg(id)
	}
	var cands string
	switch {
	case m.empty():
		cands = "c AS (SELECT p.id, p.activity_at AS score" + from + " ORDER BY p.activity_at DESC, p.id DESC LIMIT " + arg(offset+limit) + ")"
	case s.dialect == Postgres:
		cands = "ranked AS MATERIALIZED (SELECT p.id, " + s.matchRel(m, arg) + " AS rel" +
			from + " AND x.post_id >= " + arg(cutoff) + " ORDER BY rel DESC LIMIT " + arg(MaxSearchResults) + "), " +
			"c AS (SELECT p.id, " + searchScore("ranked.rel", arg(now())) + " AS score FROM ranked JOIN posts p ON p.id = ranked.id)"
	default:
		// FTS5 ranks the matches in the window by BM25 itself (ORDER BY
		// rank) and hands them over best first, so reading stops at
		// MaxSearchResults readable posts.
		cands = "ranked AS MATERIALIZED (SELECT p.id, " + s.matchRel(m, arg) + " AS rel" + from + " AND post_search.rowid >= " + arg(cutoff) +
			" ORDER BY post_search.rank LIMIT " + arg(MaxSearchResults) + "), " +
			"c AS (SELECT p.id, " + searchScore("ranked.rel", arg(now())) + " AS score FROM ranked JOIN posts p ON p.id = ranked.id)"
	}
	query := "WITH " + cands + ", hits AS MATERIALIZED (SELECT id, score FROM c ORDER BY score DESC, id DESC LIMIT " + arg(limit) + " OFFSET " + arg(offset) + ")" +
		" SELECT " + postCols + " FROM hits h CROSS JOIN posts p JOIN communities c ON c.id = p.community_id JOIN people a ON a.id = p.author_id" +
		" WHERE p.id = h.id ORDER BY h.score DESC, h.id DESC"
	return query, args
}

// searchScore blends the text relevance rel with what the organisation
// knows about a post:
//
//	score = rel × (1 + 0.3·accepted + 0.3·h/(h+3) + 0.2·v/(v+5) + 0.3·f)
//
// accepted is 1 when the question has an accepted answer; h counts "helped
// me" reactions and v idea votes (none below zero); f is the freshness of
// the latest activity, 1/(1 + age/180 days), 1 today and ½ after half a
// year. Each signal saturates, so none can outweigh the text: the best-kept,
// freshest post gets at most 2.1 times its relevance. Because the factor
// multiplies, the engines' differently scaled relevance (BM25 on SQLite,
// ts_rank_cd on PostgreSQL) never changes how the signals weigh against each
// other: the same SQL blends both the same way. nowParam is the time of the
// query in milliseconds.
func searchScore(rel, nowParam string) string {
	return rel + ` * (1.0
		+ 0.3 * (CASE WHEN p.accepted_answer_id IS NULL THEN 0 ELSE 1 END)
		+ 0.3 * p.helped_count / (p.helped_count + 3.0)
		+ 0.2 * (CASE WHEN p.vote_count > 0 THEN p.vote_count / (p.vote_count + 5.0) ELSE 0 END)
		+ 0.3 / (1.0 + (CASE WHEN p.activity_at < ` + nowParam + ` THEN (` + nowParam + ` - p.activity_at) / 15552000000.0 ELSE 0 END)))`
}

// list binds each value and returns the placeholders, comma-separated.
func list(vals []string, arg func(any) string) string {
	ph := make([]string, len(vals))
	for i, v := range vals {
		ph[i] = arg(v)
	}
	return strings.Join(ph, ", ")
}

// authorMatch is the condition on people a for an author: filter: the
// e-mail address, or the start of the name or of any word in it, ignoring
// case ("anna", "berg", "Anna Berg"). SQLite's LOWER folds only ASCII, so
// the value is also tried with capitals as names are written ("åsa" →
// "Åsa"). The caller keeps anonymous posts out.
func authorMatch(authors []string, arg func(any) string) string {
	var ors []string
	for _, name := range authors {
		low := strings.ToLower(strings.Join(strings.Fields(name), " "))
		if low == "" {
			continue
		}
		ors = append(ors, "a.email = "+arg(NormalizeEmail(low)))
		for _, form := range []string{low, capitalise(low)} {
			p := likePrefix(form)
			ors = append(ors, "LOWER(a.name) LIKE "+arg(p)+` ESCAPE '\'`, "LOWER(a.name) LIKE "+arg("% "+p)+` ESCAPE '\'`,
				"a.name LIKE "+arg(p)+` ESCAPE '\'`, "a.name LIKE "+arg("% "+p)+` ESCAPE '\'`)
		}
	}
	if len(ors) == 0 {
		return "1 = 0"
	}
	return "(" + strings.Join(ors, " OR ") + ")"
}

// capitalise upper-cases the first letter of every word.
func capitalise(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

var htmlTag = regexp.MustCompile(`<[^>]*>`)

// plainText turns sanitised HTML from package markdown into text.
func plainText(h string) string {
	return html.UnescapeString(htmlTag.ReplaceAllString(h, " "))
}

// fillHitText loads the text of each hit: its rendered body, then its live
// answers and comments, as plain text.
func (s *Store) fillHitText(ctx context.Context, hits []SearchHit) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	byID := map[int64]*strings.Builder{}
	for i, h := range hits {
		ids[i] = strconv.FormatInt(h.ID, 10)
		byID[h.ID] = &strings.Builder{}
	}
	in := strings.Join(ids, ",") // integers formatted here, never user text
	rows, err := s.r.QueryContext(ctx, `SELECT id, 0, body_html FROM posts WHERE id IN (`+in+`)
		UNION ALL SELECT post_id, id, body_html FROM replies WHERE post_id IN (`+in+`) AND deleted_at IS NULL AND moderation = ''
		ORDER BY 1, 2`)
	if err != nil {
		return fmt.Errorf("store: search text: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var postID, replyID int64
		var body string
		if err := rows.Scan(&postID, &replyID, &body); err != nil {
			return err
		}
		if b := byID[postID]; b != nil && b.Len() < maxHitText {
			b.WriteString(plainText(body))
			b.WriteString("\n\n")
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range hits {
		t := byID[hits[i].ID].String()
		if len(t) > maxHitText {
			t = strings.ToValidUTF8(t[:maxHitText], "")
		}
		hits[i].Text = strings.TrimSpace(t)
	}
	return nil
}
