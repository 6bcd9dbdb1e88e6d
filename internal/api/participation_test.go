package api

// participationScenarios cover notifications; they run after the core
// write rows on the same fixture.
func participationScenarios() []scenario {
	return []scenario{
		{name: "notifications of the anonymous asker", method: "GET", url: "/api/v1/notifications", as: "anon", wantStatus: 200,
			wantContains: []string{`"kind":"answer"`, `"text":"Mia Medlem svarade på ”` + anonTitle + `”"`, `"url":"/p/{{anon_q}}#r{{anon_answer}}"`, `"read":false`}},
		{name: "notifications of a moderator", method: "GET", url: "/api/v1/notifications?limit=5", as: "owner", wantStatus: 200,
			wantContains:    []string{`"kind":"join_request"`, `Otto Utanför vill gå med i Säljcoacher`, `"url":"/c/salj/requests"`},
			wantNotContains: []string{anonName, anonEmail}},
		{name: "notifications never name the anonymous asker", method: "GET", url: "/api/v1/notifications", as: "member", wantStatus: 200,
			wantNotContains: []string{anonName, anonEmail, `"actor_id":{{anon_id}},`}},
		{name: "notifications without token", method: "GET", url: "/api/v1/notifications", wantStatus: 401},
		{name: "notifications with a bad cursor", method: "GET", url: "/api/v1/notifications?cursor=zz", as: "anon", wantStatus: 400},
		{name: "mark read with a read token", method: "POST", url: "/api/v1/notifications/read", as: "member-read", body: `{"all":true}`, wantStatus: 403},
		{name: "mark read with a bad body", method: "POST", url: "/api/v1/notifications/read", as: "anon", body: `{"ids":"x"}`, wantStatus: 400},
		{name: "mark someone else's notifications read", method: "POST", url: "/api/v1/notifications/read", as: "outsider", body: `{"all":true}`, wantStatus: 200,
			wantContains: []string{`{"unread":0}`}},
		{name: "the anonymous asker's stay unread", method: "GET", url: "/api/v1/notifications", as: "anon", wantStatus: 200, wantContains: []string{`"read":false`}},
		{name: "mark all read", method: "POST", url: "/api/v1/notifications/read", as: "anon", body: `{"all":true}`, wantStatus: 200, wantContains: []string{`{"unread":0}`}},
		{name: "events missed since an id", method: "GET", url: "/api/v1/events?max_seconds=0&post={{anon_q}}&last_event_id=0-0", as: "anon", wantStatus: 200,
			wantContains: []string{"event: notification", "event: answer", `"reply_id":{{anon_answer}}`}, wantNotContains: []string{anonName}},
		{name: "events of the caller only", method: "GET", url: "/api/v1/events?max_seconds=0&last_event_id=0-0", as: "outsider", wantStatus: 200,
			wantNotContains: []string{"Mia Medlem svarade"}},
		{name: "events on a hidden post", method: "GET", url: "/api/v1/events?post={{ledning_post}}", as: "anon", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "events in a secret community", method: "GET", url: "/api/v1/events?community=ledning", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "events with a bad limit", method: "GET", url: "/api/v1/events?max_seconds=-1", as: "anon", wantStatus: 400},
		{name: "events without token", method: "GET", url: "/api/v1/events", wantStatus: 401},
		{name: "read after marking", method: "GET", url: "/api/v1/notifications", as: "anon", wantStatus: 200, wantContains: []string{`"read":true`}, wantNotContains: []string{`"read":false`}},
	}
}
