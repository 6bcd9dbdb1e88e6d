package api

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// moderationScenarios run after the other write scenarios: frågor has a
// code of conduct, Maja moderates it and is a plain member of fika, and the
// anonymous question anon_q lives there. Report ids count from 1 on the
// fresh database.
func moderationScenarios() []scenario {
	return []scenario{
		{name: "report", method: "POST", url: "/api/v1/posts/{{anon_q}}/reports", as: "member", wantStatus: 201, body: `{"reason":"spam","note":"Reklam"}`, wantContains: []string{`"id":1`}},
		{name: "report a reply", method: "POST", url: "/api/v1/posts/{{anon_q}}/reports", as: "outsider", wantStatus: 201, body: `{"reason":"offensive","reply_id":{{anon_answer}}}`, wantContains: []string{`"id":2`}},
		{name: "report without reason", method: "POST", url: "/api/v1/posts/{{anon_q}}/reports", as: "member", wantStatus: 400, body: `{"reason":"boring"}`, wantContains: []string{`"reason":"Choose a reason."`}},
		{name: "report a post one may not read", method: "POST", url: "/api/v1/posts/{{ledning_post}}/reports", as: "anon", wantStatus: 404, body: `{"reason":"spam"}`},
		{name: "report with read token", method: "POST", url: "/api/v1/posts/{{anon_q}}/reports", as: "member-read", wantStatus: 403, body: `{"reason":"spam"}`},

		{name: "queue for the moderator", method: "GET", url: "/api/v1/communities/fragor/moderation", as: "mod", wantStatus: 200,
			wantContains:    []string{`"report_id":1,"reason":"spam","note":"Reklam","reporter_name":"Mia Medlem"`, `"post_title":"` + anonTitle + `"`, `"anonymous":true`, `"reason":"offensive"`},
			wantNotContains: []string{anonName, anonEmail, anonDept}},
		{name: "queue for a member", method: "GET", url: "/api/v1/communities/fragor/moderation", as: "member", wantStatus: 403},
		{name: "queue where the moderator is a plain member", method: "GET", url: "/api/v1/communities/fika/moderation", as: "mod", wantStatus: 403},
		{name: "queue of a secret community", method: "GET", url: "/api/v1/communities/ledning/moderation", as: "anon", wantStatus: 404},

		{name: "hide by the moderator", method: "POST", url: "/api/v1/posts/{{anon_q}}/moderation", as: "mod", wantStatus: 200,
			body: `{"action":"hide","reason":"Reklam"}`, wantContains: []string{`"hidden":true`}, wantNotContains: []string{anonName, `"mine":true`}},
		{name: "hidden post is gone for members", method: "GET", url: "/api/v1/posts/{{anon_q}}", as: "member", wantStatus: 404},
		{name: "hidden post is gone for its author", method: "GET", url: "/api/v1/posts/{{anon_q}}", as: "anon", wantStatus: 404},
		{name: "hide twice", method: "POST", url: "/api/v1/posts/{{anon_q}}/moderation", as: "mod", wantStatus: 409, body: `{"action":"hide"}`},
		{name: "hide elsewhere", method: "POST", url: "/api/v1/posts/{{question}}/moderation", as: "mod", wantStatus: 403, body: `{"action":"hide"}`},
		{name: "moderation invalid", method: "POST", url: "/api/v1/posts/{{question}}/moderation", as: "owner", wantStatus: 400, body: `{"action":"burn"}`},
		{name: "moderation with read token", method: "POST", url: "/api/v1/posts/{{question}}/moderation", as: "member-read", wantStatus: 403, body: `{"action":"hide"}`},
		{name: "restore", method: "POST", url: "/api/v1/posts/{{anon_q}}/moderation", as: "mod", wantStatus: 200, body: `{"action":"restore"}`,
			wantNotContains: []string{`"hidden"`}},
		{name: "restored post is back", method: "GET", url: "/api/v1/posts/{{anon_q}}", as: "member", wantStatus: 200},

		{name: "lock", method: "POST", url: "/api/v1/posts/{{anon_q}}/lock", as: "mod", wantStatus: 200, body: `{"locked":true}`, wantContains: []string{`"locked":true`}},
		{name: "answer a locked thread", method: "POST", url: "/api/v1/posts/{{anon_q}}/answers", as: "member", wantStatus: 409, body: `{"body":"Sent svar"}`,
			wantContains: []string{"This thread is locked"}},
		{name: "lock by a member", method: "POST", url: "/api/v1/posts/{{anon_q}}/lock", as: "member", wantStatus: 403, body: `{"locked":false}`},
		{name: "unlock", method: "POST", url: "/api/v1/posts/{{anon_q}}/lock", as: "mod", wantStatus: 200, body: `{"locked":false}`, wantContains: []string{`"locked":false`}},

		{name: "the anonymous asker's own comment is theirs", method: "POST", url: "/api/v1/posts/{{anon_q}}/comments", as: "anon", wantStatus: 201,
			body: `{"body":"Tack, det hjälpte."}`, wantContains: []string{`"anonymous":true`, `"mine":true`}, wantNotContains: []string{anonName, `"author_id"`}},
		{name: "the moderator cannot tell whose comment it is", method: "GET", url: "/api/v1/posts/{{anon_q}}", as: "mod", wantStatus: 200,
			wantContains: []string{"Tack, det hjälpte."}, wantNotContains: []string{`"mine":true`, anonName}},

		{name: "move to a community the mover does not moderate", method: "POST", url: "/api/v1/posts/{{anon_q}}/move", as: "mod", wantStatus: 403, body: `{"community":"fika"}`},
		{name: "move to an unknown community", method: "POST", url: "/api/v1/posts/{{question}}/move", as: "owner", wantStatus: 400, body: `{"community":"finns-inte"}`},
		{name: "move", method: "POST", url: "/api/v1/posts/{{question}}/move", as: "owner", wantStatus: 200, body: `{"community":"fragor","reason":"Hör hemma här"}`,
			wantContains: []string{`"community_slug":"fragor"`}},
		{name: "move with read token", method: "POST", url: "/api/v1/posts/{{question}}/move", as: "member-read", wantStatus: 403, body: `{"community":"fika"}`},

		{name: "dismiss by a member", method: "POST", url: "/api/v1/communities/fragor/reports/2/dismiss", as: "member", wantStatus: 403},
		{name: "dismiss in a secret community", method: "POST", url: "/api/v1/communities/ledning/reports/2/dismiss", as: "anon", wantStatus: 404},
		{name: "dismiss", method: "POST", url: "/api/v1/communities/fragor/reports/2/dismiss", as: "mod", wantStatus: 204, body: `{"reason":"Inte kränkande"}`},
		{name: "dismiss twice", method: "POST", url: "/api/v1/communities/fragor/reports/2/dismiss", as: "mod", wantStatus: 404},
		{name: "queue is empty", method: "GET", url: "/api/v1/communities/fragor/moderation", as: "mod", wantStatus: 200, wantContains: []string{`"items":[]`}},

		{name: "ban by a member", method: "POST", url: "/api/v1/communities/fragor/bans", as: "member", wantStatus: 403, body: `{"person_id":{{outsider_id}}}`},
		{name: "ban the owner", method: "POST", url: "/api/v1/communities/fragor/bans", as: "mod", wantStatus: 403, body: `{"person_id":{{owner_id}}}`},
		{name: "ban", method: "POST", url: "/api/v1/communities/fragor/bans", as: "mod", wantStatus: 204, body: `{"person_id":{{outsider_id}},"reason":"Spam"}`},
		{name: "a banned person cannot join", method: "POST", url: "/api/v1/communities/fragor/join", as: "outsider", wantStatus: 403},
		{name: "lift a ban by a member", method: "DELETE", url: "/api/v1/communities/fragor/bans/{{outsider_id}}", as: "member", wantStatus: 403},
		{name: "lift a ban", method: "DELETE", url: "/api/v1/communities/fragor/bans/{{outsider_id}}", as: "mod", wantStatus: 204},
		{name: "join after the ban is lifted", method: "POST", url: "/api/v1/communities/fragor/join", as: "outsider", wantStatus: 200},

		{name: "audit names people and objects", method: "GET", url: "/api/v1/audit-log?action=post.hide", as: "admin-admin", wantStatus: 200,
			wantContains:    []string{`"actor_name":"Maja Moderator","action":"post.hide"`, `"object_name":"` + anonTitle + `"`, `"community_name":"Frågor utan prestige"`, `"detail":"Reklam"`},
			wantNotContains: []string{anonName, anonEmail}},
		{name: "audit of member actions", method: "GET", url: "/api/v1/audit-log?action=member.&actor={{mod_id}}", as: "admin-admin", wantStatus: 200,
			wantContains: []string{`"action":"member.unban"`, `"action":"member.ban"`, `"person_name":"Otto Utanför"`}, wantNotContains: []string{`"action":"post.`}},
		{name: "audit filter invalid", method: "GET", url: "/api/v1/audit-log?from=igår", as: "admin-admin", wantStatus: 400, wantContains: []string{`"from":`}},
	}
}

func TestWatchedWordsInTheAPI(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	ctx := t.Context()
	admin := f.people["admin"]
	if err := f.s.AddWatchedWord(ctx, admin.ID, "Pyramidspel", store.WatchBlock); err != nil {
		t.Fatal(err)
	}
	if err := f.s.AddWatchedWord(ctx, admin.ID, "lönelistan", store.WatchHold); err != nil {
		t.Fatal(err)
	}
	f.run(t, []scenario{
		{name: "a blocking word names itself", method: "POST", url: "/api/v1/communities/fika/posts", as: "member", wantStatus: 400,
			body: `{"type":"tip","title":"Tjäna pengar","body":"Gå med i mitt PYRAMIDSPEL idag"}`, wantContains: []string{`"body":"Remove “pyramidspel”`}},
		{name: "a blocking word in an answer", method: "POST", url: "/api/v1/posts/{{question}}/answers", as: "member", wantStatus: 400,
			body: `{"body":"pyramidspel"}`, wantContains: []string{"pyramidspel"}},
		{name: "a holding word holds the post", method: "POST", url: "/api/v1/communities/fika/posts", as: "member", wantStatus: 201,
			body: `{"type":"tip","title":"Om lönelistan","body":"Var hittar jag lönelistan?"}`, wantContains: []string{`"held":true`}},
		{name: "held posts are not in the feed of others", method: "GET", url: "/api/v1/communities/fika/posts", as: "anon", wantStatus: 200,
			wantNotContains: []string{"Om lönelistan"}},
		{name: "the author sees the held post", method: "GET", url: "/api/v1/communities/fika/posts", as: "member", wantStatus: 200,
			wantContains: []string{"Om lönelistan"}},
		{name: "a holding word holds the comment", method: "POST", url: "/api/v1/posts/{{question}}/comments", as: "anon", wantStatus: 201,
			body: `{"body":"lönelistan ligger på intranätet"}`, wantContains: []string{`"held":true`, `"mine":true`}},
		{name: "the queue lists held content", method: "GET", url: "/api/v1/communities/fika/moderation", as: "owner", wantStatus: 200,
			wantContains: []string{`"post_title":"Om lönelistan"`, `"moderation":"held"`, `"body":"lönelistan ligger på intranätet"`}},
	}, nil)
}

func TestNewAccountLimits(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{NewAccounts: store.NewAccountLimits{Age: 24 * time.Hour, PerHour: 2}})
	// The fixture's posts count: Mia already wrote three this hour.
	rec := f.do("POST", "/api/v1/posts/{{question}}/answers", `{"body":"Ett svar till"}`, "member")
	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("status %d, want 429; body %s", rec.Code, rec.Body)
	}
	secs, err := strconv.Atoi(rec.Header().Get("Retry-After"))
	if err != nil || secs < 1 || secs > 3600 {
		t.Errorf("Retry-After = %q, want 1–3600 seconds", rec.Header().Get("Retry-After"))
	}
	if !strings.Contains(rec.Body.String(), `"code":"too_many_requests"`) {
		t.Errorf("body %s is not the JSON error", rec.Body)
	}
	// Someone who has written nothing yet may post.
	if rec := f.do("POST", "/api/v1/posts/{{question}}/answers", `{"body":"Mitt första svar"}`, "outsider"); rec.Code != http.StatusCreated {
		t.Errorf("first answer of a new account: status %d, want 201; body %s", rec.Code, rec.Body)
	}
}

func TestMemberListShowsExpertise(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	mia := f.people["member"]
	if err := f.s.UpdateProfile(t.Context(), mia.ID, store.Profile{Name: mia.Name, Department: mia.Department, Language: "sv", Expertise: []string{"crm", "offerter"}}); err != nil {
		t.Fatal(err)
	}
	f.run(t, []scenario{
		{name: "members with expertise", method: "GET", url: "/api/v1/communities/fika/members", as: "owner", wantStatus: 200,
			wantContains: []string{`"name":"Mia Medlem"`, `"expertise":["crm","offerter"]`}},
	}, nil)
}
