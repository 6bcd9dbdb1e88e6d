package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/tacit-org/tacit/internal/demo"
)

// window is one browser window of one person in a two-window test.
type window struct {
	*pilot
	base string
}

func (w *window) eval(js string) string {
	w.t.Helper()
	s, err := chromedp.Run(w.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		w.t.Fatalf(w.says("%s: %v"), js, err)
	}
	return s
}

func (w *window) signIn(email string) {
	w.t.Helper()
	w.pilot.signIn(w.base, email, demo.Password)
}

// unread is the count the header's badge shows (0 when hidden).
func (w *window) unread() int {
	w.t.Helper()
	s := w.eval(`(function(){var b=document.querySelector("[data-unread]");return b&&!b.hidden&&b.firstChild?b.firstChild.nodeValue:"0"})()`)
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(s), "+"))
	if err != nil {
		w.t.Fatalf(w.says("unread badge %q"), s)
	}
	return n
}

// pressEnter presses Enter in the focused element as a keyboard does: the
// key goes down and up. (chromedp's KeyEvent also sends a separate "char"
// event, which types a newline even when the page handled the key.)
var pressEnter = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: typ, Key: "Enter", Code: "Enter",
			WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}); err != nil {
			return err
		}
	}
	return nil
})

// TestBrowserLiveTwoWindows: two people, each signed in through the sign-in
// form in a browser window of their own (separate Chromium browser
// contexts, so separate cookies). Karin watches a community page while
// Niklas asks a question there: it is announced on her page without a
// reload. Niklas stays on his question; Karin opens it, types an answer
// and mentions him through the composer's @ suggestions. In Niklas's
// window the answer appears and the mention arrives (note and header
// count), and the page was never reloaded.
func TestBrowserLiveTwoWindows(t *testing.T) {
	actx := browserWith(t, "sv-SE", 900)
	base := startDemo(t)
	bctx, cancel := chromedp.NewContext(actx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("second window: %v", err)
	}
	karin := &window{pilot: &pilot{t: t, ctx: actx, name: "Karin's window", shots: screenshotDir(t)}, base: base}
	niklas := &window{pilot: &pilot{t: t, ctx: bctx, name: "Niklas's window", shots: karin.shots}, base: base}
	karin.signIn(demo.Email("Karin Lindqvist"))
	niklas.signIn(demo.Email("Niklas Persson"))
	// Separate cookies: each window is still its own person.
	karin.step("reload", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("header.site .user-menu")))
	if got := karin.text("header.site .user-menu"); !strings.Contains(got, "Karin") {
		t.Fatalf("Karin's window shows %q after Niklas signed in elsewhere", got)
	}

	// Karin reads the community page; Niklas asks a question there.
	karin.step("open the community", chromedp.Navigate(base+"/c/fjallvind"), chromedp.WaitVisible(chromedp.CSS("ol.feed")))
	karin.eval(`window.tacitNotReloaded = "yes"`)
	title := "Var hittar jag reseräkningen? " + strconv.FormatInt(time.Now().UnixNano()%100000, 10)
	niklas.step("open the composer", chromedp.Navigate(base+"/c/fjallvind/new"), chromedp.WaitVisible(chromedp.CSS("#title")))
	niklas.step("write the question",
		chromedp.SetValue(chromedp.CSS("#title"), title),
		chromedp.SendKeys(chromedp.CSS("#body"), "Den har flyttat från intranätet. Vem vet var den finns nu?"))
	if n, _ := chromedp.Run(niklas.ctx, chromedp.Evaluate[int](`document.querySelectorAll("input[name=accept_code_of_conduct]:not(:checked)").length`)); n > 0 {
		niklas.step("accept the code of conduct", chromedp.Click(chromedp.CSS("input[name=accept_code_of_conduct]")))
	}
	// Posting leaves the composer: either for the question's page, or for
	// the composer again with similar questions to look at first. Wait for
	// the page to have changed, so nothing is clicked twice.
	left := func(what, from string) {
		t.Helper()
		for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
			at, err := chromedp.Run(niklas.ctx, chromedp.Evaluate[string](`document.readyState == "complete" ? location.pathname : ""`))
			if err == nil && at != "" && at != from {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: still at %s", what, from)
			}
		}
	}
	niklas.step("post the question", chromedp.Click(chromedp.CSS(`.composer button.primary`)))
	left("post the question", "/c/fjallvind/new")
	if n, _ := chromedp.Run(niklas.ctx, chromedp.Evaluate[int](`document.querySelectorAll("article.post h1").length`)); n == 0 {
		niklas.step("post anyway", chromedp.WaitVisible(chromedp.CSS("input[name=similar_checked]")), chromedp.Click(chromedp.CSS(`.composer button.primary`)))
		left("post anyway", "/c/fjallvind/posts")
		niklas.step("the question's page", chromedp.WaitVisible(chromedp.CSS("article.post h1")))
	}
	if got := niklas.text("article.post h1"); got != title {
		t.Fatalf("Niklas's question page shows %q, want %q", got, title)
	}
	question := strings.TrimPrefix(niklas.eval(`location.href`), base)
	karin.step("the new post is announced live on the community page", chromedp.WaitVisible(chromedp.CSS("#live-region .live-note button")))
	if got := karin.text("#live-region"); !strings.Contains(got, "Nya inlägg") {
		t.Errorf("Karin's live note on the community page = %q, want the new-posts note", got)
	}
	if karin.eval(`window.tacitNotReloaded || "reloaded"`) != "yes" {
		t.Errorf("Karin's community page was reloaded")
	}
	karin.shot("live-two-windows-community-karin-sv")
	karin.step("show the new post", chromedp.Click(chromedp.CSS("#live-region .live-note button")),
		chromedp.WaitVisible(chromedp.CSS(`ol.feed a[href="`+question+`"]`)))

	// Niklas stays on his question, with its header.
	niklas.eval(`window.tacitNotReloaded = "yes"`)
	before := niklas.unread()
	if n := niklas.eval(`String(document.querySelectorAll("section.answers article.answer").length)`); n != "0" {
		t.Fatalf("Niklas's new question already shows %s answers", n)
	}

	// Karin opens it from the community page and answers, mentioning him
	// through the suggestions.
	karin.step("open the question", chromedp.Click(chromedp.CSS(`ol.feed a[href="`+question+`"]`)), chromedp.WaitVisible(chromedp.CSS("#answer-body")))
	karin.step("type an answer and @nik",
		chromedp.SendKeys(chromedp.CSS("#answer-body"), "Den ligger i personalportalen under Ekonomi, @nik"),
		chromedp.WaitVisible(chromedp.CSS(`#mention-list li[aria-selected="true"]`)))
	if got := karin.text("#mention-list"); !strings.Contains(got, "Niklas Persson @niklas.persson") {
		t.Fatalf("mention suggestions = %q, want Niklas", got)
	}
	karin.shot("live-two-windows-mention-karin-sv")
	karin.step("choose Niklas with Enter", pressEnter, chromedp.WaitNotVisible(chromedp.CSS("#mention-list")))
	karin.step("finish the answer", chromedp.SendKeys(chromedp.CSS("#answer-body"), "så hittar du den."))
	if got := karin.eval(`document.getElementById("answer-body").value`); !strings.Contains(got, "@niklas.persson så hittar du den.") {
		t.Fatalf("answer after choosing the suggestion = %q", got)
	}
	karin.step("send the answer", chromedp.Click(chromedp.CSS(`#answer-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("section.answers article.answer a.mention")))

	// Niklas's window, untouched since the question was posted.
	niklas.step("the answer appears live", chromedp.WaitVisible(chromedp.CSS("section.answers article.answer a.mention")))
	if got := niklas.text("section.answers article.answer"); !strings.Contains(got, "Den ligger i personalportalen under Ekonomi") {
		t.Errorf("live answer in Niklas's window = %q", got)
	}
	niklas.step("the mention arrives live", chromedp.WaitVisible(chromedp.CSS("#live-region .live-note a[href^='/p/']")))
	if got := niklas.text("#live-region"); !strings.Contains(got, "Karin Lindqvist nämnde dig") {
		t.Errorf("live notes in Niklas's window = %q, want the mention", got)
	}
	if after := niklas.unread(); after != before+1 {
		t.Errorf("Niklas's header count went from %d to %d, want one more", before, after)
	}
	if niklas.eval(`window.tacitNotReloaded || "reloaded"`) != "yes" {
		t.Errorf("Niklas's question page was reloaded")
	}
	if got := niklas.text("#answers-heading"); !strings.Contains(got, "1") {
		t.Errorf("answers heading in Niklas's window = %q, want it to count the new answer", got)
	}
	niklas.shot("live-two-windows-question-niklas-sv")
	niklas.step("scroll to the new answer", chromedp.ScrollIntoView(chromedp.CSS("section.answers article.answer")))
	niklas.shot("live-two-windows-answer-niklas-sv")
	karin.shot("live-two-windows-question-karin-sv")

	// The header count is the server's: a fresh page agrees.
	niklas.step("reload", chromedp.Navigate(base+"/notifications"), chromedp.WaitVisible(chromedp.CSS("header.site .user-menu")))
	if got := niklas.unread(); got != before+1 {
		t.Errorf("after a reload Niklas's count is %d, want %d", got, before+1)
	}
	if got := niklas.text("main"); !strings.Contains(got, "Karin Lindqvist") || !strings.Contains(got, title) {
		t.Errorf("Niklas's notifications page = %q, want Karin's mention on %q", got, title)
	}
}
