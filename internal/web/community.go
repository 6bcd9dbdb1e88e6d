package web

import (
	"net/http"
	"net/url"

	"github.com/tacit-org/tacit/internal/store"
)

// community loads the community named in the URL for the viewer; a secret
// community of which the viewer is not a member answers 404 like a missing one.
func (w *Web) community(rw http.ResponseWriter, r *http.Request) (store.Community, bool) {
	c, err := w.store.CommunityBySlug(r.Context(), viewer(r), r.PathValue("slug"))
	if err != nil {
		w.fail(rw, r, err)
		return c, false
	}
	return c, true
}

// moderated loads the community and lets only its owners and moderators on.
func (w *Web) moderated(rw http.ResponseWriter, r *http.Request) (store.Community, bool) {
	c, ok := w.community(rw, r)
	if !ok {
		return c, false
	}
	if !c.CanModerate() {
		if c.CanRead() {
			w.errorPage(rw, r, http.StatusForbidden)
		} else {
			w.notFound(rw, r)
		}
		return c, false
	}
	return c, true
}

type communityData struct {
	Community  store.Community
	Tab        string
	Feed       feed
	Tags       []store.Tag
	Moderators []store.Member
	Pending    int
}

func (w *Web) communityShow(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.community(rw, r)
	if !ok {
		return
	}
	d := communityData{Community: c, Tab: "posts"}
	if c.CanRead() {
		var err error
		if d.Feed, err = w.loadFeed(r, store.PostFilter{CommunityID: c.ID}, "/c/"+c.Slug); err != nil {
			w.serverError(rw, r, err)
			return
		}
		d.Feed.EmptyKey = "community.empty"
		d.Tags = feedTags(d.Feed.Posts, 10)
		members, err := w.store.Members(r.Context(), c.ID, 50)
		if err != nil {
			w.serverError(rw, r, err)
			return
		}
		for _, m := range members {
			if m.Role != store.RoleMember {
				d.Moderators = append(d.Moderators, m)
			}
		}
		if c.CanModerate() {
			reqs, err := w.store.JoinRequests(r.Context(), c.ID)
			if err != nil {
				w.serverError(rw, r, err)
				return
			}
			d.Pending = len(reqs)
		}
	}
	p := w.newPage(r, c.Name, d)
	if p.LiveURL != "" {
		p.LiveURL += "&c=" + url.QueryEscape(c.Slug)
	}
	p.AtomURL = "/c/" + c.Slug + "/feed.atom"
	w.render(rw, r, http.StatusOK, "community", p)
}

func (w *Web) communityJoin(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.community(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	me := state(r).me
	switch c.Visibility {
	case store.VisibilityOpen:
		if err := w.store.Join(r.Context(), me.ID, c.ID); err != nil {
			w.fail(rw, r, err)
			return
		}
		w.flash(rw, "flash.joined")
	case store.VisibilityClosed:
		if c.MyRole == "" {
			if err := w.store.RequestJoin(r.Context(), me.ID, c.ID, trimmed(r.PostForm.Get("message"), 500)); err != nil {
				w.fail(rw, r, err)
				return
			}
			w.flash(rw, "flash.requested")
		}
	default:
		// Secret communities are joined by invitation only.
		w.errorPage(rw, r, http.StatusForbidden)
		return
	}
	redirect(rw, r, "/c/"+c.Slug)
}

func (w *Web) communityLeave(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.community(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	me := state(r).me
	err := w.store.Leave(r.Context(), me.ID, c.ID, me.ID)
	if err == store.ErrLastOwner {
		w.flash(rw, "error.last_owner")
		redirect(rw, r, "/c/"+c.Slug)
		return
	}
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.left")
	if c.Visibility == store.VisibilityOpen {
		redirect(rw, r, "/c/"+c.Slug)
		return
	}
	redirect(rw, r, "/c")
}
