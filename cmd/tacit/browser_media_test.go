package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/tacit-org/tacit/internal/demo"
	"github.com/tacit-org/tacit/internal/media/mediatest"
)

// mediaBrowser starts headless Chromium with a fake camera and microphone
// that need no permission prompt, or skips with instructions.
func mediaBrowser(t *testing.T) context.Context {
	t.Helper()
	return browserWith(t, "en-GB", 1000,
		chromedp.Flag("use-fake-device-for-media-stream", true), chromedp.Flag("use-fake-ui-for-media-stream", true),
		chromedp.Flag("autoplay-policy", "no-user-gesture-required"))
}

// TestBrowserRecordsAndPlaysAClip records a clip from Chromium's fake camera
// in the composer, attaches it, posts it as a tip, and then a colleague
// plays it and seeks in it, which takes HTTP range requests.
//
// It runs with files in the data directory and again in an S3-compatible
// object store (a real SeaweedFS, when weed is installed).
func TestBrowserRecordsAndPlaysAClip(t *testing.T) {
	if os.Getenv("CI") != "true" {
		t.Skip("browser test: runs with CI=true (and /usr/bin/chromium), as .ci/run does")
	}
	t.Run("disk", func(t *testing.T) { recordAndPlay(t, startDemo(t)) })
	t.Run("s3", func(t *testing.T) {
		srv := mediatest.SeaweedFS(t)
		env := map[string]string{"TACIT_S3_ENDPOINT": srv.Endpoint, "TACIT_S3_BUCKET": srv.Bucket, "TACIT_S3_REGION": srv.Region,
			"TACIT_S3_ACCESS_KEY": srv.AccessKey, "TACIT_S3_SECRET_KEY": srv.SecretKey}
		recordAndPlay(t, startDemoEnv(t, func(k string) string { return env[k] }))
	})
}

func recordAndPlay(t *testing.T, base string) {
	ctx := mediaBrowser(t)
	p := newPilot(t, ctx)
	step := p.step
	eval := func(js string) float64 {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return v
	}
	shot := p.shot
	// click clicks with the DOM rather than the mouse, so a layout that
	// shifts while the recorder changes state cannot move the target.
	click := func(sel string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := chromedp.Evaluate[bool](fmt.Sprintf(`(document.querySelector(%q).click(), true)`, sel))(ctx, tg)
			return chromedp.Void{}, err
		}
	}
	signIn := func(email string) { t.Helper(); p.signIn(base, email, demo.Password) }

	// Watch the responses to media requests, to see the range requests.
	var mu sync.Mutex
	var mediaStatuses []int64
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventResponseReceived); ok && strings.Contains(e.Response.URL, "/media/") {
			mu.Lock()
			mediaStatuses = append(mediaStatuses, e.Response.Status)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}

	signIn(demo.Email("Niklas Persson"))
	step("open a community", chromedp.Navigate(base+"/c/service"), chromedp.WaitVisible(chromedp.CSS(`form[action="/c/service/join"] button`)))
	step("join", chromedp.Click(chromedp.CSS(`form[action="/c/service/join"] button`)), chromedp.WaitVisible(chromedp.CSS(`a[href="/c/service/new"]`)))
	step("open composer", chromedp.Navigate(base+"/c/service/new?type=tip"), chromedp.WaitVisible(chromedp.CSS("#title")))
	step("write the tip",
		chromedp.SetValue(chromedp.CSS("#title"), "Så kalibrerar du givaren – se klippet"),
		chromedp.SetValue(chromedp.CSS("#body"), "Visar stegen i ServiceMobil."),
	)

	// Record from the fake camera: countdown, a few seconds, stop, preview, attach.
	step("open the recorder", chromedp.WaitVisible(chromedp.CSS(`[data-rec="open"]`)), click(`[data-rec="open"]`),
		chromedp.WaitVisible(chromedp.CSS(`[data-rec="start"]`)))
	step("choose the camera", click(`.recorder input[value="camera"]`))
	step("start recording", click(`[data-rec="start"]`),
		chromedp.WaitVisible(chromedp.CSS(`[data-rec="stop"]`))) // after the countdown
	step("record", chromedp.Sleep(3*time.Second))
	shot("recorder-recording")
	step("stop", click(`[data-rec="stop"]`), chromedp.WaitVisible(chromedp.CSS(`[data-rec="attach"]`)))
	if d := eval(`document.querySelector(".rec-preview").src.startsWith("blob:") ? 1 : 0`); d != 1 {
		t.Errorf("no preview of the recording")
	}
	step("attach", click(`[data-rec="attach"]`),
		chromedp.WaitReady(chromedp.CSS(`.attach-list input[name="attachments"], .attach-error:not([hidden])`)))
	if msg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".attach-error").textContent`)); msg != "" {
		t.Fatalf("the recorded clip was refused: %s", msg)
	}
	step("show the attachment", chromedp.Evaluate[chromedp.Void](`document.querySelector(".attach").scrollIntoView()`))
	shot("composer-with-clip")
	step("post", chromedp.Click(chromedp.CSS(`.composer button.primary`)), chromedp.WaitVisible(chromedp.CSS("article.post h1")))
	postURL, _ := chromedp.Run(ctx, chromedp.Location())
	step("sign out", chromedp.Click(chromedp.CSS("form.signout button")), chromedp.WaitVisible(chromedp.CSS("#email")))

	// A colleague finds it as a clip and watches it.
	signIn(demo.Email("Karin Lindqvist"))
	step("the feed shows a clip", chromedp.Navigate(base+"/c/service"), chromedp.WaitVisible(chromedp.CSS(`.post-card .clip-badge`)))
	step("open the tip", chromedp.Navigate(postURL), chromedp.WaitVisible(chromedp.CSS(`article.post video`)))
	step("metadata loads", chromedp.Poll[chromedp.Void](`document.querySelector("article.post video").readyState >= 1`, chromedp.WithPollingTimeout(30*time.Second)))
	duration := eval(`document.querySelector("article.post video").duration`)
	if !(duration > 1.5) {
		t.Errorf("video duration = %v s, want the recorded seconds", duration)
	}
	step("play", chromedp.Evaluate[chromedp.Void](`document.querySelector("article.post video").play().then(() => true)`, chromedp.EvalAwaitPromise))
	step("seek", chromedp.Evaluate[chromedp.Void](`(() => { const v = document.querySelector("article.post video"); v.pause(); v.currentTime = 1.5; return true })()`))
	step("seeked", chromedp.Poll[chromedp.Void](`(() => { const v = document.querySelector("article.post video"); return !v.seeking && v.currentTime >= 1.4 })()`,
		chromedp.WithPollingTimeout(30*time.Second)))
	shot("clip-playing")
	if ct := eval(`document.querySelector("article.post video").currentTime`); ct < 1.4 {
		t.Errorf("after seeking, currentTime = %v, want about 1.5", ct)
	}
	mu.Lock()
	defer mu.Unlock()
	saw206 := false
	for _, s := range mediaStatuses {
		saw206 = saw206 || s == 206
	}
	if !saw206 {
		t.Errorf("no 206 answer among the media responses %v: the player did not use range requests", mediaStatuses)
	}
}
