package api

import (
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tacit-org/tacit/internal/store"
)

// ideaStatusRequest is the body of POST /posts/{id}/status.
type ideaStatusRequest struct {
	Status string `json:"status"`
	Note   string `json:"note"`
}

// Validate checks the status and the length of the note.
func (req ideaStatusRequest) Validate() store.FieldErrors {
	fe := store.FieldErrors{}
	switch {
	case req.Status == "":
		fe["status"] = "error.required"
	case !slices.Contains(store.IdeaStatuses, req.Status):
		fe["status"] = "error.invalid_choice"
	}
	if utf8.RuneCountInString(req.Note) > store.MaxNote {
		fe["note"] = "error.too_long"
	}
	return fe
}

// ideaStatus answers POST /posts/{id}/status with the idea and its status
// history: only owners and moderators of the idea's community move it.
func (a *API) ideaStatus(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	mod, ok := a.canModerate(w, r, c, p.CommunityID)
	if !ok {
		return
	}
	if !mod {
		forbidden(w, "")
		return
	}
	var req ideaStatusRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	if p.Type != store.TypeIdea {
		writeError(w, http.StatusBadRequest, "bad_request", "Only ideas have a status.", nil)
		return
	}
	req.Note = strings.TrimSpace(req.Note)
	if fe := req.Validate(); len(fe) > 0 {
		invalid(w, fe)
		return
	}
	if err := a.store.SetIdeaStatus(r.Context(), c.person.ID, p.ID, req.Status, req.Note); err != nil {
		a.fail(w, r, err)
		return
	}
	p, err := a.store.Post(r.Context(), c.viewer(), p.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	d, err := a.detail(r, c, p)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}
