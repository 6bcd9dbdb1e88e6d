package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tacit-org/tacit/internal/markdown"
	"github.com/tacit-org/tacit/internal/search"
)

// searchTop is a subquery of at most the number bound at limitParam of the
// posts whose index row matches m (bound with arg), best text relevance
// (rel) first, ranking only posts from the id bound at cutoffParam on (see
// rankCutoff). The callers rank, filter and show a handful.
func (s *Store) searchTop(m textMatch, arg func(any) string, limitParam, cutoffParam string) string {
	if s.dialect == Postgres {
		return `SELECT x.post_id, ` + s.matchRel(m, arg) + ` AS rel FROM post_search x WHERE ` + s.matchCond(m, arg) +
			` AND x.post_id >= ` + cutoffParam + ` ORDER BY rel DESC LIMIT ` + limitParam
	}
	// FTS5 hands its matches over by BM25 (rank) itself.
	return `SELECT rowid AS post_id, ` + s.matchRel(m, arg) + ` AS rel FROM post_search WHERE ` + s.matchCond(m, arg) +
		` AND rowid >= ` + cutoffParam + ` ORDER BY rank LIMIT ` + limitParam
}

// similarWindow is how many of the newest matches SimilarQuestions ranks
// (rankCutoff): fewer than a search, because any one word of the title
// matches and only five questions are offered.
var similarWindow = 2000

// MaxSimilar is the most similar questions SimilarQuestions returns.
const MaxSimilar = 5

// similarCandidates is how many of the best text matches SimilarQuestions
// considers before permission, type and title overlap narrow them down.
const similarCandidates = 200

// SimilarQuestion is an existing question that looks like one being asked,
// with the start of its accepted answer when it has one.
type SimilarQuestion struct {
	Post
	// Answer is the start of the accepted answer as plain text ("" when the
	// question has none). The answer's author is not named.
	Answer string `json:"accepted_answer_excerpt,omitempty"`
}

// SimilarQuestions returns up to MaxSimilar questions the viewer may read
// whose title looks like title: questions that share words with it (the
// best BM25 matches over their whole text), kept when their title and tags
// cover at least two of its words (one when it has only one), best covered
// first. With typing, the last word of title counts as a prefix. The post
// with id except (the question itself, when editing) is left out.
//
// The candidates are the outer loop (CROSS JOIN fixes SQLite's order), each
// post read by its id; the type is compared as p.type || ” so that no
// index on it tempts the planner.
//
// Permission is in the query that reads the candidates (DESIGN §3): a
// question in a community the viewer cannot read is never a candidate, and
// anonymous askers stay anonymous (postCols).
func (s *Store) SimilarQuestions(ctx context.Context, v Viewer, title string, typing bool, except int64) ([]SimilarQuestion, error) {
	out := []SimilarQuestion{}
	q := search.Like(title, typing)
	if !q.HasText() {
		return out, nil
	}
	sc, err := s.searchScope(ctx, v, nil)
	if err != nil {
		return nil, err
	}
	rare, err := s.withoutCommon(ctx, q)
	if err != nil {
		return nil, err
	}
	m, err := s.rankedMatch(ctx, rare, sc)
	if err != nil {
		return nil, err
	}
	cutoff, err := s.rankCutoff(ctx, m, similarWindow)
	if err != nil {
		return nil, err
	}
	query, args := s.similarSQL(v, m, except, cutoff)
	rows, err := s.r.QueryContext(ctx, query, s.planned(args)...)
	if err != nil {
		return nil, fmt.Errorf("store: similar questions: %w", err)
	}
	defer rows.Close()
	type cand struct {
		SimilarQuestion
		rel   float64
		cover int
	}
	var cands []*cand
	var ptrs []*Post
	for rows.Next() {
		c := &cand{}
		var answer string
		c.Post, err = scanPost(rows, &c.rel, &answer)
		if err != nil {
			return nil, fmt.Errorf("store: similar questions: %w", err)
		}
		if answer != "" {
			c.Answer = markdown.Excerpt(answer, 200)
		}
		cands = append(cands, c)
		ptrs = append(ptrs, &c.Post)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: similar questions: %w", err)
	}
	rows.Close()
	if err := s.fillTags(ctx, ptrs); err != nil {
		return nil, err
	}
	kept := cands[:0]
	for _, c := range cands {
		var of int
		c.cover, of = q.Coverage(c.Title + " " + strings.Join(c.Tags, " "))
		if c.cover >= min(2, of) && c.cover > 0 {
			kept = append(kept, c)
		}
	}
	// Coverage first; among equal coverage, the better text match (the
	// candidates came best first, and the sort is stable).
	slices.SortStableFunc(kept, func(a, b *cand) int {
		switch {
		case a.cover > b.cover:
			return -1
		case a.cover < b.cover:
			return 1
		}
		return 0
	})
	for _, c := range kept[:min(len(kept), MaxSimilar)] {
		out = append(out, c.SimilarQuestion)
	}
	return out, nil
}

// withoutCommon returns q without the groups (title words) whose terms
// are in more than commonDocs posts, keeping at least the two rarest. A
// title's commonest words (in a coffee community, "coffee") match a large
// share of all posts: ORed with the others they fill the rank window with
// posts that share only them, and cost the most to read. Titles still have
// to cover two of all their words (Coverage) to be offered. Only groups
// whose document frequency is known are left out.
func (s *Store) withoutCommon(ctx context.Context, q search.Query) (search.Query, error) {
	terms := q.GroupTerms()
	var all []string
	for _, ts := range terms {
		all = append(all, ts...)
	}
	if len(all) == 0 {
		return q, nil
	}
	df, total, err := s.docFreqs(ctx, all)
	if err != nil {
		return q, fmt.Errorf("store: similar questions: %w", err)
	}
	limit := max(int64(rankWindow), total/20)
	type group struct {
		at int
		df int64
	}
	var groups []group
	common := 0
	for i, ts := range terms {
		g := group{at: i}
		for _, t := range ts {
			g.df = max(g.df, df[t])
		}
		if g.df > limit {
			common++
		}
		groups = append(groups, g)
	}
	if common == 0 {
		return q, nil
	}
	keep := map[int]bool{}
	slices.SortStableFunc(groups, func(a, b group) int { return cmp.Compare(a.df, b.df) })
	for k, g := range groups {
		if g.df <= limit || k < 2 {
			keep[g.at] = true
		}
	}
	out := q
	out.Groups = nil
	for i, g := range q.Groups {
		if keep[i] {
			out.Groups = append(out.Groups, g)
		}
	}
	return out, nil
}

// docFreqs returns how many posts hold each term, and how many posts are
// indexed. SQLite reads the counts from the index's vocabulary
// (post_search_vocab), a lookup a term. PostgreSQL reads them from the
// planner's statistics of the tsvector column (the most common lexemes and
// their share of rows, kept by ANALYZE and autovacuum): a term not among
// them counts as rare, and without statistics every term does.
func (s *Store) docFreqs(ctx context.Context, terms []string) (map[string]int64, int64, error) {
	df := map[string]int64{}
	if s.dialect == Postgres {
		var total float64
		if err := s.r.QueryRowContext(ctx, `SELECT GREATEST(reltuples, 0) FROM pg_class WHERE oid = to_regclass('post_search')`).Scan(&total); err != nil {
			return nil, 0, err
		}
		args := []any{}
		arg := func(x any) string {
			args = append(args, x)
			return "$" + strconv.Itoa(len(args))
		}
		rows, err := s.r.QueryContext(ctx, `SELECT u.e, u.f FROM pg_stats st
			CROSS JOIN LATERAL unnest(CAST(CAST(st.most_common_elems AS TEXT) AS TEXT[]), st.most_common_elem_freqs) AS u(e, f)
			WHERE st.schemaname = current_schema() AND st.tablename = 'post_search' AND st.attname = 'tsv' AND u.e IN (`+list(terms, arg)+`)`, args...)
		if err != nil {
			return nil, 0, err
		}
		defer rows.Close()
		for rows.Next() {
			var e string
			var f float64
			if err := rows.Scan(&e, &f); err != nil {
				return nil, 0, err
			}
			df[e] = int64(f * total)
		}
		return df, int64(total), rows.Err()
	}
	var total int64
	if err := s.r.QueryRowContext(ctx, `SELECT COALESCE(SUM(post_count), 0) FROM communities`).Scan(&total); err != nil {
		return nil, 0, err
	}
	for _, t := range terms {
		if _, ok := df[t]; ok {
			continue
		}
		var n int64
		err := s.r.QueryRowContext(ctx, `SELECT doc FROM post_search_vocab WHERE term = $1`, t).Scan(&n)
		if err != nil && err != sql.ErrNoRows {
			return nil, 0, err
		}
		df[t] = n
	}
	return df, total, nil
}

// similarSQL reads the candidates of SimilarQuestions: the best
// similarCandidates matches of m from cutoff on (rankCutoff), leaving out
// the post except.
func (s *Store) similarSQL(v Viewer, m textMatch, except, cutoff int64) (string, []any) {
	args := []any{v.ID, similarCandidates, except, cutoff} // $1 … $4
	arg := func(x any) string {
		args = append(args, x)
		return "$" + strconv.Itoa(len(args))
	}
	return `WITH m AS MATERIALIZED (` + s.searchTop(m, arg, "$2", "$4") + `)
		SELECT ` + postCols + `, m.rel, COALESCE(ra.body, '')
		FROM m CROSS JOIN posts p JOIN communities c ON c.id = p.community_id JOIN people a ON a.id = p.author_id
		LEFT JOIN replies ra ON ra.id = p.accepted_answer_id AND ra.deleted_at IS NULL AND ra.moderation = ''
		WHERE p.id = m.post_id AND p.deleted_at IS NULL AND p.moderation = '' AND p.type || '' = 'question' AND p.id <> $3 AND ` + visibleTo("c", "$1") + `
		ORDER BY m.rel DESC, p.id DESC LIMIT 40`, args
}
