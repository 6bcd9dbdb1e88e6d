package api

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// countingReader counts how much of a body the server read.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestOversizedBodyIsRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{MaxBodyBytes: 1 << 10})
	huge := `{"type":"tip","title":"Ett stort tips","body":"` + strings.Repeat("x", 8<<20) + `"}`

	for _, known := range []bool{true, false} {
		cr := &countingReader{r: strings.NewReader(huge)}
		var body io.Reader = cr
		req := httptest.NewRequest("POST", "/api/v1/communities/fika/posts", body)
		if known {
			req.ContentLength = int64(len(huge))
		} else {
			req.ContentLength = -1 // sent chunked: the size is learnt by reading
		}
		req.Header.Set("Authorization", "Bearer "+f.tokens["member"])
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), `"code":"too_large"`) {
			t.Errorf("known length %v: %d %s, want 413 too_large", known, rec.Code, rec.Body)
		}
		if cr.n > f.api.maxRequest+64<<10 {
			t.Errorf("known length %v: read %d bytes of an %d-byte body; the limit is %d", known, cr.n, len(huge), f.api.maxRequest)
		}
	}

	// A body within the request limit but over the text limit is a field error.
	long := `{"type":"tip","title":"Ett långt tips","body":"` + strings.Repeat("y", 1500) + `"}`
	rec := f.do("POST", "/api/v1/communities/fika/posts", long, "member")
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"body":"This is too long."`) {
		t.Errorf("long body: %d %s, want 400 with body too long", rec.Code, rec.Body)
	}
	rec = f.do("POST", "/api/v1/posts/{{question}}/answers", `{"body":"`+strings.Repeat("z", 1500)+`"}`, "member")
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"body":"This is too long."`) {
		t.Errorf("long answer: %d %s, want 400 with body too long", rec.Code, rec.Body)
	}
}

func TestMalformedJSON(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	rows := []scenario{
		{name: "cut short", body: `{"type":"tip","title":`, wantStatus: 400, wantContains: []string{`"code":"bad_request"`}},
		{name: "not JSON", body: `type=tip&title=x`, wantStatus: 400, wantContains: []string{`"code":"bad_request"`}},
		{name: "trailing data", body: `{"type":"tip","title":"Ett tips","body":"Text"} {"more":1}`, wantStatus: 400, wantContains: []string{`"code":"bad_request"`}},
		{name: "trailing garbage", body: `{"type":"tip","title":"Ett tips","body":"Text"}x`, wantStatus: 400},
		{name: "an array", body: `[{"type":"tip"}]`, wantStatus: 400, wantContains: []string{`"code":"bad_request"`}},
		{name: "empty", body: ``, wantStatus: 400, wantContains: []string{`"code":"bad_request"`}},
		{name: "wrong type for a string", body: `{"type":"tip","title":5,"body":"Text"}`, wantStatus: 400, wantContains: []string{`"fields":{"title":"This must be a string."}`}},
		{name: "wrong type for a list", body: `{"type":"tip","title":"Ett tips","body":"Text","tags":"crm"}`, wantStatus: 400, wantContains: []string{`"tags":"This must be a list."`}},
		{name: "wrong type for a flag", body: `{"type":"question","title":"En fråga?","body":"Text","anonymous":"yes"}`, wantStatus: 400, wantContains: []string{`"anonymous":"This must be true or false."`}},
		{name: "unknown field", body: `{"type":"tip","title":"Ett tips","body":"Text","author_id":1}`, wantStatus: 400, wantContains: []string{`"author_id":"This field is not known."`}},
		{name: "well formed", body: `{"type":"tip","title":"Ett tips","body":"Text"}`, wantStatus: 201},
	}
	for i := range rows {
		rows[i].method, rows[i].url, rows[i].as = "POST", "/api/v1/communities/fika/posts", "member"
	}
	rows = append(rows,
		scenario{name: "wrong type for an id", method: "POST", url: "/api/v1/posts/{{question}}/accept", as: "member", body: `{"answer_id":"7"}`,
			wantStatus: 400, wantContains: []string{`"answer_id":"This must be a whole number."`}},
		scenario{name: "optional body malformed", method: "POST", url: "/api/v1/communities/fika/join", as: "outsider", body: `{"message":`, wantStatus: 400},
		scenario{name: "optional body absent", method: "POST", url: "/api/v1/communities/fika/join", as: "outsider", wantStatus: 200},
	)
	f.run(t, rows, nil)
}

func TestValidationNamesEveryField(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	rec := f.do("POST", "/api/v1/communities/fika/posts", `{"type":"","title":"","body":"","tags":["ok","inte ok!"]}`, "member")
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status %d, want 400: %s", rec.Code, rec.Body)
	}
	got := decodeJSON[map[string]apiError](t, rec)["error"]
	want := map[string]string{
		"type":  "This field is required.",
		"title": "This field is required.",
		"body":  "This field is required.",
		"tags":  "Tags are lower-case words, digits and hyphens, at most 32 characters.",
	}
	if got.Code != "validation" || got.Message != "Some fields need attention." {
		t.Errorf("code %q message %q, want validation", got.Code, got.Message)
	}
	for field, msg := range want {
		if got.Fields[field] != msg {
			t.Errorf("field %s: %q, want %q", field, got.Fields[field], msg)
		}
	}
	if len(got.Fields) != len(want) {
		t.Errorf("fields %v, want exactly %v", got.Fields, want)
	}
}

// TestServerErrorsAreGeneric checks that a failure inside the store reaches
// the client as a generic 500 and the log once, with the cause.
func TestServerErrorsAreGeneric(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	var logged bytes.Buffer
	f.api.log = slogTo(&logged)
	f.s.Close() // every store call now fails
	rec := f.do("GET", "/api/v1/me", "", "member")
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500: %s", rec.Code, rec.Body)
	}
	want := `{"error":{"code":"internal","message":"Something went wrong on our side. Try again in a moment."}}` + "\n"
	if rec.Body.String() != want {
		t.Errorf("body %q, want %q", rec.Body, want)
	}
	if n := strings.Count(logged.String(), "api: request failed"); n != 1 {
		t.Errorf("logged %d times, want once: %s", n, logged.String())
	}
	if !strings.Contains(logged.String(), "closed") || !strings.Contains(logged.String(), "path=/api/v1/me") {
		t.Errorf("log lacks the cause or the request: %s", logged.String())
	}
}
