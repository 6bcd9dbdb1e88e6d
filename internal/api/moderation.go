package api

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/store"
)

// tooMany answers 429 with Retry-After in whole seconds.
func tooMany(w http.ResponseWriter, wait time.Duration) {
	w.Header().Set("Retry-After", strconv.FormatInt(int64((wait+time.Second-1)/time.Second), 10))
	writeError(w, http.StatusTooManyRequests, "too_many_requests", i18n.T("en", "error.too_many"), nil)
}

// mayContribute answers 429 when a new account has written its hourly share.
func (a *API) mayContribute(w http.ResponseWriter, r *http.Request, c caller) bool {
	wait, err := a.store.ContributionWait(r.Context(), c.person.ID, a.limits)
	if err != nil {
		a.fail(w, r, err)
		return false
	}
	if wait > 0 {
		tooMany(w, wait)
		return false
	}
	return true
}

// mayUpload answers 429 when a new account has uploaded its hourly share.
func (a *API) mayUpload(w http.ResponseWriter, r *http.Request, c caller) bool {
	wait, err := a.store.UploadWait(r.Context(), c.person.ID, a.limits)
	if err != nil {
		a.fail(w, r, err)
		return false
	}
	if wait > 0 {
		tooMany(w, wait)
		return false
	}
	return true
}

// watch looks for watched words: a blocking word is a field error naming
// it (written here, and false returned); a holding one sets held.
func (a *API) watch(w http.ResponseWriter, r *http.Request, field string, texts ...string) (held, ok bool) {
	m, err := a.store.Watch(r.Context(), texts...)
	if err != nil {
		a.fail(w, r, err)
		return false, false
	}
	if m.Action == store.WatchBlock {
		writeError(w, http.StatusBadRequest, "validation", i18n.T("en", "error.validation"),
			map[string]string{field: i18n.T("en", "error.watched_block", "Word", m.Word)})
		return false, false
	}
	return m.Action == store.WatchHold, true
}

// moderationFail maps a moderation error: not allowed is 403, a state that
// does not fit the action 409, a locked thread 409.
func (a *API) moderationFail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrLocked):
		conflict(w, "error.locked", nil)
	default:
		a.fail(w, r, err)
	}
}

type reportRequest struct {
	ReplyID int64  `json:"reply_id"`
	Reason  string `json:"reason"`
	Note    string `json:"note"`
}

// reportCreate answers POST /posts/{id}/reports with 201 and the report's id.
func (a *API) reportCreate(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	var req reportRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	nr := store.NewReport{PostID: p.ID, ReplyID: req.ReplyID, Reason: req.Reason, Note: strings.TrimSpace(req.Note)}
	if fe := nr.Validate(); len(fe) > 0 {
		invalid(w, fe)
		return
	}
	id, err := a.store.Report(r.Context(), c.viewer(), nr)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]int64{"id": id})
}

type moderateRequest struct {
	Action  string `json:"action"`
	ReplyID int64  `json:"reply_id"`
	Reason  string `json:"reason"`
}

// moderate answers POST /posts/{id}/moderation: hide, restore, approve or
// reject the post or one of its replies; 200 with the post as the
// moderator now sees it.
func (a *API) moderate(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	var req moderateRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	if !contains(store.ModerationActions, req.Action) {
		writeError(w, http.StatusBadRequest, "validation", i18n.T("en", "error.validation"), map[string]string{"action": "Use hide, restore, approve or reject."})
		return
	}
	if err := a.store.SetModeration(r.Context(), c.viewer(), p.ID, req.ReplyID, req.Action, strings.TrimSpace(req.Reason)); err != nil {
		a.moderationFail(w, r, err)
		return
	}
	a.writePost(w, r, c, p.ID)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// writePost answers 200 with a post as the caller now sees it.
func (a *API) writePost(w http.ResponseWriter, r *http.Request, c caller, id int64) {
	p, err := a.store.Post(r.Context(), c.viewer(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

type lockRequest struct {
	Locked bool   `json:"locked"`
	Reason string `json:"reason"`
}

// lock answers POST /posts/{id}/lock: lock or unlock the thread.
func (a *API) lock(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	var req lockRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	if err := a.store.LockPost(r.Context(), c.viewer(), p.ID, req.Locked, strings.TrimSpace(req.Reason)); err != nil {
		a.moderationFail(w, r, err)
		return
	}
	a.writePost(w, r, c, p.ID)
}

type moveRequest struct {
	Community string `json:"community"`
	Reason    string `json:"reason"`
}

// move answers POST /posts/{id}/move: the post and everything under it go
// to another community the caller moderates.
func (a *API) move(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := a.post(w, r, c)
	if !ok {
		return
	}
	var req moveRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	to, err := a.store.CommunityBySlug(r.Context(), c.viewer(), req.Community)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusBadRequest, "validation", i18n.T("en", "error.validation"), map[string]string{"community": "No community you moderate has this slug."})
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if err := a.store.MovePost(r.Context(), c.viewer(), p.ID, to.ID, strings.TrimSpace(req.Reason)); err != nil {
		a.moderationFail(w, r, err)
		return
	}
	a.writePost(w, r, c, p.ID)
}

// moderationQueue answers GET /communities/{slug}/moderation for the
// community's moderators (and organisation admins who may read it).
func (a *API) moderationQueue(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.community(w, r, c)
	if !ok {
		return
	}
	items, err := a.store.ModerationQueue(r.Context(), c.viewer(), com.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeList(w, items, "")
}

type reasonRequest struct {
	Reason string `json:"reason"`
}

// reportDismiss answers POST /communities/{slug}/reports/{id}/dismiss with 204.
func (a *API) reportDismiss(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.community(w, r, c)
	if !ok {
		return
	}
	id, ok := pathID(r, "id")
	if !ok {
		notFound(w)
		return
	}
	var req reasonRequest
	if !a.decode(w, r, &req, true) {
		return
	}
	if err := a.store.DismissReport(r.Context(), c.viewer(), com.ID, id, strings.TrimSpace(req.Reason)); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

type banRequest struct {
	PersonID int64  `json:"person_id"`
	Reason   string `json:"reason"`
}

// ban answers POST /communities/{slug}/bans with 204: the person leaves and
// cannot join, ask to join or be added again until the ban is lifted.
func (a *API) ban(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.community(w, r, c)
	if !ok {
		return
	}
	var req banRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	if err := a.store.Ban(r.Context(), c.viewer(), com.ID, req.PersonID, strings.TrimSpace(req.Reason)); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// unban answers DELETE /communities/{slug}/bans/{id} with 204.
func (a *API) unban(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.community(w, r, c)
	if !ok {
		return
	}
	id, ok := pathID(r, "id")
	if !ok {
		notFound(w)
		return
	}
	if err := a.store.Unban(r.Context(), c.viewer(), com.ID, id); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
