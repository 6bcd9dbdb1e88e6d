package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/tacit-org/tacit/internal/markdown"
)

// Reply kinds.
const (
	ReplyAnswer  = "answer"
	ReplyComment = "comment"
)

// Reply is an answer to a question or a comment on a post or an answer.
type Reply struct {
	ID               int64          `json:"id"`
	PostID           int64          `json:"post_id"`
	ParentID         int64          `json:"parent_id,omitempty"`
	Kind             string         `json:"kind"`
	AuthorID         int64          `json:"author_id,omitempty"`
	AuthorName       string         `json:"author_name,omitempty"`
	AuthorDepartment string         `json:"author_department,omitempty"`
	Anonymous        bool           `json:"anonymous"`
	Body             string         `json:"body"`
	BodyHTML         string         `json:"body_html"`
	Reactions        ReactionCounts `json:"reactions"`
	Accepted         bool           `json:"accepted"`
	Edited           bool           `json:"edited"`
	Mine             bool           `json:"mine"`           // the viewer wrote it (true even when it is anonymous)
	Held             bool           `json:"held,omitempty"` // waits for a moderator's approval
	Hidden           bool           `json:"hidden,omitempty"`
	CreatedAt        time.Time      `json:"created_at"`
	Comments         []Reply        `json:"comments,omitempty"`
}

// NewReply is what it takes to answer or comment.
type NewReply struct {
	PostID    int64
	ParentID  int64 // for a comment on an answer
	Kind      string
	AuthorID  int64
	Body      string
	CreatedAt time.Time // zero means now
	Held      bool      // a watched word holds it for a moderator's approval
	// Attachments are the author's own unattached uploads.
	Attachments []int64
}

// CreateReply stores an answer or comment, counts it on the post, moves the
// post up in feeds and makes the author follow the post, in one transaction.
func (s *Store) CreateReply(ctx context.Context, nr NewReply) (int64, error) {
	var id int64
	err := s.txRing(ctx, func(tx *sql.Tx) error {
		t := now()
		if !nr.CreatedAt.IsZero() {
			t = nr.CreatedAt.UnixMilli()
		}
		var locked bool
		if err := tx.QueryRowContext(ctx, `SELECT locked_at IS NOT NULL FROM posts WHERE id = $1 AND deleted_at IS NULL`, nr.PostID).Scan(&locked); err != nil {
			return err
		}
		if locked {
			return ErrLocked
		}
		var parent any
		if nr.ParentID != 0 {
			var n int
			// An answer its author may read: not one held or hidden from them.
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM replies r JOIN posts p ON p.id = r.post_id
				WHERE r.id = $1 AND r.post_id = $2 AND r.kind = 'answer' AND r.deleted_at IS NULL AND `+moderationReadableReply("r", "p", "$3", adminOf("$3")),
				nr.ParentID, nr.PostID, nr.AuthorID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return ErrNotFound
			}
			parent = nr.ParentID
		}
		var err error
		if id, err = s.insertReply(ctx, tx, nr, parent, t); err != nil {
			return err
		}
		if err := attachUploads(ctx, tx, nr.AuthorID, nr.PostID, id, nr.Attachments); err != nil {
			return err
		}
		if err := s.notifyReply(ctx, tx, nr.PostID, id, nr.AuthorID, nr.Kind); err != nil {
			return err
		}
		return follow(ctx, tx, nr.AuthorID, FollowPost, itoa(nr.PostID))
	})
	return id, err
}

// insertReply writes a reply row, counts it on its live post, moves the post
// up in feeds and re-indexes it: the part of a reply that every way of
// creating one (people, the importer) shares.
func (s *Store) insertReply(ctx context.Context, tx *sql.Tx, nr NewReply, parent any, at int64) (int64, error) {
	var id int64
	moderation := ModerationShown
	if nr.Held {
		moderation = ModerationHeld
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO replies (post_id, parent_id, kind, author_id, body, body_html, created_at, updated_at, moderation)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING id`,
		nr.PostID, parent, nr.Kind, nr.AuthorID, nr.Body, markdown.Render(nr.Body), at, moderation).Scan(&id)
	if err != nil {
		return 0, err
	}
	// A held reply is not counted and does not move the post up until approved.
	q := `UPDATE posts SET ` + replyCounter(nr.Kind) + ` = ` + replyCounter(nr.Kind) + ` + 1, activity_at = CASE WHEN activity_at < $1 THEN $1 ELSE activity_at END
		WHERE id = $2 AND deleted_at IS NULL`
	args := []any{at, nr.PostID}
	if nr.Held {
		q, args = `UPDATE posts SET updated_at = updated_at WHERE id = $1 AND deleted_at IS NULL`, args[1:]
	}
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, ErrNotFound
	}
	return id, s.indexPost(ctx, tx, nr.PostID)
}

// replyCounter is the post column that counts replies of a kind.
func replyCounter(kind string) string {
	if kind == ReplyAnswer {
		return "answer_count"
	}
	return "comment_count"
}

// Replies returns the answers (accepted first, then by "helped me" and age)
// with their comments, and the comments on the post itself, as the viewer
// may see them: hidden replies only for the community's moderators, held
// ones for their author too; organisation admins, who may moderate where
// they may read, see them all. Callers must have read the post through
// Post, which checks the viewer.
//
// The asker of an anonymous question stays anonymous in the thread: their
// own answers and comments there carry no trace of them, for every reader;
// only the asker sees Mine on them.
func (s *Store) Replies(ctx context.Context, v Viewer, postID, acceptedID int64) (answers, comments []Reply, err error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+replyCols("$2")+replyFrom+`
		WHERE r.post_id = $1 AND r.deleted_at IS NULL AND `+moderationReadableReply("r", "p", "$2", "$3")+` ORDER BY r.id`, postID, v.ID, v.Admin)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var all []Reply
	for rows.Next() {
		r, err := scanReply(rows)
		if err != nil {
			return nil, nil, err
		}
		r.Accepted = r.ID == acceptedID
		all = append(all, r)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	idx := map[int64]int{}
	for _, r := range all {
		if r.Kind == ReplyAnswer {
			idx[r.ID] = len(answers)
			answers = append(answers, r)
		}
	}
	for _, r := range all {
		if r.Kind != ReplyComment {
			continue
		}
		if i, ok := idx[r.ParentID]; ok && r.ParentID != 0 {
			answers[i].Comments = append(answers[i].Comments, r)
		} else {
			comments = append(comments, r)
		}
	}
	sortAnswers(answers)
	return answers, comments, nil
}

// replyCols are the columns scanReply reads, for the viewer whose id is
// bound at viewer. The asker of an anonymous question leaves no trace on
// their own replies in its thread.
func replyCols(viewer string) string {
	return `r.id, r.post_id, COALESCE(r.parent_id, 0), r.kind,
		CASE WHEN p.anonymous AND r.author_id = p.author_id THEN 0 ELSE r.author_id END,
		CASE WHEN p.anonymous AND r.author_id = p.author_id THEN '' ELSE a.name END,
		CASE WHEN p.anonymous AND r.author_id = p.author_id THEN '' ELSE a.department END,
		p.anonymous AND r.author_id = p.author_id, r.body, r.body_html,
		r.like_count, r.insightful_count, r.thanks_count, r.helped_count, r.revision_count, r.created_at,
		r.author_id = ` + viewer + `, r.moderation`
}

const replyFrom = ` FROM replies r JOIN posts p ON p.id = r.post_id JOIN people a ON a.id = r.author_id `

// scanReply reads replyCols, then any extra columns into extra.
func scanReply(row interface{ Scan(...any) error }, extra ...any) (Reply, error) {
	var r Reply
	var revs, c int64
	var moderation string
	dest := []any{&r.ID, &r.PostID, &r.ParentID, &r.Kind, &r.AuthorID, &r.AuthorName, &r.AuthorDepartment, &r.Anonymous, &r.Body, &r.BodyHTML,
		&r.Reactions.Like, &r.Reactions.Insightful, &r.Reactions.Thanks, &r.Reactions.HelpedMe, &revs, &c, &r.Mine, &moderation}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return Reply{}, mapErr(err)
	}
	r.Held, r.Hidden = moderation == ModerationHeld, moderation == ModerationHidden
	r.Edited, r.CreatedAt = revs > 0, toTime(c)
	return r, nil
}

// Reply returns one live reply as the viewer may see it, with the checks
// of Post and Replies in the one query: the community readable to them, the
// post live and not held or hidden from them, the reply not held or hidden
// from them. Anything else is ErrNotFound, as for an id that never existed
// (DESIGN §3). Mine says whether the viewer wrote it; the author of an
// anonymous asker's reply is blanked as in Replies. Comments are not filled.
func (s *Store) Reply(ctx context.Context, v Viewer, id int64) (Reply, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+replyCols("$1")+`, COALESCE(p.accepted_answer_id, 0) = r.id`+replyFrom+`
		JOIN communities c ON c.id = p.community_id
		WHERE r.id = $2 AND r.deleted_at IS NULL AND p.deleted_at IS NULL AND `+visibleTo("c", "$1")+`
		  AND `+moderationReadable("p", "$1", "$3")+` AND `+moderationReadableReply("r", "p", "$1", "$3"), v.ID, id, v.Admin)
	var accepted bool
	r, err := scanReply(row, &accepted)
	r.Accepted = accepted
	return r, err
}

func sortAnswers(a []Reply) {
	less := func(x, y Reply) bool {
		if x.Accepted != y.Accepted {
			return x.Accepted
		}
		if x.Reactions.HelpedMe != y.Reactions.HelpedMe {
			return x.Reactions.HelpedMe > y.Reactions.HelpedMe
		}
		return x.ID < y.ID
	}
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && less(a[j], a[j-1]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// ReplyEdit is a change to a reply's text and files.
type ReplyEdit struct {
	Body string
	// Attach are the editor's own unattached uploads to add; Remove are
	// files of the reply to take off it, which are then deleted for good.
	Attach []int64
	Remove []int64
}

// EditReply changes a reply's text, keeping the previous text as a revision.
func (s *Store) EditReply(ctx context.Context, editorID, id int64, body string) error {
	return s.EditReplyWith(ctx, editorID, id, ReplyEdit{Body: body})
}

// EditReplyWith changes a reply's text and files in one transaction.
func (s *Store) EditReplyWith(ctx context.Context, editorID, id int64, e ReplyEdit) error {
	body := e.Body
	return s.txRing(ctx, func(tx *sql.Tx) error {
		var postID, authorID int64
		var old string
		if err := tx.QueryRowContext(ctx, `SELECT post_id, body, author_id FROM replies WHERE id = $1 AND deleted_at IS NULL`, id).Scan(&postID, &old, &authorID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO revisions (post_id, reply_id, editor_id, body, created_at) VALUES ($1, $2, $3, $4, $5)`,
			postID, id, editorID, old, now()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE replies SET body = $1, body_html = $2, updated_at = $3, revision_count = revision_count + 1 WHERE id = $4`,
			body, markdown.Render(body), now(), id); err != nil {
			return err
		}
		if err := changeAttachments(ctx, tx, editorID, postID, id, e.Attach, e.Remove); err != nil {
			return err
		}
		if err := s.mentionsAfterEdit(ctx, tx, editorID, postID, id); err != nil {
			return err
		}
		if err := s.indexPost(ctx, tx, postID); err != nil {
			return err
		}
		if editorID != authorID { // only a moderator edits someone else's reply
			return auditPost(ctx, tx, editorID, "reply.edit", postID, id, "")
		}
		return nil
	})
}

// DeleteReply hides a reply and uncounts it; an accepted answer stops being
// accepted. Its files are removed as DeletePost removes a post's.
func (s *Store) DeleteReply(ctx context.Context, actorID, id int64, byModerator bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var postID int64
		var kind, moderation string
		if err := tx.QueryRowContext(ctx, `SELECT post_id, kind, moderation FROM replies WHERE id = $1 AND deleted_at IS NULL`, id).Scan(&postID, &kind, &moderation); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE replies SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL`, now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound // deleted concurrently; uncount it once
		}
		counter := replyCounter(kind)
		uncount := 1
		if moderation != ModerationShown {
			uncount = 0 // never counted
		}
		if _, err := tx.ExecContext(ctx, `UPDATE posts SET `+counter+` = `+counter+` - $3,
			accepted_answer_id = CASE WHEN accepted_answer_id = $1 THEN NULL ELSE accepted_answer_id END WHERE id = $2`, id, postID, uncount); err != nil {
			return err
		}
		// An answer's comments go with it: left live, they would show as
		// comments on the question and be found by search, under an
		// answer no one sees. The shown ones were counted.
		if kind == ReplyAnswer {
			var shown int64
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM replies WHERE parent_id = $1 AND deleted_at IS NULL AND moderation = ''`, id).Scan(&shown); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE replies SET deleted_at = $1 WHERE parent_id = $2 AND deleted_at IS NULL`, now(), id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE posts SET comment_count = comment_count - $1 WHERE id = $2`, shown, postID); err != nil {
				return err
			}
			if _, err := removeUploads(ctx, tx, `u.reply_id IN (SELECT c.id FROM replies c WHERE c.parent_id = $1)`, id); err != nil {
				return err
			}
		}
		if err := s.indexPost(ctx, tx, postID); err != nil {
			return err
		}
		if _, err := removeUploads(ctx, tx, `u.reply_id = $1`, id); err != nil {
			return err
		}
		if byModerator {
			return auditPost(ctx, tx, actorID, "reply.delete", postID, id, "")
		}
		return nil
	})
}

// Accept marks an answer as the accepted one of its question (answerID 0 clears it).
func (s *Store) Accept(ctx context.Context, actorID, postID, answerID int64) error {
	return s.txRing(ctx, func(tx *sql.Tx) error {
		if answerID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM replies WHERE id = $1 AND post_id = $2 AND kind = 'answer' AND deleted_at IS NULL`,
				answerID, postID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return ErrNotFound
			}
		}
		var accepted any
		if answerID != 0 {
			accepted = answerID
		}
		res, err := tx.ExecContext(ctx, `UPDATE posts SET accepted_answer_id = $1 WHERE id = $2 AND type = 'question' AND deleted_at IS NULL`,
			accepted, postID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		var asker int64
		if err := tx.QueryRowContext(ctx, `SELECT author_id FROM posts WHERE id = $1`, postID).Scan(&asker); err != nil {
			return err
		}
		if actorID != asker { // a moderator accepting on the asker's behalf
			if err := auditPost(ctx, tx, actorID, "post.accept", postID, answerID, ""); err != nil {
				return err
			}
		}
		if answerID != 0 {
			return notifyAccepted(ctx, tx, actorID, postID, answerID)
		}
		return nil
	})
}

func itoa(n int64) string { return formatInt(n) }
