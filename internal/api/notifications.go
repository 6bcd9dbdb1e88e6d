package api

import (
	"net/http"
	"time"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
)

// notificationJSON is a notification with its line in the caller's
// language and where it leads. An anonymous actor has no id or name.
type notificationJSON struct {
	ID            int64     `json:"id"`
	Kind          string    `json:"kind"`
	Text          string    `json:"text"`
	URL           string    `json:"url"`
	ActorID       int64     `json:"actor_id,omitempty"`
	ActorName     string    `json:"actor_name,omitempty"`
	PostID        int64     `json:"post_id,omitempty"`
	ReplyID       int64     `json:"reply_id,omitempty"`
	PostTitle     string    `json:"post_title,omitempty"`
	CommunitySlug string    `json:"community_slug,omitempty"`
	Detail        string    `json:"detail,omitempty"`
	Read          bool      `json:"read"`
	CreatedAt     time.Time `json:"created_at"`
}

func notificationView(lang string, n store.Notification) notificationJSON {
	return notificationJSON{ID: n.ID, Kind: n.Kind, Text: notify.Single(lang, n), URL: n.URL(), ActorID: n.ActorID, ActorName: n.ActorName,
		PostID: n.PostID, ReplyID: n.ReplyID, PostTitle: n.PostTitle, CommunitySlug: n.CommunitySlug, Detail: n.Detail, Read: n.Read, CreatedAt: n.CreatedAt}
}

// callerLang is the caller's interface language, for texts made for people.
func callerLang(c caller) string {
	if i18n.Supported(c.person.Language) {
		return c.person.Language
	}
	return i18n.Languages[0]
}

// notificationList answers GET /notifications: the caller's notifications,
// newest first, only those about things they may still see.
func (a *API) notificationList(w http.ResponseWriter, r *http.Request, c caller) {
	p, ok := parsePage(w, r)
	if !ok {
		return
	}
	ns, next, err := a.store.Notifications(r.Context(), c.person.ID, p.after.ID, p.limit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	items := make([]notificationJSON, len(ns))
	for i, n := range ns {
		items[i] = notificationView(callerLang(c), n)
	}
	cursor := ""
	if next != 0 {
		cursor = store.Cursor{ID: next}.String()
	}
	writeList(w, items, cursor)
}

// markReadRequest names notifications to mark read, or all of them.
type markReadRequest struct {
	IDs []int64 `json:"ids"`
	All bool    `json:"all"`
}

// unreadJSON answers a change of read state with the unread count after it.
type unreadJSON struct {
	Unread int64 `json:"unread"`
}

// notificationsRead answers POST /notifications/read.
func (a *API) notificationsRead(w http.ResponseWriter, r *http.Request, c caller) {
	var req markReadRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	if len(req.IDs) > 1000 {
		invalid(w, store.FieldErrors{"ids": "error.too_long"})
		return
	}
	var err error
	if req.All {
		err = a.store.MarkAllRead(r.Context(), c.person.ID)
	} else {
		err = a.store.MarkRead(r.Context(), c.person.ID, req.IDs)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	n, err := a.store.UnreadCount(r.Context(), c.person.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, unreadJSON{Unread: n})
}
