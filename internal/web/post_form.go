package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/markdown"
	"github.com/tacit-org/tacit/internal/store"
)

type composerData struct {
	Community store.Community
	Conduct   bool       // the code of conduct must be accepted before this first post
	Post      store.Post // set when editing
	Editing   bool
	Types     []string
	Audience  string         // "Visible to: …", always shown
	Preview   string         // rendered preview when asked for without JavaScript
	MediaOn   bool           // files can be attached
	Uploads   []store.Upload // files this form already carries
	Existing  []store.Upload // when editing: the files attached now, each with a remove box
	Hint      string         // which files may be attached
	// Similar are existing questions that look like the one being asked,
	// shown once before it is posted (and on preview); SimilarShown then
	// makes the form carry similar_checked so that the next submit posts.
	Similar      []store.SimilarQuestion
	SimilarShown bool
}

// audience says in words who can read what is posted in c (DESIGN §3.1).
func audience(lang string, c store.Community) string {
	switch c.Visibility {
	case store.VisibilityOpen:
		return i18n.T(lang, "composer.audience_open", "Name", c.Name)
	case store.VisibilitySecret:
		return i18n.N(lang, "composer.audience_secret", c.MemberCount, "Name", c.Name)
	}
	return i18n.N(lang, "composer.audience_closed", c.MemberCount, "Name", c.Name)
}

func (w *Web) composerPage(r *http.Request, status int, d composerData, form url.Values, fe store.FieldErrors) page {
	d.Types = store.PostTypes
	if !d.Editing && d.Community.CodeOfConduct != "" {
		accepted, err := w.store.ConductAccepted(r.Context(), d.Community.ID, state(r).me.ID)
		d.Conduct = err != nil || !accepted
	}
	d.Audience = audience(state(r).lang, d.Community)
	d.MediaOn = w.opt.Media != nil
	d.Uploads = w.pendingUploads(r, form)
	if d.Editing {
		files, err := w.store.Attachments(r.Context(), d.Post.ID)
		if err != nil {
			w.log.Error("attachments", "err", err)
		}
		d.Existing = files[0]
	}
	d.Hint = w.attachHint(state(r).lang)
	title := "composer.title"
	if d.Editing {
		title = "composer.edit_title"
	}
	p := w.newPage(r, title, d)
	p.Form, p.Errors = form, fe
	return p
}

// postFromForm reads the composer form.
func postFromForm(f url.Values) (typ, title, body, lang string, tags []string, anon bool) {
	return f.Get("type"), strings.TrimSpace(f.Get("title")), strings.TrimSpace(f.Get("body")), f.Get("language"),
		store.NormalizeTags([]string{f.Get("tags")}), f.Get("anonymous") == "on"
}

func (w *Web) postNew(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.community(rw, r)
	if !ok {
		return
	}
	if c.MyRole == "" {
		if !c.CanRead() {
			w.notFound(rw, r)
			return
		}
		w.flash(rw, "flash.join_to_post")
		redirect(rw, r, "/c/"+c.Slug)
		return
	}
	typ := r.URL.Query().Get("type")
	if typ == "" {
		typ = store.TypeQuestion
	}
	form := url.Values{"type": {typ}, "language": {state(r).lang}}
	w.render(rw, r, http.StatusOK, "composer", w.composerPage(r, http.StatusOK, composerData{Community: c}, form, nil))
}

func (w *Web) postCreate(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.community(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	if c.MyRole == "" {
		if !c.CanRead() {
			w.notFound(rw, r)
			return
		}
		w.errorPage(rw, r, http.StatusForbidden)
		return
	}
	typ, title, body, lang, tags, anon := postFromForm(r.PostForm)
	np := store.NewPost{CommunityID: c.ID, AuthorID: state(r).me.ID, Anonymous: anon, Type: typ, Title: title, Body: body, Language: lang, Tags: tags}
	similar, err := w.similarBeforePosting(r, typ, title)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	if r.PostForm.Get("action") == "preview" {
		d := composerData{Community: c, Preview: markdown.Render(body), Similar: similar, SimilarShown: len(similar) > 0}
		w.render(rw, r, http.StatusOK, "composer", w.composerPage(r, http.StatusOK, d, r.PostForm, nil))
		return
	}
	fe := np.Validate(int(w.opt.MaxBodyBytes))
	if anon && !c.AnonymousQuestions {
		fe["anonymous"] = "error.anonymous_not_allowed"
	}
	accept := r.PostForm.Get("accept_code_of_conduct") == "on"
	if err := w.checkConduct(r, c, accept, fe); err != nil {
		w.serverError(rw, r, err)
		return
	}
	held, err := w.watch(r, fe, "body", np.Title, np.Body, strings.Join(np.Tags, " "))
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	if len(fe) == 0 {
		// Files are taken in only once the text is right, so a form shown
		// again for its text does not store them twice. A form shown again
		// (similar questions, a refused file) carries the stored ones by id.
		var msg string
		if np.Attachments, msg = w.attachmentsFromForm(r); msg != "" {
			fe["file"] = msg
		}
		r.PostForm["attachments"] = nil
		for _, id := range np.Attachments {
			r.PostForm.Add("attachments", itoa(id))
		}
	}
	if len(fe) > 0 {
		d := composerData{Community: c, Similar: similar, SimilarShown: len(similar) > 0}
		w.render(rw, r, http.StatusBadRequest, "composer", w.composerPage(r, http.StatusBadRequest, d, r.PostForm, fe))
		return
	}
	if len(similar) > 0 {
		// Shown once: the person reads them, then posts anyway or leaves.
		d := composerData{Community: c, Similar: similar, SimilarShown: true}
		w.render(rw, r, http.StatusOK, "composer", w.composerPage(r, http.StatusOK, d, r.PostForm, nil))
		return
	}
	if !w.contributionWait(rw, r) {
		return
	}
	if accept {
		if err := w.store.AcceptConduct(r.Context(), c.ID, np.AuthorID); err != nil {
			w.serverError(rw, r, err)
			return
		}
	}
	np.Held = held
	id, err := w.store.CreatePost(r.Context(), np)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	if held {
		w.flash(rw, "flash.held")
		redirect(rw, r, "/p/"+itoa(id))
		return
	}
	w.flash(rw, "flash.posted")
	redirect(rw, r, "/p/"+itoa(id))
}

// editable loads a post the viewer may edit: its author or a moderator.
func (w *Web) editable(rw http.ResponseWriter, r *http.Request) (store.Post, store.Community, bool, bool) {
	post, c, ok := w.post(rw, r)
	if !ok {
		return post, c, false, false
	}
	mod := c.CanModerate()
	if !post.Mine && !mod {
		w.errorPage(rw, r, http.StatusForbidden)
		return post, c, false, false
	}
	return post, c, mod && !post.Mine, true
}

func (w *Web) postEditForm(rw http.ResponseWriter, r *http.Request) {
	post, c, _, ok := w.editable(rw, r)
	if !ok {
		return
	}
	form := url.Values{"title": {post.Title}, "body": {post.Body}, "tags": {strings.Join(post.Tags, ", ")}}
	w.render(rw, r, http.StatusOK, "composer", w.composerPage(r, http.StatusOK, composerData{Community: c, Post: post, Editing: true}, form, nil))
}

func (w *Web) postEdit(rw http.ResponseWriter, r *http.Request) {
	post, c, _, ok := w.editable(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	_, title, body, _, tags, anon := postFromForm(r.PostForm)
	e := store.PostEdit{Title: title, Body: body, Tags: tags}
	d := composerData{Community: c, Post: post, Editing: true}
	// A post published under a name stays named: turning it anonymous
	// afterwards would not unsay who wrote it.
	if anon && !post.Anonymous {
		w.render(rw, r, http.StatusBadRequest, "composer", w.composerPage(r, http.StatusBadRequest, d, r.PostForm, store.FieldErrors{"form": "error.anonymous_after_publish"}))
		return
	}
	if r.PostForm.Get("action") == "preview" {
		d.Preview = markdown.Render(body)
		w.render(rw, r, http.StatusOK, "composer", w.composerPage(r, http.StatusOK, d, r.PostForm, nil))
		return
	}
	fe := e.Validate(int(w.opt.MaxBodyBytes))
	if _, err := w.watch(r, fe, "body", e.Title, e.Body, strings.Join(e.Tags, " ")); err != nil {
		w.serverError(rw, r, err)
		return
	}
	if len(fe) == 0 {
		// Files are taken in once the text is right, as when posting.
		e.Attach, e.Remove = w.attachmentEdit(r, fe, "file", post.ID, 0)
	}
	if len(fe) > 0 {
		w.render(rw, r, http.StatusBadRequest, "composer", w.composerPage(r, http.StatusBadRequest, d, r.PostForm, fe))
		return
	}
	if err := w.store.EditPost(r.Context(), state(r).me.ID, post.ID, e); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.saved")
	redirect(rw, r, "/p/"+itoa(post.ID))
}

func (w *Web) postDelete(rw http.ResponseWriter, r *http.Request) {
	post, c, byMod, ok := w.editable(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	if err := w.store.DeletePost(r.Context(), state(r).me.ID, post.ID, byMod); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.deleted")
	redirect(rw, r, "/c/"+c.Slug)
}

// preview renders Markdown for the composer's live preview.
func (w *Web) preview(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = rw.Write([]byte(markdown.Render(r.PostForm.Get("body"))))
}
