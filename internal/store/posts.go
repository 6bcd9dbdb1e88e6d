package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tacit-org/tacit/internal/markdown"
)

// Post types.
const (
	TypeQuestion     = "question"
	TypeTip          = "tip"
	TypeBestPractice = "best_practice"
	TypeHowTo        = "how_to"
	TypeIdea         = "idea"
	TypeDiscussion   = "discussion"
)

// PostTypes lists the post types in display order.
var PostTypes = []string{TypeQuestion, TypeTip, TypeBestPractice, TypeHowTo, TypeIdea, TypeDiscussion}

// Idea statuses, in the order an idea moves through them.
var IdeaStatuses = []string{"new", "under_review", "planned", "in_progress", "done", "declined"}

// ReactionCounts counts each kind of reaction.
type ReactionCounts struct {
	Like       int64 `json:"like"`
	Insightful int64 `json:"insightful"`
	Thanks     int64 `json:"thanks"`
	HelpedMe   int64 `json:"helped_me"`
}

// Post is a knowledge post as one viewer may see it. For an anonymous post
// that is not the viewer's own, every trace of the author is blank: the store
// never lets the identity out (DESIGN §3 rule 4).
type Post struct {
	ID                  int64          `json:"id"`
	CommunityID         int64          `json:"community_id"`
	CommunitySlug       string         `json:"community_slug"`
	CommunityName       string         `json:"community_name"`
	CommunityVisibility string         `json:"community_visibility"`
	AuthorID            int64          `json:"author_id,omitempty"`
	AuthorName          string         `json:"author_name,omitempty"`
	AuthorDepartment    string         `json:"author_department,omitempty"`
	Anonymous           bool           `json:"anonymous"`
	Mine                bool           `json:"mine"`
	Type                string         `json:"type"`
	Title               string         `json:"title"`
	Body                string         `json:"body,omitempty"`
	BodyHTML            string         `json:"body_html,omitempty"`
	Excerpt             string         `json:"excerpt"`
	Language            string         `json:"language"`
	Status              string         `json:"status,omitempty"`
	Tags                []string       `json:"tags"`
	AcceptedAnswerID    int64          `json:"accepted_answer_id,omitempty"`
	AnswerCount         int64          `json:"answer_count"`
	CommentCount        int64          `json:"comment_count"`
	VoteCount           int64          `json:"vote_count"`
	ViewCount           int64          `json:"view_count"`
	Reactions           ReactionCounts `json:"reactions"`
	Edited              bool           `json:"edited"`
	CreatedAt           time.Time      `json:"created_at"`
	UpdatedAt           time.Time      `json:"updated_at"`
	ActivityAt          time.Time      `json:"activity_at"`
	SourceURL           string         `json:"source_url,omitempty"` // the original of an imported post
	// Held is set while a post waits for a moderator's approval; only its
	// author and the community's moderators read it then.
	Held bool `json:"held,omitempty"`
	// Hidden is set when a moderator hid the post; only moderators read it.
	Hidden bool `json:"hidden,omitempty"`
	// Locked threads take no new answers or comments.
	Locked  bool `json:"locked"`
	HasClip bool `json:"has_clip"` // a video clip is attached to the post itself
}

// NewPost is what it takes to create a post.
type NewPost struct {
	CommunityID int64
	AuthorID    int64
	Anonymous   bool
	Type        string
	Title       string
	Body        string
	Language    string
	Tags        []string
	CreatedAt   time.Time // zero means now; set by the demo seeder and the importer
	SourceURL   string    // the original of an imported post, linked for its licence
	Held        bool      // a watched word holds it for a moderator's approval
	Attachments []int64   // the author's own unattached uploads
}

// PostEdit is a change to a post's text and files.
type PostEdit struct {
	Title string
	Body  string
	Tags  []string
	// Attach are the editor's own unattached uploads to add; Remove are
	// files of the post to take off it, which are then deleted for good.
	Attach []int64
	Remove []int64
}

// postCols selects a post for the viewer bound at $1; anonymity is applied here.
const postCols = `p.id, p.community_id, c.slug, c.name, c.visibility,
	CASE WHEN p.anonymous AND p.author_id <> $1 THEN 0 ELSE p.author_id END,
	CASE WHEN p.anonymous AND p.author_id <> $1 THEN '' ELSE a.name END,
	CASE WHEN p.anonymous AND p.author_id <> $1 THEN '' ELSE a.department END,
	p.anonymous, p.author_id = $1, p.type, p.title, p.excerpt, p.language, p.status, COALESCE(p.accepted_answer_id, 0),
	p.answer_count, p.comment_count, p.vote_count, p.view_count, p.like_count, p.insightful_count, p.thanks_count, p.helped_count,
	p.revision_count, p.created_at, p.updated_at, p.activity_at, p.source_url, p.moderation, p.locked_at IS NOT NULL,
	EXISTS (SELECT 1 FROM uploads u WHERE u.post_id = p.id AND u.reply_id IS NULL AND u.kind = 'video')`

const postFrom = ` FROM posts p JOIN communities c ON c.id = p.community_id JOIN people a ON a.id = p.author_id `

func scanPost(row interface{ Scan(...any) error }, extra ...any) (Post, error) {
	var p Post
	var revs, created, updated, activity int64
	var moderation string
	dest := []any{&p.ID, &p.CommunityID, &p.CommunitySlug, &p.CommunityName, &p.CommunityVisibility,
		&p.AuthorID, &p.AuthorName, &p.AuthorDepartment, &p.Anonymous, &p.Mine, &p.Type, &p.Title, &p.Excerpt, &p.Language, &p.Status,
		&p.AcceptedAnswerID, &p.AnswerCount, &p.CommentCount, &p.VoteCount, &p.ViewCount,
		&p.Reactions.Like, &p.Reactions.Insightful, &p.Reactions.Thanks, &p.Reactions.HelpedMe,
		&revs, &created, &updated, &activity, &p.SourceURL, &moderation, &p.Locked, &p.HasClip}
	err := row.Scan(append(dest, extra...)...)
	p.Edited = revs > 0
	p.Held, p.Hidden = moderation == ModerationHeld, moderation == ModerationHidden
	p.CreatedAt, p.UpdatedAt, p.ActivityAt = toTime(created), toTime(updated), toTime(activity)
	p.Tags = []string{}
	return p, mapErr(err)
}

// CreatePost stores a post, its tags and the author's follow of it, and
// counts it in its community, in one transaction. The Markdown is rendered
// and the text analysed for the search index before it starts.
func (s *Store) CreatePost(ctx context.Context, np NewPost) (int64, error) {
	var id int64
	bodyHTML, excerpt := markdown.Render(np.Body), markdown.Excerpt(np.Body, 240)
	terms := newIndexSource(np).terms()
	err := s.txRing(ctx, func(tx *sql.Tx) error {
		var err error
		if id, err = s.insertPost(ctx, tx, np, bodyHTML, excerpt); err != nil {
			return err
		}
		if !np.Held {
			if err := s.countPosts(ctx, tx, np.CommunityID, 1); err != nil {
				return err
			}
			if err := s.writeIndex(ctx, tx, []indexRow{{id, np.CommunityID, terms}}); err != nil {
				return err
			}
		}
		return s.notifyPost(ctx, tx, id, np.AuthorID, np.Anonymous)
	})
	return id, err
}

// CreatePosts stores many posts as CreatePost does, all in one
// transaction, for bulk loads (benchmarks, imports): the Markdown is
// rendered and the text analysed before the transaction starts, so the
// writer is held only for the inserts, and each community's count and the
// search rows are written once for the lot. It returns their ids in the
// order of nps.
func (s *Store) CreatePosts(ctx context.Context, nps []NewPost) ([]int64, error) {
	type rendered struct{ html, excerpt string }
	r := make([]rendered, len(nps))
	srcs := make([]indexSource, len(nps))
	for i, np := range nps {
		r[i] = rendered{markdown.Render(np.Body), markdown.Excerpt(np.Body, 240)}
		srcs[i] = newIndexSource(np)
	}
	index := analyseAll(srcs)
	// Written community by community, so that concurrent bulk loads lock
	// the communities' counters in the same order and cannot deadlock.
	order := make([]int, len(nps))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(nps[a].CommunityID, nps[b].CommunityID) })
	ids := make([]int64, len(nps))
	err := s.tx(ctx, func(tx *sql.Tx) error {
		rows := make([]indexRow, 0, len(nps))
		shown := 0
		for k, i := range order {
			id, err := s.insertPost(ctx, tx, nps[i], r[i].html, r[i].excerpt)
			if err != nil {
				return err
			}
			ids[i] = id
			if !nps[i].Held {
				shown++
				index[i].id = id
				rows = append(rows, index[i])
			}
			if last := k == len(order)-1; (last || nps[order[k+1]].CommunityID != nps[i].CommunityID) && shown > 0 {
				if err := s.countPosts(ctx, tx, nps[i].CommunityID, shown); err != nil {
					return err
				}
				shown = 0
			}
		}
		return s.writeIndex(ctx, tx, rows)
	})
	return ids, err
}

// newIndexSource is the index source of a post not yet written: no
// replies, its tags as setTags stores them and tagsTx reads them.
func newIndexSource(np NewPost) indexSource {
	tags := slices.Clone(np.Tags)
	slices.Sort(tags)
	return indexSource{community: np.CommunityID, title: np.Title, body: np.Body, lang: np.Language, tags: slices.Compact(tags)}
}

// countPosts adds n shown posts to a community's count.
func (s *Store) countPosts(ctx context.Context, tx *sql.Tx, communityID int64, n int) error {
	_, err := s.txExec(ctx, tx, countPostsSQL, n, communityID)
	return err
}

const (
	insertPostSQL = `INSERT INTO posts (community_id, author_id, anonymous, type, title, body, body_html, excerpt, language, status, created_at, updated_at, activity_at, source_url, moderation)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $11, $12, $13) RETURNING id`
	insertTagSQL    = `INSERT INTO post_tags (post_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING`
	insertFollowSQL = `INSERT INTO follows (person_id, target_kind, target, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`
	countPostsSQL   = `UPDATE communities SET post_count = post_count + $1 WHERE id = $2`
)

// insertPost writes a post, its tags, its attachments and the author's
// follow, in the caller's transaction. The caller counts it in its
// community and writes its search row (unless it is held).
func (s *Store) insertPost(ctx context.Context, tx *sql.Tx, np NewPost, bodyHTML, excerpt string) (int64, error) {
	var id int64
	t := now()
	if !np.CreatedAt.IsZero() {
		t = np.CreatedAt.UnixMilli()
	}
	status := ""
	if np.Type == TypeIdea {
		status = "new"
	}
	moderation := ModerationShown
	if np.Held {
		moderation = ModerationHeld
	}
	err := s.txQueryRow(ctx, tx, insertPostSQL,
		np.CommunityID, np.AuthorID, np.Anonymous, np.Type, np.Title, np.Body, bodyHTML, excerpt,
		np.Language, status, t, np.SourceURL, moderation).Scan(&id)
	if err != nil {
		return 0, err
	}
	for _, tag := range np.Tags {
		if _, err := s.txExec(ctx, tx, insertTagSQL, id, tag); err != nil {
			return 0, err
		}
	}
	if err := attachUploads(ctx, tx, np.AuthorID, id, 0, np.Attachments); err != nil {
		return 0, err
	}
	_, err = s.txExec(ctx, tx, insertFollowSQL,
		np.AuthorID, FollowPost, strconv.FormatInt(id, 10), now())
	return id, err
}

func setTags(ctx context.Context, tx *sql.Tx, postID int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM post_tags WHERE post_id = $1`, postID); err != nil {
		return err
	}
	for _, tag := range tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO post_tags (post_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING`, postID, tag); err != nil {
			return err
		}
	}
	return nil
}

// Post returns one post with its body, if the viewer may read it. Hidden
// and held posts are read by the community's moderators (and held ones by
// their author); organisation admins, who may moderate any community they
// may read, read them too, marked.
func (s *Store) Post(ctx context.Context, v Viewer, id int64) (Post, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+postCols+`, p.body, p.body_html`+postFrom+`
		WHERE p.id = $2 AND p.deleted_at IS NULL AND `+visibleTo("c", "$1")+` AND `+moderationReadable("p", "$1", "$3"), v.ID, id, v.Admin)
	var body, bodyHTML string
	p, err := scanPost(row, &body, &bodyHTML)
	if err != nil {
		return Post{}, err
	}
	p.Body, p.BodyHTML = body, bodyHTML
	if err := s.fillTags(ctx, []*Post{&p}); err != nil {
		return Post{}, err
	}
	return p, nil
}

func (s *Store) fillTags(ctx context.Context, posts []*Post) error {
	if len(posts) == 0 {
		return nil
	}
	ids := make([]string, len(posts))
	byID := map[int64]*Post{}
	for i, p := range posts {
		ids[i] = strconv.FormatInt(p.ID, 10)
		byID[p.ID] = p
	}
	// The ids are integers formatted here, never user text.
	rows, err := s.r.DB.QueryContext(ctx, `SELECT post_id, tag FROM post_tags WHERE post_id IN (`+strings.Join(ids, ",")+`) ORDER BY tag`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var tag string
		if err := rows.Scan(&id, &tag); err != nil {
			return err
		}
		if p := byID[id]; p != nil {
			p.Tags = append(p.Tags, tag)
		}
	}
	return rows.Err()
}

// EditPost changes a post's text, keeping the previous text as a revision.
func (s *Store) EditPost(ctx context.Context, editorID, id int64, e PostEdit) error {
	return s.txRing(ctx, func(tx *sql.Tx) error {
		var title, body string
		var authorID int64
		err := tx.QueryRowContext(ctx, `SELECT title, body, author_id FROM posts WHERE id = $1 AND deleted_at IS NULL`, id).Scan(&title, &body, &authorID)
		if err != nil {
			return err
		}
		oldTags, err := tagsTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO revisions (post_id, reply_id, editor_id, title, body, tags, created_at) VALUES ($1, 0, $2, $3, $4, $5, $6)`,
			id, editorID, title, body, strings.Join(oldTags, ","), now()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE posts SET title = $1, body = $2, body_html = $3, excerpt = $4, updated_at = $5, revision_count = revision_count + 1 WHERE id = $6`,
			e.Title, e.Body, markdown.Render(e.Body), markdown.Excerpt(e.Body, 240), now(), id); err != nil {
			return err
		}
		if err := setTags(ctx, tx, id, e.Tags); err != nil {
			return err
		}
		if err := changeAttachments(ctx, tx, editorID, id, 0, e.Attach, e.Remove); err != nil {
			return err
		}
		if err := s.mentionsAfterEdit(ctx, tx, editorID, id, 0); err != nil {
			return err
		}
		if err := s.indexPost(ctx, tx, id); err != nil {
			return err
		}
		if editorID != authorID { // only a moderator edits someone else's post
			return auditPost(ctx, tx, editorID, "post.edit", id, 0, "")
		}
		return nil
	})
}

func tagsTx(ctx context.Context, tx *sql.Tx, postID int64) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT tag FROM post_tags WHERE post_id = $1 ORDER BY tag`, postID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var tags []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		tags = append(tags, t)
	}
	return tags, rows.Err()
}

// DeletePost hides a post from everyone; the row stays for the audit trail.
// Its files, and those of its replies, are removed: their rows now, their
// bytes by a media.remove job that exists only once this commits.
func (s *Store) DeletePost(ctx context.Context, actorID, id int64, byModerator bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var communityID int64
		var moderation string
		if err := tx.QueryRowContext(ctx, `SELECT community_id, moderation FROM posts WHERE id = $1 AND deleted_at IS NULL`, id).Scan(&communityID, &moderation); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE posts SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL`, now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound // deleted concurrently; uncount it once
		}
		if moderation == ModerationShown {
			if _, err := tx.ExecContext(ctx, `UPDATE communities SET post_count = post_count - 1 WHERE id = $1`, communityID); err != nil {
				return err
			}
		}
		if err := s.indexPost(ctx, tx, id); err != nil { // removes its row
			return err
		}
		if _, err := removeUploads(ctx, tx, `u.post_id = $1`, id); err != nil {
			return err
		}
		if byModerator {
			return auditPost(ctx, tx, actorID, "post.delete", id, 0, "")
		}
		return nil
	})
}

// Revision is an earlier text of a post or reply.
type Revision struct {
	ID         int64     `json:"id"`
	EditorName string    `json:"editor_name,omitempty"`
	Title      string    `json:"title,omitempty"`
	Body       string    `json:"body"`
	Tags       string    `json:"tags,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
}

// Revisions lists the earlier texts of a post the viewer may read, newest
// first; replyID 0 is the post's own text, else one of its replies, which
// the caller has read with Reply first. The anonymous asker's edits of
// their own question and replies name no editor to anyone but themself.
// Their edit of someone else's reply, as a moderator, names them, as the
// audit log does: a blank there would tell that the asker is one of the
// moderators, and the log would tell which.
func (s *Store) Revisions(ctx context.Context, v Viewer, postID, replyID int64) ([]Revision, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT r.id, CASE WHEN p.anonymous AND r.editor_id = p.author_id AND COALESCE(rp.author_id, p.author_id) = p.author_id
		  AND p.author_id <> $1 THEN '' ELSE e.name END,
		r.title, r.body, r.tags, r.created_at
		FROM revisions r JOIN posts p ON p.id = r.post_id JOIN communities c ON c.id = p.community_id JOIN people e ON e.id = r.editor_id
		LEFT JOIN replies rp ON rp.id = r.reply_id
		WHERE r.post_id = $2 AND r.reply_id = $3 AND p.deleted_at IS NULL AND `+visibleTo("c", "$1")+` ORDER BY r.id DESC`, v.ID, postID, replyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var r Revision
		var c int64
		if err := rows.Scan(&r.ID, &r.EditorName, &r.Title, &r.Body, &r.Tags, &c); err != nil {
			return nil, err
		}
		r.CreatedAt = toTime(c)
		out = append(out, r)
	}
	return out, rows.Err()
}

// PostFilter selects a feed. Zero fields do not filter.
type PostFilter struct {
	CommunityID int64
	Tag         string
	AuthorID    int64  // named posts only: anonymous posts never appear in a person's feed
	Type        string // one of PostTypes
	Unanswered  bool   // questions with no answer yet
	Home        bool   // the viewer's communities and follows
}

// Cursor marks a place in a feed ordered by activity, newest first.
type Cursor struct {
	At int64
	ID int64
}

// String encodes the cursor for a URL.
func (c Cursor) String() string {
	if c.ID == 0 {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("%d.%d", c.At, c.ID)))
}

// ParseCursor decodes a cursor; an empty or malformed one starts at the top.
func ParseCursor(s string) Cursor {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}
	}
	at, id, ok := strings.Cut(string(b), ".")
	if !ok {
		return Cursor{}
	}
	a, err1 := strconv.ParseInt(at, 10, 64)
	i, err2 := strconv.ParseInt(id, 10, 64)
	if err1 != nil || err2 != nil || i <= 0 {
		return Cursor{}
	}
	return Cursor{At: a, ID: i}
}

// Posts returns one page of a feed the viewer may read, newest activity
// first, and the cursor of the next page (zero when this is the last).
// Permission is part of the WHERE clause, so pages are always full and right.
func (s *Store) Posts(ctx context.Context, v Viewer, f PostFilter, after Cursor, limit int) ([]Post, Cursor, error) {
	q, args := postsQuery(v, f, after, limit)
	posts, err := s.postList(ctx, q, args...)
	if err != nil {
		return nil, Cursor{}, err
	}
	var next Cursor
	if len(posts) > limit {
		posts = posts[:limit]
		last := posts[len(posts)-1]
		next = Cursor{At: last.ActivityAt.UnixMilli(), ID: last.ID}
	}
	return posts, next, nil
}

// postsQuery builds the feed query of Posts; tests read its plan.
func postsQuery(v Viewer, f PostFilter, after Cursor, limit int) (string, []any) {
	// Hidden posts leave every feed; a held post shows only in its author's.
	where := []string{"p.deleted_at IS NULL", "(p.moderation = '' OR (p.moderation = 'held' AND p.author_id = $1))", visibleTo("c", "$1")}
	args := []any{v.ID}
	arg := func(x any) string {
		args = append(args, x)
		return "$" + strconv.Itoa(len(args))
	}
	if f.CommunityID != 0 {
		where = append(where, "p.community_id = "+arg(f.CommunityID))
	}
	if f.Tag != "" {
		where = append(where, "EXISTS (SELECT 1 FROM post_tags t WHERE t.post_id = p.id AND t.tag = "+arg(f.Tag)+")")
	}
	if f.AuthorID != 0 {
		where = append(where, "p.author_id = "+arg(f.AuthorID)+" AND NOT p.anonymous")
	}
	if f.Type != "" {
		where = append(where, "p.type = "+arg(f.Type))
	}
	if f.Unanswered {
		where = append(where, "p.type = 'question' AND p.answer_count = 0")
	}
	if f.Home {
		where = append(where, `(p.community_id IN (SELECT community_id FROM memberships WHERE person_id = $1)
			OR EXISTS (SELECT 1 FROM follows f WHERE f.person_id = $1 AND f.target_kind = 'community' AND f.target = CAST(p.community_id AS TEXT))
			OR EXISTS (SELECT 1 FROM follows f WHERE f.person_id = $1 AND f.target_kind = 'post' AND f.target = CAST(p.id AS TEXT))
			OR (NOT p.anonymous AND EXISTS (SELECT 1 FROM follows f WHERE f.person_id = $1 AND f.target_kind = 'person' AND f.target = CAST(p.author_id AS TEXT)))
			OR EXISTS (SELECT 1 FROM follows f JOIN post_tags t ON t.tag = f.target WHERE f.person_id = $1 AND f.target_kind = 'tag' AND t.post_id = p.id))`)
	}
	if after.ID != 0 {
		where = append(where, "(p.activity_at < "+arg(after.At)+" OR (p.activity_at = $"+strconv.Itoa(len(args))+" AND p.id < "+arg(after.ID)+"))")
	}
	q := `SELECT ` + postCols + postFrom + ` WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY p.activity_at DESC, p.id DESC LIMIT ` + arg(limit+1)
	return q, args
}

func (s *Store) postList(ctx context.Context, q string, args ...any) ([]Post, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: posts: %w", err)
	}
	defer rows.Close()
	posts := []Post{}
	for rows.Next() {
		p, err := scanPost(rows)
		if err != nil {
			return nil, err
		}
		posts = append(posts, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ptrs := make([]*Post, len(posts))
	for i := range posts {
		ptrs[i] = &posts[i]
	}
	return posts, s.fillTags(ctx, ptrs)
}

// HelpWanted returns unanswered questions in the viewer's communities that
// match their expertise first, then the newest, excluding their own.
func (s *Store) HelpWanted(ctx context.Context, v Viewer, limit int) ([]Post, error) {
	// Only the 100 newest unanswered questions of the viewer's communities
	// are ranked: ranking them all took half a second at 100,000 posts. They
	// are found and ranked from index posts_open_questions alone; only the
	// few that win are read whole, and ranked again for their order.
	return s.postList(ctx, helpWantedSQL, v.ID, limit)
}

// helpWantedSQL is HelpWanted's query; digests run it too.
const helpWantedSQL = `SELECT ` + postCols + postFrom + `
		WHERE p.id IN (SELECT c.id FROM (SELECT q.id, q.activity_at FROM posts q
		    WHERE q.deleted_at IS NULL AND q.moderation = '' AND q.type = 'question' AND q.answer_count = 0 AND q.author_id <> $1
		      AND q.community_id IN (SELECT community_id FROM memberships WHERE person_id = $1)
		    ORDER BY q.activity_at DESC LIMIT 100) c
		  ORDER BY ` + helpWantedExpertise + `c.id) DESC, c.activity_at DESC, c.id DESC LIMIT $2)
		ORDER BY ` + helpWantedExpertise + `p.id) DESC, p.activity_at DESC, p.id DESC`

// helpWantedExpertise counts a question's tags that are the viewer's expertise; the question's id follows.
const helpWantedExpertise = `(SELECT COUNT(*) FROM post_tags t JOIN person_expertise e ON e.tag = t.tag AND e.person_id = $1 WHERE t.post_id = `

// Tag is a tag with how many visible posts carry it.
type Tag struct {
	Name  string `json:"name"`
	Count int64  `json:"count"`
}

// PopularTags counts tags over the posts the viewer may read.
func (s *Store) PopularTags(ctx context.Context, v Viewer, communityID int64, limit int) ([]Tag, error) {
	// The posts are reached from the communities the viewer may read, through
	// index posts_shown_community, not by joining every tag to its post: that
	// took a second at 100,000 posts (docs/benchmarks.md).
	rows, err := s.r.QueryContext(ctx, `SELECT t.tag, COUNT(*) FROM posts p JOIN post_tags t ON t.post_id = p.id
		WHERE p.deleted_at IS NULL AND p.moderation = ''
		  AND p.community_id IN (SELECT c.id FROM communities c WHERE ($2 = 0 OR c.id = $2) AND `+visibleTo("c", "$1")+`)
		GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag LIMIT $3`, v.ID, communityID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Tag
	for rows.Next() {
		var t Tag
		if err := rows.Scan(&t.Name, &t.Count); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
