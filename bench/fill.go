package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// The shape of the organisation. Every post with a bigEvery index gets
// bigAnswers answers: those are the post pages the bench measures.
const (
	bigEvery   = 50
	bigAnswers = 20
	benchEmail = "@bench.tacit.example"
)

// org is what the fill created, by index.
type org struct {
	people      []int64
	communities []benchCommunity
	members     [][]int64 // person ids per community index, owner first
	pick        weighted  // communities weighted by members, for posts
}

type benchCommunity struct {
	id         int64
	slug       string
	visibility string
	anonymous  bool
	owner      int64
}

// fillStats counts the rows the fill wrote, for the progress line and the rate.
type fillStats struct {
	people, memberships, follows, posts, answers, comments, reactions, accepts atomic.Int64
}

func (st *fillStats) writes() int64 {
	return st.people.Load() + st.memberships.Load() + st.follows.Load() + st.posts.Load() + st.answers.Load() +
		st.comments.Load() + st.reactions.Load() + st.accepts.Load()
}

// fill creates the organisation through the store's own methods, the same
// write paths the web and API surfaces use.
func fill(ctx context.Context, s *store.Store, cfg config, stdout io.Writer) error {
	var st fillStats
	start := time.Now()
	stopProgress := progress(&st, cfg, start, stdout)
	defer stopProgress()

	o := &org{people: make([]int64, cfg.people)}
	phase := func(name string, f func() error, n func() int64) error {
		t := time.Now()
		before := n()
		if err := f(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		d := time.Since(t)
		rows := n() - before
		fmt.Fprintf(stdout, "fill: %-12s %7d in %6.1fs (%.0f/s)\n", name, rows, d.Seconds(), float64(rows)/d.Seconds())
		return nil
	}
	if err := phase("people", func() error { return fillPeople(ctx, s, cfg, o, &st) }, st.people.Load); err != nil {
		return err
	}
	if err := phase("communities", func() error { return fillCommunities(ctx, s, cfg, o) }, func() int64 { return int64(len(o.communities)) }); err != nil {
		return err
	}
	if err := phase("memberships", func() error { return fillMemberships(ctx, s, cfg, o, &st) }, st.memberships.Load); err != nil {
		return err
	}
	if err := phase("follows", func() error { return fillFollows(ctx, s, cfg, o, &st) }, st.follows.Load); err != nil {
		return err
	}
	content := func() int64 {
		return st.posts.Load() + st.answers.Load() + st.comments.Load() + st.reactions.Load() + st.accepts.Load()
	}
	if err := phase("content", func() error { return fillContent(ctx, s, cfg, o, &st) }, content); err != nil {
		return err
	}
	d := time.Since(start)
	fmt.Fprintf(stdout, "fill: done in %.1fs: %d people, %d communities, %d memberships, %d follows, %d posts, %d answers, %d comments, %d reactions, %d accepted answers\n",
		d.Seconds(), st.people.Load(), len(o.communities), st.memberships.Load(), st.follows.Load(), st.posts.Load(), st.answers.Load(),
		st.comments.Load(), st.reactions.Load(), st.accepts.Load())
	fmt.Fprintf(stdout, "fill: %d store write calls (one transaction each), %.0f/s overall, %d fill workers\n",
		st.writes(), float64(st.writes())/d.Seconds(), cfg.fillWorkers)
	return nil
}

// progress prints a line every 15 seconds until stopped.
func progress(st *fillStats, cfg config, start time.Time, w io.Writer) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(15 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				fmt.Fprintf(w, "fill: ... %5.0fs: %d/%d posts, %d answers, %d reactions, %.0f writes/s\n",
					time.Since(start).Seconds(), st.posts.Load(), cfg.posts, st.answers.Load(), st.reactions.Load(),
					float64(st.writes())/time.Since(start).Seconds())
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// parallel calls f(i) for i in [0, n) on workers goroutines and returns the first error.
func parallel(ctx context.Context, n, workers int, f func(i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var next atomic.Int64
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := f(i); err != nil {
					once.Do(func() { first = err; cancel() })
					return
				}
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// rng gives every index its own reproducible random stream, so the data does
// not depend on how the workers interleave.
func rng(seed uint64, stream string, i int) *rand.Rand {
	h := uint64(14695981039346656037)
	for _, c := range []byte(stream) {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return rand.New(rand.NewPCG(seed, h^uint64(i)*0x9e3779b97f4a7c15))
}

func fillPeople(ctx context.Context, s *store.Store, cfg config, o *org, st *fillStats) error {
	return parallel(ctx, cfg.people, cfg.fillWorkers, func(i int) error {
		r := rng(cfg.seed, "person", i)
		lang := "sv"
		if r.IntN(4) == 0 {
			lang = "en"
		}
		p, err := s.CreatePerson(ctx, store.NewPerson{
			Email:      fmt.Sprintf("p%05d%s", i, benchEmail),
			Name:       firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))],
			Department: departments[r.IntN(len(departments))],
			Title:      titles[r.IntN(len(titles))],
			Language:   lang,
			Expertise:  []string{tagFor(r), tagFor(r)},
		})
		if err != nil {
			return err
		}
		o.people[i] = p.ID
		st.people.Add(1)
		return nil
	})
}

// fillCommunities makes 60% open, 30% closed and 10% secret communities; the
// first people own them.
func fillCommunities(ctx context.Context, s *store.Store, cfg config, o *org) error {
	for i := range cfg.communities {
		r := rng(cfg.seed, "community", i)
		vis := store.VisibilityOpen
		switch i % 10 {
		case 3, 6, 9:
			vis = store.VisibilityClosed
		case 8:
			vis = store.VisibilitySecret
		}
		topic := communityTopics[i%len(communityTopics)]
		name := topic
		if i >= len(communityTopics) {
			name += " " + strconv.Itoa(i/len(communityTopics)+1)
		}
		kind := store.Kinds[1+i%(len(store.Kinds)-1)]
		slug := fmt.Sprintf("b%02d-%s", i, strings.ReplaceAll(strings.ToLower(topic), " ", "-"))
		owner := o.people[i]
		c, err := s.CreateCommunity(ctx, owner, slug, store.CommunitySettings{
			Name:               name,
			Description:        sentence(r, 12, 20),
			Kind:               kind,
			Visibility:         vis,
			AnonymousQuestions: kind == store.KindPainPoint,
		})
		if err != nil {
			return err
		}
		o.communities = append(o.communities, benchCommunity{id: c.ID, slug: c.Slug, visibility: vis, anonymous: c.AnonymousQuestions, owner: owner})
		o.members = append(o.members, []int64{owner})
	}
	return nil
}

// fillMemberships puts each person in four to six communities (five on
// average), chosen with a long tail so that a few communities are large.
// Open communities are joined; closed and secret ones are added by their
// owner, as a moderator would. Two members of each become moderators.
func fillMemberships(ctx context.Context, s *store.Store, cfg config, o *org, st *fillStats) error {
	popularity := make([]float64, len(o.communities))
	for i := range popularity {
		popularity[i] = 1 / float64(i%17+2)
		if o.communities[i].visibility == store.VisibilitySecret {
			popularity[i] /= 3
		}
	}
	pick := newWeighted(popularity)
	type join struct {
		person int64
		c      int
	}
	var joins []join
	for i, pid := range o.people {
		r := rng(cfg.seed, "memberships", i)
		have := map[int]bool{}
		for c := range o.communities {
			if o.communities[c].owner == pid {
				have[c] = true
			}
		}
		want := 4 + r.IntN(3)
		if want > len(o.communities) {
			want = len(o.communities)
		}
		for added := 0; added < want && len(have) < len(o.communities); {
			c := pick.pick(r)
			if have[c] {
				continue
			}
			have[c] = true
			added++
			joins = append(joins, join{pid, c})
			o.members[c] = append(o.members[c], pid)
		}
	}
	err := parallel(ctx, len(joins), cfg.fillWorkers, func(i int) error {
		j := joins[i]
		c := o.communities[j.c]
		var err error
		if c.visibility == store.VisibilityOpen {
			err = s.Join(ctx, j.person, c.id)
		} else {
			err = s.AddMember(ctx, c.owner, c.id, j.person, store.RoleMember)
		}
		if err == nil {
			st.memberships.Add(1)
		}
		return err
	})
	if err != nil {
		return err
	}
	for ci, c := range o.communities {
		for _, pid := range o.members[ci][1:min(3, len(o.members[ci]))] {
			if err := s.SetRole(ctx, c.owner, c.id, pid, store.RoleModerator); err != nil {
				return err
			}
		}
	}
	weights := make([]float64, len(o.communities))
	for i := range weights {
		weights[i] = float64(len(o.members[i]))
	}
	o.pick = newWeighted(weights)
	return nil
}

// fillFollows makes each person follow two tags and one colleague, on top
// of the communities they joined (which they follow already).
func fillFollows(ctx context.Context, s *store.Store, cfg config, o *org, st *fillStats) error {
	return parallel(ctx, len(o.people), cfg.fillWorkers, func(i int) error {
		r := rng(cfg.seed, "follows", i)
		pid := o.people[i]
		for _, tag := range []string{tagFor(r), tagFor(r)} {
			if err := s.Follow(ctx, pid, store.FollowTag, tag); err != nil {
				return err
			}
			st.follows.Add(1)
		}
		other := o.people[r.IntN(len(o.people))]
		if other != pid {
			if err := s.Follow(ctx, pid, store.FollowPerson, strconv.FormatInt(other, 10)); err != nil {
				return err
			}
			st.follows.Add(1)
		}
		return nil
	})
}

// fillContent creates the posts over the last two years, each by a member of
// its community, with tags, answers, comments and reactions. One post in
// bigEvery is a question with bigAnswers answers, a few comments, reactions
// on the answers and, for half of them, an accepted answer.
func fillContent(ctx context.Context, s *store.Store, cfg config, o *org, st *fillStats) error {
	end := time.Now().Add(-24 * time.Hour)
	span := 730 * 24 * time.Hour
	step := span / time.Duration(cfg.posts)
	return parallel(ctx, cfg.posts, cfg.fillWorkers, func(i int) error {
		r := rng(cfg.seed, "post", i)
		ci := o.pick.pick(r)
		c := o.communities[ci]
		members := o.members[ci]
		member := func() int64 { return members[r.IntN(len(members))] }
		big := i%bigEvery == bigEvery/2
		typ := postTypeFor(r)
		if big {
			typ = store.TypeQuestion
		}
		created := end.Add(-span + time.Duration(i)*step + time.Duration(r.Int64N(int64(step))))
		lang := "sv"
		if r.IntN(3) == 0 {
			lang = "en"
		}
		var tags []string
		for range r.IntN(4) {
			if t := tagFor(r); !contains(tags, t) {
				tags = append(tags, t)
			}
		}
		author := member() // drawn first, as before, so the data stays the same
		postID, err := s.CreatePost(ctx, store.NewPost{
			CommunityID: c.id,
			AuthorID:    author,
			Anonymous:   typ == store.TypeQuestion && c.anonymous && r.IntN(5) == 0,
			Type:        typ,
			Title:       title(r, typ),
			Body:        body(r, 300, 1100),
			Language:    lang,
			Tags:        tags,
			CreatedAt:   created,
		})
		if err != nil {
			return err
		}
		st.posts.Add(1)

		answers := 0
		switch {
		case big:
			answers = bigAnswers
		case typ == store.TypeQuestion && r.IntN(2) == 0:
			answers = 1 + r.IntN(4)
		}
		at := created
		var answerIDs []int64
		for range answers {
			at = at.Add(time.Duration(1+r.IntN(15)) * time.Minute)
			id, err := s.CreateReply(ctx, store.NewReply{PostID: postID, Kind: store.ReplyAnswer, AuthorID: member(), Body: body(r, 120, 600), CreatedAt: at})
			if err != nil {
				return err
			}
			answerIDs = append(answerIDs, id)
			st.answers.Add(1)
		}
		comments := 0
		if big {
			comments = 5
		} else if r.IntN(10) == 0 {
			comments = 1
		}
		for k := range comments {
			at = at.Add(time.Duration(1+r.IntN(15)) * time.Minute)
			nr := store.NewReply{PostID: postID, Kind: store.ReplyComment, AuthorID: member(), Body: sentence(r, 6, 25), CreatedAt: at}
			if k%2 == 1 && len(answerIDs) > 0 {
				nr.ParentID = answerIDs[r.IntN(len(answerIDs))]
			}
			if _, err := s.CreateReply(ctx, nr); err != nil {
				return err
			}
			st.comments.Add(1)
		}

		react := func(replyID int64) error {
			kind := store.ReactionKinds[r.IntN(len(store.ReactionKinds))]
			changed, err := s.React(ctx, member(), postID, replyID, kind, true)
			if changed {
				st.reactions.Add(1)
			}
			return err
		}
		if big || r.IntN(3) == 0 {
			for range 1 + r.IntN(3) {
				if err := react(0); err != nil {
					return err
				}
			}
		}
		for _, a := range answerIDs {
			for range r.IntN(3) {
				if err := react(a); err != nil {
					return err
				}
			}
		}
		if len(answerIDs) > 0 && (big && i%(2*bigEvery) == bigEvery/2 || !big && r.IntN(3) == 0) {
			if err := s.Accept(ctx, author, postID, answerIDs[r.IntN(len(answerIDs))]); err != nil {
				return err
			}
			st.accepts.Add(1)
		}
		return nil
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// weighted picks an index with probability proportional to its weight.
type weighted struct{ cum []float64 }

func newWeighted(w []float64) weighted {
	cum := make([]float64, len(w))
	total := 0.0
	for i, x := range w {
		total += x
		cum[i] = total
	}
	return weighted{cum: cum}
}

func (w weighted) pick(r *rand.Rand) int {
	x := r.Float64() * w.cum[len(w.cum)-1]
	return min(sort.SearchFloat64s(w.cum, x), len(w.cum)-1)
}

// Text. Posts mix a domain vocabulary with Markdown lists and code blocks,
// so rendering costs what it costs for real posts.

var tagPick = func() weighted {
	w := make([]float64, len(tagWords))
	for i := range w {
		w[i] = 1 / float64(i+5)
	}
	return newWeighted(w)
}()

func tagFor(r *rand.Rand) string { return tagWords[tagPick.pick(r)] }

func postTypeFor(r *rand.Rand) string {
	switch x := r.IntN(100); {
	case x < 45:
		return store.TypeQuestion
	case x < 60:
		return store.TypeTip
	case x < 70:
		return store.TypeHowTo
	case x < 78:
		return store.TypeBestPractice
	case x < 88:
		return store.TypeIdea
	default:
		return store.TypeDiscussion
	}
}

func title(r *rand.Rand, typ string) string {
	t := sentence(r, 5, 11)
	t = strings.TrimSuffix(t, ".")
	if typ == store.TypeQuestion {
		return "How do we " + strings.ToLower(t[:1]) + t[1:] + "?"
	}
	return t
}

func sentence(r *rand.Rand, minWords, maxWords int) string {
	n := minWords + r.IntN(maxWords-minWords+1)
	var b strings.Builder
	for i := range n {
		w := vocabulary[r.IntN(len(vocabulary))]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

func body(r *rand.Rand, minLen, maxLen int) string {
	target := minLen + r.IntN(maxLen-minLen+1)
	var b strings.Builder
	for b.Len() < target {
		switch x := r.IntN(10); {
		case x == 0:
			for range 2 + r.IntN(3) {
				b.WriteString("- " + sentence(r, 3, 8) + "\n")
			}
		case x == 1:
			b.WriteString("```\n" + vocabulary[r.IntN(len(vocabulary))] + " --" + vocabulary[r.IntN(len(vocabulary))] + "=true\n```\n")
		default:
			for range 2 + r.IntN(3) {
				b.WriteString(sentence(r, 6, 18) + " ")
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	return strings.TrimSpace(b.String())
}

var (
	firstNames = []string{"Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara", "Per", "Emma", "Nils",
		"Lena", "Oskar", "Ingrid", "Magnus", "Elin", "Fredrik", "Sofia", "Gustav", "Aisha", "Mehmet", "Li", "Priya"}
	lastNames = []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
		"Svensson", "Gustafsson", "Lindqvist", "Berg", "Holm", "Ek", "Lund", "Sandberg", "Nyström", "Öberg"}
	departments = []string{"Engineering", "Operations", "Finance", "HR", "Sales", "Marketing", "Legal", "Support",
		"Logistics", "Procurement", "Quality", "Research", "IT", "Facilities", "Product", "Design", "Data", "Security",
		"Customer success", "Production"}
	titles = []string{"Engineer", "Senior engineer", "Analyst", "Manager", "Specialist", "Coordinator", "Lead", "Consultant",
		"Technician", "Director"}
	communityTopics = []string{"Platform engineering", "Payroll", "Onboarding", "Incident response", "Data quality",
		"Procurement", "Customer support", "Release management", "Security", "Accessibility", "Travel", "Budgeting",
		"Warehouse", "Field service", "Contracts", "Recruiting", "Frontend", "Backend", "Machine learning", "Reporting",
		"Office Stockholm", "Office Göteborg", "Sustainability", "Quality assurance", "Pricing"}
	tagWords = []string{"kubernetes", "payroll", "checklist", "invoice", "rollback", "onboarding", "budget", "certificate",
		"postgres", "sqlite", "excel", "sap", "vpn", "laptop", "travel", "expenses", "gdpr", "contract", "supplier",
		"forklift", "safety", "deploy", "monitoring", "alerting", "oncall", "backup", "migration", "api", "sso", "password",
		"printer", "meeting", "roadmap", "okr", "hiring", "interview", "mentoring", "pricing", "discount", "crm", "ticket",
		"sla", "dashboard", "report", "forecast", "audit", "iso9001", "training", "wiki", "template", "python", "go",
		"typescript", "react", "docker", "terraform", "network", "wifi", "badge", "parking"}
	vocabulary = []string{"the", "team", "process", "we", "usually", "check", "before", "release", "customer", "invoice",
		"needs", "approval", "from", "finance", "and", "then", "system", "sends", "report", "every", "week", "to",
		"manager", "when", "supplier", "changes", "contract", "should", "update", "template", "in", "wiki", "our",
		"deploy", "pipeline", "runs", "tests", "rollback", "is", "manual", "but", "documented", "checklist", "covers",
		"most", "cases", "ask", "support", "about", "access", "badge", "office", "warehouse", "shift", "schedule",
		"budget", "forecast", "quarter", "data", "quality", "dashboard", "shows", "errors", "alert", "fires", "on",
		"call", "engineer", "handles", "incident", "postmortem", "follows", "within", "two", "days", "training",
		"new", "hires", "get", "mentor", "first", "month", "travel", "expenses", "are", "filed", "app", "receipts",
		"scanned", "certificate", "expires", "renew", "early", "backup", "restored", "tested", "monthly", "security",
		"review", "required", "for", "vendors", "gdpr", "personal", "kept", "short", "time", "pricing", "discount",
		"above", "limit", "sales", "director", "signs", "off", "safety", "forklift", "license", "yearly"}
)
