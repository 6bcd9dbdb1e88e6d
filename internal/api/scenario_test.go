package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// scenario is one request and what its answer must be (STYLE #16).
type scenario struct {
	name            string
	method, url     string
	body            string
	as              string // a fixture token name; "" sends none
	wantStatus      int
	wantContains    []string
	wantNotContains []string
}

// observation is one answer seen while running scenarios, for the tests
// that check coverage and the OpenAPI document against real traffic.
type observation struct {
	method, url string
	status      int
	body        []byte
	header      http.Header
}

// run plays the scenarios in order on one fixture; later rows may depend on
// earlier ones. Every answer is passed to observe when it is set.
func (f *fixture) run(t *testing.T, rows []scenario, observe func(observation)) {
	t.Helper()
	for _, sc := range rows {
		rec := f.do(sc.method, sc.url, sc.body, sc.as)
		if observe != nil {
			observe(observation{method: sc.method, url: f.expand(sc.url), status: rec.Code, body: rec.Body.Bytes(), header: rec.Header()})
		}
		check(t, f, sc, rec)
	}
}

func check(t *testing.T, f *fixture, sc scenario, rec *httptest.ResponseRecorder) {
	t.Helper()
	got := rec.Body.String()
	if rec.Code != sc.wantStatus {
		t.Errorf("%s: %s %s as %q: status %d, want %d; body %s", sc.name, sc.method, f.expand(sc.url), sc.as, rec.Code, sc.wantStatus, got)
		return
	}
	for _, want := range sc.wantContains {
		if want = f.expand(want); !strings.Contains(got, want) {
			t.Errorf("%s: body does not contain %q; got %s", sc.name, want, got)
		}
	}
	for _, bad := range sc.wantNotContains {
		if bad = f.expand(bad); strings.Contains(got, bad) {
			t.Errorf("%s: body contains %q; got %s", sc.name, bad, got)
		}
	}
	if ct := rec.Header().Get("Content-Type"); rec.Code != http.StatusNoContent && !strings.HasPrefix(ct, "application/json") &&
		!(rec.Code == http.StatusOK && strings.HasPrefix(ct, "text/event-stream") && strings.HasPrefix(sc.url, "/api/v1/events")) &&
		!(rec.Code < 300 && strings.HasSuffix(sc.url, "/content")) {
		t.Errorf("%s: Content-Type %q, want JSON", sc.name, ct)
	}
	if rec.Code == http.StatusUnauthorized && !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("%s: 401 without WWW-Authenticate: Bearer", sc.name)
	}
	if rec.Code >= 400 && !strings.Contains(got, `{"error":{"code":"`) {
		t.Errorf("%s: error without the error shape: %s", sc.name, got)
	}
}

// Messages the API sends, as clients read them.
const (
	msgRequired = `This field is required.`
	msgNotFound = `{"error":{"code":"not_found","message":"There is nothing here, or you cannot see it."}}`
	msgScope    = `"code":"forbidden","message":"This token may not do that."`
	msgUnauth   = `"code":"unauthorized"`
	msgForbid   = `"code":"forbidden"`
	msgInvalid  = `"code":"validation"`
)

// readScenarios change nothing, so they share one fixture.
func readScenarios() []scenario {
	return []scenario{
		{name: "openapi is public", method: "GET", url: "/api/v1/openapi.json", wantStatus: 200, wantContains: []string{`"openapi": "3.1.0"`}},

		{name: "me", method: "GET", url: "/api/v1/me", as: "member", wantStatus: 200,
			wantContains: []string{`"name":"Mia Medlem"`, `"scope":"write"`, `"language":"sv"`, `"stats":{`}},
		{name: "me read scope", method: "GET", url: "/api/v1/me", as: "member-read", wantStatus: 200, wantContains: []string{`"scope":"read"`}},
		{name: "me without token", method: "GET", url: "/api/v1/me", wantStatus: 401, wantContains: []string{msgUnauth}},
		{name: "me with a bogus token", method: "GET", url: "/api/v1/me", as: "bogus", wantStatus: 401, wantContains: []string{msgUnauth}},

		{name: "directory lists open and closed", method: "GET", url: "/api/v1/communities", as: "outsider", wantStatus: 200,
			wantContains: []string{`"slug":"fika"`, `"slug":"salj"`, `"slug":"fragor"`, `"next_cursor":""`}, wantNotContains: []string{"ledning", "Ledningsgruppen internt"}},
		{name: "directory lists secret to members", method: "GET", url: "/api/v1/communities", as: "member", wantStatus: 200,
			wantContains: []string{`"slug":"ledning"`, `"my_role":"member"`}},
		{name: "directory mine", method: "GET", url: "/api/v1/communities?mine=true", as: "mod", wantStatus: 200,
			wantContains: []string{`"slug":"fika"`, `"slug":"fragor"`}, wantNotContains: []string{`"slug":"salj"`}},
		{name: "directory by kind", method: "GET", url: "/api/v1/communities?kind=department", as: "outsider", wantStatus: 200,
			wantContains: []string{`"slug":"salj"`}, wantNotContains: []string{`"slug":"fika"`}},
		{name: "directory paged", method: "GET", url: "/api/v1/communities?limit=1", as: "member", wantStatus: 200,
			wantContains: []string{`"next_cursor":"`}, wantNotContains: []string{`"next_cursor":""`}},
		{name: "directory bad kind", method: "GET", url: "/api/v1/communities?kind=club", as: "member", wantStatus: 400, wantContains: []string{msgInvalid, `"kind":`}},
		{name: "directory bad limit", method: "GET", url: "/api/v1/communities?limit=0", as: "member", wantStatus: 400, wantContains: []string{`"limit":"Use a whole number from 1 to 100."`}},
		{name: "directory limit too big", method: "GET", url: "/api/v1/communities?limit=101", as: "member", wantStatus: 400, wantContains: []string{`"limit"`}},
		{name: "directory bad cursor", method: "GET", url: "/api/v1/communities?cursor=nonsense", as: "member", wantStatus: 400, wantContains: []string{`"cursor"`}},
		{name: "directory without token", method: "GET", url: "/api/v1/communities", wantStatus: 401},

		{name: "open community", method: "GET", url: "/api/v1/communities/fika", as: "outsider", wantStatus: 200,
			wantContains: []string{`"slug":"fika"`, `"visibility":"open"`, `"member_count":4`}, wantNotContains: []string{`"my_role"`}},
		{name: "closed community is listed", method: "GET", url: "/api/v1/communities/salj", as: "outsider", wantStatus: 200,
			wantContains: []string{`"name":"Säljcoacher"`, `"join_requested":true`}},
		{name: "secret community to member", method: "GET", url: "/api/v1/communities/ledning", as: "member", wantStatus: 200, wantContains: []string{`"visibility":"secret"`}},
		{name: "secret community to outsider", method: "GET", url: "/api/v1/communities/ledning", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "secret community to org admin", method: "GET", url: "/api/v1/communities/ledning", as: "admin-admin", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "community never existed", method: "GET", url: "/api/v1/communities/finns-inte", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "community without token", method: "GET", url: "/api/v1/communities/fika", wantStatus: 401},

		{name: "members of open community", method: "GET", url: "/api/v1/communities/fika/members", as: "outsider", wantStatus: 200,
			wantContains: []string{`"role":"owner"`, `"name":"Mia Medlem"`, `"joined_at"`}},
		{name: "members of closed community to member", method: "GET", url: "/api/v1/communities/salj/members", as: "member", wantStatus: 200, wantContains: []string{`"name":"Mia Medlem"`}},
		{name: "members of closed community to outsider", method: "GET", url: "/api/v1/communities/salj/members", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "members of secret community to outsider", method: "GET", url: "/api/v1/communities/ledning/members", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "members paged", method: "GET", url: "/api/v1/communities/fika/members?limit=2", as: "member", wantStatus: 200, wantNotContains: []string{`"next_cursor":""`}},
		{name: "members without token", method: "GET", url: "/api/v1/communities/fika/members", wantStatus: 401},

		{name: "join requests to owner", method: "GET", url: "/api/v1/communities/salj/join-requests", as: "owner", wantStatus: 200,
			wantContains: []string{`"name":"Otto Utanför"`, `"message":"Jag vill lära mig sälja"`, `"status":"pending"`}},
		{name: "join requests to moderator", method: "GET", url: "/api/v1/communities/fragor/join-requests", as: "mod", wantStatus: 200, wantContains: []string{`"items":[]`}},
		{name: "join requests to plain member", method: "GET", url: "/api/v1/communities/salj/join-requests", as: "member", wantStatus: 403, wantContains: []string{msgForbid}},
		{name: "join requests to moderator of another community", method: "GET", url: "/api/v1/communities/fika/join-requests", as: "mod", wantStatus: 403},
		{name: "join requests of closed community to outsider", method: "GET", url: "/api/v1/communities/salj/join-requests", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "join requests of secret community to outsider", method: "GET", url: "/api/v1/communities/ledning/join-requests", as: "outsider", wantStatus: 404},

		{name: "posts of open community", method: "GET", url: "/api/v1/communities/fika/posts", as: "outsider", wantStatus: 200,
			wantContains: []string{"Kortkommandon i CRM-systemet", "Fler fikapauser", `"next_cursor":""`}, wantNotContains: []string{`"body":`}},
		{name: "posts of open community by type", method: "GET", url: "/api/v1/communities/fika/posts?type=idea", as: "outsider", wantStatus: 200,
			wantContains: []string{"Fler fikapauser"}, wantNotContains: []string{"Kortkommandon"}},
		{name: "unanswered posts", method: "GET", url: "/api/v1/communities/fika/posts?unanswered=true", as: "outsider", wantStatus: 200,
			wantContains: []string{`"items":[]`}},
		{name: "posts bad type", method: "GET", url: "/api/v1/communities/fika/posts?type=essay", as: "outsider", wantStatus: 400, wantContains: []string{`"type"`}},
		{name: "posts of closed community to member", method: "GET", url: "/api/v1/communities/salj/posts", as: "member", wantStatus: 200, wantContains: []string{"Hemlig säljstrategi"}},
		{name: "posts of closed community to outsider", method: "GET", url: "/api/v1/communities/salj/posts", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "posts of secret community to outsider", method: "GET", url: "/api/v1/communities/ledning/posts", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "posts without token", method: "GET", url: "/api/v1/communities/fika/posts", wantStatus: 401},

		{name: "post with answers and comments", method: "GET", url: "/api/v1/posts/{{question}}", as: "outsider", wantStatus: 200,
			wantContains: []string{`"id":{{question}}`, `"body":"Brödtext för Hur bokar jag`, `"answers":[{`, "Boka i kalendern", "Fungerar även i mobilen", `"my_reactions":[]`, `"voted":false`}},
		{name: "idea with status history", method: "GET", url: "/api/v1/posts/{{idea}}", as: "member", wantStatus: 200,
			wantContains: []string{`"status":"new"`, `"status_history":[]`, `"mine":true`}},
		{name: "closed post to member", method: "GET", url: "/api/v1/posts/{{salj_post}}", as: "member", wantStatus: 200},
		{name: "closed post to outsider", method: "GET", url: "/api/v1/posts/{{salj_post}}", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "secret post to outsider", method: "GET", url: "/api/v1/posts/{{ledning_post}}", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "secret post to org admin", method: "GET", url: "/api/v1/posts/{{ledning_post}}", as: "admin-admin", wantStatus: 404},
		{name: "post never existed", method: "GET", url: "/api/v1/posts/987654321", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "post id not a number", method: "GET", url: "/api/v1/posts/abc", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "post without token", method: "GET", url: "/api/v1/posts/{{tip}}", wantStatus: 401},

		{name: "revisions of unedited post", method: "GET", url: "/api/v1/posts/{{tip}}/revisions", as: "member", wantStatus: 200, wantContains: []string{`"items":[]`, `"next_cursor":""`}},
		{name: "revisions of closed post to outsider", method: "GET", url: "/api/v1/posts/{{salj_post}}/revisions", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "revisions without token", method: "GET", url: "/api/v1/posts/{{tip}}/revisions", wantStatus: 401},

		{name: "home feed", method: "GET", url: "/api/v1/feed", as: "member", wantStatus: 200,
			wantContains: []string{"Kortkommandon", "Hemlig säljstrategi", "Topphemlig", anonTitle}},
		{name: "home feed of someone in nothing", method: "GET", url: "/api/v1/feed", as: "outsider", wantStatus: 200, wantContains: []string{`"items":[]`}},
		{name: "home feed by type", method: "GET", url: "/api/v1/feed?type=question", as: "member", wantStatus: 200,
			wantContains: []string{"Hur bokar jag"}, wantNotContains: []string{"Kortkommandon"}},
		{name: "feed without token", method: "GET", url: "/api/v1/feed", wantStatus: 401},

		{name: "tag posts to outsider", method: "GET", url: "/api/v1/tags/crm/posts", as: "outsider", wantStatus: 200,
			wantContains: []string{"Kortkommandon", anonTitle}, wantNotContains: []string{"Topphemlig", "Hemlig säljstrategi"}},
		{name: "tag posts to member", method: "GET", url: "/api/v1/tags/CRM/posts", as: "member", wantStatus: 200,
			wantContains: []string{"Kortkommandon", "Topphemlig", "Hemlig säljstrategi"}},
		{name: "tag posts without token", method: "GET", url: "/api/v1/tags/crm/posts", wantStatus: 401},

		{name: "person with counters seen by outsider", method: "GET", url: "/api/v1/people/{{member_id}}", as: "outsider", wantStatus: 200,
			wantContains: []string{`"name":"Mia Medlem"`, `"stats":{"posts":3,`}},
		{name: "person with counters seen by member", method: "GET", url: "/api/v1/people/{{member_id}}", as: "member", wantStatus: 200,
			wantContains: []string{`"stats":{"posts":4,"answers":1,`}},
		{name: "person never existed", method: "GET", url: "/api/v1/people/987654321", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "person without token", method: "GET", url: "/api/v1/people/{{member_id}}", wantStatus: 401},

		{name: "person posts to outsider", method: "GET", url: "/api/v1/people/{{member_id}}/posts", as: "outsider", wantStatus: 200,
			wantContains: []string{"Kortkommandon"}, wantNotContains: []string{"Hemlig säljstrategi"}},
		{name: "person posts to member", method: "GET", url: "/api/v1/people/{{member_id}}/posts", as: "member", wantStatus: 200, wantContains: []string{"Hemlig säljstrategi"}},
		{name: "person posts never existed", method: "GET", url: "/api/v1/people/987654321/posts", as: "member", wantStatus: 404},
		{name: "person posts without token", method: "GET", url: "/api/v1/people/{{member_id}}/posts", wantStatus: 401},

		{name: "search finds answers' words", method: "GET", url: "/api/v1/search?q=kalendern", as: "outsider", wantStatus: 200,
			wantContains: []string{`"total":1`, `"id":{{question}}`, "Hur bokar jag ett mötesrum", `Boka i kalendern under Resurser.`, `"highlights":[{"start":`, `"next_cursor":""`}},
		{name: "search by tag to outsider", method: "GET", url: "/api/v1/search?q=tag:crm", as: "outsider", wantStatus: 200,
			wantContains: []string{`"total":2`, "Kortkommandon", anonTitle}, wantNotContains: []string{"Topphemlig", "Hemlig säljstrategi"}},
		{name: "search by tag to member", method: "GET", url: "/api/v1/search?q=tag:crm", as: "member", wantStatus: 200,
			wantContains: []string{`"total":4`, "Kortkommandon", "Topphemlig", "Hemlig säljstrategi", anonTitle}},
		{name: "search paged", method: "GET", url: "/api/v1/search?q=tag:crm&limit=1", as: "member", wantStatus: 200,
			wantContains: []string{`"total":4`}, wantNotContains: []string{`"next_cursor":""`}},
		{name: "search closed post to outsider", method: "GET", url: "/api/v1/search?q=kvartalet", as: "outsider", wantStatus: 200,
			wantContains: []string{`"items":[]`, `"total":0`}, wantNotContains: []string{"säljstrategi"}},
		{name: "search closed post to member", method: "GET", url: "/api/v1/search?q=kvartalet", as: "member", wantStatus: 200,
			wantContains: []string{`"total":1`, "Hemlig säljstrategi"}},
		{name: "search secret post to outsider", method: "GET", url: "/api/v1/search?q=omorganisation", as: "outsider", wantStatus: 200,
			wantContains: []string{`"items":[]`, `"total":0`}, wantNotContains: []string{"Topphemlig"}},
		{name: "search secret comment to org admin", method: "GET", url: "/api/v1/search?q=kommentar", as: "admin-admin", wantStatus: 200,
			wantContains: []string{`"items":[]`, `"total":0`}, wantNotContains: []string{"Topphemlig", "Kommentar i det"}},
		{name: "search secret comment to member", method: "GET", url: "/api/v1/search?q=kommentar", as: "member", wantStatus: 200,
			wantContains: []string{`"total":1`, "Topphemlig", "Kommentar i det hemliga."}},
		{name: "search secret community by slug to outsider", method: "GET", url: "/api/v1/search?q=in:ledning", as: "outsider", wantStatus: 200,
			wantContains: []string{`"total":0`}},
		{name: "search anonymous post", method: "GET", url: "/api/v1/search?q=pinsamt", as: "member", wantStatus: 200,
			wantContains: []string{`"total":1`, `"anonymous":true`}, wantNotContains: []string{anonName, anonEmail, anonDept}},
		{name: "search by the anonymous author", method: "GET", url: "/api/v1/search?q=author:astrid", as: "member", wantStatus: 200,
			wantContains: []string{`"total":0`}},
		{name: "search malformed query", method: "GET", url: "/api/v1/search?q=%22kalendern+-+OR+tag%3A", as: "member", wantStatus: 200},
		{name: "search bad limit", method: "GET", url: "/api/v1/search?q=kalendern&limit=0", as: "member", wantStatus: 400, wantContains: []string{`"limit"`}},
		{name: "search without token", method: "GET", url: "/api/v1/search?q=kalendern", wantStatus: 401, wantContains: []string{msgUnauth}},
		{name: "search offers posts with some of the words", method: "GET", url: "/api/v1/search?q=kalendern+kvartalet", as: "outsider", wantStatus: 200,
			wantContains: []string{`"total":0`, `"more_than_total":false`, `"partial":[{"id":{{question}},`}, wantNotContains: []string{"säljstrategi"}},
		{name: "similar questions", method: "GET", url: "/api/v1/similar?title=Var+bokar+man+m%C3%B6tesrum", as: "outsider", wantStatus: 200,
			wantContains: []string{`"title":"Hur bokar jag ett mötesrum?"`, `"next_cursor":""`}},
		{name: "similar questions while typing", method: "GET", url: "/api/v1/similar?title=bokar+m%C3%B6tesr&typing=true", as: "outsider", wantStatus: 200,
			wantContains: []string{`"title":"Hur bokar jag ett mötesrum?"`}},
		{name: "similar anonymous question names no one", method: "GET", url: "/api/v1/similar?title=l%C3%B6nef%C3%B6rh%C3%B6jning+pinsamt", as: "member", wantStatus: 200,
			wantContains: []string{"pinsamt", `"anonymous":true`}, wantNotContains: []string{anonName, anonEmail, anonDept, `"author_id"`}},
		{name: "similar leaves out the question", method: "GET", url: "/api/v1/similar?title=bokar+m%C3%B6tesrum&except={{question}}", as: "outsider", wantStatus: 200,
			wantContains: []string{`"items":[]`}},
		{name: "similar without words", method: "GET", url: "/api/v1/similar?title=", as: "outsider", wantStatus: 200, wantContains: []string{`"items":[]`}},
		{name: "similar bad except", method: "GET", url: "/api/v1/similar?title=x&except=abc", as: "outsider", wantStatus: 400, wantContains: []string{`"except"`}},
		{name: "similar without token", method: "GET", url: "/api/v1/similar?title=m%C3%B6tesrum", wantStatus: 401, wantContains: []string{msgUnauth}},
		{name: "experts", method: "GET", url: "/api/v1/experts?q=m%C3%B6tesrum", as: "outsider", wantStatus: 200,
			wantContains: []string{`"name":"Olle Ägare"`, `"department":"Ledningsgruppen"`, `"answers":1`, `"title":"Hur bokar jag ett mötesrum?"`}},
		{name: "experts never count anonymous posts", method: "GET", url: "/api/v1/experts?q=l%C3%B6nef%C3%B6rh%C3%B6jning", as: "member", wantStatus: 200,
			wantContains: []string{`"name":"Mia Medlem"`}, wantNotContains: []string{anonName, anonDept, `"id":{{anon_id}},`}},
		{name: "experts from a closed community to outsider", method: "GET", url: "/api/v1/experts?q=kvartalet", as: "outsider", wantStatus: 200,
			wantContains: []string{`"items":[]`}},
		{name: "experts from a closed community to member", method: "GET", url: "/api/v1/experts?q=kvartalet", as: "member", wantStatus: 200,
			wantContains: []string{`"name":"Mia Medlem"`, `"posts":1`}},
		{name: "experts from a secret community to org admin", method: "GET", url: "/api/v1/experts?q=omorganisation", as: "admin-admin", wantStatus: 200,
			wantContains: []string{`"items":[]`}},
		{name: "experts from a secret community to member", method: "GET", url: "/api/v1/experts?q=omorganisation", as: "member", wantStatus: 200,
			wantContains: []string{`"name":"Olle Ägare"`}},
		{name: "experts bad limit", method: "GET", url: "/api/v1/experts?q=crm&limit=21", as: "member", wantStatus: 400, wantContains: []string{`"limit"`}},
		{name: "experts without token", method: "GET", url: "/api/v1/experts?q=crm", wantStatus: 401, wantContains: []string{msgUnauth}},

		{name: "audit log to admin", method: "GET", url: "/api/v1/audit-log", as: "admin-admin", wantStatus: 200, wantContains: []string{`"action":"member.add"`}},
		{name: "audit log paged", method: "GET", url: "/api/v1/audit-log?limit=2", as: "admin-admin", wantStatus: 200, wantNotContains: []string{`"next_cursor":""`}},
		{name: "audit log with admin's write token", method: "GET", url: "/api/v1/audit-log", as: "admin", wantStatus: 403, wantContains: []string{msgScope}},
		{name: "audit log with admin token of non-admin", method: "GET", url: "/api/v1/audit-log", as: "member-admin", wantStatus: 403, wantContains: []string{msgScope}},
		{name: "audit log without token", method: "GET", url: "/api/v1/audit-log", wantStatus: 401},

		{name: "wrong method", method: "DELETE", url: "/api/v1/me", as: "member", wantStatus: 405, wantContains: []string{`"code":"method_not_allowed"`}},
		{name: "no such route", method: "GET", url: "/api/v1/nothing/here", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
	}
}

// writeScenarios run in order on one fixture: later rows see earlier changes.
// writeScenarios are the core rows, then each feature's.
func writeScenarios() []scenario {
	core := append(coreWriteScenarios(), moderationScenarios()...)
	return append(core, participationScenarios()...)
}

func coreWriteScenarios() []scenario {
	rows := []scenario{
		// Communities.
		{name: "create community", method: "POST", url: "/api/v1/communities", as: "member", wantStatus: 201,
			body:         `{"slug":"ny-grupp","name":"Ny grupp","description":"Om nytt","kind":"subject","visibility":"open","anonymous_questions":true,"code_of_conduct":"Var snäll."}`,
			wantContains: []string{`"slug":"ny-grupp"`, `"my_role":"owner"`, `"anonymous_questions":true`, `"code_of_conduct":"Var snäll."`, `"member_count":1`}},
		{name: "create community slug taken", method: "POST", url: "/api/v1/communities", as: "outsider", wantStatus: 409,
			body:         `{"slug":"ny-grupp","name":"Annan grupp","kind":"subject","visibility":"open"}`,
			wantContains: []string{`"code":"conflict"`, `"slug":"This address is already taken."`}},
		// Slugs are unique across the organisation, so a taken slug is taken
		// whoever holds it; the answer is the same for a secret community.
		{name: "create community taken by a secret one", method: "POST", url: "/api/v1/communities", as: "outsider", wantStatus: 409,
			body: `{"slug":"ledning","name":"Annan grupp","kind":"subject","visibility":"open"}`, wantContains: []string{`"slug":"This address is already taken."`}},
		{name: "create community invalid", method: "POST", url: "/api/v1/communities", as: "member", wantStatus: 400,
			body:         `{"slug":"Inte OK","name":"","kind":"club"}`,
			wantContains: []string{msgInvalid, `"slug":"Use 1–48 lower-case letters`, `"name":"` + msgRequired + `"`, `"kind":"Choose one of the options."`, `"visibility":"` + msgRequired + `"`}},
		{name: "create community under a parent one does not moderate", method: "POST", url: "/api/v1/communities", as: "member", wantStatus: 400,
			body: `{"slug":"medlems-ekonomi","name":"Medlemmens ekonomi","kind":"subject","visibility":"secret","parent":"ledning"}`, wantContains: []string{`"parent":"You can only place a community under one that you moderate."`}},
		{name: "create community with parent", method: "POST", url: "/api/v1/communities", as: "owner", wantStatus: 201,
			body: `{"slug":"ledning-ekonomi","name":"Ledningens ekonomi","kind":"subject","visibility":"secret","parent":"ledning"}`, wantContains: []string{`"parent_slug":"ledning"`}},
		{name: "create community with hidden parent", method: "POST", url: "/api/v1/communities", as: "outsider", wantStatus: 400,
			body: `{"slug":"otto-grupp","name":"Ottos grupp","kind":"subject","visibility":"open","parent":"ledning"}`, wantContains: []string{`"parent":"There is nothing here, or you cannot see it."`}},
		{name: "create community with read token", method: "POST", url: "/api/v1/communities", as: "member-read", wantStatus: 403,
			body: `{"slug":"las-grupp","name":"Läsgrupp","kind":"subject","visibility":"open"}`, wantContains: []string{msgScope}},
		{name: "create community without token", method: "POST", url: "/api/v1/communities", wantStatus: 401, body: `{}`},

		{name: "update community by owner", method: "PATCH", url: "/api/v1/communities/fika", as: "owner", wantStatus: 200,
			body: `{"description":"Allt om fika","anonymous_questions":true}`, wantContains: []string{`"description":"Allt om fika"`, `"anonymous_questions":true`, `"name":"Fikarummet"`}},
		{name: "update community by moderator of another community", method: "PATCH", url: "/api/v1/communities/fika", as: "mod", wantStatus: 403,
			body: `{"description":"Kapad"}`, wantContains: []string{msgForbid}},
		{name: "update community by moderator", method: "PATCH", url: "/api/v1/communities/fragor", as: "mod", wantStatus: 200,
			body: `{"code_of_conduct":"Inga dumma frågor."}`, wantContains: []string{`"code_of_conduct":"Inga dumma frågor."`}},
		{name: "update community invalid", method: "PATCH", url: "/api/v1/communities/fika", as: "owner", wantStatus: 400,
			body: `{"visibility":"hemlig","name":""}`, wantContains: []string{`"visibility":"Choose one of the options."`, `"name":"` + msgRequired + `"`}},
		{name: "create community under a parent", method: "POST", url: "/api/v1/communities", as: "member", wantStatus: 201,
			body: `{"slug":"ny-undergrupp","name":"Ny undergrupp","kind":"subject","visibility":"closed","parent":"ny-grupp"}`, wantContains: []string{`"parent_slug":"ny-grupp"`}},
		{name: "update community parent cycle", method: "PATCH", url: "/api/v1/communities/ny-grupp", as: "member", wantStatus: 400,
			body: `{"parent":"ny-undergrupp"}`, wantContains: []string{`"parent":"Choose one of the options."`}},
		{name: "update community parent itself", method: "PATCH", url: "/api/v1/communities/ny-grupp", as: "member", wantStatus: 400,
			body: `{"parent":"ny-grupp"}`, wantContains: []string{`"parent":"Choose one of the options."`}},
		{name: "update community parent hidden", method: "PATCH", url: "/api/v1/communities/ny-grupp", as: "member", wantStatus: 400,
			body: `{"parent":"finns-inte"}`, wantContains: []string{`"parent":"There is nothing here, or you cannot see it."`}},
		{name: "update community remove parent", method: "PATCH", url: "/api/v1/communities/ny-undergrupp", as: "member", wantStatus: 200,
			body: `{"parent":""}`, wantNotContains: []string{`"parent_slug"`}},
		{name: "update community unknown field", method: "PATCH", url: "/api/v1/communities/fika", as: "owner", wantStatus: 400,
			body: `{"slugg":"fika2"}`, wantContains: []string{`"slugg":"This field is not known."`}},
		{name: "update secret community by outsider", method: "PATCH", url: "/api/v1/communities/ledning", as: "outsider", wantStatus: 404,
			body: `{"description":"x"}`, wantContains: []string{msgNotFound}},
		{name: "update community with read token", method: "PATCH", url: "/api/v1/communities/fika", as: "member-read", wantStatus: 403, body: `{"description":"x"}`},

		// Joining and members.
		{name: "join open community", method: "POST", url: "/api/v1/communities/fika/join", as: "outsider", wantStatus: 200,
			wantContains: []string{`"my_role":"member"`, `"member_count":5`}},
		{name: "join open community again", method: "POST", url: "/api/v1/communities/fika/join", as: "outsider", wantStatus: 200, wantContains: []string{`"member_count":5`}},
		{name: "join closed community", method: "POST", url: "/api/v1/communities/salj/join", as: "admin", wantStatus: 202,
			body: `{"message":"Jag är admin men vill vara med"}`, wantContains: []string{`{"status":"requested"}`}},
		{name: "join secret community", method: "POST", url: "/api/v1/communities/ledning/join", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "join with read token", method: "POST", url: "/api/v1/communities/fragor/join", as: "outsider-read", wantStatus: 403, wantContains: []string{msgScope}},
		{name: "join without token", method: "POST", url: "/api/v1/communities/fragor/join", wantStatus: 401},

		{name: "decide join request by plain member", method: "POST", url: "/api/v1/communities/salj/join-requests/{{otto_req}}", as: "member", wantStatus: 403,
			body: `{"decision":"approve"}`},
		{name: "decide join request by moderator of another community", method: "POST", url: "/api/v1/communities/salj/join-requests/{{otto_req}}", as: "mod", wantStatus: 404,
			body: `{"decision":"approve"}`, wantContains: []string{msgNotFound}},
		{name: "decide join request of another community", method: "POST", url: "/api/v1/communities/fragor/join-requests/{{otto_req}}", as: "mod", wantStatus: 404,
			body: `{"decision":"approve"}`},
		{name: "decide join request without decision", method: "POST", url: "/api/v1/communities/salj/join-requests/{{otto_req}}", as: "owner", wantStatus: 400,
			body: `{}`, wantContains: []string{`"decision":"` + msgRequired + `"`}},
		{name: "decide join request with read token", method: "POST", url: "/api/v1/communities/salj/join-requests/{{otto_req}}", as: "member-read", wantStatus: 403, body: `{"decision":"approve"}`},
		{name: "approve join request", method: "POST", url: "/api/v1/communities/salj/join-requests/{{otto_req}}", as: "owner", wantStatus: 200,
			body: `{"decision":"approve"}`, wantContains: []string{`"status":"approved"`}},
		{name: "approved member reads closed posts", method: "GET", url: "/api/v1/communities/salj/posts", as: "outsider", wantStatus: 200, wantContains: []string{"Hemlig säljstrategi"}},
		{name: "decide a decided request", method: "POST", url: "/api/v1/communities/salj/join-requests/{{otto_req}}", as: "owner", wantStatus: 404, body: `{"decision":"decline"}`},

		{name: "owner adds to secret community", method: "POST", url: "/api/v1/communities/ledning/members", as: "owner", wantStatus: 201,
			body: `{"email":"{{outsider_email}}"}`, wantContains: []string{`"role":"member"`, `"name":"Otto Utanför"`}},
		{name: "added member reads secret community", method: "GET", url: "/api/v1/communities/ledning/posts", as: "outsider", wantStatus: 200, wantContains: []string{"Topphemlig"}},
		{name: "moderator may not make moderators", method: "POST", url: "/api/v1/communities/fragor/members", as: "mod", wantStatus: 403,
			body: `{"email":"{{outsider_email}}","role":"moderator"}`, wantContains: []string{"Only owners"}},
		{name: "moderator adds member", method: "POST", url: "/api/v1/communities/fragor/members", as: "mod", wantStatus: 201,
			body: `{"email":"{{outsider_email}}"}`, wantContains: []string{`"role":"member"`}},
		{name: "moderator adds existing member", method: "POST", url: "/api/v1/communities/fragor/members", as: "mod", wantStatus: 200, body: `{"email":"{{outsider_email}}","role":"member"}`},
		{name: "moderator of another community adds", method: "POST", url: "/api/v1/communities/fika/members", as: "mod", wantStatus: 403,
			body: `{"email":"{{admin_email}}"}`},
		{name: "plain member adds", method: "POST", url: "/api/v1/communities/fika/members", as: "member", wantStatus: 403, body: `{"email":"{{admin_email}}"}`},
		{name: "add unknown person", method: "POST", url: "/api/v1/communities/fika/members", as: "owner", wantStatus: 400,
			body: `{"email":"ingen@example.se"}`, wantContains: []string{`"email":"No one with that e-mail address."`}},
		{name: "add with bad e-mail and role", method: "POST", url: "/api/v1/communities/fika/members", as: "owner", wantStatus: 400,
			body: `{"email":"inte en adress","role":"kung"}`, wantContains: []string{`"email":"Enter an e-mail address`, `"role":"Choose one of the options."`}},
		{name: "owner makes a moderator", method: "POST", url: "/api/v1/communities/salj/members", as: "owner", wantStatus: 200,
			body: `{"email":"{{outsider_email}}","role":"moderator"}`, wantContains: []string{`"role":"moderator"`}},
		{name: "moderator may not demote an owner", method: "POST", url: "/api/v1/communities/salj/members", as: "outsider", wantStatus: 403,
			body: `{"email":"olle@example.se","role":"member"}`},
		{name: "org admin adds with admin token", method: "POST", url: "/api/v1/communities/fragor/members", as: "admin-admin", wantStatus: 201,
			body: `{"email":"{{admin_email}}"}`},
		{name: "add to secret community by outsider's read token", method: "POST", url: "/api/v1/communities/ledning/members", as: "outsider-read", wantStatus: 403, body: `{"email":"{{admin_email}}"}`},
		{name: "add to secret community by non-member", method: "POST", url: "/api/v1/communities/ledning/members", as: "anon", wantStatus: 404,
			body: `{"email":"{{admin_email}}"}`, wantContains: []string{msgNotFound}},

		// Posts.
		{name: "create post", method: "POST", url: "/api/v1/communities/fika/posts", as: "member", wantStatus: 201,
			body:         `{"type":"how_to","title":"Så byter du lösenord","body":"1. Öppna inställningar\n2. Byt","tags":["Säkerhet","it"],"language":"sv"}`,
			wantContains: []string{`"title":"Så byter du lösenord"`, `"mine":true`, `"author_name":"Mia Medlem"`, `"tags":["it","säkerhet"]`, `"body_html":"\u003col\u003e`}},
		{name: "create post language defaults to the author's", method: "POST", url: "/api/v1/communities/fika/posts", as: "member", wantStatus: 201,
			body: `{"type":"tip","title":"Ett tips till","body":"Text"}`, wantContains: []string{`"language":"sv"`, `"tags":[]`}},
		{name: "create post without joining", method: "POST", url: "/api/v1/communities/fika/posts", as: "admin", wantStatus: 403,
			body: `{"type":"tip","title":"Adminens tips","body":"Text"}`, wantContains: []string{msgForbid, "Join this community"}},
		{name: "create post in closed community as non-member", method: "POST", url: "/api/v1/communities/salj/posts", as: "anon", wantStatus: 404,
			body: `{"type":"tip","title":"Ett tips","body":"Text"}`, wantContains: []string{msgNotFound}},
		{name: "create post in secret community as non-member", method: "POST", url: "/api/v1/communities/ledning/posts", as: "anon", wantStatus: 404,
			body: `{"type":"tip","title":"Ett tips","body":"Text"}`, wantContains: []string{msgNotFound}},
		{name: "create anonymous post where not allowed", method: "POST", url: "/api/v1/communities/salj/posts", as: "member", wantStatus: 400,
			body: `{"type":"question","title":"Vågar jag fråga?","body":"Text","anonymous":true}`, wantContains: []string{`"anonymous":"This community does not allow anonymous questions."`}},
		{name: "create anonymous tip", method: "POST", url: "/api/v1/communities/fragor/posts", as: "member", wantStatus: 400,
			body: `{"type":"tip","title":"Anonymt tips","body":"Text","anonymous":true}`, wantContains: []string{`"anonymous":"Only questions can be asked anonymously."`}},
		{name: "first post without accepting the code of conduct", method: "POST", url: "/api/v1/communities/fragor/posts", as: "member", wantStatus: 400,
			body: `{"type":"question","title":"Vågar jag fråga om semestern?","body":"Text","anonymous":true}`, wantContains: []string{`"accept_code_of_conduct":"Accept the code of conduct before your first post here."`}},
		{name: "create anonymous question", method: "POST", url: "/api/v1/communities/fragor/posts", as: "member", wantStatus: 201,
			body: `{"type":"question","title":"Vågar jag fråga om semestern?","body":"Text","anonymous":true,"accept_code_of_conduct":true}`, wantContains: []string{`"anonymous":true`, `"mine":true`}},
		{name: "second post needs no acceptance", method: "POST", url: "/api/v1/communities/fragor/posts", as: "member", wantStatus: 201,
			body: `{"type":"tip","title":"Ett tips om semestern","body":"Text"}`, wantContains: []string{`"mine":true`}},
		{name: "create post invalid", method: "POST", url: "/api/v1/communities/fika/posts", as: "member", wantStatus: 400,
			body:         `{"type":"essay","title":"Kort","body":"","tags":["a","b","c","d","e","f"],"language":"de"}`,
			wantContains: []string{`"type":"Choose one of the options."`, `"title":"This is too short."`, `"body":"` + msgRequired + `"`, `"tags":"Use at most 5 tags."`, `"language":"Choose one of the options."`}},
		{name: "create post missing type", method: "POST", url: "/api/v1/communities/fika/posts", as: "member", wantStatus: 400,
			body: `{"title":"Utan typ här","body":"Text"}`, wantContains: []string{`"type":"` + msgRequired + `"`}},
		{name: "create post with read token", method: "POST", url: "/api/v1/communities/fika/posts", as: "member-read", wantStatus: 403,
			body: `{"type":"tip","title":"Ett tips","body":"Text"}`, wantContains: []string{msgScope}},
		{name: "create post without token", method: "POST", url: "/api/v1/communities/fika/posts", wantStatus: 401, body: `{}`},

		{name: "edit own post", method: "PATCH", url: "/api/v1/posts/{{tip}}", as: "member", wantStatus: 200,
			body: `{"title":"Kortkommandon i CRM, uppdaterat"}`, wantContains: []string{`"title":"Kortkommandon i CRM, uppdaterat"`, `"edited":true`, `"tags":["crm"]`}},
		{name: "revisions after edit", method: "GET", url: "/api/v1/posts/{{tip}}/revisions", as: "outsider", wantStatus: 200,
			wantContains: []string{`"title":"Kortkommandon i CRM-systemet"`, `"editor_name":"Mia Medlem"`, `"tags":"crm"`}},
		{name: "edit by moderator of another community", method: "PATCH", url: "/api/v1/posts/{{question}}", as: "mod", wantStatus: 403, body: `{"title":"Kapad titel"}`},
		{name: "edit by moderator", method: "PATCH", url: "/api/v1/posts/{{question}}", as: "owner", wantStatus: 200,
			body: `{"tags":["lokaler","bokning"]}`, wantContains: []string{`"tags":["bokning","lokaler"]`, `"title":"Hur bokar jag ett mötesrum?"`}},
		{name: "edit invalid", method: "PATCH", url: "/api/v1/posts/{{tip}}", as: "member", wantStatus: 400, body: `{"title":"x"}`, wantContains: []string{`"title":"This is too short."`}},
		{name: "edit anonymity is not editable", method: "PATCH", url: "/api/v1/posts/{{tip}}", as: "member", wantStatus: 400, body: `{"anonymous":true}`, wantContains: []string{`"anonymous":"A post published under your name cannot become anonymous."`}},
		{name: "edit keeps a named post named", method: "PATCH", url: "/api/v1/posts/{{tip}}", as: "member", wantStatus: 200, body: `{"anonymous":false}`, wantContains: []string{`"anonymous":false`, `"author_name":"Mia Medlem"`}},
		{name: "edit hidden post", method: "PATCH", url: "/api/v1/posts/{{salj_post}}", as: "anon", wantStatus: 404, body: `{"title":"Kapad titel"}`, wantContains: []string{msgNotFound}},
		{name: "edit with read token", method: "PATCH", url: "/api/v1/posts/{{tip}}", as: "member-read", wantStatus: 403, body: `{"title":"Läsbar titel"}`},

		// Answers and comments.
		{name: "answer as a reader who is no member", method: "POST", url: "/api/v1/posts/{{question}}/answers", as: "admin", wantStatus: 201,
			body: `{"body":"Eller fråga receptionen."}`, wantContains: []string{`"kind":"answer"`, `"mine":true`, `"author_name":"Ada Administratör"`, `"comments":[]`}},
		{name: "answer a tip", method: "POST", url: "/api/v1/posts/{{tip}}/answers", as: "member", wantStatus: 400,
			body: `{"body":"Svar"}`, wantContains: []string{"Only questions take answers."}},
		{name: "answer empty", method: "POST", url: "/api/v1/posts/{{question}}/answers", as: "member", wantStatus: 400,
			body: `{"body":"  "}`, wantContains: []string{`"body":"` + msgRequired + `"`}},
		{name: "answer a hidden post", method: "POST", url: "/api/v1/posts/{{salj_post}}/answers", as: "anon", wantStatus: 404, body: `{"body":"Svar"}`, wantContains: []string{msgNotFound}},
		{name: "answer with read token", method: "POST", url: "/api/v1/posts/{{question}}/answers", as: "member-read", wantStatus: 403, body: `{"body":"Svar"}`},

		{name: "comment on post", method: "POST", url: "/api/v1/posts/{{tip}}/comments", as: "outsider", wantStatus: 201,
			body: `{"body":"Tack, **bra** tips!"}`, wantContains: []string{`"kind":"comment"`, `\u003cstrong\u003ebra\u003c/strong\u003e`}},
		{name: "comment on answer", method: "POST", url: "/api/v1/posts/{{question}}/comments", as: "member", wantStatus: 201,
			body: `{"body":"Tack för svaret","parent_id":{{answer}}}`, wantContains: []string{`"parent_id":{{answer}}`}},
		{name: "comment on an answer of another post", method: "POST", url: "/api/v1/posts/{{tip}}/comments", as: "member", wantStatus: 400,
			body: `{"body":"Fel ställe","parent_id":{{answer}}}`, wantContains: []string{`"parent_id":"Choose an answer to this question."`}},
		{name: "comment on a comment", method: "POST", url: "/api/v1/posts/{{question}}/comments", as: "member", wantStatus: 400,
			body: `{"body":"Djupt","parent_id":{{answer_comment}}}`, wantContains: []string{`"parent_id"`}},
		{name: "comment on hidden post", method: "POST", url: "/api/v1/posts/{{ledning_post}}/comments", as: "anon", wantStatus: 404, body: `{"body":"Hej"}`},
		{name: "comment with read token", method: "POST", url: "/api/v1/posts/{{tip}}/comments", as: "member-read", wantStatus: 403, body: `{"body":"Hej"}`},

		// Reactions.
		{name: "react to own post", method: "POST", url: "/api/v1/posts/{{tip}}/reactions", as: "member", wantStatus: 201,
			body: `{"kind":"helped_me"}`, wantContains: []string{`"reacted":true`, `"helped_me":1`}},
		{name: "react again changes nothing", method: "POST", url: "/api/v1/posts/{{tip}}/reactions", as: "member", wantStatus: 200,
			body: `{"kind":"helped_me"}`, wantContains: []string{`"helped_me":1`}},
		{name: "another person reacts", method: "POST", url: "/api/v1/posts/{{tip}}/reactions", as: "outsider", wantStatus: 201,
			body: `{"kind":"helped_me"}`, wantContains: []string{`"helped_me":2`}},
		{name: "react to an answer", method: "POST", url: "/api/v1/posts/{{question}}/reactions", as: "member", wantStatus: 201,
			body: `{"kind":"thanks","reply_id":{{answer}}}`, wantContains: []string{`"reply_id":{{answer}}`, `"thanks":1`}},
		{name: "my reactions show on the post", method: "GET", url: "/api/v1/posts/{{question}}", as: "member", wantStatus: 200,
			wantContains: []string{`"my_reactions":["thanks"]`}},
		{name: "react to a reply of another post", method: "POST", url: "/api/v1/posts/{{tip}}/reactions", as: "member", wantStatus: 400,
			body: `{"kind":"like","reply_id":{{answer}}}`, wantContains: []string{`"reply_id"`}},
		{name: "react with an unknown kind", method: "POST", url: "/api/v1/posts/{{tip}}/reactions", as: "member", wantStatus: 400,
			body: `{"kind":"love"}`, wantContains: []string{`"kind":"Choose one of the options."`}},
		{name: "react to hidden post", method: "POST", url: "/api/v1/posts/{{ledning_post}}/reactions", as: "anon", wantStatus: 404, body: `{"kind":"like"}`, wantContains: []string{msgNotFound}},
		{name: "react with read token", method: "POST", url: "/api/v1/posts/{{tip}}/reactions", as: "member-read", wantStatus: 403, body: `{"kind":"like"}`},
		{name: "take back a reaction", method: "DELETE", url: "/api/v1/posts/{{tip}}/reactions/helped_me", as: "outsider", wantStatus: 200,
			wantContains: []string{`"reacted":false`, `"helped_me":1`}},
		{name: "take back again changes nothing", method: "DELETE", url: "/api/v1/posts/{{tip}}/reactions/helped_me", as: "outsider", wantStatus: 200, wantContains: []string{`"helped_me":1`}},
		{name: "take back on an answer", method: "DELETE", url: "/api/v1/posts/{{question}}/reactions/thanks?reply_id={{answer}}", as: "member", wantStatus: 200, wantContains: []string{`"thanks":0`}},
		{name: "take back an unknown kind", method: "DELETE", url: "/api/v1/posts/{{tip}}/reactions/love", as: "member", wantStatus: 400},
		{name: "take back on hidden post", method: "DELETE", url: "/api/v1/posts/{{ledning_post}}/reactions/like", as: "anon", wantStatus: 404},
		{name: "take back with read token", method: "DELETE", url: "/api/v1/posts/{{tip}}/reactions/helped_me", as: "member-read", wantStatus: 403},

		// Accepting answers.
		{name: "accept by someone else", method: "POST", url: "/api/v1/posts/{{question}}/accept", as: "outsider", wantStatus: 403, body: `{"answer_id":{{answer}}}`},
		{name: "accept by moderator of another community", method: "POST", url: "/api/v1/posts/{{question}}/accept", as: "mod", wantStatus: 403, body: `{"answer_id":{{answer}}}`},
		{name: "accept without answer", method: "POST", url: "/api/v1/posts/{{question}}/accept", as: "member", wantStatus: 400, body: `{}`, wantContains: []string{`"answer_id":"` + msgRequired + `"`}},
		{name: "accept an answer of another post", method: "POST", url: "/api/v1/posts/{{question}}/accept", as: "member", wantStatus: 400,
			body: `{"answer_id":{{anon_answer}}}`, wantContains: []string{`"answer_id":"Choose an answer to this question."`}},
		{name: "accept on a tip", method: "POST", url: "/api/v1/posts/{{tip}}/accept", as: "member", wantStatus: 400, body: `{"answer_id":{{answer}}}`, wantContains: []string{"Only questions have accepted answers."}},
		{name: "accept by the asker", method: "POST", url: "/api/v1/posts/{{question}}/accept", as: "member", wantStatus: 200,
			body: `{"answer_id":{{answer}}}`, wantContains: []string{`"accepted_answer_id":{{answer}}`}},
		{name: "accepted answer comes first", method: "GET", url: "/api/v1/posts/{{question}}", as: "outsider", wantStatus: 200,
			wantContains: []string{`"answers":[{"id":{{answer}},`, `"accepted":true`}},
		{name: "accept by the anonymous asker", method: "POST", url: "/api/v1/posts/{{anon_q}}/accept", as: "anon", wantStatus: 200,
			body: `{"answer_id":{{anon_answer}}}`, wantContains: []string{`"accepted_answer_id":{{anon_answer}}`, `"author_name":"` + anonName + `"`}},
		{name: "accept by moderator", method: "POST", url: "/api/v1/posts/{{anon_q}}/accept", as: "mod", wantStatus: 200,
			body: `{"answer_id":0}`, wantNotContains: []string{`"accepted_answer_id"`, anonName, anonDept, `"author_id"`}},
		{name: "accept on hidden post", method: "POST", url: "/api/v1/posts/{{salj_post}}/accept", as: "anon", wantStatus: 404, body: `{"answer_id":1}`},
		{name: "accept with read token", method: "POST", url: "/api/v1/posts/{{question}}/accept", as: "member-read", wantStatus: 403, body: `{"answer_id":{{answer}}}`},

		// Votes.
		{name: "vote", method: "POST", url: "/api/v1/posts/{{idea}}/votes", as: "outsider", wantStatus: 201, wantContains: []string{`"voted":true`, `"vote_count":1`}},
		{name: "vote again", method: "POST", url: "/api/v1/posts/{{idea}}/votes", as: "outsider", wantStatus: 200, wantContains: []string{`"vote_count":1`}},
		{name: "my vote shows on the idea", method: "GET", url: "/api/v1/posts/{{idea}}", as: "outsider", wantStatus: 200, wantContains: []string{`"voted":true`, `"vote_count":1`}},
		{name: "vote with a body", method: "POST", url: "/api/v1/posts/{{idea}}/votes", as: "member", wantStatus: 400, body: `{"up":true}`},
		{name: "vote on a tip", method: "POST", url: "/api/v1/posts/{{tip}}/votes", as: "member", wantStatus: 400, wantContains: []string{"Only ideas take votes."}},
		{name: "vote on hidden post", method: "POST", url: "/api/v1/posts/{{ledning_post}}/votes", as: "anon", wantStatus: 404},
		{name: "vote with read token", method: "POST", url: "/api/v1/posts/{{idea}}/votes", as: "member-read", wantStatus: 403},
		{name: "withdraw vote", method: "DELETE", url: "/api/v1/posts/{{idea}}/votes", as: "outsider", wantStatus: 200, wantContains: []string{`"voted":false`, `"vote_count":0`}},
		{name: "withdraw vote again", method: "DELETE", url: "/api/v1/posts/{{idea}}/votes", as: "outsider", wantStatus: 200, wantContains: []string{`"vote_count":0`}},
		{name: "withdraw vote on hidden post", method: "DELETE", url: "/api/v1/posts/{{ledning_post}}/votes", as: "anon", wantStatus: 404},
		{name: "withdraw vote with read token", method: "DELETE", url: "/api/v1/posts/{{idea}}/votes", as: "member-read", wantStatus: 403},

		// Idea status.
		{name: "status by moderator", method: "POST", url: "/api/v1/posts/{{idea}}/status", as: "owner", wantStatus: 200,
			body: `{"status":"planned","note":"Vi testar i maj."}`, wantContains: []string{`"status":"planned"`, `"from":"new","to":"planned","note":"Vi testar i maj.","by_name":"Olle Ägare"`}},
		{name: "status by the author", method: "POST", url: "/api/v1/posts/{{idea}}/status", as: "member", wantStatus: 403, body: `{"status":"done"}`},
		{name: "status by moderator of another community", method: "POST", url: "/api/v1/posts/{{idea}}/status", as: "mod", wantStatus: 403, body: `{"status":"done"}`},
		{name: "status invalid", method: "POST", url: "/api/v1/posts/{{idea}}/status", as: "owner", wantStatus: 400, body: `{"status":"maybe"}`, wantContains: []string{`"status":"Choose one of the options."`}},
		{name: "status on a tip", method: "POST", url: "/api/v1/posts/{{tip}}/status", as: "owner", wantStatus: 400, body: `{"status":"done"}`},
		{name: "status on hidden post", method: "POST", url: "/api/v1/posts/{{salj_post}}/status", as: "anon", wantStatus: 404, body: `{"status":"done"}`},
		{name: "status with read token", method: "POST", url: "/api/v1/posts/{{idea}}/status", as: "member-read", wantStatus: 403, body: `{"status":"done"}`},

		// Deleting.
		{name: "delete by someone else", method: "DELETE", url: "/api/v1/posts/{{tip}}", as: "outsider", wantStatus: 403},
		{name: "delete by moderator of another community", method: "DELETE", url: "/api/v1/posts/{{tip}}", as: "mod", wantStatus: 403},
		{name: "delete hidden post", method: "DELETE", url: "/api/v1/posts/{{salj_post}}", as: "anon", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "delete with read token", method: "DELETE", url: "/api/v1/posts/{{tip}}", as: "member-read", wantStatus: 403},
		{name: "delete by moderator", method: "DELETE", url: "/api/v1/posts/{{idea}}", as: "owner", wantStatus: 204},
		{name: "deleted post is gone", method: "GET", url: "/api/v1/posts/{{idea}}", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "moderator's delete is audited", method: "GET", url: "/api/v1/audit-log", as: "admin-admin", wantStatus: 200, wantContains: []string{`"action":"post.delete","object_kind":"post","object_id":{{idea}}`}},
		{name: "delete own post", method: "DELETE", url: "/api/v1/posts/{{tip}}", as: "member", wantStatus: 204},
		{name: "delete twice", method: "DELETE", url: "/api/v1/posts/{{tip}}", as: "member", wantStatus: 404},
	}
	rows = append(rows, uploadScenarios()...)
	rows = append(rows, []scenario{
		// Leaving.
		{name: "last owner cannot leave", method: "POST", url: "/api/v1/communities/fika/leave", as: "owner", wantStatus: 409, wantContains: []string{"A community needs at least one owner."}},
		{name: "leave with read token", method: "POST", url: "/api/v1/communities/salj/leave", as: "member-read", wantStatus: 403},
		{name: "leave secret community one is not in", method: "POST", url: "/api/v1/communities/ledning/leave", as: "anon", wantStatus: 404},
		{name: "leave closed community", method: "POST", url: "/api/v1/communities/salj/leave", as: "member", wantStatus: 204},
		{name: "a leaver loses access at once", method: "GET", url: "/api/v1/posts/{{salj_post}}", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "leave secret community", method: "POST", url: "/api/v1/communities/ledning/leave", as: "member", wantStatus: 204},
		{name: "a secret community vanishes for a leaver", method: "GET", url: "/api/v1/communities/ledning", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "leave without being a member", method: "POST", url: "/api/v1/communities/salj/leave", as: "member", wantStatus: 204},
		{name: "leave without token", method: "POST", url: "/api/v1/communities/salj/leave", wantStatus: 401},
	}...)
	return rows
}

func TestReadScenarios(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.run(t, readScenarios(), nil)
}

func TestWriteScenarios(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	f.run(t, writeScenarios(), nil)
}

// TestEveryRouteHasScenarios holds the tables to STYLE #16: each route has
// at least one success row and one row where the caller is refused.
func TestEveryRouteHasScenarios(t *testing.T) {
	t.Parallel()
	a := New(nil, Options{Logger: discardLogger()})
	match := routeMatcher(a)
	success, refused := map[string]bool{}, map[string]bool{}
	for _, sc := range append(append(readScenarios(), writeScenarios()...), replyScenarios()...) {
		pattern := match(sc.method, strings.NewReplacer("{{", "1", "}}", "").Replace(sc.url))
		if sc.wantStatus < 300 {
			success[pattern] = true
		}
		if sc.wantStatus == 401 || sc.wantStatus == 403 || sc.wantStatus == 404 {
			refused[pattern] = true
		}
	}
	for _, p := range a.Routes() {
		if !success[p] {
			t.Errorf("%s has no success scenario", p)
		}
		if !refused[p] && p != "GET /api/v1/openapi.json" {
			t.Errorf("%s has no authorisation-failure scenario", p)
		}
	}
}

// routeMatcher returns which route pattern a request would reach.
func routeMatcher(a *API) func(method, url string) string {
	mux := http.NewServeMux()
	for _, p := range a.Routes() {
		mux.Handle(p, http.NotFoundHandler())
	}
	return func(method, url string) string {
		_, pattern := mux.Handler(httptest.NewRequest(method, url, nil))
		return pattern
	}
}
