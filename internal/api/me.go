package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// meJSON is the caller's own profile, with what only they see.
type meJSON struct {
	personJSON
	Language string            `json:"language"`
	Scope    string            `json:"scope"`
	Stats    store.PersonStats `json:"stats"`
}

// me answers GET /me: who the token belongs to and what it may do.
func (a *API) me(w http.ResponseWriter, r *http.Request, c caller) {
	p, err := a.store.PersonByID(r.Context(), c.person.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	st, err := a.store.Stats(r.Context(), c.viewer(), p.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, meJSON{personJSON: personView(p), Language: p.Language, Scope: c.scope, Stats: st})
}
