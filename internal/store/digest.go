package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"
	"time"
)

// DigestRound builds many people's digests of one period with few queries
// per person. Each community's best new posts are read once per section
// (the candidates, shared by everyone in the round); a person's digest then
// takes the candidates of the communities they are a member of and may
// read, which one query per person reads at the time their digest is made,
// and one more query checks the posts chosen against that person's
// permission again. The result is the one Digest gives, read with the
// person's permissions at that moment; when the shared candidates cannot
// give it (a post chosen went away since they were read, or the person
// wrote too many of a community's newest open questions), the person's
// digest is made by Digest itself. A round is safe for concurrent use.
type DigestRound struct {
	s     *Store
	since int64
	limit int
	mu    sync.Mutex
	comms map[int64]*digestCommunity
}

// openCandidates is how many of a community's newest open questions are
// kept: the hundred HelpWanted ranks, and room for the reader's own.
const openCandidates = helpWantedWindow + 20

// helpWantedWindow is how many newest open questions HelpWanted ranks (helpWantedSQL).
const helpWantedWindow = 100

type digestCommunity struct {
	once                          sync.Once
	err                           error
	helped, accepted, tips, ideas []Post
	open                          []openQuestion // newest first
}

type openQuestion struct {
	Post
	author int64 // the real author, also of an anonymous question
}

// NewDigestRound starts a round of digests of what happened since since,
// limit posts per section.
func (s *Store) NewDigestRound(since time.Time, limit int) *DigestRound {
	return &DigestRound{s: s, since: since.UnixMilli(), limit: limit, comms: map[int64]*digestCommunity{}}
}

// digestShown is what a digest may show of post p: live, not held or
// hidden by moderation.
const digestShown = ` p.deleted_at IS NULL AND p.moderation = '' `

// community reads (once per round) a community's candidates. They are read
// as no one ($1 = 0): an anonymous author is blank, whoever reads them.
func (d *DigestRound) community(ctx context.Context, id int64) (*digestCommunity, error) {
	d.mu.Lock()
	c := d.comms[id]
	if c == nil {
		c = &digestCommunity{}
		d.comms[id] = c
	}
	d.mu.Unlock()
	c.once.Do(func() {
		list := func(where, order string) ([]Post, error) {
			return d.s.digestList(ctx, `SELECT `+postCols+postFrom+` WHERE p.community_id = $2 AND`+digestShown+`AND `+where+`
				ORDER BY `+order+` LIMIT $4`, int64(0), id, d.since, d.limit)
		}
		section := func(where, order string) ([]Post, error) { return list(`p.activity_at >= $3 AND `+where, order) }
		if c.helped, c.err = section(`p.helped_count > 0`, digestOrderHelped); c.err != nil {
			return
		}
		if c.accepted, c.err = section(`p.type = 'question' AND p.accepted_answer_id IS NOT NULL`, digestOrderRecent); c.err != nil {
			return
		}
		if c.tips, c.err = section(`p.type IN ('tip', 'best_practice', 'how_to') AND p.created_at >= $3`, digestOrderTips); c.err != nil {
			return
		}
		// A status change does not move an idea's activity.
		if c.ideas, c.err = list(`p.type = 'idea' AND p.id IN (SELECT post_id FROM idea_status_changes WHERE created_at >= $3)`, digestOrderRecent); c.err != nil {
			return
		}
		c.open, c.err = d.s.openQuestions(ctx, id)
	})
	return c, c.err
}

// The sections' orders, the same in SQL (Digest) and here.
const (
	digestOrderHelped = `p.helped_count DESC, p.id DESC`
	digestOrderRecent = `p.activity_at DESC, p.id DESC`
	digestOrderTips   = `p.helped_count DESC, p.created_at DESC, p.id DESC`
)

func byHelped(a, b Post) int {
	return cmp.Or(cmp.Compare(b.Reactions.HelpedMe, a.Reactions.HelpedMe), cmp.Compare(b.ID, a.ID))
}

func byRecent(a, b Post) int {
	return cmp.Or(b.ActivityAt.Compare(a.ActivityAt), cmp.Compare(b.ID, a.ID))
}

func byTips(a, b Post) int {
	return cmp.Or(cmp.Compare(b.Reactions.HelpedMe, a.Reactions.HelpedMe), b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(b.ID, a.ID))
}

// openQuestions reads a community's newest open questions with their tags.
func (s *Store) openQuestions(ctx context.Context, communityID int64) ([]openQuestion, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+postCols+`, p.author_id`+postFrom+`
		WHERE p.community_id = $2 AND`+digestShown+`AND p.type = 'question' AND p.answer_count = 0
		ORDER BY p.activity_at DESC, p.id DESC LIMIT $3`, int64(0), communityID, openCandidates)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []openQuestion
	for rows.Next() {
		var q openQuestion
		if q.Post, err = scanPost(rows, &q.author); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ptrs := make([]*Post, len(out))
	for i := range out {
		ptrs[i] = &out[i].Post
	}
	return out, s.fillTags(ctx, ptrs)
}

func (s *Store) digestList(ctx context.Context, q string, args ...any) ([]Post, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Post
	for rows.Next() {
		p, err := scanPost(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// For builds one person's digest, with their permissions now.
func (d *DigestRound) For(ctx context.Context, v Viewer) (DigestContent, error) {
	// The communities the person is a member of and may read now.
	rows, err := d.s.r.QueryContext(ctx, `SELECT c.id FROM memberships m JOIN communities c ON c.id = m.community_id
		WHERE m.person_id = $1 AND `+visibleTo("c", "$1")+` ORDER BY c.id`, v.ID)
	if err != nil {
		return DigestContent{}, err
	}
	var comms []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return DigestContent{}, err
		}
		comms = append(comms, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return DigestContent{}, err
	}
	var helped, accepted, tips, ideas []Post
	var open []openQuestion
	exact := true
	for _, id := range comms {
		c, err := d.community(ctx, id)
		if err != nil {
			return DigestContent{}, err
		}
		helped = append(helped, c.helped...)
		accepted = append(accepted, c.accepted...)
		tips = append(tips, c.tips...)
		ideas = append(ideas, c.ideas...)
		others := 0
		for _, q := range c.open {
			if q.author != v.ID {
				open = append(open, q)
				others++
			}
		}
		// A community with more open questions than were kept must still
		// give its hundred newest by others, or the ranking would miss some.
		if len(c.open) == openCandidates && others < helpWantedWindow {
			exact = false
		}
	}
	if !exact {
		return d.s.Digest(ctx, v, time.UnixMilli(d.since), d.limit)
	}
	top := func(ps []Post, order func(a, b Post) int) []Post {
		slices.SortFunc(ps, order)
		return ps[:min(len(ps), d.limit)]
	}
	out := DigestContent{Helped: top(helped, byHelped), Accepted: top(accepted, byRecent), Tips: top(tips, byTips), Ideas: top(ideas, byRecent)}
	if len(open) > 0 {
		if out.Unanswered, err = d.rankOpen(ctx, v, open); err != nil {
			return DigestContent{}, err
		}
	}
	// What was chosen, checked against the person's permission again: a
	// post deleted, held or moved since the candidates were read is not
	// shown, and the person's digest is then made by Digest.
	var ids []int64
	for _, l := range [][]Post{out.Helped, out.Accepted, out.Tips, out.Unanswered, out.Ideas} {
		for _, p := range l {
			ids = append(ids, p.ID)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	ok, err := d.s.readableDigestPosts(ctx, v.ID, ids)
	if err != nil {
		return DigestContent{}, err
	}
	for _, id := range ids {
		if !ok[id] {
			return d.s.Digest(ctx, v, time.UnixMilli(d.since), d.limit)
		}
	}
	return out, nil
}

// rankOpen ranks the hundred newest open questions by others as
// HelpWanted does: most tags in the person's expertise first, then newest.
func (d *DigestRound) rankOpen(ctx context.Context, v Viewer, open []openQuestion) ([]Post, error) {
	slices.SortFunc(open, func(a, b openQuestion) int { return byRecent(a.Post, b.Post) })
	open = open[:min(len(open), helpWantedWindow)]
	rows, err := d.s.r.QueryContext(ctx, `SELECT tag FROM person_expertise WHERE person_id = $1`, v.ID)
	if err != nil {
		return nil, err
	}
	expert := map[string]bool{}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return nil, err
		}
		expert[t] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	score := make(map[int64]int, len(open))
	for _, q := range open {
		for _, t := range q.Tags {
			if expert[t] {
				score[q.ID]++
			}
		}
	}
	ps := make([]Post, len(open))
	for i, q := range open {
		ps[i] = q.Post
	}
	slices.SortFunc(ps, func(a, b Post) int { return cmp.Or(cmp.Compare(score[b.ID], score[a.ID]), byRecent(a, b)) })
	return ps[:min(len(ps), d.limit)], nil
}

// readableDigestPosts reports which of the posts a person may read in a
// digest now: live, shown, in a community they are a member of and may read.
func (s *Store) readableDigestPosts(ctx context.Context, personID int64, ids []int64) (map[int64]bool, error) {
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = itoa(id)
	}
	// Integers only, and a text that differs per call: it runs unprepared
	// (s.r.DB), so it never fills the statement cache.
	rows, err := s.r.DB.QueryContext(ctx, `SELECT p.id FROM posts p JOIN communities c ON c.id = p.community_id
		WHERE p.id IN (`+strings.Join(list, ",")+`) AND`+digestShown+`
		  AND p.community_id IN (SELECT community_id FROM memberships WHERE person_id = $1) AND `+visibleTo("c", "$1"), personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ok := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ok[id] = true
	}
	return ok, rows.Err()
}
