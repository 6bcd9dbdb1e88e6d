package api

import "net/http"

// personPosts answers GET /people/{id}/posts: the person's named posts in
// communities the caller may read. Anonymous posts never appear here, not
// even to their author, so the list cannot be used to unmask anyone.
func (a *API) personPosts(w http.ResponseWriter, r *http.Request, c caller) {
	person, ok := a.person(w, r)
	if !ok {
		return
	}
	f, ok := postFilter(w, r)
	if !ok {
		return
	}
	f.AuthorID = person.ID
	a.listPosts(w, r, c, f)
}
