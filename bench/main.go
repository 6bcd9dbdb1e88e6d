// Command bench measures Tacit's HTML surface under load. It fills a fresh
// database (SQLite or PostgreSQL) with a realistic organisation through the
// store package, starts the real HTTP stack in-process on a loopback
// listener, and drives it with concurrent keep-alive clients over TCP,
// printing throughput and latency percentiles per scenario.
//
//	go run ./bench --db sqlite
//	go run ./bench --db postgres --database-url postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
//
// Only 127.0.0.1 is contacted, and every loop ends by itself: the fill after
// its fixed number of rows, each scenario after --duration (or --requests).
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/tacit-org/tacit/bench/internal/benchdb"
	"github.com/tacit-org/tacit/internal/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// config is everything the flags set.
type config struct {
	db          string
	databaseURL string
	dataDir     string
	keep        bool
	reuse       bool
	posts       int
	communities int
	people      int
	clients     int
	duration    time.Duration
	warmup      time.Duration
	requests    int
	scenarios   []string
	fillWorkers int
	cpuProfile  string
	breakdown   int
	seed        uint64
}

const defaultPostgresURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: go run ./bench [flags]

Fills a fresh Tacit database through the store, then measures the HTML
surface (home feed, community page, post page with 20 answers, post
creation) with concurrent clients over loopback TCP.

Flags:
`)
		fs.PrintDefaults()
	}
	fs.StringVar(&c.db, "db", "sqlite", "database: sqlite or postgres")
	fs.StringVar(&c.databaseURL, "database-url", defaultPostgresURL,
		"PostgreSQL server; a uniquely named database is created on it and dropped afterwards (with --reuse: the database to use as is)")
	fs.StringVar(&c.dataDir, "data", "", "SQLite data directory (default a temporary directory, removed afterwards unless --keep)")
	fs.BoolVar(&c.keep, "keep", false, "keep the database (and temporary data directory) afterwards")
	fs.BoolVar(&c.reuse, "reuse", false, "skip the fill: --data or --database-url already holds a database filled by this bench")
	fs.IntVar(&c.posts, "posts", 100000, "posts to create")
	fs.IntVar(&c.communities, "communities", 50, "communities to create")
	fs.IntVar(&c.people, "people", 5000, "people to create")
	fs.IntVar(&c.clients, "clients", 32, "concurrent HTTP clients")
	fs.DurationVar(&c.duration, "duration", 20*time.Second, "measured time per scenario")
	fs.DurationVar(&c.warmup, "warmup", 3*time.Second, "unmeasured warm-up per scenario")
	fs.IntVar(&c.requests, "requests", 0, "measure this many requests per scenario instead of --duration (capped at 10 minutes)")
	scen := fs.String("scenarios", strings.Join(scenarioNames, ","), "scenarios to run, in order")
	fs.IntVar(&c.fillWorkers, "fill-workers", 4, "concurrent writers during the fill")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile of the measured phase (server and clients) to this file")
	fs.IntVar(&c.breakdown, "breakdown", 0, "before the load, time each store call of the measured pages this many times, one at a time")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed of the data and the request mix")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	switch {
	case c.db != "sqlite" && c.db != "postgres":
		return c, fmt.Errorf("--db must be sqlite or postgres, not %q", c.db)
	case c.people < 10 || c.communities < 2 || c.posts < 1:
		return c, errors.New("need at least 10 people, 2 communities and 1 post")
	case c.communities > c.people:
		return c, errors.New("--communities may not exceed --people: every community has its own owner")
	case c.clients < 1 || c.fillWorkers < 1:
		return c, errors.New("--clients and --fill-workers must be at least 1")
	case c.duration <= 0 && c.requests <= 0:
		return c, errors.New("--duration or --requests must be positive")
	case c.reuse && c.db == "sqlite" && c.dataDir == "":
		return c, errors.New("--reuse needs --data on SQLite")
	}
	for _, s := range strings.Split(*scen, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if !knownScenario(s) {
			return c, fmt.Errorf("unknown scenario %q (want some of %s)", s, strings.Join(scenarioNames, ","))
		}
		c.scenarios = append(c.scenarios, s)
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "bench: %s, %s/%s, GOMAXPROCS=%d, %s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0), cfg.db)

	db, err := benchdb.Prepare(ctx, benchdb.Options{Kind: cfg.db, DataDir: cfg.dataDir, DatabaseURL: cfg.databaseURL, Reuse: cfg.reuse, Keep: cfg.keep, Name: "tacit-bench"}, stdout)
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

	raw, err := db.OpenRaw()
	if err != nil {
		return err
	}
	defer raw.Close()

	if !cfg.reuse {
		if err := fill(ctx, s, cfg, stdout); err != nil {
			return fmt.Errorf("fill: %w", err)
		}
		if cfg.db == "postgres" {
			// Autovacuum would vacuum and analyse the new tables within minutes
			// on a live server (statistics for the planner, the visibility map
			// for index-only scans); doing it now makes runs repeatable.
			t := time.Now()
			if _, err := raw.ExecContext(ctx, `VACUUM ANALYZE`); err != nil {
				return fmt.Errorf("vacuum analyze: %w", err)
			}
			fmt.Fprintf(stdout, "fill: VACUUM ANALYZE in %.1fs\n", time.Since(t).Seconds())
		}
	}
	if err := report(ctx, db, raw, stdout); err != nil {
		return err
	}

	targets, err := loadTargets(ctx, s, raw, cfg)
	if err != nil {
		return fmt.Errorf("targets: %w", err)
	}

	if cfg.breakdown > 0 {
		if err := breakdown(ctx, s, targets[0], cfg.breakdown, stdout); err != nil {
			return fmt.Errorf("breakdown: %w", err)
		}
	}

	if cfg.cpuProfile != "" {
		f, err := os.Create(cfg.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if len(cfg.scenarios) == 0 {
		return nil
	}
	results, err := measure(ctx, s, cfg, targets, stdout, stderr)
	if err != nil {
		return err
	}
	printResults(stdout, cfg, results)
	return nil
}

// countedTables are reported after the fill.
var countedTables = []string{"people", "person_expertise", "communities", "memberships", "follows", "posts", "post_tags",
	"replies", "reactions", "audit_log"}

// report prints the rows per table and the size of the database on disk.
func report(ctx context.Context, db *benchdb.Database, raw *sql.DB, stdout io.Writer) error {
	var parts []string
	for _, t := range countedTables {
		var n int64
		if err := raw.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
			return fmt.Errorf("count %s: %w", t, err)
		}
		parts = append(parts, fmt.Sprintf("%s %d", t, n))
	}
	fmt.Fprintf(stdout, "rows: %s\n", strings.Join(parts, ", "))
	if db.Kind == "postgres" {
		var size int64
		if err := raw.QueryRowContext(ctx, `SELECT pg_database_size(current_database())`).Scan(&size); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "database size: %s (pg_database_size)\n", benchdb.MiB(size))
		return nil
	}
	// Fold the WAL into the main file so its size is the data's size.
	if _, err := raw.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return err
	}
	var total int64
	var files []string
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(filepath.Join(db.DataDir, "tacit.db"+suffix)); err == nil {
			total += fi.Size()
			files = append(files, fmt.Sprintf("tacit.db%s %s", suffix, benchdb.MiB(fi.Size())))
		}
	}
	fmt.Fprintf(stdout, "database size: %s (%s)\n", benchdb.MiB(total), strings.Join(files, ", "))
	return nil
}
