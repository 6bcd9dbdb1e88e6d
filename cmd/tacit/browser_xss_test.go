package main

import (
	"context"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// TestBrowserXSS loads the pages that show the public XSS payloads (every
// text field, see xssSeed) in real Chromium, signed in as their writer, and
// sees no JavaScript dialog open: not one payload ran. A control first makes
// a dialog open on purpose, so the listener is known to work. CI only.
func TestBrowserXSS(t *testing.T) {
	if os.Getenv("CI") != "true" {
		t.Skip("browser XSS test runs in CI (CI=true), like .ci/run does")
	}
	ctx := browser(t)

	// Seed the database the server will use, then start the real program on it.
	dir := t.TempDir()
	dbURL := storetest.URL(t)
	s, err := store.Open(context.Background(), dbURL, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	email, pages := xssSeed(t, s, xssPayloads(t))
	s.Close()
	base := startRun(t, dir, dbURL)

	var mu sync.Mutex
	var dialogs []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			mu.Lock()
			dialogs = append(dialogs, d.URL+": "+d.Message)
			mu.Unlock()
			// Close it from another goroutine, or the page stays blocked.
			go func() { _, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{}) }()
		}
	}); err != nil {
		t.Fatal(err)
	}
	seen := func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), dialogs...) }

	// Control: a dialog opened on purpose is seen.
	if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/signin")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`setTimeout(() => alert("kontroll"), 0); 1`)); err != nil {
		t.Fatalf("control: %v", err)
	}
	for deadline := time.Now().Add(30 * time.Second); len(seen()) == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("control: the dialog opened on purpose was never seen; the test could not see a payload run either")
		}
	}
	mu.Lock()
	dialogs = nil
	mu.Unlock()

	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/signin"),
		chromedp.SetValue(chromedp.CSS("#email"), email),
		chromedp.SetValue(chromedp.CSS("#password"), xssPassword),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("header.site .user-menu")),
	); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	// The pages people read where the payloads show: every post page (title,
	// body, tags, answer, comment, status note, community name), the
	// directory and home (names, descriptions), profiles, search, and every
	// tenth community page (description, code of conduct). TestSanitiserCorpus
	// checks the markup of all the rest; a browser for each would take minutes.
	postPage := regexp.MustCompile(`^/p/[0-9]+$`)
	communityPage := regexp.MustCompile(`^/c/x[0-9]*0$`)
	loaded := 0
	for _, p := range pages {
		if !postPage.MatchString(p) && !communityPage.MatchString(p) && strings.Count(p, "/") > 2 || strings.HasPrefix(p, "/c/") && !communityPage.MatchString(p) || strings.HasPrefix(p, "/t/") {
			continue
		}
		if _, err := chromedp.Run(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Errorf("load %s: %v", p, err)
			continue
		}
		loaded++
	}
	// Let timers and lazy handlers that a payload might have planted fire.
	time.Sleep(time.Second)
	if d := seen(); len(d) > 0 {
		t.Errorf("%d JavaScript dialogs opened, the first: %s", len(d), d[0])
	}
	t.Logf("%d pages loaded in Chromium, no dialog", loaded)
}

// startRun runs the real program on an existing data directory (or
// database) and returns its URL.
func startRun(t *testing.T, dir, dbURL string) string {
	t.Helper()
	args := []string{"--data", dir, "--addr", "127.0.0.1:0"}
	if dbURL != "" {
		args = append(args, "--database-url", dbURL)
	}
	return startProgram(t, args, func(string) string { return "" })
}
