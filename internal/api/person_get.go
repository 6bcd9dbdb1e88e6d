package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// personProfileJSON is a profile with its counters.
type personProfileJSON struct {
	personJSON
	Stats store.PersonStats `json:"stats"`
}

// personGet answers GET /people/{id}: a profile with counters of the
// person's named contributions in communities the caller may read, so
// neither anonymous posts nor hidden communities show in the numbers.
func (a *API) personGet(w http.ResponseWriter, r *http.Request, c caller) {
	person, ok := a.person(w, r)
	if !ok {
		return
	}
	st, err := a.store.Stats(r.Context(), c.viewer(), person.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, personProfileJSON{personJSON: personView(person), Stats: st})
}

// person loads the person named by {id}; everyone in the organisation is
// visible to everyone, but a malformed id is answered like a missing one.
func (a *API) person(w http.ResponseWriter, r *http.Request) (store.Person, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		notFound(w)
		return store.Person{}, false
	}
	p, err := a.store.PersonByID(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return store.Person{}, false
	}
	return p, true
}
