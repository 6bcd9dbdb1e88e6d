package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
)

type adminPeopleData struct {
	People     []store.Person
	Query      string
	InviteLink string
	Total      int64
	Mail       string // where mail goes (mail_settings.go)
}

func (w *Web) adminPeoplePage(rw http.ResponseWriter, r *http.Request, status int, invite string, form url.Values, fe store.FieldErrors) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	people, err := w.store.ListPeople(r.Context(), q, "", 500)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	total, err := w.store.CountPeople(r.Context())
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	p := w.newPage(r, "admin.people_title", adminPeopleData{People: people, Query: q, InviteLink: invite, Total: total, Mail: w.mailNote(r)})
	if form != nil {
		p.Form = form
	}
	p.Errors = fe
	w.render(rw, r, status, "admin_people", p)
}

func (w *Web) adminPeople(rw http.ResponseWriter, r *http.Request) {
	w.adminPeoplePage(rw, r, http.StatusOK, "", nil, nil)
}

// adminInvite makes an invitation link for a new person.
func (w *Web) adminInvite(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	email := strings.TrimSpace(r.PostForm.Get("email"))
	fe := store.FieldErrors{}
	if !store.ValidEmail(email) {
		fe["email"] = "error.email"
	} else if _, err := w.store.PersonByEmail(r.Context(), email); err == nil {
		fe["email"] = "error.email_taken"
	} else if !errors.Is(err, store.ErrNotFound) {
		w.serverError(rw, r, err)
		return
	}
	if len(fe) > 0 {
		w.adminPeoplePage(rw, r, http.StatusBadRequest, "", r.PostForm, fe)
		return
	}
	token := auth.NewSecret("")
	if _, err := w.store.CreateInvitation(r.Context(), state(r).me.ID, email, 0, store.RoleMember, auth.HashSecret(token), 14*24*time.Hour); err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.adminPeoplePage(rw, r, http.StatusOK, "/invite/"+token, nil, nil)
}

func (w *Web) adminPersonUpdate(rw http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	if !ok || !w.parseForm(rw, r) {
		if !ok {
			w.notFound(rw, r)
		}
		return
	}
	me := state(r).me
	var err error
	switch r.PostForm.Get("action") {
	case "make_admin":
		err = w.store.SetAdmin(r.Context(), me.ID, id, true)
	case "remove_admin":
		if id == me.ID {
			w.errorPage(rw, r, http.StatusBadRequest)
			return
		}
		err = w.store.SetAdmin(r.Context(), me.ID, id, false)
	case "deactivate":
		if id == me.ID {
			w.errorPage(rw, r, http.StatusBadRequest)
			return
		}
		err = w.store.Deactivate(r.Context(), me.ID, id)
	case "reactivate":
		err = w.store.Reactivate(r.Context(), me.ID, id)
	default:
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.saved")
	redirect(rw, r, "/admin/people")
}
