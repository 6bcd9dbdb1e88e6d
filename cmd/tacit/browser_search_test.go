package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tacit-org/tacit/internal/demo"
)

// TestBrowserSimilarAndExperts types a question title in real Chromium and
// sees similar questions appear under it, then asks who knows about a
// subject, from the search results.
func TestBrowserSimilarAndExperts(t *testing.T) {
	ctx := browser(t)
	base := startDemo(t)
	p := newPilot(t, ctx)
	step, text, shot := p.step, p.text, p.shot
	step("sign in",
		chromedp.Navigate(base+"/signin"),
		chromedp.SetValue(chromedp.CSS("#email"), demo.Email("Niklas Persson")),
		chromedp.SetValue(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("header.site .user-menu")),
	)

	// Typing a title asks for similar questions as the person types.
	step("open composer", chromedp.Navigate(base+"/c/salj/new"), chromedp.WaitVisible(chromedp.CSS("#title")))
	step("type a title",
		chromedp.SendKeys(chromedp.CSS("#title"), "Vilken leveranstid lovar vi på bergvärme"),
		chromedp.WaitVisible(chromedp.CSS("#similar .similar-list li")),
	)
	if got := text("#similar"); !strings.Contains(got, "Vilken leveranstid kan jag lova på bergvärme just nu?") || !strings.Contains(got, "Accepterat svar") {
		t.Errorf("similar questions while typing = %q, want the demo question on delivery times with its accepted answer", got)
	}
	shot("similar-questions-sv")

	// From a search to the people who know.
	step("search", chromedp.Navigate(base+"/search?q="+url.QueryEscape("värmepump")), chromedp.WaitVisible(chromedp.CSS(".experts-link a")))
	if got := text("main"); !strings.Contains(got, "värmepump") {
		t.Errorf("search results for värmepump = %q, want the word in the results", got)
	}
	shot("search-sv")
	step("who knows", chromedp.Click(chromedp.CSS(".experts-link a")), chromedp.WaitVisible(chromedp.CSS("ol.experts li")))
	if got := text("ol.experts"); !strings.Contains(got, "Expert på") || !strings.Contains(got, "svar") {
		t.Errorf("experts on värmepump = %q, want people with evidence", got)
	}
	shot("experts-sv")
}
