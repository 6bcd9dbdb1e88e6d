package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// acceptRequest is the body of POST /posts/{id}/accept; an answer_id of 0
// takes the acceptance back.
type acceptRequest struct {
	AnswerID *int64 `json:"answer_id"`
}

// accept answers POST /posts/{id}/accept with the question after it: the
// asker (anonymous or not) or a moderator of the community marks one answer
// as the accepted one.
func (a *API) accept(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	if _, ok := a.authorOrModerator(w, r, c, p.Mine, p.CommunityID); !ok {
		return
	}
	var req acceptRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	if p.Type != store.TypeQuestion {
		badRequest(w, "error.not_a_question")
		return
	}
	if req.AnswerID == nil {
		invalid(w, store.FieldErrors{"answer_id": "error.required"})
		return
	}
	if id := *req.AnswerID; id != 0 {
		ok, err := a.isAnswerOf(r, c, id, p.ID)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		if !ok {
			invalid(w, store.FieldErrors{"answer_id": "error.not_an_answer"})
			return
		}
	}
	if err := a.store.Accept(r.Context(), c.person.ID, p.ID, *req.AnswerID); err != nil {
		a.fail(w, r, err)
		return
	}
	p, err := a.store.Post(r.Context(), c.viewer(), p.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}
