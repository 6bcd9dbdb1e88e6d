package main

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/demo"
	"github.com/tacit-org/tacit/internal/media"
)

// statusRecorder is a reverse proxy in front of Tacit that notes the status
// of every answer to a file request, so a test sees the range requests a
// browser's player makes without asking the browser.
type statusRecorder struct {
	mu       sync.Mutex
	statuses []int
}

func (s *statusRecorder) seen() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]int(nil), s.statuses...)
}

func proxyNotingMedia(t *testing.T, base string) (string, *statusRecorder) {
	t.Helper()
	target, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	rec := &statusRecorder{}
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.FlushInterval = -1 // live event streams pass at once
	rp.ModifyResponse = func(resp *http.Response) error {
		if strings.HasPrefix(resp.Request.URL.Path, "/media/") {
			rec.mu.Lock()
			rec.statuses = append(rec.statuses, resp.StatusCode)
			rec.mu.Unlock()
		}
		return nil
	}
	srv := httptest.NewServer(rp)
	t.Cleanup(func() {
		srv.CloseClientConnections() // a page's live event stream
		srv.Close()
	})
	return srv.URL, rec
}

// TestBrowserFirefoxClip records a clip from Firefox's fake camera in the
// composer, previews it, attaches it and posts it as a tip; then a colleague,
// in Firefox too, plays the clip and seeks in it. Firefox's MediaRecorder
// writes WebM with VP8 and Opus, and its own WebM layout, which the server
// must read (duration) and serve for seeking. Firefox is driven through its
// built-in Marionette protocol (marionette_test.go).
func TestBrowserFirefoxClip(t *testing.T) {
	needFirefox(t)
	tacit := startDemo(t)
	base, statuses := proxyNotingMedia(t, tacit)
	ff := firefox(t, map[string]any{
		// A fake camera and microphone (a moving picture and a tone) that
		// need no permission prompt: Firefox's counterpart of Chromium's
		// --use-fake-device-for-media-stream --use-fake-ui-for-media-stream.
		"media.navigator.streams.fake":        true,
		"media.navigator.permission.disabled": true,
		"media.autoplay.default":              0, // the test plays without a click
		"media.autoplay.blocking_policy":      0,
		"intl.accept_languages":               "en-GB,en",
	})
	shots := screenshotDir(t)

	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s (at %s): %v", what, ff.URL(), err)
		}
	}
	wait := func(what, cond string) {
		t.Helper()
		must(what, ff.WaitFor(cond, 60*time.Second))
	}
	visible := func(css string) string {
		return `(() => { const e = document.querySelector(` + jsString(css) + `); return e && e.offsetParent !== null && !e.hidden })()`
	}
	// domClick clicks through the DOM, so a layout that shifts while the
	// recorder changes state cannot move the target.
	domClick := func(css string) {
		t.Helper()
		must("click "+css, ff.Eval(`document.querySelector(`+jsString(css)+`).click()`, nil))
	}
	shot := func(name string) {
		png, err := ff.Screenshot()
		if err == nil {
			_ = os.WriteFile(filepath.Join(shots, "firefox-"+name+".png"), png, 0o644)
		}
	}
	signIn := func(email string) {
		t.Helper()
		must("open sign-in", ff.Navigate(base+"/signin"))
		must("email", ff.Type("#email", email))
		must("password", ff.Type("#password", demo.Password))
		must("sign in", ff.Click(`form[action="/signin"] button[type=submit]`))
		wait("signed in as "+email, visible("header.site .user-menu"))
	}

	signIn(demo.Email("Niklas Persson"))
	must("open a community", ff.Navigate(base+"/c/service"))
	must("join", ff.Click(`form[action="/c/service/join"] button`))
	wait("joined", visible(`a[href="/c/service/new"]`))
	must("open composer", ff.Navigate(base+"/c/service/new?type=tip"))
	wait("composer", visible("#title"))
	must("title", ff.Type("#title", "Så byter du filter – se klippet (Firefox)"))
	must("body", ff.Type("#body", "Visar stegen, inspelat i Firefox."))

	// Record from the fake camera: countdown, a few seconds, stop, preview, attach.
	wait("recorder offered", visible(`[data-rec="open"]`))
	domClick(`[data-rec="open"]`)
	wait("recorder open", visible(`[data-rec="start"]`))
	domClick(`.recorder input[value="camera"]`)
	record := func(what string) {
		t.Helper()
		wait("recording after the countdown ("+what+")", visible(`[data-rec="stop"]`)+` || `+visible(".attach-error"))
		var denied string
		_ = ff.Eval(`return document.querySelector(".attach-error").textContent`, &denied)
		if denied != "" {
			t.Fatalf("recording (%s) did not start: %s", what, denied)
		}
		time.Sleep(3 * time.Second) // record three seconds
		shot("recorder-recording")
		domClick(`[data-rec="stop"]`)
		wait("preview ("+what+")", visible(`[data-rec="attach"]`)+` || `+visible(".attach-error"))
		var recErr string
		_ = ff.Eval(`return document.querySelector(".attach-error").textContent`, &recErr)
		if recErr != "" {
			t.Fatalf("recording in Firefox (%s) failed: %s", what, recErr)
		}
		var preview string
		must("preview source", ff.Eval(`return document.querySelector(".rec-preview").src`, &preview))
		if !strings.HasPrefix(preview, "blob:") {
			t.Errorf("preview source = %q, want the recording (blob:)", preview)
		}
	}
	// First the picture alone (Firefox records VP8), then, recording again,
	// with sound (VP8 and Opus): the recorder must ask for a type that fits.
	domClick(`[data-rec="start"]`)
	record("camera")
	domClick(`.recorder [data-rec="mic"]`)
	domClick(`[data-rec="again"]`)
	record("camera and microphone")
	wait("preview plays", `document.querySelector(".rec-preview").readyState >= 1`)
	// Keep a copy of the file the composer sends, to read it below.
	must("watch the upload", ff.Eval(`const send = XMLHttpRequest.prototype.send;
		XMLHttpRequest.prototype.send = function (body) {
			if (body instanceof FormData && body.get("file")) window.tacitSent = body.get("file");
			return send.call(this, body);
		}`, nil))
	domClick(`[data-rec="attach"]`)
	wait("uploaded", `document.querySelector('.attach-list input[name="attachments"]') || `+visible(".attach-error"))
	var refused string
	_ = ff.Eval(`return document.querySelector(".attach-error").textContent`, &refused)
	if refused != "" {
		t.Fatalf("the clip recorded in Firefox was refused: %s", refused)
	}
	// The recording as Firefox made it, before the server writes its
	// duration in: the server's WebM reader must find its length.
	var b64 string
	must("read the recording", ff.Await(`const done = arguments[arguments.length-1];
		const r = new FileReader();
		r.onload = () => done(r.result.slice(r.result.lastIndexOf(",") + 1)); // the type has commas too
		r.onerror = () => done("");
		r.readAsDataURL(window.tacitSent);`, &b64))
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(raw) == 0 {
		t.Fatalf("the recording could not be read back (%d bytes): %v", len(raw), err)
	}
	if p := os.Getenv("TACIT_SAVE_RECORDING"); p != "" {
		_ = os.WriteFile(p, raw, 0o644)
	}
	info, err := media.ProbeWebM(bytes.NewReader(raw), int64(len(raw)))
	if err != nil || info.Duration < 1500*time.Millisecond || info.Width == 0 {
		t.Errorf("ProbeWebM of Firefox's recording = %+v, %v; want its size and about 3 s", info, err)
	}
	t.Logf("Firefox's recording: %d bytes, %+v", len(raw), info)
	var label string
	must("label", ff.Eval(`return document.querySelector(".attach-list li").textContent`, &label))
	t.Logf("attached: %s", label)
	shot("composer-with-clip")
	must("post", ff.Click(`.composer button.primary`))
	wait("posted", visible("article.post h1"))
	postURL := ff.URL()
	must("sign out", ff.Click("form.signout button"))
	wait("signed out", visible("#email"))

	// A colleague finds it as a clip and watches it, in Firefox.
	signIn(demo.Email("Karin Lindqvist"))
	must("community feed", ff.Navigate(base+"/c/service"))
	wait("the feed shows a clip", visible(".post-card .clip-badge"))
	must("open the tip", ff.Navigate(postURL))
	wait("video", `document.querySelector("article.post video")`)
	wait("metadata loads", `document.querySelector("article.post video").readyState >= 1`)
	var duration float64
	must("duration", ff.Eval(`return document.querySelector("article.post video").duration`, &duration))
	if !(duration > 1.5 && duration < 60) {
		t.Errorf("video duration = %v s, want the recorded seconds (finite)", duration)
	}
	var played bool
	must("play", ff.Await(`const done = arguments[arguments.length-1]; document.querySelector("article.post video").play().then(() => done(true), e => done(String(e)))`, &played))
	if !played {
		t.Errorf("the clip did not play")
	}
	must("seek", ff.Eval(`const v = document.querySelector("article.post video"); v.pause(); v.currentTime = 1.5`, nil))
	wait("seeked", `(() => { const v = document.querySelector("article.post video"); return !v.seeking && v.currentTime >= 1.4 })()`)
	var ct float64
	must("current time", ff.Eval(`return document.querySelector("article.post video").currentTime`, &ct))
	if ct < 1.4 {
		t.Errorf("after seeking, currentTime = %v, want about 1.5", ct)
	}
	var errCode int
	must("media error", ff.Eval(`const e = document.querySelector("article.post video").error; return e ? e.code : 0`, &errCode))
	if errCode != 0 {
		t.Errorf("the player reports media error %d", errCode)
	}
	shot("clip-playing")
	saw206 := false
	for _, s := range statuses.seen() {
		saw206 = saw206 || s == http.StatusPartialContent
	}
	if !saw206 {
		t.Errorf("no 206 answer among the media responses %v: Firefox's player did not use range requests", statuses.seen())
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
