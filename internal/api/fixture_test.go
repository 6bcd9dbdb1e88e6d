package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/media"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// fixture is a small organisation on a real, migrated store:
//
//   - admin (Ada, organisation admin) belongs to no community;
//   - owner (Olle) owns every community;
//   - mod (Maja) moderates frågor and is a plain member of fika;
//   - member (Mia) belongs to every community and posts in fika and sälj;
//   - anon (Astrid) belongs to fika and frågor and has only ever posted
//     anonymously, so no answer may contain her name, e-mail, department or id;
//   - outsider (Otto) belongs to nothing and has asked to join sälj.
//
// Communities: fika (open), salj (closed), ledning (secret), fragor (open,
// anonymous questions allowed).
type fixture struct {
	t      testing.TB
	s      *store.Store
	api    *API
	h      http.Handler
	tokens map[string]string       // by the name scenarios use in "as"
	people map[string]store.Person // by role in the fixture
	vars   map[string]string       // {{name}} in scenario URLs and bodies
}

// Strings that identify the anonymous author; none may appear in what others read.
const (
	anonName  = "Astrid Anonymsson"
	anonEmail = "astrid.anonymsson@example.se"
	anonDept  = "Hemliga avdelningen"
	anonTitle = "Hur ber jag om löneförhöjning utan att det blir pinsamt?"
)

func newFixture(t testing.TB, o Options) *fixture {
	t.Helper()
	ctx := context.Background()
	s := storetest.Open(t)
	f := &fixture{t: t, s: s, tokens: map[string]string{}, people: map[string]store.Person{}, vars: map[string]string{}}
	if o.Logger == nil {
		o.Logger = discardLogger()
	}
	if o.Media == nil {
		o.Media = media.New(s, media.Disk{Dir: t.TempDir()})
		o.Media.TempDir = t.TempDir()
	}
	f.api = New(s, o)
	f.h = f.api.Handler()

	person := func(key, name, email, dept string, admin bool) store.Person {
		p, err := s.CreatePerson(ctx, store.NewPerson{Email: email, Name: name, Department: dept, Admin: admin, Language: "sv"})
		if err != nil {
			t.Fatalf("create person %s: %v", key, err)
		}
		f.people[key] = p
		f.vars[key+"_id"] = strconv.FormatInt(p.ID, 10)
		f.vars[key+"_email"] = p.Email
		return p
	}
	admin := person("admin", "Ada Administratör", "ada@example.se", "IT", true)
	owner := person("owner", "Olle Ägare", "olle@example.se", "Ledningsgruppen", false)
	mod := person("mod", "Maja Moderator", "maja@example.se", "Support", false)
	member := person("member", "Mia Medlem", "mia@example.se", "Sälj", false)
	anon := person("anon", anonName, anonEmail, anonDept, false)
	outsider := person("outsider", "Otto Utanför", "otto@example.se", "Lager", false)

	token := func(as string, p store.Person, scope string) {
		secret := auth.NewSecret("tacit_")
		if _, err := s.CreateToken(ctx, p.ID, as, scope, auth.HashSecret(secret)); err != nil {
			t.Fatalf("create token %s: %v", as, err)
		}
		f.tokens[as] = secret
	}
	token("admin", admin, store.ScopeWrite)
	token("admin-admin", admin, store.ScopeAdmin)
	token("owner", owner, store.ScopeWrite)
	token("mod", mod, store.ScopeWrite)
	token("member", member, store.ScopeWrite)
	token("member-read", member, store.ScopeRead)
	token("member-admin", member, store.ScopeAdmin) // an admin token of someone who is no admin
	token("anon", anon, store.ScopeWrite)
	token("outsider", outsider, store.ScopeWrite)
	token("outsider-read", outsider, store.ScopeRead)

	community := func(slug, name, kind, vis string, anonQ bool) store.Community {
		c, err := s.CreateCommunity(ctx, owner.ID, slug, store.CommunitySettings{
			Name: name, Description: "Om " + name, Kind: kind, Visibility: vis, AnonymousQuestions: anonQ})
		if err != nil {
			t.Fatalf("create community %s: %v", slug, err)
		}
		f.vars[slug+"_cid"] = strconv.FormatInt(c.ID, 10)
		return c
	}
	fika := community("fika", "Fikarummet", store.KindSubject, store.VisibilityOpen, false)
	salj := community("salj", "Säljcoacher", store.KindDepartment, store.VisibilityClosed, false)
	ledning := community("ledning", "Ledningsgruppen internt", store.KindRole, store.VisibilitySecret, false)
	fragor := community("fragor", "Frågor utan prestige", store.KindPainPoint, store.VisibilityOpen, true)

	join := func(c store.Community, p store.Person, role string) {
		if err := s.AddMember(ctx, owner.ID, c.ID, p.ID, role); err != nil {
			t.Fatalf("add %s to %s: %v", p.Name, c.Slug, err)
		}
	}
	join(fika, member, store.RoleMember)
	join(fika, mod, store.RoleMember)
	join(fika, anon, store.RoleMember)
	join(salj, member, store.RoleMember)
	join(ledning, member, store.RoleMember)
	join(fragor, mod, store.RoleModerator)
	join(fragor, member, store.RoleMember)
	join(fragor, anon, store.RoleMember)

	post := func(key string, c store.Community, p store.Person, typ, title string, anonymous bool, tags ...string) {
		id, err := s.CreatePost(ctx, store.NewPost{CommunityID: c.ID, AuthorID: p.ID, Anonymous: anonymous, Type: typ,
			Title: title, Body: "Brödtext för " + title, Language: "sv", Tags: tags})
		if err != nil {
			t.Fatalf("create post %s: %v", key, err)
		}
		f.vars[key] = strconv.FormatInt(id, 10)
	}
	post("tip", fika, member, store.TypeTip, "Kortkommandon i CRM-systemet", false, "crm")
	post("idea", fika, member, store.TypeIdea, "Fler fikapauser på fredagar", false)
	post("question", fika, member, store.TypeQuestion, "Hur bokar jag ett mötesrum?", false, "lokaler")
	post("salj_post", salj, member, store.TypeDiscussion, "Hemlig säljstrategi för tredje kvartalet", false, "crm")
	post("ledning_post", ledning, owner, store.TypeTip, "Topphemlig omorganisation", false, "crm")
	post("anon_q", fragor, anon, store.TypeQuestion, anonTitle, true, "lon", "crm")

	reply := func(key string, postKey string, parentKey string, p store.Person, kind, body string) {
		nr := store.NewReply{PostID: f.id(postKey), Kind: kind, AuthorID: p.ID, Body: body}
		if parentKey != "" {
			nr.ParentID = f.id(parentKey)
		}
		id, err := s.CreateReply(ctx, nr)
		if err != nil {
			t.Fatalf("create reply %s: %v", key, err)
		}
		f.vars[key] = strconv.FormatInt(id, 10)
	}
	reply("answer", "question", "", owner, store.ReplyAnswer, "Boka i kalendern under Resurser.")
	reply("answer_comment", "question", "answer", mod, store.ReplyComment, "Fungerar även i mobilen.")
	reply("anon_answer", "anon_q", "", member, store.ReplyAnswer, "Ta med siffror på vad du har levererat.")
	reply("ledning_answer", "ledning_post", "", member, store.ReplyComment, "Kommentar i det hemliga.")

	if err := s.RequestJoin(ctx, outsider.ID, salj.ID, "Jag vill lära mig sälja"); err != nil {
		t.Fatalf("request join: %v", err)
	}
	reqs, err := s.JoinRequests(ctx, salj.ID)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("join requests: %v %v", reqs, err)
	}
	f.vars["otto_req"] = strconv.FormatInt(reqs[0].ID, 10)

	// An image the member uploaded and has not attached yet.
	up, err := o.Media.Ingest(ctx, member.ID, bytes.NewReader(testPNG()))
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	f.vars["member_upload"] = strconv.FormatInt(up.ID, 10)
	// More, for adding and removing files in edits.
	for _, u := range []struct {
		key string
		by  store.Person
	}{{"owner_upload", owner}, {"owner_upload2", owner}, {"anon_upload", anon}} {
		key := u.key
		up, err := o.Media.Ingest(ctx, u.by.ID, bytes.NewReader(testPNG()))
		if err != nil {
			t.Fatalf("upload: %v", err)
		}
		f.vars[key] = strconv.FormatInt(up.ID, 10)
	}
	return f
}

// id returns a fixture id by its variable name.
func (f *fixture) id(key string) int64 {
	f.t.Helper()
	n, err := strconv.ParseInt(f.vars[key], 10, 64)
	if err != nil {
		f.t.Fatalf("fixture has no id %q", key)
	}
	return n
}

// expand fills {{name}} placeholders from the fixture.
func (f *fixture) expand(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	for k, v := range f.vars {
		s = strings.ReplaceAll(s, "{{"+k+"}}", v)
	}
	if strings.Contains(s, "{{") {
		f.t.Fatalf("unknown placeholder in %q", s)
	}
	return s
}

// do sends one request as the named token ("" for none, anything unknown
// is sent as a bogus token).
func (f *fixture) do(method, url, body, as string) *httptest.ResponseRecorder {
	f.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(f.expand(body))
	}
	req := httptest.NewRequest(method, f.expand(url), rd)
	if strings.HasPrefix(body, "--"+formBoundary) {
		req.Header.Set("Content-Type", "multipart/form-data; boundary="+formBoundary)
	} else if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if as != "" {
		tok, ok := f.tokens[as]
		if !ok {
			tok = "tacit_bogus-" + as
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return rec
}

// decodeJSON decodes a response body or fails the test.
func decodeJSON[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %q: %v", rec.Body.String(), err)
	}
	return v
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// slogTo is a logger that writes text to w, for tests that read the log.
func slogTo(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
