package api

import (
	"net/http"
	"time"
)

// joinRequestJSON is a pending request to join a closed community.
type joinRequestJSON struct {
	ID        int64      `json:"id"`
	Person    personJSON `json:"person"`
	Message   string     `json:"message"`
	Status    string     `json:"status"`
	CreatedAt time.Time  `json:"created_at"`
}

// joinRequestList answers GET /communities/{slug}/join-requests, oldest
// first, for the community's owners and moderators.
func (a *API) joinRequestList(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.readableCommunity(w, r, c)
	if !ok {
		return
	}
	if !com.CanModerate() {
		forbidden(w, "")
		return
	}
	p, ok := parsePage(w, r)
	if !ok {
		return
	}
	reqs, err := a.store.JoinRequests(r.Context(), com.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	all := make([]joinRequestJSON, len(reqs))
	for i, j := range reqs {
		all[i] = joinRequestJSON{ID: j.ID, Person: personView(j.Person), Message: j.Message, Status: j.Status, CreatedAt: j.CreatedAt}
	}
	items, next := window(all, p, func(j joinRequestJSON) int64 { return j.ID })
	writeList(w, items, next)
}
