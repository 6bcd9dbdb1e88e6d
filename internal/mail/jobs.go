package mail

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
)

// Mailer turns notifications and digests into mail, as jobs.
type Mailer struct {
	Store   *store.Store
	Sender  Sender
	BaseURL string // public URL of Tacit, for links
	From    string // "Tacit <tacit@example.se>"
	Now     func() time.Time

	roundsMu sync.Mutex
	rounds   map[time.Time]*digestRound // by the period's start
}

// digestRound is a round of digests of one period, shared by the digests
// made within roundTTL of its start: each community's candidates are read
// once per round, each person's permission at their digest (store.DigestRound).
type digestRound struct {
	*store.DigestRound
	started time.Time
}

// roundTTL is how old a round's candidates may be; a digest made later
// starts a new round.
const roundTTL = time.Minute

func (m *Mailer) round(since time.Time) *store.DigestRound {
	m.roundsMu.Lock()
	defer m.roundsMu.Unlock()
	now := time.Now()
	r := m.rounds[since]
	if r == nil || now.Sub(r.started) > roundTTL {
		if m.rounds == nil || len(m.rounds) > 16 {
			m.rounds = map[time.Time]*digestRound{}
		}
		r = &digestRound{DigestRound: m.Store.NewDigestRound(since, digestLimit), started: now}
		m.rounds[since] = r
	}
	return r.DigestRound
}

// digestLimit is how many posts each section of a digest lists.
const digestLimit = 5

func (m *Mailer) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now()
}

// host names the Message-IDs.
func (m *Mailer) host() string {
	if u, err := url.Parse(m.BaseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "tacit.invalid"
}

// Kinds are the job kinds of mail, for the job runner.
func (m *Mailer) Kinds() map[string]jobs.Kind {
	return map[string]jobs.Kind{
		store.JobMailNotification:  {Handle: m.notification, Timeout: time.Minute},
		store.JobMailNotifications: {Handle: m.notifications, Timeout: 2 * time.Minute},
		store.JobMailDigest:        {Handle: m.digest, Timeout: 2 * time.Minute},
		store.JobDigestSchedule:    {Handle: m.schedule, Timeout: 10 * time.Minute},
	}
}

// Start makes sure today's digest schedule exists; it is idempotent.
func (m *Mailer) Start(ctx context.Context) error {
	day := m.now().UTC().Truncate(24 * time.Hour)
	_, err := m.Store.EnqueueJob(ctx, store.NewJob{Kind: store.JobDigestSchedule, Payload: day.Format(time.DateOnly),
		DedupKey: "digest-schedule:" + day.Format(time.DateOnly), RunAt: day.Add(5 * time.Hour)})
	return err
}

// notification mails one notification, if its recipient still may see it
// and still wants it at once. A message already sent is not sent again.
func (m *Mailer) notification(ctx context.Context, job *store.Job) error {
	id, err := strconv.ParseInt(job.Payload, 10, 64)
	if err != nil {
		return nil // nothing to do with a malformed payload; not worth retrying
	}
	n, err := m.Store.Notification(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil // gone, or no longer theirs to see
	}
	if err != nil {
		return err
	}
	return m.mailNotification(ctx, job.ID, n)
}

// mailNotification mails n if its recipient still wants its kind at once;
// jobID, when not 0, is completed with the record that it was sent.
func (m *Mailer) mailNotification(ctx context.Context, jobID int64, n store.Notification) error {
	if d, err := m.Store.Delivery(ctx, n.PersonID, n.Kind); err != nil || d != store.DeliverImmediately {
		return err
	}
	msgID := fmt.Sprintf("<tacit-n%d@%s>", n.ID, m.host())
	return m.sendOnce(ctx, jobID, n.PersonID, n.Kind, msgID, func(p store.Person, ms store.MailSettings) (Message, bool) {
		return m.notificationMessage(p, ms, n), true
	})
}

// notifications mails the notifications written together (payload
// "first-last", at most store.MailBatch ids), each as notification would:
// if its recipient still may see it (checked per row as they are read) and
// still wants it at once, and not if it was sent already, so a batch that
// runs again after a crash sends only what it had not. A mail the server
// does not take gets a job of its own (mail.notification, due at once, then
// retried with back-off like any job), so one address that fails holds up
// no one else's mail; the batch goes on. Any other error (the database)
// makes the whole batch run again later.
func (m *Mailer) notifications(ctx context.Context, job *store.Job) error {
	first, last, ok := strings.Cut(job.Payload, "-")
	lo, err1 := strconv.ParseInt(first, 10, 64)
	hi, err2 := strconv.ParseInt(last, 10, 64)
	if !ok || err1 != nil || err2 != nil || lo <= 0 || hi < lo || hi-lo >= store.MailBatch {
		return nil // nothing to do with a malformed payload; not worth retrying
	}
	ns, err := m.Store.NotificationsAfter(ctx, 0, lo-1, hi, store.MailBatch)
	if err != nil {
		return err
	}
	for _, n := range ns {
		err := m.mailNotification(ctx, 0, n)
		var refused *sendError
		if errors.As(err, &refused) {
			if _, err := m.Store.EnqueueJob(ctx, store.NewJob{Kind: store.JobMailNotification, Payload: strconv.FormatInt(n.ID, 10),
				DedupKey: "mail:n:" + strconv.FormatInt(n.ID, 10), MaxAttempts: 12}); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// sendError is a message the mail server did not take.
type sendError struct{ err error }

func (e *sendError) Error() string { return e.err.Error() }
func (e *sendError) Unwrap() error { return e.err }

// sendOnce builds and sends one message to a person unless it was sent,
// then records it sent and completes the job (unless jobID is 0) in one
// transaction. A message the server did not take is a *sendError.
func (m *Mailer) sendOnce(ctx context.Context, jobID int64, personID int64, kind, msgID string, build func(store.Person, store.MailSettings) (Message, bool)) error {
	if sent, err := m.Store.MailSent(ctx, msgID); err != nil || sent {
		return err
	}
	p, err := m.Store.PersonByID(ctx, personID)
	if err != nil || p.Deactivated {
		return err
	}
	ms, err := m.Store.MailSettings(ctx, personID)
	if err != nil {
		return err
	}
	msg, ok := build(p, ms)
	if !ok {
		return nil
	}
	msg.MessageID, msg.From, msg.Date = msgID, m.From, m.now()
	msg.To = (&mailAddress{p.Name, p.Email}).String()
	if err := m.Sender.Send(ctx, msg); err != nil {
		return &sendError{err}
	}
	return m.Store.MarkMailSent(ctx, jobID, msgID, personID, kind)
}

type mailAddress struct{ name, addr string }

func (a *mailAddress) String() string {
	return mimeWord(a.name) + " <" + a.addr + ">"
}

func mimeWord(s string) string {
	for _, r := range s {
		if r > 127 || strings.ContainsRune(`"(),:;<>@[\]`, r) {
			return "=?utf-8?q?" + strings.NewReplacer("_", "=5F", " ", "_").Replace(qEncode(s)) + "?="
		}
	}
	return s
}

func qEncode(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c > 127 || c == '=' || c == '?' || c < 32 || strings.IndexByte(`"(),:;<>@[\]`, c) >= 0 {
			fmt.Fprintf(&b, "=%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func lang(p store.Person) string {
	if i18n.Supported(p.Language) {
		return p.Language
	}
	return i18n.Languages[0]
}

func (m *Mailer) link(path string) string { return strings.TrimRight(m.BaseURL, "/") + path }

func (m *Mailer) unsubscribeURL(ms store.MailSettings, kind string) string {
	return m.link("/mail/unsubscribe/" + ms.Token + "?kind=" + url.QueryEscape(kind))
}

var htmlMail = template.Must(template.New("mail").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="font-family: sans-serif; color: #1a1a1a; max-width: 40em">
<p>{{.Greeting}}</p>
{{- range .Sections}}
{{- if .Heading}}<h2 style="font-size: 1.1em">{{.Heading}}</h2>{{end}}
<ul>{{range .Items}}<li><a href="{{.URL}}">{{.Text}}</a></li>{{end}}</ul>
{{- end}}
<hr>
<p style="font-size: .85em; color: #555">{{.Why}}<br><a href="{{.Settings}}">{{.SettingsText}}</a> · <a href="{{.Unsubscribe}}">{{.UnsubscribeText}}</a></p>
</body></html>`))

type mailItem struct{ Text, URL string }

type mailSection struct {
	Heading string
	Items   []mailItem
}

type mailView struct {
	Lang, Subject, Greeting, Why, Settings, SettingsText, Unsubscribe, UnsubscribeText string
	Sections                                                                           []mailSection
}

func (m *Mailer) render(v mailView) (text, html string) {
	var b strings.Builder
	b.WriteString(v.Greeting + "\n\n")
	for _, s := range v.Sections {
		if s.Heading != "" {
			b.WriteString(s.Heading + "\n")
		}
		for _, it := range s.Items {
			b.WriteString("- " + it.Text + "\n  " + it.URL + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("-- \n" + v.Why + "\n" + v.SettingsText + ": " + v.Settings + "\n" + v.UnsubscribeText + ": " + v.Unsubscribe + "\n")
	var h strings.Builder
	htmlMail.Execute(&h, v)
	return b.String(), h.String()
}

func (m *Mailer) notificationMessage(p store.Person, ms store.MailSettings, n store.Notification) Message {
	l := lang(p)
	line := notify.Single(l, n)
	v := mailView{Lang: l, Subject: line, Greeting: i18n.T(l, "mail.greeting", "Name", p.Name),
		Why: i18n.T(l, "mail.why_notification"), Settings: m.link("/settings/mail"), SettingsText: i18n.T(l, "mail.settings"),
		Unsubscribe: m.unsubscribeURL(ms, n.Kind), UnsubscribeText: i18n.T(l, "mail.unsubscribe_kind"),
		Sections: []mailSection{{Items: []mailItem{{Text: line, URL: m.link(n.URL())}}}}}
	text, html := m.render(v)
	return Message{Subject: line, Text: text, HTML: html, Language: l, Unsubscribe: v.Unsubscribe}
}

// digestPayload is "personID:YYYY-MM-DD".
func digestPayload(personID int64, day time.Time) string {
	return strconv.FormatInt(personID, 10) + ":" + day.Format(time.DateOnly)
}

// schedule enqueues the digests due on its day and then itself for the next day.
func (m *Mailer) schedule(ctx context.Context, job *store.Job) error {
	day, err := time.Parse(time.DateOnly, job.Payload)
	if err != nil {
		return nil
	}
	people, err := m.Store.DigestDue(ctx, day)
	if err != nil {
		return err
	}
	for _, pid := range people {
		if _, err := m.Store.EnqueueJob(ctx, store.NewJob{Kind: store.JobMailDigest, Payload: digestPayload(pid, day),
			DedupKey: "digest:" + digestPayload(pid, day), MaxAttempts: 12}); err != nil {
			return err
		}
	}
	next := day.AddDate(0, 0, 1)
	_, err = m.Store.EnqueueJob(ctx, store.NewJob{Kind: store.JobDigestSchedule, Payload: next.Format(time.DateOnly),
		DedupKey: "digest-schedule:" + next.Format(time.DateOnly), RunAt: next.Add(5 * time.Hour)})
	return err
}

// digest mails one person's digest, built with their permissions now.
func (m *Mailer) digest(ctx context.Context, job *store.Job) error {
	pidS, dayS, _ := strings.Cut(job.Payload, ":")
	pid, err1 := strconv.ParseInt(pidS, 10, 64)
	day, err2 := time.Parse(time.DateOnly, dayS)
	if err1 != nil || err2 != nil {
		return nil
	}
	msgID := fmt.Sprintf("<tacit-digest-%d-%s@%s>", pid, day.Format("20060102"), m.host())
	return m.sendOnce(ctx, job.ID, pid, "digest", msgID, func(p store.Person, ms store.MailSettings) (Message, bool) {
		if ms.Digest == "never" {
			return Message{}, false
		}
		msg, ok, err := m.DigestMessage(ctx, p, ms, day)
		if err != nil {
			return Message{}, false
		}
		return msg, ok
	})
}

// DigestMessage builds a person's digest for day, or reports that there is
// nothing worth sending. The benchmark builds digests with it.
func (m *Mailer) DigestMessage(ctx context.Context, p store.Person, ms store.MailSettings, day time.Time) (Message, bool, error) {
	period := 7 * 24 * time.Hour
	if ms.Digest == "daily" {
		period = 24 * time.Hour
	}
	d, err := m.round(day.Add(-period)).For(ctx, store.Viewer{ID: p.ID, Admin: p.Admin})
	if err != nil || d.Empty() {
		return Message{}, false, err
	}
	l := lang(p)
	section := func(id string, posts []store.Post) mailSection {
		s := mailSection{Heading: i18n.T(l, id)}
		for _, x := range posts {
			s.Items = append(s.Items, mailItem{Text: x.Title + " (" + x.CommunityName + ")", URL: m.link("/p/" + strconv.FormatInt(x.ID, 10))})
		}
		return s
	}
	v := mailView{Lang: l, Subject: i18n.T(l, "mail.digest_subject_"+ms.Digest), Greeting: i18n.T(l, "mail.digest_greeting", "Name", p.Name),
		Why: i18n.T(l, "mail.why_digest"), Settings: m.link("/settings/mail"), SettingsText: i18n.T(l, "mail.settings"),
		Unsubscribe: m.unsubscribeURL(ms, "digest"), UnsubscribeText: i18n.T(l, "mail.unsubscribe_digest")}
	for _, s := range []mailSection{section("mail.digest_helped", d.Helped), section("mail.digest_accepted", d.Accepted),
		section("mail.digest_tips", d.Tips), section("mail.digest_unanswered", d.Unanswered), section("mail.digest_ideas", d.Ideas)} {
		if len(s.Items) > 0 {
			v.Sections = append(v.Sections, s)
		}
	}
	text, html := m.render(v)
	return Message{Subject: v.Subject, Text: text, HTML: html, Language: l, Unsubscribe: v.Unsubscribe}, true, nil
}

// WouldSend returns every mail a person would get if all their mail jobs
// ran now: one per visible notification they want at once, and their
// digest for day. Nothing is sent or recorded. The safe-zone leak sweep
// reads every person's mail with it.
func (m *Mailer) WouldSend(ctx context.Context, personID int64, day time.Time) ([]Message, error) {
	p, err := m.Store.PersonByID(ctx, personID)
	if err != nil {
		return nil, err
	}
	ms, err := m.Store.MailSettings(ctx, personID)
	if err != nil {
		return nil, err
	}
	var out []Message
	var before int64
	for {
		ns, next, err := m.Store.Notifications(ctx, personID, before, 100)
		if err != nil {
			return nil, err
		}
		for _, n := range ns {
			if ms.Delivery[n.Kind] == store.DeliverImmediately {
				out = append(out, m.notificationMessage(p, ms, n))
			}
		}
		if next == 0 {
			break
		}
		before = next
	}
	if ms.Digest != "never" {
		d, ok, err := m.DigestMessage(ctx, p, ms, day)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, d)
		}
	}
	return out, nil
}
