package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/tacit-org/tacit/internal/store"
)

func (w *Web) answerCreate(rw http.ResponseWriter, r *http.Request) {
	w.replyCreate(rw, r, store.ReplyAnswer)
}

func (w *Web) commentCreate(rw http.ResponseWriter, r *http.Request) {
	w.replyCreate(rw, r, store.ReplyComment)
}

func (w *Web) replyCreate(rw http.ResponseWriter, r *http.Request, kind string) {
	post, c, ok := w.post(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	if kind == store.ReplyAnswer && post.Type != store.TypeQuestion {
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	// Reading an open community is enough to take part in it.
	body := strings.TrimSpace(r.PostForm.Get("body"))
	nr := store.NewReply{PostID: post.ID, Kind: kind, AuthorID: state(r).me.ID, Body: body}
	if kind == store.ReplyComment {
		if id, ok := parseID(r.PostForm.Get("parent")); ok {
			nr.ParentID = id
		}
	}
	fe := store.ValidateReplyBody(body, int(w.opt.MaxBodyBytes))
	status := http.StatusBadRequest
	if post.Locked {
		fe["body"], status = "error.locked", http.StatusConflict
	}
	held, err := w.watch(r, fe, "body", body)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	if len(fe) == 0 {
		var msg string
		if nr.Attachments, msg = w.attachmentsFromForm(r); msg != "" {
			fe["body"] = msg
		}
	}
	if len(fe) > 0 {
		form := url.Values{kind + "_body": {r.PostForm.Get("body")}, "parent": {r.PostForm.Get("parent")}, "attachments": r.PostForm["attachments"]}
		w.renderPost(rw, r, status, post, c, form, store.FieldErrors{kind + "_body": fe["body"], kind + "_body_word": fe["body_word"]})
		return
	}
	if !w.contributionWait(rw, r) {
		return
	}
	nr.Held = held
	id, err := w.store.CreateReply(r.Context(), nr)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	redirect(rw, r, "/p/"+itoa(post.ID)+"#r"+itoa(id))
}

func (w *Web) accept(rw http.ResponseWriter, r *http.Request) {
	post, c, ok := w.post(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	if post.Type != store.TypeQuestion || !(post.Mine || c.CanModerate()) {
		w.errorPage(rw, r, http.StatusForbidden)
		return
	}
	answerID, _ := parseID(r.PostForm.Get("answer"))
	if r.PostForm.Get("clear") == "1" {
		answerID = 0
	} else if answerID == 0 {
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	if err := w.store.Accept(r.Context(), state(r).me.ID, post.ID, answerID); err != nil {
		w.fail(rw, r, err)
		return
	}
	redirect(rw, r, "/p/"+itoa(post.ID)+"#r"+itoa(answerID))
}

func (w *Web) react(rw http.ResponseWriter, r *http.Request) {
	post, _, ok := w.post(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	// The reaction forms send toggle=kind:1 (add) or kind:0 (take back) from
	// the button pressed; kind and on as separate fields work too.
	kind, on := r.PostForm.Get("kind"), r.PostForm.Get("on") != "0"
	if k, state, found := strings.Cut(r.PostForm.Get("toggle"), ":"); found {
		kind, on = k, state != "0"
	}
	if !slices.Contains(store.ReactionKinds, kind) {
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	replyID, _ := parseID(r.PostForm.Get("reply"))
	if replyID != 0 {
		// The reply itself must be one the viewer may read (held and
		// hidden replies are not), not only its post.
		rep, err := w.store.Reply(r.Context(), viewer(r), replyID)
		if err != nil || rep.PostID != post.ID {
			w.notFound(rw, r)
			return
		}
	}
	if _, err := w.store.React(r.Context(), state(r).me.ID, post.ID, replyID, kind, on); err != nil {
		w.fail(rw, r, err)
		return
	}
	anchor := ""
	if replyID != 0 {
		anchor = "#r" + itoa(replyID)
	}
	redirect(rw, r, "/p/"+itoa(post.ID)+anchor)
}

func (w *Web) vote(rw http.ResponseWriter, r *http.Request) {
	post, _, ok := w.post(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	if post.Type != store.TypeIdea {
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	if _, err := w.store.Vote(r.Context(), state(r).me.ID, post.ID, r.PostForm.Get("on") != "0"); err != nil {
		w.fail(rw, r, err)
		return
	}
	redirect(rw, r, "/p/"+itoa(post.ID))
}

func (w *Web) ideaStatus(rw http.ResponseWriter, r *http.Request) {
	post, c, ok := w.post(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	if !c.CanModerate() {
		w.errorPage(rw, r, http.StatusForbidden)
		return
	}
	status, note := r.PostForm.Get("status"), strings.TrimSpace(r.PostForm.Get("note"))
	fe := store.FieldErrors{}
	if post.Type != store.TypeIdea || !slices.Contains(store.IdeaStatuses, status) {
		fe["status"] = "error.invalid_choice"
	}
	if len([]rune(note)) > store.MaxNote {
		fe["note"] = "error.too_long"
	}
	if len(fe) > 0 {
		w.renderPost(rw, r, http.StatusBadRequest, post, c, r.PostForm, fe)
		return
	}
	if err := w.store.SetIdeaStatus(r.Context(), state(r).me.ID, post.ID, status, note); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.saved")
	redirect(rw, r, "/p/"+itoa(post.ID))
}

// reply loads a reply and its post for the viewer; only its author or a
// moderator of the community may change it.
func (w *Web) reply(rw http.ResponseWriter, r *http.Request) (store.Reply, store.Post, bool, bool) {
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		w.notFound(rw, r)
		return store.Reply{}, store.Post{}, false, false
	}
	// A reply the viewer may not read (in a post they may not read, or
	// held or hidden from them itself) is not found, as one that does not
	// exist: never "forbidden", which would tell that it exists.
	ref, err := w.store.Reply(r.Context(), viewer(r), id)
	if err != nil {
		w.fail(rw, r, err)
		return ref, store.Post{}, false, false
	}
	post, err := w.store.Post(r.Context(), viewer(r), ref.PostID)
	if err != nil {
		w.fail(rw, r, err)
		return ref, post, false, false
	}
	mod, err := w.store.CanModerate(r.Context(), state(r).me.ID, post.CommunityID)
	if err != nil {
		w.serverError(rw, r, err)
		return ref, post, false, false
	}
	if !ref.Mine && !mod {
		w.errorPage(rw, r, http.StatusForbidden)
		return ref, post, false, false
	}
	return ref, post, mod && !ref.Mine, true
}

type replyEditData struct {
	Reply    store.Reply
	Post     store.Post
	MediaOn  bool           // files can be attached
	Existing []store.Upload // the files attached now, each with a remove box
	Uploads  []store.Upload // files this form already carries
	Hint     string
}

// replyEditPage is the edit page of a reply, with its files.
func (w *Web) replyEditPage(r *http.Request, ref store.Reply, post store.Post, form url.Values, fe store.FieldErrors) page {
	d := replyEditData{Reply: ref, Post: post, MediaOn: w.opt.Media != nil, Hint: w.attachHint(state(r).lang)}
	files, err := w.store.Attachments(r.Context(), post.ID)
	if err != nil {
		w.log.Error("attachments", "err", err)
	}
	d.Existing = files[ref.ID]
	if form != nil {
		d.Uploads = w.pendingUploads(r, form)
	}
	p := w.newPage(r, "reply.edit_title", d)
	if form != nil {
		p.Form = form
	}
	p.Errors = fe
	return p
}

func (w *Web) replyEditForm(rw http.ResponseWriter, r *http.Request) {
	ref, post, _, ok := w.reply(rw, r)
	if !ok {
		return
	}
	p := w.replyEditPage(r, ref, post, nil, nil)
	p.Form.Set("body", ref.Body)
	w.render(rw, r, http.StatusOK, "reply_edit", p)
}

func (w *Web) replyEdit(rw http.ResponseWriter, r *http.Request) {
	ref, post, _, ok := w.reply(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	body := strings.TrimSpace(r.PostForm.Get("body"))
	fe := store.ValidateReplyBody(body, int(w.opt.MaxBodyBytes))
	if _, err := w.watch(r, fe, "body", body); err != nil {
		w.serverError(rw, r, err)
		return
	}
	e := store.ReplyEdit{Body: body}
	if len(fe) == 0 {
		e.Attach, e.Remove = w.attachmentEdit(r, fe, "file", post.ID, ref.ID)
	}
	if len(fe) > 0 {
		w.render(rw, r, http.StatusBadRequest, "reply_edit", w.replyEditPage(r, ref, post, r.PostForm, fe))
		return
	}
	if err := w.store.EditReplyWith(r.Context(), state(r).me.ID, ref.ID, e); err != nil {
		w.fail(rw, r, err)
		return
	}
	redirect(rw, r, "/p/"+itoa(post.ID)+"#r"+itoa(ref.ID))
}

func (w *Web) replyDelete(rw http.ResponseWriter, r *http.Request) {
	ref, post, byMod, ok := w.reply(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	if err := w.store.DeleteReply(r.Context(), state(r).me.ID, ref.ID, byMod); err != nil && !errors.Is(err, store.ErrNotFound) {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.deleted")
	redirect(rw, r, "/p/"+itoa(post.ID))
}

// replyRevisionList shows an answer's or comment's earlier texts, newest
// first, to anyone who may read it. The reply is read first, with every
// visibility rule: one the viewer may not read is not found, as one that
// never existed. The store leaves out the editor's name where it would
// unmask an anonymous asker.
func (w *Web) replyRevisionList(rw http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		w.notFound(rw, r)
		return
	}
	rep, err := w.store.Reply(r.Context(), viewer(r), id)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	post, err := w.store.Post(r.Context(), viewer(r), rep.PostID)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	revs, err := w.store.Revisions(r.Context(), viewer(r), post.ID, rep.ID)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "revisions", w.newPage(r, post.Title, revisionsData{Post: post, Reply: rep, Revisions: revs}))
}
