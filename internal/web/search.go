package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
)

// snippetLen is about how many letters of text a search result shows.
const snippetLen = 240

type searchData struct {
	Query    string // as typed, kept in the search box
	Searched bool   // a query was given
	Hits     []searchHit
	Partial  []searchHit // with only some of the words, when the words together find few
	Total    int64
	More     bool // more than Total
	Page     int
	Pages    int
	PrevURL  string
	NextURL  string
	// WithoutFilters searches the same words without the filters, offered
	// when a filtered search finds nothing.
	WithoutFilters string
	// Subject is the words of the query, for "Who knows about …?".
	Subject string
}

// searchHit is a post that matched, with its title and snippet as HTML in
// which the matched words are marked.
type searchHit struct {
	store.Post
	TitleHTML   template.HTML
	SnippetHTML template.HTML
}

// search answers GET /search?q=…&page=N: the posts the person may read that
// match, ranked, a page at a time.
func (w *Web) search(rw http.ResponseWriter, r *http.Request) {
	raw := r.URL.Query().Get("q")
	if len(raw) > search.MaxQueryLen {
		raw = strings.ToValidUTF8(raw[:search.MaxQueryLen], "")
	}
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	page = min(page, store.MaxSearchPage)
	d := searchData{Query: raw, Page: page}
	// The title stays a message id: the layout translates it, and the
	// translation cache must not grow with every query people type.
	const title = "search.title"
	if strings.TrimSpace(raw) == "" {
		w.render(rw, r, http.StatusOK, "search", w.newPage(r, title, d))
		return
	}
	q := search.Parse(raw)
	res, err := w.store.Search(r.Context(), viewer(r), q, page, pageSize)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	d.Searched, d.Total, d.More, d.Pages = true, res.Total, res.More, res.Pages()
	if q.HasText() {
		d.Subject = search.Query{Groups: q.Groups}.String()
	}
	d.Hits, d.Partial = marked(res.Hits, q), marked(res.Partial, q)
	pageURL := func(n int) string {
		v := url.Values{"q": {raw}}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		return "/search?" + v.Encode()
	}
	if page > 1 {
		d.PrevURL = pageURL(min(page-1, max(d.Pages, 1)))
	}
	if page < d.Pages {
		d.NextURL = pageURL(page + 1)
	}
	if d.Total == 0 && (len(q.Tags)+len(q.Types)+len(q.Communities)+len(q.Authors) > 0 || q.Answered != nil) {
		words := search.Query{Groups: q.Groups, Exclude: q.Exclude}
		if s := words.String(); s != "" {
			d.WithoutFilters = "/search?" + url.Values{"q": {s}}.Encode()
		}
	}
	w.render(rw, r, http.StatusOK, "search", w.newPage(r, title, d))
}

// marked returns hits with their title and snippet as HTML in which the
// words of q are marked.
func marked(hits []store.SearchHit, q search.Query) []searchHit {
	var out []searchHit
	for _, h := range hits {
		// The title is shown whole: Snippet starts a window this wide
		// (four times the title) at the title's first word.
		out = append(out, searchHit{
			Post:        h.Post,
			TitleHTML:   highlight(search.Snippet(h.Title, q, 4*(utf8.RuneCountInString(h.Title)+1))),
			SnippetHTML: highlight(search.Snippet(h.Text, q, snippetLen)),
		})
	}
	return out
}

// highlight escapes text and marks the spans in it, as search.Snippet
// returns them. Every piece of the person's text is escaped; only the
// <mark> tags are trusted.
func highlight(text string, spans []search.Span) template.HTML {
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End > len(text) || s.Start >= s.End {
			continue
		}
		b.WriteString(template.HTMLEscapeString(text[at:s.Start]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[s.Start:s.End]))
		b.WriteString("</mark>")
		at = s.End
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}
