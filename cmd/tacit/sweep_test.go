package main

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// TestEveryRouteIsRegistered holds the registry and the routers together:
// a route nobody described fails here, and so does a stale registry row.
func TestEveryRouteIsRegistered(t *testing.T) {
	a := newSweepApp(t)
	for _, p := range a.routes {
		sf, ok := surfaces[p]
		if !ok {
			t.Errorf("route %q is not in the registry of surfaces: add a row to surfaces in cmd/tacit/surfaces_test.go", p)
			continue
		}
		for _, name := range pathParams(p) {
			if name == "id" {
				if sf.id == "" {
					t.Errorf("route %q: say what {id} names (surface.id) in cmd/tacit/surfaces_test.go", p)
				}
				continue
			}
			if _, ok := paramKinds[name]; !ok {
				t.Errorf("route %q: path parameter {%s} is unknown to the sweeps: add it to paramKinds in cmd/tacit/surfaces_test.go", p, name)
			}
		}
	}
	for p := range surfaces {
		if !slices.Contains(a.routes, p) {
			t.Errorf("registry row %q is no route any more: remove it from cmd/tacit/surfaces_test.go", p)
		}
	}
}

var (
	paramRe       = regexp.MustCompile(`\{([a-z_]+)(\.\.\.)?\}`)
	placeholderRe = regexp.MustCompile(`\{[a-z]+\}`)
)

// pathParams lists the parameter names of a pattern, in order.
func pathParams(pattern string) []string {
	var out []string
	for _, m := range paramRe.FindAllStringSubmatch(pattern, -1) {
		out = append(out, m[1])
	}
	return out
}

var freshSlugs atomic.Int64

// request is one route filled in for one target.
type request struct {
	method, path, contentType, body string
	values                          []string // the values put into the path and body, to normalise echoes
}

// build fills a route's parameters and body from a target's values.
func (a *sweepApp) build(pattern string, sf surface, f fill) request {
	a.t.Helper()
	method, path, _ := strings.Cut(pattern, " ")
	path = strings.TrimSuffix(path, "{$}")
	var values []string
	path = paramRe.ReplaceAllStringFunc(path, func(m string) string {
		name := paramRe.FindStringSubmatch(m)[1]
		kind := paramKinds[name]
		if name == "id" {
			kind = sf.id
		}
		v, ok := f[kind]
		if !ok {
			a.t.Fatalf("route %q: no value for {%s} (kind %q)", pattern, name, kind)
		}
		values = append(values, v)
		return url.PathEscape(v)
	})
	if path == "/static/" {
		path = "/static/app.css"
	}
	r := request{method: method, path: path, values: values}
	// A {kind} in a query or body takes the target's value of that kind
	// (e.g. ?post={post}); the value then counts as sent by the requester.
	fillIn := func(text string, escape func(string) string) string {
		return placeholderRe.ReplaceAllStringFunc(text, func(m string) string {
			v, ok := f[m[1:len(m)-1]]
			if !ok {
				return m
			}
			r.values = append(r.values, v)
			return escape(v)
		})
	}
	if method == http.MethodGet && sf.query != "" {
		r.path += "?" + fillIn(sf.query, url.QueryEscape)
	}
	if method != http.MethodGet {
		body := strings.ReplaceAll(sf.body, "{fresh}", fmt.Sprintf("ny-grupp-%d", freshSlugs.Add(1)))
		if strings.HasPrefix(path, "/api/") {
			body = fillIn(body, func(v string) string { return v })
		} else {
			body = fillIn(body, url.QueryEscape)
		}
		r.body = body
		if sf.file != "" {
			fields, err := url.ParseQuery(body)
			if err != nil {
				a.t.Fatalf("route %q: body: %v", pattern, err)
			}
			r.contentType, r.body = multipartBody(fields, sf.file)
		} else if strings.HasPrefix(path, "/api/") {
			r.contentType = "application/json"
		} else {
			r.contentType = "application/x-www-form-urlencoded"
		}
	}
	return r
}

// normalised is a response with the request's own path, and the longer
// values put into it (slugs, tags), replaced by placeholders, so answers for
// two targets can be compared. Numeric ids are too short to replace
// blindly; they appear in answers only through the echoed path.
func normalised(res response, r request) string {
	text := fmt.Sprintf("%d\nLocation: %s\nContent-Type: %s\n\n%s", res.status, res.header.Get("Location"), res.header.Get("Content-Type"), res.body)
	for _, s := range echoForms(r.path) {
		text = strings.ReplaceAll(text, s, "{path}")
	}
	for _, v := range r.values {
		if len(v) < 4 {
			continue
		}
		text = strings.ReplaceAll(text, url.QueryEscape(v), "{value}")
		text = strings.ReplaceAll(text, v, "{value}")
	}
	return text
}

// echoForms are the ways a page may show a path it was asked for: as is,
// query-escaped, HTML-escaped, and as html/template escapes an attribute
// ("+" as "&#43;").
func echoForms(path string) []string {
	return []string{path, url.QueryEscape(path), html.EscapeString(path), strings.ReplaceAll(html.EscapeString(path), "+", "&#43;")}
}

// echoless removes what the requester sent from what came back (a link back
// to the page asked for reveals nothing), so only what the server added is searched.
func echoless(res response, r request) string {
	text := res.header.Get("Location") + "\n" + res.body
	for _, s := range echoForms(r.path) {
		text = strings.ReplaceAll(text, s, "{echo}")
	}
	// A tag or slug the requester typed may be shown back to them; whether
	// anything more is told about it is what the comparison with a target
	// that never existed checks.
	for _, v := range r.values {
		if len(v) >= 4 {
			text = strings.ReplaceAll(text, url.QueryEscape(v), "{echo}")
			text = strings.ReplaceAll(text, v, "{echo}")
		}
	}
	return text
}

// leaks lists the canaries and secret ids found in text.
func (a *sweepApp) leaks(text string) []string {
	var found []string
	for _, c := range secretCanaries {
		if strings.Contains(strings.ToLower(text), strings.ToLower(c)) {
			found = append(found, c)
		}
	}
	for _, kind := range []string{"post", "idea", "reply"} {
		id := a.secret[kind]
		re := regexp.MustCompile(`(/p/|/r/|posts/|#r|"post_id":|"answer_id":|"accepted_answer_id":|"reply_id":|"parent_id":)` + id + `\b`)
		if m := re.FindString(text); m != "" {
			found = append(found, "secret "+kind+" id ("+m+")")
		}
	}
	re := regexp.MustCompile(`(/media/|uploads/|tacit-)` + a.secret["upload"] + `\b`)
	if m := re.FindString(text); m != "" {
		found = append(found, "secret upload id ("+m+")")
	}
	return found
}

// anonTraces lists traces of the anonymous asker's identity found in text.
func (a *sweepApp) anonTraces(text string) []string {
	var found []string
	for _, c := range []string{anonAskerName, anonAskerEmail, anonAskerDept, "Zqxanonym"} {
		if strings.Contains(text, c) {
			found = append(found, c)
		}
	}
	id := fmt.Sprint(a.people["asker"].ID)
	re := regexp.MustCompile(`(/u/|people/|"author_id":|"person_id":)` + id + `\b`)
	if m := re.FindString(text); m != "" {
		found = append(found, "asker id ("+m+")")
	}
	return found
}

// sweepViewers are everyone who may not see the secret community; the
// organisation admin among them, who gets no silent read access.
var sweepViewers = []string{"visitor", "outsider", "othermod", "removed", "admin"}

// TestLeakSweep requests every route as everyone who may not see the secret
// community: the answers carry none of its canaries or ids, a secret target
// answers exactly like one that never existed, and writes change nothing.
// Then every route is read for the anonymous question, as everyone but its
// asker, and nothing tells who asked.
func TestLeakSweep(t *testing.T) {
	a := newSweepApp(t)
	a.controls()

	// The anonymous question: every reading route, filled with the
	// question, its answer, tag and community, as everyone but its asker.
	// The same reads look for the held and hidden items in kafe, as
	// everyone (the asker too) who may not see them.
	for _, vname := range allViewers {
		v := a.viewers[vname]
		for _, pattern := range a.routes {
			sf := surfaces[pattern]
			if sf.skip != "" || !strings.HasPrefix(pattern, "GET ") {
				continue
			}
			r := a.build(pattern, sf, a.anon)
			res := a.do(r.method, r.path, "", "", v)
			if found := a.anonTraces(echoless(res, r)); len(found) > 0 && vname != "asker" && !sf.people {
				t.Errorf("GET %s as %s reveals the anonymous asker: %q\n%s", r.path, vname, found, clip(res.body))
			}
			if found := a.moderatedLeaks(echoless(res, r), vname); len(found) > 0 {
				t.Errorf("GET %s as %s shows what is under moderation: %q\n%s", r.path, vname, found, clip(res.body))
			}
		}
	}
	a.sweepModerated()

	// Reads first: a viewer's own writes (a tag they follow, a community
	// they create) would otherwise show on their later pages.
	routes := slices.Clone(a.routes)
	slices.SortStableFunc(routes, func(x, y string) int {
		return cmpBool(!strings.HasPrefix(x, "GET "), !strings.HasPrefix(y, "GET "))
	})
	for _, vname := range sweepViewers {
		v := a.viewers[vname]
		for _, pattern := range routes {
			sf := surfaces[pattern]
			if sf.skip != "" {
				continue
			}
			secretReq := a.build(pattern, sf, a.secret)
			missingReq := a.build(pattern, sf, a.missing)
			write := secretReq.method != http.MethodGet

			before := a.snapshot()
			sec := a.do(secretReq.method, secretReq.path, secretReq.contentType, secretReq.body, v)
			mayChange := sf.self || sf.admin && vname == "admin"
			if write && !mayChange {
				if after := a.snapshot(); after != before {
					t.Errorf("%s %s as %s (secret target) changed the store (answered %d)", secretReq.method, secretReq.path, vname, sec.status)
				}
			}
			before = a.snapshot()
			mis := a.do(missingReq.method, missingReq.path, missingReq.contentType, missingReq.body, v)
			if write && !mayChange {
				if after := a.snapshot(); after != before {
					t.Errorf("%s %s as %s (missing target) changed the store (answered %d)", missingReq.method, missingReq.path, vname, mis.status)
				}
			}

			if found := a.leaks(echoless(sec, secretReq)); len(found) > 0 {
				t.Errorf("%s %s as %s leaks %q (status %d):\n%s", secretReq.method, secretReq.path, vname, found, sec.status, clip(sec.body))
			}
			for name, vals := range sec.header {
				if name == "Location" {
					continue // searched above, without the echo
				}
				if found := a.leaks(strings.Join(vals, "\n")); len(found) > 0 {
					t.Errorf("%s %s as %s leaks %q in header %s", secretReq.method, secretReq.path, vname, found, name)
				}
			}
			if sf.id != "person" && !(sf.admin && vname == "admin") && len(secretReq.values) > 0 {
				if ns, nm := normalised(sec, secretReq), normalised(mis, missingReq); ns != nm {
					t.Errorf("%s %s as %s: a secret target answers unlike a missing one:\nsecret:  %s\nmissing: %s",
						pattern, secretReq.path, vname, clipDiff(ns, nm), clipDiff(nm, ns))
				}
			}
		}
	}

	for _, hook := range sweepHooks {
		for _, vname := range sweepViewers {
			for _, seen := range hook.run(a, a.viewers[vname]) {
				if found := a.leaks(seen); len(found) > 0 {
					t.Errorf("%s as %s leaks %q", hook.name, vname, found)
				}
				if found := a.anonTraces(seen); len(found) > 0 {
					t.Errorf("%s as %s reveals the anonymous asker: %q", hook.name, vname, found)
				}
			}
		}
	}
}

// controls shows the sweep can fail: the same requests as a member of the
// secret community do find the canaries, and the asker's question shows.
func (a *sweepApp) controls() {
	a.t.Helper()
	for _, c := range []struct{ path, want string }{
		{"/c/" + a.secret["community"], canaryName},
		{"/p/" + a.secret["post"], canaryBody},
		{"/p/" + a.secret["post"] + "/revisions", canaryOldBody},
		{"/t/" + canaryTag, canaryTitle},
		{"/search?q=" + canaryTag, canaryTitle},
		{"/api/v1/posts/" + a.secret["post"], canaryAnswer},
		{"/r/" + a.secret["reply"] + "/revisions", canaryAnswer},
		{"/api/v1/replies/" + a.secret["reply"] + "/revisions", canaryAnswer},
		{"/api/v1/communities/" + a.secret["community"], canaryConduct},
		{"/p/" + a.anon["post"], anonTitle},
		{"/p/" + a.secret["post"], "/media/" + a.secret["upload"]},
		{"/api/v1/uploads/" + a.secret["upload"], `"kind":"image"`},
		{"/similar?title=" + url.QueryEscape(secretWords), canaryTitle},
		{"/api/v1/similar?title=" + url.QueryEscape(secretWords), canaryTitle},
		{"/experts?q=" + url.QueryEscape(secretWords), "Mia Medlem"},
		{"/api/v1/experts?q=" + url.QueryEscape(secretWords), "Mia Medlem"},
	} {
		res := a.do("GET", c.path, "", "", a.viewers["member"])
		if res.status != http.StatusOK || !strings.Contains(res.body, c.want) {
			a.t.Fatalf("control: GET %s as a member answered %d without %q: the sweep would prove nothing\n%s", c.path, res.status, c.want, clip(res.body))
		}
	}
	for _, p := range []string{"/media/" + a.secret["upload"], "/media/" + a.secret["upload"] + "/thumb", "/api/v1/uploads/" + a.secret["upload"] + "/content"} {
		res := a.do("GET", p, "", "", a.viewers["member"])
		if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "image/") {
			a.t.Fatalf("control: GET %s as a member answered %d %q, not the picture: the sweep would prove nothing", p, res.status, res.header.Get("Content-Type"))
		}
	}
	res := a.do("GET", "/p/"+a.anon["post"], "", "", a.viewers["asker"])
	if found := a.anonTraces(res.body); len(found) == 0 {
		a.t.Fatalf("control: the asker's own view of the question shows no trace of them; anonTraces would prove nothing")
	}
	a.moderationControls()
	a.participationControls()
}

func cmpBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case !x:
		return -1
	}
	return 1
}

// clipDiff shows s from a little before where it first differs from other.
func clipDiff(s, other string) string {
	i := 0
	for i < len(s) && i < len(other) && s[i] == other[i] {
		i++
	}
	if i < 200 {
		return clip(s)
	}
	return "…" + clip(s[i-200:])
}

func clip(s string) string {
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

// TestSlugNamespaceDoesNotLeak: creating a community with the slug a secret
// community was given by its creator answers exactly as for a slug nobody
// ever used (the secret one carries an unguessable tail), while a listed
// community's slug is still "taken".
func TestSlugNamespaceDoesNotLeak(t *testing.T) {
	a := newSweepApp(t)
	if got := a.secret["community"]; got == canarySlug || !strings.HasPrefix(got, canarySlug+"-") {
		t.Fatalf("secret community slug %q: want %q with a random tail", got, canarySlug)
	}
	v := a.viewers["outsider"]
	form := func(slug string) string {
		return "slug=" + slug + "&name=Ny+grupp&description=x&kind=subject&visibility=open"
	}
	jsonBody := func(slug string) string {
		return `{"slug":"` + slug + `","name":"Ny grupp","kind":"subject","visibility":"open"}`
	}
	web := a.do("POST", "/c", "application/x-www-form-urlencoded", form(canarySlug), v)
	if web.status != http.StatusSeeOther || web.header.Get("Location") != "/c/"+canarySlug {
		t.Errorf("web: create with the secret community's chosen slug answered %d %q; want 303 to the new community", web.status, web.header.Get("Location"))
	}
	api := a.do("POST", "/api/v1/communities", "application/json", jsonBody(canarySlug+"-2"), v)
	if api.status != http.StatusCreated {
		t.Errorf("API: create with a slug near the secret one answered %d: %s", api.status, api.body)
	}
	// A listed community's slug is taken, on both surfaces, in the same words.
	if res := a.do("POST", "/c", "application/x-www-form-urlencoded", form("annan"), v); res.status != http.StatusBadRequest {
		t.Errorf("web: create with a listed slug answered %d; want 400", res.status)
	}
	if res := a.do("POST", "/api/v1/communities", "application/json", jsonBody("annan"), v); res.status != http.StatusConflict {
		t.Errorf("API: create with a listed slug answered %d; want 409", res.status)
	}
	// The secret community itself is untouched and still the owner's.
	if res := a.do("GET", "/c/"+a.secret["community"], "", "", a.viewers["member"]); res.status != http.StatusOK || !strings.Contains(res.body, canaryName) {
		t.Errorf("secret community after: %d", res.status)
	}
}
