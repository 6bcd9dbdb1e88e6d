package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/tacit-org/tacit/internal/markdown"
)

// What an imported record became: the kind column of the imports table.
// Answers and comments use ReplyAnswer and ReplyComment.
const (
	ImportedPerson   = "person"
	ImportedPost     = "post"
	ImportedAccepted = "accepted" // a question's accepted answer; external id is the question's
)

// ExternalRef names one record of an outside source, such as post 42 of
// beer.stackexchange.com. Score is the source's own vote score, kept beside
// the mapping because Tacit has nothing to count it in.
type ExternalRef struct {
	Source string
	ID     string
	Score  int64
}

// ImportedAuthor is someone whose content comes from an outside source. They
// become a deactivated person without a password, so nobody can sign in as them.
type ImportedAuthor struct {
	Email     string // a placeholder that can never receive mail, such as se-beer-7@import.invalid
	Name      string
	Bio       string
	Language  string
	CreatedAt time.Time // zero means now
}

// ImportedID returns the local id that an imported record became, or
// ErrNotFound when it has not been imported from source.
func (s *Store) ImportedID(ctx context.Context, source, externalID, kind string) (int64, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT local_id FROM imports WHERE source = $1 AND external_id = $2 AND kind = $3 AND local_id <> 0`,
		source, externalID, kind).Scan(&id)
	return id, mapErr(err)
}

// ImportedCommunity returns the community that holds the first post
// imported from source, or ErrNotFound when nothing was imported from it.
func (s *Store) ImportedCommunity(ctx context.Context, source string) (int64, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT p.community_id FROM posts p
		WHERE p.id = (SELECT MIN(local_id) FROM imports WHERE source = $1 AND kind = 'post' AND local_id <> 0)`, source).Scan(&id)
	return id, mapErr(err)
}

// claim reserves ref as kind in the transaction that will create its row, so
// that two imports of the same record cannot both create it. It reports
// fresh=false, with the local id recorded earlier, when the record was
// imported before.
func claim(ctx context.Context, tx *sql.Tx, ref ExternalRef, kind string) (existing int64, fresh bool, err error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO imports (source, external_id, kind, local_id, score, imported_at) VALUES ($1, $2, $3, 0, $4, $5)
		ON CONFLICT DO NOTHING`, ref.Source, ref.ID, kind, ref.Score, now())
	if err != nil {
		return 0, false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return 0, n == 1, err
	}
	err = tx.QueryRowContext(ctx, `SELECT local_id FROM imports WHERE source = $1 AND external_id = $2 AND kind = $3`,
		ref.Source, ref.ID, kind).Scan(&existing)
	return existing, false, err
}

// record completes a claim with the id of the row it became.
func record(ctx context.Context, tx *sql.Tx, ref ExternalRef, kind string, localID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE imports SET local_id = $1 WHERE source = $2 AND external_id = $3 AND kind = $4`,
		localID, ref.Source, ref.ID, kind)
	return err
}

func importTime(t time.Time) int64 {
	if t.IsZero() {
		return now()
	}
	return t.UnixMilli()
}

// ImportAuthor returns the person an outside author became, creating them
// the first time as a deactivated person who cannot sign in. created reports
// whether this call made them. ErrConflict means the placeholder e-mail
// address belongs to someone who was not imported from this source.
func (s *Store) ImportAuthor(ctx context.Context, ref ExternalRef, a ImportedAuthor) (p Person, created bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		id, fresh, err := claim(ctx, tx, ref, ImportedPerson)
		if err != nil {
			return err
		}
		if fresh {
			if a.Language == "" {
				a.Language = "en"
			}
			t := now()
			err := tx.QueryRowContext(ctx, `INSERT INTO people (email, name, language, bio, password_hash, deactivated_at, created_at, updated_at)
				VALUES ($1, $2, $3, $4, '', $5, $6, $5) RETURNING id`,
				NormalizeEmail(a.Email), a.Name, a.Language, a.Bio, t, importTime(a.CreatedAt)).Scan(&id)
			if err != nil {
				return err
			}
			if err := record(ctx, tx, ref, ImportedPerson, id); err != nil {
				return err
			}
		}
		created = fresh
		p, err = scanPerson(tx.QueryRowContext(ctx, `SELECT `+personCols+` FROM people p WHERE p.id = $1`, id))
		return err
	})
	if err != nil {
		return Person{}, false, err
	}
	p.Expertise = []string{}
	return p, created, nil
}

// UpdateImportedAuthor sets the name and bio, and the join date unless it is
// zero, of an author imported earlier, once their details are known. It
// reports false when ref was never imported, nothing changed, or the person
// has since been given a password and is theirs to edit.
func (s *Store) UpdateImportedAuthor(ctx context.Context, ref ExternalRef, a ImportedAuthor) (bool, error) {
	created := int64(-1) // the column is never negative: -1 keeps it
	if !a.CreatedAt.IsZero() {
		created = a.CreatedAt.UnixMilli()
	}
	res, err := s.w.ExecContext(ctx, `UPDATE people SET name = $1, bio = $2, updated_at = $4,
		created_at = CASE WHEN CAST($3 AS BIGINT) < 0 THEN created_at ELSE CAST($3 AS BIGINT) END
		WHERE id = (SELECT local_id FROM imports WHERE source = $5 AND external_id = $6 AND kind = 'person')
		  AND deactivated_at IS NOT NULL AND password_hash = ''
		  AND (name <> $1 OR bio <> $2 OR (CAST($3 AS BIGINT) >= 0 AND created_at <> CAST($3 AS BIGINT)))`,
		a.Name, a.Bio, created, now(), ref.Source, ref.ID)
	if err != nil {
		return false, mapErr(err)
	}
	n, err := res.RowsAffected()
	return n > 0, mapErr(err)
}

// ImportPost creates a post for an outside record unless it was imported
// before, in which case it returns the earlier post's id and created=false.
// The post and its mapping are written in one transaction, so an import that
// stops half-way never leaves one without the other. Unlike CreatePost it
// makes no follow: imported authors cannot sign in to read anything.
func (s *Store) ImportPost(ctx context.Context, ref ExternalRef, np NewPost) (id int64, created bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		existing, fresh, err := claim(ctx, tx, ref, ImportedPost)
		if err != nil || !fresh {
			id = existing
			return err
		}
		status := ""
		if np.Type == TypeIdea {
			status = "new"
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO posts (community_id, author_id, anonymous, type, title, body, body_html, excerpt, language, status, created_at, updated_at, activity_at, source_url)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $11, $12) RETURNING id`,
			np.CommunityID, np.AuthorID, np.Anonymous, np.Type, np.Title, np.Body, markdown.Render(np.Body), markdown.Excerpt(np.Body, 240),
			np.Language, status, importTime(np.CreatedAt), np.SourceURL).Scan(&id)
		if err != nil {
			return err
		}
		if err := setTags(ctx, tx, id, np.Tags); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE communities SET post_count = post_count + 1 WHERE id = $1`, np.CommunityID); err != nil {
			return err
		}
		if err := s.indexPost(ctx, tx, id); err != nil {
			return err
		}
		created = true
		return record(ctx, tx, ref, ImportedPost, id)
	})
	return id, created, err
}

// ImportReply creates an answer or comment for an outside record unless it
// was imported before (then it returns the earlier id and created=false),
// counting it on its post in the same transaction as its mapping. A comment
// on an answer may leave PostID zero: the answer's post is used.
// ErrNotFound means the post or answer replied to is gone.
func (s *Store) ImportReply(ctx context.Context, ref ExternalRef, nr NewReply) (id int64, created bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		existing, fresh, err := claim(ctx, tx, ref, nr.Kind)
		if err != nil || !fresh {
			id = existing
			return err
		}
		var parent any
		if nr.ParentID != 0 {
			var postID int64
			if err := tx.QueryRowContext(ctx, `SELECT post_id FROM replies WHERE id = $1 AND kind = 'answer' AND deleted_at IS NULL`,
				nr.ParentID).Scan(&postID); err != nil {
				return err
			}
			if nr.PostID != 0 && nr.PostID != postID {
				return ErrNotFound
			}
			nr.PostID, parent = postID, nr.ParentID
		}
		t := importTime(nr.CreatedAt)
		if id, err = s.insertReply(ctx, tx, nr, parent, t); err != nil {
			return err
		}
		created = true
		return record(ctx, tx, ref, nr.Kind, id)
	})
	return id, created, err
}

// ImportAccepted marks answerID as the accepted answer of question postID,
// once: ref is the question's record, and a later run (or an acceptance
// withdrawn here since) is left alone, reporting created=false.
// ErrNotFound means the answer is not a live answer to that question.
func (s *Store) ImportAccepted(ctx context.Context, ref ExternalRef, postID, answerID int64) (created bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		_, fresh, err := claim(ctx, tx, ref, ImportedAccepted)
		if err != nil || !fresh {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM replies WHERE id = $1 AND post_id = $2 AND kind = 'answer' AND deleted_at IS NULL`,
			answerID, postID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		res, err := tx.ExecContext(ctx, `UPDATE posts SET accepted_answer_id = $1 WHERE id = $2 AND type = 'question' AND deleted_at IS NULL`, answerID, postID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		created = true
		return record(ctx, tx, ref, ImportedAccepted, answerID)
	})
	return created, err
}
