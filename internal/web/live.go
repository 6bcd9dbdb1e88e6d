package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/notify"
)

// events streams the signed-in person's live events (server-sent events):
// their new notifications, and with ?post=ID new answers and comments on
// that post, or with ?c=slug new posts in that community. A post or
// community the person cannot read is a 404. Every event is checked against
// the person's permission when it is delivered; the stream ends when the
// session does. As in the API, ?max_seconds=N ends it after N seconds (0:
// send what was missed since Last-Event-ID or ?from=, then end).
func (w *Web) events(rw http.ResponseWriter, r *http.Request) {
	st, v := state(r), viewer(r)
	q := r.URL.Query()
	var watch notify.Watch
	if s := q.Get("post"); s != "" {
		id, ok := parseID(s)
		if !ok {
			w.notFound(rw, r)
			return
		}
		if _, err := w.store.Post(r.Context(), v, id); err != nil {
			w.fail(rw, r, err)
			return
		}
		watch.PostID = id
	}
	if slug := q.Get("c"); slug != "" {
		c, err := w.store.CommunityBySlug(r.Context(), v, slug)
		if err != nil {
			w.fail(rw, r, err)
			return
		}
		if !c.CanRead() {
			w.notFound(rw, r)
			return
		}
		watch.CommunityID = c.ID
	}
	limit := time.Duration(-1)
	if s := q.Get("max_seconds"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 86400 {
			w.errorPage(rw, r, http.StatusBadRequest)
			return
		}
		limit = time.Duration(n) * time.Second
	}
	// A reconnecting browser sends the last id it got; a new page says
	// where it was made (?from=).
	last := r.Header.Get("Last-Event-ID")
	if last == "" {
		last = q.Get("from")
	}
	sub, err := w.opt.Broker.Subscribe(r.Context(), st.me.ID, st.lang, watch, last)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	cookie, _ := r.Cookie(w.sessionCookieName())
	notify.Serve(rw, r, w.opt.Broker, sub, limit, func(ctx context.Context) bool {
		p, _, err := w.store.SessionPerson(ctx, auth.HashSecret(cookie.Value))
		return err == nil && p.ID == st.me.ID
	})
}
