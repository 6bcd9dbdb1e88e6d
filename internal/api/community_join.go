package api

import (
	"net/http"
	"unicode/utf8"

	"github.com/tacit-org/tacit/internal/store"
)

// joinRequest is the optional body of POST /communities/{slug}/join: a
// message to the moderators of a closed community.
type joinRequest struct {
	Message string `json:"message"`
}

// Validate checks the message's length.
func (req joinRequest) Validate() store.FieldErrors {
	fe := store.FieldErrors{}
	if utf8.RuneCountInString(req.Message) > store.MaxNote {
		fe["message"] = "error.too_long"
	}
	return fe
}

// requestedJSON answers a join that waits for a moderator.
type requestedJSON struct {
	Status string `json:"status"`
}

// communityJoin answers POST /communities/{slug}/join: an open community is
// joined at once (200 with the community); a closed one gets a join request
// for its moderators (202); a secret one does not exist for non-members.
// Joining where one already belongs is harmless and answers 200.
func (a *API) communityJoin(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.community(w, r, c)
	if !ok {
		return
	}
	var req joinRequest
	if !a.decode(w, r, &req, true) {
		return
	}
	if fe := req.Validate(); len(fe) > 0 {
		invalid(w, fe)
		return
	}
	if com.MyRole != "" {
		writeJSON(w, http.StatusOK, com)
		return
	}
	switch com.Visibility {
	case store.VisibilityOpen:
		if err := a.store.Join(r.Context(), c.person.ID, com.ID); err != nil {
			a.fail(w, r, err)
			return
		}
		com, err := a.store.CommunityByID(r.Context(), c.viewer(), com.ID)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, com)
	case store.VisibilityClosed:
		if err := a.store.RequestJoin(r.Context(), c.person.ID, com.ID, req.Message); err != nil {
			a.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusAccepted, requestedJSON{Status: "requested"})
	default:
		notFound(w)
	}
}
