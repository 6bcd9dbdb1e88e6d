package web_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

func TestNotificationsPage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	// Alice answers Bodil's anonymous question; Bodil thanks her with a
	// mention in a comment, still anonymous.
	anon := id(f.posts["anon"])
	if resp, _ := f.do("POST", "/p/"+anon+"/answers", "alice", url.Values{"body": {"Säg vänligt men tydligt nej."}}); resp.StatusCode != 303 {
		t.Fatalf("answer: %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/p/"+anon+"/comments", "bodil", url.Values{"body": {"Tack @alice!"}}); resp.StatusCode != 303 {
		t.Fatalf("comment: %d", resp.StatusCode)
	}
	_, body := f.do("GET", "/notifications", "bodil", nil)
	if !strings.Contains(body, "Alice Ägare svarade på ”Hur säger jag nej till min chef?”") {
		t.Errorf("asker's notifications lack the answer:\n%s", body)
	}
	if !strings.Contains(body, `class="unread" data-unread>1<`) {
		t.Error("header does not count one unread notification")
	}
	_, body = f.do("GET", "/notifications", "alice", nil)
	if !strings.Contains(body, "Anonym medlem nämnde dig i ”Hur säger jag nej till min chef?”") || strings.Contains(body, anonName) {
		t.Errorf("mention by the anonymous asker:\n%s", body)
	}
	_, body = f.do("GET", "/p/"+anon, "dave", nil)
	if !strings.Contains(body, `class="mention">@alice</a>`) {
		t.Error("mention is not a link on the post page")
	}
	// Every page shows the count.
	if _, body = f.do("GET", "/c", "alice", nil); !strings.Contains(body, `data-unread>`) || strings.Contains(body, `data-unread hidden`) {
		t.Error("directory page lacks the unread count")
	}
	if resp, _ := f.do("POST", "/notifications/read", "alice", url.Values{"all": {"1"}}); resp.StatusCode != 303 {
		t.Fatalf("mark all read: %d", resp.StatusCode)
	}
	if _, body = f.do("GET", "/c", "alice", nil); !strings.Contains(body, `data-unread hidden`) {
		t.Error("unread count still shown after marking all read")
	}
	// Marking one group read with the form's ids.
	ns, _, _ := f.s.Notifications(ctx, f.people["bodil"].ID, 0, 10)
	if resp, _ := f.do("POST", "/notifications/read", "bodil", url.Values{"ids": {id(ns[0].ID) + ",x,"}}); resp.StatusCode != 303 {
		t.Fatalf("mark read: %d", resp.StatusCode)
	}
	if n, _ := f.s.UnreadCount(ctx, f.people["bodil"].ID); n != 0 {
		t.Errorf("unread after marking read: %d", n)
	}
	if resp, _ := f.do("GET", "/notifications", "", nil); resp.StatusCode != 303 {
		t.Errorf("signed-out visitor: %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/notifications/read", "", url.Values{"all": {"1"}}); resp.StatusCode != 403 {
		t.Errorf("signed-out mark read: %d", resp.StatusCode)
	}
}

func TestMentionSuggestions(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	suggest := func(as, query string) (int, []store.MentionCandidate) {
		resp, body := f.do("GET", "/mentions?"+query, as, nil)
		var out []store.MentionCandidate
		if resp.StatusCode == 200 {
			if err := json.Unmarshal([]byte(body), &out); err != nil {
				t.Fatalf("%s: %v", body, err)
			}
		}
		return resp.StatusCode, out
	}
	if code, got := suggest("alice", "c=allmant&q=d"); code != 200 || len(got) != 1 || got[0].Handle != "dave" || got[0].Name != "Dave Utanför" {
		t.Errorf("open community: %d %+v", code, got)
	}
	// Only members of a closed community are offered, and only to those who can read it.
	if code, got := suggest("alice", "c=saljcoacher&q="); code != 200 || len(got) != 0 {
		t.Errorf("closed community with no other member: %d %+v", code, got)
	}
	if code, _ := suggest("dave", "c=saljcoacher&q=a"); code != 404 {
		t.Errorf("an outsider asks for a closed community's members: %d", code)
	}
	if code, _ := suggest("dave", "post="+id(f.posts["secret"])+"&q=a"); code != 404 {
		t.Errorf("an outsider asks about a secret post: %d", code)
	}
	if code, got := suggest("dave", "post="+id(f.posts["open"])+"&q=b"); code != 200 || len(got) != 1 || got[0].Handle != "bodil" {
		t.Errorf("reply on an open post: %d %+v", code, got)
	}
}

func TestUnfollowFromFollowsPage(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	_, body := f.do("GET", "/settings/follows", "bodil", nil)
	if !strings.Contains(body, `name="target" value="`+id(f.posts["anon"])+`"`) || !strings.Contains(body, "Allmänt") {
		t.Fatalf("follows page: the asker follows their post and the community they joined:\n%s", body)
	}
	if resp, _ := f.do("POST", "/settings/follows/remove", "bodil", url.Values{"kind": {"post"}, "target": {id(f.posts["anon"])}}); resp.StatusCode != 303 {
		t.Fatalf("unfollow: %d", resp.StatusCode)
	}
	if ok, _ := f.s.IsFollowing(t.Context(), f.people["bodil"].ID, "post", id(f.posts["anon"])); ok {
		t.Error("still following after unfollow")
	}
	if resp, _ := f.do("POST", "/settings/follows/remove", "bodil", url.Values{"kind": {"nonsense"}, "target": {"1"}}); resp.StatusCode != 400 {
		t.Errorf("unknown kind: %d", resp.StatusCode)
	}
}

func TestMailSettingsAndUnsubscribe(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	dave := f.people["dave"]
	_, body := f.do("GET", "/settings/mail", "dave", nil)
	if !strings.Contains(body, `name="kind.answer" value="immediate" checked`) || !strings.Contains(body, `value="weekly" selected`) {
		t.Fatalf("mail settings show the defaults:\n%s", body)
	}
	if resp, _ := f.do("POST", "/settings/mail", "dave", url.Values{"digest": {"daily"}, "kind.comment": {"immediate"}, "kind.bogus": {"never"}}); resp.StatusCode != 303 {
		t.Fatalf("save: %d", resp.StatusCode)
	}
	ms, _ := f.s.MailSettings(ctx, dave.ID)
	if ms.Digest != "daily" || ms.Delivery["comment"] != "immediate" {
		t.Errorf("saved settings: %+v", ms)
	}
	// The link in a mail asks first: a GET changes nothing, even signed out.
	path := "/mail/unsubscribe/" + ms.Token + "?kind=answer"
	resp, body := f.do("GET", path, "", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "dave@example.se") || !strings.Contains(body, `method="post"`) {
		t.Fatalf("confirm page: %d\n%s", resp.StatusCode, body)
	}
	if ms, _ := f.s.MailSettings(ctx, dave.ID); ms.Delivery["answer"] != "immediate" {
		t.Error("a GET of the unsubscribe link changed the settings")
	}
	// The one-click POST (RFC 8058) unsubscribes.
	if resp, _ := f.do("POST", path, "", url.Values{"List-Unsubscribe": {"One-Click"}}); resp.StatusCode != 200 {
		t.Fatalf("one-click: %d", resp.StatusCode)
	}
	if ms, _ := f.s.MailSettings(ctx, dave.ID); ms.Delivery["answer"] != "never" || ms.Delivery["mention"] != "immediate" {
		t.Errorf("after one-click: %+v", ms.Delivery)
	}
	if resp, _ := f.do("GET", "/mail/unsubscribe/not-a-token?kind=answer", "", nil); resp.StatusCode != 404 {
		t.Errorf("unknown token: %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/mail/unsubscribe/not-a-token", "", url.Values{}); resp.StatusCode != 404 {
		t.Errorf("unknown token POST: %d", resp.StatusCode)
	}
	if resp, _ := f.do("GET", "/settings/mail", "", nil); resp.StatusCode != 303 {
		t.Errorf("signed out settings: %d", resp.StatusCode)
	}
}
