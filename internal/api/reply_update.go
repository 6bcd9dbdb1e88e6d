package api

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/store"
)

// replyUpdateRequest is the body of PATCH /replies/{id}: a field left out
// keeps its value. Kind, post and parent are fixed once written.
type replyUpdateRequest struct {
	Body *string `json:"body"`
	// AddAttachments are the caller's own unattached uploads to attach;
	// RemoveAttachments are files of the reply to take off (and delete).
	AddAttachments    []int64 `json:"add_attachments"`
	RemoveAttachments []int64 `json:"remove_attachments"`
}

// edit lays the request over the reply's current text; changed is false
// when the request asks for nothing.
func (req replyUpdateRequest) edit(rp store.Reply) (e store.ReplyEdit, changed bool) {
	e = store.ReplyEdit{Body: rp.Body, Attach: req.AddAttachments, Remove: req.RemoveAttachments}
	if req.Body != nil {
		e.Body = *req.Body
	}
	return e, req.Body != nil || len(req.AddAttachments) > 0 || len(req.RemoveAttachments) > 0
}

// replyUpdate answers PATCH /replies/{id} for the reply's author or a
// moderator of its community, with the reply as GET /posts/{id} shows it;
// the earlier text is kept as a revision, and a moderator's edit of
// someone else's reply is audited.
func (a *API) replyUpdate(w http.ResponseWriter, r *http.Request, c caller) {
	rp, p, ok := a.reply(w, r, c)
	if !ok {
		return
	}
	if _, ok := a.authorOrModerator(w, r, c, rp.Mine, p.CommunityID); !ok {
		return
	}
	var req replyUpdateRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	e, changed := req.edit(rp)
	fe := store.ValidateReplyBody(e.Body, int(a.maxBody))
	if len(fe) == 0 && (len(e.Attach) > 0 || len(e.Remove) > 0) {
		if err := a.attachmentEdit(r, c, p.ID, rp.ID, e.Attach, e.Remove, fe); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	if len(fe) > 0 {
		invalid(w, fe)
		return
	}
	if _, ok := a.watch(w, r, "body", e.Body); !ok {
		return
	}
	if changed {
		if err := a.store.EditReplyWith(r.Context(), c.person.ID, rp.ID, e); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	d, err := a.detail(r, c, p)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	reply, ok := findReply(append(d.Answers, d.Comments...), rp.ID)
	if !ok {
		// Deleted between the write and the read: nothing left to show.
		notFound(w)
		return
	}
	writeJSON(w, http.StatusOK, reply)
}
