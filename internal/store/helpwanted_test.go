package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// HelpWanted ranks the newest unanswered questions of my communities by how
// many of their tags are my expertise, then by activity.
func TestHelpWantedRanksByExpertise(t *testing.T) {
	w := newWorld(t)
	owner := w.person("Owner")
	me := w.person("Expert", func(np *store.NewPerson) { np.Expertise = []string{"crm", "excel"} })
	c := w.community(owner, "sales", "open")
	other := w.community(owner, "other", "open")
	w.add(c, me, store.RoleMember)

	ask := func(title string, tags ...string) int64 {
		id := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: title, Tags: tags})
		time.Sleep(2 * time.Millisecond) // distinct activity times
		return id
	}
	both := ask("Old question on both", "crm", "excel")
	plain := ask("A question without my tags", "hr")
	one := ask("A question on one", "crm")
	answered := ask("Answered already", "crm", "excel")
	w.reply(store.NewReply{PostID: answered, AuthorID: owner.ID, Kind: store.ReplyAnswer})
	mine := w.post(store.NewPost{CommunityID: c.ID, AuthorID: me.ID, Type: store.TypeQuestion, Title: "My own", Tags: []string{"crm"}})
	elsewhere := w.post(store.NewPost{CommunityID: other.ID, AuthorID: owner.ID, Type: store.TypeQuestion, Title: "Not my community", Tags: []string{"crm"}})
	newest := ask("The newest, no tags")

	got, err := w.s.HelpWanted(t.Context(), store.Viewer{ID: me.ID}, 5)
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{both, one, newest, plain}
	if ids := ids(got); !slices.Equal(ids, want) {
		t.Fatalf("HelpWanted = %v, want %v (answered %d, mine %d, elsewhere %d left out)", ids, want, answered, mine, elsewhere)
	}
	got, _ = w.s.HelpWanted(t.Context(), store.Viewer{ID: me.ID}, 2)
	if ids := ids(got); !slices.Equal(ids, want[:2]) {
		t.Fatalf("HelpWanted limit 2 = %v, want %v", ids, want[:2])
	}
}
