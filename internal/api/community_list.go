package api

import (
	"net/http"
	"slices"

	"github.com/tacit-org/tacit/internal/store"
)

// communityList answers GET /communities: the directory as the caller may
// know it (open and closed communities, and secret ones they belong to),
// by name. ?kind= narrows it to one kind, ?mine=true to the caller's own.
func (a *API) communityList(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := parsePage(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	f := store.CommunityFilter{Kind: q.Get("kind"), MineOnly: q.Get("mine") == "true"}
	if f.Kind != "" && !slices.Contains(store.Kinds, f.Kind) {
		invalid(w, store.FieldErrors{"kind": "error.invalid_choice"})
		return
	}
	all, err := a.store.Communities(r.Context(), c.viewer(), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	items, next := window(all, p, func(c store.Community) int64 { return c.ID })
	writeList(w, items, next)
}
