package api

import "net/http"

// postDelete answers DELETE /posts/{id} with 204: the author may delete
// their own post, and a moderator of its community anyone's, which the
// store records in the audit log.
func (a *API) postDelete(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	byModerator, ok := a.authorOrModerator(w, r, c, p.Mine, p.CommunityID)
	if !ok {
		return
	}
	if err := a.store.DeletePost(r.Context(), c.person.ID, p.ID, byModerator); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
