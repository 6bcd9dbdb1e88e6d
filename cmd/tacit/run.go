package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/tacit-org/tacit/internal/api"
	"github.com/tacit-org/tacit/internal/config"
	"github.com/tacit-org/tacit/internal/demo"
	"github.com/tacit-org/tacit/internal/jobs"
	"github.com/tacit-org/tacit/internal/media"
	"github.com/tacit-org/tacit/internal/notify"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/web"
)

const usage = `Usage:
  tacit [flags]                      serve Tacit (see tacit --help for flags)
  tacit migrate [flags]              bring the database schema up to date
  tacit user add --email E --name N [--admin] [--department D] [--title T] [--language sv|en] [--link]
                                     create a person; the password is read from standard input,
                                     or with --link a one-time sign-in link is printed
  tacit token create --email E [--scope read|write|admin] [--name N]
                                     print a new personal API token (shown once)
  tacit import stackexchange --community SLUG [--site S] DIR
                                     import a Stack Exchange data dump (Posts.xml, …) into a community
`

// run is the whole program: tests call it as the binary would be called.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "migrate":
			return runMigrate(ctx, args[1:], getenv, stdout, stderr)
		case "import":
			return runImport(ctx, args[1:], getenv, stdout, stderr)
		case "user":
			if len(args) > 1 && args[1] == "add" {
				return runUserAdd(ctx, args[2:], getenv, stdin, stdout, stderr)
			}
			fmt.Fprint(stderr, usage)
			return errors.New("unknown user command")
		case "token":
			if len(args) > 1 && args[1] == "create" {
				return runTokenCreate(ctx, args[2:], getenv, stdout, stderr)
			}
			fmt.Fprint(stderr, usage)
			return errors.New("unknown token command")
		case "help", "-h", "--help":
			if args[0] == "help" {
				fmt.Fprint(stdout, usage)
				return nil
			}
		}
	}
	return serve(ctx, args, getenv, stdout, stderr)
}

func newLogger(level string, w io.Writer) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// openStore opens the configured database and checks the schema: pending
// migrations are applied when migrate is true and refused otherwise.
func openStore(ctx context.Context, cfg config.Config, migrate bool) (*store.Store, error) {
	s, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	pending, err := s.Pending(ctx)
	if err != nil {
		s.Close()
		return nil, err
	}
	if pending > 0 {
		if !migrate {
			s.Close()
			return nil, fmt.Errorf("the database schema is %d migration(s) behind: run `tacit migrate` or start with --migrate", pending)
		}
		if _, err := s.Migrate(ctx); err != nil {
			s.Close()
			return nil, err
		}
	}
	// Posts written before the search index existed get their rows; one
	// query when none is missing.
	if _, err := s.Reindex(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// isNew reports whether the database has never been migrated, so a first
// start (and every demo) needs no separate migrate step.
func isNew(ctx context.Context, cfg config.Config) (bool, error) {
	s, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return false, err
	}
	defer s.Close()
	return s.Empty(ctx)
}

// newApp assembles the whole HTTP surface exactly as the server runs it,
// middleware included, and lists every route pattern its routers know. Tests
// build their handler here, so what they sweep is what production serves.
// broker delivers live events; nil gives the web and the API one of their own.
func newApp(s *store.Store, cfg config.Config, log *slog.Logger, views *store.Views, demoHint string, broker *notify.Broker) (http.Handler, []string, error) {
	newAccounts := store.NewAccountLimits{Age: cfg.NewAccountAge, PerHour: cfg.NewAccountPosts, UploadsPerHour: cfg.NewAccountUploads}
	md, err := newMedia(cfg, s, log)
	if err != nil {
		return nil, nil, err
	}
	w, err := web.New(s, web.Options{MaxBodyBytes: cfg.MaxBodyBytes, Secure: cfg.Secure(), SessionTTL: cfg.SessionTTL,
		Logger: log, Views: views, DemoHint: demoHint, NewAccounts: newAccounts, Broker: broker, MailNote: mailNote(cfg), BaseURL: cfg.BaseURL, Media: md})
	if err != nil {
		return nil, nil, err
	}
	a := api.New(s, api.Options{MaxBodyBytes: cfg.MaxBodyBytes, Logger: log, Views: views, NewAccounts: newAccounts, Broker: broker, Media: md})

	mux := http.NewServeMux()
	mux.HandleFunc(healthzRoute, func(rw http.ResponseWriter, r *http.Request) {
		if err := s.Ping(r.Context()); err != nil {
			http.Error(rw, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(rw, "ok\n")
	})
	mux.Handle("/api/v1/", a.Handler())
	mux.Handle("/", w.Handler())
	routes := append([]string{healthzRoute}, w.Routes()...)
	routes = append(routes, a.Routes()...)
	return web.SecurityHeaders(cfg.Secure(), http.NewCrossOriginProtection().Handler(mux)), routes, nil
}

const healthzRoute = "GET /healthz"

func serve(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := config.Load("tacit", args, getenv, stderr)
	if err != nil {
		return err
	}
	log := newLogger(cfg.LogLevel, stderr)
	fresh, err := isNew(ctx, cfg)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, cfg, cfg.Migrate || fresh || cfg.Demo)
	if err != nil {
		return err
	}
	defer s.Close()

	demoHint := ""
	if cfg.Demo {
		sum, created, err := demo.Seed(ctx, s, time.Now())
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if created {
			fmt.Fprintf(stdout, "Demo organisation Fjällvind AB created: %d people, %d communities, %d posts, %d answers and comments.\n",
				sum.People, sum.Communities, sum.Posts, sum.Replies)
		}
		demoHint = fmt.Sprintf("%s (admin) · %s · %s", demo.Email("Karin Lindqvist"), demo.Email("Niklas Persson"), demo.Password)
	}

	if err := newMailer(cfg, s).Start(ctx); err != nil { // today's digest schedule, once
		return err
	}
	views := &store.Views{}
	md, err := newMedia(cfg, s, log)
	if err != nil {
		return err
	}
	if s3, ok := md.Blobs.(*media.S3); ok {
		// The bucket may exist already, or the keys may not be allowed to
		// make one: uploads will say so, so starting goes on.
		bctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		if err := s3.CreateBucket(bctx); err != nil {
			log.Warn("media: could not make the S3 bucket", slog.Any("err", err))
		}
		cancel()
	}
	broker := notify.NewBroker(s, log) // live events for the web and the API
	handler, _, err := newApp(s, cfg, log, views, demoHint, broker)
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	srv.RegisterOnShutdown(broker.Close) // open event streams would hold the shutdown up

	// Workers: view counts are flushed in batches, expired sessions swept.
	workCtx, stopWork := context.WithCancel(context.Background())
	liveDone := make(chan struct{})
	go func() { defer close(liveDone); broker.Run(workCtx) }()
	workDone := make(chan struct{})
	go func() {
		defer close(workDone)
		tick := time.NewTicker(5 * time.Second)
		defer tick.Stop()
		sweep := time.NewTicker(time.Hour)
		defer sweep.Stop()
		for {
			select {
			case <-workCtx.Done():
				if err := s.FlushViews(context.Background(), views); err != nil {
					log.Error("flush views", slog.Any("err", err))
				}
				return
			case <-tick.C:
				if err := s.FlushViews(workCtx, views); err != nil && workCtx.Err() == nil {
					log.Error("flush views", slog.Any("err", err))
				}
			case <-sweep.C:
				if err := s.DeleteExpiredSessions(workCtx); err != nil && workCtx.Err() == nil {
					log.Error("sweep sessions", slog.Any("err", err))
				}
			}
		}
	}()

	// The full-text index is merged in the background, a step at a time,
	// soon after start (a reindex writes many segments) and then hourly.
	mergeDone := make(chan struct{})
	go func() {
		defer close(mergeDone)
		wait := time.NewTimer(time.Minute)
		defer wait.Stop()
		for {
			select {
			case <-workCtx.Done():
				return
			case <-wait.C:
				if _, err := s.MergeSearchIndex(workCtx, 1000); err != nil && workCtx.Err() == nil {
					log.Error("merge search index", slog.Any("err", err))
				}
				wait.Reset(time.Hour)
			}
		}
	}()

	// Durable background jobs (mail, digests, media); each feature adds its kinds in jobKinds.
	runner := jobs.New(s, log, jobKinds(cfg, s, log))
	jobsDone := make(chan struct{})
	go func() { defer close(jobsDone); runner.Run(workCtx, 2) }()

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	where := "SQLite in " + cfg.DataDir
	if s.Dialect() == store.Postgres {
		where = "PostgreSQL"
	}
	fmt.Fprintf(stdout, "Tacit is running at http://%s (data: %s)\n", ln.Addr(), where)
	if cfg.Demo {
		fmt.Fprintf(stdout, "Sign in as %s (organisation admin) or %s (member), password %q.\n",
			demo.Email("Karin Lindqvist"), demo.Email("Niklas Persson"), demo.Password)
	}

	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-errc:
	}
	// Stop HTTP first, then the workers, so no request finds them gone.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Warn("shutdown", slog.Any("err", err))
	}
	stopWork()
	<-workDone
	<-jobsDone
	<-mergeDone
	<-liveDone
	if errors.Is(serveErr, http.ErrServerClosed) {
		serveErr = nil
	}
	return serveErr
}

// mailNote tells admins where mail goes (DESIGN: with no SMTP server, the
// admin page says that mail is written to a folder).
func mailNote(cfg config.Config) web.MailNote {
	if cfg.SMTPHost == "" {
		return web.MailNote{Dir: cfg.MailDir()}
	}
	return web.MailNote{SMTP: net.JoinHostPort(cfg.SMTPHost, strconv.Itoa(cfg.SMTPPort))}
}
