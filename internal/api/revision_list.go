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

// replyRevisionList answers GET /replies/{id}/revisions: an answer's or
// comment's earlier texts, newest first, paged as a post's. The reply is
// read first with every visibility rule, so one the caller may not read
// is not found, as one that never existed.
func (a *API) replyRevisionList(w http.ResponseWriter, r *http.Request, c caller) {
	rp, p, ok := a.reply(w, r, c)
	if !ok {
		return
	}
	pg, ok := parsePage(w, r)
	if !ok {
		return
	}
	revs, err := a.store.Revisions(r.Context(), c.viewer(), p.ID, rp.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	items, next := window(revs, pg, func(rv store.Revision) int64 { return rv.ID })
	writeList(w, items, next)
}
