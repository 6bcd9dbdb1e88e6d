package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Community kinds.
const (
	KindOrganisation = "organisation"
	KindDepartment   = "department"
	KindRole         = "role"
	KindSubject      = "subject"
	KindPainPoint    = "pain_point"
)

// Community visibilities (DESIGN §2).
const (
	VisibilityOpen   = "open"
	VisibilityClosed = "closed"
	VisibilitySecret = "secret"
)

// Member roles.
const (
	RoleOwner     = "owner"
	RoleModerator = "moderator"
	RoleMember    = "member"
)

// Kinds lists the community kinds in display order.
var Kinds = []string{KindOrganisation, KindDepartment, KindRole, KindSubject, KindPainPoint}

// Visibilities lists the visibilities from most to least open.
var Visibilities = []string{VisibilityOpen, VisibilityClosed, VisibilitySecret}

// Roles lists member roles from most to least power.
var Roles = []string{RoleOwner, RoleModerator, RoleMember}

// Community is a place where people share knowledge. The viewer-relative
// fields (MyRole, Requested) are filled for the viewer who read it.
type Community struct {
	ID                 int64     `json:"id"`
	Slug               string    `json:"slug"`
	Name               string    `json:"name"`
	Description        string    `json:"description"`
	Kind               string    `json:"kind"`
	Visibility         string    `json:"visibility"`
	ParentID           int64     `json:"parent_id,omitempty"`
	ParentSlug         string    `json:"parent_slug,omitempty"`
	ParentName         string    `json:"parent_name,omitempty"`
	AnonymousQuestions bool      `json:"anonymous_questions"`
	CodeOfConduct      string    `json:"code_of_conduct"`
	MemberCount        int64     `json:"member_count"`
	PostCount          int64     `json:"post_count"`
	CreatedAt          time.Time `json:"created_at"`
	MyRole             string    `json:"my_role,omitempty"`
	Requested          bool      `json:"join_requested,omitempty"`
}

// CanRead reports whether the viewer of this community may read its content.
func (c Community) CanRead() bool { return c.Visibility == VisibilityOpen || c.MyRole != "" }

// CanModerate reports whether the viewer owns or moderates this community.
func (c Community) CanModerate() bool { return c.MyRole == RoleOwner || c.MyRole == RoleModerator }

// CommunitySettings are the fields set at creation and changed in settings.
type CommunitySettings struct {
	Name               string
	Description        string
	Kind               string
	Visibility         string
	ParentID           int64
	AnonymousQuestions bool
	CodeOfConduct      string
}

// The parent is only shown when the viewer may see it.
var communityCols = `c.id, c.slug, c.name, c.description, c.kind, c.visibility, COALESCE(c.parent_id, 0),
	COALESCE(pc.slug, ''), COALESCE(pc.name, ''), c.anonymous_questions, c.code_of_conduct, c.member_count,
	CASE WHEN ` + visibleTo("c", "$1") + ` THEN c.post_count ELSE 0 END, c.created_at,
	COALESCE((SELECT role FROM memberships m WHERE m.community_id = c.id AND m.person_id = $1), ''),
	EXISTS (SELECT 1 FROM join_requests j WHERE j.community_id = c.id AND j.person_id = $1 AND j.status = 'pending')`

func communityFrom() string {
	return ` FROM communities c LEFT JOIN communities pc ON pc.id = c.parent_id AND ` + listedTo("pc", "$1") + ` `
}

func scanCommunity(row interface{ Scan(...any) error }) (Community, error) {
	var c Community
	var created int64
	err := row.Scan(&c.ID, &c.Slug, &c.Name, &c.Description, &c.Kind, &c.Visibility, &c.ParentID, &c.ParentSlug, &c.ParentName,
		&c.AnonymousQuestions, &c.CodeOfConduct, &c.MemberCount, &c.PostCount, &created, &c.MyRole, &c.Requested)
	c.CreatedAt = toTime(created)
	if c.ParentSlug == "" {
		c.ParentID = 0
	}
	return c, mapErr(err)
}

// CreateCommunity creates a community with its creator as owner.
func (s *Store) CreateCommunity(ctx context.Context, creatorID int64, slug string, cs CommunitySettings) (Community, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var parent any
		if cs.ParentID != 0 {
			parent = cs.ParentID
		}
		t := now()
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO communities (slug, name, description, kind, visibility, parent_id, anonymous_questions, code_of_conduct, member_count, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $10) RETURNING id`,
			slug, cs.Name, cs.Description, cs.Kind, cs.Visibility, parent, cs.AnonymousQuestions, cs.CodeOfConduct, creatorID, t).Scan(&id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO memberships (community_id, person_id, role, created_at) VALUES ($1, $2, 'owner', $3)`, id, creatorID, t); err != nil {
			return err
		}
		return follow(ctx, tx, creatorID, FollowCommunity, fmt.Sprint(id))
	})
	if err != nil {
		return Community{}, err
	}
	return s.CommunityBySlug(ctx, Viewer{ID: creatorID}, slug)
}

// UpdateCommunity changes a community's settings (not its slug).
func (s *Store) UpdateCommunity(ctx context.Context, actorID, id int64, cs CommunitySettings) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var parent any
		if cs.ParentID != 0 {
			parent = cs.ParentID
		}
		res, err := tx.ExecContext(ctx, `UPDATE communities SET name = $1, description = $2, kind = $3, visibility = $4, parent_id = $5,
			anonymous_questions = $6, code_of_conduct = $7, updated_at = $8 WHERE id = $9`,
			cs.Name, cs.Description, cs.Kind, cs.Visibility, parent, cs.AnonymousQuestions, cs.CodeOfConduct, now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return audit(ctx, tx, actorID, "community.update", "community", id, "visibility="+cs.Visibility)
	})
}

// CommunityBySlug returns a community the viewer may know of: a secret one
// is ErrNotFound for non-members, exactly like a slug that never existed.
func (s *Store) CommunityBySlug(ctx context.Context, v Viewer, slug string) (Community, error) {
	return scanCommunity(s.r.QueryRowContext(ctx, `SELECT `+communityCols+communityFrom()+`WHERE c.slug = $2 AND `+listedTo("c", "$1"), v.ID, slug))
}

// CommunityByID is CommunityBySlug by id.
func (s *Store) CommunityByID(ctx context.Context, v Viewer, id int64) (Community, error) {
	return scanCommunity(s.r.QueryRowContext(ctx, `SELECT `+communityCols+communityFrom()+`WHERE c.id = $2 AND `+listedTo("c", "$1"), v.ID, id))
}

// CommunityFilter narrows the community directory.
type CommunityFilter struct {
	Kind     string
	MineOnly bool
}

// Communities returns the directory of communities the viewer may know of, by name.
func (s *Store) Communities(ctx context.Context, v Viewer, f CommunityFilter) ([]Community, error) {
	q := `SELECT ` + communityCols + communityFrom() + `WHERE ` + listedTo("c", "$1") + ` AND ($2 = '' OR c.kind = $2)`
	if f.MineOnly {
		q += ` AND EXISTS (SELECT 1 FROM memberships mm WHERE mm.community_id = c.id AND mm.person_id = $1)`
	}
	q += ` ORDER BY c.name`
	return s.communities(ctx, q, v.ID, f.Kind)
}

func (s *Store) communities(ctx context.Context, q string, args ...any) ([]Community, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Community{}
	for rows.Next() {
		c, err := scanCommunity(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SuggestedCommunities proposes communities the viewer has not joined: those
// of their department, those whose posts carry their expertise tags, and
// those joined by people of the same department, ranked by that evidence.
func (s *Store) SuggestedCommunities(ctx context.Context, v Viewer, limit int) ([]Community, error) {
	// The two counts are each made once, grouped by community, and joined:
	// counted per community in the ORDER BY they read every post of every
	// community, a second at 100,000 posts (docs/benchmarks.md).
	q := `SELECT ` + communityCols + communityFrom() + `
		JOIN people me ON me.id = $1
		LEFT JOIN (SELECT p.community_id AS community_id, COUNT(*) AS n
		           FROM person_expertise pe JOIN post_tags pt ON pt.tag = pe.tag JOIN posts p ON p.id = pt.post_id
		           WHERE pe.person_id = $1 AND p.deleted_at IS NULL GROUP BY p.community_id) ex ON ex.community_id = c.id
		LEFT JOIN (SELECT m2.community_id AS community_id, COUNT(*) AS n
		           FROM people me2 JOIN people o ON o.department = me2.department AND o.id <> me2.id JOIN memberships m2 ON m2.person_id = o.id
		           WHERE me2.id = $1 AND me2.department <> '' GROUP BY m2.community_id) dep ON dep.community_id = c.id
		WHERE c.visibility <> 'secret'
		  AND NOT EXISTS (SELECT 1 FROM memberships mm WHERE mm.community_id = c.id AND mm.person_id = $1)
		ORDER BY
		  (CASE WHEN c.kind = 'department' AND me.department <> '' AND (LOWER(c.name) = LOWER(me.department) OR LOWER(c.name) LIKE LOWER(me.department) || ' %') THEN 100 ELSE 0 END)
		  + 5 * COALESCE(ex.n, 0) + 10 * COALESCE(dep.n, 0) DESC,
		  c.member_count DESC, c.name
		LIMIT $2`
	return s.communities(ctx, q, v.ID, limit)
}

// Member is one person's membership of a community.
type Member struct {
	Person   Person    `json:"person"`
	Role     string    `json:"role"`
	JoinedAt time.Time `json:"joined_at"`
}

// Members lists a community's members, owners and moderators first. Callers
// must already have checked that the viewer may read the community.
func (s *Store) Members(ctx context.Context, communityID int64, limit int) ([]Member, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+personCols+`, m.role, m.created_at FROM memberships m JOIN people p ON p.id = m.person_id
		WHERE m.community_id = $1
		ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'moderator' THEN 1 ELSE 2 END, p.name LIMIT $2`, communityID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		var deact sql.NullInt64
		var created, joined int64
		p := &m.Person
		if err := rows.Scan(&p.ID, &p.Email, &p.Name, &p.Department, &p.Title, &p.Language, &p.Bio, &p.Admin, &deact, &created, &m.Role, &joined); err != nil {
			return nil, err
		}
		p.Deactivated, p.CreatedAt, m.JoinedAt = deact.Valid, toTime(created), toTime(joined)
		p.Expertise = []string{}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.fillExpertise(ctx, out)
}

// fillExpertise reads the expertise tags of the members in one query.
func (s *Store) fillExpertise(ctx context.Context, ms []Member) error {
	if len(ms) == 0 {
		return nil
	}
	ids := make([]string, len(ms))
	at := map[int64]int{}
	for i, m := range ms {
		ids[i], at[m.Person.ID] = itoa(m.Person.ID), i
	}
	// The ids are integers formatted here, never user text.
	rows, err := s.r.DB.QueryContext(ctx, `SELECT person_id, tag FROM person_expertise WHERE person_id IN (`+strings.Join(ids, ",")+`) ORDER BY tag`)
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
		p := &ms[at[id]].Person
		p.Expertise = append(p.Expertise, tag)
	}
	return rows.Err()
}

// ErrNotAllowed means the action is not open to this person (for example joining a closed community directly).
var ErrNotAllowed = errors.New("store: not allowed")

// ErrLastOwner means the action would leave a community without an owner.
var ErrLastOwner = errors.New("store: a community needs an owner")

// Join adds a person to an open community as a member.
func (s *Store) Join(ctx context.Context, personID, communityID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var vis string
		if err := tx.QueryRowContext(ctx, `SELECT visibility FROM communities WHERE id = $1`, communityID).Scan(&vis); err != nil {
			return err
		}
		if vis == VisibilitySecret {
			// A secret community does not exist for those outside it; its
			// members need no joining. Either way: as if there were none.
			return ErrNotFound
		}
		if vis != VisibilityOpen {
			return ErrNotAllowed
		}
		_, err := addMember(ctx, tx, communityID, personID, RoleMember)
		return err
	})
}

// addMember inserts a membership unless there is one; it keeps the member
// count equal to the rows and makes the member follow the community.
func addMember(ctx context.Context, tx *sql.Tx, communityID, personID int64, role string) (bool, error) {
	if err := checkNotBanned(ctx, tx, communityID, personID); err != nil {
		return false, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO memberships (community_id, person_id, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
		communityID, personID, role, now())
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE communities SET member_count = member_count + 1 WHERE id = $1`, communityID); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE join_requests SET status = 'approved', decided_at = $1 WHERE community_id = $2 AND person_id = $3 AND status = 'pending'`,
		now(), communityID, personID); err != nil {
		return false, err
	}
	return true, follow(ctx, tx, personID, FollowCommunity, fmt.Sprint(communityID))
}

// AddMember adds (or invites into) a community on a moderator's say, or
// changes the role of an existing member. The actor is recorded in the audit log.
func (s *Store) AddMember(ctx context.Context, actorID, communityID, personID int64, role string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		added, err := addMember(ctx, tx, communityID, personID, role)
		if err != nil {
			return err
		}
		if !added {
			if err := setRole(ctx, tx, communityID, personID, role); err != nil {
				return err
			}
		}
		return auditRecord(ctx, tx, auditRow{actorID: actorID, action: "member.add", kind: "community", objectID: communityID,
			communityID: communityID, personID: personID, detail: "role=" + role})
	})
}

func setRole(ctx context.Context, tx *sql.Tx, communityID, personID int64, role string) error {
	var current string
	if err := tx.QueryRowContext(ctx, `SELECT role FROM memberships WHERE community_id = $1 AND person_id = $2`, communityID, personID).Scan(&current); err != nil {
		return err
	}
	if current == RoleOwner && role != RoleOwner {
		if err := needAnotherOwner(ctx, tx, communityID, personID); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE memberships SET role = $1 WHERE community_id = $2 AND person_id = $3`, role, communityID, personID)
	return err
}

func needAnotherOwner(ctx context.Context, tx *sql.Tx, communityID, personID int64) error {
	// Lock the community row first so that two owners stepping down at once
	// are counted one after the other (PostgreSQL runs them concurrently).
	if _, err := tx.ExecContext(ctx, `UPDATE communities SET member_count = member_count WHERE id = $1`, communityID); err != nil {
		return err
	}
	var others int64
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM memberships WHERE community_id = $1 AND role = 'owner' AND person_id <> $2`, communityID, personID).Scan(&others); err != nil {
		return err
	}
	if others == 0 {
		return ErrLastOwner
	}
	return nil
}

// SetRole changes a member's role.
func (s *Store) SetRole(ctx context.Context, actorID, communityID, personID int64, role string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := setRole(ctx, tx, communityID, personID, role); err != nil {
			return err
		}
		return auditRecord(ctx, tx, auditRow{actorID: actorID, action: "member.role", kind: "community", objectID: communityID,
			communityID: communityID, personID: personID, detail: "role=" + role})
	})
}

// Leave removes a person from a community; the last owner cannot leave.
// A removed member loses read access at once, because access is checked on every read.
func (s *Store) Leave(ctx context.Context, actorID, communityID, personID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var role string
		if err := tx.QueryRowContext(ctx, `SELECT role FROM memberships WHERE community_id = $1 AND person_id = $2`, communityID, personID).Scan(&role); err != nil {
			return err
		}
		if role == RoleOwner {
			if err := needAnotherOwner(ctx, tx, communityID, personID); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM memberships WHERE community_id = $1 AND person_id = $2`, communityID, personID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound // a concurrent Leave removed the row first; count it once
		}
		if _, err := tx.ExecContext(ctx, `UPDATE communities SET member_count = member_count - 1 WHERE id = $1`, communityID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM follows WHERE person_id = $1 AND target_kind = 'community' AND target = $2`, personID, fmt.Sprint(communityID)); err != nil {
			return err
		}
		if actorID != personID {
			return auditRecord(ctx, tx, auditRow{actorID: actorID, action: "member.remove", kind: "community", objectID: communityID,
				communityID: communityID, personID: personID})
		}
		return nil
	})
}

// JoinRequest is a request to join a closed community.
type JoinRequest struct {
	ID        int64     `json:"id"`
	Person    Person    `json:"person"`
	Message   string    `json:"message"`
	Status    string    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
}

// RequestJoin asks to join a closed community. A secret community cannot be
// asked for: it does not exist for non-members.
func (s *Store) RequestJoin(ctx context.Context, personID, communityID int64, message string) error {
	return s.txRing(ctx, func(tx *sql.Tx) error {
		var vis string
		if err := tx.QueryRowContext(ctx, `SELECT visibility FROM communities WHERE id = $1`, communityID).Scan(&vis); err != nil {
			return err
		}
		if vis == VisibilitySecret {
			return ErrNotFound // as if there were none, like every answer about a secret community
		}
		if vis != VisibilityClosed {
			return ErrNotAllowed
		}
		var member int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM memberships WHERE community_id = $1 AND person_id = $2`, communityID, personID).Scan(&member); err != nil {
			return err
		}
		if member > 0 {
			return ErrConflict
		}
		if err := checkNotBanned(ctx, tx, communityID, personID); err != nil {
			return err
		}
		// Asking again while a request is pending keeps its message and
		// place in the queue unless a new message is given.
		_, err := tx.ExecContext(ctx, `INSERT INTO join_requests (community_id, person_id, message, status, created_at) VALUES ($1, $2, $3, 'pending', $4)
			ON CONFLICT (community_id, person_id) DO UPDATE SET
			  message = CASE WHEN join_requests.status = 'pending' AND excluded.message = '' THEN join_requests.message ELSE excluded.message END,
			  created_at = CASE WHEN join_requests.status = 'pending' THEN join_requests.created_at ELSE excluded.created_at END,
			  status = 'pending', decided_at = NULL, decided_by = NULL`,
			communityID, personID, message, now())
		if err != nil {
			return err
		}
		return notifyJoinRequest(ctx, tx, personID, communityID)
	})
}

// JoinRequests lists the pending requests of a community, oldest first.
func (s *Store) JoinRequests(ctx context.Context, communityID int64) ([]JoinRequest, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT j.id, j.message, j.status, j.created_at, `+personCols+` FROM join_requests j JOIN people p ON p.id = j.person_id
		WHERE j.community_id = $1 AND j.status = 'pending' ORDER BY j.created_at, j.id`, communityID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []JoinRequest
	for rows.Next() {
		var j JoinRequest
		var c, created int64
		var deact sql.NullInt64
		p := &j.Person
		if err := rows.Scan(&j.ID, &j.Message, &j.Status, &c, &p.ID, &p.Email, &p.Name, &p.Department, &p.Title, &p.Language, &p.Bio, &p.Admin, &deact, &created); err != nil {
			return nil, err
		}
		j.CreatedAt, p.CreatedAt, p.Deactivated = toTime(c), toTime(created), deact.Valid
		out = append(out, j)
	}
	return out, rows.Err()
}

// DecideJoinRequest approves (adding the member) or declines a pending request of this community.
func (s *Store) DecideJoinRequest(ctx context.Context, actorID, communityID, requestID int64, approve bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var personID int64
		err := tx.QueryRowContext(ctx, `SELECT person_id FROM join_requests WHERE id = $1 AND community_id = $2 AND status = 'pending'`, requestID, communityID).Scan(&personID)
		if err != nil {
			return err
		}
		status := "declined"
		if approve {
			status = "approved"
		}
		res, err := tx.ExecContext(ctx, `UPDATE join_requests SET status = $1, decided_by = $2, decided_at = $3 WHERE id = $4 AND status = 'pending'`, status, actorID, now(), requestID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound // decided concurrently by someone else
		}
		if approve {
			if _, err := addMember(ctx, tx, communityID, personID, RoleMember); err != nil {
				return err
			}
		}
		return auditRecord(ctx, tx, auditRow{actorID: actorID, action: "join_request." + status, kind: "community", objectID: communityID,
			communityID: communityID, personID: personID})
	})
}

// CommunityIDBySlugUnchecked resolves a slug without a viewer; only for the
// command line and the importer, which act as the operator.
func (s *Store) CommunityIDBySlugUnchecked(ctx context.Context, slug string) (int64, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM communities WHERE slug = $1`, slug).Scan(&id)
	return id, mapErr(err)
}
