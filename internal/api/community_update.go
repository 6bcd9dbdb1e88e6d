package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/tacit-org/tacit/internal/store"
)

// communityUpdateRequest is the body of PATCH /communities/{slug}: fields
// left out keep their value; "parent": "" removes the parent. The slug
// cannot change, because links and feeds depend on it.
type communityUpdateRequest struct {
	Name               *string `json:"name"`
	Description        *string `json:"description"`
	Kind               *string `json:"kind"`
	Visibility         *string `json:"visibility"`
	Parent             *string `json:"parent"`
	AnonymousQuestions *bool   `json:"anonymous_questions"`
	CodeOfConduct      *string `json:"code_of_conduct"`
}

// apply lays the request over the current settings.
func (req communityUpdateRequest) apply(cs *store.CommunitySettings) {
	if req.Name != nil {
		cs.Name = strings.TrimSpace(*req.Name)
	}
	if req.Description != nil {
		cs.Description = strings.TrimSpace(*req.Description)
	}
	if req.Kind != nil {
		cs.Kind = *req.Kind
	}
	if req.Visibility != nil {
		cs.Visibility = *req.Visibility
	}
	if req.AnonymousQuestions != nil {
		cs.AnonymousQuestions = *req.AnonymousQuestions
	}
	if req.CodeOfConduct != nil {
		cs.CodeOfConduct = strings.TrimSpace(*req.CodeOfConduct)
	}
}

// maxParentDepth bounds the walk up the parent chain when looking for cycles.
const maxParentDepth = 64

// communityUpdate answers PATCH /communities/{slug}, for its owners and
// moderators. The change is audited by the store.
func (a *API) communityUpdate(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.community(w, r, c)
	if !ok {
		return
	}
	if !com.CanModerate() {
		forbidden(w, "")
		return
	}
	var req communityUpdateRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	// The store hides a parent the caller may not see; keep it all the same.
	parentID, err := a.store.CommunityParentID(r.Context(), com.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	cs := store.CommunitySettings{
		Name: com.Name, Description: com.Description, Kind: com.Kind, Visibility: com.Visibility, ParentID: parentID,
		AnonymousQuestions: com.AnonymousQuestions, CodeOfConduct: com.CodeOfConduct,
	}
	req.apply(&cs)
	fe := cs.Validate()
	if req.Parent != nil {
		cs.ParentID = 0
		if *req.Parent != "" {
			id, ok := a.parentFor(w, r, c, com.ID, *req.Parent, fe)
			if !ok {
				return
			}
			cs.ParentID = id
		}
	}
	if len(fe) > 0 {
		invalid(w, fe)
		return
	}
	if err := a.store.UpdateCommunity(r.Context(), c.person.ID, com.ID, cs); err != nil {
		a.fail(w, r, err)
		return
	}
	com, err = a.store.CommunityByID(r.Context(), c.viewer(), com.ID)
	if err != nil {
		// The caller may have made the community secret and is still a member,
		// so this only fails if something else went wrong.
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, com)
}

// parentFor resolves a new parent slug for community id, adding a field
// error when the caller cannot see it or it would make a cycle.
func (a *API) parentFor(w http.ResponseWriter, r *http.Request, c caller, id int64, slug string, fe store.FieldErrors) (int64, bool) {
	parent, err := a.store.CommunityBySlug(r.Context(), c.viewer(), slug)
	if errors.Is(err, store.ErrNotFound) {
		fe["parent"] = "error.not_found"
		return 0, true
	}
	if err != nil {
		a.fail(w, r, err)
		return 0, false
	}
	if !parent.CanModerate() && !c.person.Admin {
		fe["parent"] = "error.parent_not_moderated"
		return 0, true
	}
	for at, depth := parent.ID, 0; at != 0; depth++ {
		if at == id || depth > maxParentDepth {
			fe["parent"] = "error.invalid_choice"
			return 0, true
		}
		if at, err = a.store.CommunityParentID(r.Context(), at); err != nil {
			a.fail(w, r, err)
			return 0, false
		}
	}
	return parent.ID, true
}
