package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/tacit-org/tacit/internal/markdown"
	"github.com/tacit-org/tacit/internal/search"
)

// searchTop is a subquery of at most the number bound at limitParam of the
// posts whose index row matches the query bound at param, best text
// relevance (rel) first, ranking only posts from the id bound at
// cutoffParam on (see rankCutoff). The callers rank, filter and show a
// handful.
func (s *Store) searchTop(param, limitParam, cutoffParam string) string {
	if s.dialect == Postgres {
		return `SELECT post_id, CAST(ts_rank_cd(tsv, to_tsquery('simple', ` + param + `), 1) AS DOUBLE PRECISION) AS rel
			FROM post_search WHERE tsv @@ to_tsquery('simple', ` + param + `) AND post_id >= ` + cutoffParam + ` ORDER BY rel DESC LIMIT ` + limitParam
	}
	// FTS5 hands its matches over by BM25 (rank) itself.
	return `SELECT rowid AS post_id, -rank AS rel FROM post_search WHERE post_search MATCH ` + param +
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
	match := s.searchMatch(q)
	if match == "" {
		return out, nil
	}
	cutoff, err := s.rankCutoff(ctx, match)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, s.similarSQL(), v.ID, match, similarCandidates, except, cutoff)
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

// similarSQL reads the candidates of SimilarQuestions: $1 the viewer, $2
// the match, $3 how many matches, $4 a post to leave out, $5 the cutoff of
// the rank window.
func (s *Store) similarSQL() string {
	return `WITH m AS MATERIALIZED (` + s.searchTop("$2", "$3", "$5") + `)
		SELECT ` + postCols + `, m.rel, COALESCE(ra.body, '')
		FROM m CROSS JOIN posts p JOIN communities c ON c.id = p.community_id JOIN people a ON a.id = p.author_id
		LEFT JOIN replies ra ON ra.id = p.accepted_answer_id AND ra.deleted_at IS NULL AND ra.moderation = ''
		WHERE p.id = m.post_id AND p.deleted_at IS NULL AND p.moderation = '' AND p.type || '' = 'question' AND p.id <> $4 AND ` + visibleTo("c", "$1") + `
		ORDER BY m.rel DESC, p.id DESC LIMIT 40`
}
