package main

import (
	"context"
	"net/http"
	"regexp"
	"slices"
	"strconv"
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
	a.moderatedControls()
}

// allViewers are everyone the fixture has, for the moderated items: each
// item has its own few who may see it.
var allViewers = []string{"visitor", "owner", "member", "removed", "outsider", "othermod", "asker", "admin"}

// moderatedLeaks lists the canaries and ids, found in text, of the held
// and hidden items the viewer may not see.
func (a *sweepApp) moderatedLeaks(text, vname string) []string {
	var found []string
	lower := strings.ToLower(text)
	for _, m := range a.moderated {
		if slices.Contains(m.allowed, vname) {
			continue
		}
		for _, c := range m.canaries {
			if strings.Contains(lower, strings.ToLower(c)) {
				found = append(found, m.name+": "+c)
			}
		}
		re := regexp.MustCompile(`(/p/|posts/|"post_id":)` + strconv.FormatInt(m.post, 10) + `\b`)
		if m.reply != 0 {
			re = regexp.MustCompile(`(/r/|#r|replies/|"reply_id":|"answer_id":|"accepted_answer_id":|"parent_id":)` + strconv.FormatInt(m.reply, 10) + `\b`)
		}
		if s := re.FindString(text); s != "" {
			found = append(found, m.name+" id ("+s+")")
		}
	}
	return found
}

// moderatedControls shows the held and hidden items are really news to
// people who may not see them (there are notification rows to leak), and
// that the sweep can find them: the owner, who moderates kafe and was
// mentioned in each, is told of each in live events and mail. Nobody
// else's unread count moved when they were planted; the owner's by one
// for each.
func (a *sweepApp) moderatedControls() {
	a.t.Helper()
	for _, key := range []string{"member", "removed", "asker", "outsider", "othermod", "owner"} {
		if len(a.told[key]) == 0 {
			a.t.Fatalf("control: %s has no notification row of the held and hidden items: the sweep would prove nothing", key)
		}
	}
	owner := a.viewers["owner"]
	for name, run := range map[string]func(*sweepApp, viewer) []string{"live events": sweepEvents, "mail": sweepMail} {
		found := map[string]bool{}
		for _, seen := range run(a, owner) {
			for _, l := range a.moderatedLeaks(seen, "visitor") {
				found[strings.SplitN(l, ":", 2)[0]] = true
				found[strings.SplitN(l, " id (", 2)[0]] = true
			}
		}
		for _, m := range a.moderated {
			if !found[m.name] {
				a.t.Fatalf("control: the %s of kafe's owner do not tell them of the %s (found %v): the hook would prove nothing", name, m.name, found)
			}
		}
	}
	for key, p := range a.people {
		n, err := a.s.UnreadCount(context.Background(), p.ID)
		a.must(err, "unread count")
		want := a.unread[key]
		if key == "owner" {
			want += int64(len(a.moderated))
		}
		if n != want {
			a.t.Errorf("unread count of %s is %d after the held and hidden items were planted; want %d", key, n, want)
		}
	}
}

// sweepModerated reads every hook as everyone, and every reading route
// (filled for the anonymous question in kafe, where the held and hidden
// items are) as everyone signed in, and looks for the held and hidden
// items each viewer may not see.
func (a *sweepApp) sweepModerated() {
	a.t.Helper()
	for _, hook := range sweepHooks {
		for _, vname := range allViewers {
			for _, seen := range hook.run(a, a.viewers[vname]) {
				if found := a.moderatedLeaks(seen, vname); len(found) > 0 {
					a.t.Errorf("%s as %s shows what is under moderation: %q", hook.name, vname, found)
				}
			}
		}
	}
}
