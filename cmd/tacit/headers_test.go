package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tacit-org/tacit/internal/config"
	"github.com/tacit-org/tacit/internal/store"
)

// checkHeaders reports what is missing from the headers every answer must carry.
func checkHeaders(t *testing.T, what string, res response, static, tls bool) {
	t.Helper()
	h := res.header
	csp := h.Get("Content-Security-Policy")
	// A stored file is served under a stricter policy of its own: nothing
	// loads from it and it runs sandboxed (docs/media.md).
	fileCSP := csp == "default-src 'none'; sandbox" && !strings.HasPrefix(h.Get("Content-Type"), "text/")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"} {
		if !fileCSP && !strings.Contains(csp, want) {
			t.Errorf("%s: Content-Security-Policy %q lacks %q", what, csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("%s: Content-Security-Policy allows inline code: %q", what, csp)
	}
	for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"} {
		if got := h.Get(name); got != want {
			t.Errorf("%s: %s = %q, want %q", what, name, got, want)
		}
	}
	hsts := h.Get("Strict-Transport-Security")
	if tls && !strings.Contains(hsts, "max-age=") {
		t.Errorf("%s: no HSTS although served over TLS", what)
	}
	if !tls && hsts != "" {
		t.Errorf("%s: HSTS %q without TLS would lock browsers out of a plain-HTTP install", what, hsts)
	}
	cc := h.Get("Cache-Control")
	if static {
		if strings.Contains(cc, "no-store") {
			t.Errorf("%s: static file not cacheable: %q", what, cc)
		}
	} else if cc != "private, no-store" {
		t.Errorf("%s: Cache-Control = %q, want \"private, no-store\"", what, cc)
	}
}

// sameForEveryone reports whether a path answers the same to everyone, so
// it may be cached: static files and the API's OpenAPI document.
func sameForEveryone(path string) bool {
	return strings.HasPrefix(path, "/static/") || path == "/api/v1/openapi.json"
}

// inlineCode lists inline scripts, styles and event handlers in an HTML page:
// the Content-Security-Policy would block them, so pages must have none.
func inlineCode(page string) []string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return []string{"unparsable HTML: " + err.Error()}
	}
	var found []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" && attr(n, "src") == "" {
				found = append(found, "inline <script>")
			}
			if n.Data == "style" {
				found = append(found, "inline <style>")
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					found = append(found, "event handler "+a.Key+" on <"+n.Data+">")
				}
				if strings.EqualFold(a.Key, "style") {
					found = append(found, "style attribute on <"+n.Data+">")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// TestSecurityHeadersOnEveryRoute sends every route the routers know, as a
// member and as a signed-out visitor (writes as someone outside), and checks
// the headers of every answer, errors included, and that no HTML page has
// inline code the policy would block.
func TestSecurityHeadersOnEveryRoute(t *testing.T) {
	a := newSweepApp(t)
	seen := 0
	for _, pattern := range a.routes {
		sf := surfaces[pattern]
		if sf.skip != "" {
			continue
		}
		r := a.build(pattern, sf, a.secret)
		as := []string{"visitor", "member"}
		if r.method != http.MethodGet {
			as = []string{"visitor", "outsider"}
		}
		for _, vname := range as {
			res := a.do(r.method, r.path, r.contentType, r.body, a.viewers[vname])
			what := r.method + " " + r.path + " as " + vname
			checkHeaders(t, what, res, sameForEveryone(r.path), false)
			if strings.HasPrefix(res.header.Get("Content-Type"), "text/html") {
				for _, f := range inlineCode(res.body) {
					t.Errorf("%s: %s", what, f)
				}
			}
			seen++
		}
	}
	// The error paths: unknown pages, wrong methods, bodies too large, static misses.
	huge := strings.Repeat("x", 8<<20)
	for _, c := range []struct {
		method, path, ctype, body string
		want                      int
	}{
		{"GET", "/finns/inte", "", "", http.StatusNotFound},
		{"DELETE", "/c", "", "", http.StatusNotFound},
		{"GET", "/api/v1/finns-inte", "", "", http.StatusNotFound},
		{"PUT", "/api/v1/me", "application/json", "{}", http.StatusMethodNotAllowed},
		{"POST", "/c", "application/x-www-form-urlencoded", "slug=" + huge, http.StatusRequestEntityTooLarge},
		{"POST", "/api/v1/communities", "application/json", `{"slug":"` + huge + `"}`, http.StatusRequestEntityTooLarge},
		{"GET", "/static/finns-inte.js", "", "", http.StatusNotFound},
		{"GET", "/api/v1/me", "", "", http.StatusUnauthorized},
	} {
		res := a.do(c.method, c.path, c.ctype, c.body, a.viewers["member"])
		if c.path == "/api/v1/me" {
			res = a.do(c.method, c.path, "", "", a.viewers["visitor"])
		}
		if res.status != c.want {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, res.status, c.want)
		}
		checkHeaders(t, c.method+" "+c.path, res, sameForEveryone(c.path), false)
	}
	if seen < len(a.routes) {
		t.Errorf("only %d answers for %d routes", seen, len(a.routes))
	}
}

// TestSecurityHeadersOnServerErrors: with the database gone, the health
// check, a page and the API fail, and still carry every header.
func TestSecurityHeadersOnServerErrors(t *testing.T) {
	a := newSweepApp(t)
	member := a.viewers["member"]
	a.s.Close()
	for _, c := range []struct {
		path string
		want int
	}{
		{"/healthz", http.StatusServiceUnavailable},
		{"/invite/some-token", http.StatusInternalServerError},
		{"/api/v1/me", http.StatusInternalServerError},
	} {
		res := a.do("GET", c.path, "", "", member)
		if res.status != c.want {
			t.Errorf("GET %s with the database closed: %d, want %d", c.path, res.status, c.want)
		}
		checkHeaders(t, "GET "+c.path+" (database closed)", res, false, false)
	}
}

// TestHSTSOnlyOverTLS: a base URL with https turns HSTS on for every
// answer, errors and static files included; plain http never sends it.
func TestHSTSOnlyOverTLS(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for _, base := range []string{"https://tacit.example.se", "http://tacit.example.se"} {
		cfg, err := config.Load("tacit", []string{"--data", t.TempDir(), "--base-url", base}, func(string) string { return "" }, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		h, _, err := newApp(s, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), &store.Views{}, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		tls := strings.HasPrefix(base, "https")
		for _, path := range []string{"/signin", "/healthz", "/static/app.css", "/finns/inte", "/api/v1/me", "/api/v1/openapi.json"} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			checkHeaders(t, base+path, response{status: rec.Code, header: rec.Header()}, sameForEveryone(path), tls)
		}
	}
}
