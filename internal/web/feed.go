package web

import (
	"net/http"
	"slices"
	"sort"
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

// feedTags counts the tags of the posts on a feed page, most used first.
// Sidebars show these instead of counting tags over every post on each
// request, which took a second at 100,000 posts (docs/benchmarks.md).
func feedTags(posts []store.Post, limit int) []store.Tag {
	counts := map[string]int64{}
	var order []string
	for _, p := range posts {
		for _, t := range p.Tags {
			if counts[t] == 0 {
				order = append(order, t)
			}
			counts[t]++
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return counts[order[i]] > counts[order[j]] })
	if len(order) > limit {
		order = order[:limit]
	}
	tags := make([]store.Tag, len(order))
	for i, t := range order {
		tags[i] = store.Tag{Name: t, Count: counts[t]}
	}
	return tags
}

func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}
