package store

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"time"

	"github.com/tacit-org/tacit/internal/markdown"
)

// Notification kinds: what happened that concerns the recipient.
const (
	NotifyAnswer      = "answer"       // an answer on a post I follow (my question, one I answered)
	NotifyComment     = "comment"      // a comment on a post I follow
	NotifyMention     = "mention"      // someone wrote @me in a post or reply
	NotifyAccepted    = "accepted"     // my answer was accepted
	NotifyHelped      = "helped"       // "helped me" on my post or reply
	NotifyJoinRequest = "join_request" // someone asks to join a community I moderate
	NotifyIdeaStatus  = "idea_status"  // an idea I follow moved
	NotifyNewPost     = "new_post"     // a new post by a person or with a tag I follow
)

// NotificationKinds lists every kind, in the order settings show them.
var NotificationKinds = []string{NotifyAnswer, NotifyComment, NotifyMention, NotifyAccepted, NotifyHelped,
	NotifyJoinRequest, NotifyIdeaStatus, NotifyNewPost}

// Notification is one thing that concerns a person, as they may see it now.
// ActorName is empty when the actor acted anonymously: the UI says
// "Anonymous member".
type Notification struct {
	ID            int64     `json:"id"`
	PersonID      int64     `json:"-"`
	Kind          string    `json:"kind"`
	ActorID       int64     `json:"actor_id,omitempty"`
	ActorName     string    `json:"actor_name,omitempty"`
	PostID        int64     `json:"post_id,omitempty"`
	ReplyID       int64     `json:"reply_id,omitempty"`
	PostTitle     string    `json:"post_title,omitempty"`
	CommunityID   int64     `json:"community_id,omitempty"`
	CommunitySlug string    `json:"community_slug,omitempty"`
	CommunityName string    `json:"community_name,omitempty"`
	Detail        string    `json:"detail,omitempty"` // the new status of an idea
	Read          bool      `json:"read"`
	CreatedAt     time.Time `json:"created_at"`
}

// URL is where the notification leads in the HTML surface.
func (n Notification) URL() string {
	switch {
	case n.Kind == NotifyJoinRequest:
		return "/c/" + n.CommunitySlug + "/requests"
	case n.ReplyID != 0:
		return "/p/" + itoa(n.PostID) + "#r" + itoa(n.ReplyID)
	default:
		return "/p/" + itoa(n.PostID)
	}
}

// bell wakes whoever waits for new notifications and activity (the live
// broker) after a transaction that wrote some has committed.
type bell struct {
	mu sync.Mutex
	ch chan struct{}
}

// Changes returns a channel that receives after notifications or live
// activity were written. Several writes may ring it once.
func (s *Store) Changes() <-chan struct{} {
	s.bell.mu.Lock()
	defer s.bell.mu.Unlock()
	if s.bell.ch == nil {
		s.bell.ch = make(chan struct{}, 1)
	}
	return s.bell.ch
}

func (s *Store) ring() {
	s.bell.mu.Lock()
	ch := s.bell.ch
	s.bell.mu.Unlock()
	if ch != nil {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// txRing is tx for writes that may add notifications or live activity; it
// rings the bell after a successful commit. On PostgreSQL it also tells
// every other Tacit process on the database (changes.go), and it first
// takes a transaction lock that such writes share, so that they commit in
// the order of their ids: a live stream's position ("N-A") is a pair of
// ids, and a lower id committed after a higher one was delivered would be
// skipped.
func (s *Store) txRing(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.dialect == Postgres {
		inner := fn
		fn = func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, eventsLock); err != nil {
				return err
			}
			if err := inner(tx); err != nil {
				return err
			}
			return notifyOthers(ctx, tx)
		}
	}
	err := s.tx(ctx, fn)
	if err == nil {
		s.ring()
	}
	return err
}

// actorOn returns who to name as the actor of something done on a post: no
// one (NULL) when the actor is the anonymous author of the post.
func actorOn(ctx context.Context, q queryer, postID, actorID int64) (any, error) {
	var anon bool
	var author int64
	if err := q.QueryRowContext(ctx, `SELECT anonymous, author_id FROM posts WHERE id = $1`, postID).Scan(&anon, &author); err != nil {
		return nil, err
	}
	if anon && author == actorID {
		return nil, nil
	}
	return actorID, nil
}

// notifyWhere inserts a notification about a post for every person the
// select recipients (column person_id) yields who may read the post, is
// active and is not the actor. The select may use $3 (the post id), $4 (the
// reply id) and its own args from $8 on.
func notifyWhere(ctx context.Context, q queryer, kind string, actorID int64, postID, replyID int64, detail, recipients string, args ...any) error {
	actor, err := actorOn(ctx, q, postID, actorID)
	if err != nil {
		return err
	}
	before, err := maxNotificationID(ctx, q)
	if err != nil {
		return err
	}
	base := []any{kind, actor, postID, replyID, detail, now(), actorID}
	_, err = q.ExecContext(ctx, `INSERT INTO notifications (person_id, kind, actor_id, community_id, post_id, reply_id, detail, created_at)
		SELECT DISTINCT r.person_id, CAST($1 AS TEXT), CAST($2 AS BIGINT), p.community_id, p.id, CAST($4 AS BIGINT), CAST($5 AS TEXT), CAST($6 AS BIGINT)
		FROM (`+recipients+`) r JOIN people pe ON pe.id = r.person_id AND pe.deactivated_at IS NULL
		JOIN posts p ON p.id = $3 JOIN communities c ON c.id = p.community_id
		WHERE r.person_id <> $7 AND p.deleted_at IS NULL AND `+visibleTo("c", "r.person_id"), append(base, args...)...)
	if err != nil {
		return err
	}
	return enqueueMails(ctx, q, before)
}

const postFollowers = `SELECT person_id FROM follows WHERE target_kind = 'post' AND target = $8`

// notifyReply tells the followers of a post (its author, who answered,
// who follows it) about a new answer or comment, and the people it
// mentions. The mentioned hear of it once, as a mention.
func (s *Store) notifyReply(ctx context.Context, tx *sql.Tx, postID, replyID, authorID int64, kind string) error {
	mentioned, err := s.linkMentions(ctx, tx, "replies", replyID)
	if err != nil {
		return err
	}
	if err := notifyWhere(ctx, tx, NotifyMention, authorID, postID, replyID, "", idList(mentioned)); err != nil {
		return err
	}
	k := NotifyComment
	if kind == ReplyAnswer {
		k = NotifyAnswer
	}
	if err := notifyWhere(ctx, tx, k, authorID, postID, replyID, "", postFollowers+` AND `+notAmong(mentioned), itoa(postID)); err != nil {
		return err
	}
	return recordActivity(ctx, tx, "answer", postID, replyID, kind)
}

// notifyPost tells the people mentioned in a new post, and the followers of
// its named author and of its tags, about it.
func (s *Store) notifyPost(ctx context.Context, tx *sql.Tx, postID, authorID int64, anonymous bool) error {
	mentioned, err := s.linkMentions(ctx, tx, "posts", postID)
	if err != nil {
		return err
	}
	if err := notifyWhere(ctx, tx, NotifyMention, authorID, postID, 0, "", idList(mentioned)); err != nil {
		return err
	}
	followers := `SELECT f.person_id FROM follows f JOIN post_tags t ON t.post_id = $3 AND f.target_kind = 'tag' AND f.target = t.tag`
	var args []any
	if !anonymous {
		followers += ` UNION SELECT person_id FROM follows WHERE target_kind = 'person' AND target = $8`
		args = append(args, itoa(authorID))
	}
	followers = `SELECT person_id FROM (` + followers + `) ff WHERE ` + notAmong(mentioned)
	if err := notifyWhere(ctx, tx, NotifyNewPost, authorID, postID, 0, "", followers, args...); err != nil {
		return err
	}
	return recordActivity(ctx, tx, "post", postID, 0, "")
}

// notAmong is the condition that leaves out the people mentioned in what
// is notified: they hear of it once, as a mention (the mention's
// notification is written first, with the same checks, so whoever it skips
// is skipped here too). It used to ask the notifications table which
// mentions were written: a scan of the whole table for every post and reply
// (reply_id has no index).
func notAmong(ids []int64) string {
	if len(ids) == 0 {
		return `1 = 1`
	}
	return `person_id NOT IN (` + inList(ids) + `)`
}

// idList is a select of literal person ids (integers, never user text).
func idList(ids []int64) string {
	if len(ids) == 0 {
		return `SELECT person_id FROM follows WHERE 1 = 0`
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = `SELECT CAST(` + itoa(id) + ` AS BIGINT) AS person_id`
	}
	return strings.Join(parts, " UNION ALL ")
}

// linkMentions links the mentions in the stored HTML of a post or reply to
// the profiles of active people and returns those people.
func (s *Store) linkMentions(ctx context.Context, tx *sql.Tx, table string, id int64) ([]int64, error) {
	var body string
	if err := tx.QueryRowContext(ctx, `SELECT body_html FROM `+table+` WHERE id = $1`, id).Scan(&body); err != nil {
		return nil, err
	}
	if !strings.Contains(body, "@") {
		return nil, nil
	}
	handles := markdown.Mentions(body)
	ids := map[string]int64{}
	var people []int64
	for _, h := range handles {
		pid, err := personByHandle(ctx, tx, h)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		ids[h] = pid
		people = append(people, pid)
	}
	if linked := markdown.LinkMentions(body, ids); linked != body {
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET body_html = $1 WHERE id = $2`, linked, id); err != nil {
			return nil, err
		}
	}
	return people, nil
}

// likeEscape makes s match itself literally in LIKE … ESCAPE '\'.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// personByHandle finds the active person whose e-mail local part is handle;
// when two domains share it, the earliest account wins.
func personByHandle(ctx context.Context, q queryer, handle string) (int64, error) {
	if !markdown.HandleRe.MatchString(handle) {
		return 0, ErrNotFound
	}
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM people WHERE email LIKE $1 ESCAPE '\' AND deactivated_at IS NULL ORDER BY id LIMIT 1`,
		likeEscape(handle)+"@%").Scan(&id)
	return id, mapErr(err)
}

// Handle is the mention handle of an e-mail address: its local part.
func Handle(email string) string {
	local, _, _ := strings.Cut(email, "@")
	return strings.ToLower(local)
}

// recordActivity logs public activity for live pages.
func recordActivity(ctx context.Context, q queryer, kind string, postID, replyID int64, replyKind string) error {
	if kind == "answer" && replyKind != ReplyAnswer {
		kind = "comment"
	}
	_, err := q.ExecContext(ctx, `INSERT INTO activity (kind, community_id, post_id, reply_id, created_at)
		SELECT CAST($1 AS TEXT), community_id, id, CAST($3 AS BIGINT), CAST($4 AS BIGINT) FROM posts WHERE id = $2`, kind, postID, replyID, now())
	return err
}

// notifyAccepted tells the author of an accepted answer.
func notifyAccepted(ctx context.Context, tx *sql.Tx, actorID, postID, answerID int64) error {
	return notifyWhere(ctx, tx, NotifyAccepted, actorID, postID, answerID, "", `SELECT author_id AS person_id FROM replies WHERE id = $4`)
}

// notifyHelped tells the author of a post or reply that it helped someone.
// The author of an anonymous post is told too: only they see it.
func notifyHelped(ctx context.Context, tx *sql.Tx, actorID, postID, replyID int64) error {
	who := `SELECT author_id AS person_id FROM posts WHERE id = $3`
	if replyID != 0 {
		who = `SELECT author_id AS person_id FROM replies WHERE id = $4`
	}
	return notifyWhere(ctx, tx, NotifyHelped, actorID, postID, replyID, "", who)
}

// notifyIdeaStatus tells the followers and voters of an idea that it moved.
func notifyIdeaStatus(ctx context.Context, tx *sql.Tx, actorID, postID int64, status string) error {
	return notifyWhere(ctx, tx, NotifyIdeaStatus, actorID, postID, 0, status,
		postFollowers+` UNION SELECT person_id FROM votes WHERE post_id = $3`, itoa(postID))
}

// notifyJoinRequest tells the owners and moderators of a community.
func notifyJoinRequest(ctx context.Context, tx *sql.Tx, personID, communityID int64) error {
	before, err := maxNotificationID(ctx, tx)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO notifications (person_id, kind, actor_id, community_id, created_at)
		SELECT m.person_id, 'join_request', CAST($1 AS BIGINT), CAST($2 AS BIGINT), CAST($3 AS BIGINT) FROM memberships m JOIN people pe ON pe.id = m.person_id AND pe.deactivated_at IS NULL
		WHERE m.community_id = $2 AND m.role IN ('owner', 'moderator') AND m.person_id <> $1`, personID, communityID, now())
	if err != nil {
		return err
	}
	return enqueueMails(ctx, tx, before)
}

// notificationVisible is the read-time rule for a notification row n whose
// post is p and community c, for the recipient bound at param: a post
// notification needs a live post (and reply) the recipient may read now,
// by the community's rule and by moderation's, as Post and Replies decide
// them (a held post or reply: its author, the community's moderators and
// admins; a hidden one: moderators and admins); a join request needs the
// recipient to moderate the community now. Approving a held post shows
// its notifications from then on; hiding one takes them away.
func notificationVisible(param string) string {
	return `((n.post_id <> 0 AND p.deleted_at IS NULL AND ` + visibleTo("c", param) + `
		AND ` + moderationReadable("p", param, adminOf(param)) + `
		AND (n.reply_id = 0 OR EXISTS (SELECT 1 FROM replies rr WHERE rr.id = n.reply_id AND rr.deleted_at IS NULL
			AND ` + moderationReadableReply("rr", "p", param, adminOf(param)) + `)))
	  OR (n.post_id = 0 AND n.kind = 'join_request' AND EXISTS (SELECT 1 FROM memberships mm
		WHERE mm.community_id = n.community_id AND mm.person_id = ` + param + ` AND mm.role IN ('owner', 'moderator'))))`
}

const notificationFrom = ` FROM notifications n
	LEFT JOIN posts p ON p.id = n.post_id
	LEFT JOIN communities c ON c.id = CASE WHEN n.post_id <> 0 THEN p.community_id ELSE n.community_id END
	LEFT JOIN people a ON a.id = n.actor_id `

// notificationCols never names the anonymous author of a post as an actor,
// whatever the row holds.
const notificationCols = `n.id, n.person_id, n.kind, ` + notificationActor + `,
	CASE WHEN n.actor_id IS NULL OR (n.post_id <> 0 AND p.anonymous AND n.actor_id = p.author_id) THEN '' ELSE COALESCE(a.name, '') END,
	n.post_id, n.reply_id, COALESCE(p.title, ''), COALESCE(c.id, 0), COALESCE(c.slug, ''), COALESCE(c.name, ''),
	n.detail, n.read_at IS NOT NULL, n.created_at`

// notificationActor is the actor to name: 0 for none, and for the anonymous
// author of the post, whatever the row holds.
const notificationActor = `CASE WHEN n.actor_id IS NULL OR (n.post_id <> 0 AND p.anonymous AND n.actor_id = p.author_id) THEN 0 ELSE n.actor_id END`

func scanNotifications(rows *sql.Rows) ([]Notification, error) {
	defer rows.Close()
	out := []Notification{}
	for rows.Next() {
		var n Notification
		var created int64
		if err := rows.Scan(&n.ID, &n.PersonID, &n.Kind, &n.ActorID, &n.ActorName, &n.PostID, &n.ReplyID, &n.PostTitle,
			&n.CommunityID, &n.CommunitySlug, &n.CommunityName, &n.Detail, &n.Read, &created); err != nil {
			return nil, err
		}
		n.CreatedAt = toTime(created)
		out = append(out, n)
	}
	return out, rows.Err()
}

// Notifications returns a person's notifications that they may still see,
// newest first, before the id beforeID (0: from the newest), and the id to
// continue before (0 when this is the last page).
func (s *Store) Notifications(ctx context.Context, personID, beforeID int64, limit int) ([]Notification, int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+notificationCols+notificationFrom+`
		WHERE n.person_id = $1 AND ($2 = 0 OR n.id < $2) AND `+notificationVisible("$1")+`
		ORDER BY n.id DESC LIMIT $3`, personID, beforeID, limit+1)
	if err != nil {
		return nil, 0, err
	}
	ns, err := scanNotifications(rows)
	if err != nil {
		return nil, 0, err
	}
	var next int64
	if len(ns) > limit {
		ns = ns[:limit]
		next = ns[limit-1].ID
	}
	return ns, next, nil
}

// NotificationsAfter returns the notifications with ids in (afterID,
// uptoID] that their recipient may see now, oldest first, for one person
// (personID) or for everyone (0): what the live broker delivers.
// Permission is checked per row for its own recipient.
//
// The rows are read without the names they show (actor, post title,
// community), which are read once per distinct id afterwards: after an
// answer to thousands of followers every row names the same actor, post and
// community, and reading them per row was a third of the cost and most of
// the allocation. Whether the actor is named is still decided per row, in
// the query (an anonymous author's id is never returned).
func (s *Store) NotificationsAfter(ctx context.Context, personID, afterID, uptoID int64, limit int) ([]Notification, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+liveNotificationCols+`
		WHERE n.id > $1 AND n.id <= $2 AND ($3 = 0 OR n.person_id = $3) AND `+notificationVisible("n.person_id")+`
		ORDER BY n.id LIMIT $4`, afterID, uptoID, personID, limit)
	if err != nil {
		return nil, err
	}
	return s.scanLiveNotifications(ctx, rows, min(limit, 1000))
}

// liveNotificationCols is what NotificationsAfter and NotificationsByID
// read: the rows without their names, and the FROM the visibility check
// needs.
const liveNotificationCols = `n.id, n.person_id, n.kind, ` + notificationActor + `, n.post_id, n.reply_id, COALESCE(c.id, 0),
	n.detail, n.read_at IS NOT NULL, n.created_at
	FROM notifications n
	LEFT JOIN posts p ON p.id = n.post_id
	LEFT JOIN communities c ON c.id = CASE WHEN n.post_id <> 0 THEN p.community_id ELSE n.community_id END`

func (s *Store) scanLiveNotifications(ctx context.Context, rows *sql.Rows, size int) ([]Notification, error) {
	defer rows.Close()
	out := make([]Notification, 0, size)
	kinds := map[string]string{} // one copy of each kind and detail for all the rows
	for rows.Next() {
		var n Notification
		var created int64
		if err := rows.Scan(&n.ID, &n.PersonID, &n.Kind, &n.ActorID, &n.PostID, &n.ReplyID, &n.CommunityID, &n.Detail, &n.Read, &created); err != nil {
			return nil, err
		}
		n.Kind, n.Detail = intern(kinds, n.Kind), intern(kinds, n.Detail)
		n.CreatedAt = toTime(created)
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return out, s.fillNotificationNames(ctx, out)
}

// NotificationTo is a notification's id and recipient, nothing more.
type NotificationTo struct{ ID, PersonID int64 }

// NotificationRecipients lists the ids and recipients of the notifications
// with ids in (afterID, uptoID], oldest first, at most limit, whoever may
// see them: the live broker plans a delivery round with it (it reads the
// rows of people with an open stream, each person's together) and reads
// what they say, checked, with NotificationsByID.
func (s *Store) NotificationRecipients(ctx context.Context, afterID, uptoID int64, limit int) ([]NotificationTo, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, person_id FROM notifications WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3`, afterID, uptoID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]NotificationTo, 0, min(limit, 1000))
	for rows.Next() {
		var n NotificationTo
		if err := rows.Scan(&n.ID, &n.PersonID); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// NotificationsByID returns those of the notifications with the given ids
// that their recipient may see now, by recipient and then id. Permission
// is checked per row for its own recipient, as NotificationsAfter does.
func (s *Store) NotificationsByID(ctx context.Context, ids []int64) ([]Notification, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.r.DB.QueryContext(ctx, `SELECT `+liveNotificationCols+`
		WHERE n.id IN (`+inList(ids)+`) AND `+notificationVisible("n.person_id")+`
		ORDER BY n.person_id, n.id`)
	if err != nil {
		return nil, err
	}
	return s.scanLiveNotifications(ctx, rows, len(ids))
}

func intern(m map[string]string, s string) string {
	if v, ok := m[s]; ok {
		return v
	}
	m[s] = s
	return s
}

// fillNotificationNames fills in the names notifications show: the actor's
// (ActorID is 0 when the actor is not to be named), the post's title, the
// community's slug and name; one query each for all the rows.
func (s *Store) fillNotificationNames(ctx context.Context, ns []Notification) error {
	actors, posts, comms := map[int64]string{}, map[int64]string{}, map[int64][2]string{}
	for _, n := range ns {
		if n.ActorID != 0 {
			actors[n.ActorID] = ""
		}
		if n.PostID != 0 {
			posts[n.PostID] = ""
		}
		if n.CommunityID != 0 {
			comms[n.CommunityID] = [2]string{}
		}
	}
	read := func(table, cols string, ids []int64, scan func(id int64, a, b string)) error {
		if len(ids) == 0 {
			return nil
		}
		rows, err := s.r.DB.QueryContext(ctx, `SELECT id, `+cols+` FROM `+table+` WHERE id IN (`+inList(ids)+`)`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var a, b string
			if err := rows.Scan(&id, &a, &b); err != nil {
				return err
			}
			scan(id, a, b)
		}
		return rows.Err()
	}
	if err := read("people", "name, ''", keys(actors), func(id int64, a, _ string) { actors[id] = a }); err != nil {
		return err
	}
	if err := read("posts", "title, ''", keys(posts), func(id int64, a, _ string) { posts[id] = a }); err != nil {
		return err
	}
	if err := read("communities", "slug, name", keys(comms), func(id int64, a, b string) { comms[id] = [2]string{a, b} }); err != nil {
		return err
	}
	for i := range ns {
		n := &ns[i]
		n.ActorName, n.PostTitle = actors[n.ActorID], posts[n.PostID]
		n.CommunitySlug, n.CommunityName = comms[n.CommunityID][0], comms[n.CommunityID][1]
	}
	return nil
}

func keys[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// UnreadCap is the most unread notifications counted; more show as "99+".
const UnreadCap = 99

// UnreadCount counts a person's unread notifications they may still see, up
// to UnreadCap+1, so the header costs a bounded query on every page.
func (s *Store) UnreadCount(ctx context.Context, personID int64) (int64, error) {
	var n int64
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT n.id`+notificationFrom+`
		WHERE n.person_id = $1 AND n.read_at IS NULL AND `+notificationVisible("$1")+` LIMIT $2) u`, personID, UnreadCap+1).Scan(&n)
	return n, mapErr(err)
}

// MarkRead marks some of a person's notifications read; ids of others are ignored.
func (s *Store) MarkRead(ctx context.Context, personID int64, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := s.w.DB.ExecContext(ctx, `UPDATE notifications SET read_at = $1 WHERE person_id = $2 AND read_at IS NULL AND id IN (`+inList(ids)+`)`,
		now(), personID)
	return mapErr(err)
}

// MarkAllRead marks every notification of a person read.
func (s *Store) MarkAllRead(ctx context.Context, personID int64) error {
	_, err := s.w.ExecContext(ctx, `UPDATE notifications SET read_at = $1 WHERE person_id = $2 AND read_at IS NULL`, now(), personID)
	return mapErr(err)
}

// NotificationGroup is notifications of one kind about one post, shown as
// one line ("3 new answers to …").
type NotificationGroup struct {
	Notification           // the newest
	IDs          []int64   `json:"ids"`
	Count        int       `json:"count"`
	Actors       []string  `json:"actors,omitempty"` // distinct named actors, newest first
	Anonymous    bool      `json:"anonymous_actor"`  // one of them acted anonymously
	Unread       int       `json:"unread"`
	Latest       time.Time `json:"latest"`
}

// GroupNotifications folds a newest-first list into groups, keeping the
// order of each group's newest member. Join requests group per community.
func GroupNotifications(ns []Notification) []NotificationGroup {
	var out []NotificationGroup
	at := map[string]int{}
	for _, n := range ns {
		key := n.Kind + ":" + itoa(n.PostID)
		if n.PostID == 0 {
			key = n.Kind + ":c" + itoa(n.CommunityID)
		}
		if n.Kind == NotifyIdeaStatus {
			key += ":" + itoa(n.ID) // each step of an idea is news of its own
		}
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, NotificationGroup{Notification: n, Latest: n.CreatedAt})
		}
		g := &out[i]
		g.IDs = append(g.IDs, n.ID)
		g.Count++
		if !n.Read {
			g.Unread++
			g.Read = false
		}
		if n.ActorName == "" {
			g.Anonymous = true
		} else if !contains(g.Actors, n.ActorName) {
			g.Actors = append(g.Actors, n.ActorName)
		}
	}
	return out
}

// ActivityEvent is public activity for live pages: no author, only where.
type ActivityEvent struct {
	ID          int64  `json:"id"`
	Kind        string `json:"kind"` // post, answer, comment
	CommunityID int64  `json:"community_id"`
	PostID      int64  `json:"post_id"`
	ReplyID     int64  `json:"reply_id,omitempty"`
}

// ActivityAfter returns the live activity with ids in (afterID, uptoID],
// oldest first, on live posts and replies shown to everyone who may read
// their community: public activity, checked per viewer only by community
// (callers use Readers). Activity on a held or hidden post or reply, or on
// a deleted reply, is never delivered; its author and moderators learn of
// it from their notifications and the moderation queue.
func (s *Store) ActivityAfter(ctx context.Context, afterID, uptoID int64, limit int) ([]ActivityEvent, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT v.id, v.kind, p.community_id, v.post_id, v.reply_id FROM activity v
		JOIN posts p ON p.id = v.post_id WHERE v.id > $1 AND v.id <= $2 AND p.deleted_at IS NULL AND p.moderation = ''
		AND (v.reply_id = 0 OR EXISTS (SELECT 1 FROM replies r WHERE r.id = v.reply_id AND r.deleted_at IS NULL AND r.moderation = ''))
		ORDER BY v.id LIMIT $3`, afterID, uptoID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ActivityEvent
	for rows.Next() {
		var e ActivityEvent
		if err := rows.Scan(&e.ID, &e.Kind, &e.CommunityID, &e.PostID, &e.ReplyID); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// LastEventIDs returns the newest notification and activity ids, where a
// new live stream starts.
func (s *Store) LastEventIDs(ctx context.Context) (notification, activity int64, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT COALESCE((SELECT MAX(id) FROM notifications), 0), COALESCE((SELECT MAX(id) FROM activity), 0)`).
		Scan(&notification, &activity)
	return notification, activity, mapErr(err)
}

// Readers returns which of people may read community communityID now.
func (s *Store) Readers(ctx context.Context, communityID int64, people []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(people) == 0 {
		return out, nil
	}
	var vis string
	if err := s.r.QueryRowContext(ctx, `SELECT visibility FROM communities WHERE id = $1`, communityID).Scan(&vis); err != nil {
		return nil, mapErr(err)
	}
	if vis == VisibilityOpen {
		for _, p := range people {
			out[p] = true
		}
		return out, nil
	}
	return idSet(ctx, s.r.DB, `SELECT person_id FROM memberships WHERE community_id = $1 AND person_id IN (`+inList(people)+`)`, communityID)
}

// mentionsAfterEdit links the mentions of an edited post (replyID 0) or
// reply again and tells the people newly mentioned; no one hears twice.
func (s *Store) mentionsAfterEdit(ctx context.Context, tx *sql.Tx, editorID, postID, replyID int64) error {
	table, id := "posts", postID
	if replyID != 0 {
		table, id = "replies", replyID
	}
	mentioned, err := s.linkMentions(ctx, tx, table, id)
	if err != nil || len(mentioned) == 0 {
		return err
	}
	return notifyWhere(ctx, tx, NotifyMention, editorID, postID, replyID, "",
		`SELECT person_id FROM (`+idList(mentioned)+`) m WHERE person_id NOT IN
			(SELECT person_id FROM notifications WHERE post_id = $3 AND reply_id = $4 AND kind = 'mention')`)
}

// MentionCandidate is someone the composer may offer after @.
type MentionCandidate struct {
	Handle string `json:"handle"`
	Name   string `json:"name"`
}

// MentionCandidates lists active people who can read community communityID
// and whose handle or name starts with prefix — only when the viewer can
// read the community too (a closed member list is no one else's business).
func (s *Store) MentionCandidates(ctx context.Context, v Viewer, communityID int64, prefix string, limit int) ([]MentionCandidate, error) {
	like := likeEscape(strings.ToLower(prefix)) + "%"
	rows, err := s.r.QueryContext(ctx, `SELECT p.email, p.name FROM people p JOIN communities c ON c.id = $2
		WHERE `+visibleTo("c", "$1")+` AND p.deactivated_at IS NULL AND p.id <> $1
		  AND (c.visibility = 'open' OR EXISTS (SELECT 1 FROM memberships m WHERE m.community_id = c.id AND m.person_id = p.id))
		  AND (p.email LIKE $3 ESCAPE '\' OR LOWER(p.name) LIKE $3 ESCAPE '\' OR LOWER(p.name) LIKE $4 ESCAPE '\')
		ORDER BY p.name, p.id LIMIT $5`, v.ID, communityID, like, "% "+like, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []MentionCandidate{}
	for rows.Next() {
		var email, name string
		if err := rows.Scan(&email, &name); err != nil {
			return nil, err
		}
		out = append(out, MentionCandidate{Handle: Handle(email), Name: name})
	}
	return out, rows.Err()
}
