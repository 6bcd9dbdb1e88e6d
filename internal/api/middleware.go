package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/store"
)

// caller is who a request acts for: the person behind the bearer token and
// the token's scope. It is the zero value on public routes.
type caller struct {
	person store.Person
	scope  string
}

// viewer is the caller as the store's visibility rules know them.
func (c caller) viewer() store.Viewer { return store.Viewer{ID: c.person.ID, Admin: c.person.Admin} }

// handlerFunc is the shape of every API handler: the caller is already
// authenticated and their token's scope checked.
type handlerFunc func(w http.ResponseWriter, r *http.Request, c caller)

type callerKey struct{}

// scopeRank orders scopes: each allows everything the ones below it allow.
var scopeRank = map[string]int{scopeRead: 1, scopeWrite: 2, scopeAdmin: 3}

// authorise checks the bearer token and its scope before the handler runs.
// The check depends only on the token and the route, never on the target,
// so its answers cannot tell anyone whether something exists.
func (a *API) authorise(scope string, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if scope == scopePublic {
			h(w, r, caller{})
			return
		}
		token, ok := bearer(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="tacit"`)
			writeError(w, http.StatusUnauthorized, "unauthorized", i18n.T("en", "error.unauthorized"), nil)
			return
		}
		person, tokenScope, err := a.store.TokenPerson(r.Context(), auth.HashSecret(token))
		if errors.Is(err, store.ErrNotFound) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="tacit", error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, "unauthorized", i18n.T("en", "error.unauthorized"), nil)
			return
		}
		if err != nil {
			a.fail(w, r, err)
			return
		}
		c := caller{person: person, scope: tokenScope}
		if scopeRank[tokenScope] < scopeRank[scope] || (scope == scopeAdmin && !person.Admin) {
			w.Header().Set("WWW-Authenticate", fmt.Sprintf(`Bearer realm="tacit", error="insufficient_scope", scope="%s"`, scope))
			writeError(w, http.StatusForbidden, "forbidden", i18n.T("en", "error.scope"), nil)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), callerKey{}, c)), c)
	})
}

// bearer returns the token of an "Authorization: Bearer …" header.
func bearer(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", false
	}
	return token, true
}

// commonHeaders marks every answer as private JSON that must not be cached
// or sniffed: API answers depend on who asks.
func commonHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "private, no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panicking handler into a logged 500, so one bad
// request never shows a client a stack trace or drops the connection.
func (a *API) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				a.fail(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// logAttrs describes a request for the log.
func logAttrs(r *http.Request) []any {
	attrs := []any{slog.String("method", r.Method), slog.String("path", r.URL.Path)}
	if c, ok := r.Context().Value(callerKey{}).(caller); ok {
		attrs = append(attrs, slog.Int64("person_id", c.person.ID))
	}
	return attrs
}
