// Package api serves Tacit's JSON API under /api/v1 for integrations
// (DESIGN §5): bearer tokens with read, write and admin scopes, JSON in and
// out, one error shape, cursor-paged lists, and the same visibility rules as
// every other surface (DESIGN §3). Content is only ever loaded through store
// methods that take the viewer, so anything the caller may not see answers
// exactly like something that never existed.
package api

import (
	"log/slog"
	"net/http"

	"github.com/tacit-org/tacit/internal/media"
	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
)

// DefaultMaxBodyBytes is the default limit on the Markdown body of a post,
// answer or comment.
const DefaultMaxBodyBytes = 64 << 10

// Options configures the API.
type Options struct {
	// MaxBodyBytes limits the Markdown body of a post, answer or comment
	// (default 64 KiB). Whole request bodies may be a little larger, for the
	// JSON around the text; anything beyond that is refused with 413.
	MaxBodyBytes int64
	// Logger records failures that are the server's fault, once each
	// (default slog.Default()).
	Logger *slog.Logger
	// Views batches view counts of posts read through the API; nil counts none.
	Views *store.Views
	// NewAccounts limits how much a new account may post; zero means no limits.
	NewAccounts store.NewAccountLimits
	// Broker delivers live events (GET /events); nil starts one of its own.
	Broker *notify.Broker
	// Media takes in and serves uploads; nil turns them off.
	Media *media.Service
}

// API is the JSON surface. It keeps no state of its own beyond its
// configuration: every request reads the store afresh, so permission is
// checked when data is read (DESIGN §3 rule 3).
type API struct {
	store      *store.Store
	maxBody    int64
	maxRequest int64
	log        *slog.Logger
	views      *store.Views
	limits     store.NewAccountLimits
	media      *media.Service
	routes     []route
	handler    http.Handler
	live       liveBroker // GET /events (events.go)
}

// New returns the API over a store.
func New(s *store.Store, o Options) *API {
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	a := &API{
		store:   s,
		maxBody: o.MaxBodyBytes,
		// JSON escaping can make a body longer than its text; the title,
		// tags and field names need room too.
		maxRequest: 2*o.MaxBodyBytes + 16<<10,
		log:        o.Logger,
		views:      o.Views,
		limits:     o.NewAccounts,
		live:       liveBroker{b: o.Broker},
		media:      o.Media,
	}
	a.routes = a.table()
	a.handler = a.mount(a.routes)
	return a
}

// Handler serves every route under its full path, /api/v1/…; mount it with
// mux.Handle("/api/v1/", api.Handler()).
func (a *API) Handler() http.Handler { return a.handler }

// Routes returns every route's pattern, such as "GET /api/v1/me", read from
// the same table the handler is built from, so tests that sweep the API
// cannot miss one.
func (a *API) Routes() []string {
	out := make([]string, len(a.routes))
	for i, rt := range a.routes {
		out[i] = rt.pattern
	}
	return out
}
