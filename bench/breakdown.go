package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
)

// storeCall is one store method a page handler calls, as the handler calls it.
type storeCall struct {
	page string
	name string
	call func(ctx context.Context) error
}

// breakdown times, one at a time and without HTTP, each store call that the
// measured pages make for the first client, so a slow page can be traced to
// the query behind it. Each call runs rounds times; the median is printed.
func breakdown(ctx context.Context, s *store.Store, c *client, rounds int, w io.Writer) error {
	v := store.Viewer{ID: c.personID}
	slug := c.readable[0]
	com, err := s.CommunityBySlug(ctx, v, slug)
	if err != nil {
		return err
	}
	post, err := s.Post(ctx, v, c.big[0])
	if err != nil {
		return err
	}
	secret := c.cookie[len("tacit_session="):]
	calls := []storeCall{
		{"all", "SessionPerson", func(ctx context.Context) error {
			_, _, err := s.SessionPerson(ctx, auth.HashSecret(secret))
			return err
		}},
		{"home", "Posts(Home)", func(ctx context.Context) error {
			_, _, err := s.Posts(ctx, v, store.PostFilter{Home: true}, store.Cursor{}, 20)
			return err
		}},
		{"home", "HelpWanted", func(ctx context.Context) error { _, err := s.HelpWanted(ctx, v, 5); return err }},
		{"home", "Communities(MineOnly)", func(ctx context.Context) error {
			_, err := s.Communities(ctx, v, store.CommunityFilter{MineOnly: true})
			return err
		}},
		{"community", "CommunityBySlug", func(ctx context.Context) error { _, err := s.CommunityBySlug(ctx, v, slug); return err }},
		{"community", "Posts(Community)", func(ctx context.Context) error {
			_, _, err := s.Posts(ctx, v, store.PostFilter{CommunityID: com.ID}, store.Cursor{}, 20)
			return err
		}},
		{"community", "Members", func(ctx context.Context) error { _, err := s.Members(ctx, com.ID, 50); return err }},
		{"post", "Post", func(ctx context.Context) error { _, err := s.Post(ctx, v, post.ID); return err }},
		{"post", "CommunityByID", func(ctx context.Context) error { _, err := s.CommunityByID(ctx, v, post.CommunityID); return err }},
		{"post", "Replies", func(ctx context.Context) error {
			_, _, err := s.Replies(ctx, store.Viewer{}, post.ID, post.AcceptedAnswerID)
			return err
		}},
		{"post", "MyReactions", func(ctx context.Context) error { _, err := s.MyReactions(ctx, v.ID, post.ID); return err }},
		{"post", "IsFollowing", func(ctx context.Context) error {
			_, err := s.IsFollowing(ctx, v.ID, store.FollowPost, strconv.FormatInt(post.ID, 10))
			return err
		}},
		// Not measured under load: the directory page (GET /c) shows suggestions.
		{"directory", "SuggestedCommunities", func(ctx context.Context) error { _, err := s.SuggestedCommunities(ctx, v, 3); return err }},
	}
	fmt.Fprintf(w, "\nstore calls for person %d (community %s, post %d), one at a time, median of %d (ms)\n\n", c.personID, slug, post.ID, rounds)
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "page\tstore call\tmedian\tmin\tmax\t")
	fmt.Fprintln(tw, "---\t---\t---\t---\t---\t")
	for _, sc := range calls {
		var took []time.Duration
		for range rounds {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			t := time.Now()
			if err := sc.call(ctx); err != nil {
				return fmt.Errorf("%s: %w", sc.name, err)
			}
			took = append(took, time.Since(t))
		}
		slices.Sort(took)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", sc.page, sc.name, ms(took[len(took)/2]), ms(took[0]), ms(took[len(took)-1]))
	}
	return tw.Flush()
}
