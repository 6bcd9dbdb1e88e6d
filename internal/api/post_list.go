package api

import (
	"net/http"
	"slices"

	"github.com/tacit-org/tacit/internal/store"
)

// postList answers GET /communities/{slug}/posts: the community's posts,
// newest activity first. A closed community's posts answer a non-member
// exactly like a community that does not exist.
func (a *API) postList(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.readableCommunity(w, r, c)
	if !ok {
		return
	}
	f, ok := postFilter(w, r)
	if !ok {
		return
	}
	f.CommunityID = com.ID
	a.listPosts(w, r, c, f)
}

// postFilter reads the filters every post list takes: ?type= and ?unanswered=true.
func postFilter(w http.ResponseWriter, r *http.Request) (store.PostFilter, bool) {
	q := r.URL.Query()
	f := store.PostFilter{Type: q.Get("type"), Unanswered: q.Get("unanswered") == "true"}
	if f.Type != "" && !slices.Contains(store.PostTypes, f.Type) {
		invalid(w, store.FieldErrors{"type": "error.invalid_choice"})
		return f, false
	}
	return f, true
}

// listPosts answers with one page of posts the caller may read. The store
// filters by permission inside the query, so pages are full and anonymous
// authors are already blank.
func (a *API) listPosts(w http.ResponseWriter, r *http.Request, c caller, f store.PostFilter) {
	p, ok := parsePage(w, r)
	if !ok {
		return
	}
	posts, next, err := a.store.Posts(r.Context(), c.viewer(), f, p.after, p.limit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writePosts(w, posts, next)
}
