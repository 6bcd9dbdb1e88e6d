package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/tacit-org/tacit/internal/markdown"
	"github.com/tacit-org/tacit/internal/store"
)

// mentionSuggest answers the composer's autocomplete: GET
// /mentions?q=prefix&post=ID (a reply) or &c=slug (a new post) lists, as
// JSON, people who can read that post or community and whose handle or
// name starts with the prefix. A post or community the viewer cannot read
// is a 404, like everywhere.
func (w *Web) mentionSuggest(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	prefix := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(q.Get("q")), "@"))
	v := viewer(r)
	var communityID int64
	switch {
	case q.Get("post") != "":
		id, ok := parseID(q.Get("post"))
		if !ok {
			w.notFound(rw, r)
			return
		}
		p, err := w.store.Post(r.Context(), v, id)
		if err != nil {
			w.fail(rw, r, err)
			return
		}
		communityID = p.CommunityID
	case q.Get("c") != "":
		c, err := w.store.CommunityBySlug(r.Context(), v, q.Get("c"))
		if err != nil {
			w.fail(rw, r, err)
			return
		}
		if c.Visibility != store.VisibilityOpen && c.MyRole == "" {
			w.notFound(rw, r) // listed, but its members are for members
			return
		}
		communityID = c.ID
	default:
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	out := []store.MentionCandidate{}
	if len(prefix) <= 64 && (prefix == "" || markdown.HandleRe.MatchString(prefix) || isNamePrefix(prefix)) {
		cs, err := w.store.MentionCandidates(r.Context(), v, communityID, prefix, 8)
		if err != nil {
			w.fail(rw, r, err)
			return
		}
		out = cs
	}
	rw.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(rw).Encode(out)
}

// isNamePrefix accepts the start of a name as typed after @ (letters, digits, dot, hyphen).
func isNamePrefix(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool {
		return !(r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || slices.Contains([]rune("åäöéü"), r))
	})
}

// followRemove stops following what the form names; the follows page's button.
func (w *Web) followRemove(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	kind := r.PostForm.Get("kind")
	if !slices.Contains(store.FollowKinds, kind) {
		w.errorPage(rw, r, http.StatusBadRequest)
		return
	}
	if err := w.store.Unfollow(r.Context(), state(r).me.ID, kind, r.PostForm.Get("target")); err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.flash(rw, "settings.unfollow_done")
	redirect(rw, r, "/settings/follows")
}
