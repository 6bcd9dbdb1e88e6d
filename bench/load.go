package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/tacit-org/tacit/bench/internal/machine"
	"github.com/tacit-org/tacit/internal/api"
	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/web"
)

// scenarioNames lists the scenarios in the order they run by default. Post
// creation comes last so the read scenarios see the data as filled.
var scenarioNames = []string{"home", "community", "post", "create"}

func knownScenario(s string) bool { return slices.Contains(scenarioNames, s) }

// client is one signed-in person driving the server.
type client struct {
	personID int64
	cookie   string
	member   []string // slugs of the person's communities: where they post
	readable []string // slugs of communities whose page shows posts to them
	big      []int64  // posts with bigAnswers answers the person may read
}

// loadTargets picks one person per client, each a member of five
// communities (or as close to five as the data allows), signs each in with a session of its own, and finds what
// each may read.
func loadTargets(ctx context.Context, s *store.Store, raw *sql.DB, cfg config) ([]*client, error) {
	rows, err := raw.QueryContext(ctx, `SELECT p.id, COUNT(*) FROM people p JOIN memberships m ON m.person_id = p.id
		WHERE p.email LIKE '%`+benchEmail+`' GROUP BY p.id ORDER BY p.id`)
	if err != nil {
		return nil, err
	}
	// People in exactly five communities, or, on small fills where there are
	// too few of them, those closest to five.
	var candidates []int64
	byDistance := map[int][]int64{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return nil, err
		}
		d := max(n-5, 5-n)
		byDistance[d] = append(byDistance[d], id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for d := 0; d <= cfg.communities && len(candidates) < cfg.clients; d++ {
		candidates = append(candidates, byDistance[d]...)
	}
	if len(candidates) < cfg.clients {
		return nil, fmt.Errorf("only %d people with communities for %d clients", len(candidates), cfg.clients)
	}

	bigByCommunity := map[int64][]int64{}
	rows, err = raw.QueryContext(ctx, `SELECT id, community_id FROM posts WHERE answer_count >= $1 AND deleted_at IS NULL ORDER BY id`, bigAnswers)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, c int64
		if err := rows.Scan(&id, &c); err != nil {
			rows.Close()
			return nil, err
		}
		bigByCommunity[c] = append(bigByCommunity[c], id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	var out []*client
	stride := len(candidates) / cfg.clients
	for i := range cfg.clients {
		pid := candidates[i*stride]
		v := store.Viewer{ID: pid}
		all, err := s.Communities(ctx, v, store.CommunityFilter{})
		if err != nil {
			return nil, err
		}
		c := &client{personID: pid}
		for _, com := range all {
			if com.MyRole != "" {
				c.member = append(c.member, com.Slug)
			}
			if com.CanRead() {
				c.readable = append(c.readable, com.Slug)
				c.big = append(c.big, bigByCommunity[com.ID]...)
			}
		}
		if len(c.member) == 0 || len(c.big) == 0 {
			return nil, fmt.Errorf("person %d has no community or no post with %d answers to read", pid, bigAnswers)
		}
		secret := auth.NewSecret("")
		if _, err := s.CreateSession(ctx, pid, auth.HashSecret(secret), "tacit-bench", "127.0.0.1", 24*time.Hour); err != nil {
			return nil, err
		}
		c.cookie = "tacit_session=" + secret
		out = append(out, c)
	}
	return out, nil
}

// scenario is one kind of request, as a client makes it.
type scenario struct {
	name string
	what string
	want int // the status a correct answer has; anything else is an error
	make func(base string, c *client, r *rand.Rand, seq int) *http.Request
}

var scenarios = map[string]scenario{
	"home": {"home", "GET / (home feed)", http.StatusOK, func(base string, c *client, r *rand.Rand, seq int) *http.Request {
		return get(base+"/", c)
	}},
	"community": {"community", "GET /c/{slug}", http.StatusOK, func(base string, c *client, r *rand.Rand, seq int) *http.Request {
		return get(base+"/c/"+c.readable[r.IntN(len(c.readable))], c)
	}},
	"post": {"post", fmt.Sprintf("GET /p/{id} (%d answers)", bigAnswers), http.StatusOK, func(base string, c *client, r *rand.Rand, seq int) *http.Request {
		return get(base+"/p/"+strconv.FormatInt(c.big[r.IntN(len(c.big))], 10), c)
	}},
	"create": {"create", "POST /c/{slug}/posts", http.StatusSeeOther, func(base string, c *client, r *rand.Rand, seq int) *http.Request {
		form := url.Values{
			"type":     {store.PostTypes[r.IntN(len(store.PostTypes))]},
			"title":    {fmt.Sprintf("Bench post %d by person %d: %s", seq, c.personID, strings.TrimSuffix(sentence(r, 4, 8), "."))},
			"body":     {body(r, 300, 900)},
			"language": {"en"},
			"tags":     {tagFor(r) + ", " + tagFor(r)},
			// A community with a code of conduct asks for it to be accepted
			// with a first post, as the composer's box does.
			"accept_code_of_conduct": {"on"},
			// A question is shown similar questions once before it is
			// posted; the form then carries this, as the bench's does.
			"similar_checked": {"1"},
		}
		req, _ := http.NewRequest(http.MethodPost, base+"/c/"+c.member[r.IntN(len(c.member))]+"/posts", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Cookie", c.cookie)
		// What a browser sends for a form on the same site; cross-origin
		// protection lets it through.
		req.Header.Set("Origin", base)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		return req
	}},
}

func get(u string, c *client) *http.Request {
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("Cookie", c.cookie)
	return req
}

// result is what one scenario measured.
type result struct {
	scenario scenario
	lat      []time.Duration // one per answered request, sorted
	errors   int64
	firstErr string
	elapsed  time.Duration
	cpu      time.Duration // of this process (server and clients) while measuring
	bytes    int64
}

// measure starts the server as cmd/tacit wires it and runs each scenario in turn.
func measure(ctx context.Context, s *store.Store, cfg config, clients []*client, stdout, stderr io.Writer) ([]result, error) {
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	views := &store.Views{}
	w, err := web.New(s, web.Options{Logger: log, Views: views})
	if err != nil {
		return nil, err
	}
	a := api.New(s, api.Options{Logger: log})
	mux := http.NewServeMux()
	mux.Handle("/api/v1/", a.Handler())
	mux.Handle("/", w.Handler())
	srv := httptest.NewServer(web.SecurityHeaders(false, http.NewCrossOriginProtection().Handler(mux)))
	defer srv.Close()
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		return nil, fmt.Errorf("server is not on 127.0.0.1: %s", srv.URL)
	}

	// View counts are flushed as the server's worker does, every 5 seconds.
	flushCtx, stopFlush := context.WithCancel(ctx)
	var flushWG sync.WaitGroup
	flushWG.Add(1)
	go func() {
		defer flushWG.Done()
		t := time.NewTicker(5 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-flushCtx.Done():
				_ = s.FlushViews(context.Background(), views)
				return
			case <-t.C:
				if err := s.FlushViews(flushCtx, views); err != nil && flushCtx.Err() == nil {
					log.Error("flush views", slog.Any("err", err))
				}
			}
		}
	}()
	defer func() { stopFlush(); flushWG.Wait() }()

	tr := &http.Transport{MaxIdleConns: cfg.clients, MaxIdleConnsPerHost: cfg.clients, DisableCompression: true, IdleConnTimeout: time.Minute}
	defer tr.CloseIdleConnections()
	hc := &http.Client{
		Transport: tr,
		Timeout:   time.Minute,
		// A 303 after a form post is the answer being measured, not a page to fetch.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}

	var seq atomic.Int64
	var out []result
	fmt.Fprintf(stdout, "load: load average before: %s\n", machine.LoadAverage())
	defer func() { fmt.Fprintf(stdout, "load: load average after: %s\n", machine.LoadAverage()) }()
	for _, name := range cfg.scenarios {
		sc := scenarios[name]
		if cfg.warmup > 0 {
			fmt.Fprintf(stdout, "load: %-9s warm-up %s\n", name, cfg.warmup)
			warm := drive(ctx, hc, srv.URL, sc, clients, cfg.warmup, 0, cfg.seed+1000, &seq)
			if warm.errors > 0 {
				fmt.Fprintf(stdout, "load: %-9s warm-up had %d errors, first: %s\n", name, warm.errors, warm.firstErr)
			}
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		res := drive(ctx, hc, srv.URL, sc, clients, cfg.duration, cfg.requests, cfg.seed, &seq)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		fmt.Fprintf(stdout, "load: %-9s %d requests in %.1fs, %d errors\n", name, len(res.lat), res.elapsed.Seconds(), res.errors)
		if res.firstErr != "" {
			fmt.Fprintf(stdout, "load: %-9s first error: %s\n", name, res.firstErr)
		}
		out = append(out, res)
	}
	return out, nil
}

// drive runs one scenario with every client at once until the duration is
// over or, when requests > 0, that many requests were made (at most ten
// minutes, plus the client timeout for requests in flight). Each request's latency runs from sending it to having read the
// whole answer.
func drive(ctx context.Context, hc *http.Client, base string, sc scenario, clients []*client, d time.Duration, requests int, seed uint64, seq *atomic.Int64) result {
	if requests > 0 {
		d = 10 * time.Minute
	}
	// Requests in flight at the deadline are finished, not cancelled, so
	// the server never sees a client give up; the client timeout bounds them.
	deadline := time.Now().Add(d)
	var issued atomic.Int64
	var mu sync.Mutex
	res := result{scenario: sc}
	var wg sync.WaitGroup
	start, cpu := time.Now(), machine.ProcessCPU()
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(i)))
			var lat []time.Duration
			var errs, nbytes int64
			var firstErr string
			fail := func(msg string) {
				errs++
				if firstErr == "" {
					firstErr = msg
				}
			}
			for ctx.Err() == nil && time.Now().Before(deadline) {
				if requests > 0 && issued.Add(1) > int64(requests) {
					break
				}
				req := sc.make(base, c, r, int(seq.Add(1))).WithContext(ctx)
				t := time.Now()
				resp, err := hc.Do(req)
				if err != nil {
					fail(err.Error())
					continue
				}
				n, err := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				took := time.Since(t)
				if err != nil {
					fail(err.Error())
					continue
				}
				lat = append(lat, took)
				nbytes += n
				if resp.StatusCode != sc.want {
					fail(fmt.Sprintf("%s %s: status %d, want %d (Location %q)", req.Method, req.URL.Path, resp.StatusCode, sc.want, resp.Header.Get("Location")))
				}
			}
			mu.Lock()
			res.lat = append(res.lat, lat...)
			res.errors += errs
			res.bytes += nbytes
			if res.firstErr == "" {
				res.firstErr = firstErr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.elapsed, res.cpu = time.Since(start), machine.ProcessCPU()-cpu
	slices.Sort(res.lat)
	return res
}

// percentile returns the latency below which p of the answers came (nearest rank).
func (r result) percentile(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	i := int(float64(len(r.lat))*p+0.999999) - 1
	return r.lat[max(0, min(i, len(r.lat)-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }

// printResults writes the table as Markdown, aligned for the terminal too.
func printResults(w io.Writer, cfg config, results []result) {
	how := fmt.Sprintf("%s after %s warm-up", cfg.duration, cfg.warmup)
	if cfg.requests > 0 {
		how = fmt.Sprintf("%d requests after %s warm-up", cfg.requests, cfg.warmup)
	}
	fmt.Fprintf(w, "\nresults: %s, %d clients, %s each (latency in ms; CPU is this process's, server and clients together, per request)\n\n", cfg.db, cfg.clients, how)
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "scenario\trequests\treq/s\tp50\tp95\tp99\tmax\terrors\tKiB/resp\tCPU ms/req\t")
	fmt.Fprintln(tw, "---\t---\t---\t---\t---\t---\t---\t---\t---\t---\t")
	for _, r := range results {
		n := len(r.lat)
		kib, cpu := 0.0, time.Duration(0)
		if n > 0 {
			kib = float64(r.bytes) / float64(n) / 1024
			cpu = r.cpu / time.Duration(n)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%s\t%s\t%s\t%s\t%d\t%.1f\t%s\t\n", r.scenario.what, n, float64(n)/r.elapsed.Seconds(),
			ms(r.percentile(0.50)), ms(r.percentile(0.95)), ms(r.percentile(0.99)), ms(r.percentile(1)), r.errors, kib, ms(cpu))
	}
	tw.Flush()
}
