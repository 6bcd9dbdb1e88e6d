package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// tagPosts answers GET /tags/{tag}/posts: posts with the tag that the
// caller may read, newest activity first.
func (a *API) tagPosts(w http.ResponseWriter, r *http.Request, c caller) {
	tags := store.NormalizeTags([]string{r.PathValue("tag")})
	if len(tags) != 1 {
		invalid(w, store.FieldErrors{"tag": "error.tag_invalid"})
		return
	}
	f, ok := postFilter(w, r)
	if !ok {
		return
	}
	f.Tag = tags[0]
	a.listPosts(w, r, c, f)
}
