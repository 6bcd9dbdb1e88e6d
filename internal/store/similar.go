package store

import (
	"context"
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
	m := s.match(q, sc)
	cutoff, err := s.rankCutoff(ctx, m)
	if err != nil {
		return nil, err
	}
	query, args := s.similarSQL(v, m, except, cutoff)
	rows, err := s.r.QueryContext(ctx, query, args...)
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
