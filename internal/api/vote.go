package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// voteJSON is the caller's vote on an idea and the count after it.
type voteJSON struct {
	PostID    int64 `json:"post_id"`
	Voted     bool  `json:"voted"`
	VoteCount int64 `json:"vote_count"`
}

// voteAdd answers POST /posts/{id}/votes: 201 when the vote is new, 200
// when the caller had already voted. Only ideas take votes.
func (a *API) voteAdd(w http.ResponseWriter, r *http.Request, c caller) {
	a.vote(w, r, c, true)
}

// voteWithdraw answers DELETE /posts/{id}/votes with 200; withdrawing a
// vote never given changes nothing.
func (a *API) voteWithdraw(w http.ResponseWriter, r *http.Request, c caller) {
	a.vote(w, r, c, false)
}

func (a *API) vote(w http.ResponseWriter, r *http.Request, c caller, on bool) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	if on && !a.decode(w, r, &struct{}{}, true) {
		return
	}
	if p.Type != store.TypeIdea {
		badRequest(w, "error.not_an_idea")
		return
	}
	changed, err := a.store.Vote(r.Context(), c.person.ID, p.ID, on)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	p, err = a.store.Post(r.Context(), c.viewer(), p.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if on && changed {
		status = http.StatusCreated
	}
	writeJSON(w, status, voteJSON{PostID: p.ID, Voted: on, VoteCount: p.VoteCount})
}
