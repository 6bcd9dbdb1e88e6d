package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/tacit-org/tacit/internal/store"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// post loads the post named in the URL and its community for the viewer.
func (w *Web) post(rw http.ResponseWriter, r *http.Request) (store.Post, store.Community, bool) {
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		w.notFound(rw, r)
		return store.Post{}, store.Community{}, false
	}
	p, err := w.store.Post(r.Context(), viewer(r), id)
	if err != nil {
		w.fail(rw, r, err)
		return p, store.Community{}, false
	}
	c, err := w.store.CommunityByID(r.Context(), viewer(r), p.CommunityID)
	if err != nil {
		w.fail(rw, r, err)
		return p, c, false
	}
	return p, c, true
}

type postData struct {
	Post        store.Post
	Community   store.Community
	Answers     []store.Reply
	Comments    []store.Reply
	Mine        map[int64]map[string]bool
	Voted       bool
	History     []store.StatusChange
	Following   bool
	CanModerate bool
	CanAccept   bool
	Reactions   []string
	Statuses    []string
	Experts     []store.Expert // people to ask, for an unanswered question
	// ReportReasons are the reasons a reader can give when reporting.
	ReportReasons []string
	Attachments   map[int64][]store.Upload // by reply id; 0 is the post's own
	MediaOn       bool                     // files can be attached to answers and comments
	Hint          string                   // which files may be attached
	Uploads       []store.Upload           // files a form shown again already carries
	UploadsFor    string                   // which form: "answer" or "comment-<parent>"
}

// Pending returns the files already carried by the form named target.
func (d postData) Pending(target string) []store.Upload {
	if target != d.UploadsFor {
		return nil
	}
	return d.Uploads
}

// Files returns the attachments of the post (0) or of one reply.
func (d postData) Files(id int64) []store.Upload { return d.Attachments[id] }

// MineFor returns the viewer's reactions on the post (0) or one reply.
func (d postData) MineFor(id int64) map[string]bool { return d.Mine[id] }

func (w *Web) postShow(rw http.ResponseWriter, r *http.Request) {
	post, c, ok := w.post(rw, r)
	if !ok {
		return
	}
	w.opt.Views.Add(post.ID)
	w.renderPost(rw, r, http.StatusOK, post, c, nil, nil)
}

// renderPost shows a post page, with a failed answer or comment form kept.
func (w *Web) renderPost(rw http.ResponseWriter, r *http.Request, status int, post store.Post, c store.Community, form map[string][]string, fe store.FieldErrors) {
	ctx, me := r.Context(), state(r).me
	d := postData{Post: post, Community: c, CanModerate: c.CanModerate(), Reactions: store.ReactionKinds, Statuses: store.IdeaStatuses, ReportReasons: store.ReportReasons}
	d.CanAccept = post.Type == store.TypeQuestion && (post.Mine || d.CanModerate)
	var err error
	if d.Answers, d.Comments, err = w.store.Replies(ctx, viewer(r), post.ID, post.AcceptedAnswerID); err != nil {
		w.serverError(rw, r, err)
		return
	}
	if d.Mine, err = w.store.MyReactions(ctx, me.ID, post.ID); err != nil {
		w.serverError(rw, r, err)
		return
	}
	if post.Type == store.TypeIdea {
		if d.Voted, err = w.store.HasVoted(ctx, me.ID, post.ID); err != nil {
			w.serverError(rw, r, err)
			return
		}
		if d.History, err = w.store.StatusHistory(ctx, post.ID); err != nil {
			w.serverError(rw, r, err)
			return
		}
	}
	if d.Following, err = w.store.IsFollowing(ctx, me.ID, store.FollowPost, itoa(post.ID)); err != nil {
		w.serverError(rw, r, err)
		return
	}
	if d.Experts, err = w.askExperts(r, post); err != nil {
		w.serverError(rw, r, err)
		return
	}
	if d.Attachments, err = w.store.Attachments(ctx, post.ID); err != nil {
		w.serverError(rw, r, err)
		return
	}
	d.MediaOn = w.opt.Media != nil
	d.Hint = w.attachHint(state(r).lang)
	if form != nil {
		d.Uploads = w.pendingUploads(r, form)
		d.UploadsFor = "answer"
		if _, ok := form["comment_body"]; ok {
			d.UploadsFor = "comment-" + url.Values(form).Get("parent")
		}
	}
	p := w.newPage(r, post.Title, d)
	if p.LiveURL != "" {
		p.LiveURL += "&post=" + itoa(post.ID)
	}
	if form != nil {
		p.Form = form
	}
	p.Errors = fe
	w.render(rw, r, status, "post", p)
}

type revisionsData struct {
	Post store.Post
	// Reply is the answer or comment whose history this is; zero for the
	// post's own.
	Reply     store.Reply
	Revisions []store.Revision
}

// Count is how many earlier versions there are, for the plural.
func (d revisionsData) Count() int64 { return int64(len(d.Revisions)) }

func (w *Web) revisionList(rw http.ResponseWriter, r *http.Request) {
	post, _, ok := w.post(rw, r)
	if !ok {
		return
	}
	revs, err := w.store.Revisions(r.Context(), viewer(r), post.ID, 0)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "revisions", w.newPage(r, post.Title, revisionsData{Post: post, Revisions: revs}))
}

func (w *Web) postFollow(rw http.ResponseWriter, r *http.Request) {
	post, _, ok := w.post(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	if err := w.toggleFollow(r, store.FollowPost, itoa(post.ID)); err != nil {
		w.serverError(rw, r, err)
		return
	}
	redirect(rw, r, "/p/"+itoa(post.ID))
}

// toggleFollow follows or unfollows according to the form's "follow" field.
func (w *Web) toggleFollow(r *http.Request, kind, target string) error {
	me := state(r).me
	if r.PostForm.Get("follow") == "off" {
		return w.store.Unfollow(r.Context(), me.ID, kind, target)
	}
	return w.store.Follow(r.Context(), me.ID, kind, target)
}

// reactionButton is one reaction form, with its words looked up once: the
// post page shows 4 of them on the post and on each of up to 20 answers, and
// computing them here rather than in the template halved its cost.
type reactionButton struct {
	Kind, Emoji, Label, Count string
	On                        bool
}

// ReactionButtons lists the reaction forms for counts and the viewer's own reactions.
func (p *page) ReactionButtons(mine map[string]bool, c store.ReactionCounts) []reactionButton {
	out := make([]reactionButton, len(store.ReactionKinds))
	for i, kind := range store.ReactionKinds {
		var n int64
		switch kind {
		case store.ReactLike:
			n = c.Like
		case store.ReactInsightful:
			n = c.Insightful
		case store.ReactThanks:
			n = c.Thanks
		case store.ReactHelpedMe:
			n = c.HelpedMe
		}
		out[i] = reactionButton{Kind: kind, Emoji: p.T("reaction." + kind + ".emoji"), Label: p.T("reaction." + kind),
			Count: p.Num(n), On: mine[kind]}
	}
	return out
}
