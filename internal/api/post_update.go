package api

import (
	"net/http"
	"strings"

	"github.com/tacit-org/tacit/internal/store"
)

// postUpdateRequest is the body of PATCH /posts/{id}: fields left out keep
// their value. Type, community and anonymity are fixed once posted.
type postUpdateRequest struct {
	Title *string   `json:"title"`
	Body  *string   `json:"body"`
	Tags  *[]string `json:"tags"`
	// Anonymous may be given only with the post's current value: a post
	// published under a name never turns anonymous.
	Anonymous *bool `json:"anonymous"`
	// AddAttachments are the caller's own unattached uploads to attach;
	// RemoveAttachments are files of the post to take off (and delete).
	AddAttachments    []int64 `json:"add_attachments"`
	RemoveAttachments []int64 `json:"remove_attachments"`
}

// edit lays the request over the post's current text; changed is false
// when the request asks for nothing.
func (req postUpdateRequest) edit(p store.Post) (e store.PostEdit, changed bool) {
	e = store.PostEdit{Title: p.Title, Body: p.Body, Tags: p.Tags, Attach: req.AddAttachments, Remove: req.RemoveAttachments}
	if req.Title != nil {
		e.Title = strings.TrimSpace(*req.Title)
	}
	if req.Body != nil {
		e.Body = *req.Body
	}
	if req.Tags != nil {
		e.Tags = store.NormalizeTags(*req.Tags)
	}
	return e, req.Title != nil || req.Body != nil || req.Tags != nil || len(req.AddAttachments) > 0 || len(req.RemoveAttachments) > 0
}

// postUpdate answers PATCH /posts/{id} for the author or a moderator of the
// post's community; the earlier text is kept as a revision.
func (a *API) postUpdate(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	if _, ok := a.authorOrModerator(w, r, c, p.Mine, p.CommunityID); !ok {
		return
	}
	var req postUpdateRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	e, changed := req.edit(p)
	fe := e.Validate(int(a.maxBody))
	if req.Anonymous != nil && *req.Anonymous != p.Anonymous {
		fe["anonymous"] = "error.anonymous_after_publish"
	}
	if len(fe) == 0 && (len(e.Attach) > 0 || len(e.Remove) > 0) {
		if err := a.attachmentEdit(r, c, p.ID, 0, e.Attach, e.Remove, fe); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	if len(fe) > 0 {
		invalid(w, fe)
		return
	}
	if _, ok := a.watch(w, r, "body", e.Title, e.Body, strings.Join(e.Tags, " ")); !ok {
		return
	}
	if changed {
		if err := a.store.EditPost(r.Context(), c.person.ID, p.ID, e); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	p, err := a.store.Post(r.Context(), c.viewer(), p.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}
