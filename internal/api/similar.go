package api

import (
	"net/http"
	"strconv"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
)

// similar answers GET /similar?title=…: up to five questions the caller may
// read that look like a question being asked, each with the start of its
// accepted answer. typing=true reads the last word as a prefix (for
// suggestions while the title is typed); except=ID leaves out a question
// (the one being edited). A title with no words finds nothing.
func (a *API) similar(w http.ResponseWriter, r *http.Request, c caller) {
	q := r.URL.Query()
	var except int64
	if s := q.Get("except"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 1 {
			writeError(w, http.StatusBadRequest, "validation", i18n.T("en", "error.validation"),
				map[string]string{"except": "Use the id of a post."})
			return
		}
		except = n
	}
	found, err := a.store.SimilarQuestions(r.Context(), c.viewer(), q.Get("title"), q.Get("typing") == "true", except)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, listJSON[store.SimilarQuestion]{Items: found})
}

// experts answers GET /experts?q=…: the people with the most evidence of
// knowing about the subject in the content the caller may read, with that
// evidence. Anonymous posts count toward no one; deactivated people are
// not listed.
func (a *API) experts(w http.ResponseWriter, r *http.Request, c caller) {
	limit := 10
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > store.MaxExperts {
			writeError(w, http.StatusBadRequest, "validation", i18n.T("en", "error.validation"),
				map[string]string{"limit": "Use a whole number from 1 to 20."})
			return
		}
		limit = n
	}
	found, err := a.store.Experts(r.Context(), c.viewer(), store.ExpertQuery{Query: search.Parse(r.URL.Query().Get("q")), Limit: limit})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, listJSON[store.Expert]{Items: found})
}
