package web

import (
	"net/http"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
)

func (w *Web) signinLinkForm(rw http.ResponseWriter, r *http.Request) {
	person, err := w.store.SigninLinkPerson(r.Context(), auth.HashSecret(r.PathValue("token")))
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "set_password", w.newPage(r, "set_password.title", person))
}

func (w *Web) signinLinkUse(rw http.ResponseWriter, r *http.Request) {
	hash := auth.HashSecret(r.PathValue("token"))
	person, err := w.store.SigninLinkPerson(r.Context(), hash)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	if !w.parseForm(rw, r) {
		return
	}
	fe := store.FieldErrors{}
	password := r.PostForm.Get("password")
	if len([]rune(password)) < store.MinPassword {
		fe["password"] = "error.password_short"
	} else if password != r.PostForm.Get("password2") {
		fe["password2"] = "error.password_mismatch"
	}
	if len(fe) > 0 {
		p := w.newPage(r, "set_password.title", person)
		p.Errors = fe
		w.render(rw, r, http.StatusBadRequest, "set_password", p)
		return
	}
	pwHash, err := auth.HashPassword(password)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	id, err := w.store.UseSigninLink(r.Context(), hash, pwHash)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	token := auth.NewSecret("")
	if _, err := w.store.CreateSession(r.Context(), id, auth.HashSecret(token), r.UserAgent(), clientIP(r), w.opt.SessionTTL); err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.setSessionCookie(rw, token, int(w.opt.SessionTTL.Seconds()))
	w.flash(rw, "flash.password_set")
	redirect(rw, r, "/")
}
