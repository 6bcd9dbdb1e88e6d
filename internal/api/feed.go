package api

import "net/http"

// feed answers GET /feed: the caller's home feed — posts from their
// communities and from what they follow — newest activity first.
func (a *API) feed(w http.ResponseWriter, r *http.Request, c caller) {
	f, ok := postFilter(w, r)
	if !ok {
		return
	}
	f.Home = true
	a.listPosts(w, r, c, f)
}
