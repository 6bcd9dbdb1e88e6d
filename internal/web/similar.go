package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/tacit-org/tacit/internal/store"
)

// similar answers GET /similar?title=…: the list of questions that look like
// a title being typed in the composer, as an HTML fragment for its script
// (the composer shows the same list without JavaScript when a question is
// posted or previewed). It reads with the person's session, so it offers
// only what they may read.
func (w *Web) similar(rw http.ResponseWriter, r *http.Request) {
	found, err := w.store.SimilarQuestions(r.Context(), viewer(r), r.URL.Query().Get("title"), true, 0)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.fragment(rw, r, "similar-list", w.newPage(r, "", composerData{Similar: found}))
}

// fragment writes one shared partial (templates/_*.html) without the layout.
func (w *Web) fragment(rw http.ResponseWriter, r *http.Request, name string, p page) {
	t, ok := w.pages["composer"]
	if !ok {
		w.serverError(rw, r, fmt.Errorf("web: no template set for %q", name))
		return
	}
	var buf strings.Builder
	if err := t.ExecuteTemplate(&buf, name, &p); err != nil {
		w.serverError(rw, r, fmt.Errorf("web: render %s: %w", name, err))
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = rw.Write([]byte(buf.String()))
}

// similarBeforePosting returns the questions that look like one about to be
// posted, unless the person has already seen them (the composer carries
// similar_checked once it has shown them) or the post is no question.
func (w *Web) similarBeforePosting(r *http.Request, typ, title string) ([]store.SimilarQuestion, error) {
	if typ != store.TypeQuestion || r.PostForm.Get("similar_checked") != "" || strings.TrimSpace(title) == "" {
		return nil, nil
	}
	return w.store.SimilarQuestions(r.Context(), viewer(r), title, false, 0)
}
