package main

import (
	"net/http"
	"strings"
)

// The audit export in both formats is a surface of its own: the registry
// sweeps the JSON one as a route, this hook the CSV one too.
func init() {
	sweepHooks = append(sweepHooks, sweepHook{name: "audit export", run: sweepAuditExport})
}

func sweepAuditExport(a *sweepApp, v viewer) []string {
	var seen []string
	for _, format := range []string{"csv", "json"} {
		res := a.do("GET", "/admin/audit/export?format="+format, "", "", v)
		seen = append(seen, res.header.Get("Content-Disposition")+"\n"+res.body)
	}
	return seen
}

// moderationControls shows the moderation surfaces are really swept: their
// moderators do see the reports, the held comment and the log entries the
// sweep looks through.
func (a *sweepApp) moderationControls() {
	a.t.Helper()
	for _, c := range []struct{ who, path, want string }{
		{"owner", "/c/" + a.secret["community"] + "/moderation", canaryReport},
		{"owner", "/api/v1/communities/" + a.secret["community"] + "/moderation", canaryReport},
		{"owner", "/c/kafe/moderation", anonTitle},
		{"owner", "/c/kafe/moderation", "vänta lite"},
		{"admin", "/api/v1/communities/kafe/moderation", "Kan avslöja vem det är."},
		{"admin", "/admin/audit/export?format=csv", "Låser min egen fråga"},
		{"admin", "/admin/audit/export?format=json", "post.lock"},
	} {
		res := a.do("GET", c.path, "", "", a.viewers[c.who])
		if res.status != http.StatusOK || !strings.Contains(res.body, c.want) {
			a.t.Fatalf("control: GET %s as %s answered %d without %q: the sweep would prove nothing\n%s", c.path, c.who, res.status, c.want, clip(res.body))
		}
	}
}
