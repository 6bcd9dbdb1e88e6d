package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// answerRequest is the body of POST /posts/{id}/answers.
type answerRequest struct {
	Body        string  `json:"body"`
	Attachments []int64 `json:"attachments"` // ids of the caller's own uploads
}

// answerCreate answers POST /posts/{id}/answers with 201 and the answer.
// Anyone who may read a question may answer it: answers from outside the
// asker's own circle are what the platform is for.
func (a *API) answerCreate(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	var req answerRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	if p.Type != store.TypeQuestion {
		badRequest(w, "error.type_for_answers")
		return
	}
	a.createReply(w, r, c, p, store.NewReply{PostID: p.ID, Kind: store.ReplyAnswer, AuthorID: c.person.ID, Body: req.Body, Attachments: req.Attachments})
}

// createReply validates and stores a reply, then answers 201 with it as
// GET /posts/{id} would show it.
func (a *API) createReply(w http.ResponseWriter, r *http.Request, c caller, p store.Post, nr store.NewReply) {
	fe := store.ValidateReplyBody(nr.Body, int(a.maxBody))
	if err := a.attachable(r, c, nr.Attachments, fe); err != nil {
		a.fail(w, r, err)
		return
	}
	if len(fe) > 0 {
		invalid(w, fe)
		return
	}
	if p.Locked {
		conflict(w, "error.locked", nil)
		return
	}
	held, ok := a.watch(w, r, "body", nr.Body)
	if !ok || !a.mayContribute(w, r, c) {
		return
	}
	nr.Held = held
	id, err := a.store.CreateReply(r.Context(), nr)
	if err != nil {
		a.moderationFail(w, r, err)
		return
	}
	d, err := a.detail(r, c, p)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	reply, ok := findReply(append(d.Answers, d.Comments...), id)
	if !ok {
		// Deleted between the write and the read: nothing left to show.
		notFound(w)
		return
	}
	writeJSON(w, http.StatusCreated, reply)
}

// findReply finds a reply by id among replies and their comments.
func findReply(rs []replyJSON, id int64) (replyJSON, bool) {
	for _, r := range rs {
		if r.ID == id {
			return r, true
		}
		if c, ok := findReply(r.Comments, id); ok {
			return c, true
		}
	}
	return replyJSON{}, false
}
