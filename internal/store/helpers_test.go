package store_test

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// world is a store with a few helpers that keep the tests about behaviour
// rather than setup.
type world struct {
	t *testing.T
	s *store.Store
}

func newWorld(t *testing.T) *world {
	t.Helper()
	return &world{t: t, s: storetest.Open(t)}
}

// person creates a member of the organisation with a unique e-mail address
// derived from the name.
func (w *world) person(name string, opts ...func(*store.NewPerson)) store.Person {
	w.t.Helper()
	np := store.NewPerson{
		Email:        strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.org",
		Name:         name,
		Department:   "Dept of " + name,
		PasswordHash: "hash-of-" + name,
	}
	for _, o := range opts {
		o(&np)
	}
	p, err := w.s.CreatePerson(w.t.Context(), np)
	if err != nil {
		w.t.Fatalf("CreatePerson(%q): %v", name, err)
	}
	return p
}

func asAdmin(np *store.NewPerson) { np.Admin = true }

func inDepartment(d string) func(*store.NewPerson) {
	return func(np *store.NewPerson) { np.Department = d }
}

// community creates a community owned by owner; anonymous questions are allowed.
func (w *world) community(owner store.Person, slug, visibility string) store.Community {
	w.t.Helper()
	c, err := w.s.CreateCommunity(w.t.Context(), owner.ID, slug, store.CommunitySettings{
		Name:               "Community " + slug,
		Description:        "About " + slug,
		Kind:               store.KindSubject,
		Visibility:         visibility,
		AnonymousQuestions: true,
	})
	if err != nil {
		w.t.Fatalf("CreateCommunity(%q): %v", slug, err)
	}
	return c
}

// add makes p a member of c with the given role, on the owner's say.
func (w *world) add(c store.Community, p store.Person, role string) {
	w.t.Helper()
	if err := w.s.AddMember(w.t.Context(), 0, c.ID, p.ID, role); err != nil {
		w.t.Fatalf("AddMember(%s, %s, %s): %v", c.Slug, p.Name, role, err)
	}
}

// post creates a post; fields left zero get sensible values.
func (w *world) post(np store.NewPost) int64 {
	w.t.Helper()
	if np.Type == "" {
		np.Type = store.TypeTip
	}
	if np.Title == "" {
		np.Title = fmt.Sprintf("A %s by %d", np.Type, np.AuthorID)
	}
	if np.Body == "" {
		np.Body = "Some **useful** text for " + np.Title
	}
	if np.Language == "" {
		np.Language = "en"
	}
	id, err := w.s.CreatePost(w.t.Context(), np)
	if err != nil {
		w.t.Fatalf("CreatePost(%q): %v", np.Title, err)
	}
	return id
}

func (w *world) reply(nr store.NewReply) int64 {
	w.t.Helper()
	if nr.Body == "" {
		nr.Body = "A " + nr.Kind
	}
	id, err := w.s.CreateReply(w.t.Context(), nr)
	if err != nil {
		w.t.Fatalf("CreateReply(%+v): %v", nr, err)
	}
	return id
}

// mustPost reads a post that the viewer must be able to see.
func (w *world) mustPost(v store.Viewer, id int64) store.Post {
	w.t.Helper()
	p, err := w.s.Post(w.t.Context(), v, id)
	if err != nil {
		w.t.Fatalf("Post(viewer %d, %d): %v", v.ID, id, err)
	}
	return p
}

// communityAs reads a community as the viewer sees it, counters included.
func (w *world) communityAs(v store.Viewer, id int64) store.Community {
	w.t.Helper()
	c, err := w.s.CommunityByID(w.t.Context(), v, id)
	if err != nil {
		w.t.Fatalf("CommunityByID(viewer %d, %d): %v", v.ID, id, err)
	}
	return c
}

// feed returns the ids of every post of a feed, following cursors to the end.
func (w *world) feed(v store.Viewer, f store.PostFilter) []int64 {
	w.t.Helper()
	var ids []int64
	var after store.Cursor
	for range 1000 {
		posts, next, err := w.s.Posts(w.t.Context(), v, f, after, 50)
		if err != nil {
			w.t.Fatalf("Posts(viewer %d, %+v): %v", v.ID, f, err)
		}
		for _, p := range posts {
			ids = append(ids, p.ID)
		}
		if next.ID == 0 {
			return ids
		}
		after = next
	}
	w.t.Fatalf("Posts(viewer %d, %+v): cursor never ended", v.ID, f)
	return nil
}

// memberCountMatches checks the invariant that member_count equals the
// number of membership rows.
func (w *world) memberCountMatches(owner store.Person, communityID int64) int64 {
	w.t.Helper()
	members, err := w.s.Members(w.t.Context(), communityID, 10000)
	if err != nil {
		w.t.Fatalf("Members(%d): %v", communityID, err)
	}
	c := w.communityAs(viewer(owner), communityID)
	if c.MemberCount != int64(len(members)) {
		w.t.Errorf("community %s: member_count = %d, want %d (the membership rows)", c.Slug, c.MemberCount, len(members))
	}
	return int64(len(members))
}

func viewer(p store.Person) store.Viewer { return store.Viewer{ID: p.ID, Admin: p.Admin} }

func sorted(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

func ids(posts []store.Post) []int64 {
	out := make([]int64, len(posts))
	for i, p := range posts {
		out[i] = p.ID
	}
	return out
}

func tagNames(tags []store.Tag) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.Name
	}
	return out
}

func wantErr(t *testing.T, what string, got, want error) {
	t.Helper()
	if !errors.Is(got, want) {
		t.Errorf("%s: error = %v, want %v", what, got, want)
	}
}

// at is a fixed instant plus n minutes, for posts whose order matters.
func at(n int) time.Time {
	return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
