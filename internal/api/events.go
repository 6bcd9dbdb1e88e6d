package api

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/notify"
)

// liveBroker is the broker of GET /events, started on first use when the
// server did not hand one over.
type liveBroker struct {
	once sync.Once
	b    *notify.Broker
}

func (a *API) broker() *notify.Broker {
	a.live.once.Do(func() {
		if a.live.b == nil {
			a.live.b = notify.NewBroker(a.store, a.log)
			go a.live.b.Run(context.Background())
		}
	})
	return a.live.b
}

// events answers GET /events with server-sent events for the caller: their
// new notifications, and with ?post=ID new answers and comments on that
// post, or with ?community=slug new posts there. Each event is checked
// against the caller's permission when it is delivered; the stream ends
// when the token is revoked. Last-Event-ID resumes after the last event
// received (or ?last_event_id=, for clients that cannot set the header).
// ?max_seconds=N ends the stream after N seconds (0: send what
// was missed since Last-Event-ID, then end).
func (a *API) events(w http.ResponseWriter, r *http.Request, c caller) {
	q := r.URL.Query()
	var watch notify.Watch
	if s := q.Get("post"); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			notFound(w)
			return
		}
		if _, err := a.store.Post(r.Context(), c.viewer(), id); err != nil {
			a.fail(w, r, err)
			return
		}
		watch.PostID = id
	}
	if slug := q.Get("community"); slug != "" {
		cm, err := a.store.CommunityBySlug(r.Context(), c.viewer(), slug)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		if !cm.CanRead() {
			notFound(w)
			return
		}
		watch.CommunityID = cm.ID
	}
	limit := time.Duration(-1)
	if s := q.Get("max_seconds"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 86400 {
			writeError(w, http.StatusBadRequest, "validation", i18n.T("en", "error.validation"), map[string]string{"max_seconds": "Use a whole number from 0 to 86400."})
			return
		}
		limit = time.Duration(n) * time.Second
	}
	last := r.Header.Get("Last-Event-ID")
	if last == "" {
		last = q.Get("last_event_id")
	}
	sub, err := a.broker().Subscribe(r.Context(), c.person.ID, callerLang(c), watch, last)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	token, _ := bearer(r)
	notify.Serve(w, r, a.broker(), sub, limit, func(ctx context.Context) bool {
		p, _, err := a.store.TokenPerson(ctx, auth.HashSecret(token))
		return err == nil && p.ID == c.person.ID
	})
}
