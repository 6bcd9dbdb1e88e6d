package api

import (
	"errors"
	"net/http"
	"slices"

	"github.com/tacit-org/tacit/internal/store"
)

// reactionRequest is the body of POST /posts/{id}/reactions.
type reactionRequest struct {
	Kind    string `json:"kind"`
	ReplyID int64  `json:"reply_id"` // an answer or comment of the post; 0 for the post itself
}

// reactionJSON is the caller's reaction of one kind and the counts after it.
type reactionJSON struct {
	PostID    int64                `json:"post_id"`
	ReplyID   int64                `json:"reply_id"`
	Kind      string               `json:"kind"`
	Reacted   bool                 `json:"reacted"`
	Reactions store.ReactionCounts `json:"reactions"`
}

// reactionCreate answers POST /posts/{id}/reactions: 201 when the reaction
// is new, 200 when the caller had already reacted so (nothing changes).
// Reacting to one's own post is allowed.
func (a *API) reactionCreate(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	var req reactionRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	a.react(w, r, c, p, req.Kind, req.ReplyID, true)
}

// react sets or clears one of the caller's reactions on a post or one of
// its replies, and answers with the counts after the change.
func (a *API) react(w http.ResponseWriter, r *http.Request, c caller, p store.Post, kind string, replyID int64, on bool) {
	fe := store.FieldErrors{}
	if kind == "" {
		fe["kind"] = "error.required"
	} else if !slices.Contains(store.ReactionKinds, kind) {
		fe["kind"] = "error.invalid_choice"
	}
	if replyID != 0 {
		ref, err := a.store.Reply(r.Context(), c.viewer(), replyID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			a.fail(w, r, err)
			return
		}
		if err != nil || ref.PostID != p.ID {
			fe["reply_id"] = "error.not_found"
		}
	}
	if len(fe) > 0 {
		invalid(w, fe)
		return
	}
	changed, err := a.store.React(r.Context(), c.person.ID, p.ID, replyID, kind, on)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	counts, err := a.reactionCounts(r, c, p.ID, replyID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if on && changed {
		status = http.StatusCreated
	}
	writeJSON(w, status, reactionJSON{PostID: p.ID, ReplyID: replyID, Kind: kind, Reacted: on, Reactions: counts})
}

// reactionCounts reads the counters of a post (replyID 0) or one of its
// replies, as they are after a change.
func (a *API) reactionCounts(r *http.Request, c caller, postID, replyID int64) (store.ReactionCounts, error) {
	p, err := a.store.Post(r.Context(), c.viewer(), postID)
	if err != nil || replyID == 0 {
		return p.Reactions, err
	}
	answers, comments, err := a.store.Replies(r.Context(), c.viewer(), p.ID, p.AcceptedAnswerID)
	if err != nil {
		return store.ReactionCounts{}, err
	}
	for _, rp := range append(answers, comments...) {
		for _, x := range append([]store.Reply{rp}, rp.Comments...) {
			if x.ID == replyID {
				return x.Reactions, nil
			}
		}
	}
	return store.ReactionCounts{}, store.ErrNotFound
}
