package store

import (
	"context"
	"database/sql"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// AuditEntry is one recorded admin or moderator action, with the names of
// who did it and what it was done to. An entry never names the author of
// anonymous content: actions by that author on their own anonymous content
// are recorded without an actor.
type AuditEntry struct {
	ID            int64     `json:"id"`
	ActorID       int64     `json:"actor_id"`   // 0 for the system (setup, the command line) or an anonymous author
	ActorName     string    `json:"actor_name"` // "" when ActorID is 0
	Action        string    `json:"action"`
	ObjectKind    string    `json:"object_kind"`
	ObjectID      int64     `json:"object_id"`
	ObjectName    string    `json:"object_name"` // a post's title, a community's or person's name
	CommunityID   int64     `json:"community_id,omitempty"`
	CommunityName string    `json:"community_name,omitempty"`
	PersonID      int64     `json:"person_id,omitempty"` // the person acted on, for member actions
	PersonName    string    `json:"person_name,omitempty"`
	Detail        string    `json:"detail"` // the reason given, or what changed
	CreatedAt     time.Time `json:"created_at"`
}

// auditRow is an action to record.
type auditRow struct {
	actorID     int64
	action      string
	kind        string
	objectID    int64
	communityID int64
	personID    int64
	detail      string
}

// audit records an action inside the transaction that performs it, so the
// log never disagrees with the data.
func audit(ctx context.Context, tx *sql.Tx, actorID int64, action, kind string, objectID int64, detail string) error {
	r := auditRow{actorID: actorID, action: action, kind: kind, objectID: objectID, detail: detail}
	switch kind {
	case "community":
		r.communityID = objectID
	case "person":
		r.personID = objectID
	}
	return auditRecord(ctx, tx, r)
}

func auditRecord(ctx context.Context, tx *sql.Tx, r auditRow) error {
	var actor any = r.actorID
	if r.actorID == 0 {
		actor = nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (actor_id, action, object_kind, object_id, community_id, person_id, detail, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		actor, r.action, r.kind, r.objectID, r.communityID, r.personID, truncate(r.detail, 1000), now())
	return err
}

// auditPost records an action on a post (replyID 0) or one of its replies.
// When the actor is the anonymous author of that content — a moderator
// tidying their own anonymous question — the entry has no actor, so the
// log cannot unmask them (DESIGN §3 rule 4).
func auditPost(ctx context.Context, tx *sql.Tx, actorID int64, action string, postID, replyID int64, detail string) error {
	var communityID, authorID int64
	var anonymous bool
	if err := tx.QueryRowContext(ctx, `SELECT community_id, author_id, anonymous FROM posts WHERE id = $1`, postID).Scan(&communityID, &authorID, &anonymous); err != nil {
		return err
	}
	contentAuthor := authorID
	if replyID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT author_id FROM replies WHERE id = $1`, replyID).Scan(&contentAuthor); err != nil {
			return err
		}
	}
	if anonymous && actorID == authorID && contentAuthor == authorID {
		actorID = 0
	}
	r := auditRow{actorID: actorID, action: action, kind: "post", objectID: postID, communityID: communityID, detail: detail}
	if replyID != 0 {
		r.kind, r.objectID = "reply", replyID
	}
	return auditRecord(ctx, tx, r)
}

// AuditFilter selects audit entries. Zero fields do not filter.
type AuditFilter struct {
	// Viewer is whose eyes read the log. An organisation admin has no silent
	// access (DESIGN §3 rule 1): an entry in a community the viewer may not
	// read keeps its action, time and people, but loses everything of the
	// community (post titles, reasons, the object) and, for a secret
	// community, its name and id too. The zero Viewer reads open communities only.
	Viewer   Viewer
	Action   string    // exact action, or a prefix ending in "." such as "member."
	ActorID  int64     // -1 selects entries without an actor (the system)
	From, To time.Time // created at or after From, before To
	BeforeID int64     // keyset: entries older than this id
	Limit    int       // 0 means no limit (exports)
}

// auditQuery builds the audit-log query. Object names come from the rows
// they name: a post's title (never its author), a reply's post title, each
// only where the viewer may read the post's community now (a post may have
// moved since).
func auditQuery(f AuditFilter) (string, []any) {
	var where []string
	var args []any
	arg := func(x any) string {
		args = append(args, x)
		return "$" + strconv.Itoa(len(args))
	}
	v := arg(f.Viewer.ID)
	// readable: the entry has no community, or the viewer may read it.
	readable := `(c.id IS NULL OR ` + visibleTo("c", v) + `)`
	listed := `(c.id IS NULL OR ` + listedTo("c", v) + `)`
	if f.Action != "" {
		if strings.HasSuffix(f.Action, ".") {
			where = append(where, "a.action LIKE "+arg(f.Action+"%"))
		} else {
			where = append(where, "a.action = "+arg(f.Action))
		}
	}
	switch {
	case f.ActorID > 0:
		where = append(where, "a.actor_id = "+arg(f.ActorID))
	case f.ActorID < 0:
		where = append(where, "a.actor_id IS NULL")
	}
	if !f.From.IsZero() {
		where = append(where, "a.created_at >= "+arg(f.From.UnixMilli()))
	}
	if !f.To.IsZero() {
		where = append(where, "a.created_at < "+arg(f.To.UnixMilli()))
	}
	if f.BeforeID > 0 {
		where = append(where, "a.id < "+arg(f.BeforeID))
	}
	q := `SELECT a.id, COALESCE(a.actor_id, 0), COALESCE(ap.name, ''), a.action, a.object_kind,
		CASE WHEN ` + readable + ` OR a.object_kind NOT IN ('post', 'reply', 'community') THEN a.object_id ELSE 0 END,
		CASE WHEN ` + readable + ` THEN COALESCE(CASE a.object_kind
			WHEN 'post' THEN (SELECT op.title FROM posts op JOIN communities oc ON oc.id = op.community_id
				WHERE op.id = a.object_id AND ` + visibleTo("oc", v) + `)
			WHEN 'reply' THEN (SELECT op.title FROM replies r JOIN posts op ON op.id = r.post_id JOIN communities oc ON oc.id = op.community_id
				WHERE r.id = a.object_id AND ` + visibleTo("oc", v) + `)
			WHEN 'community' THEN (SELECT name FROM communities WHERE id = a.object_id)
			WHEN 'person' THEN (SELECT name FROM people WHERE id = a.object_id)
		END, '') WHEN a.object_kind = 'person' THEN COALESCE((SELECT name FROM people WHERE id = a.object_id), '') ELSE '' END,
		CASE WHEN ` + listed + ` THEN a.community_id ELSE 0 END, CASE WHEN ` + listed + ` THEN COALESCE(c.name, '') ELSE '' END,
		a.person_id, COALESCE(pp.name, ''), CASE WHEN ` + readable + ` THEN a.detail ELSE '' END, a.created_at
		FROM audit_log a LEFT JOIN people ap ON ap.id = a.actor_id
		LEFT JOIN communities c ON c.id = a.community_id LEFT JOIN people pp ON pp.id = a.person_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY a.id DESC"
	if f.Limit > 0 {
		q += " LIMIT " + arg(f.Limit)
	}
	return q, args
}

// AuditLog returns entries newest first.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	var out []AuditEntry
	err := s.EachAudit(ctx, f, func(e AuditEntry) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

// EachAudit calls fn for every selected entry, newest first, reading them
// one at a time, so an export of the whole log streams.
func (s *Store) EachAudit(ctx context.Context, f AuditFilter, fn func(AuditEntry) error) error {
	q, args := auditQuery(f)
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e AuditEntry
		var c int64
		if err := rows.Scan(&e.ID, &e.ActorID, &e.ActorName, &e.Action, &e.ObjectKind, &e.ObjectID, &e.ObjectName,
			&e.CommunityID, &e.CommunityName, &e.PersonID, &e.PersonName, &e.Detail, &c); err != nil {
			return err
		}
		e.CreatedAt = toTime(c)
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// AuditActors lists the people who appear as actors in the log, for the filter.
func (s *Store) AuditActors(ctx context.Context) ([]Person, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT p.id, p.name FROM people p WHERE p.id IN (SELECT DISTINCT actor_id FROM audit_log WHERE actor_id IS NOT NULL) ORDER BY p.name LIMIT 1000`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Person
	for rows.Next() {
		var p Person
		if err := rows.Scan(&p.ID, &p.Name); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ParseAuditFilter reads the filters of the audit page and API from a
// query: action, actor (a person id, or "system"), from and to (dates as
// 2006-01-02, to inclusive). Bad values are field errors.
func ParseAuditFilter(q url.Values) (AuditFilter, FieldErrors) {
	var f AuditFilter
	fe := FieldErrors{}
	if a := strings.TrimSpace(q.Get("action")); a != "" {
		if len(a) > 64 {
			fe["action"] = "error.audit_action"
		}
		f.Action = a
	}
	switch a := q.Get("actor"); a {
	case "":
	case "system":
		f.ActorID = -1
	default:
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id <= 0 {
			fe["actor"] = "error.audit_actor"
		}
		f.ActorID = id
	}
	for _, k := range []string{"from", "to"} {
		v := q.Get(k)
		if v == "" {
			continue
		}
		d, err := time.ParseInLocation("2006-01-02", v, time.UTC)
		if err != nil {
			fe[k] = "error.audit_date"
			continue
		}
		if k == "from" {
			f.From = d
		} else {
			f.To = d.AddDate(0, 0, 1)
		}
	}
	return f, fe
}
