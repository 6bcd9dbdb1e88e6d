package api

import (
	"net/http"
	"strconv"
)

// reactionDelete answers DELETE /posts/{id}/reactions/{kind} (with
// ?reply_id= for an answer or comment) with 200 and the counts after it.
// Taking back a reaction one never gave changes nothing.
func (a *API) reactionDelete(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	var replyID int64
	if s := r.URL.Query().Get("reply_id"); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			id = -1 // no reply has this id: refused as not found
		}
		replyID = id
	}
	a.react(w, r, c, p, r.PathValue("kind"), replyID, false)
}
