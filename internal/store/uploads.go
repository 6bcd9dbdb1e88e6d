package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Upload kinds.
const (
	KindImage = "image"
	KindVideo = "video"
	KindPDF   = "pdf"
)

// Job kinds that uploads cause.
const (
	JobMediaProcess = "media.process" // thumbnails and poster frames
	JobMediaOrphan  = "media.orphan"  // removes an upload never attached
	JobMediaRemove  = "media.remove"  // removes the bytes of files whose rows are gone
)

// MaxAttachments is how many files one post or reply may carry.
const MaxAttachments = 10

// Upload is a stored file as one viewer may see it. It carries no trace of
// who uploaded it: an attachment of an anonymous post must not name its
// author (DESIGN §3 rule 4), so the uploader is only compared inside queries.
type Upload struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	Width       int       `json:"width,omitempty"`
	Height      int       `json:"height,omitempty"`
	DurationMS  int64     `json:"duration_ms,omitempty"`
	PostID      int64     `json:"-"`
	ReplyID     int64     `json:"-"`
	Attached    bool      `json:"attached"`
	Processed   bool      `json:"processed"`
	CreatedAt   time.Time `json:"created_at"`
	BlobKey     string    `json:"-"`
	ThumbKey    string    `json:"-"`
	PosterKey   string    `json:"-"`
}

// NewUpload is a file already written to the blob store.
type NewUpload struct {
	UploaderID  int64
	Kind        string
	ContentType string
	Size        int64
	BlobKey     string
	Width       int
	Height      int
	DurationMS  int64
	OrphanAfter time.Duration // when to remove it if it is never attached
}

const uploadCols = `u.id, u.kind, u.content_type, u.size, u.width, u.height, u.duration_ms,
	COALESCE(u.post_id, 0), COALESCE(u.reply_id, 0), u.processed_at IS NOT NULL, u.created_at, u.blob_key, u.thumb_key, u.poster_key`

func scanUpload(row interface{ Scan(...any) error }) (Upload, error) {
	var u Upload
	var created int64
	err := row.Scan(&u.ID, &u.Kind, &u.ContentType, &u.Size, &u.Width, &u.Height, &u.DurationMS,
		&u.PostID, &u.ReplyID, &u.Processed, &created, &u.BlobKey, &u.ThumbKey, &u.PosterKey)
	u.CreatedAt, u.Attached = toTime(created), u.PostID != 0
	return u, mapErr(err)
}

// CreateUpload records a file whose bytes are already durable in the blob
// store, and queues its processing and its orphan check in the same
// transaction, so neither can be lost.
func (s *Store) CreateUpload(ctx context.Context, nu NewUpload) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		t := now()
		err := tx.QueryRowContext(ctx, `INSERT INTO uploads (uploader_id, kind, content_type, size, blob_key, width, height, duration_ms, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			nu.UploaderID, nu.Kind, nu.ContentType, nu.Size, nu.BlobKey, nu.Width, nu.Height, nu.DurationMS, t).Scan(&id)
		if err != nil {
			return err
		}
		payload := fmt.Sprintf(`{"upload":%d}`, id)
		if _, err := enqueueJob(ctx, tx, NewJob{Kind: JobMediaProcess, Payload: payload, DedupKey: "media.process:" + itoa(id), MaxAttempts: 3}); err != nil {
			return err
		}
		after := nu.OrphanAfter
		if after <= 0 {
			after = 6 * time.Hour
		}
		_, err = enqueueJob(ctx, tx, NewJob{Kind: JobMediaOrphan, Payload: payload, DedupKey: "media.orphan:" + itoa(id), RunAt: toTime(t).Add(after)})
		return err
	})
	return id, err
}

// uploadVisible is the rule for files, in SQL: an unattached upload only to
// its uploader; an attached one exactly when the live post (and reply) it
// belongs to is readable by the viewer bound at $1 — checked at every read.
const uploadVisible = `((u.post_id IS NULL AND u.uploader_id = $1) OR EXISTS (
	SELECT 1 FROM posts p JOIN communities c ON c.id = p.community_id
	WHERE p.id = u.post_id AND p.deleted_at IS NULL AND ` + `%s` + `
	  AND (u.reply_id IS NULL OR EXISTS (SELECT 1 FROM replies r WHERE r.id = u.reply_id AND r.deleted_at IS NULL))))`

var uploadVisibleSQL = fmt.Sprintf(uploadVisible, visibleTo("c", "$1"))

// Upload returns a file if the viewer may see it now; otherwise ErrNotFound,
// exactly as for an id that never existed.
func (s *Store) Upload(ctx context.Context, v Viewer, id int64) (Upload, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+uploadCols+` FROM uploads u WHERE u.id = $2 AND `+uploadVisibleSQL, v.ID, id)
	return scanUpload(row)
}

// UploadForJob returns a file for background processing, whoever may see it.
func (s *Store) UploadForJob(ctx context.Context, id int64) (Upload, error) {
	return scanUpload(s.r.QueryRowContext(ctx, `SELECT `+uploadCols+` FROM uploads u WHERE u.id = $1`, id))
}

// attachUploads hands the uploader's unattached uploads to a post or reply,
// in the transaction that creates it. An id that is not the uploader's own
// unattached upload is ErrNotFound, so nobody can take someone else's file.
func attachUploads(ctx context.Context, tx *sql.Tx, uploaderID, postID, replyID int64, ids []int64) error {
	if len(ids) > MaxAttachments {
		return fmt.Errorf("%w: too many attachments", ErrNotFound)
	}
	var reply any
	if replyID != 0 {
		reply = replyID
	}
	seen := map[int64]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		res, err := tx.ExecContext(ctx, `UPDATE uploads SET post_id = $1, reply_id = $2, attached_at = $3
			WHERE id = $4 AND uploader_id = $5 AND post_id IS NULL`, postID, reply, now(), id, uploaderID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%w: upload %d", ErrNotFound, id)
		}
	}
	return nil
}

// CheckAttachable reports whether every id is the person's own unattached
// upload, so a form can say so before anything is created.
func (s *Store) CheckAttachable(ctx context.Context, personID int64, ids []int64) error {
	if len(ids) > MaxAttachments {
		return ErrNotFound
	}
	for _, id := range ids {
		var n int
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM uploads WHERE id = $1 AND uploader_id = $2 AND post_id IS NULL`, id, personID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
	}
	return nil
}

// Attachments returns the files attached to a post and its live replies,
// keyed by reply id (0 for the post itself). Callers have read the post
// through Post, which checked the viewer.
func (s *Store) Attachments(ctx context.Context, postID int64) (map[int64][]Upload, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+uploadCols+` FROM uploads u
		WHERE u.post_id = $1 AND (u.reply_id IS NULL OR EXISTS (SELECT 1 FROM replies r WHERE r.id = u.reply_id AND r.deleted_at IS NULL))
		ORDER BY u.id`, postID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]Upload{}
	for rows.Next() {
		u, err := scanUpload(rows)
		if err != nil {
			return nil, err
		}
		out[u.ReplyID] = append(out[u.ReplyID], u)
	}
	return out, rows.Err()
}

// ClipPosts returns which of the given posts carry a video clip themselves,
// so feeds and search results can show them as clips. The posts were
// already read for the viewer.
func (s *Store) ClipPosts(ctx context.Context, postIDs []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(postIDs) == 0 {
		return out, nil
	}
	return idSet(ctx, s.r.DB, `SELECT DISTINCT post_id FROM uploads
		WHERE post_id IN (`+inList(postIDs)+`) AND reply_id IS NULL AND kind = 'video'`)
}

// MediaFacts are what processing learned about a file.
type MediaFacts struct {
	ThumbKey  string
	PosterKey string
}

// FinishUpload records the results of processing. ErrNotFound means the
// upload was removed meanwhile (its post deleted, or taken off it): the
// caller removes what it made.
func (s *Store) FinishUpload(ctx context.Context, id int64, f MediaFacts) error {
	res, err := s.w.ExecContext(ctx, `UPDATE uploads SET thumb_key = $1, poster_key = $2, processed_at = $3 WHERE id = $4`,
		f.ThumbKey, f.PosterKey, now(), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// RemovedFiles is the payload of a media.remove job: the blob keys of
// files whose rows are gone.
type RemovedFiles struct {
	Keys []string `json:"keys"`
}

// removeUploads deletes the upload rows that where (over alias u, with
// args) picks and, in the same transaction, queues a durable media.remove
// job with their blob keys. The bytes are therefore removed only after the
// change that made them unreachable has committed, and never lost track of:
// a rolled-back transaction queues nothing, a crash after the commit leaves
// the job to run. It returns how many uploads it removed.
func removeUploads(ctx context.Context, tx *sql.Tx, where string, args ...any) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT u.id, u.blob_key, u.thumb_key, u.poster_key FROM uploads u WHERE `+where+` ORDER BY u.id`, args...)
	if err != nil {
		return 0, err
	}
	var ids []int64
	var files RemovedFiles
	for rows.Next() {
		var id int64
		var blob, thumb, poster string
		if err := rows.Scan(&id, &blob, &thumb, &poster); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
		for _, k := range []string{blob, thumb, poster} {
			if k != "" {
				files.Keys = append(files.Keys, k)
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `DELETE FROM uploads WHERE id = $1`, id); err != nil {
			return 0, err
		}
	}
	if len(files.Keys) == 0 {
		return len(ids), nil
	}
	payload, err := json.Marshal(files)
	if err != nil {
		return 0, err
	}
	_, err = enqueueJob(ctx, tx, NewJob{Kind: JobMediaRemove, Payload: string(payload), MaxAttempts: 10})
	return len(ids), err
}

// changeAttachments takes the files remove off a post (replyID 0) or a
// reply, removing them for good, and attaches the editor's own unattached
// uploads attach, in the transaction of the edit. An id that is not
// attached right there, or not the editor's own unattached upload, is
// ErrNotFound: nobody moves a file from someone else's post.
func changeAttachments(ctx context.Context, tx *sql.Tx, editorID, postID, replyID int64, attach, remove []int64) error {
	seen := map[int64]bool{}
	for _, id := range remove {
		if seen[id] {
			continue
		}
		seen[id] = true
		where := `u.id = $1 AND u.post_id = $2 AND u.reply_id IS NULL`
		args := []any{id, postID}
		if replyID != 0 {
			where, args = `u.id = $1 AND u.post_id = $2 AND u.reply_id = $3`, append(args, replyID)
		}
		n, err := removeUploads(ctx, tx, where, args...)
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("%w: upload %d is not attached here", ErrNotFound, id)
		}
	}
	if err := attachUploads(ctx, tx, editorID, postID, replyID, attach); err != nil {
		return err
	}
	if n, err := countAttachments(ctx, tx, postID, replyID); err != nil {
		return err
	} else if n > MaxAttachments {
		return fmt.Errorf("%w: too many attachments", ErrNotFound)
	}
	return nil
}

func countAttachments(ctx context.Context, q queryer, postID, replyID int64) (int, error) {
	var n int
	var err error
	if replyID == 0 {
		err = q.QueryRowContext(ctx, `SELECT COUNT(*) FROM uploads WHERE post_id = $1 AND reply_id IS NULL`, postID).Scan(&n)
	} else {
		err = q.QueryRowContext(ctx, `SELECT COUNT(*) FROM uploads WHERE post_id = $1 AND reply_id = $2`, postID, replyID).Scan(&n)
	}
	return n, err
}

// CheckAttachmentEdit says, as a message id, why an edit cannot add attach
// to and take remove off a post (replyID 0) or reply: "media.attach_invalid"
// when an id to add is not the editor's own unattached upload or an id to
// remove is not attached there, "media.too_many" when the files would be
// too many; "" when the edit can be made.
func (s *Store) CheckAttachmentEdit(ctx context.Context, editorID, postID, replyID int64, attach, remove []int64) (string, error) {
	if len(attach) > MaxAttachments || len(remove) > MaxAttachments {
		return "media.too_many", nil
	}
	if err := s.CheckAttachable(ctx, editorID, attach); err != nil {
		if errors.Is(err, ErrNotFound) {
			return "media.attach_invalid", nil
		}
		return "", err
	}
	removing := map[int64]bool{}
	for _, id := range remove {
		var n int
		q, args := `SELECT COUNT(*) FROM uploads WHERE id = $1 AND post_id = $2 AND reply_id IS NULL`, []any{id, postID}
		if replyID != 0 {
			q, args = `SELECT COUNT(*) FROM uploads WHERE id = $1 AND post_id = $2 AND reply_id = $3`, append(args, replyID)
		}
		if err := s.r.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return "media.attach_invalid", nil
		}
		removing[id] = true
	}
	have, err := countAttachments(ctx, s.r, postID, replyID)
	if err != nil {
		return "", err
	}
	adding := map[int64]bool{}
	for _, id := range attach {
		adding[id] = true
	}
	if have-len(removing)+len(adding) > MaxAttachments {
		return "media.too_many", nil
	}
	return "", nil
}

// DeleteOrphan removes an upload that was never attached and returns its
// blob keys for the caller to delete. An attached upload is left alone and
// reported as ErrNotFound.
func (s *Store) DeleteOrphan(ctx context.Context, id int64) ([]string, error) {
	var keys []string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var blob, thumb, poster string
		if err := tx.QueryRowContext(ctx, `SELECT blob_key, thumb_key, poster_key FROM uploads WHERE id = $1 AND post_id IS NULL`, id).
			Scan(&blob, &thumb, &poster); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM uploads WHERE id = $1 AND post_id IS NULL`, id); err != nil {
			return err
		}
		for _, k := range []string{blob, thumb, poster} {
			if k != "" {
				keys = append(keys, k)
			}
		}
		return nil
	})
	return keys, err
}
