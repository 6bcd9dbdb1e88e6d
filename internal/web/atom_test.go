package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

// readFeed fetches a feed without a session and parses it with a real feed parser.
func (f *fixture) readFeed(path string) (*gofeed.Feed, int, string) {
	f.t.Helper()
	resp, body := f.do("GET", path, "", nil)
	if resp.StatusCode != 200 {
		return nil, resp.StatusCode, body
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
		f.t.Errorf("%s: Content-Type %q", path, ct)
	}
	feed, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		f.t.Fatalf("%s does not parse: %v\n%s", path, err, body)
	}
	return feed, 200, body
}

func titles(feed *gofeed.Feed) string {
	var out []string
	for _, it := range feed.Items {
		out = append(out, it.Title)
	}
	return strings.Join(out, " | ")
}

func TestAtomFeeds(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	// Open communities by URL, with the anonymous author unnamed.
	feed, code, body := f.readFeed("/c/allmant/feed.atom")
	if code != 200 || feed.FeedType != "atom" || !strings.Contains(titles(feed), "Hur bokar jag ett mötesrum?") || !strings.Contains(titles(feed), "Hur säger jag nej") {
		t.Fatalf("open community feed: %d %q", code, titles(feed))
	}
	if strings.Contains(body, anonName) {
		t.Error("the feed names the anonymous asker")
	}
	for _, it := range feed.Items {
		if it.Title == "Hur säger jag nej till min chef?" && (len(it.Authors) != 1 || it.Authors[0].Name != "Anonym medlem" && it.Authors[0].Name != "Anonymous member") {
			t.Errorf("anonymous entry's author: %+v", it.Authors)
		}
		if !strings.HasPrefix(it.Link, f.srv.URL+"/p/") {
			t.Errorf("entry link %q", it.Link)
		}
	}
	// Closed and secret: not by URL, and a tag feed leaves them out.
	for _, path := range []string{"/c/saljcoacher/feed.atom", "/c/orion/feed.atom", "/feed.atom", "/c/saknas/feed.atom", "/u/999/feed.atom"} {
		if _, code, _ := f.readFeed(path); code != 404 {
			t.Errorf("%s without token: %d", path, code)
		}
	}
	if feed, _, _ := f.readFeed("/t/closedtag/feed.atom"); len(feed.Items) != 0 {
		t.Errorf("tag feed without token shows closed posts: %q", titles(feed))
	}
	if feed, _, body := f.readFeed("/u/" + id(f.people["alice"].ID) + "/feed.atom"); strings.Contains(body, closedCanary) || strings.Contains(body, secretCanary) || len(feed.Items) == 0 {
		t.Errorf("person feed without token: %q", titles(feed))
	}

	// A feed token opens what its holder may read, and nothing else.
	_, page := f.do("POST", "/settings/feeds", "alice", url.Values{})
	m := regexp.MustCompile(`token=(feed_[A-Za-z0-9_-]+)`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no feed token shown:\n%s", page)
	}
	tok := m[1]
	if feed, code, _ := f.readFeed("/c/orion/feed.atom?token=" + tok); code != 200 || !strings.Contains(titles(feed), secretCanary) {
		t.Errorf("secret community with the member's token: %d", code)
	}
	if feed, _, _ := f.readFeed("/feed.atom?token=" + tok); !strings.Contains(titles(feed), closedCanary) {
		t.Errorf("home feed with token: %q", titles(feed))
	}
	if _, code, _ := f.readFeed("/c/orion/feed.atom?token=" + tok + "x"); code != 404 {
		t.Errorf("a wrong token: %d", code)
	}
	// Accepted nowhere else: not as a session, not for pages.
	if resp, _ := f.do("GET", "/c/orion?token="+tok, "", nil); resp.StatusCode != 303 {
		t.Errorf("a feed token opened a page: %d", resp.StatusCode)
	}
	// Checked on every fetch: a member who is removed loses the feed at once.
	ctx := t.Context()
	closed := f.community("saljcoacher")
	if err := f.s.AddMember(ctx, f.people["alice"].ID, closed, f.people["dave"].ID, "member"); err != nil {
		t.Fatal(err)
	}
	_, page = f.do("POST", "/settings/feeds", "dave", url.Values{})
	daveTok := regexp.MustCompile(`token=(feed_[A-Za-z0-9_-]+)`).FindStringSubmatch(page)[1]
	if feed, code, _ := f.readFeed("/c/saljcoacher/feed.atom?token=" + daveTok); code != 200 || !strings.Contains(titles(feed), closedCanary) {
		t.Errorf("closed community with a member's token: %d", code)
	}
	if err := f.s.Leave(ctx, f.people["alice"].ID, closed, f.people["dave"].ID); err != nil {
		t.Fatal(err)
	}
	if _, code, _ := f.readFeed("/c/saljcoacher/feed.atom?token=" + daveTok); code != 404 {
		t.Errorf("a removed member's token still reads the closed feed: %d", code)
	}
	if feed, _, _ := f.readFeed("/t/closedtag/feed.atom?token=" + daveTok); len(feed.Items) != 0 {
		t.Errorf("a removed member's tag feed shows closed posts: %q", titles(feed))
	}
	// Revoked: the token stops working.
	if resp, _ := f.do("POST", "/settings/feeds/revoke", "alice", url.Values{}); resp.StatusCode != 303 {
		t.Fatalf("revoke: %d", resp.StatusCode)
	}
	if _, code, _ := f.readFeed("/c/orion/feed.atom?token=" + tok); code != 404 {
		t.Errorf("a revoked token still works: %d", code)
	}
	// Listing pages link their feed.
	for path, want := range map[string]string{"/c/allmant": "/c/allmant/feed.atom", "/t/teams": "/t/teams/feed.atom", "/u/" + id(f.people["alice"].ID): "/feed.atom", "/": `href="/feed.atom"`} {
		_, body := f.do("GET", path, "dave", nil)
		if !strings.Contains(body, `<link rel="alternate" type="application/atom+xml" href="`) || !strings.Contains(body, want) {
			t.Errorf("%s lacks its feed link", path)
		}
	}
}
