package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/tacit-org/tacit/internal/store"
)

type communityFormData struct {
	Community  store.Community // empty when creating
	Kinds      []string
	Visibility []string
	Parents    []store.Community
	Editing    bool
}

func trimmed(s string, max int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > max {
		return string([]rune(s)[:max])
	}
	return s
}

// communitySettingsFrom reads the settings form; the parent is resolved for the viewer.
func (w *Web) communitySettingsFrom(r *http.Request) (store.CommunitySettings, store.FieldErrors) {
	f := r.PostForm
	cs := store.CommunitySettings{
		Name: strings.TrimSpace(f.Get("name")), Description: strings.TrimSpace(f.Get("description")),
		Kind: f.Get("kind"), Visibility: f.Get("visibility"),
		AnonymousQuestions: f.Get("anonymous_questions") == "on", CodeOfConduct: strings.TrimSpace(f.Get("code_of_conduct")),
	}
	fe := cs.Validate()
	if slug := f.Get("parent"); slug != "" {
		p, err := w.store.CommunityBySlug(r.Context(), viewer(r), slug)
		if err != nil || !p.CanRead() {
			fe["parent"] = "error.invalid_choice"
		} else if !p.CanModerate() && !state(r).me.Admin {
			// Nesting under a community is its moderators' call.
			fe["parent"] = "error.parent_not_moderated"
		} else {
			cs.ParentID = p.ID
		}
	}
	return cs, fe
}

func (w *Web) parentChoices(r *http.Request, exclude int64) ([]store.Community, error) {
	all, err := w.store.Communities(r.Context(), viewer(r), store.CommunityFilter{})
	if err != nil {
		return nil, err
	}
	var out []store.Community
	admin := state(r).me.Admin
	for _, c := range all {
		if c.ID != exclude && c.CanRead() && (c.CanModerate() || admin) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (w *Web) communityFormPage(r *http.Request, title string, d communityFormData, form url.Values, fe store.FieldErrors) (page, error) {
	var err error
	d.Kinds, d.Visibility = store.Kinds, store.Visibilities
	if d.Parents, err = w.parentChoices(r, d.Community.ID); err != nil {
		return page{}, err
	}
	p := w.newPage(r, title, d)
	p.Form, p.Errors = form, fe
	return p, nil
}

func (w *Web) communityNew(rw http.ResponseWriter, r *http.Request) {
	form := url.Values{"kind": {store.KindSubject}, "visibility": {store.VisibilityOpen}, "parent": {r.URL.Query().Get("parent")}}
	p, err := w.communityFormPage(r, "community.new_title", communityFormData{}, form, nil)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "community_form", p)
}

func (w *Web) communityCreate(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	cs, fe := w.communitySettingsFrom(r)
	slug := strings.ToLower(strings.TrimSpace(r.PostForm.Get("slug")))
	store.ValidateSlug(fe, slug)
	var c store.Community
	var err error
	if len(fe) == 0 {
		if cs.Visibility == store.VisibilitySecret {
			slug = store.SecretSlug(slug) // see SecretSlug: a secret slug must not be guessable
		}
		c, err = w.store.CreateCommunity(r.Context(), state(r).me.ID, slug, cs)
		if errors.Is(err, store.ErrConflict) {
			fe["slug"] = "error.slug_taken"
		} else if err != nil {
			w.serverError(rw, r, err)
			return
		}
	}
	if len(fe) > 0 {
		p, err := w.communityFormPage(r, "community.new_title", communityFormData{}, r.PostForm, fe)
		if err != nil {
			w.serverError(rw, r, err)
			return
		}
		w.render(rw, r, http.StatusBadRequest, "community_form", p)
		return
	}
	w.flash(rw, "flash.community_created")
	redirect(rw, r, "/c/"+c.Slug)
}

func (w *Web) communitySettings(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.moderated(rw, r)
	if !ok {
		return
	}
	form := url.Values{"name": {c.Name}, "description": {c.Description}, "kind": {c.Kind}, "visibility": {c.Visibility},
		"parent": {c.ParentSlug}, "code_of_conduct": {c.CodeOfConduct}}
	if c.AnonymousQuestions {
		form.Set("anonymous_questions", "on")
	}
	p, err := w.communityFormPage(r, c.Name, communityFormData{Community: c, Editing: true}, form, nil)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "community_form", p)
}

func (w *Web) communityUpdate(rw http.ResponseWriter, r *http.Request) {
	c, ok := w.moderated(rw, r)
	if !ok || !w.parseForm(rw, r) {
		return
	}
	cs, fe := w.communitySettingsFrom(r)
	if cs.ParentID == c.ID {
		fe["parent"] = "error.invalid_choice"
	}
	if c.ParentSlug == "" && r.PostForm.Get("parent") == "" {
		// A parent the editor cannot see is kept, not silently dropped.
		parent, err := w.store.CommunityParentID(r.Context(), c.ID)
		if err != nil {
			w.serverError(rw, r, err)
			return
		}
		cs.ParentID = parent
	}
	if len(fe) > 0 {
		p, err := w.communityFormPage(r, c.Name, communityFormData{Community: c, Editing: true}, r.PostForm, fe)
		if err != nil {
			w.serverError(rw, r, err)
			return
		}
		w.render(rw, r, http.StatusBadRequest, "community_form", p)
		return
	}
	if err := w.store.UpdateCommunity(r.Context(), state(r).me.ID, c.ID, cs); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.flash(rw, "flash.saved")
	redirect(rw, r, "/c/"+c.Slug)
}
