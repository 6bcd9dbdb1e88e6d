package web

import (
	"io/fs"
	"net/http"
)

// route is one entry of the HTML surface. The table is the single source of
// the router and of Routes, so tests that sweep every route see them all.
type route struct {
	pattern string
	handler http.HandlerFunc
}

func (w *Web) routes() []route {
	rs := w.coreRoutes()
	// Each feature keeps its routes in its own file (routes_<feature>.go).
	for _, more := range [][]route{w.searchRoutes(), w.moderationRoutes(), w.participationRoutes(), w.mediaRoutes()} {
		rs = append(rs, more...)
	}
	return rs
}

func (w *Web) coreRoutes() []route {
	in, admin := w.signedIn, w.adminOnly
	return []route{
		{"GET /{$}", in(w.home)},
		{"GET /signin", w.signInForm},
		{"POST /signin", w.signIn},
		{"POST /signout", w.signOut},
		{"POST /lang", w.setLanguage},
		{"GET /signin/link/{token}", w.signinLinkForm},
		{"POST /signin/link/{token}", w.signinLinkUse},
		{"GET /invite/{token}", w.inviteForm},
		{"POST /invite/{token}", w.inviteAccept},
		{"POST /preview", in(w.preview)},

		{"GET /c", in(w.directory)},
		{"GET /c/new", in(w.communityNew)},
		{"POST /c", in(w.communityCreate)},
		{"GET /c/{slug}", in(w.communityShow)},
		{"POST /c/{slug}/join", in(w.communityJoin)},
		{"POST /c/{slug}/leave", in(w.communityLeave)},
		{"GET /c/{slug}/members", in(w.memberList)},
		{"POST /c/{slug}/members", in(w.memberAdd)},
		{"POST /c/{slug}/members/{id}", in(w.memberUpdate)},
		{"GET /c/{slug}/requests", in(w.requestList)},
		{"POST /c/{slug}/requests/{id}", in(w.requestDecide)},
		{"GET /c/{slug}/settings", in(w.communitySettings)},
		{"POST /c/{slug}/settings", in(w.communityUpdate)},
		{"GET /c/{slug}/new", in(w.postNew)},
		{"POST /c/{slug}/posts", in(w.postCreate)},

		{"GET /p/{id}", in(w.postShow)},
		{"GET /p/{id}/edit", in(w.postEditForm)},
		{"POST /p/{id}/edit", in(w.postEdit)},
		{"POST /p/{id}/delete", in(w.postDelete)},
		{"GET /p/{id}/revisions", in(w.revisionList)},
		{"POST /p/{id}/answers", in(w.answerCreate)},
		{"POST /p/{id}/comments", in(w.commentCreate)},
		{"POST /p/{id}/accept", in(w.accept)},
		{"POST /p/{id}/react", in(w.react)},
		{"POST /p/{id}/vote", in(w.vote)},
		{"POST /p/{id}/status", in(w.ideaStatus)},
		{"POST /p/{id}/follow", in(w.postFollow)},
		{"GET /r/{id}/edit", in(w.replyEditForm)},
		{"POST /r/{id}/edit", in(w.replyEdit)},
		{"POST /r/{id}/delete", in(w.replyDelete)},
		{"GET /r/{id}/revisions", in(w.replyRevisionList)},

		{"GET /search", in(w.search)},
		{"GET /t/{tag}", in(w.tagShow)},
		{"POST /t/{tag}/follow", in(w.tagFollow)},
		{"GET /u/{id}", in(w.profile)},
		{"POST /u/{id}/follow", in(w.personFollow)},

		{"GET /settings", in(w.settingsProfile)},
		{"POST /settings", in(w.settingsProfileSave)},
		{"GET /settings/sessions", in(w.sessionList)},
		{"POST /settings/sessions/{id}/end", in(w.sessionEnd)},
		{"GET /settings/password", in(w.passwordForm)},
		{"POST /settings/password", in(w.passwordSave)},
		{"GET /settings/tokens", in(w.tokenList)},
		{"POST /settings/tokens", in(w.tokenCreate)},
		{"POST /settings/tokens/{id}/revoke", in(w.tokenRevoke)},
		{"GET /settings/follows", in(w.followList)},

		{"GET /admin/people", admin(w.adminPeople)},
		{"POST /admin/people", admin(w.adminInvite)},
		{"POST /admin/people/{id}", admin(w.adminPersonUpdate)},
		{"GET /admin/audit", admin(w.adminAudit)},
	}
}

// Routes lists every pattern the HTML surface serves, static files included.
func (w *Web) Routes() []string {
	var out []string
	for _, rt := range w.routes() {
		out = append(out, rt.pattern)
	}
	return append(out, "GET /static/")
}

// Handler returns the HTML surface with its middleware. The caller adds the
// security headers and cross-origin protection once, around everything.
func (w *Web) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range w.routes() {
		mux.HandleFunc(rt.pattern, rt.handler)
	}
	static, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(static)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(rw, r)
	})))
	// Anything else is the same friendly 404 as an invisible thing.
	mux.HandleFunc("/", w.notFound)
	return w.recoverer(w.logRequests(w.identify(w.limitBody(mux))))
}
