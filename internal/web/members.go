package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
)

type membersData struct {
	Community  store.Community
	Tab        string
	Members    []store.Member
	Roles      []string
	InviteLink string
}

func (w *Web) membersPage(rw http.ResponseWriter, r *http.Request, c store.Community, status int, form url.Values, fe store.FieldErrors, invite string) {
	members, err := w.store.Members(r.Context(), c.ID, 1000)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	p := w.newPage(r, c.Name, membersData{Community: c, Tab: "members", Members: members, Roles: store.Roles, InviteLink: invite})
	if form != nil {
		p.Form = form
	}
	p.Errors = fe
	w.render(rw, r, status, "members", p)
}

func (w *Web) memberList(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.community(rw, r)
	if !ok {
		return
	}
	// Closed communities show their member count, not who the members are.
	if !c.CanRead() {
		w.notFound(rw, r)
		return
	}
	w.membersPage(rw, r, c, http.StatusOK, url.Values{"role": {store.RoleMember}}, nil, "")
}

// memberAdd adds an existing person by e-mail, or makes an invitation link
// for someone who has no account yet.
func (w *Web) memberAdd(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.moderated(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	me := state(r).me
	email, role := r.PostForm.Get("email"), r.PostForm.Get("role")
	fe := store.FieldErrors{}
	if !store.ValidEmail(email) {
		fe["email"] = "error.email"
	}
	if !slices.Contains(store.Roles, role) || (role != store.RoleMember && c.MyRole != store.RoleOwner) {
		fe["role"] = "error.invalid_choice"
	}
	if len(fe) > 0 {
		w.membersPage(rw, r, c, http.StatusBadRequest, r.PostForm, fe, "")
		return
	}
	person, err := w.store.PersonByEmail(r.Context(), email)
	if errors.Is(err, store.ErrNotFound) {
		token := auth.NewSecret("")
		if _, err := w.store.CreateInvitation(r.Context(), me.ID, email, c.ID, role, auth.HashSecret(token), 14*24*time.Hour); err != nil {
			w.serverError(rw, r, err)
			return
		}
		w.membersPage(rw, r, c, http.StatusOK, url.Values{"role": {store.RoleMember}}, nil, "/invite/"+token)
		return
	}
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	if err := w.store.AddMember(r.Context(), me.ID, c.ID, person.ID, role); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.member_added")
	redirect(rw, r, "/c/"+c.Slug+"/members")
}

// memberUpdate changes a member's role or removes them.
func (w *Web) memberUpdate(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.moderated(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		w.notFound(rw, r)
		return
	}
	me := state(r).me
	role, err := w.store.Role(r.Context(), id, c.ID)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	if role == "" {
		w.notFound(rw, r)
		return
	}
	// Only owners touch owners and moderators.
	if role != store.RoleMember && c.MyRole != store.RoleOwner {
		w.errorPage(rw, r, http.StatusForbidden)
		return
	}
	if r.PostForm.Get("action") == "remove" {
		err = w.store.Leave(r.Context(), me.ID, c.ID, id)
	} else {
		newRole := r.PostForm.Get("role")
		if !slices.Contains(store.Roles, newRole) || (newRole != store.RoleMember && c.MyRole != store.RoleOwner) {
			w.errorPage(rw, r, http.StatusBadRequest)
			return
		}
		err = w.store.SetRole(r.Context(), me.ID, c.ID, id, newRole)
	}
	if errors.Is(err, store.ErrLastOwner) {
		w.flash(rw, "error.last_owner")
	} else if err != nil {
		w.fail(rw, r, err)
		return
	} else {
		w.flash(rw, "flash.saved")
	}
	redirect(rw, r, "/c/"+c.Slug+"/members")
}

type requestsData struct {
	Community store.Community
	Tab       string
	Requests  []store.JoinRequest
}

func (w *Web) requestList(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.moderated(rw, r)
	if !ok {
		return
	}
	reqs, err := w.store.JoinRequests(r.Context(), c.ID)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "requests", w.newPage(r, c.Name, requestsData{Community: c, Tab: "requests", Requests: reqs}))
}

func (w *Web) requestDecide(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.moderated(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		w.notFound(rw, r)
		return
	}
	approve := r.PostForm.Get("decision") == "approve"
	if err := w.store.DecideJoinRequest(r.Context(), state(r).me.ID, c.ID, id, approve); err != nil {
		w.fail(rw, r, err)
		return
	}
	if approve {
		w.flash(rw, "flash.request_approved")
	} else {
		w.flash(rw, "flash.request_declined")
	}
	redirect(rw, r, "/c/"+c.Slug+"/requests")
}
