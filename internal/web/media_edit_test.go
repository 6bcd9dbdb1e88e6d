package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
)

// uploadAs sends a file to the script's endpoint and returns its id.
func (a *mediaApp) uploadAs(as, name string, data []byte) string {
	a.t.Helper()
	body, ct := form(nil, name, data)
	resp, out := a.request("POST", "/uploads", as, body, ct, nil)
	var u struct {
		ID int64 `json:"id"`
	}
	if resp.StatusCode != http.StatusCreated || json.Unmarshal(out, &u) != nil {
		a.t.Fatalf("upload as %s: %d %s", as, resp.StatusCode, out)
	}
	return id(u.ID)
}

// files lists the ids of the files a post's page shows (post and replies).
func (a *mediaApp) files(as, path string) []string {
	a.t.Helper()
	_, page := a.request("GET", path, as, nil, "", nil)
	var out []string
	for _, m := range regexp.MustCompile(`<(?:img|video)[^>]* src="/media/(\d+)`).FindAllStringSubmatch(string(page), -1) {
		out = append(out, m[1])
	}
	return out
}

// TestEditAddsAndRemovesFiles: the author adds a file to a post and takes
// one off on the edit page, without JavaScript (a file sent with the form,
// a box to tick) and with it (an id the script uploaded); a reply likewise.
// Nobody else who may not edit can, and nobody moves a file off another
// person's post.
func TestEditAddsAndRemovesFiles(t *testing.T) {
	a := newMediaApp(t)
	ctx := context.Background()
	webm, jpg := clip(t, "clip.webm"), jpegWithGPS(t)

	first := a.uploadAs("bodil", "a.webm", webm)
	post := url.Values{"type": {"tip"}, "title": {"How the pump is set up"}, "body": {"See the clip."}, "language": {"en"}, "attachments": {first}}
	resp, _ := a.request("POST", "/c/saljcoacher/posts", "bodil", strings.NewReader(post.Encode()), "application/x-www-form-urlencoded", nil)
	m := postIDRe.FindStringSubmatch(resp.Header.Get("Location"))
	if m == nil {
		t.Fatalf("post: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	path := "/p/" + m[1]

	// The edit page lists the file with a box to remove it, and takes new ones.
	_, page := a.request("GET", path+"/edit", "bodil", nil, "", nil)
	for _, want := range []string{`enctype="multipart/form-data"`, `name="remove" value="` + first + `"`, `<input type="file" id="file" name="file"`, "Remove when saving"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("edit page lacks %q", want)
		}
	}

	// Without JavaScript: a photo sent with the form, the clip ticked off.
	edit := url.Values{"title": {"How the pump is set up"}, "body": {"See the photo instead."}, "tags": {""}, "remove": {first}}
	body, ct := form(edit, "photo.jpg", jpg)
	resp, out := a.request("POST", path+"/edit", "bodil", body, ct, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit without JavaScript: %d\n%s", resp.StatusCode, out)
	}
	got := a.files("alice", path)
	if len(got) != 1 || got[0] == first {
		t.Fatalf("after the edit the post shows files %v; want just the new photo", got)
	}
	photo := got[0]
	if resp, _ := a.request("GET", "/media/"+first, "bodil", nil, "", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the removed clip: %d, want 404", resp.StatusCode)
	}

	// With JavaScript: the script uploaded a clip and the form carries its id.
	second := a.uploadAs("bodil", "b.webm", webm)
	edit = url.Values{"title": {"How the pump is set up"}, "body": {"Photo and clip."}, "tags": {""}, "attachments": {second}}
	if resp, out := a.request("POST", path+"/edit", "bodil", strings.NewReader(edit.Encode()), "application/x-www-form-urlencoded", nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit with the script's upload: %d\n%s", resp.StatusCode, out)
	}
	if got := a.files("alice", path); len(got) != 2 {
		t.Fatalf("after adding a clip the post shows %v; want the photo and the clip", got)
	}

	// Dave, outside the closed community, may not even read the post.
	daveFile := a.uploadAs("dave", "d.jpg", jpg)
	edit = url.Values{"title": {"How the pump is set up"}, "body": {"Hijacked."}, "tags": {""}, "attachments": {daveFile}, "remove": {photo}}
	if resp, _ := a.request("POST", path+"/edit", "dave", strings.NewReader(edit.Encode()), "application/x-www-form-urlencoded", nil); resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusForbidden {
		t.Errorf("an outsider's edit: %d, want 404 or 403", resp.StatusCode)
	}

	// A member who is not the author may read but not edit.
	if err := a.s.AddMember(ctx, 0, mustCommunity(t, a, "saljcoacher"), mustPerson(t, a, "dave@example.se"), store.RoleMember); err != nil {
		t.Fatal(err)
	}
	resp, _ = a.request("POST", path+"/edit", "dave", strings.NewReader(edit.Encode()), "application/x-www-form-urlencoded", nil)
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a member's edit of someone else's post: %d, want 403", resp.StatusCode)
	}
	if got := a.files("alice", path); len(got) != 2 {
		t.Errorf("after refused edits the post shows %v; want its two files", got)
	}

	// Nobody moves a file from another person's post: Dave's own post's
	// photo cannot be attached to his reply, nor removed through a post it
	// is not on.
	theirs := a.uploadAs("dave", "e.jpg", jpg)
	dpost := url.Values{"type": {"tip"}, "title": {"Dave's own tip"}, "body": {"Mine."}, "language": {"en"}, "attachments": {theirs}, "accept_code_of_conduct": {"on"}}
	resp, _ = a.request("POST", "/c/saljcoacher/posts", "dave", strings.NewReader(dpost.Encode()), "application/x-www-form-urlencoded", nil)
	dm := postIDRe.FindStringSubmatch(resp.Header.Get("Location"))
	if dm == nil {
		t.Fatalf("dave's post: %d", resp.StatusCode)
	}
	edit = url.Values{"title": {"How the pump is set up"}, "body": {"Photo and clip."}, "tags": {""}, "attachments": {theirs}}
	resp, out = a.request("POST", path+"/edit", "bodil", strings.NewReader(edit.Encode()), "application/x-www-form-urlencoded", nil)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(out), "no longer available") {
		t.Errorf("attaching a file of another post: %d; want 400 with a message", resp.StatusCode)
	}
	edit = url.Values{"title": {"Dave's own tip"}, "body": {"Mine."}, "tags": {""}, "remove": {photo}}
	resp, _ = a.request("POST", "/p/"+dm[1]+"/edit", "dave", strings.NewReader(edit.Encode()), "application/x-www-form-urlencoded", nil)
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("removing another post's file through one's own post: %d, want 400", resp.StatusCode)
	}
	if got := a.files("alice", path); len(got) != 2 {
		t.Errorf("Bodil's post shows %v; want its two files still", got)
	}
	if got := a.files("alice", "/p/"+dm[1]); len(got) != 1 || got[0] != theirs {
		t.Errorf("Dave's post shows %v; want his photo still", got)
	}

	// A reply: its author adds and removes files on its edit page.
	answer := url.Values{"body": {"Here is mine."}, "attachments": {a.uploadAs("dave", "f.jpg", jpg)}}
	resp, _ = a.request("POST", path+"/comments", "dave", strings.NewReader(answer.Encode()), "application/x-www-form-urlencoded", nil)
	rm := regexp.MustCompile(`#r(\d+)$`).FindStringSubmatch(resp.Header.Get("Location"))
	if rm == nil {
		t.Fatalf("comment: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	replyFiles, err := a.s.Attachments(ctx, mustInt(t, m[1]))
	if err != nil || len(replyFiles[mustInt(t, rm[1])]) != 1 {
		t.Fatalf("comment files: %v %v", replyFiles, err)
	}
	old := id(replyFiles[mustInt(t, rm[1])][0].ID)
	_, page = a.request("GET", "/r/"+rm[1]+"/edit", "dave", nil, "", nil)
	if !strings.Contains(string(page), `name="remove" value="`+old+`"`) || !strings.Contains(string(page), `name="file"`) {
		t.Errorf("reply edit page lacks the file list or the file field")
	}
	body, ct = form(url.Values{"body": {"Here is mine, better."}, "remove": {old}}, "g.jpg", jpg)
	if resp, out := a.request("POST", "/r/"+rm[1]+"/edit", "bodil", body, ct, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("someone else edits the reply's files: %d %s", resp.StatusCode, out)
	}
	body, ct = form(url.Values{"body": {"Here is mine, better."}, "remove": {old}}, "g.jpg", jpg)
	if resp, out := a.request("POST", "/r/"+rm[1]+"/edit", "dave", body, ct, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply edit: %d\n%s", resp.StatusCode, out)
	}
	replyFiles, _ = a.s.Attachments(ctx, mustInt(t, m[1]))
	if fs := replyFiles[mustInt(t, rm[1])]; len(fs) != 1 || id(fs[0].ID) == old {
		t.Errorf("reply files after the edit: %+v; want only the new photo", fs)
	}
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func mustPerson(t *testing.T, a *mediaApp, email string) int64 {
	t.Helper()
	p, err := a.s.PersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return p.ID
}

func mustCommunity(t *testing.T, a *mediaApp, slug string) int64 {
	t.Helper()
	c, err := a.s.CommunityBySlug(context.Background(), store.Viewer{ID: mustPerson(t, a, "alice@example.se")}, slug)
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// TestClipShowsAsAClipEverywhere: a post with a clip is marked as a clip in
// the home feed, the community feed, search results and the Atom feeds; a
// post with only a photo is not.
func TestClipShowsAsAClipEverywhere(t *testing.T) {
	a := newMediaApp(t)
	ctx := context.Background()
	newPost := func(title, name string, data []byte) string {
		t.Helper()
		up := a.uploadAs("bodil", name, data)
		post := url.Values{"type": {"tip"}, "title": {title}, "body": {"Zebrafink " + title}, "language": {"en"}, "attachments": {up}}
		resp, _ := a.request("POST", "/c/saljcoacher/posts", "bodil", strings.NewReader(post.Encode()), "application/x-www-form-urlencoded", nil)
		m := postIDRe.FindStringSubmatch(resp.Header.Get("Location"))
		if m == nil {
			t.Fatalf("post %q: %d", title, resp.StatusCode)
		}
		return m[1]
	}
	clipPost := newPost("Calibrating the sensor", "c.webm", clip(t, "clip.webm"))
	photoPost := newPost("The sensor mounted", "p.jpg", jpegWithGPS(t))

	// card returns the feed card (or search hit) of a post on a page.
	card := func(page []byte, postID string) string {
		t.Helper()
		for _, li := range strings.Split(string(page), `<li class="post-card">`)[1:] {
			if strings.Contains(li, `href="/p/`+postID+`"`) {
				return li
			}
		}
		t.Fatalf("post %s is not on the page", postID)
		return ""
	}
	badge := regexp.MustCompile(`class="clip-badge"[^>]*>▶ Clip`)
	for _, page := range []string{"/", "/c/saljcoacher", "/search?q=zebrafink"} {
		_, out := a.request("GET", page, "alice", nil, "", nil)
		if !badge.MatchString(card(out, clipPost)) {
			t.Errorf("%s does not show the post with a clip as a clip", page)
		}
		if badge.MatchString(card(out, photoPost)) {
			t.Errorf("%s shows the post with a photo as a clip", page)
		}
	}

	// The Atom feeds, read with the feed token of a member.
	secret := "feedtoken-alice-0123456789"
	if err := a.s.CreateFeedToken(ctx, mustPerson(t, a, "alice@example.se"), auth.HashSecret(secret)); err != nil {
		t.Fatal(err)
	}
	for _, feed := range []string{"/feed.atom", "/c/saljcoacher/feed.atom"} {
		resp, out := a.request("GET", feed+"?token="+secret, "", nil, "", nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", feed, resp.StatusCode)
		}
		entries := strings.Split(string(out), "<entry>")[1:]
		seen := 0
		for _, e := range entries {
			isClip := strings.Contains(e, `<category term="clip" scheme="urn:tacit:media" label="Clip"></category>`) && strings.Contains(e, "<summary type=\"text\">▶ Clip · ")
			switch {
			case strings.Contains(e, "/p/"+clipPost+"<"):
				seen++
				if !isClip {
					t.Errorf("%s: the clip's entry is not marked as a clip:\n%s", feed, e)
				}
			case strings.Contains(e, "/p/"+photoPost+"<"):
				seen++
				if strings.Contains(e, "urn:tacit:media") {
					t.Errorf("%s: the photo's entry is marked as a clip", feed)
				}
			}
		}
		if seen != 2 {
			t.Errorf("%s has %d of the two posts", feed, seen)
		}
	}
}
