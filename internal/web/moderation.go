package web

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/store"
)

// tooMany answers 429 with Retry-After (whole seconds, rounded up).
func (w *Web) tooMany(rw http.ResponseWriter, r *http.Request, wait time.Duration) {
	rw.Header().Set("Retry-After", strconv.FormatInt(int64((wait+time.Second-1)/time.Second), 10))
	p := w.newPage(r, "error.too_many", map[string]any{"Status": http.StatusTooManyRequests, "Message": "error.too_many"})
	p.Flash = ""
	w.render(rw, r, http.StatusTooManyRequests, "error", p)
}

// contributionWait is how long a new account must wait before posting again.
func (w *Web) contributionWait(rw http.ResponseWriter, r *http.Request) bool {
	wait, err := w.store.ContributionWait(r.Context(), state(r).me.ID, w.opt.NewAccounts)
	if err != nil {
		w.serverError(rw, r, err)
		return false
	}
	if wait > 0 {
		w.tooMany(rw, r, wait)
		return false
	}
	return true
}

// back returns to the page a moderation form came from: the queue or the post.
func back(rw http.ResponseWriter, r *http.Request, slug string, postID int64) {
	if r.PostForm.Get("back") == "queue" {
		redirect(rw, r, "/c/"+slug+"/moderation")
		return
	}
	redirect(rw, r, "/p/"+itoa(postID))
}

func (w *Web) reportCreate(rw http.ResponseWriter, r *http.Request) {
	post, _, ok := w.post(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	replyID, _ := parseID(r.PostForm.Get("reply"))
	nr := store.NewReport{PostID: post.ID, ReplyID: replyID, Reason: r.PostForm.Get("reason"), Note: strings.TrimSpace(r.PostForm.Get("note"))}
	if fe := nr.Validate(); len(fe) > 0 {
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	if _, err := w.store.Report(r.Context(), viewer(r), nr); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.reported")
	redirect(rw, r, "/p/"+itoa(post.ID))
}

func (w *Web) moderate(rw http.ResponseWriter, r *http.Request) {
	post, c, ok := w.post(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	replyID, _ := parseID(r.PostForm.Get("reply"))
	err := w.store.SetModeration(r.Context(), viewer(r), post.ID, replyID, r.PostForm.Get("action"), strings.TrimSpace(r.PostForm.Get("reason")))
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.moderated")
	back(rw, r, c.Slug, post.ID)
}

func (w *Web) lock(rw http.ResponseWriter, r *http.Request) {
	post, c, ok := w.post(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	if err := w.store.LockPost(r.Context(), viewer(r), post.ID, r.PostForm.Get("locked") == "1", strings.TrimSpace(r.PostForm.Get("reason"))); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.saved")
	back(rw, r, c.Slug, post.ID)
}

func (w *Web) move(rw http.ResponseWriter, r *http.Request) {
	post, _, ok := w.post(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	to, err := w.store.CommunityBySlug(r.Context(), viewer(r), r.PostForm.Get("to"))
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	if err := w.store.MovePost(r.Context(), viewer(r), post.ID, to.ID, strings.TrimSpace(r.PostForm.Get("reason"))); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.moved")
	redirect(rw, r, "/p/"+itoa(post.ID))
}

type queueData struct {
	Community store.Community
	Items     []store.QueueItem
	Bans      []store.BannedPerson
	Targets   []store.Community // communities the moderator may move posts to
}

func (w *Web) moderationQueue(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.community(rw, r)
	if !ok {
		return
	}
	items, err := w.store.ModerationQueue(r.Context(), viewer(r), c.ID)
	if errors.Is(err, store.ErrNotAllowed) {
		w.errorPage(rw, r, http.StatusForbidden)
		return
	}
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	bans, err := w.store.Bans(r.Context(), viewer(r), c.ID)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "moderation", w.newPage(r, c.Name, queueData{Community: c, Items: items, Bans: bans}))
}

// onCommunity runs a moderator's action in the community in the path from
// a posted form, then returns to the community's moderation queue with a
// flash. id is the number in the path, or with from set that form field;
// a missing or malformed one is 404 (path) or 400 (form).
func (w *Web) onCommunity(flash, from string, act func(r *http.Request, c store.Community, id int64) error) http.HandlerFunc {
	return func(rw http.ResponseWriter, r *http.Request) {
		c, ok := w.community(rw, r)
		if !ok || !w.parseForm(rw, r) {
			return
		}
		var id int64
		if from != "" {
			if id, ok = parseID(r.PostForm.Get(from)); !ok {
				w.errorPage(rw, r, http.StatusBadRequest)
				return
			}
		} else if id, ok = parseID(r.PathValue("id")); !ok {
			w.notFound(rw, r)
			return
		}
		if err := act(r, c, id); err != nil {
			w.fail(rw, r, err)
			return
		}
		w.flash(rw, flash)
		redirect(rw, r, "/c/"+c.Slug+"/moderation")
	}
}

func (w *Web) reportDismiss() http.HandlerFunc {
	return w.onCommunity("flash.moderated", "", func(r *http.Request, c store.Community, id int64) error {
		return w.store.DismissReport(r.Context(), viewer(r), c.ID, id, strings.TrimSpace(r.PostForm.Get("reason")))
	})
}

func (w *Web) ban() http.HandlerFunc {
	return w.onCommunity("flash.banned", "person", func(r *http.Request, c store.Community, id int64) error {
		return w.store.Ban(r.Context(), viewer(r), c.ID, id, strings.TrimSpace(r.PostForm.Get("reason")))
	})
}

func (w *Web) unban() http.HandlerFunc {
	return w.onCommunity("flash.saved", "", func(r *http.Request, c store.Community, id int64) error {
		return w.store.Unban(r.Context(), viewer(r), c.ID, id)
	})
}

func (w *Web) watchedWords(rw http.ResponseWriter, r *http.Request) {
	w.watchedWordsPage(rw, r, http.StatusOK, nil, nil)
}

func (w *Web) watchedWordsPage(rw http.ResponseWriter, r *http.Request, status int, form map[string][]string, fe store.FieldErrors) {
	words, err := w.store.WatchedWords(r.Context())
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	p := w.newPage(r, "words.title", map[string]any{"Words": words})
	if form != nil {
		p.Form = form
	}
	p.Errors = fe
	w.render(rw, r, status, "admin_words", p)
}

func (w *Web) watchedWordAdd(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	word, action := r.PostForm.Get("word"), r.PostForm.Get("action")
	fe := store.FieldErrors{}
	if n := store.NormalizeWatched(word); n == "" || len(n) > 100 {
		fe["word"] = "error.watched_word"
	}
	if action != store.WatchBlock && action != store.WatchHold {
		fe["action"] = "error.watched_action"
	}
	if len(fe) > 0 {
		w.watchedWordsPage(rw, r, http.StatusBadRequest, r.PostForm, fe)
		return
	}
	if err := w.store.AddWatchedWord(r.Context(), state(r).me.ID, word, action); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.saved")
	redirect(rw, r, "/admin/words")
}

func (w *Web) watchedWordDelete(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		w.notFound(rw, r)
		return
	}
	if err := w.store.DeleteWatchedWord(r.Context(), state(r).me.ID, id); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.deleted")
	redirect(rw, r, "/admin/words")
}

// auditPageSize is how many entries one page of the audit log shows.
const auditPageSize = 50

type auditData struct {
	Entries []store.AuditEntry
	Actors  []store.Person
	Next    string
	Query   string // the filters, for the export links
}

func (w *Web) adminAudit(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, fe := store.ParseAuditFilter(q)
	status := http.StatusOK
	if len(fe) > 0 {
		f, status = store.AuditFilter{}, http.StatusBadRequest
	}
	f.Viewer = viewer(r)
	f.BeforeID, _ = parseID(q.Get("before"))
	f.Limit = auditPageSize + 1
	entries, err := w.store.AuditLog(r.Context(), f)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	actors, err := w.store.AuditActors(r.Context())
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	q.Del("before")
	d := auditData{Entries: entries, Actors: actors, Query: q.Encode()}
	if len(entries) > auditPageSize {
		d.Entries = entries[:auditPageSize]
		q.Set("before", itoa(d.Entries[auditPageSize-1].ID))
		d.Next = "/admin/audit?" + q.Encode()
	}
	p := w.newPage(r, "admin.audit_title", d)
	p.Form, p.Errors = r.URL.Query(), fe
	w.render(rw, r, status, "admin_audit", p)
}

// auditExport streams the filtered audit log as CSV or JSON, entry by entry.
func (w *Web) auditExport(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, fe := store.ParseAuditFilter(q)
	format := q.Get("format")
	if len(fe) > 0 || (format != "csv" && format != "json") {
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	f.Viewer = viewer(r)
	name := "tacit-audit-" + time.Now().UTC().Format("20060102-150405") + "." + format
	rw.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	if format == "csv" {
		rw.Header().Set("Content-Type", "text/csv; charset=utf-8")
		cw := csv.NewWriter(rw)
		_ = cw.Write([]string{"id", "time", "actor_id", "actor", "action", "object_kind", "object_id", "object", "community", "person", "detail"})
		err := w.store.EachAudit(r.Context(), f, func(e store.AuditEntry) error {
			return cw.Write([]string{itoa(e.ID), e.CreatedAt.UTC().Format(time.RFC3339), itoa(e.ActorID), csvSafe(e.ActorName), e.Action, e.ObjectKind,
				itoa(e.ObjectID), csvSafe(e.ObjectName), csvSafe(e.CommunityName), csvSafe(e.PersonName), csvSafe(e.Detail)})
		})
		cw.Flush()
		if err != nil {
			w.log.Error("audit export failed", "err", err)
		}
		return
	}
	rw.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = rw.Write([]byte("[\n"))
	first := true
	err := w.store.EachAudit(r.Context(), f, func(e store.AuditEntry) error {
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if !first {
			_, _ = rw.Write([]byte(",\n"))
		}
		first = false
		_, err = rw.Write(b)
		return err
	})
	_, _ = rw.Write([]byte("\n]\n"))
	if err != nil {
		w.log.Error("audit export failed", "err", err)
	}
}

// csvSafe keeps a cell from being read as a formula by spreadsheet programs.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// checkConduct adds a field error when the community has a code of conduct
// that the person has not accepted yet and does not accept now.
func (w *Web) checkConduct(r *http.Request, c store.Community, accept bool, fe store.FieldErrors) error {
	if c.CodeOfConduct == "" || accept {
		return nil
	}
	ok, err := w.store.ConductAccepted(r.Context(), c.ID, state(r).me.ID)
	if err == nil && !ok {
		fe["accept_code_of_conduct"] = "error.accept_code_of_conduct"
	}
	return err
}

// watch looks for the organisation's watched words in a text: a blocking
// word becomes an error on field that names it; a holding word makes
// held true.
func (w *Web) watch(r *http.Request, fe store.FieldErrors, field string, texts ...string) (held bool, err error) {
	m, err := w.store.Watch(r.Context(), texts...)
	if err != nil {
		return false, err
	}
	if m.Action == store.WatchBlock {
		fe[field] = "error.watched_block"
		fe[field+"_word"] = m.Word
	}
	return m.Action == store.WatchHold, nil
}

// FieldErr is Err that also names the watched word that blocked a field.
func (p *page) FieldErr(field string) string {
	if p.Errors[field] == "error.watched_block" {
		return i18n.T(p.Lang, "error.watched_block", "Word", p.Errors[field+"_word"])
	}
	return p.Err(field)
}
