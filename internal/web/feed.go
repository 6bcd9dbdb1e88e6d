package web

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/tacit-org/tacit/internal/store"
)

// pageSize is how many posts a feed page shows.
const pageSize = 20

// feed is one page of posts with the link to the next.
type feed struct {
	Posts    []store.Post
	NextURL  string
	Filter   string // the post type filter in use, "" for all
	BaseURL  string // the feed's own URL without cursor and filter
	Types    []string
	EmptyKey string // message id of the empty state
}

// loadFeed reads one page of a feed for the request's viewer, honouring
// ?type= and ?after= (a cursor).
func (w *Web) loadFeed(r *http.Request, f store.PostFilter, base string) (feed, error) {
	q := r.URL.Query()
	if t := q.Get("type"); slices.Contains(store.PostTypes, t) {
		f.Type = t
	} else if t == "unanswered" {
		f.Unanswered = true
	}
	posts, next, err := w.store.Posts(r.Context(), viewer(r), f, store.ParseCursor(q.Get("after")), pageSize)
	if err != nil {
		return feed{}, err
	}
	fd := feed{Posts: posts, BaseURL: base, Filter: q.Get("type"), Types: store.PostTypes}
	if next.ID != 0 {
		v := r.URL.Query()
		v.Set("after", next.String())
		fd.NextURL = r.URL.Path + "?" + v.Encode()
	}
	return fd, nil
}

func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}
