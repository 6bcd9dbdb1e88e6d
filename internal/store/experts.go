package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tacit-org/tacit/internal/search"
)

// Expert is a person with evidence of knowing about a subject, as far as
// the viewer may see: their contributions to the posts that match it.
type Expert struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Department string `json:"department"`
	Title      string `json:"title"`
	// AcceptedAnswers counts their answers accepted on matching questions;
	// Answers counts all their answers there, accepted ones included.
	AcceptedAnswers int64 `json:"accepted_answers"`
	Answers         int64 `json:"answers"`
	// Posts counts the matching tips, how-tos, best practices, ideas and
	// discussions they wrote (questions they asked are not evidence of
	// knowing).
	Posts int64 `json:"posts"`
	// HelpedMe counts "helped me" reactions on those answers and posts.
	HelpedMe int64 `json:"helped_me"`
	// Declared lists the expertise tags on their profile that the subject names.
	Declared []string `json:"declared_expertise"`
	Score    float64  `json:"score"`
	// Evidence is a few of the matching posts they contributed to, best first.
	Evidence []ExpertPost `json:"evidence"`
}

// ExpertPost is a post that is evidence of someone's knowledge.
type ExpertPost struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Type     string `json:"type"`
	Accepted bool   `json:"accepted"` // their answer to it was accepted
}

// ExpertQuery is what Experts looks for.
type ExpertQuery struct {
	Query search.Query
	// ExceptPost leaves a post out of the evidence (the question people
	// are asked about); ExceptPeople leaves people out of the ranking.
	ExceptPost   int64
	ExceptPeople []int64
	Limit        int // at most MaxExperts
}

// MaxExperts is the most people Experts returns.
const MaxExperts = 20

// expertCandidates is how many of the best text matches Experts reads
// evidence from: enough for a subject's best-known people, bounded so that
// a common word costs no more than a rare one.
const expertCandidates = 300

// Evidence weights: an accepted answer is the strongest sign of knowing,
// written-down knowledge (tips, how-tos, best practices) next, and each
// "helped me" (at most maxHelpedPerItem per answer or post, so that one
// popular post cannot outweigh steady help) and declared expertise add.
const (
	weightAccepted   = 3.0
	weightAnswer     = 1.0
	weightShared     = 1.0 // tip, how-to, best practice
	weightOtherPost  = 0.5 // idea, discussion
	weightHelped     = 1.0
	weightDeclared   = 2.0
	maxHelpedPerItem = 5
	maxEvidence      = 3
)

// Experts ranks people by evidence of knowing about the subject eq.Query:
// accepted answers, answers, shared posts and "helped me" reactions on the
// best text matches, and declared expertise tags that the subject names
// (score = 3·accepted + 1·answers + 1·tips/how-tos/best practices +
// 0.5·ideas/discussions + 1·helped-me (at most 5 an item) + 2·declared).
//
// Only what the viewer may read counts: the matches are read through the
// visibility rule in SQL, so a closed or secret community the viewer is
// not in adds nothing to anyone. Anonymous posts count toward no one, nor
// do the anonymous asker's own answers in their thread. Deactivated people
// (who have left, and the authors of imported posts) are not listed: they
// cannot be asked. When no one has evidence of all the words of the
// subject, people with evidence of any of them are ranked instead.
func (s *Store) Experts(ctx context.Context, v Viewer, eq ExpertQuery) ([]Expert, error) {
	limit := min(max(eq.Limit, 1), MaxExperts)
	byID := map[int64]*Expert{}
	order := []*Expert{}
	person := func(id int64, name, dept, title string) *Expert {
		if e := byID[id]; e != nil {
			return e
		}
		e := &Expert{ID: id, Name: name, Department: dept, Title: title, Declared: []string{}, Evidence: []ExpertPost{}}
		byID[id] = e
		order = append(order, e)
		return e
	}
	type item struct {
		ExpertPost
		helped int64
		rel    float64
	}
	items := map[int64][]item{}

	if eq.Query.HasText() {
		sc, err := s.searchScope(ctx, v, nil)
		if err != nil {
			return nil, err
		}
		m, err := s.rankedMatch(ctx, eq.Query, sc)
		if err != nil {
			return nil, err
		}
		cutoff, err := s.rankCutoff(ctx, m, rankWindow)
		if err != nil {
			return nil, err
		}
		query, args := s.expertsSQL(v, m, eq.ExceptPost, cutoff)
		rows, err := s.r.QueryContext(ctx, query, s.planned(args)...)
		if err != nil {
			return nil, fmt.Errorf("store: experts: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, postID, accepted, helped int64
			var name, dept, title, postTitle, kind string
			var rel float64
			if err := rows.Scan(&id, &name, &dept, &title, &postID, &postTitle, &kind, &accepted, &helped, &rel); err != nil {
				return nil, fmt.Errorf("store: experts: %w", err)
			}
			e := person(id, name, dept, title)
			h := min(helped, maxHelpedPerItem)
			e.HelpedMe += helped
			e.Score += weightHelped * float64(h)
			typ := kind
			switch kind {
			case "answer":
				typ = TypeQuestion
				e.Answers++
				e.Score += weightAnswer
				if accepted == 1 {
					e.AcceptedAnswers++
					e.Score += weightAccepted
				}
			case TypeTip, TypeHowTo, TypeBestPractice:
				e.Posts++
				e.Score += weightShared
			default:
				e.Posts++
				e.Score += weightOtherPost
			}
			items[id] = append(items[id], item{ExpertPost{ID: postID, Title: postTitle, Type: typ, Accepted: accepted == 1}, helped, rel})
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: experts: %w", err)
		}
		rows.Close()
	}

	if tags := subjectTags(eq.Query); len(tags) > 0 {
		args := []any{}
		ph := make([]string, len(tags))
		for i, t := range tags {
			args = append(args, t)
			ph[i] = "$" + strconv.Itoa(i+1)
		}
		rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.name, a.department, a.title, x.tag
			FROM person_expertise x JOIN people a ON a.id = x.person_id
			WHERE x.tag IN (`+strings.Join(ph, ", ")+`) AND a.deactivated_at IS NULL ORDER BY a.id, x.tag LIMIT 1000`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: experts: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var name, dept, title, tag string
			if err := rows.Scan(&id, &name, &dept, &title, &tag); err != nil {
				return nil, fmt.Errorf("store: experts: %w", err)
			}
			e := person(id, name, dept, title)
			e.Declared = append(e.Declared, tag)
			e.Score += weightDeclared
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: experts: %w", err)
		}
	}

	out := []Expert{}
	if len(order) == 0 && !eq.Query.MatchAny && len(eq.Query.Groups) > 1 {
		// No one has evidence of every word: look for any of them.
		eq.Query.MatchAny = true
		return s.Experts(ctx, v, eq)
	}
	order = slices.DeleteFunc(order, func(e *Expert) bool { return slices.Contains(eq.ExceptPeople, e.ID) })
	slices.SortStableFunc(order, func(a, b *Expert) int {
		switch {
		case a.Score != b.Score:
			if a.Score > b.Score {
				return -1
			}
			return 1
		case a.AcceptedAnswers != b.AcceptedAnswers:
			return int(b.AcceptedAnswers - a.AcceptedAnswers)
		}
		return int(a.ID - b.ID)
	})
	for _, e := range order[:min(len(order), limit)] {
		its := items[e.ID]
		slices.SortStableFunc(its, func(a, b item) int {
			switch {
			case a.Accepted != b.Accepted:
				if a.Accepted {
					return -1
				}
				return 1
			case a.helped != b.helped:
				return int(b.helped - a.helped)
			case a.rel > b.rel:
				return -1
			case a.rel < b.rel:
				return 1
			}
			return 0
		})
		for _, it := range its {
			if len(e.Evidence) == maxEvidence {
				break
			}
			if !slices.ContainsFunc(e.Evidence, func(p ExpertPost) bool { return p.ID == it.ID }) {
				e.Evidence = append(e.Evidence, it.ExpertPost)
			}
		}
		out = append(out, *e)
	}
	return out, nil
}

// subjectTags are the tags that name the subject of q: its tag: filters,
// each word or phrase as a tag, and all its words as one hyphenated tag
// ("customer service" → customer, service, customer-service).
func subjectTags(q search.Query) []string {
	words := slices.Clone(q.Tags)
	for _, g := range q.Groups {
		for _, t := range g {
			words = append(words, t.Words)
		}
	}
	if len(words) == 0 {
		return nil
	}
	tags := NormalizeTags(append(words, strings.Join(words, " ")))
	return tags[:min(len(tags), 2*search.MaxQueryTexts)]
}

// expertsSQL reads the evidence of Experts: the best expertCandidates
// matches of m from cutoff on (rankCutoff), leaving out the post except.
// Each step is materialised
// and joined with CROSS JOIN, which SQLite takes as the order to loop in:
// the few matches first, then their answers and their people by index,
// never a scan of all replies or people.
func (s *Store) expertsSQL(v Viewer, m textMatch, except, cutoff int64) (string, []any) {
	args := []any{v.ID, expertCandidates, except, cutoff} // $1 … $4
	arg := func(x any) string {
		args = append(args, x)
		return "$" + strconv.Itoa(len(args))
	}
	return `WITH m AS MATERIALIZED (` + s.searchTop(m, arg, "$2", "$4") + `),
			v AS MATERIALIZED (SELECT p.id, p.title, p.type, p.author_id, p.anonymous, p.accepted_answer_id, p.helped_count, m.rel
				FROM m CROSS JOIN posts p JOIN communities c ON c.id = p.community_id
				WHERE p.id = m.post_id AND p.deleted_at IS NULL AND p.moderation = '' AND p.id <> $3 AND ` + visibleTo("c", "$1") + `),
			e AS MATERIALIZED (SELECT v.author_id AS person_id, v.id AS post_id, v.title, v.type AS kind, 0 AS accepted, v.helped_count AS helped, v.rel
					FROM v WHERE NOT v.anonymous AND v.type <> 'question'
				UNION ALL
				SELECT r.author_id, v.id, v.title, 'answer', CASE WHEN r.id = v.accepted_answer_id THEN 1 ELSE 0 END, r.helped_count, v.rel
					FROM v CROSS JOIN replies r
					WHERE r.post_id = v.id AND r.kind = 'answer' AND r.deleted_at IS NULL AND r.moderation = '' AND NOT (v.anonymous AND r.author_id = v.author_id))
			SELECT e.person_id, a.name, a.department, a.title, e.post_id, e.title, e.kind, e.accepted, e.helped, e.rel
			FROM e CROSS JOIN people a WHERE a.id = e.person_id AND a.deactivated_at IS NULL`, args
}
