// Command search measures full-text search at scale: it fills a fresh
// database (SQLite or PostgreSQL) through the store with generated posts in
// Swedish and English, then times store.Search for 1-, 2- and 3-word
// queries, a phrase and a prefix, and the similar questions and expert
// finder built on the same index, as a member who may read 90% of the
// content and as one who may read 10%.
//
//	go run ./bench/search --db sqlite --posts 1000000
//	go run ./bench/search --db postgres --posts 1000000
//
// The text is real prose cut at random places: Swedish from Debian's cfi-sv
// package (a public-domain book, `apt-get install cfi-sv`), English from the
// Stack Exchange dumps in ../shared/data/stackexchange. Word frequencies,
// word lengths and which words stand together are therefore those of real
// writing. Queries are drawn from the same text the way people type: words
// weighted by how often they are written, several words from one passage.
package main

import (
	"context"
	"database/sql"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode"

	"github.com/tacit-org/tacit/bench/internal/benchdb"
	"github.com/tacit-org/tacit/bench/internal/machine"
	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/search:", err)
		os.Exit(1)
	}
}

type config struct {
	db, databaseURL, data string
	keep, reuse           bool
	posts, communities    int
	queries, workers      int
	swedish, english      string
	seed                  uint64
	cpuProfile            string
	only                  string
	merge, reindex        bool
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	var c config
	fs := flag.NewFlagSet("bench/search", flag.ContinueOnError)
	fs.StringVar(&c.db, "db", "sqlite", "sqlite or postgres")
	fs.StringVar(&c.databaseURL, "database-url", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "PostgreSQL server; a fresh database is created on it and dropped after")
	fs.StringVar(&c.data, "data", "", "directory for the SQLite file (default: a temporary one, removed after)")
	fs.BoolVar(&c.keep, "keep", false, "keep the database after the run")
	fs.BoolVar(&c.reuse, "reuse", false, "measure a database kept by an earlier run (--data, or --database-url of the kept database) without filling")
	fs.IntVar(&c.posts, "posts", 100000, "posts to generate")
	fs.IntVar(&c.communities, "communities", 100, "closed communities the posts are spread over")
	fs.IntVar(&c.queries, "queries", 200, "timed queries per kind and member (0: fill only, with --keep)")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "goroutines writing posts")
	fs.StringVar(&c.swedish, "swedish", "/usr/share/doc/cfi-sv/cfi.html", "Swedish prose (HTML or text)")
	fs.StringVar(&c.english, "english", "", "folder of Stack Exchange dumps (default: ../shared/data/stackexchange above the working directory)")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile of the whole run to this file")
	fs.BoolVar(&c.merge, "merge", true, "merge the SQLite full-text index into one segment before measuring, as the server does in the background (Store.MergeSearchIndex)")
	fs.BoolVar(&c.reindex, "reindex", false, "with --reuse: empty the search index and time Store.Reindex writing it anew, as after migration 0012")
	fs.StringVar(&c.only, "only", "", "measure only these kinds, comma-separated (such as \"1 word,similar\")")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.db != "sqlite" && c.db != "postgres" {
		return errors.New("--db: want sqlite or postgres")
	}
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	corpora, err := loadCorpora(c)
	if err != nil {
		return err
	}
	for _, k := range corpora {
		fmt.Fprintf(stdout, "corpus %s: %d words\n", k.lang, len(k.words))
	}

	db, err := benchdb.Prepare(ctx, benchdb.Options{Kind: c.db, DataDir: c.data, DatabaseURL: c.databaseURL, Reuse: c.reuse, Keep: c.keep, Name: "tacit-search-bench"}, stdout)
	if err != nil {
		return err
	}
	defer db.Cleanup(stdout)
	s, err := store.Open(ctx, db.StoreURL, db.DataDir)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		return err
	}
	var m90, m10 store.Viewer
	if c.reuse {
		m90, m10, err = members(ctx, s)
	} else {
		m90, m10, err = fill(ctx, s, c, corpora, stdout)
	}
	if err != nil {
		return err
	}
	if c.reindex && c.reuse {
		if err := reindex(ctx, s, db, stdout); err != nil {
			return err
		}
	}
	if c.merge && c.db == "sqlite" {
		t := time.Now()
		if _, err := s.MergeSearchIndex(ctx, 1<<30); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "merged the full-text index in %.1fs\n", time.Since(t).Seconds())
	}
	raw, err := db.OpenRaw()
	if err != nil {
		return err
	}
	defer raw.Close()
	if c.db == "postgres" && !c.reuse {
		// Autovacuum would analyse the new tables within minutes on a live
		// server; without statistics the planner reads every post and
		// probes the index for each. As bench/main.go does.
		t := time.Now()
		if _, err := raw.ExecContext(ctx, `VACUUM ANALYZE`); err != nil {
			return fmt.Errorf("vacuum analyze: %w", err)
		}
		fmt.Fprintf(stdout, "VACUUM ANALYZE in %.1fs\n", time.Since(t).Seconds())
	}
	if err := size(ctx, db, raw, stdout); err != nil {
		return err
	}
	if c.queries == 0 {
		return nil
	}
	fmt.Fprintf(stdout, "load average before queries: %s\n", machine.LoadAverage())
	return measure(ctx, s, c, corpora, m90, m10, stdout)
}

// corpus is real prose in one language, as a stream of words.
type corpus struct {
	lang  string
	words []string // as written, punctuation attached
	plain []string // folded letters only, "" for stop words and non-words
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

func loadCorpora(c config) ([]*corpus, error) {
	sv, err := os.ReadFile(c.swedish)
	if err != nil {
		return nil, fmt.Errorf("Swedish prose: %w (install Debian's cfi-sv, or pass --swedish)", err)
	}
	svText := html.UnescapeString(tagRe.ReplaceAllString(string(sv), " "))
	dir := c.english
	if dir == "" {
		wd, _ := os.Getwd()
		for d := wd; d != filepath.Dir(d); d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "shared", "data", "stackexchange")); err == nil {
				dir = filepath.Join(d, "shared", "data", "stackexchange")
				break
			}
		}
	}
	var en strings.Builder
	for _, site := range []string{"beer", "coffee"} {
		f, err := os.Open(filepath.Join(dir, site, "Posts.xml"))
		if err != nil {
			return nil, fmt.Errorf("English prose: %w (pass --english)", err)
		}
		dec := xml.NewDecoder(f)
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				return nil, err
			}
			if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "row" {
				for _, a := range el.Attr {
					if a.Name.Local == "Title" || a.Name.Local == "Body" {
						en.WriteString(html.UnescapeString(tagRe.ReplaceAllString(a.Value, " ")))
						en.WriteString("\n")
					}
				}
			}
		}
		f.Close()
	}
	return []*corpus{newCorpus("sv", svText), newCorpus("en", en.String())}, nil
}

func newCorpus(lang, text string) *corpus {
	k := &corpus{lang: lang, words: strings.Fields(text)}
	k.plain = make([]string, len(k.words))
	for i, w := range k.words {
		p := strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if len([]rune(p)) >= 3 && strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 && len(search.Terms(p, lang)) > 0 {
			k.plain[i] = p
		}
	}
	return k
}

// run returns n words of the corpus from a random place.
func (k *corpus) run(r *rand.Rand, n int) string {
	at := r.IntN(len(k.words) - n)
	return strings.Join(k.words[at:at+n], " ")
}

// content words near a random place: up to n distinct ones within a window.
func (k *corpus) near(r *rand.Rand, n int) []string {
	for {
		at := r.IntN(len(k.words) - 12)
		var out []string
		for _, w := range k.plain[at : at+12] {
			if w != "" && !slices.Contains(out, w) {
				out = append(out, w)
			}
			if len(out) == n {
				return out
			}
		}
	}
}

// phrase returns two neighbouring content words.
func (k *corpus) phrase(r *rand.Rand) string {
	for {
		at := r.IntN(len(k.words) - 2)
		if k.plain[at] != "" && k.plain[at+1] != "" && k.plain[at] != k.plain[at+1] {
			return `"` + k.plain[at] + " " + k.plain[at+1] + `"`
		}
	}
}

const timeSpan = 3 * 365 * 24 * time.Hour

// fill creates the communities, two readers and an author per community,
// then the posts, spread evenly; it reports the writing rate.
func fill(ctx context.Context, s *store.Store, c config, corpora []*corpus, stdout io.Writer) (m90, m10 store.Viewer, err error) {
	person := func(name string) (store.Person, error) {
		return s.CreatePerson(ctx, store.NewPerson{Email: strings.ReplaceAll(strings.ToLower(name), " ", ".") + "@bench.invalid", Name: name, PasswordHash: "x"})
	}
	owner, err := person("Bench Owner")
	if err != nil {
		return m90, m10, err
	}
	p90, err := person("Member Ninety")
	if err != nil {
		return m90, m10, err
	}
	p10, err := person("Member Ten")
	if err != nil {
		return m90, m10, err
	}
	ids := make([]int64, c.communities)
	authors := make([]int64, c.communities)
	for i := range ids {
		cm, err := s.CreateCommunity(ctx, owner.ID, fmt.Sprintf("bench-%03d", i), store.CommunitySettings{
			Name: fmt.Sprintf("Bench %d", i), Kind: store.KindSubject, Visibility: store.VisibilityClosed})
		if err != nil {
			return m90, m10, err
		}
		ids[i] = cm.ID
		a, err := person(fmt.Sprintf("Author %d", i))
		if err != nil {
			return m90, m10, err
		}
		authors[i] = a.ID
		if err := s.AddMember(ctx, owner.ID, cm.ID, a.ID, store.RoleMember); err != nil {
			return m90, m10, err
		}
		if i < c.communities*9/10 {
			if err := s.AddMember(ctx, owner.ID, cm.ID, p90.ID, store.RoleMember); err != nil {
				return m90, m10, err
			}
		}
		if i%10 == 0 {
			if err := s.AddMember(ctx, owner.ID, cm.ID, p10.ID, store.RoleMember); err != nil {
				return m90, m10, err
			}
		}
	}

	start := time.Now()
	var done atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, c.workers)
	stopProgress := make(chan struct{})
	go func() {
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-stopProgress:
				return
			case <-t.C:
				n := done.Load()
				fmt.Fprintf(stdout, "  %d posts, %.0f/s\n", n, float64(n)/time.Since(start).Seconds())
			}
		}
	}()
	const batch = 250
	var next atomic.Int64
	for w := range c.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(c.seed, uint64(w)+1))
			for {
				from := int(next.Add(batch)) - batch
				if from >= c.posts || ctx.Err() != nil {
					return
				}
				nps := make([]store.NewPost, 0, batch)
				for i := from; i < min(from+batch, c.posts); i++ {
					k := corpora[i%2]
					typ := store.PostTypes[r.IntN(len(store.PostTypes))]
					if r.IntN(2) == 0 {
						typ = store.TypeQuestion
					}
					title := []rune(k.run(r, 4+r.IntN(7)))
					nps = append(nps, store.NewPost{
						CommunityID: ids[i%len(ids)], AuthorID: authors[i%len(ids)], Type: typ, Language: k.lang,
						Title: string(title[:min(len(title), 150)]), Body: k.run(r, 30+r.IntN(150)),
						CreatedAt: time.Now().Add(-time.Duration(r.Int64N(int64(timeSpan)))),
					})
				}
				if _, err := s.CreatePosts(ctx, nps); err != nil {
					errs <- fmt.Errorf("posts %d–: %w", from, err)
					return
				}
				done.Add(int64(len(nps)))
			}
		}()
	}
	wg.Wait()
	close(stopProgress)
	select {
	case err := <-errs:
		return m90, m10, err
	default:
	}
	if ctx.Err() != nil {
		return m90, m10, ctx.Err()
	}
	el := time.Since(start)
	fmt.Fprintf(stdout, "filled %d posts in %s: %.0f posts/s, written through the store with their search index rows, %d a transaction\n",
		c.posts, el.Round(time.Second), float64(c.posts)/el.Seconds(), batch)
	return store.Viewer{ID: p90.ID}, store.Viewer{ID: p10.ID}, nil
}

// members finds the two readers of a kept database.
func members(ctx context.Context, s *store.Store) (m90, m10 store.Viewer, err error) {
	a, err := s.PersonByEmail(ctx, "member.ninety@bench.invalid")
	if err != nil {
		return m90, m10, err
	}
	b, err := s.PersonByEmail(ctx, "member.ten@bench.invalid")
	if err != nil {
		return m90, m10, err
	}
	return store.Viewer{ID: a.ID}, store.Viewer{ID: b.ID}, nil
}

// kinds of query, each drawn from a corpus; do runs one and returns how
// many posts (or people) it found.
var kinds = []struct {
	name string
	make func(r *rand.Rand, k *corpus) string
	do   func(ctx context.Context, s *store.Store, v store.Viewer, q string) (int64, error)
}{
	{"1 word", func(r *rand.Rand, k *corpus) string { return strings.Join(k.near(r, 1), " ") }, searchPage},
	{"2 words", func(r *rand.Rand, k *corpus) string { return strings.Join(k.near(r, 2), " ") }, searchPage},
	{"3 words", func(r *rand.Rand, k *corpus) string { return strings.Join(k.near(r, 3), " ") }, searchPage},
	{"phrase", func(r *rand.Rand, k *corpus) string { return k.phrase(r) }, searchPage},
	{"prefix", func(r *rand.Rand, k *corpus) string {
		w := k.near(r, 2)
		last := []rune(w[len(w)-1])
		return strings.Join(w[:len(w)-1], " ") + " " + string(last[:min(len(last), 3+r.IntN(2))])
	}, func(ctx context.Context, s *store.Store, v store.Viewer, q string) (int64, error) {
		pq := search.Parse(q)
		pq.Prefix = true
		res, err := s.Search(ctx, v, pq, 1, 20)
		return res.Total, err
	}},
	// A question title being typed, as the composer asks for similar ones.
	{"similar", func(r *rand.Rand, k *corpus) string {
		t := k.run(r, 5+r.IntN(5))
		return t[:len(t)-r.IntN(3)]
	}, func(ctx context.Context, s *store.Store, v store.Viewer, q string) (int64, error) {
		found, err := s.SimilarQuestions(ctx, v, q, true, 0)
		return int64(len(found)), err
	}},
	{"experts", func(r *rand.Rand, k *corpus) string { return strings.Join(k.near(r, 1+r.IntN(2)), " ") },
		func(ctx context.Context, s *store.Store, v store.Viewer, q string) (int64, error) {
			found, err := s.Experts(ctx, v, store.ExpertQuery{Query: search.Parse(q), Limit: 10})
			return int64(len(found)), err
		}},
}

// searchPage is one search as the search page makes it: page 1 of 20.
func searchPage(ctx context.Context, s *store.Store, v store.Viewer, q string) (int64, error) {
	res, err := s.Search(ctx, v, search.Parse(q), 1, 20)
	return res.Total, err
}

func measure(ctx context.Context, s *store.Store, c config, corpora []*corpus, m90, m10 store.Viewer, stdout io.Writer) error {
	fmt.Fprintf(stdout, "\n%-8s %-8s %8s %8s %8s %8s %10s %12s %12s\n", "reader", "query", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean found", "CPU ms/query", "CPU p50/p95")
	for _, v := range []struct {
		name string
		v    store.Viewer
	}{{"90%", m90}, {"10%", m10}} {
		for ki, kind := range kinds {
			if c.only != "" && !slices.Contains(strings.Split(c.only, ","), kind.name) {
				continue
			}
			r := rand.New(rand.NewPCG(c.seed+7, uint64(ki)))
			qs := make([]string, c.queries)
			for i := range qs {
				qs[i] = kind.make(r, corpora[i%2])
			}
			for _, q := range qs[:min(20, len(qs))] { // warm the caches
				if _, err := kind.do(ctx, s, v.v, q); err != nil {
					return err
				}
			}
			times := make([]time.Duration, len(qs))
			cpus := make([]time.Duration, len(qs)) // each query's process CPU time
			var total int64
			cpu := machine.ProcessCPU()
			for i, q := range qs {
				t, c := time.Now(), machine.ProcessCPU()
				n, err := kind.do(ctx, s, v.v, q)
				times[i], cpus[i] = time.Since(t), machine.ProcessCPU()-c
				if err != nil {
					return fmt.Errorf("%s %q: %w", kind.name, q, err)
				}
				total += n
			}
			cpu = machine.ProcessCPU() - cpu
			slices.Sort(times)
			slices.Sort(cpus)
			at := func(ds []time.Duration, p float64) string {
				return fmt.Sprintf("%.1f", float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds())/1000)
			}
			pct := func(p float64) string { return at(times, p) }
			fmt.Fprintf(stdout, "%-8s %-8s %8s %8s %8s %8s %10d %12.1f %12s\n", v.name, kind.name, pct(0.50), pct(0.95), pct(0.99), pct(1), total/int64(len(qs)),
				float64(cpu.Microseconds())/1000/float64(len(qs)), at(cpus, 0.50)+"/"+at(cpus, 0.95))
		}
	}
	fmt.Fprintf(stdout, "load average after queries: %s\n", machine.LoadAverage())
	return nil
}

// size prints the size of the database and of its search index.
func size(ctx context.Context, db *benchdb.Database, raw *sql.DB, stdout io.Writer) error {
	if db.Kind == "postgres" {
		var total, index int64
		if err := raw.QueryRowContext(ctx, `SELECT pg_database_size(current_database()), pg_total_relation_size('post_search')`).Scan(&total, &index); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "database size: %s, of which the search table and GIN index %s\n", benchdb.MiB(total), benchdb.MiB(index))
		return nil
	}
	if _, err := raw.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return err
	}
	fi, err := os.Stat(filepath.Join(db.DataDir, "tacit.db"))
	if err != nil {
		return err
	}
	var index int64
	if err := raw.QueryRowContext(ctx, `SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'post_search%'`).Scan(&index); err != nil {
		index = -1 // dbstat is not compiled in
	}
	fmt.Fprintf(stdout, "database size: %s, of which the FTS5 index %s\n", benchdb.MiB(fi.Size()), benchdb.MiB(index))
	return nil
}

// reindex empties the search index and times Store.Reindex writing it anew.
func reindex(ctx context.Context, s *store.Store, db *benchdb.Database, stdout io.Writer) error {
	raw, err := db.OpenRaw()
	if err != nil {
		return err
	}
	defer raw.Close()
	q := `DELETE FROM post_search`
	if db.Kind == "sqlite" {
		q = `INSERT INTO post_search (post_search) VALUES ('delete-all')`
	}
	if _, err := raw.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("empty the index: %w", err)
	}
	cpu, t := machine.ProcessCPU(), time.Now()
	n, err := s.Reindex(ctx)
	if err != nil {
		return err
	}
	el := time.Since(t)
	fmt.Fprintf(stdout, "reindexed %d posts in %s: %.0f posts/s, %.2f ms CPU a post (load average %s)\n",
		n, el.Round(time.Second), float64(n)/el.Seconds(), float64((machine.ProcessCPU()-cpu).Microseconds())/1000/float64(max(n, 1)), machine.LoadAverage())
	return nil
}
