package mail_test

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/mail"
	"github.com/tacit-org/tacit/internal/mail/mailtest"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// received is a mail as a reader sees it: headers and both parts decoded.
type received struct {
	h          netmail.Header
	subject    string
	text, html string
}

func parse(t *testing.T, data []byte) received {
	t.Helper()
	m, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parse mail: %v\n%s", err, data)
	}
	var r received
	r.h = m.Header
	r.subject, _ = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type %q: %v", m.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(quotedprintable.NewReader(p))
		switch {
		case strings.HasPrefix(p.Header.Get("Content-Type"), "text/plain"):
			r.text = string(b)
		case strings.HasPrefix(p.Header.Get("Content-Type"), "text/html"):
			r.html = string(b)
		}
	}
	if r.text == "" || r.html == "" {
		t.Fatalf("want a text and an HTML part:\n%s", data)
	}
	return r
}

type world struct {
	t      *testing.T
	s      *store.Store
	smtp   *mailtest.Server
	runner *jobs.Runner
	mailer *mail.Mailer
}

func newWorld(t *testing.T) *world {
	s := storetest.Open(t)
	srv := mailtest.Start(t)
	m := &mail.Mailer{Store: s, Sender: mail.SMTP{Addr: srv.Addr, Timeout: 5 * time.Second}, BaseURL: "https://tacit.example.se", From: "Tacit <tacit@example.se>"}
	r := jobs.New(s, nil, m.Kinds())
	r.Backoff = func(int) time.Duration { return 0 } // due again at once: the test drives each attempt
	return &world{t: t, s: s, smtp: srv, runner: r, mailer: m}
}

func (w *world) person(name, lang string) store.Person {
	w.t.Helper()
	p, err := w.s.CreatePerson(context.Background(), store.NewPerson{Email: strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.se", Name: name, Language: lang})
	if err != nil {
		w.t.Fatal(err)
	}
	return p
}

func (w *world) run() {
	w.t.Helper()
	if _, err := w.runner.RunDue(context.Background()); err != nil {
		w.t.Fatal(err)
	}
}

func TestNotificationMailOverSMTP(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	asker, helper, reader := w.person("Åsa Frågvis", "sv"), w.person("Henry Helper", "en"), w.person("Rut Läsare", "sv")
	c, err := w.s.CreateCommunity(ctx, asker.ID, "team", store.CommunitySettings{Name: "Teamet", Kind: store.KindSubject, Visibility: store.VisibilityOpen, AnonymousQuestions: true})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := w.s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Type: store.TypeQuestion, Title: "Hur gör jag?", Body: "Hjälp", Language: "sv"})

	// The server refuses at first: the job is retried, nothing is lost.
	w.smtp.Refuse(true)
	a, _ := w.s.CreateReply(ctx, store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: helper.ID, Body: "Så här"})
	if ran, err := w.runner.RunOne(ctx); !ran || err != nil {
		t.Fatalf("run: %v %v", ran, err)
	}
	counts, _ := w.s.JobCounts(ctx)
	if c := counts[store.JobMailNotification]; c[0] != 1 || c[2] != 0 {
		t.Fatalf("after a refusal the job must wait for a retry: %v", c)
	}
	if len(w.smtp.Messages()) != 0 {
		t.Fatal("a refused mail was counted as received")
	}
	w.smtp.Refuse(false)
	w.run()
	msgs := w.smtp.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != asker.Email {
		t.Fatalf("received %d mails: %+v", len(msgs), msgs)
	}
	m := parse(t, msgs[0].Data)
	if m.subject != "Henry Helper svarade på ”Hur gör jag?”" || m.h.Get("Content-Language") != "sv" {
		t.Errorf("subject %q, language %q", m.subject, m.h.Get("Content-Language"))
	}
	if !strings.HasPrefix(m.h.Get("Message-Id"), "<tacit-n") || !strings.HasSuffix(m.h.Get("Message-Id"), "@tacit.example.se>") {
		t.Errorf("Message-ID %q", m.h.Get("Message-Id"))
	}
	unsub := m.h.Get("List-Unsubscribe")
	if !strings.HasPrefix(unsub, "<https://tacit.example.se/mail/unsubscribe/") || !strings.HasSuffix(unsub, "?kind=answer>") ||
		m.h.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("unsubscribe headers: %q %q", unsub, m.h.Get("List-Unsubscribe-Post"))
	}
	link := "https://tacit.example.se/p/" + itoa(q) + "#r" + itoa(a)
	for _, part := range []string{m.text, m.html} {
		if !strings.Contains(part, link) || !strings.Contains(part, "Hej Åsa Frågvis") || !strings.Contains(part, "Mejlinställningar") {
			t.Errorf("part lacks the link, greeting or settings in Swedish:\n%s", part)
		}
	}

	// Running the same notification again sends nothing new.
	if _, err := w.s.EnqueueJob(ctx, store.NewJob{Kind: store.JobMailNotification, Payload: strings.TrimPrefix(strings.Split(m.h.Get("Message-Id"), "@")[0], "<tacit-n")}); err != nil {
		t.Fatal(err)
	}
	w.run()
	if n := len(w.smtp.Messages()); n != 1 {
		t.Errorf("the same notification was mailed %d times", n)
	}

	// The anonymous asker is never named in a mail; the English reader gets English.
	anon, _ := w.s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Anonymous: true, Type: store.TypeQuestion, Title: "Secret", Body: "Hi @henry.helper", Language: "en"})
	w.run()
	msgs = w.smtp.Messages()
	m = parse(t, msgs[len(msgs)-1].Data)
	if m.subject != "Anonymous member mentioned you in “Secret”" || strings.Contains(m.text+m.html, asker.Name) || m.h.Get("Content-Language") != "en" {
		t.Errorf("mention by an anonymous asker: %q\n%s", m.subject, m.text)
	}

	// Permission at send time: a notification about a post deleted before the job runs is not mailed.
	w.s.CreateReply(ctx, store.NewReply{PostID: anon, Kind: store.ReplyAnswer, AuthorID: reader.ID, Body: "svar"})
	if err := w.s.DeletePost(ctx, asker.ID, anon, false); err != nil {
		t.Fatal(err)
	}
	before := len(w.smtp.Messages())
	w.run()
	if n := len(w.smtp.Messages()); n != before {
		t.Errorf("a mail about a deleted post was sent")
	}
	// Choosing "never" stops a kind.
	if err := w.s.SetMailSettings(ctx, asker.ID, "", map[string]string{store.NotifyAnswer: store.DeliverNever}); err != nil {
		t.Fatal(err)
	}
	w.s.CreateReply(ctx, store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: reader.ID, Body: "mer"})
	w.run()
	for _, msg := range w.smtp.Messages()[before:] {
		if msg.To[0] == asker.Email {
			t.Errorf("a kind set to never was mailed")
		}
	}
}

func TestDigestOverSMTP(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	owner, member, outsider := w.person("Olle Ägare", "sv"), w.person("Mia Member", "en"), w.person("Otto Utanför", "sv")
	open, _ := w.s.CreateCommunity(ctx, owner.ID, "open", store.CommunitySettings{Name: "Öppna", Kind: store.KindSubject, Visibility: store.VisibilityOpen})
	closed, _ := w.s.CreateCommunity(ctx, owner.ID, "closed", store.CommunitySettings{Name: "Stängda", Kind: store.KindSubject, Visibility: store.VisibilityClosed})
	for _, c := range []store.Community{open, closed} {
		if err := w.s.AddMember(ctx, owner.ID, c.ID, member.ID, store.RoleMember); err != nil {
			t.Fatal(err)
		}
	}
	w.s.Join(ctx, outsider.ID, open.ID)
	tip, _ := w.s.CreatePost(ctx, store.NewPost{CommunityID: open.ID, AuthorID: owner.ID, Type: store.TypeTip, Title: "Kortkommando", Body: "Ctrl+K", Language: "sv"})
	w.s.React(ctx, member.ID, tip, 0, store.ReactHelpedMe, true)
	w.s.CreatePost(ctx, store.NewPost{CommunityID: closed.ID, AuthorID: owner.ID, Type: store.TypeTip, Title: "CLOSEDTIP", Body: "x", Language: "sv"})
	w.s.CreatePost(ctx, store.NewPost{CommunityID: closed.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: "Open question", Body: "?", Language: "sv"})
	for _, p := range []store.Person{owner, member, outsider} {
		if err := w.s.SetMailSettings(ctx, p.ID, "daily", nil); err != nil {
			t.Fatal(err)
		}
	}
	// The schedule job enqueues the day's digests and then itself for tomorrow.
	day := time.Now().UTC().Truncate(24 * time.Hour).Add(24 * time.Hour)
	if _, err := w.s.EnqueueJob(ctx, store.NewJob{Kind: store.JobDigestSchedule, Payload: day.Format(time.DateOnly)}); err != nil {
		t.Fatal(err)
	}
	w.run()
	byTo := map[string]received{}
	for _, msg := range w.smtp.Messages() {
		if strings.Contains(string(msg.Data), "digest") {
			byTo[msg.To[0]] = parse(t, msg.Data)
		}
	}
	mm, ok := byTo[member.Email]
	if !ok {
		t.Fatalf("no digest for the member; got mails to %v", byTo)
	}
	if mm.subject != "Your daily digest from Tacit" || !strings.Contains(mm.text, "Kortkommando (Öppna)") || !strings.Contains(mm.text, "CLOSEDTIP") ||
		!strings.Contains(mm.text, "Questions you could help with") || !strings.Contains(mm.h.Get("List-Unsubscribe"), "kind=digest") {
		t.Errorf("member's digest: %q\n%s", mm.subject, mm.text)
	}
	if om, ok := byTo[outsider.Email]; ok && strings.Contains(om.text+om.html, "CLOSEDTIP") {
		t.Errorf("the outsider's digest shows the closed community:\n%s", om.text)
	}
	// Run again: no digest twice.
	n := len(w.smtp.Messages())
	w.s.EnqueueJob(ctx, store.NewJob{Kind: store.JobMailDigest, Payload: itoa(member.ID) + ":" + day.Format(time.DateOnly)})
	w.run()
	if len(w.smtp.Messages()) != n {
		t.Error("a digest was sent twice")
	}
	st, _ := w.s.JobCounts(ctx)
	if st[store.JobDigestSchedule][0] != 1 {
		t.Errorf("the schedule did not enqueue itself for the next day: %v", st[store.JobDigestSchedule])
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestWouldSendForLeakSweep(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	asker, helper, outsider := w.person("Åsa Frågvis", "sv"), w.person("Henry Helper", "en"), w.person("Otto Outsider", "en")
	c, _ := w.s.CreateCommunity(ctx, asker.ID, "closed", store.CommunitySettings{Name: "Closed", Kind: store.KindSubject, Visibility: store.VisibilityClosed, AnonymousQuestions: true})
	w.s.AddMember(ctx, asker.ID, c.ID, helper.ID, store.RoleMember)
	w.s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Anonymous: true, Type: store.TypeQuestion, Title: "SECRETQ", Body: "@henry.helper @otto.outsider", Language: "en"})
	day := time.Now().Add(time.Hour)
	msgs, err := w.mailer.WouldSend(ctx, helper.ID, day)
	if err != nil || len(msgs) == 0 {
		t.Fatalf("helper would get %d mails: %v", len(msgs), err)
	}
	for _, m := range msgs {
		if strings.Contains(m.Text+m.HTML+m.Subject, asker.Name) {
			t.Errorf("a mail names the anonymous asker: %s", m.Subject)
		}
	}
	msgs, _ = w.mailer.WouldSend(ctx, outsider.ID, day)
	for _, m := range msgs {
		if strings.Contains(m.Text+m.HTML+m.Subject, "SECRETQ") {
			t.Errorf("an outsider would get mail about a closed post: %s", m.Subject)
		}
	}
}

func TestWithoutSMTPMailIsWrittenToAFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := mail.Dir{Path: dir}
	m := mail.Message{From: "Tacit <t@example.se>", To: "A <a@example.se>", Subject: "Hej ÅÄÖ", Text: "text", HTML: "<p>html</p>",
		MessageID: "<tacit-n7@tacit.example.se>", Language: "sv", Unsubscribe: "https://x/u", Date: time.Now()}
	for range 2 { // the same message twice is one file
		if err := d.Send(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(files) != 1 || filepath.Base(files[0]) != "tacit-n7_tacit.example.se.eml" {
		t.Fatalf("files: %v", files)
	}
	b, _ := os.ReadFile(files[0])
	if r := parse(t, b); r.subject != "Hej ÅÄÖ" || r.h.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("written mail: %q", r.subject)
	}
}

// TestHeldPostIsMailedWhenApproved: a mention in a post held for a
// moderator is not mailed while held, and is mailed once when approved.
func TestHeldPostIsMailedWhenApproved(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	owner, writer, mentioned := w.person("Olga Ägare", "sv"), w.person("Walter Writer", "en"), w.person("Mona Mentioned", "sv")
	c, err := w.s.CreateCommunity(ctx, owner.ID, "team", store.CommunitySettings{Name: "Teamet", Kind: store.KindSubject, Visibility: store.VisibilityOpen})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []store.Person{writer, mentioned} {
		if err := w.s.Join(ctx, p.ID, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	id, err := w.s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: writer.ID, Type: store.TypeTip, Title: "Held tip",
		Body: "For @" + strings.Split(mentioned.Email, "@")[0], Language: "en", Held: true})
	if err != nil {
		t.Fatal(err)
	}
	w.run()
	to := func() (n int) {
		for _, m := range w.smtp.Messages() {
			if m.To[0] == mentioned.Email {
				n++
			}
		}
		return n
	}
	if n := to(); n != 0 {
		t.Fatalf("a mention in a held post was mailed %d times", n)
	}
	if err := w.s.SetModeration(ctx, store.Viewer{ID: owner.ID}, id, 0, store.ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	w.run()
	if n := to(); n != 1 {
		t.Fatalf("after approval the mention was mailed %d times, want 1", n)
	}
	// Hiding and restoring it does not mail it again.
	if err := w.s.SetModeration(ctx, store.Viewer{ID: owner.ID}, id, 0, store.ActionHide, ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetModeration(ctx, store.Viewer{ID: owner.ID}, id, 0, store.ActionRestore, ""); err != nil {
		t.Fatal(err)
	}
	w.run()
	if n := to(); n != 1 {
		t.Errorf("after hide and restore the mention was mailed %d times, want 1", n)
	}
}

// TestNotificationBatchesOverSMTP: an answer to more followers than one mail
// job covers. With the server refusing, each batch gives every mail it could
// not send a job of its own and completes; once the server takes mail, each
// follower who wants answers at once gets exactly one mail, about their own
// notification, and no one else gets any. A batch that runs again sends
// nothing twice.
func TestNotificationBatchesOverSMTP(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	asker, helper := w.person("Åsa Frågvis", "sv"), w.person("Henry Helper", "en")
	c, err := w.s.CreateCommunity(ctx, asker.ID, "team", store.CommunitySettings{Name: "Teamet", Kind: store.KindSubject, Visibility: store.VisibilityOpen})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := w.s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Type: store.TypeQuestion, Title: "Hur gör jag?", Body: "Hjälp", Language: "sv"})
	wants := map[string]bool{asker.Email: true}
	for i := range 2*store.MailBatch + 7 {
		p := w.person("Följare "+itoa(int64(i)), []string{"sv", "en"}[i%2])
		if err := w.s.Follow(ctx, p.ID, store.FollowPost, itoa(q)); err != nil {
			t.Fatal(err)
		}
		d := []string{store.DeliverImmediately, store.DeliverInDigest, store.DeliverNever}[i%3]
		if err := w.s.SetMailSettings(ctx, p.ID, "weekly", map[string]string{store.NotifyAnswer: d}); err != nil {
			t.Fatal(err)
		}
		wants[p.Email] = d == store.DeliverImmediately
	}
	n := 0
	for _, ok := range wants {
		if ok {
			n++
		}
	}

	w.smtp.Refuse(true)
	a, _ := w.s.CreateReply(ctx, store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: helper.ID, Body: "Så här"})
	counts, _ := w.s.JobCounts(ctx)
	batches := counts[store.JobMailNotifications][0]
	if batches < 2 || batches > int64(n+store.MailBatch-1)/store.MailBatch+2 || counts[store.JobMailNotification] != [3]int64{} {
		t.Fatalf("mail jobs after the answer: %v", counts)
	}
	for range batches {
		if ran, err := w.runner.RunOne(ctx); !ran || err != nil {
			t.Fatalf("run: %v %v", ran, err)
		}
	}
	counts, _ = w.s.JobCounts(ctx)
	if b, one := counts[store.JobMailNotifications], counts[store.JobMailNotification]; b[2] != batches || one[0] != int64(n) {
		t.Fatalf("after the server refused every mail: batches %v, own jobs %v; want %d done and %d waiting", b, one, batches, n)
	}
	if len(w.smtp.Messages()) != 0 {
		t.Fatal("a refused mail was counted as received")
	}

	w.smtp.Refuse(false)
	w.run()
	// A batch runs again (as after a crash): nothing is sent twice.
	if _, err := w.s.EnqueueJob(ctx, store.NewJob{Kind: store.JobMailNotifications, Payload: "1-" + itoa(store.MailBatch)}); err != nil {
		t.Fatal(err)
	}
	w.run()
	got := map[string]int{}
	link := "https://tacit.example.se/p/" + itoa(q) + "#r" + itoa(a)
	for _, msg := range w.smtp.Messages() {
		got[msg.To[0]]++
		if m := parse(t, msg.Data); !strings.Contains(m.text, link) {
			t.Errorf("mail to %s is not about the answer:\n%s", msg.To[0], m.text)
		}
	}
	for addr, want := range wants {
		if want && got[addr] != 1 || !want && got[addr] != 0 {
			t.Errorf("%s (wants answers at once: %v) got %d mails", addr, want, got[addr])
		}
	}
	if len(got) != n {
		t.Errorf("%d people got mail, want %d", len(got), n)
	}
}
