package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
)

// xssPayloads reads every line of the public payload lists in testdata/xss
// (see testdata/xss/ATTRIBUTION.md).
func xssPayloads(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "xss", "*.txt"))
	if err != nil || len(files) < 4 {
		t.Fatalf("payload lists: %v %v", files, err)
	}
	var out []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); line != "" {
				out = append(out, line)
			}
		}
		fh.Close()
	}
	return out
}

// xssPassword signs in the person who wrote everything in the corpus.
const xssPassword = "ett-langt-losenord"

// xssSeed plants every payload in every text field Tacit stores: a
// community per payload (name, description, code of conduct), a question
// (title, body, tags) with an answer and a comment, an idea with a status
// note, and the writer's own profile (name, department, title, bio,
// expertise) and a second person's. It returns the pages that show them.
func xssSeed(t testing.TB, s *store.Store, payloads []string) (email string, pages []string) {
	t.Helper()
	ctx := context.Background()
	hash, err := auth.HashPassword(xssPassword)
	if err != nil {
		t.Fatal(err)
	}
	email = "skribent@example.se"
	p, err := s.CreatePerson(ctx, store.NewPerson{Email: email, Name: "Skribent", Language: "sv", PasswordHash: hash, Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.CreatePerson(ctx, store.NewPerson{Email: "annan@example.se", Name: "Annan", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	profile := func(id int64, i int) {
		pl := payloads[i%len(payloads)]
		if err := s.UpdateProfile(ctx, id, store.Profile{Name: clipRunes(pl, store.MaxName), Department: clipRunes(pl, 100), Title: clipRunes(pl, 100),
			Language: "sv", Bio: pl, Expertise: store.NormalizeTags([]string{clipRunes(pl, store.MaxTagLen)})}); err != nil {
			t.Fatalf("profile with payload %d: %v", i, err)
		}
	}
	pages = []string{"/", "/c", "/search?q=alert", "/search?q=XSS", "/search?q=" + urlQuery(payloads[0]), "/u/" + fmt.Sprint(other.ID),
		"/settings", "/admin/people", "/admin/audit", "/settings/follows"}
	for i, pl := range payloads {
		c, err := s.CreateCommunity(ctx, p.ID, fmt.Sprintf("x%d", i), store.CommunitySettings{
			Name: clipRunes(pl, store.MaxName), Description: pl, Kind: store.KindSubject, Visibility: store.VisibilityOpen,
			AnonymousQuestions: true, CodeOfConduct: pl})
		if err != nil {
			t.Fatalf("community with payload %d: %v", i, err)
		}
		if err := s.AddMember(ctx, p.ID, c.ID, other.ID, store.RoleMember); err != nil {
			t.Fatal(err)
		}
		title := clipRunes(pl, store.MaxTitle)
		if len([]rune(title)) < store.MinTitle {
			title += " (kort)"
		}
		tags := store.NormalizeTags([]string{clipRunes(pl, store.MaxTagLen)})
		q, err := s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: p.ID, Type: store.TypeQuestion, Title: title, Body: pl, Language: "sv", Tags: tags})
		if err != nil {
			t.Fatalf("question with payload %d: %v", i, err)
		}
		a, err := s.CreateReply(ctx, store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: other.ID, Body: pl})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateReply(ctx, store.NewReply{PostID: q, ParentID: a, Kind: store.ReplyComment, AuthorID: p.ID, Body: pl}); err != nil {
			t.Fatal(err)
		}
		if err := s.EditPost(ctx, p.ID, q, store.PostEdit{Title: title, Body: pl + "\n\n" + pl, Tags: tags}); err != nil {
			t.Fatal(err)
		}
		idea, err := s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: other.ID, Type: store.TypeIdea, Title: title, Body: pl, Language: "en", Anonymous: i%2 == 0})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetIdeaStatus(ctx, p.ID, idea, "planned", clipRunes(pl, store.MaxNote)); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, "/c/"+c.Slug, "/c/"+c.Slug+"/members", "/c/"+c.Slug+"/settings", "/c/"+c.Slug+"/new",
			fmt.Sprintf("/p/%d", q), fmt.Sprintf("/p/%d/revisions", q), fmt.Sprintf("/p/%d/edit", q), fmt.Sprintf("/r/%d/edit", a),
			fmt.Sprintf("/p/%d", idea))
		for _, tag := range tags {
			pages = append(pages, "/t/"+urlPath(tag))
		}
		if i%10 == 0 {
			profile(p.ID, i)
			profile(other.ID, i+1)
			pages = append(pages, "/u/"+fmt.Sprint(p.ID), "/u/"+fmt.Sprint(other.ID), "/settings")
		}
	}
	return email, pages
}

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// unsafeMarkup lists what in a rendered page could run script: script
// elements other than the site's own, event-handler attributes, URLs with
// schemes beyond http, https and mailto, and elements that load or frame
// other documents.
func unsafeMarkup(page string) []string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return []string{"unparsable: " + err.Error()}
	}
	var found []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				if src := attr(n, "src"); !strings.HasPrefix(src, "/static/") {
					found = append(found, fmt.Sprintf("<script src=%q>", src))
				}
			case "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "xml", "layer", "bgsound":
				found = append(found, "<"+n.Data+">")
			case "meta":
				if attr(n, "http-equiv") != "" {
					found = append(found, "<meta http-equiv>")
				}
			case "link":
				if href := attr(n, "href"); !strings.HasPrefix(href, "/") {
					found = append(found, fmt.Sprintf("<link href=%q>", href))
				}
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") {
					found = append(found, fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val))
				}
				if key == "style" {
					found = append(found, fmt.Sprintf("<%s style=%q>", n.Data, a.Val))
				}
				switch key {
				case "href", "src", "action", "formaction", "poster", "data", "background", "cite", "xlink:href", "dynsrc", "lowsrc", "longdesc", "srcset":
					if sch := urlScheme(a.Val); sch != "" && sch != "http" && sch != "https" && sch != "mailto" {
						found = append(found, fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val))
					}
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

// urlScheme returns the lower-cased scheme of a URL as a browser would read
// it (ignoring whitespace and control characters), or "" for a relative URL.
func urlScheme(v string) string {
	v = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, v)
	i := strings.IndexAny(v, ":/?#")
	if i <= 0 || v[i] != ':' {
		return ""
	}
	return strings.ToLower(v[:i])
}

// TestSanitiserCorpus renders every page that shows a payload and finds no
// markup that could run script. The detector itself is tried on markup
// that must be caught, so the test cannot pass by seeing nothing.
func TestSanitiserCorpus(t *testing.T) {
	for _, bad := range []string{`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `<a href=" JaVaScript:alert(1)">x</a>`,
		`<a href="data:text/html,x">x</a>`, `<div style="x">`, `<iframe src="/">`, `<a href="vbscript:x">x</a>`} {
		if len(unsafeMarkup(bad)) == 0 {
			t.Fatalf("unsafeMarkup misses %s", bad)
		}
	}
	for _, good := range []string{`<a href="/p/1">x</a>`, `<a href="https://example.se">x</a>`, `<a href="mailto:a@b.se">x</a>`, `<script src="/static/app.js"></script>`} {
		if f := unsafeMarkup(good); len(f) > 0 {
			t.Fatalf("unsafeMarkup flags %s: %v", good, f)
		}
	}

	a := newSweepApp(t)
	payloads := xssPayloads(t)
	email, pages := xssSeed(t, a.s, payloads)
	p, err := a.s.PersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	cookie := auth.NewSecret("")
	if _, err := a.s.CreateSession(context.Background(), p.ID, auth.HashSecret(cookie), "xss", "127.0.0.1", 3600e9); err != nil {
		t.Fatal(err)
	}
	v := viewer{name: "writer", cookie: cookie}
	shown := 0
	for _, page := range pages {
		res := a.do("GET", page, "", "", v)
		if res.status != http.StatusOK {
			t.Errorf("GET %s: %d", page, res.status)
			continue
		}
		for _, f := range unsafeMarkup(res.body) {
			t.Errorf("GET %s: %s", page, f)
		}
		if strings.Contains(res.body, "alert") {
			shown++
		}
	}
	// The live preview's fragment goes into the page through innerHTML.
	for i, pl := range payloads {
		res := a.do("POST", "/preview", "application/x-www-form-urlencoded", "body="+url.QueryEscape(pl), v)
		if res.status != http.StatusOK {
			t.Errorf("preview of payload %d: %d", i, res.status)
		}
		for _, f := range unsafeMarkup(res.body) {
			t.Errorf("preview of payload %d %q: %s", i, pl, f)
		}
	}
	// The payloads did reach the pages (as harmless text): otherwise the
	// corpus tested nothing.
	if shown < len(pages)/2 {
		t.Errorf("only %d of %d pages show any payload text", shown, len(pages))
	}
	t.Logf("%d payloads, %d pages checked", len(payloads), len(pages))
}

func urlQuery(s string) string { return url.QueryEscape(s) }

func urlPath(s string) string { return url.PathEscape(s) }
