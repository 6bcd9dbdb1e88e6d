package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/jpeg"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/media"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
	"github.com/tacit-org/tacit/internal/web"
)

// mediaApp is a small organisation with uploads switched on.
type mediaApp struct {
	t       *testing.T
	s       *store.Store
	m       *media.Service
	srv     *httptest.Server
	cookies map[string]string
}

func newMediaApp(t *testing.T) *mediaApp {
	t.Helper()
	return newMediaAppWith(t, store.NewAccountLimits{})
}

// newMediaAppWith is newMediaApp with limits for new accounts.
func newMediaAppWith(t *testing.T, limits store.NewAccountLimits) *mediaApp {
	t.Helper()
	ctx := context.Background()
	s := storetest.Open(t)
	m := media.New(s, media.Disk{Dir: t.TempDir()})
	m.TempDir = t.TempDir()
	w, err := web.New(s, web.Options{MaxBodyBytes: 4096, Media: m, NewAccounts: limits})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.SecurityHeaders(false, http.NewCrossOriginProtection().Handler(w.Handler())))
	t.Cleanup(srv.Close)
	a := &mediaApp{t: t, s: s, m: m, srv: srv, cookies: map[string]string{}}
	people := map[string]store.Person{}
	for _, key := range []string{"alice", "bodil", "dave"} {
		p, err := s.CreatePerson(ctx, store.NewPerson{Email: key + "@example.se", Name: strings.ToUpper(key[:1]) + key[1:] + " Persson", Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
		people[key] = p
		secret := auth.NewSecret("")
		if _, err := s.CreateSession(ctx, p.ID, auth.HashSecret(secret), "test", "127.0.0.1", 3600e9); err != nil {
			t.Fatal(err)
		}
		a.cookies[key] = secret
	}
	closed, err := s.CreateCommunity(ctx, people["alice"].ID, "saljcoacher", store.CommunitySettings{Name: "Säljcoacher", Kind: "role", Visibility: "closed", AnonymousQuestions: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddMember(ctx, 0, closed.ID, people["bodil"].ID, store.RoleMember); err != nil {
		t.Fatal(err)
	}
	return a
}

func (a *mediaApp) request(method, path, as string, body io.Reader, contentType string, header http.Header) (*http.Response, []byte) {
	a.t.Helper()
	req, err := http.NewRequest(method, a.srv.URL+path, body)
	if err != nil {
		a.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if as != "" {
		req.AddCookie(&http.Cookie{Name: "tacit_session", Value: a.cookies[as]})
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// form builds a multipart form; files maps a field to (name, bytes).
func form(fields url.Values, fileName string, data []byte) (io.Reader, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if fileName != "" {
		fw, _ := mw.CreateFormFile("file", fileName)
		fw.Write(data)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func clip(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../media/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func jpegWithGPS(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewRGBA(image.Rect(0, 0, 32, 24)), nil); err != nil {
		t.Fatal(err)
	}
	payload := []byte("Exif\x00\x00GPSLatitude 59.33 N Bodil's phone")
	seg := append([]byte{0xFF, 0xE1, 0, byte(len(payload) + 2)}, payload...)
	return append(append(append([]byte{}, b.Bytes()[:2]...), seg...), b.Bytes()[2:]...)
}

var postIDRe = regexp.MustCompile(`^/p/(\d+)$`)

func TestPostWithFileWithoutJavaScript(t *testing.T) {
	a := newMediaApp(t)
	fields := url.Values{"type": {"question"}, "title": {"A photo of the machine set-up"}, "body": {"This is how it looks."}, "language": {"en"}, "anonymous": {"on"}}

	// The composer has a plain file field in a multipart form, and the script.
	_, composer := a.request("GET", "/c/saljcoacher/new", "bodil", nil, "", nil)
	for _, want := range []string{`enctype="multipart/form-data"`, `<input type="file" id="file" name="file" multiple`, `<script src="/static/media.js" defer>`, "Record a clip"} {
		if !strings.Contains(string(composer), want) {
			t.Errorf("composer lacks %q", want)
		}
	}

	// A renamed impostor is refused with a message, and the text is kept.
	body, ct := form(fields, "clip.mp4", []byte("<!doctype html><script>alert(1)</script>"))
	resp, page := a.request("POST", "/c/saljcoacher/posts", "bodil", body, ct, nil)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(page), "This type of file cannot be attached") || !strings.Contains(string(page), "A photo of the machine set-up") {
		t.Fatalf("impostor: status %d; want 400 with the refusal and the title kept:\n%s", resp.StatusCode, page)
	}

	// A photo with GPS data is accepted, attached, and stripped.
	body, ct = form(fields, "IMG_0001.jpg", jpegWithGPS(t))
	resp, _ = a.request("POST", "/c/saljcoacher/posts", "bodil", body, ct, nil)
	m := postIDRe.FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("post with photo: status %d, Location %q; want 303 to the post", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, page = a.request("GET", "/p/"+m[1], "alice", nil, "", nil)
	img := regexp.MustCompile(`<img src="(/media/(\d+))`).FindStringSubmatch(string(page))
	if img == nil {
		t.Fatalf("post page shows no image")
	}
	if strings.Contains(string(page), "Bodil") || strings.Contains(string(page), "IMG_0001") {
		t.Errorf("the anonymous post's page names its author or the file's original name")
	}
	resp, file := a.request("GET", img[1], "alice", nil, "", nil)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/jpeg" {
		t.Fatalf("image: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if bytes.Contains(file, []byte("GPSLatitude")) || bytes.Contains(file, []byte("Bodil")) {
		t.Errorf("served image still carries its EXIF/GPS metadata")
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `inline; filename="tacit-`) || strings.Contains(cd, "IMG_0001") {
		t.Errorf("Content-Disposition = %q, want a server-chosen inline name", cd)
	}

	// The outsider gets the very 404 of an id that never existed.
	resp, hidden := a.request("GET", img[1], "dave", nil, "", nil)
	_, missing := a.request("GET", "/media/987654", "dave", nil, "", nil)
	// The pages differ only by the path they were asked for.
	if resp.StatusCode != 404 || !bytes.Equal(bytes.ReplaceAll(hidden, []byte(img[1]), []byte("/media/987654")), missing) {
		t.Errorf("non-member: status %d; want 404 identical to a missing id", resp.StatusCode)
	}
	for _, variant := range []string{"/thumb", "/poster"} {
		if resp, _ := a.request("GET", img[1]+variant, "dave", nil, "", nil); resp.StatusCode != 404 {
			t.Errorf("non-member %s: status %d, want 404", variant, resp.StatusCode)
		}
	}
	// A signed-out visitor is sent to sign in, learning nothing.
	if resp, _ := a.request("GET", img[1], "", nil, "", nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("signed out: status %d, want a redirect to sign in", resp.StatusCode)
	}
}

func TestUploadThenAttachAClip(t *testing.T) {
	a := newMediaApp(t)
	data := clip(t, "live.webm")

	// The composer's script uploads first and gets JSON back.
	body, ct := form(nil, "recording.webm", data)
	resp, out := a.request("POST", "/uploads", "alice", body, ct, nil)
	var up struct {
		ID          int64  `json:"id"`
		URL         string `json:"url"`
		ContentType string `json:"content_type"`
		Label       string `json:"label"`
	}
	if err := json.Unmarshal(out, &up); err != nil || resp.StatusCode != 201 || up.ContentType != "video/webm" || up.Label != "Clip 0:02" {
		t.Fatalf("upload: status %d, %s; want 201 with a WebM clip of 0:02", resp.StatusCode, out)
	}
	for _, bad := range []struct{ name, data, want string }{
		{"evil.svg", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`, "refused_type"},
		{"page.mp4", "<html><body>hi</body></html>", "refused_type"},
	} {
		body, ct := form(nil, bad.name, []byte(bad.data))
		resp, out := a.request("POST", "/uploads", "alice", body, ct, nil)
		if resp.StatusCode != 422 || !strings.Contains(string(out), `"code":"type"`) {
			t.Errorf("upload %s: status %d, %s; want 422 and code type", bad.name, resp.StatusCode, out)
		}
	}

	// Unattached, it is the uploader's alone.
	if resp, _ := a.request("GET", up.URL, "bodil", nil, "", nil); resp.StatusCode != 404 {
		t.Errorf("another person's unattached upload: status %d, want 404", resp.StatusCode)
	}
	// Someone else cannot attach it.
	post := url.Values{"type": {"tip"}, "title": {"Shortcut in the CRM"}, "body": {"Watch the clip."}, "language": {"en"}, "attachments": {itoaWeb(up.ID)}}
	resp, _ = a.request("POST", "/c/saljcoacher/posts", "bodil", strings.NewReader(post.Encode()), "application/x-www-form-urlencoded", nil)
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("attaching another person's upload: status %d, want 400", resp.StatusCode)
	}
	resp, _ = a.request("POST", "/c/saljcoacher/posts", "alice", strings.NewReader(post.Encode()), "application/x-www-form-urlencoded", nil)
	m := postIDRe.FindStringSubmatch(resp.Header.Get("Location"))
	if m == nil {
		t.Fatalf("post with clip: status %d", resp.StatusCode)
	}
	if _, err := jobs.New(a.s, nil, a.m.Jobs()).RunDue(context.Background()); err != nil {
		t.Fatal(err)
	}

	_, page := a.request("GET", "/p/"+m[1], "bodil", nil, "", nil)
	for _, want := range []string{`<video controls preload="metadata" playsinline src="` + up.URL + `"`, `<span class="duration">0:02</span>`, "Open full size"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("post page lacks %q", want)
		}
	}
	if a.m.FFmpeg != "" && !strings.Contains(string(page), `poster="`+up.URL+`/poster"`) {
		t.Errorf("post page has no poster although ffmpeg is installed")
	}
	_, feed := a.request("GET", "/c/saljcoacher", "bodil", nil, "", nil)
	if !regexp.MustCompile(`class="clip-badge"[^>]*>▶ Clip`).Match(feed) {
		t.Errorf("the community feed does not mark the post as a clip")
	}

	// Safe serving, with ranges.
	resp, got := a.request("GET", up.URL, "bodil", nil, "", nil)
	h := resp.Header
	if resp.StatusCode != 200 || !bytes.Equal(got, data) || h.Get("Content-Type") != "video/webm" || h.Get("X-Content-Type-Options") != "nosniff" ||
		h.Get("Content-Security-Policy") != "default-src 'none'; sandbox" || !strings.HasPrefix(h.Get("Cache-Control"), "private") {
		t.Errorf("clip: status %d, headers %v", resp.StatusCode, h)
	}
	resp, got = a.request("GET", up.URL, "bodil", nil, "", http.Header{"Range": {"bytes=1000-1999"}})
	if resp.StatusCode != http.StatusPartialContent || !bytes.Equal(got, data[1000:2000]) {
		t.Errorf("range: status %d, %d bytes; want 206 and bytes 1000–1999", resp.StatusCode, len(got))
	}
	if resp, _ := a.request("GET", up.URL, "dave", nil, "", http.Header{"Range": {"bytes=0-9"}}); resp.StatusCode != 404 {
		t.Errorf("range as non-member: status %d, want 404", resp.StatusCode)
	}
}

func itoaWeb(n int64) string { return strconv.FormatInt(n, 10) }

func TestCommentWithFile(t *testing.T) {
	a := newMediaApp(t)
	post := url.Values{"type": {"tip"}, "title": {"Printer settings that work"}, "body": {"Use duplex."}, "language": {"en"}}
	resp, _ := a.request("POST", "/c/saljcoacher/posts", "alice", strings.NewReader(post.Encode()), "application/x-www-form-urlencoded", nil)
	m := postIDRe.FindStringSubmatch(resp.Header.Get("Location"))
	if m == nil {
		t.Fatalf("post: status %d", resp.StatusCode)
	}
	body, ct := form(url.Values{"body": {"Here is the settings page as a PDF."}, "parent": {"0"}}, "settings.pdf",
		[]byte("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"))
	resp, _ = a.request("POST", "/p/"+m[1]+"/comments", "bodil", body, ct, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("comment with a PDF: status %d, want 303", resp.StatusCode)
	}
	_, page := a.request("GET", "/p/"+m[1], "alice", nil, "", nil)
	link := regexp.MustCompile(`<a class="btn small subtle" href="(/media/\d+)" download>`).FindSubmatch(page)
	if link == nil {
		t.Fatalf("the comment's PDF is not listed")
	}
	resp, _ = a.request("GET", string(link[1]), "alice", nil, "", nil)
	if resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment; filename=\"tacit-") {
		t.Errorf("PDF served as %q, %q; want a download with a safe name", resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"))
	}
}

func TestLargeBodiesOnlyWhereFilesGo(t *testing.T) {
	a := newMediaApp(t)
	big := bytes.Repeat([]byte("x"), 64<<10) // over the 4 KiB body limit's form allowance
	body, ct := form(url.Values{"email": {"a@example.se"}}, "big.bin", big)
	if resp, _ := a.request("POST", "/signin", "", body, ct, nil); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("large multipart sign-in form: status %d, want 413", resp.StatusCode)
	}
	body, ct = form(nil, "big.bin", big)
	if resp, _ := a.request("POST", "/uploads", "alice", body, ct, nil); resp.StatusCode == http.StatusRequestEntityTooLarge {
		t.Errorf("a 64 KiB upload was refused by the form limit")
	}
}

func TestNewAccountUploadLimit(t *testing.T) {
	a := newMediaAppWith(t, store.NewAccountLimits{Age: 24 * time.Hour, PerHour: 100, UploadsPerHour: 1})
	body, ct := form(nil, "first.webm", clip(t, "live.webm"))
	if resp, out := a.request("POST", "/uploads", "alice", body, ct, nil); resp.StatusCode != 201 {
		t.Fatalf("first upload: status %d, %s", resp.StatusCode, out)
	}
	body, ct = form(nil, "second.webm", clip(t, "live.webm"))
	resp, out := a.request("POST", "/uploads", "alice", body, ct, nil)
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(string(out), `"code":"too_many_requests"`) {
		t.Fatalf("second upload of a new account: status %d, %s; want 429", resp.StatusCode, out)
	}
	if secs, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || secs < 1 || secs > 3600 {
		t.Errorf("Retry-After = %q, want 1–3600 seconds", resp.Header.Get("Retry-After"))
	}
	body, ct = form(nil, "bodils.webm", clip(t, "live.webm"))
	if resp, out := a.request("POST", "/uploads", "bodil", body, ct, nil); resp.StatusCode != 201 {
		t.Errorf("another new account's first upload: status %d, %s", resp.StatusCode, out)
	}
}
