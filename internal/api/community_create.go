package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/tacit-org/tacit/internal/store"
)

// communityCreateRequest is the body of POST /communities.
type communityCreateRequest struct {
	Slug               string `json:"slug"`
	Name               string `json:"name"`
	Description        string `json:"description"`
	Kind               string `json:"kind"`
	Visibility         string `json:"visibility"`
	Parent             string `json:"parent"` // the parent's slug, or empty
	AnonymousQuestions bool   `json:"anonymous_questions"`
	CodeOfConduct      string `json:"code_of_conduct"`
}

// settings turns the request into store settings, without the parent,
// which needs the store to resolve.
func (req communityCreateRequest) settings() store.CommunitySettings {
	return store.CommunitySettings{
		Name:               strings.TrimSpace(req.Name),
		Description:        strings.TrimSpace(req.Description),
		Kind:               req.Kind,
		Visibility:         req.Visibility,
		AnonymousQuestions: req.AnonymousQuestions,
		CodeOfConduct:      strings.TrimSpace(req.CodeOfConduct),
	}
}

// Validate checks the request; kind and visibility have no default, because
// who can read a community is a choice its creator must make.
func (req communityCreateRequest) Validate() store.FieldErrors {
	fe := req.settings().Validate()
	store.ValidateSlug(fe, req.Slug)
	requireChoice(fe, "kind", req.Kind)
	requireChoice(fe, "visibility", req.Visibility)
	return fe
}

// requireChoice says "required" rather than "choose one" for a missing choice.
func requireChoice(fe store.FieldErrors, field, value string) {
	if value == "" {
		fe[field] = "error.required"
	}
}

// communityCreate answers POST /communities. Anyone may create a community
// and becomes its owner.
func (a *API) communityCreate(w http.ResponseWriter, r *http.Request, c caller) {
	var req communityCreateRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	fe := req.Validate()
	cs := req.settings()
	if req.Parent != "" {
		parent, err := a.store.CommunityBySlug(r.Context(), c.viewer(), req.Parent)
		switch {
		case errors.Is(err, store.ErrNotFound):
			fe["parent"] = "error.not_found"
		case err != nil:
			a.fail(w, r, err)
			return
		case !parent.CanModerate() && !c.person.Admin:
			fe["parent"] = "error.parent_not_moderated"
		}
		cs.ParentID = parent.ID
	}
	if len(fe) > 0 {
		invalid(w, fe)
		return
	}
	slug := req.Slug
	if cs.Visibility == store.VisibilitySecret {
		slug = store.SecretSlug(slug) // see SecretSlug: a secret slug must not be guessable
	}
	com, err := a.store.CreateCommunity(r.Context(), c.person.ID, slug, cs)
	if errors.Is(err, store.ErrConflict) {
		conflict(w, "error.slug_taken", store.FieldErrors{"slug": "error.slug_taken"})
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/communities/"+com.Slug)
	writeJSON(w, http.StatusCreated, com)
}
