package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/config"
	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// Canaries: unique strings planted in every field of the secret community.
// None may ever reach anyone who is not a member of it.
const (
	canaryName     = "Zqxnamn hemligt"
	canarySlug     = "zqxslug"
	canaryDesc     = "Zqxbeskrivning av det hemliga"
	canaryConduct  = "Zqxuppförande i det hemliga"
	canaryTitle    = "Zqxrubrik för en hemlig fråga"
	canaryBody     = "Zqxbrödtext i en hemlig fråga"
	canaryOldBody  = "Zqxgammaltext före redigering"
	canaryTag      = "zqxtagg"
	canaryIdea     = "Zqxidé i det hemliga"
	canaryNote     = "Zqxstatusnotering"
	canaryAnswer   = "Zqxsvar i det hemliga"
	canaryComment  = "Zqxkommentar i det hemliga"
	canaryRemoved  = "Zqxkommentar av den borttagna"
	canaryInvite   = "zqxinbjuden@example.se"
	canaryTokenKey = "Zqxnyckelnamn"
	canaryReport   = "Zqxanmälan om det hemliga"
	canaryBan      = "Zqxskäl för en hemlig bannlysning"
	canaryLock     = "Zqxskäl för ett hemligt lås"
	canaryFile     = "Zqxfilnamn för en hemlig bild.png"
	// Words of the secret question's title, but no whole canary: asked
	// for similar questions and experts, only a member may get anything.
	secretWords = "Zqxrubrik hemlig"

	// The anonymous asker's identity, in an open community.
	anonAskerName  = "Zqxanonym Frågeställare"
	anonAskerEmail = "zqxanonym@example.se"
	anonAskerDept  = "Zqxanonymavdelning"
	anonTitle      = "Hur säger jag nej till fler uppdrag utan att verka lat?"
	anonTag        = "arbetsbelastning"
	anonFile       = "Zqxanonym skärmbild.png"
	anonWords      = "säger nej uppdrag lat"

	// Under moderation in the open community kafe (moderatedItem).
	canaryHeldTitle     = "Zqxhållen rubrik i väntan på granskning"
	canaryHeldBody      = "Zqxhållen brödtext"
	canaryHiddenTitle   = "Zqxdold rubrik efter anmälan"
	canaryHiddenBody    = "Zqxdold brödtext"
	canaryHeldAnswer    = "Zqxhållet svar på Mias fråga"
	canaryHiddenComment = "Zqxdold kommentar på Mias fråga"
)

// secretCanaries are every string planted in the secret community.
var secretCanaries = []string{canaryName, canarySlug, canaryDesc, canaryConduct, canaryTitle, canaryBody, canaryOldBody,
	canaryTag, canaryIdea, canaryNote, canaryAnswer, canaryComment, canaryRemoved, canaryInvite, canaryTokenKey, canaryReport, canaryBan, canaryLock, canaryFile}

// viewer is who sends a request: a web session cookie and an API token,
// either of which may be empty.
type viewer struct {
	name   string
	cookie string
	token  string
}

// sweepApp is the production handler over a real store, with a small
// organisation in it:
//
//   - owner owns the secret community (all canaries) and the open one;
//   - member belongs to the secret community and holds a session, an API
//     token and a join request elsewhere (objects others name by id);
//   - removed belonged to the secret community, wrote in it, and was removed;
//   - outsider belongs only to the open community "kafe";
//   - othermod moderates the closed community "annan" and nothing else;
//   - asker asked anonymously in kafe;
//   - banned is banned from the secret community and from kafe.
//
// Under moderation in kafe (moderatedItem): the outsider's held question
// mentions the member, the moderator of annan and the owner, and is news
// to the removed member (who follows the outsider) and the asker (who
// follows its tag); the member's tip mentions the outsider and was hidden
// by the owner; on the member's question, which the member and the
// outsider follow, the moderator of annan's answer is held and mentions
// the outsider, and the outsider's comment, mentioning the moderator of
// annan, was hidden. Each mentions the owner, who moderates kafe and may
// see them all.
//
// Uploads: the owner's picture (file name a canary) is attached to the
// secret question, the asker's to the anonymous one; the member holds one
// not attached to anything yet. Processing has run, so pictures have thumbs.
//
// Moderation: the member reported the secret question; the owner locked
// the secret idea and banned banned, with reasons that are canaries. In
// kafe the member reported the outsider's tip, the outsider reported the
// anonymous question, the asker's own comment in it waits, held by the
// organisation's watched word, and the asker, a moderator of kafe for a
// while, locked and unlocked their own question.
type sweepApp struct {
	t       *testing.T
	s       *store.Store
	raw     *sql.DB
	h       http.Handler
	cfg     config.Config
	routes  []string
	people  map[string]store.Person
	viewers map[string]viewer
	secret  fill // the secret community's values for path parameters
	own     fill // the member's own things in the open community, and their session, token and join request
	missing fill // values that never existed
	anon    fill // the anonymous question and its open community

	moderated []moderatedItem    // held and hidden posts and replies in kafe
	unread    map[string]int64   // each person's unread count just before they were planted
	told      map[string][]int64 // who was told of them (a notification row): person key → notification ids
}

// moderatedItem is a held or hidden post (reply 0) or reply in kafe: its
// canaries and id may reach only the people allowed to see it (its author
// while it is held, kafe's moderators — the owner — and the admin).
type moderatedItem struct {
	name        string
	canaries    []string
	post, reply int64
	allowed     []string // viewer names
}

// fill holds the value of every kind of path parameter for one target.
type fill map[string]string

func newSweepApp(t *testing.T) *sweepApp {
	t.Helper()
	ctx := context.Background()
	dbURL := storetest.URL(t)
	dir := t.TempDir()
	s, err := store.Open(ctx, dbURL, dir)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	raw := openRaw(t, dbURL, dir)

	args := []string{"--data", dir}
	cfg, err := config.Load("tacit", args, func(string) string { return "" }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h, routes, err := newApp(s, cfg, log, &store.Views{}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	a := &sweepApp{t: t, s: s, raw: raw, h: h, cfg: cfg, routes: routes, people: map[string]store.Person{}, viewers: map[string]viewer{}}
	a.plant(ctx)
	return a
}

// openRaw opens a second connection to the same database, to count and
// compare rows behind the application's back.
func openRaw(t *testing.T, dbURL, dir string) *sql.DB {
	t.Helper()
	driver, dsn := "sqlite", "file:"+filepath.Join(dir, "tacit.db")+"?_pragma=busy_timeout(10000)"
	if dbURL != "" {
		driver, dsn = "pgx", dbURL
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

func (a *sweepApp) must(err error, what string) {
	a.t.Helper()
	if err != nil {
		a.t.Fatalf("%s: %v", what, err)
	}
}

// plant fills the store: the secret community with a canary in every field,
// and the anonymous question.
func (a *sweepApp) plant(ctx context.Context) {
	s, t := a.s, a.t
	person := func(key, name, email, dept string) store.Person {
		p, err := s.CreatePerson(ctx, store.NewPerson{Email: email, Name: name, Department: dept, Language: "en"})
		a.must(err, "create "+key)
		a.people[key] = p
		return p
	}
	owner := person("owner", "Olle Ägare", "olle@example.se", "Ledning")
	member := person("member", "Mia Medlem", "mia@example.se", "Sälj")
	removed := person("removed", "Rut Borttagen", "rut@example.se", "Lager")
	outsider := person("outsider", "Otto Utanför", "otto@example.se", "Lager")
	othermod := person("othermod", "Maja Moderator", "maja@example.se", "Support")
	asker := person("asker", anonAskerName, anonAskerEmail, anonAskerDept)
	banned := person("banned", "Bo Bannlyst", "bo@example.se", "Lager")
	admin, err := s.CreatePerson(ctx, store.NewPerson{Email: "ada@example.se", Name: "Ada Admin", Department: "IT", Language: "sv", Admin: true})
	a.must(err, "create admin")
	a.people["admin"] = admin

	login := func(p store.Person) viewer {
		cookie := auth.NewSecret("")
		_, err := s.CreateSession(ctx, p.ID, auth.HashSecret(cookie), "sweep", "127.0.0.1", time.Hour)
		a.must(err, "session")
		token := auth.NewSecret("tacit_")
		scope := store.ScopeWrite
		if p.Admin {
			scope = store.ScopeAdmin // so the sweep reaches the admin's API routes too
		}
		_, err = s.CreateToken(ctx, p.ID, "sweep", scope, auth.HashSecret(token))
		a.must(err, "token")
		return viewer{cookie: cookie, token: token}
	}
	for _, key := range []string{"owner", "member", "removed", "outsider", "othermod", "asker", "admin"} {
		v := login(a.people[key])
		v.name = key
		a.viewers[key] = v
	}
	a.viewers["visitor"] = viewer{name: "visitor"}

	community := func(by store.Person, slug, name, vis string, cs store.CommunitySettings) store.Community {
		cs.Name, cs.Visibility = name, vis
		if cs.Kind == "" {
			cs.Kind = store.KindSubject
		}
		if cs.Description == "" {
			cs.Description = "Om " + name
		}
		c, err := s.CreateCommunity(ctx, by.ID, slug, cs)
		a.must(err, "create community "+slug)
		return c
	}
	// The secret community is made the way people make one, through the
	// API, so its slug is whatever the product gives a secret community.
	res := a.do("POST", "/api/v1/communities", "application/json", fmt.Sprintf(
		`{"slug":%q,"name":%q,"description":%q,"code_of_conduct":%q,"kind":"role","visibility":"secret"}`,
		canarySlug, canaryName, canaryDesc, canaryConduct), a.viewers["owner"])
	if res.status != http.StatusCreated {
		t.Fatalf("create secret community: %d %s", res.status, res.body)
	}
	var created struct{ Slug string }
	a.must(json.Unmarshal([]byte(res.body), &created), "decode community")
	secret, err := s.CommunityBySlug(ctx, store.Viewer{ID: owner.ID}, created.Slug)
	a.must(err, "read secret community")
	kafe := community(owner, "kafe", "Kaférummet", store.VisibilityOpen, store.CommunitySettings{AnonymousQuestions: true})
	annan := community(othermod, "annan", "En annan grupp", store.VisibilityClosed, store.CommunitySettings{})

	a.must(s.AddMember(ctx, owner.ID, secret.ID, member.ID, store.RoleMember), "add member")
	a.must(s.AddMember(ctx, owner.ID, secret.ID, removed.ID, store.RoleMember), "add removed")
	for _, p := range []store.Person{member, outsider, asker, othermod} {
		a.must(s.Join(ctx, p.ID, kafe.ID), "join kafe")
	}
	a.must(s.RequestJoin(ctx, member.ID, annan.ID, "Får jag vara med?"), "request join")
	reqs, err := s.JoinRequests(ctx, annan.ID)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("join requests: %v %v", reqs, err)
	}

	post := func(c store.Community, by store.Person, typ, title, body string, anonymous bool, tags ...string) int64 {
		id, err := s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: by.ID, Anonymous: anonymous, Type: typ,
			Title: title, Body: body, Language: "sv", Tags: tags})
		a.must(err, "create post "+title)
		return id
	}
	reply := func(postID, parent int64, by store.Person, kind, body string) int64 {
		id, err := s.CreateReply(ctx, store.NewReply{PostID: postID, ParentID: parent, Kind: kind, AuthorID: by.ID, Body: body})
		a.must(err, "create reply")
		return id
	}
	secretUpload := a.upload(a.viewers["owner"], canaryFile)
	question, err := s.CreatePost(ctx, store.NewPost{CommunityID: secret.ID, AuthorID: owner.ID, Type: store.TypeQuestion,
		Title: canaryTitle, Body: canaryOldBody, Language: "sv", Tags: []string{canaryTag, "delad"}, Attachments: []int64{secretUpload}})
	a.must(err, "create the secret question")
	a.must(s.EditPost(ctx, owner.ID, question, store.PostEdit{Title: canaryTitle, Body: canaryBody, Tags: []string{canaryTag, "delad"}}), "edit")
	answer := reply(question, 0, member, store.ReplyAnswer, canaryAnswer)
	// Edited, so its first text lives on as a revision too.
	a.must(s.EditReply(ctx, member.ID, answer, canaryAnswer+", rättat"), "edit the secret answer")
	// The comment mentions the outsider, who may not read it: no
	// notification, event or mail may tell them of it.
	reply(question, answer, owner, store.ReplyComment, canaryComment+" @otto")
	reply(question, 0, removed, store.ReplyComment, canaryRemoved)
	a.must(s.Accept(ctx, owner.ID, question, answer), "accept")
	_, err = s.React(ctx, removed.ID, question, 0, "helped_me", true)
	a.must(err, "react")
	idea := post(secret, member, store.TypeIdea, canaryIdea, canaryIdea+" brödtext", false, canaryTag)
	_, err = s.Vote(ctx, removed.ID, idea, true)
	a.must(err, "vote")
	a.must(s.SetIdeaStatus(ctx, owner.ID, idea, "planned", canaryNote), "status")
	_, err = s.CreateInvitation(ctx, owner.ID, canaryInvite, secret.ID, store.RoleMember, auth.HashSecret(auth.NewSecret("")), time.Hour)
	a.must(err, "invite")
	_, err = s.CreateToken(ctx, member.ID, canaryTokenKey, store.ScopeRead, auth.HashSecret(auth.NewSecret("tacit_")))
	a.must(err, "token")
	a.must(s.Follow(ctx, member.ID, store.FollowTag, canaryTag), "follow tag")

	// The removed member wrote, reacted and voted in the secret community,
	// and has just been removed: from now on they see none of it.
	a.must(s.Leave(ctx, owner.ID, secret.ID, removed.ID), "remove")

	open := post(kafe, outsider, store.TypeTip, "Ett öppet tips om kaffe", "Mal bönorna färska.", false, "kaffe")
	anonUpload := a.upload(a.viewers["asker"], anonFile)
	anonQ, err := s.CreatePost(ctx, store.NewPost{CommunityID: kafe.ID, AuthorID: asker.ID, Anonymous: true, Type: store.TypeQuestion,
		Title: anonTitle, Body: "Jag har för mycket att göra och vågar inte säga det.", Language: "sv", Tags: []string{anonTag}, Attachments: []int64{anonUpload}})
	a.must(err, "create the anonymous question")
	anonAnswer := reply(anonQ, 0, outsider, store.ReplyAnswer, "Prata med din chef om prioriteringar.")
	_, err = s.React(ctx, asker.ID, anonQ, anonAnswer, "thanks", true)
	a.must(err, "react anon")
	// "Helped me" from the asker tells the answerer, without naming them.
	_, err = s.React(ctx, asker.ID, anonQ, anonAnswer, "helped_me", true)
	a.must(err, "helped anon")
	// The edit mentions the moderator, and the asker accepts the answer:
	// both are told, without being told by whom.
	a.must(s.EditPost(ctx, asker.ID, anonQ, store.PostEdit{Title: anonTitle, Body: "Jag har för mycket att göra, @maja.", Tags: []string{anonTag}}), "edit anon")
	a.must(s.Accept(ctx, asker.ID, anonQ, anonAnswer), "accept anon")
	asMember, asOwner := store.Viewer{ID: member.ID}, store.Viewer{ID: owner.ID}
	secretReport, err := s.Report(ctx, asMember, store.NewReport{PostID: question, Reason: "other", Note: canaryReport})
	a.must(err, "report the secret question")
	a.must(s.LockPost(ctx, asOwner, idea, true, canaryLock), "lock the secret idea")
	a.must(s.AddMember(ctx, owner.ID, secret.ID, banned.ID, store.RoleMember), "add banned")
	a.must(s.Ban(ctx, asOwner, secret.ID, banned.ID, canaryBan), "ban from the secret community")
	a.must(s.Join(ctx, banned.ID, kafe.ID), "banned joins kafe")
	a.must(s.Ban(ctx, asOwner, kafe.ID, banned.ID, "Bråkar"), "ban from kafe")
	a.must(s.AddWatchedWord(ctx, admin.ID, "vänta lite", store.WatchHold), "watch a word")
	words, err := s.WatchedWords(ctx)
	if err != nil || len(words) != 1 {
		t.Fatalf("watched words: %v %v", words, err)
	}
	ownReport, err := s.Report(ctx, asMember, store.NewReport{PostID: open, Reason: "off_topic", Note: "Hör inte hit."})
	a.must(err, "report the tip")
	anonReport, err := s.Report(ctx, store.Viewer{ID: outsider.ID}, store.NewReport{PostID: anonQ, Reason: "private_information", Note: "Kan avslöja vem det är."})
	a.must(err, "report the anonymous question")
	// The asker's comment in their own thread is anonymous, and held.
	_, err = s.CreateReply(ctx, store.NewReply{PostID: anonQ, ParentID: anonAnswer, Kind: store.ReplyComment, AuthorID: asker.ID,
		Body: "Tack, vänta lite så provar jag.", Held: true})
	a.must(err, "held comment")
	// The asker moderated kafe for a while (set behind the application's
	// back, so the role change itself is not in the log) and locked and
	// unlocked their own question: the log must not name them.
	setRole := func(role string) {
		_, err := a.raw.Exec(`UPDATE memberships SET role = $1 WHERE community_id = $2 AND person_id = $3`, role, kafe.ID, asker.ID)
		a.must(err, "set the asker's role")
	}
	setRole(store.RoleModerator)
	a.must(s.LockPost(ctx, store.Viewer{ID: asker.ID}, anonQ, true, "Låser min egen fråga"), "asker locks")
	a.must(s.LockPost(ctx, store.Viewer{ID: asker.ID}, anonQ, false, ""), "asker unlocks")
	setRole(store.RoleMember)
	// The member's own things in the open community, which others can see
	// but not change.
	memberQ := post(kafe, member, store.TypeQuestion, "Mias egen fråga om kaffe", "Vilken kvarn?", false, "kaffe")
	memberAnswer := reply(memberQ, 0, member, store.ReplyAnswer, "Mias eget svar.")
	memberIdea := post(kafe, member, store.TypeIdea, "Mias egen idé om kaffe", "Bättre kaffe.", false, "kaffe")
	reply(memberQ, 0, outsider, store.ReplyAnswer, "Ottos svar om kvarnen.") // a notification of the member's own

	// Held and hidden things in kafe, news to people who may not see them.
	a.unread = map[string]int64{}
	for key, p := range a.people {
		n, err := s.UnreadCount(ctx, p.ID)
		a.must(err, "unread count")
		a.unread[key] = n
	}
	a.must(s.Follow(ctx, removed.ID, store.FollowPerson, strconv.FormatInt(outsider.ID, 10)), "follow the outsider")
	a.must(s.Follow(ctx, asker.ID, store.FollowTag, "kaffe"), "follow kaffe")
	heldPost, err := s.CreatePost(ctx, store.NewPost{CommunityID: kafe.ID, AuthorID: outsider.ID, Type: store.TypeQuestion, Held: true,
		Title: canaryHeldTitle, Body: canaryHeldBody + " @mia @maja @olle", Language: "sv", Tags: []string{"kaffe"}})
	a.must(err, "create the held question")
	hiddenPost := post(kafe, member, store.TypeTip, canaryHiddenTitle, canaryHiddenBody+" @otto @olle", false, "kaffe")
	a.must(s.SetModeration(ctx, asOwner, hiddenPost, 0, store.ActionHide, "Hör inte hit"), "hide the tip")
	heldAnswer, err := s.CreateReply(ctx, store.NewReply{PostID: memberQ, Kind: store.ReplyAnswer, AuthorID: othermod.ID, Held: true,
		Body: canaryHeldAnswer + " @otto @olle"})
	a.must(err, "create the held answer")
	hiddenComment := reply(memberQ, memberAnswer, outsider, store.ReplyComment, canaryHiddenComment+" @maja @olle")
	a.must(s.SetModeration(ctx, asOwner, memberQ, hiddenComment, store.ActionHide, "Otrevligt"), "hide the comment")
	a.moderated = []moderatedItem{
		{"held question", []string{canaryHeldTitle, canaryHeldBody}, heldPost, 0, []string{"outsider", "owner", "admin"}},
		{"hidden tip", []string{canaryHiddenTitle, canaryHiddenBody}, hiddenPost, 0, []string{"owner", "admin"}},
		{"held answer", []string{canaryHeldAnswer}, memberQ, heldAnswer, []string{"othermod", "owner", "admin"}},
		{"hidden comment", []string{canaryHiddenComment}, memberQ, hiddenComment, []string{"owner", "admin"}},
	}
	a.told = map[string][]int64{}
	for key, p := range a.people {
		for _, m := range a.moderated {
			rows, err := a.raw.Query(`SELECT id FROM notifications WHERE person_id = $1 AND post_id = $2 AND reply_id = $3`, p.ID, m.post, m.reply)
			a.must(err, "notifications of "+m.name)
			for rows.Next() {
				var id int64
				a.must(rows.Scan(&id), "scan")
				a.told[key] = append(a.told[key], id)
			}
			a.must(rows.Err(), "rows")
			rows.Close()
		}
	}

	// Everyone wants every kind of notification mailed at once, so the mail
	// hook reads a message for every notification there is.
	everything := map[string]string{}
	for _, k := range store.NotificationKinds {
		everything[k] = store.DeliverImmediately
	}
	for key, p := range a.people {
		a.must(s.SetMailSettings(ctx, p.ID, "daily", everything), "mail settings of "+key)
	}
	notification := func(p store.Person, postID int64) string {
		var id int64
		err := a.raw.QueryRow(`SELECT MIN(id) FROM notifications WHERE person_id = $1 AND post_id = $2`, p.ID, postID).Scan(&id)
		a.must(err, "find a notification")
		if id == 0 {
			t.Fatalf("no notification of %s on post %d", p.Name, postID)
		}
		return strconv.FormatInt(id, 10)
	}

	memberUpload := a.upload(a.viewers["member"], "mias-bild.png")
	// Processing (thumbnails) runs as it does in the server.
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if _, err := jobs.New(s, log, jobKinds(a.cfg, s, log)).RunDue(ctx); err != nil {
		t.Fatalf("run jobs: %v", err)
	}

	sessions, err := s.Sessions(ctx, member.ID)
	a.must(err, "sessions")
	tokens, err := s.Tokens(ctx, member.ID)
	a.must(err, "tokens")
	itoa := func(n int64) string { return strconv.FormatInt(n, 10) }
	a.secret = fill{
		"community": secret.Slug, "tag": canaryTag, "post": itoa(question), "idea": itoa(idea), "reply": itoa(answer),
		"person": itoa(owner.ID), "member": itoa(member.ID), "session": itoa(sessions[0].ID), "token": itoa(tokens[0].ID),
		"request": itoa(reqs[0].ID), "secret": "zqx-not-a-real-token", "reaction": "like",
		"report": itoa(secretReport), "banned": itoa(banned.ID), "word": itoa(words[0].ID),
		"notification": notification(member, question),
		"upload":       itoa(secretUpload), "words": secretWords,
	}
	a.missing = fill{
		"community": "finns-inte-alls", "tag": "finnsinteheller", "post": "987654321", "idea": "987654322", "reply": "987654323",
		"person": "987654324", "member": "987654325", "session": "987654326", "token": "987654327",
		"request": "987654328", "secret": "zqx-not-a-real-token", "reaction": "like",
		"report": "987654329", "banned": "987654330", "word": "987654331",
		"notification": "987654332",
		"upload":       "987654332", "words": "Xyzfinns inte någonstans",
	}
	a.own = fill{
		"community": "kafe", "tag": "kaffe", "post": itoa(memberQ), "idea": itoa(memberIdea), "reply": itoa(memberAnswer),
		"person": itoa(member.ID), "member": itoa(member.ID), "session": itoa(sessions[0].ID), "token": itoa(tokens[0].ID),
		"request": itoa(reqs[0].ID), "secret": "zqx-not-a-real-token", "reaction": "like",
		"report": itoa(ownReport), "banned": itoa(banned.ID), "word": itoa(words[0].ID),
		"notification": notification(member, memberQ),
		"upload":       itoa(memberUpload), "words": "Mias egen fråga kaffe",
	}
	a.anon = fill{
		"community": "kafe", "tag": anonTag, "post": itoa(anonQ), "idea": itoa(anonQ), "reply": itoa(anonAnswer),
		"person": itoa(outsider.ID), "member": itoa(outsider.ID), "session": "987654326", "token": "987654327",
		"request": "987654328", "secret": "zqx-not-a-real-token", "reaction": "like",
		"report": itoa(anonReport), "banned": itoa(banned.ID), "word": itoa(words[0].ID),
		"notification": notification(outsider, anonQ),
		"upload":       itoa(anonUpload), "words": anonWords,
	}
}

// upload sends a small real picture as the viewer, through the API as
// people's clients do, under the given file name, and returns its id.
func (a *sweepApp) upload(v viewer, name string) int64 {
	a.t.Helper()
	ctype, body := multipartBody(nil, name)
	res := a.do("POST", "/api/v1/uploads", ctype, body, v)
	if res.status != http.StatusCreated {
		a.t.Fatalf("upload %s as %s: %d %s", name, v.name, res.status, res.body)
	}
	var u struct{ ID int64 }
	a.must(json.Unmarshal([]byte(res.body), &u), "decode upload")
	return u.ID
}

// samplePNG is a real 24×16 picture with a gradient.
var samplePNG = func() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 24, 16))
	for y := range 16 {
		for x := range 24 {
			img.Set(x, y, color.RGBA{uint8(x * 10), uint8(y * 15), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

// multipartBody is a multipart form with the given fields and samplePNG as
// the field "file" under the given file name.
func multipartBody(fields url.Values, name string) (contentType, body string) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			_ = w.WriteField(k, v)
		}
	}
	part, err := w.CreateFormFile("file", name)
	if err != nil {
		panic(err)
	}
	_, _ = part.Write(samplePNG)
	_ = w.Close()
	return w.FormDataContentType(), b.String()
}

// response is what a request answered.
type response struct {
	status int
	header http.Header
	body   string
}

// do sends one request through the production handler.
func (a *sweepApp) do(method, target, contentType, body string, v viewer) response {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	// A bound for anything that streams: a live event stream asked without
	// max_seconds ends here instead of holding the sweep up.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req := httptest.NewRequestWithContext(ctx, method, target, rd)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if v.cookie != "" {
		req.AddCookie(&http.Cookie{Name: "tacit_session", Value: v.cookie})
	}
	if v.token != "" {
		req.Header.Set("Authorization", "Bearer "+v.token)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	if ctx.Err() != nil {
		a.t.Errorf("%s %s was still answering after 30 s: ask a live stream with max_seconds=0 (in the registry's query)", method, target)
	}
	return response{status: rec.Code, header: rec.Header(), body: rec.Body.String()}
}

// stateTables are compared before and after every write that must change
// nothing: whole rows, or the columns that reads do not touch (reading
// moves a session's last-seen and a token's last-used time).
var stateTables = []string{"people", "person_expertise", "communities", "memberships", "join_requests", "invitations", "posts",
	"post_tags", "replies", "reactions", "votes", "revisions", "idea_status_changes", "follows", "audit_log", "signin_links", "jobs",
	"reports", "community_bans", "conduct_acceptances", "watched_words", "uploads",
	"notifications", "activity", "mail_prefs", "mail_settings", "mail_sent", "feed_tokens",
	"sessions:id, token_hash, person_id, created_at", "api_tokens:id, token_hash, person_id, name, scope, created_at, revoked_at"}

// snapshot is a digest of everything in the store that a request could change.
func (a *sweepApp) snapshot() string {
	a.t.Helper()
	h := sha256.New()
	for _, table := range stateTables {
		table, cols, ok := strings.Cut(table, ":")
		if !ok {
			cols = "*"
		}
		rows, err := a.raw.Query("SELECT " + cols + " FROM " + table)
		if err != nil {
			a.t.Fatalf("snapshot %s: %v", table, err)
		}
		names, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(names))
			ptrs := make([]any, len(names))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				a.t.Fatal(err)
			}
			var b strings.Builder
			for _, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				fmt.Fprintf(&b, "%v\x1f", v)
			}
			lines = append(lines, b.String())
		}
		rows.Close()
		sort.Strings(lines)
		fmt.Fprintf(h, "%s:%d\n%s\n", table, len(lines), strings.Join(lines, "\n"))
	}
	return hex.EncodeToString(h.Sum(nil))
}
