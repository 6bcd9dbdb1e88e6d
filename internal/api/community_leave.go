package api

import "net/http"

// communityLeave answers POST /communities/{slug}/leave with 204. Leaving
// a community one is not in changes nothing and also answers 204; the last
// owner cannot leave (409). Access to the content ends at once.
func (a *API) communityLeave(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.community(w, r, c)
	if !ok {
		return
	}
	if com.MyRole == "" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if err := a.store.Leave(r.Context(), c.person.ID, com.ID, c.person.ID); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
