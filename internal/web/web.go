// Package web is Tacit's HTML surface: server-rendered pages that work
// without JavaScript, in Swedish and English.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/media"
	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/throttle"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options configure the HTML surface.
type Options struct {
	MaxBodyBytes int64         // largest post or reply body
	Secure       bool          // served over TLS: Secure, __Host- cookies
	SessionTTL   time.Duration // how long a sign-in lasts
	Logger       *slog.Logger
	Views        *store.Views   // batched view counts; flushed by the caller
	DemoHint     string         // shown on the sign-in page of a demo instance
	Broker       *notify.Broker // live events; nil starts one of its own
	MailNote     MailNote       // where mail goes, for the admin page
	BaseURL      string         // public URL, for absolute links in feeds; empty: from the request
	Media        *media.Service // uploads; nil turns attachments off
	// NewAccounts limits how much a new account may post; zero means no limits.
	NewAccounts store.NewAccountLimits
	// SignIn slows down password guessing per account and per address;
	// nil means throttle.New().
	SignIn *throttle.Backoff
}

// MailNote says where mail goes: an SMTP server, or a folder of .eml files.
type MailNote struct {
	SMTP string // host:port
	Dir  string
}

// Web serves the HTML pages.
type Web struct {
	store *store.Store
	opt   Options
	log   *slog.Logger
	pages map[string]*template.Template
}

// New parses the templates and returns the HTML surface.
func New(s *store.Store, o Options) (*Web, error) {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Views == nil {
		o.Views = &store.Views{}
	}
	if o.MaxBodyBytes == 0 {
		o.MaxBodyBytes = 64 * 1024
	}
	if o.SignIn == nil {
		o.SignIn = throttle.New()
	}
	if o.SessionTTL == 0 {
		o.SessionTTL = 30 * 24 * time.Hour
	}
	if o.Broker == nil {
		o.Broker = notify.NewBroker(s, o.Logger)
		go o.Broker.Run(context.Background())
	}
	w := &Web{store: s, opt: o, log: o.Logger}
	if err := w.parseTemplates(); err != nil {
		return nil, err
	}
	return w, nil
}

func (w *Web) parseTemplates() error {
	base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/_*.html")
	if err != nil {
		return fmt.Errorf("web: parse layout: %w", err)
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return err
	}
	w.pages = map[string]*template.Template{}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return fmt.Errorf("web: parse %s: %w", n, err)
		}
		w.pages[name] = t
	}
	return nil
}

// ctxKey keys the request state in a context.
type ctxKey struct{}

// reqState is what middleware learns about a request.
type reqState struct {
	me        *store.Person
	sessionID int64
	lang      string
}

func state(r *http.Request) *reqState {
	if st, ok := r.Context().Value(ctxKey{}).(*reqState); ok {
		return st
	}
	return &reqState{lang: i18n.Languages[0]}
}

func withState(ctx context.Context, st *reqState) context.Context {
	return context.WithValue(ctx, ctxKey{}, st)
}

// viewer is the person reading, for store calls.
func viewer(r *http.Request) store.Viewer {
	st := state(r)
	if st.me == nil {
		return store.Viewer{}
	}
	return store.Viewer{ID: st.me.ID, Admin: st.me.Admin}
}

// page is what every template receives.
type page struct {
	Lang    string
	Me      *store.Person
	Title   string
	Path    string
	Flash   string
	AtomURL string
	LiveURL string // the live stream this page listens to (/events, with ?post= or ?c=)
	Unread  int64  // unread notifications of the signed-in person, at most store.UnreadCap+1
	Now     time.Time
	Errors  store.FieldErrors
	Form    url.Values
	Data    any
}

// T translates a message id.
func (p *page) T(id string, args ...any) string { return i18n.T(p.Lang, id, args...) }

// N translates a plural message for count n.
func (p *page) N(id string, n int64, args ...any) string { return i18n.N(p.Lang, id, n, args...) }

// Ago says how long ago t was.
func (p *page) Ago(t time.Time) string { return i18n.Ago(p.Lang, t, p.Now) }

// Date formats a date.
func (p *page) Date(t time.Time) string { return i18n.Date(p.Lang, t) }

// Num formats a number.
func (p *page) Num(n int64) string { return i18n.Number(p.Lang, n) }

// Err returns the translated error of a form field, or "".
func (p *page) Err(field string) string {
	if id := p.Errors[field]; id != "" {
		return i18n.T(p.Lang, id)
	}
	return ""
}

// Val returns what the person typed into a form field.
func (p *page) Val(field string) string { return p.Form.Get(field) }

// Checked reports whether a form field has the value (for radios and checkboxes).
func (p *page) Checked(field, value string) bool {
	for _, v := range p.Form[field] {
		if v == value {
			return true
		}
	}
	return false
}

// newPage starts the data of a page for this request.
func (w *Web) newPage(r *http.Request, title string, data any) page {
	st := state(r)
	p := page{Lang: st.lang, Me: st.me, Title: title, Path: r.URL.RequestURI(), Now: time.Now(), Data: data, Form: url.Values{}}
	if st.me != nil {
		// The stream starts where the page was made, so nothing that
		// happens before the browser connects is missed.
		if n, a, err := w.store.LastEventIDs(r.Context()); err == nil {
			p.LiveURL = "/events?from=" + strconv.FormatInt(n, 10) + "-" + strconv.FormatInt(a, 10)
		}
		// A bounded count; a failure only hides the badge.
		p.Unread, _ = w.store.UnreadCount(r.Context(), st.me.ID)
	}
	if c, err := r.Cookie("tacit_flash"); err == nil {
		if v, err := url.QueryUnescape(c.Value); err == nil && len(v) < 200 {
			p.Flash = i18n.T(st.lang, v)
		}
	}
	return p
}

// render writes a page with the given status.
func (w *Web) render(rw http.ResponseWriter, r *http.Request, status int, name string, p page) {
	t, ok := w.pages[name]
	if !ok {
		w.serverError(rw, r, fmt.Errorf("web: no template %q", name))
		return
	}
	buf := buffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 1<<20 {
			buf.Reset()
			buffers.Put(buf)
		}
	}()
	if err := t.ExecuteTemplate(buf, "layout", &p); err != nil {
		w.serverError(rw, r, fmt.Errorf("web: render %s: %w", name, err))
		return
	}
	if p.Flash != "" {
		http.SetCookie(rw, &http.Cookie{Name: "tacit_flash", Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: w.opt.Secure})
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(status)
	_, _ = rw.Write(buf.Bytes())
}

// buffers keep rendered pages' memory between requests: a post page with its
// answers is about 70 KiB, and a new buffer each time fed the collector.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// flash remembers a message id to show on the next page.
func (w *Web) flash(rw http.ResponseWriter, id string) {
	http.SetCookie(rw, &http.Cookie{Name: "tacit_flash", Value: url.QueryEscape(id), Path: "/", MaxAge: 60, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: w.opt.Secure})
}

// redirect sends the browser on after a successful form post.
func redirect(rw http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(rw, r, to, http.StatusSeeOther)
}

// errorPage renders the error page for status; it never shows internal detail.
func (w *Web) errorPage(rw http.ResponseWriter, r *http.Request, status int) {
	key := map[int]string{
		http.StatusNotFound:              "error.not_found",
		http.StatusForbidden:             "error.forbidden",
		http.StatusBadRequest:            "error.bad_request",
		http.StatusRequestEntityTooLarge: "error.body_too_large",
		http.StatusMethodNotAllowed:      "error.bad_request",
		http.StatusConflict:              "error.conflict",
	}[status]
	if key == "" {
		key = "error.server"
	}
	p := w.newPage(r, i18n.T(state(r).lang, key), map[string]any{"Status": status, "Message": key})
	p.Flash = ""
	w.render(rw, r, status, "error", p)
}

func (w *Web) notFound(rw http.ResponseWriter, r *http.Request) {
	w.errorPage(rw, r, http.StatusNotFound)
}

// serverError logs the cause once, with the request, and shows a safe page.
func (w *Web) serverError(rw http.ResponseWriter, r *http.Request, err error) {
	w.log.Error("request failed", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.WriteHeader(http.StatusInternalServerError)
	lang := state(r).lang
	fmt.Fprintf(rw, `<!doctype html><html lang="%s"><meta charset="utf-8"><title>500</title><link rel="stylesheet" href="/static/app.css"><main class="container error-page"><p class="code">500</p><h1>%s</h1><p><a class="btn" href="/">Tacit</a></p></main></html>`,
		lang, template.HTMLEscapeString(i18n.T(lang, "error.server")))
}

// fail maps a store error to the right page: missing or invisible things are 404.
func (w *Web) fail(rw http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		w.notFound(rw, r)
	case errors.Is(err, store.ErrNotAllowed):
		w.errorPage(rw, r, http.StatusForbidden)
	case errors.Is(err, store.ErrConflict):
		w.errorPage(rw, r, http.StatusConflict)
	default:
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			w.errorPage(rw, r, http.StatusRequestEntityTooLarge)
			return
		}
		w.serverError(rw, r, err)
	}
}
