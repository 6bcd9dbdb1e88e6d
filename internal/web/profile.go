package web

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

type profileData struct {
	Person    store.Person
	Stats     store.PersonStats
	Feed      feed
	Following bool
	Self      bool
}

func (w *Web) profile(rw http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		w.notFound(rw, r)
		return
	}
	ctx, v := r.Context(), viewer(r)
	person, err := w.store.PersonByID(ctx, id)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	d := profileData{Person: person, Self: person.ID == v.ID}
	if d.Stats, err = w.store.Stats(ctx, v, id); err != nil {
		w.serverError(rw, r, err)
		return
	}
	if d.Feed, err = w.loadFeed(r, store.PostFilter{AuthorID: id}, "/u/"+itoa(id)); err != nil {
		w.serverError(rw, r, err)
		return
	}
	d.Feed.EmptyKey = "profile.empty"
	if d.Following, err = w.store.IsFollowing(ctx, v.ID, store.FollowPerson, itoa(id)); err != nil {
		w.serverError(rw, r, err)
		return
	}
	p := w.newPage(r, person.Name, d)
	p.AtomURL = "/u/" + itoa(id) + "/feed.atom"
	w.render(rw, r, http.StatusOK, "profile", p)
}

func (w *Web) personFollow(rw http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	if !ok || !w.parseForm(rw, r) {
		if !ok {
			w.notFound(rw, r)
		}
		return
	}
	if _, err := w.store.PersonByID(r.Context(), id); err != nil {
		w.fail(rw, r, err)
		return
	}
	if err := w.toggleFollow(r, store.FollowPerson, itoa(id)); err != nil {
		w.serverError(rw, r, err)
		return
	}
	redirect(rw, r, "/u/"+itoa(id))
}
