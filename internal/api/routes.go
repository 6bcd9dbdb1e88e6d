package api

import (
	"net/http"
	"slices"
	"strings"
)

// route is one row of the table: a standard ServeMux pattern, the token
// scope it needs ("" for public) and its handler.
type route struct {
	pattern string
	scope   string
	handle  handlerFunc
}

// Scopes a route can require. Reading needs read, any change needs write,
// and admin routes need an admin token held by an organisation admin.
const (
	scopePublic = ""
	scopeRead   = "read"
	scopeWrite  = "write"
	scopeAdmin  = "admin"
)

// table is the API: every route, once. Routes() and the handler both read it.
func (a *API) table() []route {
	rs := a.coreTable()
	// Each feature keeps its routes in its own file (routes_<feature>.go).
	for _, more := range [][]route{a.searchTable(), a.moderationTable(), a.participationTable(), a.mediaTable()} {
		rs = append(rs, more...)
	}
	return rs
}

func (a *API) coreTable() []route {
	return []route{
		{"GET /api/v1/openapi.json", scopePublic, a.openAPI},

		{"GET /api/v1/me", scopeRead, a.me},

		{"GET /api/v1/communities", scopeRead, a.communityList},
		{"POST /api/v1/communities", scopeWrite, a.communityCreate},
		{"GET /api/v1/communities/{slug}", scopeRead, a.communityGet},
		{"PATCH /api/v1/communities/{slug}", scopeWrite, a.communityUpdate},
		{"POST /api/v1/communities/{slug}/join", scopeWrite, a.communityJoin},
		{"POST /api/v1/communities/{slug}/leave", scopeWrite, a.communityLeave},
		{"GET /api/v1/communities/{slug}/members", scopeRead, a.memberList},
		{"POST /api/v1/communities/{slug}/members", scopeWrite, a.memberAdd},
		{"GET /api/v1/communities/{slug}/join-requests", scopeRead, a.joinRequestList},
		{"POST /api/v1/communities/{slug}/join-requests/{id}", scopeWrite, a.joinRequestDecide},
		{"GET /api/v1/communities/{slug}/posts", scopeRead, a.postList},
		{"POST /api/v1/communities/{slug}/posts", scopeWrite, a.postCreate},

		{"GET /api/v1/posts/{id}", scopeRead, a.postGet},
		{"PATCH /api/v1/posts/{id}", scopeWrite, a.postUpdate},
		{"DELETE /api/v1/posts/{id}", scopeWrite, a.postDelete},
		{"GET /api/v1/posts/{id}/revisions", scopeRead, a.revisionList},
		{"POST /api/v1/posts/{id}/answers", scopeWrite, a.answerCreate},
		{"POST /api/v1/posts/{id}/comments", scopeWrite, a.commentCreate},
		{"POST /api/v1/posts/{id}/reactions", scopeWrite, a.reactionCreate},
		{"DELETE /api/v1/posts/{id}/reactions/{kind}", scopeWrite, a.reactionDelete},
		{"POST /api/v1/posts/{id}/accept", scopeWrite, a.accept},
		{"POST /api/v1/posts/{id}/votes", scopeWrite, a.voteAdd},
		{"DELETE /api/v1/posts/{id}/votes", scopeWrite, a.voteWithdraw},
		{"POST /api/v1/posts/{id}/status", scopeWrite, a.ideaStatus},

		{"PATCH /api/v1/replies/{id}", scopeWrite, a.replyUpdate},
		{"DELETE /api/v1/replies/{id}", scopeWrite, a.replyDelete},
		{"GET /api/v1/replies/{id}/revisions", scopeRead, a.replyRevisionList},

		{"GET /api/v1/feed", scopeRead, a.feed},
		{"GET /api/v1/search", scopeRead, a.search},
		{"GET /api/v1/tags/{tag}/posts", scopeRead, a.tagPosts},
		{"GET /api/v1/people/{id}", scopeRead, a.personGet},
		{"GET /api/v1/people/{id}/posts", scopeRead, a.personPosts},

		{"GET /api/v1/audit-log", scopeAdmin, a.auditList},
	}
}

// mount builds the handler from the table. Beside each route's own pattern,
// its path is registered without a method, so a known path with the wrong
// method answers 405 in JSON rather than the mux's plain text; those
// fallbacks are not routes and Routes() does not list them.
func (a *API) mount(routes []route) http.Handler {
	mux := http.NewServeMux()
	allow := map[string][]string{}
	var paths []string
	for _, rt := range routes {
		mux.Handle(rt.pattern, a.authorise(rt.scope, rt.handle))
		method, path, _ := strings.Cut(rt.pattern, " ")
		if _, seen := allow[path]; !seen {
			paths = append(paths, path)
		}
		allow[path] = append(allow[path], method)
		if method == http.MethodGet {
			allow[path] = append(allow[path], http.MethodHead)
		}
	}
	for _, path := range paths {
		methods := allow[path]
		slices.Sort(methods)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", strings.Join(methods, ", "))
			writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "This method is not allowed here.", nil)
		})
	}
	mux.HandleFunc("/api/v1/", func(w http.ResponseWriter, r *http.Request) { notFound(w) })

	// Middleware, wrapped once.
	return a.recoverPanics(commonHeaders(mux))
}
