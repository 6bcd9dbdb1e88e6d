package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
)

type settingsData struct {
	Tab      string
	Sessions []store.Session
	Current  int64
	Tokens   []store.Token
	NewToken string
	Follows  []followItem
	Mail     mailSettingsData // (mail_settings.go)
	Feeds    feedSettingsData // (atom.go)
	Scopes   []string
}

// followItem is a followed thing with a name and link the viewer may see.
type followItem struct {
	Kind, Name, URL, Target string
}

func (w *Web) settingsPage(r *http.Request, tab string, d settingsData) page {
	d.Tab = tab
	return w.newPage(r, "settings.title", d)
}

func (w *Web) settingsProfile(rw http.ResponseWriter, r *http.Request) {
	me := state(r).me
	full, err := w.store.PersonByID(r.Context(), me.ID)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	p := w.settingsPage(r, "profile", settingsData{})
	p.Form = url.Values{"name": {full.Name}, "department": {full.Department}, "title": {full.Title}, "language": {full.Language},
		"bio": {full.Bio}, "expertise": {strings.Join(full.Expertise, ", ")}}
	w.render(rw, r, http.StatusOK, "settings", p)
}

func (w *Web) settingsProfileSave(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	f := r.PostForm
	pr := store.Profile{Name: strings.TrimSpace(f.Get("name")), Department: strings.TrimSpace(f.Get("department")),
		Title: strings.TrimSpace(f.Get("title")), Language: f.Get("language"), Bio: strings.TrimSpace(f.Get("bio")),
		Expertise: store.NormalizeTags([]string{f.Get("expertise")})}
	if fe := pr.Validate(); len(fe) > 0 {
		p := w.settingsPage(r, "profile", settingsData{})
		p.Form, p.Errors = f, fe
		w.render(rw, r, http.StatusBadRequest, "settings", p)
		return
	}
	if err := w.store.UpdateProfile(r.Context(), state(r).me.ID, pr); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.saved")
	redirect(rw, r, "/settings")
}

func (w *Web) sessionList(rw http.ResponseWriter, r *http.Request) {
	st := state(r)
	sessions, err := w.store.Sessions(r.Context(), st.me.ID)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "settings", w.settingsPage(r, "sessions", settingsData{Sessions: sessions, Current: st.sessionID}))
}

func (w *Web) sessionEnd(rw http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	if !ok || !w.parseForm(rw, r) {
		if !ok {
			w.notFound(rw, r)
		}
		return
	}
	st := state(r)
	if err := w.store.DeleteSession(r.Context(), st.me.ID, id); err != nil {
		w.fail(rw, r, err)
		return
	}
	if id == st.sessionID {
		w.setSessionCookie(rw, "", -1)
		redirect(rw, r, "/signin")
		return
	}
	w.flash(rw, "flash.session_ended")
	redirect(rw, r, "/settings/sessions")
}

func (w *Web) passwordForm(rw http.ResponseWriter, r *http.Request) {
	w.render(rw, r, http.StatusOK, "settings", w.settingsPage(r, "password", settingsData{}))
}

func (w *Web) passwordSave(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	st := state(r)
	f := r.PostForm
	fe := store.FieldErrors{}
	_, hash, err := w.store.PasswordHash(r.Context(), st.me.Email)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	if auth.CheckPassword(hash, f.Get("current")) != nil {
		fe["current"] = "error.sign_in_failed"
	}
	if len([]rune(f.Get("password"))) < store.MinPassword {
		fe["password"] = "error.password_short"
	} else if f.Get("password") != f.Get("password2") {
		fe["password2"] = "error.password_mismatch"
	}
	if len(fe) > 0 {
		p := w.settingsPage(r, "password", settingsData{})
		p.Errors = fe
		w.render(rw, r, http.StatusBadRequest, "settings", p)
		return
	}
	newHash, err := auth.HashPassword(f.Get("password"))
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	if err := w.store.SetPassword(r.Context(), st.me.ID, newHash, st.sessionID); err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.flash(rw, "flash.password_changed")
	redirect(rw, r, "/settings/password")
}

func (w *Web) tokenPage(rw http.ResponseWriter, r *http.Request, status int, newToken string, form url.Values, fe store.FieldErrors) {
	tokens, err := w.store.Tokens(r.Context(), state(r).me.ID)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	p := w.settingsPage(r, "tokens", settingsData{Tokens: tokens, NewToken: newToken, Scopes: w.scopesFor(r)})
	if form != nil {
		p.Form = form
	}
	p.Errors = fe
	w.render(rw, r, status, "settings", p)
}

func (w *Web) scopesFor(r *http.Request) []string {
	if state(r).me.Admin {
		return []string{store.ScopeRead, store.ScopeWrite, store.ScopeAdmin}
	}
	return []string{store.ScopeRead, store.ScopeWrite}
}

func (w *Web) tokenList(rw http.ResponseWriter, r *http.Request) {
	w.tokenPage(rw, r, http.StatusOK, "", url.Values{"scope": {store.ScopeRead}}, nil)
}

func (w *Web) tokenCreate(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	name, scope := strings.TrimSpace(r.PostForm.Get("name")), r.PostForm.Get("scope")
	fe := store.FieldErrors{}
	if name == "" {
		fe["name"] = "error.required"
	} else if len([]rune(name)) > store.MaxName {
		fe["name"] = "error.too_long"
	}
	if !slices.Contains(w.scopesFor(r), scope) {
		fe["scope"] = "error.invalid_choice"
	}
	if len(fe) > 0 {
		w.tokenPage(rw, r, http.StatusBadRequest, "", r.PostForm, fe)
		return
	}
	secret := auth.NewSecret("tacit_")
	if _, err := w.store.CreateToken(r.Context(), state(r).me.ID, name, scope, auth.HashSecret(secret)); err != nil {
		w.serverError(rw, r, err)
		return
	}
	// The secret is shown once, on this response, and never stored.
	w.tokenPage(rw, r, http.StatusOK, secret, url.Values{"scope": {store.ScopeRead}}, nil)
}

func (w *Web) tokenRevoke(rw http.ResponseWriter, r *http.Request) {
	id, ok := parseID(r.PathValue("id"))
	if !ok || !w.parseForm(rw, r) {
		if !ok {
			w.notFound(rw, r)
		}
		return
	}
	// Someone else's token, or one already revoked, is not found, like
	// every object one may not see.
	if err := w.store.RevokeToken(r.Context(), state(r).me.ID, id); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.token_revoked")
	redirect(rw, r, "/settings/tokens")
}

// followList names what the viewer follows; things they can no longer see
// (a post in a community they left) are left out, not named.
func (w *Web) followList(rw http.ResponseWriter, r *http.Request) {
	ctx, v := r.Context(), viewer(r)
	follows, err := w.store.Follows(ctx, v.ID, "")
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	var items []followItem
	for _, f := range follows {
		id, _ := parseID(f.Target)
		var it followItem
		switch f.Kind {
		case store.FollowTag:
			it = followItem{Kind: f.Kind, Name: "#" + f.Target, URL: "/t/" + f.Target}
		case store.FollowCommunity:
			c, err := w.store.CommunityByID(ctx, v, id)
			if err != nil {
				continue
			}
			it = followItem{Kind: f.Kind, Name: c.Name, URL: "/c/" + c.Slug}
		case store.FollowPost:
			p, err := w.store.Post(ctx, v, id)
			if err != nil {
				continue
			}
			it = followItem{Kind: f.Kind, Name: p.Title, URL: "/p/" + f.Target}
		case store.FollowPerson:
			p, err := w.store.PersonByID(ctx, id)
			if err != nil {
				continue
			}
			it = followItem{Kind: f.Kind, Name: p.Name, URL: "/u/" + f.Target}
		default:
			continue
		}
		it.Target = f.Target
		items = append(items, it)
	}
	w.render(rw, r, http.StatusOK, "settings", w.settingsPage(r, "follows", settingsData{Follows: items}))
}
