package api

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// newReplyFixture is the fixture with a reply in every state that hides it
// from someone, for editing and deleting answers and comments:
//
//   - salj_reply: Mia's comment in the closed community;
//   - anon_comment: the anonymous asker's own comment on her question;
//   - held_reply: Mia's answer to the question, held by a watched word;
//   - hidden_reply: Mia's comment on the question, hidden by Olle (owner);
//   - deleted_reply: Mia's comment on the question, deleted.
func newReplyFixture(t testing.TB) *fixture {
	t.Helper()
	f := newFixture(t, Options{})
	ctx := context.Background()
	member, anon, owner := f.people["member"].ID, f.people["anon"].ID, f.people["owner"].ID
	reply := func(key string, nr store.NewReply) int64 {
		id, err := f.s.CreateReply(ctx, nr)
		if err != nil {
			t.Fatalf("create reply %s: %v", key, err)
		}
		f.vars[key] = strconv.FormatInt(id, 10)
		return id
	}
	reply("salj_reply", store.NewReply{PostID: f.id("salj_post"), Kind: store.ReplyComment, AuthorID: member, Body: "Säljkommentar"})
	reply("anon_comment", store.NewReply{PostID: f.id("anon_q"), Kind: store.ReplyComment, AuthorID: anon, Body: "Frågeställaren lägger till"})
	reply("held_reply", store.NewReply{PostID: f.id("question"), Kind: store.ReplyAnswer, AuthorID: member, Body: "Ett hållet svar", Held: true})
	hidden := reply("hidden_reply", store.NewReply{PostID: f.id("question"), Kind: store.ReplyComment, AuthorID: member, Body: "En dold kommentar"})
	if err := f.s.SetModeration(ctx, store.Viewer{ID: owner}, f.id("question"), hidden, store.ActionHide, "Olämpligt"); err != nil {
		t.Fatalf("hide: %v", err)
	}
	deleted := reply("deleted_reply", store.NewReply{PostID: f.id("question"), Kind: store.ReplyComment, AuthorID: member, Body: "Borttagen"})
	if err := f.s.DeleteReply(ctx, member, deleted, false); err != nil {
		t.Fatalf("delete: %v", err)
	}
	return f
}

// replyScenarios edit and delete answers and comments, in order, on
// newReplyFixture.
func replyScenarios() []scenario {
	anonLeaks := []string{anonName, anonEmail, anonDept, `"author_id"`}
	return []scenario{
		// A held answer is no answer to someone who may not see it: not
		// to react to, not to comment on — as an id that does not exist.
		{name: "react to a held answer one may not see", method: "POST", url: "/api/v1/posts/{{question}}/reactions", as: "mod", wantStatus: 400,
			body: `{"kind":"like","reply_id":{{held_reply}}}`, wantContains: []string{`"reply_id"`}},
		{name: "react to a missing reply", method: "POST", url: "/api/v1/posts/{{question}}/reactions", as: "mod", wantStatus: 400,
			body: `{"kind":"like","reply_id":987654}`, wantContains: []string{`"reply_id"`}},
		{name: "comment on a held answer one may not see", method: "POST", url: "/api/v1/posts/{{question}}/comments", as: "mod", wantStatus: 400,
			body: `{"body":"En kommentar","parent_id":{{held_reply}}}`, wantContains: []string{`"parent_id"`}},
		{name: "comment on a missing answer", method: "POST", url: "/api/v1/posts/{{question}}/comments", as: "mod", wantStatus: 400,
			body: `{"body":"En kommentar","parent_id":987654}`, wantContains: []string{`"parent_id"`}},

		// Editing.
		{name: "edit own answer", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "owner", wantStatus: 200,
			body:         `{"body":"Boka i kalendern under **Resurser**."}`,
			wantContains: []string{`"id":{{answer}},`, `"post_id":{{question}}`, `"kind":"answer"`, `"body":"Boka i kalendern under **Resurser**."`, `\u003cstrong\u003eResurser\u003c/strong\u003e`, `"edited":true`, `"mine":true`, `"author_name":"Olle Ägare"`, `"comments":[{`, "Fungerar även i mobilen"}},
		{name: "the edit shows on the post", method: "GET", url: "/api/v1/posts/{{question}}", as: "outsider", wantStatus: 200,
			wantContains: []string{`\u003cstrong\u003eResurser\u003c/strong\u003e`, `"edited":true`}},
		{name: "revisions of the edited answer", method: "GET", url: "/api/v1/replies/{{answer}}/revisions", as: "outsider", wantStatus: 200,
			wantContains: []string{`"body":"Boka i kalendern under Resurser."`, `"editor_name":"Olle Ägare"`, `"next_cursor":""`}, wantNotContains: []string{"**Resurser**"}},
		{name: "revisions with a read token", method: "GET", url: "/api/v1/replies/{{answer}}/revisions", as: "member-read", wantStatus: 200,
			wantContains: []string{`"body":"Boka i kalendern under Resurser."`}},
		{name: "revisions of an unedited comment", method: "GET", url: "/api/v1/replies/{{answer_comment}}/revisions", as: "member", wantStatus: 200,
			wantContains: []string{`"items":[]`, `"next_cursor":""`}},
		{name: "revisions with a bad limit", method: "GET", url: "/api/v1/replies/{{answer}}/revisions?limit=0", as: "member", wantStatus: 400,
			wantContains: []string{`"limit":`}},
		{name: "revisions without a token", method: "GET", url: "/api/v1/replies/{{answer}}/revisions", wantStatus: 401},
		{name: "edit by a member who did not write it", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "member", wantStatus: 403,
			body: `{"body":"Kapat svar"}`, wantContains: []string{msgForbid}},
		{name: "edit by a moderator of another community", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "mod", wantStatus: 403, body: `{"body":"Kapat svar"}`},
		{name: "edit by the community's moderator", method: "PATCH", url: "/api/v1/replies/{{anon_answer}}", as: "mod", wantStatus: 200,
			body: `{"body":"Ta med siffror, modererat."}`, wantContains: []string{`"body":"Ta med siffror, modererat."`, `"author_name":"Mia Medlem"`, `"mine":false`}},
		{name: "a moderator's edit is audited", method: "GET", url: "/api/v1/audit-log?action=reply.edit", as: "admin-admin", wantStatus: 200,
			wantContains: []string{`"actor_name":"Maja Moderator","action":"reply.edit"`, `"object_id":{{anon_answer}}`}, wantNotContains: []string{anonName, anonEmail}},
		{name: "the author's own edit is not", method: "GET", url: "/api/v1/audit-log?action=reply.edit&actor={{owner_id}}", as: "admin-admin", wantStatus: 200,
			wantContains: []string{`"items":[]`}},

		// The anonymous asker's own comment names no one, to anyone.
		{name: "the anonymous asker edits her comment", method: "PATCH", url: "/api/v1/replies/{{anon_comment}}", as: "anon", wantStatus: 200,
			body: `{"body":"Frågeställaren förtydligar."}`, wantContains: []string{`"anonymous":true`, `"mine":true`, "förtydligar"}, wantNotContains: anonLeaks},
		{name: "a moderator edits the anonymous asker's comment", method: "PATCH", url: "/api/v1/replies/{{anon_comment}}", as: "mod", wantStatus: 200,
			body: `{"body":"Modererad."}`, wantContains: []string{`"anonymous":true`, `"mine":false`}, wantNotContains: anonLeaks},
		{name: "another member may not edit the anonymous asker's comment", method: "PATCH", url: "/api/v1/replies/{{anon_comment}}", as: "member", wantStatus: 403,
			body: `{"body":"Kapad"}`, wantNotContains: anonLeaks},
		{name: "the audit names no anonymous author", method: "GET", url: "/api/v1/audit-log?action=reply.", as: "admin-admin", wantStatus: 200,
			wantContains: []string{`"object_id":{{anon_comment}}`}, wantNotContains: []string{anonName, anonEmail, anonDept}},
		{name: "revisions of the anonymous asker's comment name only the moderator", method: "GET", url: "/api/v1/replies/{{anon_comment}}/revisions", as: "member", wantStatus: 200,
			wantContains: []string{`"body":"Frågeställaren förtydligar."`, `"editor_name":"Maja Moderator"`, `"body":"Frågeställaren lägger till"`}, wantNotContains: anonLeaks},
		{name: "the moderator does not see who the asker is either", method: "GET", url: "/api/v1/replies/{{anon_comment}}/revisions", as: "mod", wantStatus: 200,
			wantContains: []string{`"body":"Frågeställaren lägger till"`}, wantNotContains: anonLeaks},
		{name: "the asker sees her own name on her own edit", method: "GET", url: "/api/v1/replies/{{anon_comment}}/revisions", as: "anon", wantStatus: 200,
			wantContains: []string{`"editor_name":"` + anonName + `"`}},

		// What the caller may not read is not there.
		{name: "edit in a closed community by an outsider", method: "PATCH", url: "/api/v1/replies/{{salj_reply}}", as: "outsider", wantStatus: 404,
			body: `{"body":"Kapad"}`, wantContains: []string{msgNotFound}},
		{name: "edit in a secret community by an outsider", method: "PATCH", url: "/api/v1/replies/{{ledning_answer}}", as: "outsider", wantStatus: 404,
			body: `{"body":"Kapad"}`, wantContains: []string{msgNotFound}},
		{name: "edit in a secret community by an org admin", method: "PATCH", url: "/api/v1/replies/{{ledning_answer}}", as: "admin-admin", wantStatus: 404,
			body: `{"body":"Kapad"}`, wantContains: []string{msgNotFound}},
		{name: "edit a held reply one may not see", method: "PATCH", url: "/api/v1/replies/{{held_reply}}", as: "mod", wantStatus: 404,
			body: `{"body":"Kapad"}`, wantContains: []string{msgNotFound}},
		{name: "edit one's own held reply", method: "PATCH", url: "/api/v1/replies/{{held_reply}}", as: "member", wantStatus: 200,
			body: `{"body":"Ett hållet svar, rättat."}`, wantContains: []string{`"held":true`, "rättat"}},
		{name: "edit one's own hidden reply", method: "PATCH", url: "/api/v1/replies/{{hidden_reply}}", as: "member", wantStatus: 404,
			body: `{"body":"Kapad"}`, wantContains: []string{msgNotFound}},
		{name: "edit a hidden reply as its moderator", method: "PATCH", url: "/api/v1/replies/{{hidden_reply}}", as: "owner", wantStatus: 200,
			body: `{"body":"En dold kommentar, rensad."}`, wantContains: []string{`"hidden":true`}},
		{name: "edit a deleted reply", method: "PATCH", url: "/api/v1/replies/{{deleted_reply}}", as: "member", wantStatus: 404,
			body: `{"body":"Tillbaka"}`, wantContains: []string{msgNotFound}},
		{name: "edit a reply that never existed", method: "PATCH", url: "/api/v1/replies/987654321", as: "member", wantStatus: 404,
			body: `{"body":"Ny"}`, wantContains: []string{msgNotFound}},
		{name: "edit a reply id that is no number", method: "PATCH", url: "/api/v1/replies/abc", as: "member", wantStatus: 404, body: `{"body":"Ny"}`},
		{name: "revisions in a closed community to an outsider", method: "GET", url: "/api/v1/replies/{{salj_reply}}/revisions", as: "outsider", wantStatus: 404,
			wantContains: []string{msgNotFound}, wantNotContains: []string{"Säljkommentar"}},
		{name: "revisions in a secret community to an org admin", method: "GET", url: "/api/v1/replies/{{ledning_answer}}/revisions", as: "admin-admin", wantStatus: 404,
			wantContains: []string{msgNotFound}},
		{name: "revisions of a held reply one may not see", method: "GET", url: "/api/v1/replies/{{held_reply}}/revisions", as: "mod", wantStatus: 404,
			wantContains: []string{msgNotFound}},
		{name: "revisions of one's own held reply", method: "GET", url: "/api/v1/replies/{{held_reply}}/revisions", as: "member", wantStatus: 200,
			wantContains: []string{`"body":"Ett hållet svar"`}},
		{name: "revisions of one's own hidden reply", method: "GET", url: "/api/v1/replies/{{hidden_reply}}/revisions", as: "member", wantStatus: 404,
			wantContains: []string{msgNotFound}, wantNotContains: []string{"En dold kommentar"}},
		{name: "revisions of a hidden reply to its moderator", method: "GET", url: "/api/v1/replies/{{hidden_reply}}/revisions", as: "owner", wantStatus: 200,
			wantContains: []string{`"body":"En dold kommentar"`, `"editor_name":"Olle Ägare"`}},
		{name: "revisions of a deleted reply", method: "GET", url: "/api/v1/replies/{{deleted_reply}}/revisions", as: "member", wantStatus: 404,
			wantContains: []string{msgNotFound}},
		{name: "revisions of a reply that never existed", method: "GET", url: "/api/v1/replies/987654321/revisions", as: "member", wantStatus: 404,
			wantContains: []string{msgNotFound}},

		// Bodies.
		{name: "edit to an empty body", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "owner", wantStatus: 400,
			body: `{"body":"   "}`, wantContains: []string{msgInvalid, `"body":"` + msgRequired + `"`}},
		{name: "edit with an unknown field", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "owner", wantStatus: 400,
			body: `{"text":"Ny"}`, wantContains: []string{`"text":"This field is not known."`}},
		{name: "edit with a wrong type", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "owner", wantStatus: 400,
			body: `{"body":7}`, wantContains: []string{`"body":"This must be a string."`}},
		{name: "edit without a body", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "owner", wantStatus: 400, wantContains: []string{`"code":"bad_request"`}},
		{name: "edit with a read token", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "member-read", wantStatus: 403,
			body: `{"body":"Ny"}`, wantContains: []string{msgScope}},
		{name: "edit without a token", method: "PATCH", url: "/api/v1/replies/{{answer}}", wantStatus: 401, body: `{"body":"Ny"}`},

		// Files, added and removed by whoever may edit only.
		{name: "the author adds files", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "owner", wantStatus: 200,
			body:         `{"add_attachments":[{{owner_upload}},{{owner_upload2}}]}`,
			wantContains: []string{`"attachments":[{"id":{{owner_upload}},`, `{"id":{{owner_upload2}},`, `"body":"Boka i kalendern under **Resurser**."`}},
		{name: "the files are on the answer", method: "GET", url: "/api/v1/posts/{{question}}", as: "outsider", wantStatus: 200,
			wantContains: []string{`"attachments":[{"id":{{owner_upload}},`}},
		{name: "a file cannot move from another reply", method: "PATCH", url: "/api/v1/replies/{{anon_comment}}", as: "anon", wantStatus: 400,
			body: `{"add_attachments":[{{owner_upload}}]}`, wantContains: []string{msgInvalid, `"add_attachments":`}},
		{name: "a file of another reply cannot be removed through one's own", method: "PATCH", url: "/api/v1/replies/{{anon_comment}}", as: "anon", wantStatus: 400,
			body: `{"remove_attachments":[{{owner_upload}}]}`, wantContains: []string{`"remove_attachments":`}},
		{name: "someone else's unattached upload cannot be added", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "owner", wantStatus: 400,
			body: `{"add_attachments":[{{anon_upload}}]}`, wantContains: []string{`"add_attachments":`}},
		{name: "a member who may not edit cannot remove a file", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "member", wantStatus: 403,
			body: `{"remove_attachments":[{{owner_upload}}]}`},
		{name: "the author removes a file", method: "PATCH", url: "/api/v1/replies/{{answer}}", as: "owner", wantStatus: 200,
			body: `{"remove_attachments":[{{owner_upload}}]}`, wantContains: []string{`"attachments":[{"id":{{owner_upload2}},`}, wantNotContains: []string{`"id":{{owner_upload}},"url"`}},
		{name: "the removed file is gone", method: "GET", url: "/api/v1/uploads/{{owner_upload}}", as: "owner", wantStatus: 404},
		{name: "the other file stays", method: "GET", url: "/api/v1/uploads/{{owner_upload2}}", as: "outsider", wantStatus: 200},

		// Deleting.
		{name: "accept the answer", method: "POST", url: "/api/v1/posts/{{question}}/accept", as: "member", wantStatus: 200,
			body: `{"answer_id":{{answer}}}`, wantContains: []string{`"accepted_answer_id":{{answer}}`, `"answer_count":1,"comment_count":1`}},
		{name: "delete by a member who did not write it", method: "DELETE", url: "/api/v1/replies/{{answer}}", as: "member", wantStatus: 403, wantContains: []string{msgForbid}},
		{name: "delete by a moderator of another community", method: "DELETE", url: "/api/v1/replies/{{answer}}", as: "mod", wantStatus: 403},
		{name: "delete in a closed community by an outsider", method: "DELETE", url: "/api/v1/replies/{{salj_reply}}", as: "outsider", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "delete in a secret community by an org admin", method: "DELETE", url: "/api/v1/replies/{{ledning_answer}}", as: "admin-admin", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "delete one's own hidden reply", method: "DELETE", url: "/api/v1/replies/{{hidden_reply}}", as: "member", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "delete with a read token", method: "DELETE", url: "/api/v1/replies/{{answer}}", as: "member-read", wantStatus: 403, wantContains: []string{msgScope}},
		{name: "delete without a token", method: "DELETE", url: "/api/v1/replies/{{answer}}", wantStatus: 401},
		{name: "the still-closed reply is still there", method: "GET", url: "/api/v1/posts/{{salj_post}}", as: "member", wantStatus: 200, wantContains: []string{"Säljkommentar"}},

		{name: "delete the accepted answer by its author", method: "DELETE", url: "/api/v1/replies/{{answer}}", as: "owner", wantStatus: 204},
		{name: "the answer is gone with its comment and no longer accepted", method: "GET", url: "/api/v1/posts/{{question}}", as: "outsider", wantStatus: 200,
			wantContains: []string{`"answer_count":0,"comment_count":0`, `"answers":[]`, `"comments":[]`}, wantNotContains: []string{`"accepted_answer_id"`, "Boka i kalendern"}},
		{name: "delete twice", method: "DELETE", url: "/api/v1/replies/{{answer}}", as: "owner", wantStatus: 404, wantContains: []string{msgNotFound}},
		{name: "the author's delete is not audited", method: "GET", url: "/api/v1/audit-log?action=reply.delete", as: "admin-admin", wantStatus: 200,
			wantContains: []string{`"items":[]`}},

		{name: "delete by the community's moderator", method: "DELETE", url: "/api/v1/replies/{{anon_answer}}", as: "mod", wantStatus: 204},
		{name: "a moderator's delete is audited", method: "GET", url: "/api/v1/audit-log?action=reply.delete", as: "admin-admin", wantStatus: 200,
			wantContains: []string{`"actor_name":"Maja Moderator","action":"reply.delete"`, `"object_id":{{anon_answer}}`}},
		{name: "the anonymous asker deletes her comment", method: "DELETE", url: "/api/v1/replies/{{anon_comment}}", as: "anon", wantStatus: 204},
		{name: "both are gone from the anonymous question", method: "GET", url: "/api/v1/posts/{{anon_q}}", as: "member", wantStatus: 200,
			wantContains: []string{`"answer_count":0,"comment_count":0`, `"answers":[]`, `"comments":[]`}},
	}
}

func TestReplyScenarios(t *testing.T) {
	t.Parallel()
	f := newReplyFixture(t)
	f.run(t, replyScenarios(), nil)
}

// TestReplyNotFoundIsTheSameAnswer holds PATCH and DELETE /replies/{id}
// and GET /replies/{id}/revisions to DESIGN §3 rule 2: a reply the caller
// may not read answers with the same status, headers and bytes as an id
// that never existed.
func TestReplyNotFoundIsTheSameAnswer(t *testing.T) {
	t.Parallel()
	f := newReplyFixture(t)
	// Each reply gets a revision first, so there is something to leak.
	for _, key := range []string{"salj_reply", "ledning_answer", "held_reply", "hidden_reply"} {
		if err := f.s.EditReply(context.Background(), f.people["member"].ID, f.id(key), "Rättad text"); err != nil {
			t.Fatalf("edit %s: %v", key, err)
		}
	}
	for _, rt := range []struct{ method, suffix, body string }{
		{"PATCH", "", `{"body":"Kapad"}`},
		{"DELETE", "", ""},
		{"GET", "/revisions", ""},
		{"GET", "/revisions?limit=1", ""},
	} {
		method, body := rt.method, rt.body
		want := f.do(method, "/api/v1/replies/987654321"+rt.suffix, body, "outsider")
		for _, c := range []struct{ key, as string }{
			{"salj_reply", "outsider"}, {"ledning_answer", "outsider"}, {"ledning_answer", "admin-admin"},
			{"held_reply", "outsider"}, {"hidden_reply", "member"}, {"deleted_reply", "member"},
		} {
			got := f.do(method, "/api/v1/replies/{{"+c.key+"}}"+rt.suffix, body, c.as)
			if got.Code != want.Code || got.Body.String() != want.Body.String() {
				t.Errorf("%s %s%s as %s: %d %s; want %d %s, as for a reply that never existed", method, c.key, rt.suffix, c.as, got.Code, got.Body, want.Code, want.Body)
			}
			for _, h := range []string{"Content-Type", "Content-Length", "Cache-Control"} {
				if got.Header().Get(h) != want.Header().Get(h) {
					t.Errorf("%s %s%s as %s: %s %q, want %q", method, c.key, rt.suffix, c.as, h, got.Header().Get(h), want.Header().Get(h))
				}
			}
		}
	}
	// Nothing changed behind the 404s.
	rec := f.do("GET", "/api/v1/posts/{{salj_post}}", "", "member")
	if !strings.Contains(rec.Body.String(), "Rättad text") || strings.Contains(rec.Body.String(), "Kapad") {
		t.Errorf("the closed reply changed: %s", rec.Body)
	}
}

// TestReplyEditKeepsRevisionAndMentionsOnce checks what an edit leaves
// behind beside the reply: the earlier text as a revision, and one
// notification for a person first mentioned in it, however often the edit
// is saved again.
func TestReplyEditKeepsRevisionAndMentionsOnce(t *testing.T) {
	t.Parallel()
	f := newReplyFixture(t)
	ctx := context.Background()
	mentions := func(as string) int {
		t.Helper()
		rec := f.do("GET", "/api/v1/notifications?limit=100", "", as)
		if rec.Code != http.StatusOK {
			t.Fatalf("notifications: %d %s", rec.Code, rec.Body)
		}
		n := 0
		for _, it := range decodeJSON[listJSON[notificationJSON]](t, rec).Items {
			if it.Kind == store.NotifyMention && it.ReplyID == f.id("answer") {
				n++
			}
		}
		return n
	}
	if n := mentions("outsider"); n != 0 {
		t.Fatalf("Otto has %d mentions before the edit", n)
	}
	for i, body := range []string{"Fråga @otto, han vet.", "Fråga @otto, han vet allt.", "Fråga @otto."} {
		rec := f.do("PATCH", "/api/v1/replies/{{answer}}", `{"body":"`+body+`"}`, "owner")
		if rec.Code != http.StatusOK {
			t.Fatalf("edit %d: %d %s", i, rec.Code, rec.Body)
		}
		if !strings.Contains(rec.Body.String(), f.expand(`href=\"/u/{{outsider_id}}\" class=\"mention\"`)) {
			t.Errorf("edit %d: the mention is not linked in body_html: %s", i, rec.Body)
		}
	}
	if n := mentions("outsider"); n != 1 {
		t.Errorf("Otto has %d mention notifications of the answer after three edits, want 1", n)
	}
	revs, err := f.s.Revisions(ctx, store.Viewer{ID: f.people["member"].ID}, f.id("question"), f.id("answer"))
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 3 || revs[2].Body != "Boka i kalendern under Resurser." || revs[0].Body != "Fråga @otto, han vet allt." || revs[0].EditorName != "Olle Ägare" {
		t.Errorf("revisions of the answer: %+v; want the three earlier texts, newest first, by Olle", revs)
	}

	// An edit that asks for nothing keeps no revision.
	if rec := f.do("PATCH", "/api/v1/replies/{{answer}}", `{}`, "owner"); rec.Code != http.StatusOK {
		t.Fatalf("empty edit: %d %s", rec.Code, rec.Body)
	}
	if revs, _ := f.s.Revisions(ctx, store.Viewer{ID: f.people["member"].ID}, f.id("question"), f.id("answer")); len(revs) != 3 {
		t.Errorf("an empty edit left %d revisions, want 3", len(revs))
	}
}

// TestReplyRevisionsNewestFirst edits an answer twice and pages through
// GET /replies/{id}/revisions one at a time: the text before the second
// edit comes first, then the original, each once, named by their editor,
// and the walk ends with an empty cursor, as for a post's revisions.
func TestReplyRevisionsNewestFirst(t *testing.T) {
	t.Parallel()
	f := newReplyFixture(t)
	for _, body := range []string{"Första ändringen.", "Andra ändringen."} {
		if rec := f.do("PATCH", "/api/v1/replies/{{answer}}", `{"body":"`+body+`"}`, "owner"); rec.Code != http.StatusOK {
			t.Fatalf("edit: %d %s", rec.Code, rec.Body)
		}
	}
	var got []string
	cursor := ""
	for range 5 {
		u := "/api/v1/replies/{{answer}}/revisions?limit=1"
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		rec := f.do("GET", u, "", "outsider")
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", u, rec.Code, rec.Body)
		}
		page := decodeJSON[listJSON[store.Revision]](t, rec)
		for _, rv := range page.Items {
			if rv.EditorName != "Olle Ägare" {
				t.Errorf("revision %q: editor %q, want Olle Ägare", rv.Body, rv.EditorName)
			}
			got = append(got, rv.Body)
		}
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	if want := []string{"Första ändringen.", "Boka i kalendern under Resurser."}; !slices.Equal(got, want) {
		t.Errorf("revisions of the answer, one a page: %q, want %q", got, want)
	}
	// The comment on the answer keeps its own history, apart.
	rec := f.do("GET", "/api/v1/replies/{{answer_comment}}/revisions", "", "outsider")
	if n := len(decodeJSON[listJSON[store.Revision]](t, rec).Items); n != 0 {
		t.Errorf("the unedited comment has %d revisions: %s", n, rec.Body)
	}
}
