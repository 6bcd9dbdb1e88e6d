package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
)

// notificationsPageSize is how many notifications one page reads before grouping.
const notificationsPageSize = 50

// notificationLine is one grouped line of the notifications page.
type notificationLine struct {
	Text   string
	URL    string
	IDs    string // comma-separated, for the mark-read form
	Unread bool
	Group  store.NotificationGroup
}

type notificationsData struct {
	Lines   []notificationLine
	NextURL string
}

// notificationList shows the viewer's notifications, grouped, newest first.
// The store leaves out whatever the viewer may no longer see.
func (w *Web) notificationList(rw http.ResponseWriter, r *http.Request) {
	st := state(r)
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	ns, next, err := w.store.Notifications(r.Context(), st.me.ID, max(before, 0), notificationsPageSize)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	var d notificationsData
	for _, g := range store.GroupNotifications(ns) {
		ids := make([]string, len(g.IDs))
		for i, id := range g.IDs {
			ids[i] = itoa(id)
		}
		d.Lines = append(d.Lines, notificationLine{Text: notify.Text(st.lang, g), URL: g.URL(), IDs: strings.Join(ids, ","), Unread: g.Unread > 0, Group: g})
	}
	if next != 0 {
		d.NextURL = "/notifications?before=" + itoa(next)
	}
	w.render(rw, r, http.StatusOK, "notifications", w.newPage(r, "notify.title", d))
}

// notificationsRead marks the posted ids (or all, with all=1) read.
func (w *Web) notificationsRead(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	me := state(r).me
	var err error
	if r.PostForm.Get("all") != "" {
		err = w.store.MarkAllRead(r.Context(), me.ID)
	} else {
		var ids []int64
		for _, s := range strings.Split(r.PostForm.Get("ids"), ",") {
			if id, ok := parseID(strings.TrimSpace(s)); ok && len(ids) < 1000 {
				ids = append(ids, id)
			}
		}
		err = w.store.MarkRead(r.Context(), me.ID, ids)
	}
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.flash(rw, "flash.notifications_read")
	redirect(rw, r, "/notifications")
}
