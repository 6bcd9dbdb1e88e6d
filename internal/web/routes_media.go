package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/media"
	"github.com/tacit-org/tacit/internal/store"
)

// mediaRoutes are the pages of uploads and media.
func (w *Web) mediaRoutes() []route {
	in := w.signedIn
	return []route{
		{"POST /uploads", in(w.uploadCreate)},
		{"GET /media/{id}", in(w.mediaServe(media.Original))},
		{"GET /media/{id}/thumb", in(w.mediaServe(media.Thumb))},
		{"GET /media/{id}/poster", in(w.mediaServe(media.Poster))},
	}
}

// mediaServe answers a file request. Whatever the viewer may not see, and
// whatever does not exist, is the same 404 page.
func (w *Web) mediaServe(variant string) http.HandlerFunc {
	return func(rw http.ResponseWriter, r *http.Request) {
		id, ok := parseID(r.PathValue("id"))
		if !ok || w.opt.Media == nil || !w.opt.Media.Serve(rw, r, viewer(r), id, variant) {
			w.notFound(rw, r)
		}
	}
}

// uploadJSON is what the composer's script gets back for an upload.
type uploadJSON struct {
	ID          int64  `json:"id"`
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	Kind        string `json:"kind"`
	Label       string `json:"label"`
}

func uploadLabel(lang string, u store.Upload) string {
	switch u.Kind {
	case store.KindVideo:
		return i18n.T(lang, "media.label_video", "Duration", duration(u.DurationMS))
	case store.KindImage:
		return i18n.T(lang, "media.label_image", "Width", u.Width, "Height", u.Height)
	}
	return i18n.T(lang, "media.label_pdf", "Size", sizeText(u.Size))
}

// uploadCreate takes one file from the composer's script (field "file")
// and answers JSON: the upload, or a refusal people can read.
func (w *Web) uploadCreate(rw http.ResponseWriter, r *http.Request) {
	lang := state(r).lang
	answer := func(status int, v any) {
		rw.Header().Set("Content-Type", "application/json")
		rw.WriteHeader(status)
		_ = json.NewEncoder(rw).Encode(v)
	}
	refuse := func(status int, code, msgID string) {
		answer(status, map[string]any{"error": map[string]string{"code": code, "message": i18n.T(lang, msgID)}})
	}
	if w.opt.Media == nil {
		w.notFound(rw, r)
		return
	}
	if wait, err := w.store.UploadWait(r.Context(), state(r).me.ID, w.opt.NewAccounts); err != nil || wait > 0 {
		if err != nil {
			w.serverError(rw, r, err)
			return
		}
		rw.Header().Set("Retry-After", strconv.FormatInt(int64((wait+time.Second-1)/time.Second), 10))
		refuse(http.StatusTooManyRequests, "too_many_requests", "error.too_many")
		return
	}
	file, _, err := r.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			refuse(http.StatusRequestEntityTooLarge, "size", "media.refused_size")
			return
		}
		refuse(http.StatusBadRequest, "no_file", "media.no_file")
		return
	}
	defer file.Close()
	u, err := w.opt.Media.Ingest(r.Context(), state(r).me.ID, file)
	if err != nil {
		var ref *media.Refusal
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &ref):
			status := http.StatusUnprocessableEntity
			if ref.Code == "size" {
				status = http.StatusRequestEntityTooLarge
			}
			refuse(status, ref.Code, ref.MsgID)
		case errors.As(err, &mbe):
			refuse(http.StatusRequestEntityTooLarge, "size", "media.refused_size")
		default:
			w.log.Error("upload failed", "err", err)
			refuse(http.StatusInternalServerError, "server", "error.server")
		}
		return
	}
	answer(http.StatusCreated, uploadJSON{ID: u.ID, URL: media.URL(u.ID), ContentType: u.ContentType, Kind: u.Kind, Label: uploadLabel(lang, u)})
}

// attachmentsFromForm gathers what a post, answer or comment form carries:
// ids of files already uploaded by the script (field "attachments"), and
// files sent with the form itself (field "file", the way without
// JavaScript), which are taken in here. On a refusal it returns the message
// id; ids taken in before it stay in the form, so nothing is sent twice.
func (w *Web) attachmentsFromForm(r *http.Request) ([]int64, string) {
	var ids []int64
	for _, s := range r.PostForm["attachments"] {
		if id, ok := parseID(s); ok {
			ids = append(ids, id)
		} else if s != "" {
			return ids, "media.attach_invalid"
		}
	}
	var files []*multipart.FileHeader
	if r.MultipartForm != nil && w.opt.Media != nil {
		files = r.MultipartForm.File["file"]
	}
	for _, fh := range files {
		if fh.Size == 0 && fh.Filename == "" {
			continue // the empty file field of a form sent without a file
		}
		if wait, err := w.store.UploadWait(r.Context(), state(r).me.ID, w.opt.NewAccounts); err != nil || wait > 0 {
			if err != nil {
				w.log.Error("upload limit", "err", err)
				return ids, "error.server"
			}
			return ids, "error.too_many"
		}
		u, err := w.ingestPart(r, fh)
		if err != nil {
			var ref *media.Refusal
			if errors.As(err, &ref) {
				return ids, ref.MsgID
			}
			w.log.Error("upload failed", "err", err)
			return ids, "error.server"
		}
		ids = append(ids, u.ID)
		r.PostForm["attachments"] = append(r.PostForm["attachments"], itoa(u.ID))
	}
	if len(ids) > store.MaxAttachments {
		return ids, "media.too_many"
	}
	if err := w.store.CheckAttachable(r.Context(), state(r).me.ID, ids); err != nil {
		return ids, "media.attach_invalid"
	}
	return ids, ""
}

func (w *Web) ingestPart(r *http.Request, fh *multipart.FileHeader) (store.Upload, error) {
	f, err := fh.Open()
	if err != nil {
		return store.Upload{}, err
	}
	defer f.Close()
	return w.opt.Media.Ingest(r.Context(), state(r).me.ID, f)
}

// attachmentEdit reads what an edit form asks of the files of a post
// (replyID 0) or reply: files to add (uploaded by the script, or sent with
// the form) and files to take off (field "remove"). A reason it cannot be
// done goes into fe under field. Files taken in stay in the form by id.
func (w *Web) attachmentEdit(r *http.Request, fe store.FieldErrors, field string, postID, replyID int64) (attach, remove []int64) {
	for _, s := range r.PostForm["remove"] {
		if id, ok := parseID(s); ok {
			remove = append(remove, id)
		} else if s != "" {
			fe[field] = "media.attach_invalid"
			return nil, nil
		}
	}
	attach, msg := w.attachmentsFromForm(r)
	r.PostForm["attachments"] = nil
	for _, id := range attach {
		r.PostForm.Add("attachments", itoa(id))
	}
	if msg != "" {
		fe[field] = msg
		return attach, remove
	}
	msg, err := w.store.CheckAttachmentEdit(r.Context(), state(r).me.ID, postID, replyID, attach, remove)
	if err != nil {
		w.log.Error("attachment edit", "err", err)
		msg = "error.server"
	}
	if msg != "" {
		fe[field] = msg
	}
	return attach, remove
}

// pendingUploads are the files a re-shown form already carries, to list them.
func (w *Web) pendingUploads(r *http.Request, form url.Values) []store.Upload {
	var out []store.Upload
	for _, s := range form["attachments"] {
		id, ok := parseID(s)
		if !ok {
			continue
		}
		if u, err := w.store.Upload(r.Context(), viewer(r), id); err == nil && !u.Attached {
			out = append(out, u)
		}
	}
	return out
}

// attachHint says in words which files may be attached, with the limits in force.
func (w *Web) attachHint(lang string) string {
	if w.opt.Media == nil {
		return ""
	}
	l := w.opt.Media.Limits
	return i18n.T(lang, "media.attach_hint", "Image", sizeText(l.MaxImageBytes), "Video", sizeText(l.MaxVideoBytes),
		"Minutes", int64(l.MaxDuration/time.Minute), "PDF", sizeText(l.MaxPDFBytes))
}

// duration formats milliseconds as m:ss.
func duration(ms int64) string {
	d := time.Duration(ms) * time.Millisecond
	s := int64(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// sizeText formats a size in bytes for people.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatInt((n+1<<19)>>20, 10) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " kB"
	}
	return strconv.FormatInt(n, 10) + " B"
}
