package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/tacit-org/tacit/internal/store"
)

// postCreateRequest is the body of POST /communities/{slug}/posts.
type postCreateRequest struct {
	Type      string   `json:"type"`
	Title     string   `json:"title"`
	Body      string   `json:"body"`
	Tags      []string `json:"tags"`
	Anonymous bool     `json:"anonymous"`
	Language  string   `json:"language"` // "sv" or "en"; default the author's language
	// AcceptCodeOfConduct accepts the community's code of conduct, which a
	// first post in a community that has one requires.
	AcceptCodeOfConduct bool `json:"accept_code_of_conduct"`
	// Attachments are ids of the caller's own uploads (POST /uploads).
	Attachments []int64 `json:"attachments"`
}

// newPost turns the request into a store post for an author in a community.
func (req postCreateRequest) newPost(com store.Community, author store.Person) store.NewPost {
	lang := req.Language
	if lang == "" {
		lang = author.Language
	}
	return store.NewPost{
		CommunityID: com.ID,
		AuthorID:    author.ID,
		Anonymous:   req.Anonymous,
		Type:        req.Type,
		Title:       strings.TrimSpace(req.Title),
		Body:        req.Body,
		Language:    lang,
		Tags:        store.NormalizeTags(req.Tags),
		Attachments: req.Attachments,
	}
}

// Validate checks the post against the store's rules and the community's:
// anonymous questions only where the community allows them.
func (req postCreateRequest) Validate(np store.NewPost, com store.Community, maxBody int) store.FieldErrors {
	fe := np.Validate(maxBody)
	requireChoice(fe, "type", req.Type)
	if req.Anonymous && !com.AnonymousQuestions {
		fe["anonymous"] = "error.anonymous_not_allowed"
	}
	return fe
}

// postCreate answers POST /communities/{slug}/posts with 201 and the post.
// Posting takes membership: a community the caller may read but has not
// joined answers 403, one they may not read 404.
func (a *API) postCreate(w http.ResponseWriter, r *http.Request, c caller) {
	com, ok := a.readableCommunity(w, r, c)
	if !ok {
		return
	}
	if com.MyRole == "" {
		forbidden(w, "Join this community before posting in it.")
		return
	}
	var req postCreateRequest
	if !a.decode(w, r, &req, false) {
		return
	}
	np := req.newPost(com, c.person)
	fe := req.Validate(np, com, int(a.maxBody))
	if com.CodeOfConduct != "" && !req.AcceptCodeOfConduct {
		accepted, err := a.store.ConductAccepted(r.Context(), com.ID, c.person.ID)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		if !accepted {
			fe["accept_code_of_conduct"] = "error.accept_code_of_conduct"
		}
	}
	if err := a.attachable(r, c, np.Attachments, fe); err != nil {
		a.fail(w, r, err)
		return
	}
	if len(fe) > 0 {
		invalid(w, fe)
		return
	}
	held, ok := a.watch(w, r, "body", np.Title, np.Body, strings.Join(np.Tags, " "))
	if !ok || !a.mayContribute(w, r, c) {
		return
	}
	if req.AcceptCodeOfConduct && com.CodeOfConduct != "" {
		if err := a.store.AcceptConduct(r.Context(), com.ID, c.person.ID); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	np.Held = held
	id, err := a.store.CreatePost(r.Context(), np)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	p, err := a.store.Post(r.Context(), c.viewer(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/posts/"+strconv.FormatInt(id, 10))
	writeJSON(w, http.StatusCreated, p)
}
