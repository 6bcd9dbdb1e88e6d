package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Moderation states of a post or reply.
const (
	ModerationShown  = ""       // everyone who may read the community sees it
	ModerationHeld   = "held"   // a watched word holds it for approval: author and moderators only
	ModerationHidden = "hidden" // a moderator hid it: moderators only
)

// ErrLocked means the thread is locked and takes no new answers or comments.
var ErrLocked = errors.New("store: thread locked")

// ErrBanned means the person is banned from the community; it is a kind of ErrNotAllowed.
var ErrBanned = fmt.Errorf("%w: banned from the community", ErrNotAllowed)

// moderatorOf is true when the person bound at param owns or moderates the
// community whose id is the SQL expression community.
func moderatorOf(community, param string) string {
	return fmt.Sprintf(`EXISTS (SELECT 1 FROM memberships mm WHERE mm.community_id = %s AND mm.person_id = %s AND mm.role IN ('owner', 'moderator'))`, community, param)
}

// moderationVisible is the moderation rule for post alias p: shown posts for
// everyone, held ones for their author, and everything for the moderators
// of the post's community.
func moderationVisible(p, param string) string {
	return fmt.Sprintf(`(%[1]s.moderation = '' OR (%[1]s.moderation = 'held' AND %[1]s.author_id = %[2]s) OR %[3]s)`, p, param, moderatorOf(p+".community_id", param))
}

// moderationVisibleReply is moderationVisible for reply alias r of post alias p.
func moderationVisibleReply(r, p, param string) string {
	return fmt.Sprintf(`(%[1]s.moderation = '' OR (%[1]s.moderation = 'held' AND %[1]s.author_id = %[2]s) OR %[3]s)`, r, param, moderatorOf(p+".community_id", param))
}

// moderationReadable is who reads a post (alias p) under moderation, as Post
// decides it: moderationVisible, or an organisation admin (admin: an SQL
// boolean: the viewer's flag bound as a parameter, or adminOf for a person
// only known in SQL). The community's own rule (visibleTo) comes on top.
func moderationReadable(p, param, admin string) string {
	return `(` + moderationVisible(p, param) + ` OR ` + admin + `)`
}

// moderationReadableReply is moderationReadable for reply alias r of post
// alias p, as Replies decides it.
func moderationReadableReply(r, p, param, admin string) string {
	return `(` + moderationVisibleReply(r, p, param) + ` OR ` + admin + `)`
}

// adminOf is true when the person bound at param is an organisation admin
// now: the Viewer.Admin of someone who is not the one asking (the recipient
// of a notification).
func adminOf(param string) string {
	return `EXISTS (SELECT 1 FROM people ad WHERE ad.id = ` + param + ` AND ad.is_admin)`
}

// mayModerate checks, inside a transaction, that the viewer may moderate the
// community: its owners and moderators, and organisation admins who may read
// it (an admin has no silent reach into a closed or secret community they
// have not joined). A community the viewer may not see is ErrNotFound;
// one they see but may not moderate is ErrNotAllowed. Moderator power in
// one community gives nothing in another (DESIGN §3 rule 5).
func mayModerate(ctx context.Context, q queryer, v Viewer, communityID int64) error {
	var vis, role string
	err := q.QueryRowContext(ctx, `SELECT c.visibility, COALESCE(m.role, '') FROM communities c
		LEFT JOIN memberships m ON m.community_id = c.id AND m.person_id = $2 WHERE c.id = $1`, communityID, v.ID).Scan(&vis, &role)
	if err != nil {
		return mapErr(err)
	}
	switch {
	case role == RoleOwner || role == RoleModerator:
		return nil
	case role == "" && vis != VisibilityOpen:
		return ErrNotFound
	case v.Admin:
		return nil
	}
	return ErrNotAllowed
}

// MayModerate reports whether the viewer may moderate the community (see mayModerate).
func (s *Store) MayModerate(ctx context.Context, v Viewer, communityID int64) (bool, error) {
	err := mayModerate(ctx, s.r, v, communityID)
	if errors.Is(err, ErrNotAllowed) || errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// Report reasons, in display order.
var ReportReasons = []string{"spam", "offensive", "harassment", "off_topic", "private_information", "other"}

// NewReport is a report of a post (ReplyID 0) or of one of its replies.
type NewReport struct {
	PostID  int64
	ReplyID int64
	Reason  string
	Note    string
}

// Validate checks the report's reason and note.
func (nr NewReport) Validate() FieldErrors {
	fe := FieldErrors{}
	if !contains(ReportReasons, nr.Reason) {
		fe["reason"] = "error.report_reason"
	}
	if len(nr.Note) > 1000 {
		fe["note"] = "error.report_note_long"
	}
	return fe
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Report files a report on content the viewer may read. Reporting the same
// thing again while the first report is open changes nothing.
func (s *Store) Report(ctx context.Context, v Viewer, nr NewReport) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var communityID int64
		err := tx.QueryRowContext(ctx, `SELECT p.community_id FROM posts p JOIN communities c ON c.id = p.community_id
			WHERE p.id = $2 AND p.deleted_at IS NULL AND `+visibleTo("c", "$1")+` AND `+moderationVisible("p", "$1"), v.ID, nr.PostID).Scan(&communityID)
		if err != nil {
			return err
		}
		if nr.ReplyID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM replies r JOIN posts p ON p.id = r.post_id
				WHERE r.id = $1 AND r.post_id = $2 AND r.deleted_at IS NULL AND `+moderationVisibleReply("r", "p", "$3"), nr.ReplyID, nr.PostID, v.ID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return ErrNotFound
			}
		}
		err = tx.QueryRowContext(ctx, `SELECT id FROM reports WHERE post_id = $1 AND reply_id = $2 AND reporter_id = $3 AND status = 'open'`,
			nr.PostID, nr.ReplyID, v.ID).Scan(&id)
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return tx.QueryRowContext(ctx, `INSERT INTO reports (community_id, post_id, reply_id, reporter_id, reason, note, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, communityID, nr.PostID, nr.ReplyID, v.ID, nr.Reason, truncate(nr.Note, 1000), now()).Scan(&id)
	})
	return id, err
}

// QueueItem is one thing waiting for a moderator: an open report, or
// content held by a watched word (ReportID 0).
type QueueItem struct {
	ReportID     int64     `json:"report_id,omitempty"`
	Reason       string    `json:"reason,omitempty"`
	Note         string    `json:"note,omitempty"`
	ReporterName string    `json:"reporter_name,omitempty"`
	PostID       int64     `json:"post_id"`
	ReplyID      int64     `json:"reply_id,omitempty"`
	ReplyKind    string    `json:"reply_kind,omitempty"`
	PostTitle    string    `json:"post_title"`
	Body         string    `json:"body"`
	AuthorName   string    `json:"author_name,omitempty"` // empty for an anonymous author
	Anonymous    bool      `json:"anonymous"`
	Moderation   string    `json:"moderation"` // the content's state now: "", "held" or "hidden"
	Locked       bool      `json:"locked"`
	CreatedAt    time.Time `json:"created_at"`
}

// maxQueue bounds a queue page; a community with more waiting has bigger problems.
const maxQueue = 200

// maxQueueBody is how much of the reported text the queue shows; the whole
// text is a link away.
const maxQueueBody = 1000

// ModerationQueue lists a community's open reports, oldest first, with the
// reported content, then its held posts and replies. Anonymous authors stay
// anonymous here too.
func (s *Store) ModerationQueue(ctx context.Context, v Viewer, communityID int64) ([]QueueItem, error) {
	if err := mayModerate(ctx, s.r, v, communityID); err != nil {
		return nil, err
	}
	// The author of the content: the reply's when a reply is named, else the
	// post's; blank when that author is the anonymous asker.
	const anonAuthor = `(p.anonymous AND COALESCE(r.author_id, p.author_id) = p.author_id)`
	cols := `COALESCE(r.id, 0), COALESCE(r.kind, ''), p.title, COALESCE(r.body, p.body),
		CASE WHEN ` + anonAuthor + ` THEN '' ELSE a.name END, ` + anonAuthor + `,
		COALESCE(r.moderation, p.moderation), p.locked_at IS NOT NULL`
	from := ` JOIN posts p ON p.id = x.post_id LEFT JOIN replies r ON r.id = x.reply_id AND x.reply_id <> 0
		JOIN people a ON a.id = COALESCE(r.author_id, p.author_id)`
	var out []QueueItem
	scan := func(rows *sql.Rows, report bool) error {
		defer rows.Close()
		for rows.Next() {
			var it QueueItem
			var c int64
			dest := []any{&it.PostID, &it.ReplyID, &it.ReplyKind, &it.PostTitle, &it.Body, &it.AuthorName, &it.Anonymous, &it.Moderation, &it.Locked, &c}
			if report {
				dest = append(dest, &it.ReportID, &it.Reason, &it.Note, &it.ReporterName)
			}
			if err := rows.Scan(dest...); err != nil {
				return err
			}
			it.CreatedAt = toTime(c)
			if utf8.RuneCountInString(it.Body) > maxQueueBody {
				it.Body = truncate(it.Body, maxQueueBody) + "…"
			}
			out = append(out, it)
		}
		return rows.Err()
	}
	rows, err := s.r.QueryContext(ctx, `SELECT x.post_id, `+cols+`, x.created_at, x.id, x.reason, x.note, rp.name
		FROM reports x`+from+` JOIN people rp ON rp.id = x.reporter_id
		WHERE x.community_id = $1 AND x.status = 'open' AND p.deleted_at IS NULL ORDER BY x.id LIMIT $2`, communityID, maxQueue)
	if err != nil {
		return nil, err
	}
	if err := scan(rows, true); err != nil {
		return nil, err
	}
	rows, err = s.r.QueryContext(ctx, `SELECT x.post_id, `+cols+`, x.created_at FROM (
		    SELECT id AS post_id, 0 AS reply_id, created_at FROM posts WHERE community_id = $1 AND moderation = 'held' AND deleted_at IS NULL
		    UNION ALL
		    SELECT hr.post_id, hr.id, hr.created_at FROM replies hr JOIN posts hp ON hp.id = hr.post_id
		    WHERE hp.community_id = $1 AND hr.moderation = 'held' AND hr.deleted_at IS NULL AND hp.deleted_at IS NULL
		) x`+from+` ORDER BY x.created_at LIMIT $2`, communityID, maxQueue)
	if err != nil {
		return nil, err
	}
	if err := scan(rows, false); err != nil {
		return nil, err
	}
	return out, nil
}

// ReportCommunity returns the community of a report, for routing a decision.
func (s *Store) ReportCommunity(ctx context.Context, reportID int64) (int64, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT community_id FROM reports WHERE id = $1`, reportID).Scan(&id)
	return id, mapErr(err)
}

// DismissReport closes an open report of the community without acting on the content.
func (s *Store) DismissReport(ctx context.Context, v Viewer, communityID, reportID int64, reason string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := mayModerate(ctx, tx, v, communityID); err != nil {
			return err
		}
		var postID, replyID int64
		if err := tx.QueryRowContext(ctx, `SELECT post_id, reply_id FROM reports WHERE id = $1 AND community_id = $2 AND status = 'open'`,
			reportID, communityID).Scan(&postID, &replyID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET status = 'dismissed', decided_by = $1, decided_at = $2 WHERE id = $3`, v.ID, now(), reportID); err != nil {
			return err
		}
		return auditPost(ctx, tx, v.ID, "report.dismiss", postID, replyID, reason)
	})
}

// Moderation actions on a post or reply.
const (
	ActionHide    = "hide"
	ActionRestore = "restore"
	ActionApprove = "approve" // a held post or reply
	ActionReject  = "reject"  // a held post or reply: hidden, kept for the record
)

// ModerationActions lists the actions SetModeration takes.
var ModerationActions = []string{ActionHide, ActionRestore, ActionApprove, ActionReject}

// postForModeration loads what moderation needs of a live post and checks
// the viewer may moderate its community.
func postForModeration(ctx context.Context, tx *sql.Tx, v Viewer, postID int64) (communityID int64, moderation string, err error) {
	err = tx.QueryRowContext(ctx, `SELECT community_id, moderation FROM posts WHERE id = $1 AND deleted_at IS NULL`, postID).Scan(&communityID, &moderation)
	if err != nil {
		return 0, "", err
	}
	return communityID, moderation, mayModerate(ctx, tx, v, communityID)
}

// SetModeration hides, restores, approves or rejects a post (replyID 0) or
// one of its replies, on a moderator's say. Counters count shown content
// only; the search index follows; open reports on hidden content close.
func (s *Store) SetModeration(ctx context.Context, v Viewer, postID, replyID int64, action, reason string) error {
	to, from := ModerationShown, []string{ModerationHidden}
	switch action {
	case ActionHide:
		to, from = ModerationHidden, []string{ModerationShown, ModerationHeld}
	case ActionApprove:
		from = []string{ModerationHeld}
	case ActionReject:
		to, from = ModerationHidden, []string{ModerationHeld}
	case ActionRestore:
	default:
		return ErrNotAllowed
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		communityID, state, err := postForModeration(ctx, tx, v, postID)
		if err != nil {
			return err
		}
		kind := "post"
		if replyID != 0 {
			kind = "reply"
			var rk string
			if err := tx.QueryRowContext(ctx, `SELECT kind, moderation FROM replies WHERE id = $1 AND post_id = $2 AND deleted_at IS NULL`, replyID, postID).Scan(&rk, &state); err != nil {
				return err
			}
			if !contains(from, state) {
				return ErrConflict
			}
			if _, err := tx.ExecContext(ctx, `UPDATE replies SET moderation = $1 WHERE id = $2`, to, replyID); err != nil {
				return err
			}
			if delta := shownDelta(state, to); delta != 0 {
				c := replyCounter(rk)
				if _, err := tx.ExecContext(ctx, `UPDATE posts SET `+c+` = `+c+` + $1,
					accepted_answer_id = CASE WHEN accepted_answer_id = $2 AND $1 < 0 THEN NULL ELSE accepted_answer_id END WHERE id = $3`, delta, replyID, postID); err != nil {
					return err
				}
			}
		} else {
			if !contains(from, state) {
				return ErrConflict
			}
			if _, err := tx.ExecContext(ctx, `UPDATE posts SET moderation = $1 WHERE id = $2`, to, postID); err != nil {
				return err
			}
			if delta := shownDelta(state, to); delta != 0 {
				if _, err := tx.ExecContext(ctx, `UPDATE communities SET post_count = post_count + $1 WHERE id = $2`, delta, communityID); err != nil {
					return err
				}
			}
		}
		if to == ModerationHidden {
			if _, err := tx.ExecContext(ctx, `UPDATE reports SET status = 'actioned', decided_by = $1, decided_at = $2
				WHERE post_id = $3 AND reply_id = $4 AND status = 'open'`, v.ID, now(), postID, replyID); err != nil {
				return err
			}
		}
		if err := s.indexPost(ctx, tx, postID); err != nil {
			return err
		}
		if to == ModerationShown {
			if err := enqueueShownMails(ctx, tx, postID, replyID); err != nil {
				return err
			}
		}
		return auditPost(ctx, tx, v.ID, kind+"."+action, postID, replyID, reason)
	})
}

// enqueueShownMails queues again the immediate mails of the notifications
// about a post (or one reply) that has just been approved or restored:
// while it was held or hidden its mail jobs found nothing to send. The job
// mails each notification at most once (it checks what was sent), so
// notifications already mailed are not mailed again.
func enqueueShownMails(ctx context.Context, q queryer, postID, replyID int64) error {
	at := now()
	_, err := q.ExecContext(ctx, `INSERT INTO jobs (kind, payload, dedup_key, run_at, max_attempts, created_at)
		SELECT 'mail.notification', CAST(n.id AS TEXT), 'mail:n:' || CAST(n.id AS TEXT) || ':shown:' || CAST(CAST($3 AS BIGINT) AS TEXT), CAST($3 AS BIGINT), 12, CAST($3 AS BIGINT)
		FROM notifications n WHERE n.post_id = $1 AND ($2 = 0 OR n.reply_id = $2) AND `+deliverySQL+` = 'immediate'
		ON CONFLICT DO NOTHING`, postID, replyID, at)
	return err
}

// shownDelta is how a change of moderation state changes the shown count.
func shownDelta(from, to string) int {
	switch {
	case from == ModerationShown && to != ModerationShown:
		return -1
	case from != ModerationShown && to == ModerationShown:
		return 1
	}
	return 0
}

// LockPost locks a thread (no new answers or comments) or unlocks it.
func (s *Store) LockPost(ctx context.Context, v Viewer, postID int64, locked bool, reason string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, _, err := postForModeration(ctx, tx, v, postID); err != nil {
			return err
		}
		var at any
		action := "post.unlock"
		if locked {
			at, action = now(), "post.lock"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE posts SET locked_at = $1 WHERE id = $2`, at, postID); err != nil {
			return err
		}
		return auditPost(ctx, tx, v.ID, action, postID, 0, reason)
	})
}

// MovePost moves a post, with everything under it (replies, reactions,
// reports), to another community. The mover must moderate both. Who can
// read it is decided when it is read, so the move takes effect at once on
// every surface; the search index is rewritten here.
func (s *Store) MovePost(ctx context.Context, v Viewer, postID, toCommunityID int64, reason string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		from, state, err := postForModeration(ctx, tx, v, postID)
		if err != nil {
			return err
		}
		if err := mayModerate(ctx, tx, v, toCommunityID); err != nil {
			if errors.Is(err, ErrNotFound) {
				return ErrNotAllowed // the post is visible; the target is simply not theirs
			}
			return err
		}
		if from == toCommunityID {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE posts SET community_id = $1 WHERE id = $2`, toCommunityID, postID); err != nil {
			return err
		}
		if state == ModerationShown {
			if _, err := tx.ExecContext(ctx, `UPDATE communities SET post_count = post_count + CASE WHEN id = $1 THEN 1 ELSE -1 END WHERE id IN ($1, $2)`,
				toCommunityID, from); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET community_id = $1 WHERE post_id = $2`, toCommunityID, postID); err != nil {
			return err
		}
		if err := s.indexPost(ctx, tx, postID); err != nil {
			return err
		}
		var fromName string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM communities WHERE id = $1`, from).Scan(&fromName); err != nil {
			return err
		}
		detail := "from " + fromName
		if reason != "" {
			detail += ": " + reason
		}
		return auditPost(ctx, tx, v.ID, "post.move", postID, 0, detail)
	})
}

// Ban removes a person from a community (if they are in it) and keeps them
// out: they cannot join, ask to join, accept an invitation or be added
// until unbanned. Owners cannot be banned.
func (s *Store) Ban(ctx context.Context, v Viewer, communityID, personID int64, reason string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := mayModerate(ctx, tx, v, communityID); err != nil {
			return err
		}
		if personID == v.ID {
			return ErrNotAllowed
		}
		var role string
		err := tx.QueryRowContext(ctx, `SELECT role FROM memberships WHERE community_id = $1 AND person_id = $2`, communityID, personID).Scan(&role)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		case role == RoleOwner:
			return ErrNotAllowed
		default:
			if _, err := tx.ExecContext(ctx, `DELETE FROM memberships WHERE community_id = $1 AND person_id = $2`, communityID, personID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE communities SET member_count = member_count - 1 WHERE id = $1`, communityID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM follows WHERE person_id = $1 AND target_kind = 'community' AND target = $2`, personID, itoa(communityID)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE join_requests SET status = 'declined', decided_by = $1, decided_at = $2
			WHERE community_id = $3 AND person_id = $4 AND status = 'pending'`, v.ID, now(), communityID, personID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO community_bans (community_id, person_id, banned_by, reason, created_at) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (community_id, person_id) DO UPDATE SET reason = excluded.reason`, communityID, personID, v.ID, truncate(reason, 1000), now()); err != nil {
			return err
		}
		return auditRecord(ctx, tx, auditRow{actorID: v.ID, action: "member.ban", kind: "community", objectID: communityID,
			communityID: communityID, personID: personID, detail: reason})
	})
}

// Unban lets a banned person join again.
func (s *Store) Unban(ctx context.Context, v Viewer, communityID, personID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := mayModerate(ctx, tx, v, communityID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM community_bans WHERE community_id = $1 AND person_id = $2`, communityID, personID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return auditRecord(ctx, tx, auditRow{actorID: v.ID, action: "member.unban", kind: "community", objectID: communityID,
			communityID: communityID, personID: personID})
	})
}

// BannedPerson is a ban as moderators see it.
type BannedPerson struct {
	PersonID  int64     `json:"person_id"`
	Name      string    `json:"name"`
	Reason    string    `json:"reason"`
	CreatedAt time.Time `json:"created_at"`
}

// Bans lists a community's bans, newest first, for its moderators.
func (s *Store) Bans(ctx context.Context, v Viewer, communityID int64) ([]BannedPerson, error) {
	if err := mayModerate(ctx, s.r, v, communityID); err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT b.person_id, p.name, b.reason, b.created_at FROM community_bans b JOIN people p ON p.id = b.person_id
		WHERE b.community_id = $1 ORDER BY b.created_at DESC LIMIT 500`, communityID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BannedPerson
	for rows.Next() {
		var b BannedPerson
		var c int64
		if err := rows.Scan(&b.PersonID, &b.Name, &b.Reason, &c); err != nil {
			return nil, err
		}
		b.CreatedAt = toTime(c)
		out = append(out, b)
	}
	return out, rows.Err()
}

// checkNotBanned refuses a person banned from the community.
func checkNotBanned(ctx context.Context, tx *sql.Tx, communityID, personID int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM community_bans WHERE community_id = $1 AND person_id = $2`, communityID, personID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return ErrBanned
	}
	return nil
}

// ConductAccepted reports whether the person has accepted the community's code of conduct.
func (s *Store) ConductAccepted(ctx context.Context, communityID, personID int64) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM conduct_acceptances WHERE community_id = $1 AND person_id = $2`, communityID, personID).Scan(&n)
	return n > 0, mapErr(err)
}

// AcceptConduct records that the person accepted the community's code of conduct.
func (s *Store) AcceptConduct(ctx context.Context, communityID, personID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO conduct_acceptances (community_id, person_id, accepted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
			communityID, personID, now())
		return err
	})
}

// Watched-word actions.
const (
	WatchBlock = "block" // the text is refused, naming the word
	WatchHold  = "hold"  // the text is kept back for a moderator's approval
)

// WatchedWord is a word or phrase the organisation watches for.
type WatchedWord struct {
	ID        int64     `json:"id"`
	Word      string    `json:"word"`
	Action    string    `json:"action"`
	CreatedAt time.Time `json:"created_at"`
}

// WatchedWords lists the organisation's watched words, alphabetically.
func (s *Store) WatchedWords(ctx context.Context) ([]WatchedWord, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, word, action, created_at FROM watched_words ORDER BY word`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []WatchedWord
	for rows.Next() {
		var w WatchedWord
		var c int64
		if err := rows.Scan(&w.ID, &w.Word, &w.Action, &c); err != nil {
			return nil, err
		}
		w.CreatedAt = toTime(c)
		out = append(out, w)
	}
	return out, rows.Err()
}

// NormalizeWatched folds a watched word or phrase the way text is matched:
// lower case, words separated by single spaces.
func NormalizeWatched(s string) string { return strings.Join(words(s), " ") }

// AddWatchedWord adds (or changes the action of) a watched word; an
// admin's action, audited.
func (s *Store) AddWatchedWord(ctx context.Context, actorID int64, word, action string) error {
	word = NormalizeWatched(word)
	if word == "" || len(word) > 100 || (action != WatchBlock && action != WatchHold) {
		return ErrNotAllowed
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO watched_words (word, action, created_by, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (word) DO UPDATE SET action = excluded.action`, word, action, actorID, now()); err != nil {
			return err
		}
		return audit(ctx, tx, actorID, "watched_word.add", "watched_word", 0, action+": "+word)
	})
}

// DeleteWatchedWord stops watching a word.
func (s *Store) DeleteWatchedWord(ctx context.Context, actorID, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var word string
		if err := tx.QueryRowContext(ctx, `SELECT word FROM watched_words WHERE id = $1`, id).Scan(&word); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM watched_words WHERE id = $1`, id); err != nil {
			return err
		}
		return audit(ctx, tx, actorID, "watched_word.delete", "watched_word", 0, word)
	})
}

// WatchMatch is the watched word found in a text, if any.
type WatchMatch struct {
	Word   string
	Action string // WatchBlock or WatchHold; "" when nothing matched
}

// Watch looks for watched words in texts, as whole words in any case. A
// blocking word wins over a holding one.
func (s *Store) Watch(ctx context.Context, texts ...string) (WatchMatch, error) {
	list, err := s.WatchedWords(ctx)
	if err != nil || len(list) == 0 {
		return WatchMatch{}, err
	}
	var b strings.Builder
	b.WriteString(" ")
	for _, t := range texts {
		b.WriteString(NormalizeWatched(t))
		b.WriteString(" ")
	}
	hay := b.String()
	var m WatchMatch
	for _, w := range list {
		if !strings.Contains(hay, " "+w.Word+" ") {
			continue
		}
		if w.Action == WatchBlock {
			return WatchMatch{Word: w.Word, Action: WatchBlock}, nil
		}
		if m.Action == "" {
			m = WatchMatch{Word: w.Word, Action: WatchHold}
		}
	}
	return m, nil
}

// words splits text into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127 && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	})
}

// NewAccountLimits are the posting limits of new accounts.
type NewAccountLimits struct {
	Age     time.Duration // an account younger than this is new (0: no limits)
	PerHour int           // posts and replies a new account may write per hour
	// UploadsPerHour is how many files a new account may upload per hour
	// (UploadWait).
	UploadsPerHour int
}

// RecentWait is the arithmetic of every new-account limit: given the
// account's creation time and the times of its recent actions of one kind
// (newest first), it says how long to wait before the next (0: now).
func (l NewAccountLimits) RecentWait(created time.Time, recent []time.Time, perHour int, at time.Time) time.Duration {
	if l.Age <= 0 || perHour <= 0 || at.Sub(created) >= l.Age {
		return 0
	}
	n := 0
	for _, t := range recent {
		if at.Sub(t) < time.Hour {
			n++
		}
	}
	if n < perHour {
		return 0
	}
	oldest := recent[perHour-1]
	return max(oldest.Add(time.Hour).Sub(at), time.Second)
}

// ContributionWait reports how long a new account must wait before it may
// post or reply again; 0 means it may now. The count comes from the
// database, so it holds across instances.
func (s *Store) ContributionWait(ctx context.Context, personID int64, l NewAccountLimits) (time.Duration, error) {
	return s.recentWait(ctx, personID, l, l.PerHour, `SELECT created_at FROM posts WHERE author_id = $1 AND created_at > $2
		UNION ALL SELECT created_at FROM replies WHERE author_id = $1 AND created_at > $2 ORDER BY 1 DESC LIMIT $3`)
}

// UploadWait reports how long a new account must wait before it may upload
// another file; 0 means it may now.
func (s *Store) UploadWait(ctx context.Context, personID int64, l NewAccountLimits) (time.Duration, error) {
	return s.recentWait(ctx, personID, l, l.UploadsPerHour,
		`SELECT created_at FROM uploads WHERE uploader_id = $1 AND created_at > $2 ORDER BY created_at DESC LIMIT $3`)
}

// recentWait applies a new-account limit of perHour to the times recent
// lists ($1 the person, $2 an hour ago, $3 the limit; newest first).
func (s *Store) recentWait(ctx context.Context, personID int64, l NewAccountLimits, perHour int, recentSQL string) (time.Duration, error) {
	if l.Age <= 0 || perHour <= 0 {
		return 0, nil
	}
	t := now()
	var created int64
	if err := s.r.QueryRowContext(ctx, `SELECT created_at FROM people WHERE id = $1`, personID).Scan(&created); err != nil {
		return 0, mapErr(err)
	}
	if t-created >= l.Age.Milliseconds() {
		return 0, nil
	}
	rows, err := s.r.QueryContext(ctx, recentSQL, personID, t-time.Hour.Milliseconds(), perHour)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var recent []time.Time
	for rows.Next() {
		var c int64
		if err := rows.Scan(&c); err != nil {
			return 0, err
		}
		recent = append(recent, toTime(c))
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return l.RecentWait(toTime(created), recent, perHour, toTime(t)), nil
}
