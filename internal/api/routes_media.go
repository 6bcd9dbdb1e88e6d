package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/media"
	"github.com/tacit-org/tacit/internal/store"
)

// mediaTable holds the API routes of uploads and media.
func (a *API) mediaTable() []route {
	return []route{
		{"POST /api/v1/uploads", scopeWrite, a.uploadCreate},
		{"GET /api/v1/uploads/{id}", scopeRead, a.uploadGet},
		{"GET /api/v1/uploads/{id}/content", scopeRead, a.uploadContent},
	}
}

// uploadJSON is an uploaded file. It never names its uploader: files of
// anonymous posts must carry no trace of the author.
type uploadJSON struct {
	ID          int64  `json:"id"`
	URL         string `json:"url"`
	ContentURL  string `json:"content_url"`
	ContentType string `json:"content_type"`
	Kind        string `json:"kind"`
	Size        int64  `json:"size"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	DurationMS  int64  `json:"duration_ms"`
	Attached    bool   `json:"attached"`
}

func uploadView(u store.Upload) uploadJSON {
	return uploadJSON{ID: u.ID, URL: media.URL(u.ID), ContentURL: "/api/v1/uploads/" + strconv.FormatInt(u.ID, 10) + "/content",
		ContentType: u.ContentType, Kind: u.Kind, Size: u.Size, Width: u.Width, Height: u.Height, DurationMS: u.DurationMS, Attached: u.Attached}
}

func uploadViews(us []store.Upload) []uploadJSON {
	out := make([]uploadJSON, len(us))
	for i, u := range us {
		out[i] = uploadView(u)
	}
	return out
}

// uploadCreate answers POST /uploads (multipart, field "file") with 201 and
// the upload, which a post, answer or comment then lists in "attachments".
// The type is decided by the file's content; a refused file answers 415
// (type), 413 (size) or 422 (dimensions, duration, unreadable).
func (a *API) uploadCreate(w http.ResponseWriter, r *http.Request, c caller) {
	if a.media == nil {
		notFound(w)
		return
	}
	if !a.mayUpload(w, r, c) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, a.media.MaxRequest())
	file, _, err := r.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, "too_large", i18n.T("en", "media.refused_size"), nil)
			return
		}
		invalid(w, store.FieldErrors{"file": "media.no_file"})
		return
	}
	defer file.Close()
	u, err := a.media.Ingest(r.Context(), c.person.ID, file)
	var ref *media.Refusal
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ref):
		status := map[string]int{"type": http.StatusUnsupportedMediaType, "size": http.StatusRequestEntityTooLarge}[ref.Code]
		if status == 0 {
			status = http.StatusUnprocessableEntity
		}
		writeError(w, status, "refused_"+ref.Code, i18n.T("en", ref.MsgID), nil)
		return
	case errors.As(err, &mbe):
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", i18n.T("en", "media.refused_size"), nil)
		return
	case err != nil:
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/uploads/"+strconv.FormatInt(u.ID, 10))
	writeJSON(w, http.StatusCreated, uploadView(u))
}

func (a *API) upload(w http.ResponseWriter, r *http.Request, c caller) (store.Upload, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 || a.media == nil {
		notFound(w)
		return store.Upload{}, false
	}
	u, err := a.store.Upload(r.Context(), c.viewer(), id)
	if err != nil {
		a.fail(w, r, err)
		return u, false
	}
	return u, true
}

// uploadGet answers GET /uploads/{id}: the file's facts, if the caller may
// see what it is attached to (or uploaded it and it is not attached yet).
func (a *API) uploadGet(w http.ResponseWriter, r *http.Request, c caller) {
	if u, ok := a.upload(w, r, c); ok {
		writeJSON(w, http.StatusOK, uploadView(u))
	}
}

// uploadContent answers GET /uploads/{id}/content with the bytes, ranges
// included, under the same check and safe headers as /media/{id}.
func (a *API) uploadContent(w http.ResponseWriter, r *http.Request, c caller) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 || a.media == nil || !a.media.Serve(w, r, c.viewer(), id, media.Original) {
		notFound(w)
	}
}

// attachable checks that ids are the caller's own unattached uploads.
func (a *API) attachable(r *http.Request, c caller, ids []int64, fe store.FieldErrors) error {
	if len(ids) == 0 {
		return nil
	}
	if len(ids) > store.MaxAttachments {
		fe["attachments"] = "media.too_many"
		return nil
	}
	err := a.store.CheckAttachable(r.Context(), c.person.ID, ids)
	if errors.Is(err, store.ErrNotFound) {
		fe["attachments"] = "media.attach_invalid"
		return nil
	}
	return err
}

// attachmentEdit checks an edit's files: ids to add must be the caller's
// own unattached uploads, ids to remove files of this post (replyID 0) or
// of this reply.
func (a *API) attachmentEdit(r *http.Request, c caller, postID, replyID int64, add, remove []int64, fe store.FieldErrors) error {
	if a.media == nil && len(add) > 0 {
		fe["add_attachments"] = "media.attach_invalid"
		return nil
	}
	if len(add) > store.MaxAttachments {
		fe["add_attachments"] = "media.too_many"
		return nil
	}
	if msg, err := a.store.CheckAttachmentEdit(r.Context(), c.person.ID, postID, replyID, nil, remove); err != nil || msg != "" {
		fe["remove_attachments"] = msg
		return err
	}
	msg, err := a.store.CheckAttachmentEdit(r.Context(), c.person.ID, postID, replyID, add, remove)
	if msg != "" {
		fe["add_attachments"] = msg
	}
	return err
}

// withAttachments adds the files of a post and its replies to its detail.
func (a *API) withAttachments(r *http.Request, d *postDetailJSON) error {
	files, err := a.store.Attachments(r.Context(), d.ID)
	if err != nil {
		return err
	}
	d.Attachments = uploadViews(files[0])
	var fill func(rs []replyJSON)
	fill = func(rs []replyJSON) {
		for i := range rs {
			rs[i].Attachments = uploadViews(files[rs[i].ID])
			fill(rs[i].Comments)
		}
	}
	fill(d.Answers)
	fill(d.Comments)
	return nil
}
