package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// revisionList answers GET /posts/{id}/revisions: the post's earlier
// texts, newest first. The store leaves out the editor's name where it
// would unmask an anonymous author.
func (a *API) revisionList(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	pg, ok := parsePage(w, r)
	if !ok {
		return
	}
	revs, err := a.store.Revisions(r.Context(), c.viewer(), p.ID, 0)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	items, next := window(revs, pg, func(rv store.Revision) int64 { return rv.ID })
	writeList(w, items, next)
}
