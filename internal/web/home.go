package web

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

type homeData struct {
	Feed       feed
	HelpWanted []store.Post
	Mine       []store.Community
	Tags       []store.Tag
}

func (w *Web) home(rw http.ResponseWriter, r *http.Request) {
	ctx, v := r.Context(), viewer(r)
	fd, err := w.loadFeed(r, store.PostFilter{Home: true}, "/")
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	fd.EmptyKey = "home.empty"
	d := homeData{Feed: fd}
	if d.HelpWanted, err = w.store.HelpWanted(ctx, v, 5); err != nil {
		w.serverError(rw, r, err)
		return
	}
	if d.Mine, err = w.store.Communities(ctx, v, store.CommunityFilter{MineOnly: true}); err != nil {
		w.serverError(rw, r, err)
		return
	}
	d.Tags = feedTags(fd.Posts, 12)
	p := w.newPage(r, "home.title", d)
	p.AtomURL = "/feed.atom" // needs the reader's feed token (settings)
	w.render(rw, r, http.StatusOK, "home", p)
}
