package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tacit-org/tacit/internal/demo"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

const chromiumPath = "/usr/bin/chromium"

// syncBuffer collects what run prints, safely for the polling test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startDemo runs the real program with --demo on a free port and returns its URL.
func startDemo(t *testing.T) string {
	t.Helper()
	return startDemoEnv(t, func(string) string { return "" })
}

// startDemoEnv is startDemo with an environment for the program.
func startDemoEnv(t *testing.T, getenv func(string) string) string {
	t.Helper()
	args := []string{"--demo", "--data", t.TempDir(), "--addr", "127.0.0.1:0"}
	if u := storetest.URL(t); u != "" {
		args = append(args, "--database-url", u)
	}
	return startProgram(t, args, getenv)
}

// startProgram runs the real program in this process with args until the
// test ends, and returns the URL it serves at.
func startProgram(t *testing.T, args []string, getenv func(string) string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, getenv, nil, out, out) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	})
	re := regexp.MustCompile(`running at (http://[0-9.:]+)`)
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("run stopped: %v\n%s", err, out.String())
		case <-time.After(100 * time.Millisecond):
		}
	}
	t.Fatalf("Tacit did not start:\n%s", out.String())
	return ""
}

// browser starts headless Chromium, or skips with instructions when there is none.
func browser(t *testing.T) context.Context {
	t.Helper()
	return browserWith(t, "sv-SE", 900)
}

// browserWith is browser with an interface language, a window height and
// more Chromium options.
func browserWith(t *testing.T, lang string, height int64, more ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Chromium is missing at %s in CI: .ci/run must install it", chromiumPath)
		}
		t.Skipf("browser test not run: install Chromium (apt-get install chromium) to run it; .ci/run does")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("lang", lang),
	}
	opts = append(opts, more...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 8*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, height)); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

func screenshotDir(t *testing.T) string {
	if d := os.Getenv("TACIT_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// pilot drives one Chromium tab through a test: a step that fails stops
// the test and says where the browser was; screenshots go to the
// screenshot folder.
type pilot struct {
	t     *testing.T
	ctx   context.Context
	shots string
	name  string // of the window, in a test with several; starts messages
}

// says prefixes a message with the window's name, if it has one.
func (p *pilot) says(msg string) string {
	if p.name == "" {
		return msg
	}
	return p.name + ": " + msg
}

func newPilot(t *testing.T, ctx context.Context) *pilot {
	return &pilot{t: t, ctx: ctx, shots: screenshotDir(t)}
}

func (p *pilot) step(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		loc, _ := chromedp.Run(p.ctx, chromedp.Location())
		p.t.Fatalf(p.says("%s (at %s): %v"), what, loc, err)
	}
}

// text is the text of the first element sel matches.
func (p *pilot) text(sel string) string {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		p.t.Fatalf(p.says("read %s: %v"), sel, err)
	}
	return s
}

// shot saves what the tab shows as name.png.
func (p *pilot) shot(name string) {
	p.t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf(p.says("screenshot %s: %v"), name, err)
	}
	if err := os.WriteFile(filepath.Join(p.shots, name+".png"), png, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// signIn signs in through the form at base.
func (p *pilot) signIn(base, email, password string) {
	p.t.Helper()
	p.step("sign in as "+email,
		chromedp.Navigate(base+"/signin"),
		chromedp.SetValue(chromedp.CSS("#email"), email),
		chromedp.SetValue(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("header.site .user-menu")),
	)
}

// TestBrowser walks the core of Tacit as two people would, in real Chromium:
// sign in, join a community, ask, answer as someone else, accept, react.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	base := startDemo(t)
	p := newPilot(t, ctx)
	step, text, shot := p.step, p.text, p.shot
	signIn := func(email string) { t.Helper(); p.signIn(base, email, demo.Password) }
	signOut := func() {
		t.Helper()
		step("sign out", chromedp.Click(chromedp.CSS("form.signout button")), chromedp.WaitVisible(chromedp.CSS("#email")))
	}

	member, helper := demo.Email("Niklas Persson"), demo.Email("Karin Lindqvist")
	signIn(member)

	// Join a community Niklas is not in yet.
	step("open a community", chromedp.Navigate(base+"/c/service"), chromedp.WaitVisible(chromedp.CSS(`form[action="/c/service/join"] button`)))
	step("join", chromedp.Click(chromedp.CSS(`form[action="/c/service/join"] button`)), chromedp.WaitVisible(chromedp.CSS(`a[href="/c/service/new"]`)))

	// Ask a question; the composer says who will read it.
	title := fmt.Sprintf("Hur kalibrerar jag givaren på en luft/vatten-pump? %d", time.Now().UnixNano()%100000)
	step("open composer", chromedp.Click(chromedp.CSS(`a[href="/c/service/new"]`)), chromedp.WaitVisible(chromedp.CSS("#audience")))
	if got := text("#audience"); !strings.Contains(got, "Service & installation") {
		t.Errorf("composer audience = %q, want it to name the community", got)
	}
	step("write question",
		chromedp.SetValue(chromedp.CSS("#title"), title),
		chromedp.SendKeys(chromedp.CSS("#body"), "Givaren visar **fel temperatur** efter installationen.\n\n- Modell: AW-12\n- Fel: 4 grader för varmt"),
		chromedp.WaitVisible(chromedp.CSS("#preview strong")),
	)
	shot("composer-sv")
	// Before a question is posted, similar ones are shown once; then it is posted anyway.
	step("post question", chromedp.Click(chromedp.CSS(`.composer button.primary`)), chromedp.WaitReady(chromedp.CSS("article.post h1, input[name=similar_checked]")))
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("input[name=similar_checked]").length`)); n > 0 {
		step("post anyway", chromedp.Click(chromedp.CSS(`.composer button.primary`)), chromedp.WaitVisible(chromedp.CSS("article.post h1")))
	}
	if got := text("article.post h1"); got != title {
		t.Fatalf("question page title = %q, want %q", got, title)
	}
	questionURL, _ := chromedp.Run(ctx, chromedp.Location())
	signOut()

	// Someone else answers.
	signIn(helper)
	step("open the question", chromedp.Navigate(questionURL), chromedp.WaitVisible(chromedp.CSS("#answer-body")))
	step("answer",
		chromedp.SendKeys(chromedp.CSS("#answer-body"), "Kör kalibreringen i ServiceMobil under **Givare → Offset** och sätt -4."),
		chromedp.Click(chromedp.CSS(`#answer-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("article.answer")),
	)
	// The answerer corrects it; "edited" leads to the earlier text.
	step("edit the answer",
		chromedp.Click(chromedp.CSS(`article.answer a[href$="/edit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/edit"] #body`)),
		chromedp.SetValue(chromedp.CSS(`form[action$="/edit"] #body`), "Kör kalibreringen i ServiceMobil under **Givare → Offset** och sätt -4 (inte -3)."),
		chromedp.Click(chromedp.CSS(`form[action$="/edit"] button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`article.answer a[href$="/revisions"]`)),
	)
	step("the answer's earlier text", chromedp.Click(chromedp.CSS(`article.answer a[href$="/revisions"]`)), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if got := text("main"); !strings.Contains(got, "och sätt -4.") {
		t.Errorf("the answer's revisions = %q, want its first text", got)
	}
	shot("reply-revisions-sv")
	signOut()

	// The asker accepts the answer and says it helped.
	signIn(member)
	step("accept", chromedp.Navigate(questionURL), chromedp.Click(chromedp.CSS(`form[action$="/accept"] button`)), chromedp.WaitVisible(chromedp.CSS("article.answer.accepted")))
	before := text(`article.answer button.reaction[data-kind="helped_me"] .count`)
	step("react", chromedp.Click(chromedp.CSS(`article.answer button.reaction[data-kind="helped_me"]`)), chromedp.WaitVisible(chromedp.CSS(`article.answer button.reaction[data-kind="helped_me"][aria-pressed="true"]`)))
	after := text(`article.answer button.reaction[data-kind="helped_me"] .count`)
	if before != "0" || after != "1" {
		t.Errorf("helped-me count went from %q to %q, want 0 to 1", before, after)
	}
	shot("question-sv")

	// Screenshots of the main pages in both languages.
	for _, lang := range []string{"sv", "en"} {
		if lang == "en" {
			step("switch to English", chromedp.Click(chromedp.CSS(`form.lang-switch button[value="en"]`)), chromedp.WaitVisible(chromedp.CSS(`html[lang="en"]`)))
		}
		for _, pg := range []struct{ name, path, ready string }{
			{"home", "/", "ol.feed"},
			{"directory", "/c", "ul.community-grid"},
			{"community", "/c/crm-tips", "ol.feed"},
			{"question", strings.TrimPrefix(questionURL, base), "article.answer.accepted"},
			{"profile", "/u/1", ".profile-head"},
			{"ideas", "/c/fjallvind?type=idea", "ol.feed"},
			{"members", "/c/crm-tips/members", "table.data"},
			{"new-community", "/c/new", "form.stack"},
			{"settings", "/settings", "form.stack"},
		} {
			step("open "+pg.name, chromedp.Navigate(base+pg.path), chromedp.WaitVisible(chromedp.CSS(pg.ready)))
			// A raw message id on the page means a missing translation.
			html, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("body")))
			if err != nil {
				t.Fatal(err)
			}
			if m := rawID.FindString(stripTags(html)); m != "" {
				t.Errorf("%s (%s) shows an untranslated message id %q", pg.name, lang, m)
			}
			shot(pg.name + "-" + lang)
		}
	}
	step("phone size", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("ol.feed")))
	shot("home-phone-en")
	step("question on a phone", chromedp.Navigate(questionURL), chromedp.WaitVisible(chromedp.CSS("article.answer")))
	shot("question-phone-en")

	// An idea with its status history, and the admin pages.
	signOut()
	signIn(helper)
	step("desktop size", chromedp.EmulateViewport(1280, 900))
	for _, pg := range []struct{ name, path, ready string }{
		{"admin-people", "/admin/people", "table.data"},
		{"admin-audit", "/admin/audit", "main"},
		{"admin-words", "/admin/words", "main"},
		{"moderation-queue", "/c/fjallvind/moderation", "main"},
	} {
		step("open "+pg.name, chromedp.Navigate(base+pg.path), chromedp.WaitVisible(chromedp.CSS(pg.ready)))
		shot(pg.name + "-sv")
	}
	step("open an idea", chromedp.Navigate(base+"/c/fjallvind?type=idea"), chromedp.Click(chromedp.CSS("ol.feed h3.post-title a")), chromedp.WaitVisible(chromedp.CSS(".idea-box")))
	shot("idea-sv")
	t.Logf("screenshots in %s", p.shots)
}

// rawID matches the message ids of the catalogs (area.name), as opposed to prose.
var rawID = regexp.MustCompile(`\b(?:nav|home|community|composer|post|field|feed|stat|type|types|kind|kinds|visibility|role|reaction|settings|admin|profile|directory|members|requests|idea|status|follow|error|flash|signin|tag|revisions|mod|report|words|audit|conduct)\.[a-z_]+\b`)

var tagRe = regexp.MustCompile(`<[^>]*>`)

func stripTags(s string) string { return tagRe.ReplaceAllString(s, " ") }
