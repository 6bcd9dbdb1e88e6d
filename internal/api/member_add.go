package api

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/tacit-org/tacit/internal/store"
)

// memberAddRequest is the body of POST /communities/{slug}/members.
type memberAddRequest struct {
	Email string `json:"email"`
	Role  string `json:"role"` // default "member"
}

// Validate checks the request and fills the default role.
func (req *memberAddRequest) Validate() store.FieldErrors {
	fe := store.FieldErrors{}
	req.Email = strings.TrimSpace(req.Email)
	switch {
	case req.Email == "":
		fe["email"] = "error.required"
	case !store.ValidEmail(req.Email):
		fe["email"] = "error.email"
	}
	if req.Role == "" {
		req.Role = store.RoleMember
	}
	if !slices.Contains(store.Roles, req.Role) {
		fe["role"] = "error.invalid_choice"
	}
	return fe
}

// memberAdd answers POST /communities/{slug}/members: an owner or moderator
// adds an existing person (201), or changes a member's role (200). Only
// owners make owners and moderators, or change theirs. An organisation admin
// with an admin token counts as an owner of communities they can see; the
// store audits every change either way.
func (a *API) memberAdd(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.community(w, r, c)
	if !ok {
		return
	}
	owner := com.MyRole == store.RoleOwner || (c.scope == scopeAdmin && c.person.Admin)
	if !owner && !com.CanModerate() {
		forbidden(w, "")
		return
	}
	var req memberAddRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	if fe := req.Validate(); len(fe) > 0 {
		invalid(w, fe)
		return
	}
	person, err := a.store.PersonByEmail(r.Context(), req.Email)
	if errors.Is(err, store.ErrNotFound) || (err == nil && person.Deactivated) {
		invalid(w, store.FieldErrors{"email": "error.no_such_person"})
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	current, err := a.store.Role(r.Context(), person.ID, com.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if !owner && (isModeratorRole(req.Role) || (isModeratorRole(current) && current != req.Role)) {
		forbidden(w, "Only owners can make or change owners and moderators.")
		return
	}
	if err := a.store.AddMember(r.Context(), c.person.ID, com.ID, person.ID, req.Role); err != nil {
		a.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if current == "" {
		status = http.StatusCreated
	}
	writeJSON(w, status, memberJSON{Person: personView(person), Role: req.Role})
}

func isModeratorRole(role string) bool { return role == store.RoleOwner || role == store.RoleModerator }
