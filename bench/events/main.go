// Command events measures live delivery and digests: it holds many open
// event streams in one process, publishes a burst of answers that notify
// every stream, and reports memory per idle stream and delivery latency;
// then it builds personal digests and reports how long they take.
//
//	go run ./bench/events [--streams 5000] [--people 10000] [--burst 10] [--digests 10000]
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tacit-org/tacit/bench/internal/machine"
	"github.com/tacit-org/tacit/internal/mail"
	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
)

func main() {
	streams := flag.Int("streams", 5000, "open event streams")
	people := flag.Int("people", 10000, "people in the organisation (at least --streams)")
	burst := flag.Int("burst", 10, "answers published in the burst; each notifies every stream")
	digests := flag.Int("digests", 10000, "personal digests to build")
	posts := flag.Int("posts", 2000, "posts in the communities")
	cpu := flag.String("cpuprofile", "", "write a CPU profile of the digest phase to this file")
	burstCPU := flag.String("burstprofile", "", "write a CPU profile of the burst (writes and delivery) to this file")
	workers := flag.Int("workers", 0, "digest builders in parallel (0: the Mailer's own default)")
	flag.Parse()
	cpuProfile, burstProfile, digestWorkers = *cpu, *burstCPU, *workers
	if err := run(*streams, max(*people, *streams), *burst, *digests, *posts); err != nil {
		log.Fatal(err)
	}
}

var cpuProfile, burstProfile string
var digestWorkers int

func memNow() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

func run(nStreams, nPeople, burst, nDigests, nPosts int) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "tacit-bench-events-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s, err := store.Open(ctx, os.Getenv("TACIT_DATABASE_URL"), dir)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		return err
	}
	fmt.Printf("machine: %d CPU, GOMAXPROCS %d, %s, store %s\n", runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version(), s.Dialect())

	// The organisation.
	t0 := time.Now()
	ids := make([]int64, nPeople)
	for i := range nPeople {
		p, err := s.CreatePerson(ctx, store.NewPerson{Email: fmt.Sprintf("p%05d@bench.se", i), Name: fmt.Sprintf("Person %05d", i), Language: []string{"sv", "en"}[i%2]})
		if err != nil {
			return err
		}
		ids[i] = p.ID
	}
	org, err := s.CreateCommunity(ctx, ids[0], "org", store.CommunitySettings{Name: "Organisationen", Kind: store.KindOrganisation, Visibility: store.VisibilityOpen})
	if err != nil {
		return err
	}
	team, err := s.CreateCommunity(ctx, ids[0], "team", store.CommunitySettings{Name: "Teamet", Kind: store.KindDepartment, Visibility: store.VisibilityClosed})
	if err != nil {
		return err
	}
	for i, id := range ids[1:] {
		if err := s.Join(ctx, id, org.ID); err != nil {
			return err
		}
		if i%5 == 0 {
			if err := s.AddMember(ctx, ids[0], team.ID, id, store.RoleMember); err != nil {
				return err
			}
		}
	}
	types := []string{store.TypeQuestion, store.TypeTip, store.TypeHowTo, store.TypeIdea, store.TypeBestPractice}
	for i := range nPosts {
		c := org.ID
		if i%4 == 0 {
			c = team.ID
		}
		pid, err := s.CreatePost(ctx, store.NewPost{CommunityID: c, AuthorID: ids[0], Type: types[i%len(types)], Title: fmt.Sprintf("Post %d om kundmöten", i),
			Body: "Text " + strconv.Itoa(i), Language: "sv", Tags: []string{"crm", "tag" + strconv.Itoa(i%20)}})
		if err != nil {
			return err
		}
		if i%3 == 0 {
			s.React(ctx, ids[1+i%(nPeople-1)], pid, 0, store.ReactHelpedMe, true)
		}
		if types[i%len(types)] == store.TypeQuestion && i%2 == 0 {
			a, err := s.CreateReply(ctx, store.NewReply{PostID: pid, Kind: store.ReplyAnswer, AuthorID: ids[2], Body: "Svar"})
			if err != nil {
				return err
			}
			s.Accept(ctx, ids[0], pid, a)
		}
		if types[i%len(types)] == store.TypeIdea && i%2 == 1 {
			s.SetIdeaStatus(ctx, ids[0], pid, "planned", "")
		}
	}
	// The thread everyone streams: all followers of one question.
	q, err := s.CreatePost(ctx, store.NewPost{CommunityID: org.ID, AuthorID: ids[0], Type: store.TypeQuestion, Title: "Vem vet hur?", Body: "?", Language: "sv"})
	if err != nil {
		return err
	}
	for _, id := range ids[:nStreams] {
		if err := s.Follow(ctx, id, store.FollowPost, strconv.FormatInt(q, 10)); err != nil {
			return err
		}
	}
	fmt.Printf("setup: %d people, %d posts in %s\n", nPeople, nPosts, time.Since(t0).Round(time.Second))

	// The server: the broker and the stream handler the web and API use,
	// without the session or token lookup (one indexed read per connect).
	broker := notify.NewBroker(s, nil)
	bctx, stop := context.WithCancel(ctx)
	defer stop()
	go broker.Run(bctx)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pid, _ := strconv.ParseInt(r.URL.Query().Get("p"), 10, 64)
		sub, err := broker.Subscribe(r.Context(), pid, "sv", notify.Watch{PostID: q}, "")
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		notify.Serve(w, r, broker, sub, -1, nil)
	})}
	go srv.Serve(ln)
	defer srv.Close()

	// Clients: one raw connection each, reading events line by line.
	before := memNow()
	type recv struct {
		reply int64
		at    time.Time
	}
	var received atomic.Int64
	results := make(chan recv, nStreams*burst*2+16)
	var conns []net.Conn
	for i := range nStreams {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			return fmt.Errorf("dial %d: %w (raise ulimit -n)", i, err)
		}
		conns = append(conns, c)
		fmt.Fprintf(c, "GET /events?p=%d HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n", ids[i])
		go func() {
			br := bufio.NewReaderSize(c, 1024)
			event := ""
			for {
				line, err := br.ReadString('\n')
				if err != nil {
					return
				}
				switch {
				case strings.HasPrefix(line, "event: "):
					event = strings.TrimSpace(line[7:])
				case strings.HasPrefix(line, "data: ") && event == "notification":
					// data: {"id":…,"kind":"answer","text":"…","url":"/p/Q#rR"}
					at := time.Now()
					if k := strings.Index(line, "#r"); k > 0 {
						end := strings.IndexByte(line[k:], '"')
						r, _ := strconv.ParseInt(line[k+2:k+end], 10, 64)
						results <- recv{reply: r, at: at}
						received.Add(1)
					}
				}
			}
		}()
	}
	for broker.Streams() < nStreams {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(2 * time.Second) // let the handshakes settle
	after := memNow()
	perStream := float64(after-before) / float64(nStreams) / 1024
	fmt.Printf("idle streams: %d open; heap+stacks grew %.1f MiB: %.1f KiB per stream (server and client side together)\n",
		nStreams, float64(after-before)/(1<<20), perStream)

	// The burst: answers on the question, each notifying every follower.
	if burstProfile != "" {
		f, err := os.Create(burstProfile)
		if err != nil {
			return err
		}
		pprof.StartCPUProfile(f)
	}
	fmt.Printf("load average before the burst: %s\n", machine.LoadAverage())
	start, committed := map[int64]time.Time{}, map[int64]time.Time{}
	cb := machine.ProcessCPU()
	tb := time.Now()
	for range burst {
		t := time.Now()
		r, err := s.CreateReply(ctx, store.NewReply{PostID: q, Kind: store.ReplyAnswer, AuthorID: ids[nPeople-1], Body: "Ett svar"})
		if err != nil {
			return err
		}
		start[r], committed[r] = t, time.Now()
	}
	writes := time.Since(tb)
	want := int64(nStreams * burst)
	if nPeople == nStreams {
		want -= int64(burst) // the answerer is one of the streams, and is not told of their own answer
	}
	deadline := time.Now().Add(2 * time.Minute)
	var lat, latCommit []time.Duration
	// One ticker to notice the deadline: a timer per event received
	// (time.After) was 10 % of what the burst allocated.
	tick := time.NewTicker(100 * time.Millisecond)
	for int64(len(lat)) < want && time.Now().Before(deadline) {
		select {
		case x := <-results:
			if t, ok := start[x.reply]; ok {
				lat = append(lat, x.at.Sub(t))
				latCommit = append(latCommit, x.at.Sub(committed[x.reply]))
			}
		case <-tick.C:
		}
	}
	tick.Stop()
	burstCPU := machine.ProcessCPU() - cb
	if burstProfile != "" {
		pprof.StopCPUProfile()
	}
	slices.Sort(lat)
	slices.Sort(latCommit)
	pct := func(lat []time.Duration, p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(float64(len(lat))*p))].Round(time.Millisecond)
	}
	fmt.Printf("burst: %d answers x %d followers written in %s; delivered %d of %d\n", burst, nStreams, writes.Round(time.Millisecond), len(lat), want)
	fmt.Printf("  latency from the start of each write: p50 %s, p99 %s, max %s\n", pct(lat, 0.50), pct(lat, 0.99), pct(lat, 1))
	fmt.Printf("  latency from its commit:              p50 %s, p99 %s, max %s\n", pct(latCommit, 0.50), pct(latCommit, 0.99), pct(latCommit, 1))
	fmt.Printf("  CPU time of the process during the burst (writes, delivery, clients): %s; load average after: %s\n", burstCPU.Round(time.Millisecond), machine.LoadAverage())
	for _, c := range conns {
		c.Close()
	}
	srv.Close()

	// Digests: each built with its reader's permissions, rendered in their language.
	m := &mail.Mailer{Store: s, BaseURL: "https://tacit.example.se", From: "Tacit <tacit@example.se>"}
	day := time.Now().Add(time.Hour)
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	fmt.Printf("load average before the digests: %s\n", machine.LoadAverage())
	nWorkers := digestWorkers
	if nWorkers <= 0 {
		nWorkers = runtime.GOMAXPROCS(0) * 2
	}
	cd := machine.ProcessCPU()
	td := time.Now()
	var built, empty atomic.Int64
	work := make(chan int64)
	var wg sync.WaitGroup
	for range nWorkers {
		wg.Go(func() {
			for id := range work {
				p, err := s.PersonByID(ctx, id)
				if err != nil {
					log.Fatal(err)
				}
				ms := store.MailSettings{Digest: "weekly", Token: "t"}
				_, ok, err := m.DigestMessage(ctx, p, ms, day)
				if err != nil {
					log.Fatal(err)
				}
				if ok {
					built.Add(1)
				} else {
					empty.Add(1)
				}
			}
		})
	}
	for i := range nDigests {
		work <- ids[i%nPeople]
	}
	close(work)
	wg.Wait()
	took, cpu := time.Since(td), machine.ProcessCPU()-cd
	fmt.Printf("digests: %d built (%d with content, %d empty) in %s: %.2f ms each, %d workers; CPU time %s (%.2f ms each); load average after: %s\n",
		nDigests, built.Load(), empty.Load(), took.Round(time.Millisecond), float64(took.Microseconds())/1000/float64(nDigests), nWorkers,
		cpu.Round(time.Millisecond), float64(cpu.Microseconds())/1000/float64(max(nDigests, 1)), machine.LoadAverage())
	return nil
}
