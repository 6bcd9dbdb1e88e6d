package api

import "net/http"

// replyDelete answers DELETE /replies/{id} with 204: the author may delete
// their own answer or comment, and a moderator of its community anyone's,
// which the store records in the audit log. The post's counts go down and
// an accepted answer stops being accepted.
func (a *API) replyDelete(w http.ResponseWriter, r *http.Request, c caller) {
	rp, p, ok := a.reply(w, r, c)
	if !ok {
		return
	}
	byModerator, ok := a.authorOrModerator(w, r, c, rp.Mine, p.CommunityID)
	if !ok {
		return
	}
	if err := a.store.DeleteReply(r.Context(), c.person.ID, rp.ID, byModerator); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
