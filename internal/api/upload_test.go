package api

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// formBoundary marks a scenario body as a multipart form (see fixture.do).
const formBoundary = "tacit-test-boundary"

// multipartFile is a multipart body with one file in the field "file".
func multipartFile(name string, data []byte) string {
	var b strings.Builder
	b.WriteString("--" + formBoundary + "\r\n")
	b.WriteString(`Content-Disposition: form-data; name="file"; filename="` + name + "\"\r\n")
	b.WriteString("Content-Type: application/octet-stream\r\n\r\n")
	b.Write(data)
	b.WriteString("\r\n--" + formBoundary + "--\r\n")
	return b.String()
}

// testPNG is a small real image.
func testPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

// uploadScenarios upload, attach and read files; they run with the write
// scenarios, before anyone leaves the closed community.
func uploadScenarios() []scenario {
	return []scenario{
		{name: "upload an image", method: "POST", url: "/api/v1/uploads", as: "member", body: multipartFile("photo.png", testPNG()), wantStatus: 201,
			wantContains:    []string{`"content_type":"image/png"`, `"kind":"image"`, `"width":8`, `"height":6`, `"attached":false`},
			wantNotContains: []string{"photo.png", "Mia"}},
		{name: "upload an HTML file named .mp4", method: "POST", url: "/api/v1/uploads", as: "member",
			body: multipartFile("clip.mp4", []byte("<!doctype html><script>alert(1)</script>")), wantStatus: 415, wantContains: []string{`"code":"refused_type"`}},
		{name: "upload an SVG with a script", method: "POST", url: "/api/v1/uploads", as: "member",
			body: multipartFile("logo.png", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`)), wantStatus: 415},
		{name: "upload without a file", method: "POST", url: "/api/v1/uploads", as: "member", body: `{"file":"x"}`, wantStatus: 400},
		{name: "upload with read token", method: "POST", url: "/api/v1/uploads", as: "member-read", body: multipartFile("a.png", testPNG()), wantStatus: 403},
		{name: "upload without token", method: "POST", url: "/api/v1/uploads", body: multipartFile("a.png", testPNG()), wantStatus: 401},

		{name: "own unattached upload", method: "GET", url: "/api/v1/uploads/{{member_upload}}", as: "member", wantStatus: 200,
			wantContains: []string{`"id":{{member_upload}}`, `"url":"/media/{{member_upload}}"`}},
		{name: "someone else's unattached upload", method: "GET", url: "/api/v1/uploads/{{member_upload}}", as: "owner", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "upload never existed", method: "GET", url: "/api/v1/uploads/999999", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "own unattached upload's bytes", method: "GET", url: "/api/v1/uploads/{{member_upload}}/content", as: "member", wantStatus: 200, wantContains: []string{"PNG"}},
		{name: "someone else's unattached bytes", method: "GET", url: "/api/v1/uploads/{{member_upload}}/content", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},

		{name: "attach someone else's upload", method: "POST", url: "/api/v1/communities/fika/posts", as: "owner",
			body: `{"type":"tip","title":"Ett tips med bild","body":"Se bilden","attachments":[{{member_upload}}]}`, wantStatus: 400,
			wantContains: []string{`"attachments":"One of the attached files is no longer available. Attach it again."`}},
		{name: "attach to a closed community's post", method: "POST", url: "/api/v1/communities/salj/posts", as: "member",
			body: `{"type":"tip","title":"Skärmbild av säljtavlan","body":"Se bilden","attachments":[{{member_upload}}]}`, wantStatus: 201},
		{name: "attached file is listed with the post", method: "GET", url: "/api/v1/uploads/{{member_upload}}", as: "member", wantStatus: 200, wantContains: []string{`"attached":true`}},
		{name: "closed community's file to a member", method: "GET", url: "/api/v1/uploads/{{member_upload}}/content", as: "member", wantStatus: 200},
		{name: "closed community's file to a non-member", method: "GET", url: "/api/v1/uploads/{{member_upload}}/content", as: "anon", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "closed community's file facts to a non-member", method: "GET", url: "/api/v1/uploads/{{member_upload}}", as: "anon", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "closed community's file to an org admin", method: "GET", url: "/api/v1/uploads/{{member_upload}}/content", as: "admin-admin", wantStatus: 404},
		{name: "an upload attaches once", method: "POST", url: "/api/v1/posts/{{salj_post}}/comments", as: "member",
			body: `{"body":"Samma bild igen","attachments":[{{member_upload}}]}`, wantStatus: 400},

		// Files added and removed in an edit, by whoever may edit only.
		{name: "author adds files in an edit", method: "PATCH", url: "/api/v1/posts/{{ledning_post}}", as: "owner",
			body: `{"add_attachments":[{{owner_upload}},{{owner_upload2}}]}`, wantStatus: 200},
		{name: "the added files are on the post", method: "GET", url: "/api/v1/posts/{{ledning_post}}", as: "member", wantStatus: 200,
			wantContains: []string{`"attachments":[{"id":{{owner_upload}},`, `{"id":{{owner_upload2}},`}},
		{name: "a member who may not edit cannot remove a file", method: "PATCH", url: "/api/v1/posts/{{ledning_post}}", as: "member",
			body: `{"remove_attachments":[{{owner_upload}}]}`, wantStatus: 403},
		{name: "a member who may not edit cannot add a file", method: "PATCH", url: "/api/v1/posts/{{ledning_post}}", as: "member",
			body: `{"add_attachments":[{{member_upload}}]}`, wantStatus: 403},
		{name: "a file cannot move from another person's post", method: "PATCH", url: "/api/v1/posts/{{anon_q}}", as: "anon",
			body: `{"add_attachments":[{{owner_upload}}]}`, wantStatus: 400, wantContains: []string{`"add_attachments":`}},
		{name: "a file of another person's post cannot be removed through one's own", method: "PATCH", url: "/api/v1/posts/{{anon_q}}", as: "anon",
			body: `{"remove_attachments":[{{owner_upload}}]}`, wantStatus: 400, wantContains: []string{`"remove_attachments":`}},
		{name: "someone else's unattached upload cannot be added", method: "PATCH", url: "/api/v1/posts/{{ledning_post}}", as: "owner",
			body: `{"add_attachments":[{{anon_upload}}]}`, wantStatus: 400, wantContains: []string{`"add_attachments":`}},
		{name: "the other post's file is still there", method: "GET", url: "/api/v1/uploads/{{owner_upload}}", as: "owner", wantStatus: 200,
			wantContains: []string{`"attached":true`}},
		{name: "author removes a file in an edit", method: "PATCH", url: "/api/v1/posts/{{ledning_post}}", as: "owner",
			body: `{"remove_attachments":[{{owner_upload}}]}`, wantStatus: 200, wantContains: []string{`"title":"Topphemlig omorganisation"`}},
		{name: "a removed file is gone", method: "GET", url: "/api/v1/uploads/{{owner_upload}}", as: "owner", wantStatus: 404},
		{name: "the other file stays", method: "GET", url: "/api/v1/uploads/{{owner_upload2}}", as: "member", wantStatus: 200},
	}
}

func TestNewAccountUploadLimit(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{NewAccounts: store.NewAccountLimits{Age: 24 * time.Hour, PerHour: 100, UploadsPerHour: 2}})
	// The fixture already holds one upload of Mia's from this hour.
	if rec := f.do("POST", "/api/v1/uploads", multipartFile("a.png", testPNG()), "member"); rec.Code != http.StatusCreated {
		t.Fatalf("second upload within the limit: status %d; body %s", rec.Code, rec.Body)
	}
	rec := f.do("POST", "/api/v1/uploads", multipartFile("b.png", testPNG()), "member")
	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("third upload: status %d, want 429; body %s", rec.Code, rec.Body)
	}
	if secs, err := strconv.Atoi(rec.Header().Get("Retry-After")); err != nil || secs < 1 || secs > 3600 {
		t.Errorf("Retry-After = %q, want 1–3600 seconds", rec.Header().Get("Retry-After"))
	}
	if !strings.Contains(rec.Body.String(), `"code":"too_many_requests"`) {
		t.Errorf("body %s is not the JSON error", rec.Body)
	}
	// Another new account has its own share.
	if rec := f.do("POST", "/api/v1/uploads", multipartFile("c.png", testPNG()), "outsider"); rec.Code != http.StatusCreated {
		t.Errorf("first upload of another new account: status %d; body %s", rec.Code, rec.Body)
	}
}
