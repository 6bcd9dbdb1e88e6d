package web

import (
	"net/http"
	"strings"

	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
)

type expertsData struct {
	Query   string // as typed
	Experts []store.Expert
}

// experts answers GET /experts?q=…: who knows about a subject, ranked by
// the evidence in what the person may read (store.Experts).
func (w *Web) experts(rw http.ResponseWriter, r *http.Request) {
	raw := r.URL.Query().Get("q")
	if len(raw) > search.MaxQueryLen {
		raw = strings.ToValidUTF8(raw[:search.MaxQueryLen], "")
	}
	d := expertsData{Query: raw}
	if strings.TrimSpace(raw) != "" {
		var err error
		d.Experts, err = w.store.Experts(r.Context(), viewer(r), store.ExpertQuery{Query: search.Parse(raw), Limit: 10})
		if err != nil {
			w.serverError(rw, r, err)
			return
		}
	}
	w.render(rw, r, http.StatusOK, "experts", w.newPage(r, "experts.title", d))
}

// askExperts returns a few people to ask about an unanswered question: not
// the viewer, nor its named asker. It is computed only for questions
// without answers, from the title and tags, so answered threads cost
// nothing.
func (w *Web) askExperts(r *http.Request, post store.Post) ([]store.Expert, error) {
	if post.Type != store.TypeQuestion || post.AnswerCount > 0 {
		return nil, nil
	}
	except := []int64{state(r).me.ID}
	if !post.Anonymous && post.AuthorID != 0 {
		except = append(except, post.AuthorID)
	}
	return w.store.Experts(r.Context(), viewer(r), store.ExpertQuery{
		Query:        search.Like(post.Title+" "+strings.Join(post.Tags, " "), false),
		ExceptPost:   post.ID,
		ExceptPeople: except,
		Limit:        3,
	})
}
