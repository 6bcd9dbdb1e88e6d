package web

import (
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/i18n"
)

const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// SecurityHeaders sets the headers every response carries, errors included.
func SecurityHeaders(secure bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		h := rw.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if secure {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			h.Set("Cache-Control", "private, no-store")
		}
		next.ServeHTTP(rw, r)
	})
}

func (w *Web) sessionCookieName() string {
	if w.opt.Secure {
		return "__Host-tacit_session"
	}
	return "tacit_session"
}

// identify loads the signed-in person and the interface language.
func (w *Web) identify(next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		st := &reqState{}
		if c, err := r.Cookie(w.sessionCookieName()); err == nil && c.Value != "" && !strings.HasPrefix(r.URL.Path, "/static/") {
			p, sid, err := w.store.SessionPerson(r.Context(), auth.HashSecret(c.Value))
			if err == nil {
				st.me, st.sessionID = &p, sid
			}
		}
		switch {
		case st.me != nil && i18n.Supported(st.me.Language):
			st.lang = st.me.Language
		default:
			if c, err := r.Cookie("tacit_lang"); err == nil && i18n.Supported(c.Value) {
				st.lang = c.Value
			} else {
				st.lang = i18n.Negotiate(r.Header.Get("Accept-Language"))
			}
		}
		next.ServeHTTP(rw, r.WithContext(withState(r.Context(), st)))
	})
}

// signedIn sends visitors to the sign-in page and back afterwards.
func (w *Web) signedIn(h http.HandlerFunc) http.HandlerFunc {
	return func(rw http.ResponseWriter, r *http.Request) {
		if state(r).me == nil {
			if r.Method == http.MethodGet {
				redirect(rw, r, "/signin?next="+url.QueryEscape(r.URL.RequestURI()))
				return
			}
			w.errorPage(rw, r, http.StatusForbidden)
			return
		}
		h(rw, r)
	}
}

// adminOnly lets only organisation admins through; others see 404.
func (w *Web) adminOnly(h http.HandlerFunc) http.HandlerFunc {
	return w.signedIn(func(rw http.ResponseWriter, r *http.Request) {
		if !state(r).me.Admin {
			w.notFound(rw, r)
			return
		}
		h(rw, r)
	})
}

// limitBody refuses request bodies over the limit without reading them whole.
// Forms carry a post body plus a little more, so the limit is twice the body limit.
func (w *Web) limitBody(next http.Handler) http.Handler {
	limit := 2*w.opt.MaxBodyBytes + 16*1024
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		limit := limit
		// Forms that carry files (multipart) may be as large as the largest
		// upload; each file is then checked against its own kind's limit.
		if w.opt.Media != nil && takesFiles(r) {
			limit += w.opt.Media.MaxRequest()
		}
		if r.ContentLength > limit {
			w.errorPage(rw, r, http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(rw, r.Body, limit)
		next.ServeHTTP(rw, r)
	})
}

// takesFiles reports whether a request is a form that may carry files:
// the upload endpoint and the forms of posts, answers and comments. Other
// forms keep the small limit, so no one can park large bodies on the
// server through them.
func takesFiles(r *http.Request) bool {
	if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return false
	}
	p := r.URL.Path
	return p == "/uploads" || (strings.HasPrefix(p, "/c/") && strings.HasSuffix(p, "/posts")) ||
		(strings.HasPrefix(p, "/p/") && (strings.HasSuffix(p, "/answers") || strings.HasSuffix(p, "/comments")))
}

// recoverer turns a panic into a logged 500 page.
func (w *Web) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				w.log.Error("panic", slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
				w.serverError(rw, r, nil)
			}
		}()
		next.ServeHTTP(rw, r)
	})
}

// logRequests logs each request at debug level with its duration.
func (w *Web) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(rw, r)
		w.log.Debug("request", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Duration("took", time.Since(start)))
	})
}

// parseForm reads a posted form; a too-large or malformed body is answered here.
func (w *Web) parseForm(rw http.ResponseWriter, r *http.Request) bool {
	parse := r.ParseForm
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		// Files larger than 1 MiB wait on disk; the server removes them after the request.
		parse = func() error { return r.ParseMultipartForm(1 << 20) }
	}
	if err := parse(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			w.errorPage(rw, r, http.StatusRequestEntityTooLarge)
		} else {
			w.errorPage(rw, r, http.StatusBadRequest)
		}
		return false
	}
	return true
}
