package main

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tacit-org/tacit/internal/demo"
)

// TestBrowserLive: Niklas reads a question in Chromium while Karin, in a
// second session (a plain HTTP client, as a second window would), answers
// and mentions him. Her answer appears on his page and the mention arrives
// as a live notification, without a reload.
func TestBrowserLive(t *testing.T) {
	ctx := browser(t)
	base := startDemo(t)
	step := newPilot(t, ctx).step
	// Karin's window.
	jar, _ := cookiejar.New(nil)
	karin := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(path string, form url.Values) *http.Response {
		t.Helper()
		resp, err := karin.PostForm(base+path, form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("POST %s: %d", path, resp.StatusCode)
		}
		return resp
	}
	post("/signin", url.Values{"email": {demo.Email("Karin Lindqvist")}, "password": {demo.Password}})
	loc := post("/c/fjallvind/posts", url.Values{"type": {"question"}, "title": {"Var hittar jag reseräkningen?"}, "body": {"Den har flyttat."}, "language": {"sv"},
		"accept_code_of_conduct": {"on"}}).Header.Get("Location")
	if !strings.HasPrefix(loc, "/p/") {
		t.Fatalf("new question at %q", loc)
	}

	// Niklas's window.
	step("sign in", chromedp.Navigate(base+"/signin"),
		chromedp.SetValue(chromedp.CSS("#email"), demo.Email("Niklas Persson")),
		chromedp.SetValue(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("header.site .user-menu")))
	step("read the question", chromedp.Navigate(base+loc), chromedp.WaitVisible(chromedp.CSS("#answer-form")))
	if n, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#answers-heading"))); !strings.Contains(n, "0") {
		t.Logf("answers heading before: %q", n)
	}

	post(loc+"/answers", url.Values{"body": {"I personalportalen under Ekonomi, @niklas.persson."}})

	step("the answer appears live", chromedp.WaitVisible(chromedp.CSS("section.answers article.answer")))
	body, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("section.answers article.answer")))
	if err != nil || !strings.Contains(body, "I personalportalen under Ekonomi") {
		t.Errorf("live answer text %q: %v", body, err)
	}
	step("the mention arrives live", chromedp.WaitVisible(chromedp.CSS("#live-region .live-note a[href^='/p/']")),
		chromedp.WaitVisible(chromedp.CSS("[data-unread]")))
	note, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#live-region")))
	if !strings.Contains(note, "Karin Lindqvist nämnde dig") {
		t.Errorf("live notes: %q", note)
	}
}
