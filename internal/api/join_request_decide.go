package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// joinDecisionRequest is the body of POST /communities/{slug}/join-requests/{id}.
// The decision is spelled out, so a missing field never declines by default.
type joinDecisionRequest struct {
	Decision string `json:"decision"` // "approve" or "decline"
}

// Validate checks the decision.
func (req joinDecisionRequest) Validate() store.FieldErrors {
	fe := store.FieldErrors{}
	switch req.Decision {
	case "approve", "decline":
	case "":
		fe["decision"] = "error.required"
	default:
		fe["decision"] = "error.invalid_choice"
	}
	return fe
}

// decidedJSON is a decided join request.
type decidedJSON struct {
	ID     int64  `json:"id"`
	Status string `json:"status"`
}

// joinRequestDecide answers POST /communities/{slug}/join-requests/{id}:
// an owner or moderator approves (adding the member) or declines a pending
// request of their community. The store audits it.
func (a *API) joinRequestDecide(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.readableCommunity(w, r, c)
	if !ok {
		return
	}
	if !com.CanModerate() {
		forbidden(w, "")
		return
	}
	id, ok := pathID(r, "id")
	if !ok {
		notFound(w)
		return
	}
	var req joinDecisionRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	if fe := req.Validate(); len(fe) > 0 {
		invalid(w, fe)
		return
	}
	approve := req.Decision == "approve"
	if err := a.store.DecideJoinRequest(r.Context(), c.person.ID, com.ID, id, approve); err != nil {
		a.fail(w, r, err)
		return
	}
	status := "declined"
	if approve {
		status = "approved"
	}
	writeJSON(w, http.StatusOK, decidedJSON{ID: id, Status: status})
}
