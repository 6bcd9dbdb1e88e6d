package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/tacit-org/tacit/internal/store"
)

type tagData struct {
	Tag       string
	Feed      feed
	Following bool
}

func (w *Web) tagShow(rw http.ResponseWriter, r *http.Request) {
	tag := strings.ToLower(r.PathValue("tag"))
	fd, err := w.loadFeed(r, store.PostFilter{Tag: tag}, "/t/"+tag)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	fd.EmptyKey = "tag.empty"
	following, err := w.store.IsFollowing(r.Context(), state(r).me.ID, store.FollowTag, tag)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	p := w.newPage(r, "#"+tag, tagData{Tag: tag, Feed: fd, Following: following})
	p.AtomURL = "/t/" + url.PathEscape(tag) + "/feed.atom"
	w.render(rw, r, http.StatusOK, "tag", p)
}

func (w *Web) tagFollow(rw http.ResponseWriter, r *http.Request) {
	tag := strings.ToLower(r.PathValue("tag"))
	if !w.parseForm(rw, r) {
		return
	}
	if len(store.NormalizeTags([]string{tag})) != 1 || len(tag) > store.MaxTagLen {
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	if err := w.toggleFollow(r, store.FollowTag, tag); err != nil {
		w.serverError(rw, r, err)
		return
	}
	redirect(rw, r, "/t/"+tag)
}
