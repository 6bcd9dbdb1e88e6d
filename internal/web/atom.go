package web

import (
	"encoding/xml"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/store"
)

// Atom feeds per community, tag and person. Without a token a feed holds
// what open communities show; with ?token= (a personal, read-only,
// revocable feed token, checked on every fetch and accepted by no other
// route) it holds what that person may read now. Sessions play no part, so
// a feed URL behaves the same in a browser and in a feed reader.

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	AuthorName string         `xml:"author>name"`
	Link       atomLink       `xml:"link"`
	Summary    atomText       `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr,omitempty"`
	Label  string `xml:"label,attr,omitempty"`
}

// clipScheme marks the category that says an entry is a clip, apart from tags.
const clipScheme = "urn:tacit:media"

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

const atomSize = 30

// feedViewer is who reads a feed: the holder of a valid feed token, or no
// one (open communities only). A token that is not valid is a 404, like a
// feed that is not there.
func (w *Web) feedViewer(rw http.ResponseWriter, r *http.Request) (store.Viewer, string, bool) {
	tok := r.URL.Query().Get("token")
	if tok == "" {
		return store.Viewer{}, i18n.Negotiate(r.Header.Get("Accept-Language")), true
	}
	p, err := w.store.FeedTokenPerson(r.Context(), auth.HashSecret(tok))
	if err != nil {
		w.fail(rw, r, err)
		return store.Viewer{}, "", false
	}
	lang := p.Language
	if !i18n.Supported(lang) {
		lang = i18n.Languages[0]
	}
	return store.Viewer{ID: p.ID, Admin: p.Admin}, lang, true
}

func (w *Web) baseURL(r *http.Request) string {
	if w.opt.BaseURL != "" {
		return strings.TrimRight(w.opt.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (w *Web) writeAtom(rw http.ResponseWriter, r *http.Request, v store.Viewer, lang, title, page string, f store.PostFilter) {
	posts, _, err := w.store.Posts(r.Context(), v, f, store.Cursor{}, atomSize)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	base := w.baseURL(r)
	self := base + r.URL.Path
	feed := atomFeed{Lang: lang, ID: self, Title: title + " · Tacit", Updated: time.Unix(0, 0).UTC().Format(time.RFC3339),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: self}, {Rel: "alternate", Type: "text/html", Href: base + page}}}
	for i, p := range posts {
		if i == 0 {
			feed.Updated = p.ActivityAt.UTC().Format(time.RFC3339)
		}
		author := p.AuthorName
		if p.Anonymous {
			author = i18n.T(lang, "notify.anonymous") // even for the author: a feed can be shared
		}
		e := atomEntry{ID: base + "/p/" + itoa(p.ID), Title: p.Title, Updated: p.ActivityAt.UTC().Format(time.RFC3339),
			Published: p.CreatedAt.UTC().Format(time.RFC3339), AuthorName: author, Link: atomLink{Rel: "alternate", Type: "text/html", Href: base + "/p/" + itoa(p.ID)},
			Summary: atomText{Type: "text", Body: p.Excerpt}}
		if p.HasClip {
			// A clip shows as one in a feed reader too: in the summary, and
			// as a category of its own (the file itself needs signing in).
			clip := i18n.T(lang, "media.clip")
			e.Summary.Body = "▶ " + clip + " · " + e.Summary.Body
			e.Categories = append(e.Categories, atomCategory{Term: "clip", Scheme: clipScheme, Label: clip})
		}
		for _, t := range p.Tags {
			e.Categories = append(e.Categories, atomCategory{Term: t})
		}
		feed.Entries = append(feed.Entries, e)
	}
	out, err := xml.MarshalIndent(feed, "", " ")
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	rw.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	rw.Write([]byte(xml.Header))
	rw.Write(out)
}

func (w *Web) communityAtom(rw http.ResponseWriter, r *http.Request) {
	v, lang, ok := w.feedViewer(rw, r)
	if !ok {
		return
	}
	c, err := w.store.CommunityBySlug(r.Context(), v, r.PathValue("slug"))
	if err == nil && !c.CanRead() {
		err = store.ErrNotFound // a closed community's content is for members
	}
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.writeAtom(rw, r, v, lang, c.Name, "/c/"+url.PathEscape(c.Slug), store.PostFilter{CommunityID: c.ID})
}

func (w *Web) tagAtom(rw http.ResponseWriter, r *http.Request) {
	v, lang, ok := w.feedViewer(rw, r)
	if !ok {
		return
	}
	tag := strings.ToLower(r.PathValue("tag"))
	w.writeAtom(rw, r, v, lang, "#"+tag, "/t/"+url.PathEscape(tag), store.PostFilter{Tag: tag})
}

func (w *Web) personAtom(rw http.ResponseWriter, r *http.Request) {
	v, lang, ok := w.feedViewer(rw, r)
	if !ok {
		return
	}
	id, ok := parseID(r.PathValue("id"))
	if !ok {
		w.notFound(rw, r)
		return
	}
	p, err := w.store.PersonByID(r.Context(), id)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.writeAtom(rw, r, v, lang, p.Name, "/u/"+itoa(id), store.PostFilter{AuthorID: id})
}

// homeAtom is the token holder's home feed; without a token there is none.
func (w *Web) homeAtom(rw http.ResponseWriter, r *http.Request) {
	v, lang, ok := w.feedViewer(rw, r)
	if !ok {
		return
	}
	if v.ID == 0 {
		w.notFound(rw, r)
		return
	}
	w.writeAtom(rw, r, v, lang, i18n.T(lang, "home.title"), "/", store.PostFilter{Home: true})
}

// feedSettings shows whether the person has a feed token and lets them
// make a new one (shown once) or revoke it.
func (w *Web) feedSettings(rw http.ResponseWriter, r *http.Request) {
	w.renderFeedSettings(rw, r, "")
}

func (w *Web) renderFeedSettings(rw http.ResponseWriter, r *http.Request, token string) {
	created, err := w.store.FeedTokenCreated(r.Context(), state(r).me.ID)
	if err != nil {
		w.serverError(rw, r, err)
		return
	}
	d := settingsData{Feeds: feedSettingsData{Token: token, Created: created, Example: w.baseURL(r) + "/feed.atom?token=" + token}}
	w.render(rw, r, http.StatusOK, "settings", w.settingsPage(r, "feeds", d))
}

func (w *Web) feedTokenCreate(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	secret := auth.NewSecret("feed_")
	if err := w.store.CreateFeedToken(r.Context(), state(r).me.ID, auth.HashSecret(secret)); err != nil {
		w.serverError(rw, r, err)
		return
	}
	w.renderFeedSettings(rw, r, secret)
}

func (w *Web) feedTokenRevoke(rw http.ResponseWriter, r *http.Request) {
	if !w.parseForm(rw, r) {
		return
	}
	if err := w.store.RevokeFeedTokens(r.Context(), state(r).me.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		w.serverError(rw, r, err)
		return
	}
	w.flash(rw, "feeds.revoked")
	redirect(rw, r, "/settings/feeds")
}

type feedSettingsData struct {
	Token   string
	Created time.Time
	Example string
}
