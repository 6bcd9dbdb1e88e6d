// Package demo fills an empty Tacit with Fjällvind AB, a realistic Swedish
// workplace: people in six departments, communities of every kind and
// visibility, and a couple of hundred posts with answers, comments,
// reactions, votes and accepted answers.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
)

// Password is the password of every demo person.
const Password = "tacit-demo"

// Summary says what Seed created.
type Summary struct {
	People, Communities, Posts, Replies int
	AdminEmail, MemberEmail             string
}

// Email is the demo e-mail address of a person: "Linnea Åberg" → linnea.aberg@fjallvind.se.
func Email(name string) string {
	r := strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e", "ü", "u", " ", ".", "'", "")
	return r.Replace(strings.ToLower(name)) + "@fjallvind.se"
}

// Seed creates the demo organisation unless anyone exists already; it
// reports created=false and does nothing on a non-empty instance.
func Seed(ctx context.Context, s *store.Store, now time.Time) (sum Summary, created bool, err error) {
	n, err := s.CountPeople(ctx)
	if err != nil || n > 0 {
		return sum, false, err
	}
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return sum, false, err
	}
	ids := map[string]int64{}
	dept := map[string][]string{}
	for _, p := range people {
		created, err := s.CreatePerson(ctx, store.NewPerson{Email: Email(p.Name), Name: p.Name, Department: p.Department, Title: p.Title,
			Language: p.Lang, Admin: p.Admin, PasswordHash: hash, Expertise: store.NormalizeTags(p.Expertise)})
		if err != nil {
			return sum, false, fmt.Errorf("demo: person %s: %w", p.Key, err)
		}
		ids[p.Key] = created.ID
		dept[p.Department] = append(dept[p.Department], p.Key)
		if p.Admin && sum.AdminEmail == "" {
			sum.AdminEmail = Email(p.Name)
		}
		if p.Key == "niklas" {
			sum.MemberEmail = Email(p.Name)
		}
	}
	sum.People = len(people)

	cids := map[string]int64{}
	members := map[string][]string{}
	for _, c := range communities {
		cs := store.CommunitySettings{Name: c.Name, Description: c.Description, Kind: c.Kind, Visibility: c.Visibility,
			ParentID: cids[c.Parent], AnonymousQuestions: c.AnonymousQuestions, CodeOfConduct: c.CodeOfConduct}
		owner := ids[c.Owner]
		created, err := s.CreateCommunity(ctx, owner, c.Slug, cs)
		if err != nil {
			return sum, false, fmt.Errorf("demo: community %s: %w", c.Slug, err)
		}
		cids[c.Slug] = created.ID
		keys := append([]string{}, c.Members...)
		if c.MembersFromDept != "" {
			keys = append(keys, dept[c.MembersFromDept]...)
		}
		if c.Everyone {
			for _, p := range people {
				keys = append(keys, p.Key)
			}
		}
		seen := map[string]bool{c.Owner: true}
		members[c.Slug] = []string{c.Owner}
		for _, m := range c.Moderators {
			if err := s.AddMember(ctx, 0, created.ID, ids[m], store.RoleModerator); err != nil {
				return sum, false, fmt.Errorf("demo: moderator %s of %s: %w", m, c.Slug, err)
			}
			seen[m] = true
			members[c.Slug] = append(members[c.Slug], m)
		}
		for _, k := range keys {
			if seen[k] {
				continue
			}
			seen[k] = true
			if err := s.AddMember(ctx, 0, created.ID, ids[k], store.RoleMember); err != nil {
				return sum, false, fmt.Errorf("demo: member %s of %s: %w", k, c.Slug, err)
			}
			members[c.Slug] = append(members[c.Slug], k)
		}
	}
	sum.Communities = len(communities)

	// A fixed seed: every demo looks the same.
	rnd := rand.New(rand.NewPCG(2026, 11))
	pick := func(slug string, n int, not string) []int64 {
		pool := members[slug]
		var out []int64
		for _, i := range rnd.Perm(len(pool)) {
			if len(out) == n {
				break
			}
			if pool[i] != not {
				out = append(out, ids[pool[i]])
			}
		}
		return out
	}
	moderatorOf := map[string]string{}
	for _, c := range communities {
		moderatorOf[c.Slug] = c.Owner
	}
	all := append(append([]post{}, postsA...), postsB...)
	views := &store.Views{}
	for i, p := range all {
		at := now.Add(-time.Duration(p.DaysAgo)*24*time.Hour - time.Duration(rnd.IntN(10*60))*time.Minute - time.Duration(i)*time.Second)
		postID, err := s.CreatePost(ctx, store.NewPost{CommunityID: cids[p.Community], AuthorID: ids[p.Author], Anonymous: p.Anonymous,
			Type: p.Type, Title: p.Title, Body: p.Body, Language: p.Lang, Tags: store.NormalizeTags(p.Tags), CreatedAt: at})
		if err != nil {
			return sum, false, fmt.Errorf("demo: post %q: %w", p.Title, err)
		}
		sum.Posts++
		for range 3*(p.Likes+p.Helped) + rnd.IntN(60) {
			views.Add(postID)
		}
		step := func() time.Time {
			at = at.Add(time.Duration(20+rnd.IntN(6*60)) * time.Minute)
			if at.After(now) {
				at = now.Add(-time.Duration(rnd.IntN(30)+1) * time.Minute)
			}
			return at
		}
		kind := store.ReplyAnswer
		if p.Type != store.TypeQuestion {
			kind = store.ReplyComment
		}
		for _, a := range p.Answers {
			rid, err := s.CreateReply(ctx, store.NewReply{PostID: postID, Kind: kind, AuthorID: ids[a.Author], Body: a.Body, CreatedAt: step()})
			if err != nil {
				return sum, false, fmt.Errorf("demo: answer on %q: %w", p.Title, err)
			}
			sum.Replies++
			for _, who := range pick(p.Community, a.Helped, a.Author) {
				if _, err := s.React(ctx, who, postID, rid, store.ReactHelpedMe, true); err != nil {
					return sum, false, err
				}
			}
			if a.Accepted && kind == store.ReplyAnswer {
				if err := s.Accept(ctx, ids[p.Author], postID, rid); err != nil {
					return sum, false, fmt.Errorf("demo: accept on %q: %w", p.Title, err)
				}
			}
			for _, c := range a.Comments {
				parent := rid
				if kind != store.ReplyAnswer {
					parent = 0
				}
				if _, err := s.CreateReply(ctx, store.NewReply{PostID: postID, ParentID: parent, Kind: store.ReplyComment, AuthorID: ids[c.Author], Body: c.Body, CreatedAt: step()}); err != nil {
					return sum, false, fmt.Errorf("demo: comment on %q: %w", p.Title, err)
				}
				sum.Replies++
			}
		}
		for _, c := range p.Comments {
			if _, err := s.CreateReply(ctx, store.NewReply{PostID: postID, Kind: store.ReplyComment, AuthorID: ids[c.Author], Body: c.Body, CreatedAt: step()}); err != nil {
				return sum, false, fmt.Errorf("demo: comment on %q: %w", p.Title, err)
			}
			sum.Replies++
		}
		for kind, n := range map[string]int{store.ReactLike: p.Likes, store.ReactHelpedMe: p.Helped, store.ReactThanks: p.Thanks} {
			for _, who := range pick(p.Community, n, p.Author) {
				if _, err := s.React(ctx, who, postID, 0, kind, true); err != nil {
					return sum, false, err
				}
			}
		}
		if p.Type == store.TypeIdea {
			for _, who := range pick(p.Community, p.Votes, "") {
				if _, err := s.Vote(ctx, who, postID, true); err != nil {
					return sum, false, err
				}
			}
			if p.Status != "" && p.Status != "new" {
				if err := s.SetIdeaStatus(ctx, ids[moderatorOf[p.Community]], postID, p.Status, p.StatusNote); err != nil {
					return sum, false, err
				}
			}
		}
	}
	// People have read what happened before today; the few newest stay
	// unread, so the bell has something to show without 70 waiting.
	for _, id := range ids {
		ns, _, err := s.Notifications(ctx, id, 0, 500)
		if err != nil {
			return sum, false, err
		}
		var old []int64
		for i, n := range ns {
			if i >= UnreadKept {
				old = append(old, n.ID)
			}
		}
		if err := s.MarkRead(ctx, id, old); err != nil {
			return sum, false, err
		}
	}
	return sum, true, s.FlushViews(ctx, views)
}

// UnreadKept is how many of each demo person's newest notifications are
// left unread.
const UnreadKept = 4
