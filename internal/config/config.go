// Package config reads Tacit's settings from flags and TACIT_* environment
// variables into one typed, validated struct.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/mail"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config holds every setting of a running Tacit.
type Config struct {
	Addr         string        // TACIT_ADDR: where to listen
	DataDir      string        // TACIT_DATA: the data directory (SQLite file, media)
	DatabaseURL  string        // TACIT_DATABASE_URL: a postgres:// URL selects PostgreSQL
	BaseURL      string        // TACIT_BASE_URL: the public URL; https makes cookies Secure
	Demo         bool          // TACIT_DEMO: fill an empty instance with the demo organisation
	Migrate      bool          // TACIT_MIGRATE: apply pending migrations at start
	MaxBodyBytes int64         // TACIT_MAX_BODY: largest accepted post body in bytes
	SessionTTL   time.Duration // TACIT_SESSION_TTL: how long a sign-in lasts
	LogLevel     string        // TACIT_LOG_LEVEL: debug, info, warn, error
	// NewAccountAge is how long an account counts as new (TACIT_NEW_ACCOUNT_AGE, 0 turns the limits off).
	NewAccountAge time.Duration
	// NewAccountPosts is how many posts and replies a new account may write per hour (TACIT_NEW_ACCOUNT_POSTS).
	NewAccountPosts int
	// NewAccountUploads is how many files a new account may upload per hour (TACIT_NEW_ACCOUNT_UPLOADS).
	NewAccountUploads int
	SMTPHost          string // TACIT_SMTP_HOST: mail server; empty writes mail to <data>/mail as .eml files
	SMTPPort          int    // TACIT_SMTP_PORT: default 587 (STARTTLS is used when offered)
	SMTPUser          string // TACIT_SMTP_USER: for PLAIN authentication; empty sends none
	SMTPPassword      string // TACIT_SMTP_PASSWORD
	SMTPFrom          string // TACIT_SMTP_FROM: sender, e.g. "Tacit <tacit@example.se>"
	Media             Media  // uploads: limits and where files are kept
}

// MailDir is where mail goes when no SMTP server is configured.
func (c Config) MailDir() string { return filepath.Join(c.DataDir, "mail") }

// PublicURL is BaseURL, or the listen address when none is set, for links in mail.
func (c Config) PublicURL() string {
	if c.BaseURL != "" {
		return strings.TrimRight(c.BaseURL, "/")
	}
	return "http://" + c.Addr
}

// Media holds the settings of uploaded files.
type Media struct {
	MaxImageBytes int64         // TACIT_MEDIA_MAX_IMAGE: largest image in bytes (20 MB)
	MaxVideoBytes int64         // TACIT_MEDIA_MAX_VIDEO: largest video clip in bytes (200 MB)
	MaxPDFBytes   int64         // TACIT_MEDIA_MAX_PDF: largest PDF in bytes (20 MB)
	MaxDuration   time.Duration // TACIT_MEDIA_MAX_DURATION: longest video clip (5m)
	OrphanAfter   time.Duration // TACIT_MEDIA_ORPHAN_AFTER: an upload not attached by then is removed (6h)
	FFmpegTimeout time.Duration // TACIT_MEDIA_FFMPEG_TIMEOUT: time (and processor time) of one ffmpeg run (60s)
	FFmpegMemory  int64         // TACIT_MEDIA_FFMPEG_MEMORY: address space of one ffmpeg run in bytes (1 GiB)
	// S3 is set to keep files in an S3-compatible object store instead of
	// the data directory.
	S3 S3
}

// S3 locates an S3-compatible object store; an empty Endpoint means none.
type S3 struct {
	Endpoint  string // TACIT_S3_ENDPOINT: e.g. https://s3.eu-north-1.amazonaws.com or http://127.0.0.1:8333
	Bucket    string // TACIT_S3_BUCKET
	Region    string // TACIT_S3_REGION (us-east-1)
	AccessKey string // TACIT_S3_ACCESS_KEY
	SecretKey string // TACIT_S3_SECRET_KEY
}

// Secure reports whether Tacit is served over TLS, judged by its public URL.
func (c Config) Secure() bool { return strings.HasPrefix(c.BaseURL, "https://") }

// Load parses flags (which win) and environment variables.
func Load(name string, args []string, getenv func(string) string, stderr io.Writer) (Config, error) {
	env := func(key, def string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return def
	}
	envBool := func(key string) bool {
		b, _ := strconv.ParseBool(getenv(key))
		return b
	}
	var c Config
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Addr, "addr", env("TACIT_ADDR", "127.0.0.1:8080"), "listen address (TACIT_ADDR)")
	fs.StringVar(&c.DataDir, "data", env("TACIT_DATA", "./tacit-data"), "data directory (TACIT_DATA)")
	fs.StringVar(&c.DatabaseURL, "database-url", env("TACIT_DATABASE_URL", ""), "postgres:// URL; empty means SQLite in the data directory (TACIT_DATABASE_URL)")
	fs.StringVar(&c.BaseURL, "base-url", env("TACIT_BASE_URL", ""), "public URL, e.g. https://tacit.example.se (TACIT_BASE_URL)")
	fs.BoolVar(&c.Demo, "demo", envBool("TACIT_DEMO"), "fill an empty instance with a demo organisation (TACIT_DEMO)")
	fs.BoolVar(&c.Migrate, "migrate", envBool("TACIT_MIGRATE"), "apply pending database migrations at start (TACIT_MIGRATE)")
	maxBody := fs.Int64("max-body", 64*1024, "largest post or reply body in bytes (TACIT_MAX_BODY)")
	if v := getenv("TACIT_MAX_BODY"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return c, fmt.Errorf("TACIT_MAX_BODY: %w", err)
		}
		*maxBody = n
	}
	fs.DurationVar(&c.SessionTTL, "session-ttl", 30*24*time.Hour, "how long a sign-in lasts (TACIT_SESSION_TTL)")
	if v := getenv("TACIT_SESSION_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return c, fmt.Errorf("TACIT_SESSION_TTL: %w", err)
		}
		c.SessionTTL = d
	}
	fs.DurationVar(&c.NewAccountAge, "new-account-age", envDuration(getenv, "TACIT_NEW_ACCOUNT_AGE", 24*time.Hour), "how long an account counts as new; 0 turns new-account limits off (TACIT_NEW_ACCOUNT_AGE)")
	fs.IntVar(&c.NewAccountPosts, "new-account-posts", envInt(getenv, "TACIT_NEW_ACCOUNT_POSTS", 10), "posts and replies a new account may write per hour (TACIT_NEW_ACCOUNT_POSTS)")
	fs.IntVar(&c.NewAccountUploads, "new-account-uploads", envInt(getenv, "TACIT_NEW_ACCOUNT_UPLOADS", 10), "files a new account may upload per hour (TACIT_NEW_ACCOUNT_UPLOADS)")
	fs.StringVar(&c.LogLevel, "log-level", env("TACIT_LOG_LEVEL", "info"), "debug, info, warn or error (TACIT_LOG_LEVEL)")
	fs.StringVar(&c.SMTPHost, "smtp-host", env("TACIT_SMTP_HOST", ""), "SMTP server; empty writes mail as .eml files to <data>/mail (TACIT_SMTP_HOST)")
	fs.IntVar(&c.SMTPPort, "smtp-port", 587, "SMTP port (TACIT_SMTP_PORT)")
	if v := getenv("TACIT_SMTP_PORT"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return c, fmt.Errorf("TACIT_SMTP_PORT: %w", err)
		}
		c.SMTPPort = n
	}
	fs.StringVar(&c.SMTPUser, "smtp-user", env("TACIT_SMTP_USER", ""), "SMTP user (TACIT_SMTP_USER)")
	c.SMTPPassword = getenv("TACIT_SMTP_PASSWORD") // never a flag: flags show in process lists
	fs.StringVar(&c.SMTPFrom, "smtp-from", env("TACIT_SMTP_FROM", "Tacit <tacit@localhost>"), "sender address of mail (TACIT_SMTP_FROM)")
	sizes := []struct {
		flag, key string
		def       int64
		dst       *int64
	}{
		{"media-max-image", "TACIT_MEDIA_MAX_IMAGE", 20 << 20, &c.Media.MaxImageBytes},
		{"media-max-video", "TACIT_MEDIA_MAX_VIDEO", 200 << 20, &c.Media.MaxVideoBytes},
		{"media-max-pdf", "TACIT_MEDIA_MAX_PDF", 20 << 20, &c.Media.MaxPDFBytes},
		{"media-ffmpeg-memory", "TACIT_MEDIA_FFMPEG_MEMORY", 1 << 30, &c.Media.FFmpegMemory},
	}
	for _, sz := range sizes {
		def := sz.def
		if v := getenv(sz.key); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return c, fmt.Errorf("%s: %w", sz.key, err)
			}
			def = n
		}
		usage := "largest upload of this kind in bytes"
		if sz.key == "TACIT_MEDIA_FFMPEG_MEMORY" {
			usage = "address space of one ffmpeg run in bytes"
		}
		fs.Int64Var(sz.dst, sz.flag, def, usage+" ("+sz.key+")")
	}
	durations := []struct {
		flag, key string
		def       time.Duration
		dst       *time.Duration
	}{
		{"media-max-duration", "TACIT_MEDIA_MAX_DURATION", 5 * time.Minute, &c.Media.MaxDuration},
		{"media-orphan-after", "TACIT_MEDIA_ORPHAN_AFTER", 6 * time.Hour, &c.Media.OrphanAfter},
		{"media-ffmpeg-timeout", "TACIT_MEDIA_FFMPEG_TIMEOUT", time.Minute, &c.Media.FFmpegTimeout},
	}
	for _, d := range durations {
		def := d.def
		if v := getenv(d.key); v != "" {
			x, err := time.ParseDuration(v)
			if err != nil {
				return c, fmt.Errorf("%s: %w", d.key, err)
			}
			def = x
		}
		fs.DurationVar(d.dst, d.flag, def, "("+d.key+")")
	}
	fs.StringVar(&c.Media.S3.Endpoint, "s3-endpoint", env("TACIT_S3_ENDPOINT", ""), "S3-compatible object store for media; empty keeps files in the data directory (TACIT_S3_ENDPOINT)")
	fs.StringVar(&c.Media.S3.Bucket, "s3-bucket", env("TACIT_S3_BUCKET", ""), "bucket for media (TACIT_S3_BUCKET)")
	fs.StringVar(&c.Media.S3.Region, "s3-region", env("TACIT_S3_REGION", "us-east-1"), "region for request signing (TACIT_S3_REGION)")
	c.Media.S3.AccessKey = getenv("TACIT_S3_ACCESS_KEY")
	c.Media.S3.SecretKey = getenv("TACIT_S3_SECRET_KEY")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	c.MaxBodyBytes = *maxBody
	return c, c.validate()
}

func (c Config) validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("addr %q: want host:port", c.Addr))
	}
	if c.DataDir == "" {
		errs = append(errs, errors.New("data: must not be empty"))
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		errs = append(errs, errors.New("database-url: must be a postgres:// URL"))
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("base-url %q: want http(s)://host", c.BaseURL))
		}
	}
	if c.MaxBodyBytes < 1024 || c.MaxBodyBytes > 16<<20 {
		errs = append(errs, errors.New("max-body: must be between 1 KiB and 16 MiB"))
	}
	if c.SessionTTL < time.Minute {
		errs = append(errs, errors.New("session-ttl: must be at least a minute"))
	}
	if c.NewAccountAge < 0 || c.NewAccountPosts < 0 || c.NewAccountUploads < 0 {
		errs = append(errs, errors.New("new-account limits: must not be negative"))
	}
	if c.SMTPPort < 1 || c.SMTPPort > 65535 {
		errs = append(errs, errors.New("smtp-port: must be between 1 and 65535"))
	}
	if _, err := mail.ParseAddress(c.SMTPFrom); err != nil {
		errs = append(errs, fmt.Errorf("smtp-from %q: want an address such as \"Tacit <tacit@example.se>\"", c.SMTPFrom))
	}
	for name, n := range map[string]int64{"media-max-image": c.Media.MaxImageBytes, "media-max-video": c.Media.MaxVideoBytes, "media-max-pdf": c.Media.MaxPDFBytes} {
		if n < 1024 || n > 16<<30 {
			errs = append(errs, fmt.Errorf("%s: must be between 1 KiB and 16 GiB", name))
		}
	}
	if c.Media.MaxDuration < time.Second {
		errs = append(errs, errors.New("media-max-duration: must be at least a second"))
	}
	if c.Media.OrphanAfter < time.Minute {
		errs = append(errs, errors.New("media-orphan-after: must be at least a minute"))
	}
	// The job that runs ffmpeg has two minutes; ffmpeg gets at most that.
	if c.Media.FFmpegTimeout < time.Second || c.Media.FFmpegTimeout > 2*time.Minute {
		errs = append(errs, errors.New("media-ffmpeg-timeout: must be between a second and two minutes"))
	}
	if c.Media.FFmpegMemory < 64<<20 || c.Media.FFmpegMemory > 64<<30 {
		errs = append(errs, errors.New("media-ffmpeg-memory: must be between 64 MiB and 64 GiB"))
	}
	if s3 := c.Media.S3; s3.Endpoint != "" {
		u, err := url.Parse(s3.Endpoint)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("s3-endpoint %q: want http(s)://host", s3.Endpoint))
		}
		if s3.Bucket == "" || s3.AccessKey == "" || s3.SecretKey == "" {
			errs = append(errs, errors.New("s3: TACIT_S3_BUCKET, TACIT_S3_ACCESS_KEY and TACIT_S3_SECRET_KEY are needed with TACIT_S3_ENDPOINT"))
		}
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log-level %q: want debug, info, warn or error", c.LogLevel))
	}
	return errors.Join(errs...)
}

// envDuration reads a duration from the environment; a malformed value
// falls back to def and is reported by the flag of the same name if given.
func envDuration(getenv func(string) string, key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(getenv(key)); err == nil {
		return d
	}
	return def
}

// envInt reads a whole number from the environment, or def.
func envInt(getenv func(string) string, key string, def int) int {
	if n, err := strconv.Atoi(getenv(key)); err == nil {
		return n
	}
	return def
}
