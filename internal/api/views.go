package api

import (
	"net/http"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// personJSON is a person as other people in the organisation see them. It
// is built field by field so that nothing private (password state, language
// preference) leaves by accident when store.Person grows.
type personJSON struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	Email       string    `json:"email"`
	Department  string    `json:"department"`
	Title       string    `json:"title"`
	Bio         string    `json:"bio"`
	Expertise   []string  `json:"expertise"`
	Admin       bool      `json:"admin"`
	Deactivated bool      `json:"deactivated"`
	CreatedAt   time.Time `json:"created_at"`
}

func personView(p store.Person) personJSON {
	exp := p.Expertise
	if exp == nil {
		exp = []string{}
	}
	return personJSON{
		ID: p.ID, Name: p.Name, Email: p.Email, Department: p.Department, Title: p.Title, Bio: p.Bio,
		Expertise: exp, Admin: p.Admin, Deactivated: p.Deactivated, CreatedAt: p.CreatedAt,
	}
}

// community loads the community named by {slug} as the caller may know it:
// a secret community they are not in answers 404, like a slug that never
// existed. Closed communities load (they are listed); callers that show
// content check CanRead.
func (a *API) community(w http.ResponseWriter, r *http.Request, c caller) (store.Community, bool) {
	slug := r.PathValue("slug")
	if !store.ValidSlug(slug) {
		notFound(w)
		return store.Community{}, false
	}
	com, err := a.store.CommunityBySlug(r.Context(), c.viewer(), slug)
	if err != nil {
		a.fail(w, r, err)
		return store.Community{}, false
	}
	return com, true
}

// readableCommunity is community for handlers that show or add content:
// a closed community the caller is not in answers exactly like a missing one.
func (a *API) readableCommunity(w http.ResponseWriter, r *http.Request, c caller) (store.Community, bool) {
	com, ok := a.community(w, r, c)
	if ok && !com.CanRead() {
		notFound(w)
		return store.Community{}, false
	}
	return com, ok
}

// post loads the post named by {id} if the caller may read it; anything
// else is 404. The store blanks an anonymous author for everyone but them.
func (a *API) post(w http.ResponseWriter, r *http.Request, c caller) (store.Post, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		notFound(w)
		return store.Post{}, false
	}
	p, err := a.store.Post(r.Context(), c.viewer(), id)
	if err != nil {
		a.fail(w, r, err)
		return store.Post{}, false
	}
	return p, true
}

// canModerate reports whether the caller owns or moderates the community
// with this id. Moderator power is per community (DESIGN §3 rule 5).
func (a *API) canModerate(w http.ResponseWriter, r *http.Request, c caller, communityID int64) (bool, bool) {
	ok, err := a.store.CanModerate(r.Context(), c.person.ID, communityID)
	if err != nil {
		a.fail(w, r, err)
		return false, false
	}
	return ok, true
}

// authorOrModerator lets the author (mine) or a moderator of the community
// on, answering 403 to anyone else. byModerator is true when only moderator
// power allows it, so the action is audited.
func (a *API) authorOrModerator(w http.ResponseWriter, r *http.Request, c caller, mine bool, communityID int64) (byModerator, ok bool) {
	if mine {
		return false, true
	}
	mod, ok := a.canModerate(w, r, c, communityID)
	if !ok {
		return false, false
	}
	if !mod {
		forbidden(w, "")
		return false, false
	}
	return true, true
}

// reply loads the reply named by {id} and its post if the caller may read
// both; anything else is 404, the same bytes as for an id that never
// existed. The store checks the community, the post and the reply itself
// (held, hidden, deleted) in the query, and blanks an anonymous asker.
func (a *API) reply(w http.ResponseWriter, r *http.Request, c caller) (store.Reply, store.Post, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		notFound(w)
		return store.Reply{}, store.Post{}, false
	}
	rp, err := a.store.Reply(r.Context(), c.viewer(), id)
	if err != nil {
		a.fail(w, r, err)
		return store.Reply{}, store.Post{}, false
	}
	p, err := a.store.Post(r.Context(), c.viewer(), rp.PostID)
	if err != nil {
		a.fail(w, r, err)
		return store.Reply{}, store.Post{}, false
	}
	return rp, p, true
}

// writePosts answers with one page of posts, as the store gave them.
func writePosts(w http.ResponseWriter, posts []store.Post, next store.Cursor) {
	writeList(w, posts, next.String())
}
