package web

import (
	"net/http"
	"strings"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/store"
)

func (w *Web) inviteForm(rw http.ResponseWriter, r *http.Request) {
	inv, err := w.store.InvitationByHash(r.Context(), auth.HashSecret(r.PathValue("token")))
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	p := w.newPage(r, "invite.title", inv)
	p.Form.Set("language", state(r).lang)
	w.render(rw, r, http.StatusOK, "invite", p)
}

func (w *Web) inviteAccept(rw http.ResponseWriter, r *http.Request) {
	hash := auth.HashSecret(r.PathValue("token"))
	inv, err := w.store.InvitationByHash(r.Context(), hash)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	if !w.parseForm(rw, r) {
		return
	}
	f := r.PostForm
	prof := store.Profile{Name: strings.TrimSpace(f.Get("name")), Department: strings.TrimSpace(f.Get("department")),
		Title: strings.TrimSpace(f.Get("title")), Language: f.Get("language")}
	fe := prof.Validate()
	password := f.Get("password")
	if len([]rune(password)) < store.MinPassword {
		fe["password"] = "error.password_short"
	} else if password != f.Get("password2") {
		fe["password2"] = "error.password_mismatch"
	}
	if len(fe) > 0 {
		p := w.newPage(r, "invite.title", inv)
		p.Form, p.Errors = f, fe
		p.Form.Del("password")
		p.Form.Del("password2")
		w.render(rw, r, http.StatusBadRequest, "invite", p)
		return
	}
	hashPw, err := auth.HashPassword(password)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	person, err := w.store.AcceptInvitation(r.Context(), hash, store.NewPerson{
		Name: prof.Name, Department: prof.Department, Title: prof.Title, Language: prof.Language, PasswordHash: hashPw,
	})
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	token := auth.NewSecret("")
	if _, err := w.store.CreateSession(r.Context(), person.ID, auth.HashSecret(token), r.UserAgent(), clientIP(r), w.opt.SessionTTL); err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.setSessionCookie(rw, token, int(w.opt.SessionTTL.Seconds()))
	if !i18n.Supported(prof.Language) {
		prof.Language = "sv"
	}
	w.flash(rw, "flash.welcome")
	redirect(rw, r, "/")
}
