package store_test

import (
	"cmp"
	"encoding/base64"
	"slices"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

// TestPostsPagination walks 45 posts in pages of 20. Posts share activity
// times in threes, so page boundaries fall inside groups of equal time and
// the id tie-break is exercised.
func TestPostsPagination(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityOpen)
	other := w.community(owner, "other", store.VisibilityOpen)
	type made struct {
		id int64
		at int64
	}
	var all []made
	for i := range 45 {
		when := at(i / 3)
		id := w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, CreatedAt: when})
		all = append(all, made{id, when.UnixMilli()})
		if i%10 == 0 { // noise that the community filter must skip
			w.post(store.NewPost{CommunityID: other.ID, AuthorID: owner.ID, CreatedAt: when})
		}
	}
	slices.SortFunc(all, func(a, b made) int {
		if a.at != b.at {
			return cmp.Compare(b.at, a.at)
		}
		return cmp.Compare(b.id, a.id)
	})
	var want []int64
	for _, m := range all {
		want = append(want, m.id)
	}

	var got []int64
	var pages []int
	after := store.Cursor{}
	for range 10 {
		posts, next, err := w.s.Posts(ctx, viewer(owner), store.PostFilter{CommunityID: c.ID}, after, 20)
		if err != nil {
			t.Fatalf("Posts: %v", err)
		}
		pages = append(pages, len(posts))
		got = append(got, ids(posts)...)
		if next.ID == 0 {
			if next.String() != "" {
				t.Errorf("last page's next cursor = %q, want \"\"", next.String())
			}
			break
		}
		// The cursor survives a trip through a URL.
		after = store.ParseCursor(next.String())
		if after != next {
			t.Fatalf("ParseCursor(%q) = %+v, want %+v", next.String(), after, next)
		}
	}
	if !slices.Equal(pages, []int{20, 20, 5}) {
		t.Errorf("page sizes = %v, want [20 20 5]", pages)
	}
	if !slices.Equal(got, want) {
		t.Errorf("posts in order = %v\nwant (activity desc, id desc) %v", got, want)
	}
	seen := map[int64]bool{}
	for _, id := range got {
		if seen[id] {
			t.Errorf("post %d came twice", id)
		}
		seen[id] = true
	}
	if len(seen) != 45 {
		t.Errorf("distinct posts = %d, want 45", len(seen))
	}

	// Exactly one page's worth leaves no next page.
	posts, next, err := w.s.Posts(ctx, viewer(owner), store.PostFilter{CommunityID: c.ID}, store.Cursor{}, 45)
	if err != nil || len(posts) != 45 || next != (store.Cursor{}) {
		t.Errorf("Posts(limit 45) = %d posts, next %+v, %v; want 45, zero cursor", len(posts), next, err)
	}
}

func TestParseCursor(t *testing.T) {
	t.Parallel()
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		in   string
		want store.Cursor
	}{
		{"", store.Cursor{}},
		{"garbage!!", store.Cursor{}},
		{"%%%", store.Cursor{}},
		{enc("no-dot"), store.Cursor{}},
		{enc("12.x"), store.Cursor{}},
		{enc("x.12"), store.Cursor{}},
		{enc("12.0"), store.Cursor{}},
		{enc("12.-3"), store.Cursor{}},
		{enc("1740819600000.42"), store.Cursor{At: 1740819600000, ID: 42}},
		{store.Cursor{At: 5, ID: 7}.String(), store.Cursor{At: 5, ID: 7}},
	}
	for _, tt := range tests {
		if got := store.ParseCursor(tt.in); got != tt.want {
			t.Errorf("ParseCursor(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	if got := (store.Cursor{}).String(); got != "" {
		t.Errorf("zero Cursor.String() = %q, want \"\"", got)
	}
}

// A garbage cursor starts the feed at the top rather than failing.
func TestGarbageCursorStartsAtTop(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	owner := w.person("Owner")
	c := w.community(owner, "c", store.VisibilityOpen)
	var made []int64
	for i := range 3 {
		made = append(made, w.post(store.NewPost{CommunityID: c.ID, AuthorID: owner.ID, CreatedAt: at(i)}))
	}
	posts, _, err := w.s.Posts(t.Context(), viewer(owner), store.PostFilter{}, store.ParseCursor("not a cursor"), 10)
	if err != nil {
		t.Fatalf("Posts: %v", err)
	}
	if want := []int64{made[2], made[1], made[0]}; !slices.Equal(ids(posts), want) {
		t.Errorf("Posts after a garbage cursor = %v, want the top %v", ids(posts), want)
	}
}

// TestHomeFeed checks that the home feed holds posts from joined
// communities, followed tags, followed people (named posts only) and
// followed posts, and nothing else.
func TestHomeFeed(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	owner := w.person("Owner")
	me := w.person("Me")
	friend := w.person("Friend")
	joined := w.community(owner, "joined", store.VisibilityOpen)
	elsewhere := w.community(owner, "elsewhere", store.VisibilityOpen)
	closed := w.community(owner, "closed", store.VisibilityClosed)
	w.add(closed, friend, store.RoleMember)
	if err := w.s.Join(ctx, me.ID, joined.ID); err != nil {
		t.Fatalf("Join: %v", err)
	}
	for _, f := range [][2]string{{store.FollowTag, "golang"}, {store.FollowPerson, itoa(friend.ID)}} {
		if err := w.s.Follow(ctx, me.ID, f[0], f[1]); err != nil {
			t.Fatalf("Follow: %v", err)
		}
	}

	fromJoined := w.post(store.NewPost{CommunityID: joined.ID, AuthorID: owner.ID, Title: "from joined"})
	withTag := w.post(store.NewPost{CommunityID: elsewhere.ID, AuthorID: owner.ID, Title: "with followed tag", Tags: []string{"golang"}})
	byFriend := w.post(store.NewPost{CommunityID: elsewhere.ID, AuthorID: friend.ID, Title: "by followed person"})
	followedPost := w.post(store.NewPost{CommunityID: elsewhere.ID, AuthorID: owner.ID, Title: "followed post"})
	if err := w.s.Follow(ctx, me.ID, store.FollowPost, itoa(followedPost)); err != nil {
		t.Fatalf("Follow post: %v", err)
	}
	excluded := map[string]int64{
		"unrelated post":                        w.post(store.NewPost{CommunityID: elsewhere.ID, AuthorID: owner.ID, Title: "unrelated", Tags: []string{"rust"}}),
		"followed person's anonymous post":      w.post(store.NewPost{CommunityID: elsewhere.ID, AuthorID: friend.ID, Anonymous: true, Type: store.TypeQuestion, Title: "anonymous by friend"}),
		"followed tag in a closed community":    w.post(store.NewPost{CommunityID: closed.ID, AuthorID: owner.ID, Title: "closed with tag", Tags: []string{"golang"}}),
		"followed person in a closed community": w.post(store.NewPost{CommunityID: closed.ID, AuthorID: friend.ID, Title: "closed by friend"}),
	}
	deleted := w.post(store.NewPost{CommunityID: joined.ID, AuthorID: owner.ID, Title: "deleted"})
	if err := w.s.DeletePost(ctx, owner.ID, deleted, false); err != nil {
		t.Fatalf("DeletePost: %v", err)
	}
	excluded["deleted post"] = deleted

	home := w.feed(viewer(me), store.PostFilter{Home: true})
	want := []int64{fromJoined, withTag, byFriend, followedPost}
	if !slices.Equal(sorted(home), sorted(want)) {
		t.Errorf("home feed = %v, want %v", sorted(home), sorted(want))
	}
	for why, id := range excluded {
		if slices.Contains(home, id) {
			t.Errorf("home feed includes the %s (%d)", why, id)
		}
	}

	// Unfollowing and leaving take effect at once.
	if err := w.s.Unfollow(ctx, me.ID, store.FollowTag, "golang"); err != nil {
		t.Fatalf("Unfollow: %v", err)
	}
	if err := w.s.Leave(ctx, me.ID, joined.ID, me.ID); err != nil {
		t.Fatalf("Leave: %v", err)
	}
	home = w.feed(viewer(me), store.PostFilter{Home: true})
	if want := []int64{byFriend, followedPost}; !slices.Equal(sorted(home), sorted(want)) {
		t.Errorf("home feed after unfollowing the tag and leaving = %v, want %v", sorted(home), sorted(want))
	}

	follows, err := w.s.Follows(ctx, me.ID, "")
	if err != nil {
		t.Fatalf("Follows: %v", err)
	}
	var kinds []string
	for _, f := range follows {
		kinds = append(kinds, f.Kind+":"+f.Target)
	}
	if want := []string{"person:" + itoa(friend.ID), "post:" + itoa(followedPost)}; !slices.Equal(kinds, want) {
		t.Errorf("Follows = %v, want %v", kinds, want)
	}
	if err := w.s.Follow(ctx, me.ID, store.FollowPerson, itoa(friend.ID)); err != nil {
		t.Errorf("following twice: %v", err)
	}
}
