package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Person is someone in the organisation.
type Person struct {
	ID          int64     `json:"id"`
	Email       string    `json:"email"`
	Name        string    `json:"name"`
	Department  string    `json:"department"`
	Title       string    `json:"title"`
	Language    string    `json:"language"`
	Bio         string    `json:"bio"`
	Admin       bool      `json:"admin"`
	Expertise   []string  `json:"expertise"`
	Deactivated bool      `json:"deactivated"`
	CreatedAt   time.Time `json:"created_at"`
}

// NewPerson holds what it takes to create a person.
type NewPerson struct {
	Email        string
	Name         string
	Department   string
	Title        string
	Language     string
	Admin        bool
	PasswordHash string
	Expertise    []string
}

// Profile holds the fields a person edits on their own profile.
type Profile struct {
	Name       string
	Department string
	Title      string
	Language   string
	Bio        string
	Expertise  []string
}

const personCols = `p.id, p.email, p.name, p.department, p.title, p.language, p.bio, p.is_admin, p.deactivated_at, p.created_at`

func scanPerson(row interface{ Scan(...any) error }) (Person, error) {
	var p Person
	var deact sql.NullInt64
	var created int64
	err := row.Scan(&p.ID, &p.Email, &p.Name, &p.Department, &p.Title, &p.Language, &p.Bio, &p.Admin, &deact, &created)
	p.Deactivated = deact.Valid
	p.CreatedAt = toTime(created)
	return p, mapErr(err)
}

// NormalizeEmail is the one form in which e-mail addresses are stored and compared.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// CreatePerson adds a person; ErrConflict when the e-mail address is taken.
func (s *Store) CreatePerson(ctx context.Context, np NewPerson) (Person, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = createPerson(ctx, tx, np)
		return err
	})
	if err != nil {
		return Person{}, err
	}
	return s.PersonByID(ctx, id)
}

func createPerson(ctx context.Context, tx *sql.Tx, np NewPerson) (int64, error) {
	if np.Language == "" {
		np.Language = "sv"
	}
	t := now()
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO people (email, name, department, title, language, is_admin, password_hash, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
		NormalizeEmail(np.Email), np.Name, np.Department, np.Title, np.Language, np.Admin, np.PasswordHash, t).Scan(&id)
	if err != nil {
		return 0, mapErr(err)
	}
	return id, setExpertise(ctx, tx, id, np.Expertise)
}

func setExpertise(ctx context.Context, tx *sql.Tx, personID int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM person_expertise WHERE person_id = $1`, personID); err != nil {
		return err
	}
	for _, tag := range tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO person_expertise (person_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING`, personID, tag); err != nil {
			return err
		}
	}
	return nil
}

// PersonByID returns a person with their expertise tags.
func (s *Store) PersonByID(ctx context.Context, id int64) (Person, error) {
	p, err := scanPerson(s.r.QueryRowContext(ctx, `SELECT `+personCols+` FROM people p WHERE p.id = $1`, id))
	if err != nil {
		return Person{}, err
	}
	p.Expertise, err = s.expertise(ctx, id)
	return p, err
}

// PersonByEmail returns the person with this e-mail address.
func (s *Store) PersonByEmail(ctx context.Context, email string) (Person, error) {
	p, err := scanPerson(s.r.QueryRowContext(ctx, `SELECT `+personCols+` FROM people p WHERE p.email = $1`, NormalizeEmail(email)))
	if err != nil {
		return Person{}, err
	}
	p.Expertise, err = s.expertise(ctx, p.ID)
	return p, err
}

// PasswordHash returns the stored password hash of an active person, for sign-in.
func (s *Store) PasswordHash(ctx context.Context, email string) (id int64, hash string, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT id, password_hash FROM people WHERE email = $1 AND deactivated_at IS NULL`,
		NormalizeEmail(email)).Scan(&id, &hash)
	return id, hash, mapErr(err)
}

func (s *Store) expertise(ctx context.Context, id int64) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT tag FROM person_expertise WHERE person_id = $1 ORDER BY tag`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	tags := []string{}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		tags = append(tags, t)
	}
	return tags, rows.Err()
}

// UpdateProfile saves the fields a person edits about themself.
func (s *Store) UpdateProfile(ctx context.Context, id int64, pr Profile) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE people SET name = $1, department = $2, title = $3, language = $4, bio = $5, updated_at = $6 WHERE id = $7`,
			pr.Name, pr.Department, pr.Title, pr.Language, pr.Bio, now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return setExpertise(ctx, tx, id, pr.Expertise)
	})
}

// SetLanguage changes only a person's interface language.
func (s *Store) SetLanguage(ctx context.Context, id int64, lang string) error {
	_, err := s.w.ExecContext(ctx, `UPDATE people SET language = $1, updated_at = $2 WHERE id = $3`, lang, now(), id)
	return mapErr(err)
}

// SetPassword replaces a person's password hash and ends their other sessions.
func (s *Store) SetPassword(ctx context.Context, id int64, hash string, keepSessionID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE people SET password_hash = $1, updated_at = $2 WHERE id = $3`, hash, now(), id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE person_id = $1 AND id <> $2`, id, keepSessionID)
		return err
	})
}

// SetAdmin grants or removes organisation admin rights and records who did it.
func (s *Store) SetAdmin(ctx context.Context, actorID, id int64, admin bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE people SET is_admin = $1, updated_at = $2 WHERE id = $3`, admin, now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return audit(ctx, tx, actorID, fmt.Sprintf("person.admin=%t", admin), "person", id, "")
	})
}

// Deactivate stops a person from signing in; their content stays, their sessions and tokens die at once.
func (s *Store) Deactivate(ctx context.Context, actorID, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		t := now()
		res, err := tx.ExecContext(ctx, `UPDATE people SET deactivated_at = $1, updated_at = $1 WHERE id = $2 AND deactivated_at IS NULL`, t, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE person_id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL`, t, id); err != nil {
			return err
		}
		return audit(ctx, tx, actorID, "person.deactivate", "person", id, "")
	})
}

// Reactivate lets a deactivated person sign in again.
func (s *Store) Reactivate(ctx context.Context, actorID, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE people SET deactivated_at = NULL, updated_at = $1 WHERE id = $2 AND deactivated_at IS NOT NULL`, now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return audit(ctx, tx, actorID, "person.reactivate", "person", id, "")
	})
}

// ListPeople returns people ordered by name, for the admin pages and mention lists.
// prefix, when set, matches the start of the name or e-mail address.
func (s *Store) ListPeople(ctx context.Context, prefix string, after string, limit int) ([]Person, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	rows, err := s.r.QueryContext(ctx, `SELECT `+personCols+` FROM people p
		WHERE ($1 = '' OR LOWER(p.name) LIKE $2 ESCAPE '\' OR p.email LIKE $2 ESCAPE '\') AND p.name > $3
		ORDER BY p.name LIMIT $4`, prefix, likePrefix(prefix), after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CountPeople returns how many active people there are.
func (s *Store) CountPeople(ctx context.Context) (int64, error) {
	var n int64
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM people WHERE deactivated_at IS NULL`).Scan(&n)
	return n, mapErr(err)
}

// likePrefix escapes LIKE wildcards so user text matches literally
// (with ESCAPE '\' in the query): "first_l" finds first_last@….
func likePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}

// PersonStats are the counters on a profile, counted over what the viewer may see.
type PersonStats struct {
	Posts           int64 `json:"posts"`
	Answers         int64 `json:"answers"`
	AcceptedAnswers int64 `json:"accepted_answers"`
	HelpedMe        int64 `json:"helped_me"`
}

// Stats counts a person's named (never anonymous) contributions in communities the viewer can see.
// The asker's own replies in an anonymous thread are anonymous too, so they do not count.
func (s *Store) Stats(ctx context.Context, v Viewer, personID int64) (PersonStats, error) {
	var st PersonStats
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM posts p JOIN communities c ON c.id = p.community_id
		  WHERE p.author_id = $1 AND NOT p.anonymous AND p.deleted_at IS NULL AND p.moderation = '' AND `+visibleTo("c", "$2")+`),
		(SELECT COUNT(*) FROM replies r JOIN posts p ON p.id = r.post_id JOIN communities c ON c.id = p.community_id
		  WHERE r.author_id = $1 AND r.kind = 'answer' AND r.deleted_at IS NULL AND r.moderation = '' AND NOT (p.anonymous AND p.author_id = r.author_id) AND p.deleted_at IS NULL AND p.moderation = '' AND `+visibleTo("c", "$2")+`),
		(SELECT COUNT(*) FROM replies r JOIN posts p ON p.id = r.post_id JOIN communities c ON c.id = p.community_id
		  WHERE r.author_id = $1 AND p.accepted_answer_id = r.id AND r.deleted_at IS NULL AND r.moderation = '' AND NOT (p.anonymous AND p.author_id = r.author_id) AND p.deleted_at IS NULL AND p.moderation = '' AND `+visibleTo("c", "$2")+`),
		(SELECT COALESCE(SUM(r.helped_count), 0) FROM replies r JOIN posts p ON p.id = r.post_id JOIN communities c ON c.id = p.community_id
		  WHERE r.author_id = $1 AND r.deleted_at IS NULL AND r.moderation = '' AND NOT (p.anonymous AND p.author_id = r.author_id) AND p.deleted_at IS NULL AND p.moderation = '' AND `+visibleTo("c", "$2")+`)
		+ (SELECT COALESCE(SUM(p.helped_count), 0) FROM posts p JOIN communities c ON c.id = p.community_id
		  WHERE p.author_id = $1 AND NOT p.anonymous AND p.deleted_at IS NULL AND p.moderation = '' AND `+visibleTo("c", "$2")+`)`,
		personID, v.ID).Scan(&st.Posts, &st.Answers, &st.AcceptedAnswers, &st.HelpedMe)
	return st, mapErr(err)
}
