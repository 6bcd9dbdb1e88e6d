package api

import "net/http"

// communityGet answers GET /communities/{slug}. Closed communities show
// their listing to everyone; secret ones exist only for their members.
func (a *API) communityGet(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.community(w, r, c)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, com)
}
