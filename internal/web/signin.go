package web

import (
	"errors"
	"net"
	"net/http"
	"strings"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
)

// safeNext keeps redirects after sign-in on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

func (w *Web) signInForm(rw http.ResponseWriter, r *http.Request) {
	if state(r).me != nil {
		redirect(rw, r, safeNext(r.URL.Query().Get("next")))
		return
	}
	p := w.newPage(r, "signin.title", map[string]any{"DemoHint": w.opt.DemoHint})
	p.Form.Set("next", r.URL.Query().Get("next"))
	w.render(rw, r, http.StatusOK, "signin", p)
}

func (w *Web) signIn(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	email, password := r.PostForm.Get("email"), r.PostForm.Get("password")
	// Guessing is slowed per account and per address, before the password is
	// even checked, so a waiting key learns nothing from its guesses.
	acct, addr := "account:"+strings.ToLower(strings.TrimSpace(email)), "address:"+clientIP(r)
	if wait := max(w.opt.SignIn.Wait(acct), w.opt.SignIn.Wait(addr)); wait > 0 {
		w.tooMany(rw, r, wait)
		return
	}
	id, hash, err := w.store.PasswordHash(r.Context(), email)
	switch {
	case errors.Is(err, store.ErrNotFound):
		auth.CheckMissing(password)
	case err != nil:
		w.serverError(rw, r, err)
		return
	default:
		if auth.CheckPassword(hash, password) != nil {
			id = 0
		}
	}
	if id == 0 {
		w.opt.SignIn.Fail(acct)
		w.opt.SignIn.Fail(addr)
		p := w.newPage(r, "signin.title", map[string]any{"DemoHint": w.opt.DemoHint})
		p.Form.Set("email", email)
		p.Form.Set("next", r.PostForm.Get("next"))
		p.Errors = store.FieldErrors{"form": "error.sign_in_failed"}
		w.render(rw, r, http.StatusUnauthorized, "signin", p)
		return
	}
	w.opt.SignIn.Succeed(acct)
	// A new session id at every sign-in: an old cookie can never be promoted.
	token := auth.NewSecret("")
	if _, err := w.store.CreateSession(r.Context(), id, auth.HashSecret(token), r.UserAgent(), clientIP(r), w.opt.SessionTTL); err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.setSessionCookie(rw, token, int(w.opt.SessionTTL.Seconds()))
	redirect(rw, r, safeNext(r.PostForm.Get("next")))
}

func (w *Web) setSessionCookie(rw http.ResponseWriter, token string, maxAge int) {
	http.SetCookie(rw, &http.Cookie{
		Name: w.sessionCookieName(), Value: token, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: w.opt.Secure, SameSite: http.SameSiteLaxMode,
	})
}

func (w *Web) signOut(rw http.ResponseWriter, r *http.Request) {
	st := state(r)
	if st.me != nil {
		if err := w.store.DeleteSession(r.Context(), st.me.ID, st.sessionID); err != nil && !errors.Is(err, store.ErrNotFound) {
			w.serverError(rw, r, err)
			return
		}
	}
	w.setSessionCookie(rw, "", -1)
	redirect(rw, r, "/signin")
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (w *Web) setLanguage(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	lang := r.PostForm.Get("lang")
	if lang != "sv" && lang != "en" {
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	if me := state(r).me; me != nil {
		if err := w.store.SetLanguage(r.Context(), me.ID, lang); err != nil {
			w.serverError(rw, r, err)
			return
		}
	}
	http.SetCookie(rw, &http.Cookie{Name: "tacit_lang", Value: lang, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, Secure: w.opt.Secure, HttpOnly: true})
	redirect(rw, r, safeNext(r.PostForm.Get("next")))
}
