package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/tacit-org/tacit/internal/config"
	"github.com/tacit-org/tacit/internal/demo"
	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// TestBrowserLeftPagesCloseTheirStreams reads page after page in one tab,
// as a person does, and checks that the pages left behind (also those the
// browser keeps in its back/forward cache) have closed their live event
// streams. Over HTTP/1.1 a browser opens six connections to a server; when
// left pages held theirs, the next page waited for a free one (page loads
// of a minute in Chromium). Going back to a cached page opens its stream
// again.
func TestBrowserLeftPagesCloseTheirStreams(t *testing.T) {
	ctx := browser(t)
	s := storetest.Open(t)
	if _, _, err := demo.Seed(context.Background(), s, time.Now()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	broker := notify.NewBroker(s, log)
	cfg, err := config.Load("tacit", []string{"--data", t.TempDir()}, func(string) string { return "" }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	h, _, err := newApp(s, cfg, log, &store.Views{}, "", broker)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	t.Cleanup(broker.Close)
	bctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go broker.Run(bctx)

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/signin"),
		chromedp.SetValue(chromedp.CSS("#email"), demo.Email("Niklas Persson")),
		chromedp.SetValue(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("header.site .user-menu"))); err != nil {
		t.Fatal(err)
	}
	// streams waits until the broker holds want streams, or fails.
	streams := func(what string, want int) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			if n := broker.Streams(); n == want {
				return
			} else if time.Now().After(deadline) {
				t.Fatalf("%s: %d open streams, want %d", what, n, want)
			}
		}
	}
	// Page after page without pausing: each page's stream opens as its
	// script runs, often while the next page is already on its way.
	var posts []string
	for id := 1; len(posts) < 40; id++ {
		posts = append(posts, fmt.Sprintf("/p/%d", id))
	}
	for _, p := range posts {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p)); err != nil {
			t.Fatalf("page %s: %v", p, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("header.site .user-menu"))); err != nil {
		t.Fatal(err)
	}
	streams("after 40 pages read one after another", 1)
	// Back and forward (by script: a page shown again from the back/forward
	// cache fires no load event for chromedp to wait for). The page shown
	// again has its one stream, opened anew.
	history := func(script, want string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](script+"; 1")); err != nil {
			t.Fatal(err)
		}
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			loc, err := chromedp.Run(ctx, chromedp.Evaluate[string]("location.pathname"))
			if err == nil && loc == want {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("after %s: at %q (%v), want %s", script, loc, err, want)
			}
		}
		streams("after "+script, 1)
	}
	history("history.back()", "/p/40")
	history("history.forward()", "/")
}
