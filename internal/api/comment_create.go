package api

import (
	"errors"
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// commentRequest is the body of POST /posts/{id}/comments.
type commentRequest struct {
	Body     string `json:"body"`
	ParentID int64  `json:"parent_id"` // the answer commented on; 0 for the post itself
	// Attachments are ids of the caller's own uploads.
	Attachments []int64 `json:"attachments"`
}

// commentCreate answers POST /posts/{id}/comments with 201 and the comment:
// on the post itself, or with "parent_id" on one of its answers.
func (a *API) commentCreate(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	var req commentRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	if req.ParentID != 0 {
		ok, err := a.isAnswerOf(r, c, req.ParentID, p.ID)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		if !ok {
			invalid(w, store.FieldErrors{"parent_id": "error.not_an_answer"})
			return
		}
	}
	a.createReply(w, r, c, p, store.NewReply{PostID: p.ID, ParentID: req.ParentID, Kind: store.ReplyComment, AuthorID: c.person.ID, Body: req.Body, Attachments: req.Attachments})
}

// isAnswerOf reports whether reply id is an answer under post postID that
// the caller may read. Callers have already read the post, so this
// reveals nothing new.
func (a *API) isAnswerOf(r *http.Request, c caller, id, postID int64) (bool, error) {
	ref, err := a.store.Reply(r.Context(), c.viewer(), id)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil && ref.PostID == postID && ref.Kind == store.ReplyAnswer, err
}
