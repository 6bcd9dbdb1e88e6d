package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// TestCursorWalksEveryPostOnce pages through a community of 45 posts, some
// sharing a timestamp, and expects 20, 20 and 5 posts, newest first, each
// exactly once, and an empty cursor at the end.
func TestCursorWalksEveryPostOnce(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	ctx := context.Background()
	com, err := f.s.CreateCommunity(ctx, f.people["member"].ID, "sidor", store.CommunitySettings{
		Name: "Många inlägg", Kind: store.KindSubject, Visibility: store.VisibilityClosed})
	if err != nil {
		t.Fatal(err)
	}
	base := time.Now().Add(-time.Hour).Truncate(time.Second)
	want := map[int64]bool{}
	for i := range 45 {
		// Every three posts share a millisecond, so the id must break ties.
		at := base.Add(time.Duration(i/3) * time.Second)
		id, err := f.s.CreatePost(ctx, store.NewPost{CommunityID: com.ID, AuthorID: f.people["member"].ID, Type: store.TypeTip,
			Title: fmt.Sprintf("Tips nummer %d", i), Body: "Text", Language: "sv", CreatedAt: at})
		if err != nil {
			t.Fatal(err)
		}
		want[id] = true
	}

	type page struct {
		Items      []store.Post `json:"items"`
		NextCursor string       `json:"next_cursor"`
	}
	seen := map[int64]bool{}
	var sizes []int
	var last store.Post
	cursor := ""
	for range 10 {
		u := "/api/v1/communities/sidor/posts?limit=20"
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		rec := f.do("GET", u, "", "member")
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", u, rec.Code, rec.Body)
		}
		p := decodeJSON[page](t, rec)
		sizes = append(sizes, len(p.Items))
		for _, post := range p.Items {
			if seen[post.ID] {
				t.Errorf("post %d on two pages", post.ID)
			}
			seen[post.ID] = true
			if last.ID != 0 && (post.ActivityAt.After(last.ActivityAt) || post.ActivityAt.Equal(last.ActivityAt) && post.ID > last.ID) {
				t.Errorf("post %d (%v) after %d (%v): not newest first", post.ID, post.ActivityAt, last.ID, last.ActivityAt)
			}
			last = post
		}
		if cursor = p.NextCursor; cursor == "" {
			break
		}
	}
	if fmt.Sprint(sizes) != "[20 20 5]" {
		t.Errorf("page sizes %v, want [20 20 5]", sizes)
	}
	if len(seen) != len(want) {
		t.Errorf("saw %d posts, want %d", len(seen), len(want))
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("post %d never listed", id)
		}
	}
	// A non-member gets no page at all, not an empty one.
	if rec := f.do("GET", "/api/v1/communities/sidor/posts?limit=20", "", "outsider"); rec.Code != http.StatusNotFound {
		t.Errorf("closed posts to outsider: %d, want 404", rec.Code)
	}
}

// TestReactionCountersAreIdempotent follows the counters through
// GET /posts/{id} while people react, react again and take reactions back.
func TestReactionCountersAreIdempotent(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	counts := func() store.ReactionCounts {
		t.Helper()
		rec := f.do("GET", "/api/v1/posts/{{question}}", "", "member")
		return decodeJSON[store.Post](t, rec).Reactions
	}
	replyCounts := func() store.ReactionCounts {
		t.Helper()
		d := decodeJSON[struct {
			Answers []store.Reply `json:"answers"`
		}](t, f.do("GET", "/api/v1/posts/{{question}}", "", "member"))
		return d.Answers[0].Reactions
	}
	steps := []struct {
		method, url, body, as string
		wantStatus            int
		want                  store.ReactionCounts
		wantReply             store.ReactionCounts
	}{
		{"POST", "/api/v1/posts/{{question}}/reactions", `{"kind":"like"}`, "member", 201, store.ReactionCounts{Like: 1}, store.ReactionCounts{}},
		{"POST", "/api/v1/posts/{{question}}/reactions", `{"kind":"like"}`, "member", 200, store.ReactionCounts{Like: 1}, store.ReactionCounts{}},
		{"POST", "/api/v1/posts/{{question}}/reactions", `{"kind":"helped_me"}`, "member", 201, store.ReactionCounts{Like: 1, HelpedMe: 1}, store.ReactionCounts{}},
		{"POST", "/api/v1/posts/{{question}}/reactions", `{"kind":"like"}`, "outsider", 201, store.ReactionCounts{Like: 2, HelpedMe: 1}, store.ReactionCounts{}},
		{"POST", "/api/v1/posts/{{question}}/reactions", `{"kind":"helped_me","reply_id":{{answer}}}`, "outsider", 201, store.ReactionCounts{Like: 2, HelpedMe: 1}, store.ReactionCounts{HelpedMe: 1}},
		{"POST", "/api/v1/posts/{{question}}/reactions", `{"kind":"helped_me","reply_id":{{answer}}}`, "outsider", 200, store.ReactionCounts{Like: 2, HelpedMe: 1}, store.ReactionCounts{HelpedMe: 1}},
		{"DELETE", "/api/v1/posts/{{question}}/reactions/like", "", "member", 200, store.ReactionCounts{Like: 1, HelpedMe: 1}, store.ReactionCounts{HelpedMe: 1}},
		{"DELETE", "/api/v1/posts/{{question}}/reactions/like", "", "member", 200, store.ReactionCounts{Like: 1, HelpedMe: 1}, store.ReactionCounts{HelpedMe: 1}},
		{"DELETE", "/api/v1/posts/{{question}}/reactions/helped_me?reply_id={{answer}}", "", "outsider", 200, store.ReactionCounts{Like: 1, HelpedMe: 1}, store.ReactionCounts{}},
	}
	for i, st := range steps {
		rec := f.do(st.method, st.url, st.body, st.as)
		if rec.Code != st.wantStatus {
			t.Fatalf("step %d %s %s: %d, want %d: %s", i, st.method, st.url, rec.Code, st.wantStatus, rec.Body)
		}
		if got := counts(); got != st.want {
			t.Errorf("step %d: post counts %+v, want %+v", i, got, st.want)
		}
		if got := replyCounts(); got != st.wantReply {
			t.Errorf("step %d: answer counts %+v, want %+v", i, got, st.wantReply)
		}
	}
	// The "helped me" on the answer reaches its author's profile counter.
	rec := f.do("POST", "/api/v1/posts/{{question}}/reactions", `{"kind":"helped_me","reply_id":{{answer}}}`, "anon")
	if rec.Code != http.StatusCreated {
		t.Fatalf("react: %d %s", rec.Code, rec.Body)
	}
	p := decodeJSON[personProfileJSON](t, f.do("GET", "/api/v1/people/"+strconv.FormatInt(f.people["owner"].ID, 10), "", "member"))
	if p.Stats.HelpedMe != 1 {
		t.Errorf("owner's helped_me counter %d, want 1", p.Stats.HelpedMe)
	}
}

// TestCursorWalksShortLists pages through lists the store returns whole
// (the directory, members) one item at a time.
func TestCursorWalksShortLists(t *testing.T) {
	t.Parallel()
	f := newFixture(t, Options{})
	for _, c := range []struct {
		url  string
		want int
	}{
		{"/api/v1/communities?limit=1", 4},
		{"/api/v1/communities/fragor/members?limit=1", 4},
		{"/api/v1/communities/fika/members?limit=3", 4},
	} {
		var ids []string
		seen := map[string]bool{}
		cursor := ""
		for range 10 {
			u := c.url
			if cursor != "" {
				u += "&cursor=" + url.QueryEscape(cursor)
			}
			p := decodeJSON[listJSON[json.RawMessage]](t, f.do("GET", u, "", "member"))
			for _, item := range p.Items {
				key := string(item)
				if seen[key] {
					t.Errorf("%s: %s listed twice", c.url, key)
				}
				seen[key] = true
				ids = append(ids, key)
			}
			if cursor = p.NextCursor; cursor == "" {
				break
			}
		}
		if len(ids) != c.want {
			t.Errorf("%s: walked %d items, want %d", c.url, len(ids), c.want)
		}
	}
}
