package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// replyJSON is an answer or comment with what the caller did to it.
type replyJSON struct {
	store.Reply
	Mine        bool         `json:"mine"`
	MyReactions []string     `json:"my_reactions"`
	Comments    []replyJSON  `json:"comments"`
	Attachments []uploadJSON `json:"attachments"`
}

// postDetailJSON is a post with everything under it, for GET /posts/{id}.
type postDetailJSON struct {
	store.Post
	Answers       []replyJSON          `json:"answers"`
	Comments      []replyJSON          `json:"comments"`
	StatusHistory []store.StatusChange `json:"status_history"`
	MyReactions   []string             `json:"my_reactions"`
	Voted         bool                 `json:"voted"`
	Attachments   []uploadJSON         `json:"attachments"`
}

// postGet answers GET /posts/{id}: the post, its answers (accepted first)
// with their comments, the comments on the post, an idea's status history,
// and the caller's own reactions and vote.
func (a *API) postGet(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	d, err := a.detail(r, c, p)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if a.views != nil {
		a.views.Add(p.ID)
	}
	writeJSON(w, http.StatusOK, d)
}

// detail gathers what hangs under a post the caller has already read.
func (a *API) detail(r *http.Request, c caller, p store.Post) (postDetailJSON, error) {
	ctx := r.Context()
	answers, comments, err := a.store.Replies(ctx, c.viewer(), p.ID, p.AcceptedAnswerID)
	if err != nil {
		return postDetailJSON{}, err
	}
	mine, err := a.store.MyReactions(ctx, c.person.ID, p.ID)
	if err != nil {
		return postDetailJSON{}, err
	}
	d := postDetailJSON{
		Post:          p,
		Answers:       replyViews(answers, mine, c.person.ID),
		Comments:      replyViews(comments, mine, c.person.ID),
		StatusHistory: []store.StatusChange{},
		MyReactions:   kinds(mine[0]),
	}
	if err := a.withAttachments(r, &d); err != nil {
		return postDetailJSON{}, err
	}
	if p.Type == store.TypeIdea {
		h, err := a.store.StatusHistory(ctx, p.ID)
		if err != nil {
			return postDetailJSON{}, err
		}
		if h != nil {
			d.StatusHistory = h
		}
		if d.Voted, err = a.store.HasVoted(ctx, c.person.ID, p.ID); err != nil {
			return postDetailJSON{}, err
		}
	}
	return d, nil
}

func replyViews(rs []store.Reply, mine map[int64]map[string]bool, me int64) []replyJSON {
	out := make([]replyJSON, len(rs))
	for i, r := range rs {
		out[i] = replyView(r, mine, me)
	}
	return out
}

// replyView adds the caller's reactions to a reply. Mine comes from the
// store, which sets it for the reply's author only — the anonymous asker
// included, whose author id is blanked for everyone.
func replyView(r store.Reply, mine map[int64]map[string]bool, me int64) replyJSON {
	return replyJSON{
		Reply:       r,
		Mine:        r.Mine,
		MyReactions: kinds(mine[r.ID]),
		Comments:    replyViews(r.Comments, mine, me),
	}
}

// kinds lists the reaction kinds set in m, in display order.
func kinds(m map[string]bool) []string {
	out := []string{}
	for _, k := range store.ReactionKinds {
		if m[k] {
			out = append(out, k)
		}
	}
	return out
}
