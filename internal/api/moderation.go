package api

import (
	"context"
	"errors"
	"net/http"
	"slices"
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
	return a.notLimited(w, r, c, a.store.ContributionWait)
}

// mayUpload answers 429 when a new account has uploaded its hourly share.
func (a *API) mayUpload(w http.ResponseWriter, r *http.Request, c caller) bool {
	return a.notLimited(w, r, c, a.store.UploadWait)
}

// notLimited asks a new-account limit how long the caller must wait, and
// answers 429 with Retry-After when it is a while.
func (a *API) notLimited(w http.ResponseWriter, r *http.Request, c caller, wait func(context.Context, int64, store.NewAccountLimits) (time.Duration, error)) bool {
	d, err := wait(r.Context(), c.person.ID, a.limits)
	if err != nil {
		a.fail(w, r, err)
		return false
	}
	if d > 0 {
		tooMany(w, d)
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

type lockRequest struct {
	Locked bool   `json:"locked"`
	Reason string `json:"reason"`
}

type moveRequest struct {
	Community string `json:"community"`
	Reason    string `json:"reason"`
}

// onPost is the shape of a moderator's action on the post in the path: the
// post is loaded as the caller sees it, the body decoded, the action run,
// and the answer is 200 with the post as the caller now sees it. An action
// answers field errors (400) or an error; both stop before the answer.
func onPost[T any](a *API, act func(ctx context.Context, v store.Viewer, p store.Post, req T) (map[string]string, error)) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, c caller) {
		p, ok := a.post(w, r, c)
		if !ok {
			return
		}
		var req T
		if !a.decode(w, r, &req, false) {
			return
		}
		fields, err := act(r.Context(), c.viewer(), p, req)
		switch {
		case len(fields) > 0:
			writeError(w, http.StatusBadRequest, "validation", i18n.T("en", "error.validation"), fields)
			return
		case err != nil:
			a.moderationFail(w, r, err)
			return
		}
		a.writePost(w, r, c, p.ID)
	}
}

// moderate answers POST /posts/{id}/moderation: hide, restore, approve or
// reject the post or one of its replies.
func (a *API) moderate() handlerFunc {
	return onPost(a, func(ctx context.Context, v store.Viewer, p store.Post, req moderateRequest) (map[string]string, error) {
		if !slices.Contains(store.ModerationActions, req.Action) {
			return map[string]string{"action": "Use hide, restore, approve or reject."}, nil
		}
		return nil, a.store.SetModeration(ctx, v, p.ID, req.ReplyID, req.Action, strings.TrimSpace(req.Reason))
	})
}

// lock answers POST /posts/{id}/lock: lock or unlock the thread.
func (a *API) lock() handlerFunc {
	return onPost(a, func(ctx context.Context, v store.Viewer, p store.Post, req lockRequest) (map[string]string, error) {
		return nil, a.store.LockPost(ctx, v, p.ID, req.Locked, strings.TrimSpace(req.Reason))
	})
}

// move answers POST /posts/{id}/move: the post and everything under it go
// to another community the caller moderates.
func (a *API) move() handlerFunc {
	return onPost(a, func(ctx context.Context, v store.Viewer, p store.Post, req moveRequest) (map[string]string, error) {
		to, err := a.store.CommunityBySlug(ctx, v, req.Community)
		if errors.Is(err, store.ErrNotFound) {
			return map[string]string{"community": "No community you moderate has this slug."}, nil
		}
		if err != nil {
			return nil, err
		}
		return nil, a.store.MovePost(ctx, v, p.ID, to.ID, strings.TrimSpace(req.Reason))
	})
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

type banRequest struct {
	PersonID int64  `json:"person_id"`
	Reason   string `json:"reason"`
}

// body says whether an action reads a JSON body.
type body int

const (
	noBody body = iota
	optionalBody
	requiredBody
)

// onCommunity is the shape of a moderator's action in the community in the
// path: with withID, on the item whose id is in the path; the body is
// decoded into req as b says; success answers 204.
func onCommunity[T any](a *API, withID bool, b body, act func(ctx context.Context, v store.Viewer, com store.Community, id int64, req T) error) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, c caller) {
		com, ok := a.community(w, r, c)
		if !ok {
			return
		}
		var id int64
		if withID {
			if id, ok = pathID(r, "id"); !ok {
				notFound(w)
				return
			}
		}
		var req T
		if b != noBody && !a.decode(w, r, &req, b == optionalBody) {
			return
		}
		if err := act(r.Context(), c.viewer(), com, id, req); err != nil {
			a.fail(w, r, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// reportDismiss answers POST /communities/{slug}/reports/{id}/dismiss with 204.
func (a *API) reportDismiss() handlerFunc {
	return onCommunity(a, true, optionalBody, func(ctx context.Context, v store.Viewer, com store.Community, id int64, req reasonRequest) error {
		return a.store.DismissReport(ctx, v, com.ID, id, strings.TrimSpace(req.Reason))
	})
}

// ban answers POST /communities/{slug}/bans with 204: the person leaves and
// cannot join, ask to join or be added again until the ban is lifted.
func (a *API) ban() handlerFunc {
	return onCommunity(a, false, requiredBody, func(ctx context.Context, v store.Viewer, com store.Community, _ int64, req banRequest) error {
		return a.store.Ban(ctx, v, com.ID, req.PersonID, strings.TrimSpace(req.Reason))
	})
}

// unban answers DELETE /communities/{slug}/bans/{id} with 204.
func (a *API) unban() handlerFunc {
	return onCommunity(a, true, noBody, func(ctx context.Context, v store.Viewer, com store.Community, id int64, _ struct{}) error {
		return a.store.Unban(ctx, v, com.ID, id)
	})
}
