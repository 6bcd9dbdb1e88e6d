package api

import (
	"net/http"
	"time"
)

// memberJSON is one membership of a community.
type memberJSON struct {
	Person   personJSON `json:"person"`
	Role     string     `json:"role"`
	JoinedAt time.Time  `json:"joined_at,omitzero"`
}

// maxOffset bounds how far into a list read whole a cursor may point; no
// community has this many members, and a forged cursor must not overflow.
const maxOffset = 1 << 24

// memberList answers GET /communities/{slug}/members, owners and
// moderators first. Who belongs to a closed community is for its members,
// like its content; an organisation admin who joins shows up here too.
func (a *API) memberList(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.readableCommunity(w, r, c)
	if !ok {
		return
	}
	p, ok := parsePage(w, r)
	if !ok {
		return
	}
	// The store pages members by count only, so read up to the end of this
	// page (and one more, to know whether there is a next) and cut.
	offset := int(min(p.after.At, maxOffset))
	members, err := a.store.Members(r.Context(), com.ID, offset+p.limit+1)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	all := make([]memberJSON, len(members))
	for i, m := range members {
		all[i] = memberJSON{Person: personView(m.Person), Role: m.Role, JoinedAt: m.JoinedAt}
	}
	items, next := window(all, p, func(m memberJSON) int64 { return m.Person.ID })
	writeList(w, items, next)
}
