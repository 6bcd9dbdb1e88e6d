package web_test

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/web"
)

func TestModerationFlow(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	open, anon := id(f.posts["open"]), id(f.posts["anon"])
	title := "Hur bokar jag ett mötesrum?"

	if resp, _ := f.do("POST", "/p/"+open+"/report", "dave", url.Values{"reason": {"spam"}, "note": {"Reklam för konkurrent"}}); resp.StatusCode != 303 {
		t.Fatalf("report: %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/p/"+anon+"/report", "dave", url.Values{"reason": {"offensive"}}); resp.StatusCode != 303 {
		t.Fatalf("report the anonymous question: %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/p/"+open+"/report", "dave", url.Values{"reason": {"boring"}}); resp.StatusCode != 400 {
		t.Errorf("report with an unknown reason: %d, want 400", resp.StatusCode)
	}
	// Carl moderates another community: no reach here.
	if resp, _ := f.do("GET", "/c/allmant/moderation", "carl", nil); resp.StatusCode != 403 {
		t.Errorf("another community's moderator reads the queue: %d", resp.StatusCode)
	}
	if resp, _ := f.do("GET", "/c/orion/moderation", "carl", nil); resp.StatusCode != 404 {
		t.Errorf("queue of a secret community for a non-member: %d, want 404", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/p/"+open+"/moderate", "carl", url.Values{"action": {"hide"}}); resp.StatusCode != 403 {
		t.Errorf("another community's moderator hides: %d", resp.StatusCode)
	}
	resp, body := f.do("GET", "/c/allmant/moderation", "alice", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "Skräppost eller reklam") || !strings.Contains(body, "Reklam för konkurrent") || !strings.Contains(body, title) {
		t.Fatalf("queue: %d, missing the report", resp.StatusCode)
	}
	if strings.Contains(body, anonName) {
		t.Error("the queue names the anonymous asker")
	}
	if resp, _ := f.do("POST", "/p/"+open+"/moderate", "alice", url.Values{"action": {"hide"}, "reason": {"Reklam"}, "back": {"queue"}}); resp.StatusCode != 303 || resp.Header.Get("Location") != "/c/allmant/moderation" {
		t.Fatalf("hide: %d to %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := f.do("GET", "/p/"+open, "dave", nil); resp.StatusCode != 404 {
		t.Errorf("a hidden post is readable: %d", resp.StatusCode)
	}
	if _, body := f.do("GET", "/c/allmant", "dave", nil); strings.Contains(body, title) {
		t.Error("a hidden post is in the community feed")
	}
	if resp, body := f.do("GET", "/p/"+open, "alice", nil); resp.StatusCode != 200 || !strings.Contains(body, "Dolt av en moderator") {
		t.Errorf("the moderator does not see the hidden post marked: %d", resp.StatusCode)
	}
	if _, body := f.do("GET", "/admin/audit?action=post.hide", "admin", nil); !strings.Contains(body, title) || !strings.Contains(body, "Reklam") {
		t.Error("the audit page does not name the hidden post of an open community, or the reason")
	}
	f.do("POST", "/p/"+open+"/moderate", "alice", url.Values{"action": {"restore"}})

	// Lock: no answer form, and an answer is refused.
	f.do("POST", "/p/"+open+"/lock", "alice", url.Values{"locked": {"1"}})
	_, body = f.do("GET", "/p/"+open, "dave", nil)
	if !strings.Contains(body, "Tråden är låst") || strings.Contains(body, `action="/p/`+open+`/answers"`) {
		t.Error("a locked thread does not say so, or still offers the answer form")
	}
	if resp, _ := f.do("POST", "/p/"+open+"/answers", "dave", url.Values{"body": {"Ett svar"}}); resp.StatusCode != 409 {
		t.Errorf("answer to a locked thread: %d, want 409", resp.StatusCode)
	}

	// Move into the closed community: the outsider loses it at once.
	if resp, _ := f.do("POST", "/p/"+open+"/move", "carl", url.Values{"to": {"annat"}}); resp.StatusCode != 403 {
		t.Errorf("move by a non-moderator: %d, want 403", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/p/"+open+"/move", "alice", url.Values{"to": {"saljcoacher"}}); resp.StatusCode != 303 {
		t.Fatalf("move: %d", resp.StatusCode)
	}
	if resp, _ := f.do("GET", "/p/"+open, "dave", nil); resp.StatusCode != 404 {
		t.Errorf("a post moved into a closed community is still readable by an outsider: %d", resp.StatusCode)
	}

	// Ban: the outsider cannot join.
	if resp, _ := f.do("POST", "/c/allmant/bans", "alice", url.Values{"person": {id(f.people["dave"].ID)}, "reason": {"Spam"}}); resp.StatusCode != 303 {
		t.Fatalf("ban: %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/c/allmant/join", "dave", url.Values{}); resp.StatusCode != 403 {
		t.Errorf("a banned person joins: %d, want 403", resp.StatusCode)
	}
	lift := `action="/c/allmant/bans/` + id(f.people["dave"].ID) + `/lift"`
	if _, body := f.do("GET", "/c/allmant/moderation", "alice", nil); !strings.Contains(body, "Dave Utanför — Spam") || !strings.Contains(body, lift) {
		t.Error("the ban is not listed")
	}
	if resp, _ := f.do("POST", "/c/allmant/bans", "alice", url.Values{"person": {"dave"}}); resp.StatusCode != 400 {
		t.Errorf("ban with a malformed person: %d, want 400", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/c/allmant/bans/"+id(f.people["dave"].ID)+"/lift", "carl", url.Values{}); resp.StatusCode != 403 {
		t.Errorf("another community's moderator lifts a ban: %d, want 403", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/c/allmant/bans/"+id(f.people["dave"].ID)+"/lift", "alice", url.Values{}); resp.StatusCode != 303 || resp.Header.Get("Location") != "/c/allmant/moderation" {
		t.Fatalf("lift the ban: %d to %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, body := f.do("GET", "/c/allmant/moderation", "alice", nil); strings.Contains(body, lift) {
		t.Error("a lifted ban is still listed")
	}
	if resp, _ := f.do("POST", "/c/allmant/bans/x/lift", "alice", url.Values{}); resp.StatusCode != 404 {
		t.Errorf("lift with a malformed id: %d, want 404", resp.StatusCode)
	}

	// Dismiss the report on the anonymous question (the second report).
	if resp, _ := f.do("POST", "/c/allmant/reports/2/dismiss", "carl", url.Values{}); resp.StatusCode != 403 {
		t.Errorf("another community's moderator dismisses: %d, want 403", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/c/allmant/reports/2/dismiss", "alice", url.Values{"reason": {"Inget att göra"}}); resp.StatusCode != 303 {
		t.Fatalf("dismiss: %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/c/allmant/reports/2/dismiss", "alice", url.Values{}); resp.StatusCode != 404 {
		t.Errorf("dismiss twice: %d, want 404", resp.StatusCode)
	}

	// The audit page names people and objects, never the anonymous asker.
	// The post has moved into a closed community the admin has not joined:
	// the entries stay, with their people, but not its title (no silent access).
	resp, body = f.do("GET", "/admin/audit?action=post.", "admin", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "post.hide") || !strings.Contains(body, "Alice Ägare") || strings.Contains(body, title) ||
		!strings.Contains(body, "Visas inte") || strings.Contains(body, "post.lock</code></td><td>"+anonName) {
		t.Errorf("audit page: %d, want post.hide by Alice without the title %q of a post in a closed community", resp.StatusCode, title)
	}
	if resp, _ := f.do("GET", "/admin/audit", "alice", nil); resp.StatusCode != 404 {
		t.Errorf("a non-admin reads the audit log: %d", resp.StatusCode)
	}
	if resp, _ := f.do("GET", "/admin/audit?from=igår", "admin", nil); resp.StatusCode != 400 {
		t.Errorf("bad date filter: %d, want 400", resp.StatusCode)
	}
	resp, body = f.do("GET", "/admin/audit/export?format=csv&action=member.ban", "admin", nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("CSV export: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if lines := strings.Split(strings.TrimSpace(body), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "id,time,actor_id,actor") || !strings.Contains(lines[1], "Dave Utanför") {
		t.Errorf("CSV export of bans = %q", body)
	}
	resp, body = f.do("GET", "/admin/audit/export?format=json", "admin", nil)
	var entries []store.AuditEntry
	if err := json.Unmarshal([]byte(body), &entries); err != nil || resp.StatusCode != 200 || len(entries) < 5 {
		t.Errorf("JSON export: %d, %d entries, %v", resp.StatusCode, len(entries), err)
	}
	if strings.Contains(body, anonName) {
		t.Error("the export names the anonymous asker")
	}
	if resp, _ := f.do("GET", "/admin/audit/export?format=xml", "admin", nil); resp.StatusCode != 400 {
		t.Errorf("unknown export format: %d", resp.StatusCode)
	}
}

func TestWatchedWordsAndConduct(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	if resp, _ := f.do("POST", "/admin/words", "alice", url.Values{"word": {"pyramidspel"}, "action": {"block"}}); resp.StatusCode != 404 {
		t.Errorf("a non-admin adds a watched word: %d", resp.StatusCode)
	}
	if resp, _ := f.do("POST", "/admin/words", "admin", url.Values{"word": {"  "}, "action": {"block"}}); resp.StatusCode != 400 {
		t.Errorf("empty watched word: %d, want 400", resp.StatusCode)
	}
	for w, a := range map[string]string{"Pyramidspel": "block", "lönelistan": "hold"} {
		if resp, _ := f.do("POST", "/admin/words", "admin", url.Values{"word": {w}, "action": {a}}); resp.StatusCode != 303 {
			t.Fatalf("add watched word: %d", resp.StatusCode)
		}
	}
	if _, body := f.do("GET", "/admin/words", "admin", nil); !strings.Contains(body, "pyramidspel") || !strings.Contains(body, "lönelistan") {
		t.Error("the watched words are not listed")
	}
	form := url.Values{"type": {"tip"}, "title": {"Ett tips om pengar"}, "body": {"Gå med i mitt pyramidspel!"}, "language": {"sv"}}
	resp, body := f.do("POST", "/c/allmant/posts", "alice", form)
	if resp.StatusCode != 400 || !strings.Contains(body, "”pyramidspel”") || !strings.Contains(body, "Ett tips om pengar") {
		t.Errorf("a blocked word: %d, want 400 naming the word with the text kept", resp.StatusCode)
	}
	form.Set("body", "Var finns lönelistan?")
	resp, _ = f.do("POST", "/c/allmant/posts", "alice", form)
	if resp.StatusCode != 303 {
		t.Fatalf("held post: %d", resp.StatusCode)
	}
	held := resp.Header.Get("Location")
	if _, body := f.do("GET", held, "alice", nil); !strings.Contains(body, "väntar på en moderators godkännande") {
		t.Error("the author does not see the post marked as held")
	}
	if resp, _ := f.do("GET", held, "bodil", nil); resp.StatusCode != 404 {
		t.Errorf("another member reads a held post: %d", resp.StatusCode)
	}
	postID := strings.TrimPrefix(held, "/p/")
	f.do("POST", "/p/"+postID+"/moderate", "alice", url.Values{"action": {"approve"}})
	if resp, _ := f.do("GET", held, "bodil", nil); resp.StatusCode != 200 {
		t.Errorf("an approved post is not readable: %d", resp.StatusCode)
	}

	// Edits are watched too.
	resp, _ = f.do("POST", "/p/"+id(f.posts["open"])+"/answers", "bodil", url.Values{"body": {"Boka i kalendern."}})
	_, replyID, _ := strings.Cut(resp.Header.Get("Location"), "#r")
	resp, body = f.do("POST", "/r/"+replyID+"/edit", "bodil", url.Values{"body": {"Boka i kalendern, och testa mitt pyramidspel."}})
	if resp.StatusCode != 400 || !strings.Contains(body, "”pyramidspel”") || !strings.Contains(body, "Boka i kalendern, och testa") {
		t.Errorf("an edit with a blocked word: %d, want 400 naming the word with the text kept", resp.StatusCode)
	}

	// Code of conduct: shown, and required once.
	c, err := f.s.CommunityBySlug(ctx, store.Viewer{ID: f.people["alice"].ID}, "allmant")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.UpdateCommunity(ctx, f.people["alice"].ID, c.ID, store.CommunitySettings{Name: c.Name, Kind: c.Kind, Visibility: c.Visibility,
		AnonymousQuestions: true, CodeOfConduct: "Var vänlig och håll dig till saken."}); err != nil {
		t.Fatal(err)
	}
	if _, body := f.do("GET", "/c/allmant/new", "bodil", nil); !strings.Contains(body, "Var vänlig och håll dig till saken.") || !strings.Contains(body, `name="accept_code_of_conduct"`) {
		t.Error("the composer does not show the code of conduct with a checkbox")
	}
	q := url.Values{"type": {"question"}, "title": {"Hur gör jag en bra fråga?"}, "body": {"Text"}, "language": {"sv"}}
	resp, body = f.do("POST", "/c/allmant/posts", "bodil", q)
	if resp.StatusCode != 400 || !strings.Contains(body, "Godkänn uppförandekoden") || !strings.Contains(body, "Hur gör jag en bra fråga?") {
		t.Errorf("a first post without accepting: %d, want 400 with the text kept", resp.StatusCode)
	}
	q.Set("accept_code_of_conduct", "on")
	if resp, _ := f.do("POST", "/c/allmant/posts", "bodil", q); resp.StatusCode != 303 {
		t.Errorf("a first post accepting: %d", resp.StatusCode)
	}
	if _, body := f.do("GET", "/c/allmant/new", "bodil", nil); strings.Contains(body, `name="accept_code_of_conduct"`) {
		t.Error("the code of conduct is asked for again after it was accepted")
	}
}

func TestNamedPostNeverTurnsAnonymous(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	open := id(f.posts["open"])
	resp, body := f.do("POST", "/p/"+open+"/edit", "alice", url.Values{"title": {"Hur bokar jag ett mötesrum?"}, "body": {"Text"}, "anonymous": {"on"}})
	if resp.StatusCode != 400 || !strings.Contains(body, "kan inte bli anonymt") {
		t.Errorf("edit to anonymous: %d, want 400 with the message", resp.StatusCode)
	}
	if _, body := f.do("GET", "/p/"+open, "bodil", nil); !strings.Contains(body, "Alice Ägare") {
		t.Error("the named post lost its author")
	}
	// The anonymous author edits and deletes their own question.
	anon := id(f.posts["anon"])
	if resp, _ := f.do("POST", "/p/"+anon+"/edit", "bodil", url.Values{"title": {"Hur säger jag nej till chefen?"}, "body": {"Nu tydligare."}}); resp.StatusCode != 303 {
		t.Errorf("the anonymous author edits: %d", resp.StatusCode)
	}
	if _, body := f.do("GET", "/p/"+anon+"/revisions", "alice", nil); strings.Contains(body, anonName) {
		t.Error("the revision list names the anonymous author")
	}
	if resp, _ := f.do("POST", "/p/"+anon+"/delete", "bodil", url.Values{}); resp.StatusCode != 303 {
		t.Errorf("the anonymous author deletes: %d", resp.StatusCode)
	}
}

func TestSignInBackoff(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	wrong := url.Values{"email": {"alice@example.se"}, "password": {"fel lösenord"}}
	for i := range 5 {
		if resp, _ := f.do("POST", "/signin", "", wrong); resp.StatusCode != 401 {
			t.Fatalf("failure %d: status %d, want 401", i+1, resp.StatusCode)
		}
	}
	resp, _ := f.do("POST", "/signin", "", wrong)
	if resp.StatusCode != 401 {
		t.Fatalf("sixth failure: %d, want 401 (it starts the wait)", resp.StatusCode)
	}
	right := url.Values{"email": {"alice@example.se"}, "password": {"correct horse battery"}}
	resp, body := f.do("POST", "/signin", "", right)
	if resp.StatusCode != 429 || !strings.Contains(body, "För många försök") {
		t.Fatalf("during the wait even the right password: %d, want 429", resp.StatusCode)
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || s < 1 {
		t.Errorf("Retry-After = %q", resp.Header.Get("Retry-After"))
	}
	// The address waits too, whichever account it tries.
	if resp, _ := f.do("POST", "/signin", "", url.Values{"email": {"carl@example.se"}, "password": {"x"}}); resp.StatusCode != 429 {
		t.Errorf("another account from the same address: %d, want 429", resp.StatusCode)
	}
}

func TestNewAccountPostingLimit(t *testing.T) {
	t.Parallel()
	f := newFixtureWith(t, web.Options{MaxBodyBytes: 4096, NewAccounts: store.NewAccountLimits{Age: 24 * time.Hour, PerHour: 1}})
	open := id(f.posts["open"])
	if resp, _ := f.do("POST", "/p/"+open+"/answers", "dave", url.Values{"body": {"Mitt första svar"}}); resp.StatusCode != 303 {
		t.Fatalf("first answer: %d", resp.StatusCode)
	}
	resp, body := f.do("POST", "/p/"+open+"/answers", "dave", url.Values{"body": {"Ett andra svar"}})
	if resp.StatusCode != 429 || !strings.Contains(body, "För många försök") {
		t.Fatalf("second answer within the hour: %d, want 429", resp.StatusCode)
	}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err != nil || s < 1 || s > 3600 {
		t.Errorf("Retry-After = %q, want 1–3600", resp.Header.Get("Retry-After"))
	}
	f.do("POST", "/c/allmant/join", "dave", url.Values{})
	resp, _ = f.do("POST", "/c/allmant/posts", "dave", url.Values{"type": {"tip"}, "title": {"Ett tips till"}, "body": {"Text"}, "language": {"sv"}})
	if resp.StatusCode != 429 {
		t.Errorf("post within the hour: %d, want 429", resp.StatusCode)
	}
}

// TestHiddenReplyIsNotFound: a reply a moderator hid is gone for everyone
// but the moderators. Its author can neither open its edit page nor edit
// or delete it, and no one can react to it or comment on it: each answers as a reply that
// does not exist (404), never "forbidden", which would tell that it
// exists. The moderator still can.
func TestHiddenReplyIsNotFound(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	open := f.posts["open"]
	dave := f.people["dave"]
	if err := f.s.Join(ctx, dave.ID, f.community("allmant")); err != nil {
		t.Fatal(err)
	}
	reply, err := f.s.CreateReply(ctx, store.NewReply{PostID: open, AuthorID: dave.ID, Kind: store.ReplyAnswer, Body: "Boka i kalendern."})
	if err != nil {
		t.Fatal(err)
	}
	alice := store.Viewer{ID: f.people["alice"].ID}
	if err := f.s.SetModeration(ctx, alice, open, reply, "hide", "Fel svar"); err != nil {
		t.Fatal(err)
	}
	missing := int64(987654)
	for _, c := range []struct {
		method, path, as string
		form             url.Values
	}{
		{"GET", "/r/%d/edit", "dave", nil},
		{"POST", "/r/%d/edit", "dave", url.Values{"body": {"Ändrat svar"}}},
		{"POST", "/r/%d/delete", "dave", url.Values{}},
		{"POST", "/p/" + id(open) + "/react", "bodil", nil},
		{"POST", "/p/" + id(open) + "/comments", "bodil", nil},
	} {
		do := func(rid int64) int {
			path, form := strings.Replace(c.path, "%d", id(rid), 1), c.form
			switch {
			case strings.HasSuffix(path, "/react"):
				form = url.Values{"toggle": {"helped_me:1"}, "reply": {id(rid)}}
			case strings.HasSuffix(path, "/comments"):
				form = url.Values{"body": {"Vilken kalender?"}, "parent": {id(rid)}}
			}
			resp, _ := f.do(c.method, path, c.as, form)
			return resp.StatusCode
		}
		if got, want := do(reply), do(missing); got != 404 || want != 404 {
			t.Errorf("%s %s as %s: hidden reply %d, missing reply %d; want 404 for both", c.method, c.path, c.as, got, want)
		}
	}
	if rep, err := f.s.Reply(ctx, alice, reply); err != nil || rep.Body != "Boka i kalendern." {
		t.Errorf("the hidden reply changed or went: %+v, %v", rep, err)
	}
	if resp, _ := f.do("GET", "/r/"+id(reply)+"/edit", "alice", nil); resp.StatusCode != 200 {
		t.Errorf("the moderator opens the hidden reply's edit page: %d, want 200", resp.StatusCode)
	}
}
