package web

import (
	"net/http"
	"slices"

	"github.com/tacit-org/tacit/internal/store"
)

type directoryData struct {
	Mine      []store.Community
	Others    []store.Community
	Suggested []store.Community
	Kind      string
	Kinds     []string
}

func (w *Web) directory(rw http.ResponseWriter, r *http.Request) {
	kind := r.URL.Query().Get("kind")
	if !slices.Contains(store.Kinds, kind) {
		kind = ""
	}
	all, err := w.store.Communities(r.Context(), viewer(r), store.CommunityFilter{Kind: kind})
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	d := directoryData{Kind: kind, Kinds: store.Kinds}
	for _, c := range all {
		if c.MyRole != "" {
			d.Mine = append(d.Mine, c)
		} else {
			d.Others = append(d.Others, c)
		}
	}
	if kind == "" {
		if d.Suggested, err = w.store.SuggestedCommunities(r.Context(), viewer(r), 3); err != nil {
			w.serverError(rw, r, err)
			return
		}
	}
	w.render(rw, r, http.StatusOK, "directory", w.newPage(r, "directory.title", d))
}
