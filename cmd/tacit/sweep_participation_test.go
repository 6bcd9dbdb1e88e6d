package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/mail"
	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
)

// Participation (docs/notifications.md) joins the sweep with four hooks:
// every live event a person's stream would replay (through the broker and
// through both HTTP streams), every mail they would get (notifications and
// digest), every Atom feed read with their own feed token, and their own
// unsubscribe page. Each viewer's results are searched for the secret
// community's canaries and for the anonymous asker.
func init() {
	sweepHooks = append(sweepHooks,
		sweepHook{name: "live events", run: sweepEvents},
		sweepHook{name: "mail", run: sweepMail},
		sweepHook{name: "atom feeds with a feed token", run: sweepFeeds},
		sweepHook{name: "unsubscribe page", run: sweepUnsubscribe})
}

// person is the viewer's person; ok is false for the signed-out visitor.
func (a *sweepApp) person(v viewer) (store.Person, bool) {
	p, ok := a.people[v.name]
	return p, ok
}

// watches are what a live stream may listen to beside the person's own
// notifications: the secret question and community, and the anonymous
// question and its community.
func (a *sweepApp) watches() []notify.Watch {
	id := func(f fill, kind string) int64 {
		var n int64
		fmt.Sscan(f[kind], &n)
		return n
	}
	community := func(slug string) int64 {
		var n int64
		a.must(a.raw.QueryRow(`SELECT id FROM communities WHERE slug = $1`, slug).Scan(&n), "community id")
		return n
	}
	return []notify.Watch{{},
		{PostID: id(a.secret, "post"), CommunityID: community(a.secret["community"])},
		{PostID: id(a.secret, "idea")},
		{PostID: id(a.anon, "post"), CommunityID: community(a.anon["community"])},
		{PostID: id(a.own, "post")}} // the member's question in kafe, with a held answer and a hidden comment
}

// sweepEvents reads every event the viewer's stream would replay from the
// start of both sequences: with the broker's Missed, for every watch, and
// through GET /events and GET /api/v1/events, which end at once with
// max_seconds=0.
func sweepEvents(a *sweepApp, v viewer) []string {
	p, ok := a.person(v)
	if !ok {
		return nil
	}
	ctx := context.Background()
	b := notify.NewBroker(a.s, nil)
	var seen []string
	for _, w := range a.watches() {
		events, err := b.Missed(ctx, p.ID, p.Language, w, "0-0", 1000)
		a.must(err, "missed events")
		for _, e := range events {
			seen = append(seen, "id: "+e.ID+"\nevent: "+e.Name+"\ndata: "+string(e.Data))
		}
	}
	for _, target := range []string{"/events?from=0-0&max_seconds=0", "/api/v1/events?last_event_id=0-0&max_seconds=0"} {
		res := a.do("GET", target, "", "", v)
		if res.status != http.StatusOK {
			a.t.Errorf("GET %s as %s: %d", target, v.name, res.status)
		}
		seen = append(seen, res.body)
	}
	return seen
}

// mailDay is the day the mail hook builds digests for: tomorrow, so that
// everything planted today is in the period.
func mailDay() time.Time { return time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, 1) }

func (a *sweepApp) mailer() *mail.Mailer {
	return &mail.Mailer{Store: a.s, Sender: mail.Dir{Path: a.t.TempDir()}, BaseURL: "https://tacit.example.se", From: "Tacit <tacit@example.se>"}
}

// sweepMail reads every mail the viewer would get now, as it would be sent.
func sweepMail(a *sweepApp, v viewer) []string {
	p, ok := a.person(v)
	if !ok {
		return nil
	}
	msgs, err := a.mailer().WouldSend(context.Background(), p.ID, mailDay())
	a.must(err, "would send")
	var seen []string
	for _, m := range msgs {
		// The fields, not the encoded bytes: quoted-printable would hide
		// every canary with a letter outside ASCII.
		seen = append(seen, strings.Join([]string{m.From, m.To, m.Subject, m.MessageID, m.Unsubscribe, m.Text, m.HTML}, "\n"))
	}
	return seen
}

// feedTargets are the feeds of the secret community, its tag and its
// owner, and of the anonymous question's community, tag and asker, and the
// home feed.
func (a *sweepApp) feedTargets() []request {
	var out []request
	for _, f := range []fill{a.secret, a.anon} {
		out = append(out,
			request{path: "/c/" + url.PathEscape(f["community"]) + "/feed.atom", values: []string{f["community"]}},
			request{path: "/t/" + url.PathEscape(f["tag"]) + "/feed.atom", values: []string{f["tag"]}})
	}
	out = append(out,
		request{path: "/u/" + a.secret["person"] + "/feed.atom", values: []string{"/u/" + a.secret["person"]}},
		// The person feed links its person's page: an echo of the id asked for.
		request{path: a.askerFeed(), values: []string{fmt.Sprintf("/u/%d", a.people["asker"].ID)}},
		request{path: "/feed.atom"},
		// kafe's tag and the outsider, whose held question is in kafe.
		request{path: "/t/kaffe/feed.atom", values: []string{"kaffe"}},
		request{path: fmt.Sprintf("/u/%d/feed.atom", a.people["outsider"].ID), values: []string{fmt.Sprintf("/u/%d", a.people["outsider"].ID)}})
	return out
}

// feedToken gives a person a new feed token and returns it.
func (a *sweepApp) feedToken(p store.Person) string {
	tok := auth.NewSecret("feed_")
	a.must(a.s.CreateFeedToken(context.Background(), p.ID, auth.HashSecret(tok)), "feed token")
	return tok
}

// sweepFeeds reads every feed with the viewer's own feed token. The feed
// echoes its own address, which tells nothing, so that is left out.
func sweepFeeds(a *sweepApp, v viewer) []string {
	p, ok := a.person(v)
	if !ok {
		return nil
	}
	tok := a.feedToken(p)
	var seen []string
	for _, r := range a.feedTargets() {
		res := a.do("GET", r.path+"?token="+url.QueryEscape(tok), "", "", viewer{name: "feed reader"})
		if res.status != http.StatusOK && res.status != http.StatusNotFound {
			a.t.Errorf("GET %s with %s's feed token: %d", r.path, v.name, res.status)
		}
		text := echoless(res, r)
		if r.path == a.askerFeed() {
			// The asker's own feed names them, as their profile does (it is
			// not a sweep target for the anonymous question for that
			// reason); what it may not hold is their anonymous question.
			text = strings.ReplaceAll(text, "<title>"+anonAskerName+" · Tacit</title>", "<title>{person}</title>")
			if strings.Contains(text, anonTitle) || strings.Contains(text, "/p/"+a.anon["post"]+"<") {
				text += "\nZqxanonym: the anonymous question is in its asker's feed"
			}
		}
		seen = append(seen, text)
	}
	return seen
}

func (a *sweepApp) askerFeed() string { return fmt.Sprintf("/u/%d/feed.atom", a.people["asker"].ID) }

// sweepUnsubscribe reads the viewer's own unsubscribe page for every kind.
func sweepUnsubscribe(a *sweepApp, v viewer) []string {
	p, ok := a.person(v)
	if !ok {
		return nil
	}
	ms, err := a.s.MailSettings(context.Background(), p.ID)
	a.must(err, "mail settings")
	var seen []string
	for _, kind := range append([]string{"", "digest"}, store.NotificationKinds...) {
		res := a.do("GET", "/mail/unsubscribe/"+ms.Token+"?kind="+kind, "", "", viewer{name: "mail reader"})
		if res.status != http.StatusOK {
			a.t.Errorf("GET own unsubscribe page of %s (%q): %d", v.name, kind, res.status)
		}
		seen = append(seen, res.body)
	}
	return seen
}

// participationControls shows the hooks can fail: the member of the secret
// community does get its canaries and ids in events, streams, mail and
// feeds; and the answerer of the anonymous question is told it helped.
func (a *sweepApp) participationControls() {
	a.t.Helper()
	member := a.viewers["member"]
	for name, run := range map[string]func(*sweepApp, viewer) []string{
		"live events": sweepEvents, "mail": sweepMail, "atom feeds": sweepFeeds,
	} {
		found := map[string]bool{}
		for _, seen := range run(a, member) {
			for _, c := range a.leaks(seen) {
				found[c] = true
			}
		}
		if !found[canaryTitle] {
			a.t.Fatalf("control: %s of the secret community's member hold no %q: the hook would prove nothing (found %v)", name, canaryTitle, found)
		}
	}
	// The streams over HTTP replay the member's notifications, and the
	// activity on the secret question they watch.
	for _, target := range []string{
		"/events?from=0-0&max_seconds=0&post=" + a.secret["post"],
		"/api/v1/events?last_event_id=0-0&max_seconds=0&post=" + a.secret["post"],
	} {
		res := a.do("GET", target, "", "", member)
		if res.status != http.StatusOK || !strings.Contains(res.body, canaryTitle) || !strings.Contains(res.body, `"post_id":`+a.secret["post"]+",") {
			a.t.Fatalf("control: GET %s as the member: %d without the secret question\n%s", target, res.status, clip(res.body))
		}
	}
	// The digest is among the member's mail, with the secret community in it.
	msgs, err := a.mailer().WouldSend(context.Background(), a.people["member"].ID, mailDay())
	a.must(err, "would send")
	digest := false
	for _, m := range msgs {
		if strings.Contains(m.Unsubscribe, "kind=digest") && len(a.leaks(m.Text)) > 0 {
			digest = true
		}
	}
	if !digest {
		a.t.Fatalf("control: the member's digest (of %d mails) holds nothing of the secret community", len(msgs))
	}
	// The answerer is told, anonymously, that the asker was helped and
	// accepted the answer; the moderator that the asker mentioned them.
	for _, c := range []struct{ who, kind string }{{"outsider", "helped"}, {"outsider", "accepted"}, {"othermod", "mention"}} {
		told := false
		for _, seen := range sweepEvents(a, a.viewers[c.who]) {
			one := strings.HasPrefix(seen, "id: ") // one event, from Missed
			told = told || one && strings.Contains(seen, `"kind":"`+c.kind+`"`) && strings.Contains(seen, "Anonymous member") && strings.Contains(seen, anonTitle)
		}
		if !told {
			a.t.Fatalf("control: the events of %s do not tell them, anonymously, of the %s notification on the anonymous question", c.who, c.kind)
		}
	}
}

// TestFeedTokenOnlyOpensFeeds: a feed token opens the feeds of what its
// holder may read, and nothing else. Every route, sent with a member's
// feed token as a session cookie, as an API token and as ?token=, answers
// exactly as with a token that does not exist. A closed or secret
// community's feed answers like a missing one without a valid token (none,
// a wrong one, a revoked one, or one of someone who may not read it).
func TestFeedTokenOnlyOpensFeeds(t *testing.T) {
	a := newSweepApp(t)
	member := a.feedToken(a.people["member"])
	fake := "feed_" + strings.Repeat("x", 43)
	feeds := map[string]bool{"GET /feed.atom": true, "GET /c/{slug}/feed.atom": true, "GET /t/{tag}/feed.atom": true, "GET /u/{id}/feed.atom": true}

	for _, pattern := range a.routes {
		sf := surfaces[pattern]
		if sf.skip != "" || feeds[pattern] {
			continue
		}
		r := a.build(pattern, sf, a.secret)
		withQuery := func(tok string) request {
			q := r
			sep := "?"
			if strings.Contains(q.path, "?") {
				sep = "&"
			}
			q.path += sep + "token=" + tok
			return q
		}
		for _, c := range []struct {
			how         string
			real, wrong viewer
			rq, wq      request
		}{
			{"as a session cookie", viewer{cookie: member}, viewer{cookie: fake}, r, r},
			{"as an API token", viewer{token: member}, viewer{token: fake}, r, r},
			{"as ?token=", viewer{}, viewer{}, withQuery(member), withQuery(fake)},
		} {
			got := a.do(r.method, c.rq.path, r.contentType, a.build(pattern, sf, a.secret).body, c.real)
			want := a.do(r.method, c.wq.path, r.contentType, a.build(pattern, sf, a.secret).body, c.wrong)
			g := strings.ReplaceAll(normalised(got, c.rq), member, "{token}")
			w := strings.ReplaceAll(normalised(want, c.wq), fake, "{token}")
			if g != w {
				t.Errorf("%s with a feed token %s answers unlike a token that does not exist:\nfeed token: %s\nno token:   %s", pattern, c.how, clip(g), clip(w))
			}
		}
	}

	// The feeds: the member's token opens the secret community's feed;
	// without a valid token it, and the closed community's, are missing.
	secretFeed := "/c/" + a.secret["community"] + "/feed.atom"
	if res := a.do("GET", secretFeed+"?token="+member, "", "", viewer{}); res.status != http.StatusOK || !strings.Contains(res.body, canaryTitle) {
		t.Fatalf("control: the secret community's feed with its member's token: %d without %q", res.status, canaryTitle)
	}
	if res := a.do("GET", "/c/annan/feed.atom?token="+a.feedToken(a.people["othermod"]), "", "", viewer{}); res.status != http.StatusOK {
		t.Fatalf("control: the closed community's feed with its moderator's token: %d", res.status)
	}
	revoked := a.feedToken(a.people["owner"])
	a.must(a.s.RevokeFeedTokens(context.Background(), a.people["owner"].ID), "revoke")
	outsider := a.feedToken(a.people["outsider"])
	for _, slug := range []string{a.secret["community"], "annan"} {
		for _, tok := range []string{"", fake, revoked, outsider} {
			for _, v := range []viewer{{}, a.viewers["member"], a.viewers["othermod"]} { // a session plays no part
				q := ""
				if tok != "" {
					q = "?token=" + tok
				}
				r := request{path: "/c/" + slug + "/feed.atom" + q, values: []string{slug}}
				m := request{path: "/c/" + a.missing["community"] + "/feed.atom" + q, values: []string{a.missing["community"]}}
				got, missing := a.do("GET", r.path, "", "", v), a.do("GET", m.path, "", "", v)
				if got.status != http.StatusNotFound || normalised(got, r) != normalised(missing, m) {
					t.Errorf("GET %s as %q: %d, unlike a missing community's feed (%d)\n%s", r.path, v.name, got.status, missing.status, clip(got.body))
				}
				if found := a.leaks(echoless(got, r)); len(found) > 0 {
					t.Errorf("GET %s leaks %q", r.path, found)
				}
			}
		}
	}
}
