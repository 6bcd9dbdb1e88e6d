package store_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// TestAnonymousQuestion checks DESIGN §3 rule 4 on every store surface: the
// author of an anonymous question is known to no one but themself.
func TestAnonymousQuestion(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	asker := w.person("Quentin Hemlig", inDepartment("Secret Department"))
	reader := w.person("Rut Reader")
	follower := w.person("Folke Follower")
	admin := w.person("Ada Admin", asAdmin)
	c := w.community(owner, "safe", store.VisibilityOpen)
	for _, p := range []store.Person{asker, reader, admin} {
		w.add(c, p, store.RoleMember)
	}
	// The follower follows the asker as a person and nothing else.
	if err := w.s.Follow(ctx, follower.ID, store.FollowPerson, fmt.Sprint(asker.ID)); err != nil {
		t.Fatalf("Follow: %v", err)
	}

	anon := w.post(store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Anonymous: true, Type: store.TypeQuestion,
		Title: "How do I ask safely?", Tags: []string{"safety"}})
	named := w.post(store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Type: store.TypeTip, Title: "A named tip", Tags: []string{"safety"}})
	if err := w.s.EditPost(ctx, asker.ID, anon, store.PostEdit{Title: "How do I ask really safely?", Body: "Edited", Tags: []string{"safety"}}); err != nil {
		t.Fatalf("EditPost by the author: %v", err)
	}
	if err := w.s.EditPost(ctx, owner.ID, anon, store.PostEdit{Title: "How do I ask really safely??", Body: "Tidied", Tags: []string{"safety"}}); err != nil {
		t.Fatalf("EditPost by the owner: %v", err)
	}
	if _, err := w.s.React(ctx, reader.ID, anon, 0, store.ReactHelpedMe, true); err != nil {
		t.Fatalf("React: %v", err)
	}

	others := []store.Person{owner, reader, follower, admin}

	checkHidden := func(t *testing.T, surface string, p store.Post) {
		t.Helper()
		if p.AuthorID != 0 || p.AuthorName != "" || p.AuthorDepartment != "" || p.Mine {
			t.Errorf("%s: AuthorID %d, AuthorName %q, AuthorDepartment %q, Mine %t; want 0, \"\", \"\", false",
				surface, p.AuthorID, p.AuthorName, p.AuthorDepartment, p.Mine)
		}
		if !p.Anonymous {
			t.Errorf("%s: Anonymous = false, want true", surface)
		}
		b, _ := json.Marshal(p)
		for _, leak := range []string{asker.Name, asker.Email, asker.Department, fmt.Sprintf(`"author_id":%d`, asker.ID)} {
			if strings.Contains(string(b), leak) {
				t.Errorf("%s: JSON %s contains %q", surface, b, leak)
			}
		}
	}

	for _, o := range others {
		t.Run("seen by "+o.Name, func(t *testing.T) {
			v := viewer(o)
			checkHidden(t, "Post", w.mustPost(v, anon))
			for _, f := range []store.PostFilter{{}, {CommunityID: c.ID}, {Tag: "safety"}, {Type: store.TypeQuestion}, {Unanswered: true}, {Home: true}} {
				posts, _, err := w.s.Posts(ctx, v, f, store.Cursor{}, 50)
				if err != nil {
					t.Fatalf("Posts(%+v): %v", f, err)
				}
				found := false
				for _, p := range posts {
					if p.ID == anon {
						found = true
						checkHidden(t, fmt.Sprintf("Posts(%+v)", f), p)
					}
				}
				if wantFound := !(f.Home && o.ID == follower.ID); found != wantFound {
					t.Errorf("Posts(%+v) includes the anonymous question: %t, want %t", f, found, wantFound)
				}
			}
			hw, err := w.s.HelpWanted(ctx, v, 50)
			if err != nil {
				t.Fatalf("HelpWanted: %v", err)
			}
			found := false
			for _, p := range hw {
				if p.ID == anon {
					found = true
					checkHidden(t, "HelpWanted", p)
				}
			}
			if wantFound := o.ID != follower.ID; found != wantFound {
				t.Errorf("HelpWanted includes the anonymous question: %t, want %t", found, wantFound)
			}
			revs, err := w.s.Revisions(ctx, v, anon, 0)
			if err != nil {
				t.Fatalf("Revisions: %v", err)
			}
			if len(revs) != 2 {
				t.Fatalf("Revisions = %d, want 2", len(revs))
			}
			// Newest first: the owner's edit is named, the author's is not.
			if revs[0].EditorName != owner.Name {
				t.Errorf("Revisions[0].EditorName = %q, want the owner %q", revs[0].EditorName, owner.Name)
			}
			if revs[1].EditorName != "" {
				t.Errorf("Revisions[1].EditorName = %q, want \"\" (the anonymous author)", revs[1].EditorName)
			}
			b, _ := json.Marshal(revs)
			if strings.Contains(string(b), asker.Name) {
				t.Errorf("Revisions JSON %s names the author", b)
			}

			// The person feed and the profile counters never include it.
			if got := w.feed(v, store.PostFilter{AuthorID: asker.ID}); !slices.Equal(got, []int64{named}) {
				t.Errorf("Posts(AuthorID asker) = %v, want only the named post %d", got, named)
			}
			st, err := w.s.Stats(ctx, v, asker.ID)
			if err != nil {
				t.Fatalf("Stats: %v", err)
			}
			if st != (store.PersonStats{Posts: 1}) {
				t.Errorf("Stats(asker) = %+v, want {Posts:1} (the named tip only, no helped-me from the anonymous question)", st)
			}
		})
	}

	// The follower of the person sees the named post in their home feed, never the anonymous one.
	if got := w.feed(viewer(follower), store.PostFilter{Home: true}); !slices.Equal(got, []int64{named}) {
		t.Errorf("follower's home feed = %v, want only the named post %d", got, named)
	}

	t.Run("seen by the author", func(t *testing.T) {
		v := viewer(asker)
		p := w.mustPost(v, anon)
		if !p.Mine || p.AuthorID != asker.ID || !p.Anonymous {
			t.Errorf("author's Post: Mine %t, AuthorID %d, Anonymous %t; want true, %d, true", p.Mine, p.AuthorID, p.Anonymous, asker.ID)
		}
		if got := w.mustPost(v, named); !got.Mine {
			t.Errorf("author's named post: Mine = false, want true")
		}
		if got := w.mustPost(viewer(reader), named); got.Mine || got.AuthorName != asker.Name {
			t.Errorf("reader's view of the named post: Mine %t, AuthorName %q; want false, %q", got.Mine, got.AuthorName, asker.Name)
		}
		if got := w.feed(v, store.PostFilter{AuthorID: asker.ID}); !slices.Equal(got, []int64{named}) {
			t.Errorf("author's own person feed = %v, want only the named post %d", got, named)
		}
		st, err := w.s.Stats(ctx, v, asker.ID)
		if err != nil || st != (store.PersonStats{Posts: 1}) {
			t.Errorf("author's own Stats = %+v, %v; want {Posts:1}", st, err)
		}
		revs, err := w.s.Revisions(ctx, v, anon, 0)
		if err != nil || len(revs) != 2 || revs[1].EditorName != asker.Name {
			t.Errorf("author's Revisions = %+v, %v; want their own edit named", revs, err)
		}
		// Their own help-wanted list never shows their own question.
		hw, _ := w.s.HelpWanted(ctx, v, 50)
		if slices.Contains(ids(hw), anon) {
			t.Errorf("author's HelpWanted includes their own anonymous question")
		}
	})
}

// The asker of an anonymous question stays anonymous in its thread: their
// own answers and comments there name no one, and the profile counters do
// not count them either, or the counters would reveal who asked.
func TestAnonymousAskerInThread(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	asker := w.person("Quentin Hemlig")
	helper := w.person("Helper")
	c := w.community(owner, "safe", store.VisibilityOpen)
	anon := w.post(store.NewPost{CommunityID: c.ID, AuthorID: asker.ID, Anonymous: true, Type: store.TypeQuestion})
	named := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion})

	own := w.reply(store.NewReply{PostID: anon, Kind: store.ReplyAnswer, AuthorID: asker.ID, Body: "I found it myself"})
	ownComment := w.reply(store.NewReply{PostID: anon, Kind: store.ReplyComment, AuthorID: asker.ID, Body: "thanks all"})
	helperAnswer := w.reply(store.NewReply{PostID: anon, Kind: store.ReplyAnswer, AuthorID: helper.ID})
	elsewhere := w.reply(store.NewReply{PostID: named, Kind: store.ReplyAnswer, AuthorID: asker.ID, Body: "named answer"})
	if err := w.s.Accept(ctx, asker.ID, anon, own); err != nil {
		t.Fatalf("Accept: %v", err)
	}
	if _, err := w.s.React(ctx, helper.ID, anon, own, store.ReactHelpedMe, true); err != nil {
		t.Fatalf("React: %v", err)
	}
	if err := w.s.EditReply(ctx, asker.ID, own, "I found it myself, here is how"); err != nil {
		t.Fatalf("EditReply: %v", err)
	}

	answers, comments, err := w.s.Replies(ctx, store.Viewer{}, anon, own)
	if err != nil {
		t.Fatalf("Replies: %v", err)
	}
	for _, r := range append(answers, comments...) {
		mine := r.ID == own || r.ID == ownComment
		if mine && (r.AuthorID != 0 || r.AuthorName != "" || r.AuthorDepartment != "" || !r.Anonymous) {
			t.Errorf("asker's reply %d: AuthorID %d, AuthorName %q, Anonymous %t; want 0, \"\", true", r.ID, r.AuthorID, r.AuthorName, r.Anonymous)
		}
		if r.ID == helperAnswer && (r.AuthorID != helper.ID || r.Anonymous) {
			t.Errorf("helper's answer: AuthorID %d, Anonymous %t; want %d, false", r.AuthorID, r.Anonymous, helper.ID)
		}
	}
	revs, err := w.s.Revisions(ctx, viewer(helper), anon, own)
	if err != nil || len(revs) != 1 || revs[0].EditorName != "" {
		t.Errorf("Revisions of the asker's answer = %+v, %v; want one, with no editor name", revs, err)
	}
	// As a moderator the asker edits the helper's answer: she is named, as
	// in the audit log, for a blank would say the asker is a moderator.
	if err := w.s.AddMember(ctx, owner.ID, c.ID, asker.ID, store.RoleModerator); err != nil {
		t.Fatalf("AddMember: %v", err)
	}
	if err := w.s.EditReply(ctx, asker.ID, helperAnswer, "tidied by a moderator"); err != nil {
		t.Fatalf("EditReply: %v", err)
	}
	if err := w.s.EditReply(ctx, asker.ID, ownComment, "thanks all, again"); err != nil {
		t.Fatalf("EditReply: %v", err)
	}
	if revs, err := w.s.Revisions(ctx, viewer(helper), anon, helperAnswer); err != nil || len(revs) != 1 || revs[0].EditorName != asker.Name {
		t.Errorf("Revisions of the helper's answer, edited by the asker as a moderator = %+v, %v; want one, by %s", revs, err, asker.Name)
	}
	if revs, err := w.s.Revisions(ctx, viewer(helper), anon, ownComment); err != nil || len(revs) != 1 || revs[0].EditorName != "" {
		t.Errorf("Revisions of the asker's comment = %+v, %v; want one, with no editor name", revs, err)
	}

	for _, v := range []store.Person{helper, asker} {
		st, err := w.s.Stats(ctx, viewer(v), asker.ID)
		if err != nil {
			t.Fatalf("Stats: %v", err)
		}
		if want := (store.PersonStats{Answers: 1}); st != want {
			t.Errorf("Stats(asker) seen by %s = %+v, want %+v (only the named answer %d)", v.Name, st, want, elsewhere)
		}
	}
}
