package api

import (
	"net/http"
	"unicode/utf8"

	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
)

// snippetLen is about how many characters of text a search result carries.
const snippetLen = 240

// searchJSON is a page of search results: the list envelope (DESIGN §5)
// with the number of matches on all pages.
type searchJSON struct {
	Items      []searchItemJSON `json:"items"`
	NextCursor string           `json:"next_cursor"`
	Total      int64            `json:"total"`
	// MoreThanTotal is set when more posts match than were counted.
	MoreThanTotal bool `json:"more_than_total"`
	// Partial holds posts with only some of the words, on the first page
	// when all of them together find less than a page.
	Partial []searchItemJSON `json:"partial"`
}

// searchItemJSON is a post that matched, with the part of its text (body,
// answers and comments) that matched best and where the matched words are.
type searchItemJSON struct {
	store.Post
	Snippet    string          `json:"snippet"`
	Highlights []highlightJSON `json:"highlights"`
}

// highlightJSON is a matched word in a snippet, as offsets in characters
// (Unicode code points) from its start: [start, end).
type highlightJSON struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// search answers GET /search?q=…: the posts the caller may read that match
// the query, best first, in the query language of package search
// ("phrase", -word, OR, tag:, type:, in:, author:, is:). A query without
// words lists by the filters alone, newest activity first. Nothing typed
// is an error; the cursor carries the page number.
func (a *API) search(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := parsePage(w, r)
	if !ok {
		return
	}
	page := int(min(max(p.after.At, 1), store.MaxSearchPage+1))
	q := search.Parse(r.URL.Query().Get("q"))
	res, err := a.store.Search(r.Context(), c.viewer(), q, page, p.limit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := searchJSON{Items: searchItems(res.Hits, q), Total: res.Total, MoreThanTotal: res.More, Partial: searchItems(res.Partial, q)}
	if page < res.Pages() {
		out.NextCursor = store.Cursor{At: int64(page + 1), ID: 1}.String()
	}
	writeJSON(w, http.StatusOK, out)
}

// searchItems turns hits into items with their snippets.
func searchItems(hits []store.SearchHit, q search.Query) []searchItemJSON {
	out := make([]searchItemJSON, 0, len(hits))
	for _, h := range hits {
		snippet, spans := search.Snippet(h.Text, q, snippetLen)
		item := searchItemJSON{Post: h.Post, Snippet: snippet, Highlights: make([]highlightJSON, 0, len(spans))}
		for _, s := range spans {
			start := utf8.RuneCountInString(snippet[:s.Start])
			item.Highlights = append(item.Highlights, highlightJSON{Start: start, End: start + utf8.RuneCountInString(snippet[s.Start:s.End])})
		}
		out = append(out, item)
	}
	return out
}
