package main

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// TestAttachOnlyOwnUploads: a member of the open community names, in the
// forms and API calls that attach files, an upload that is not theirs —
// the secret question's picture, the member's upload not attached yet, the
// anonymous question's picture — and an id that never existed. Each is
// refused exactly like the id that never existed, and nothing changes:
// attaching is no way to read, take or move someone else's file.
func TestAttachOnlyOwnUploads(t *testing.T) {
	a := newSweepApp(t)
	v := a.viewers["outsider"]
	kafePost := a.own["post"] // the member's question in kafe, which the outsider may answer
	cases := []struct{ method, path, body string }{
		{"POST", "/c/kafe/posts", "type=tip&title=Ett+tips+med+bild&body=Se+bilden&tags=kaffe&language=sv&action=publish&attachments={upload}"},
		{"POST", "/p/" + kafePost + "/answers", "body=Ett+svar+med+bild&attachments={upload}"},
		{"POST", "/p/" + kafePost + "/comments", "body=En+kommentar+med+bild&parent=" + a.own["reply"] + "&attachments={upload}"},
		{"POST", "/api/v1/communities/kafe/posts", `{"type":"tip","title":"Ett tips med bild","body":"Se bilden","tags":["kaffe"],"attachments":[{upload}]}`},
		{"POST", "/api/v1/posts/" + kafePost + "/answers", `{"body":"Ett svar med bild","attachments":[{upload}]}`},
		{"POST", "/api/v1/posts/" + kafePost + "/comments", `{"body":"En kommentar med bild","parent_id":` + a.own["reply"] + `,"attachments":[{upload}]}`},
	}
	for _, c := range cases {
		ctype := "application/x-www-form-urlencoded"
		if strings.HasPrefix(c.path, "/api/") {
			ctype = "application/json"
		}
		send := func(upload string) response {
			before := a.snapshot()
			res := a.do(c.method, c.path, ctype, strings.ReplaceAll(c.body, "{upload}", upload), v)
			if a.snapshot() != before {
				t.Errorf("%s %s with upload %s changed the store (answered %d)", c.method, c.path, upload, res.status)
			}
			return res
		}
		missing := send(a.missing["upload"])
		if missing.status < 400 {
			t.Errorf("%s %s with an upload that never existed: %d", c.method, c.path, missing.status)
		}
		for name, f := range map[string]fill{"secret": a.secret, "member's own": a.own, "anonymous": a.anon} {
			res := send(f["upload"])
			r := request{path: c.path}
			if got, want := normalised(res, r), normalised(missing, r); got != want {
				t.Errorf("%s %s with the %s upload answers unlike one that never existed:\n%s\n---\n%s", c.method, c.path, name, clipDiff(got, want), clipDiff(want, got))
			}
			if found := a.leaks(res.body); len(found) > 0 {
				t.Errorf("%s %s with the %s upload leaks %q", c.method, c.path, name, found)
			}
		}
	}
	// Control: the outsider's own upload is attached by the same request.
	own := a.upload(v, "ottos-bild.png")
	res := a.do("POST", "/api/v1/posts/"+kafePost+"/answers", "application/json", `{"body":"Ett svar med min bild","attachments":[`+strconv.FormatInt(own, 10)+`]}`, v)
	if res.status != http.StatusCreated {
		t.Fatalf("control: attaching one's own upload answered %d: %s", res.status, res.body)
	}
	if got := a.do("GET", "/media/"+strconv.FormatInt(own, 10), "", "", a.viewers["member"]); got.status != http.StatusOK {
		t.Errorf("control: the attached upload is not readable by another reader of kafe: %d", got.status)
	}
}
