package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/tacit-org/tacit/internal/auth"
	"github.com/tacit-org/tacit/internal/config"
	"github.com/tacit-org/tacit/internal/store"
)

// loadFor parses a subcommand's own flags plus the common ones (--data,
// --database-url) that say which database to use.
func loadFor(name string, fs *flag.FlagSet, args []string, getenv func(string) string, stderr io.Writer) (config.Config, error) {
	fs.SetOutput(stderr)
	data := fs.String("data", "", "data directory (TACIT_DATA)")
	dbURL := fs.String("database-url", "", "postgres:// URL (TACIT_DATABASE_URL)")
	if err := fs.Parse(args); err != nil {
		return config.Config{}, err
	}
	var common []string
	if *data != "" {
		common = append(common, "--data", *data)
	}
	if *dbURL != "" {
		common = append(common, "--database-url", *dbURL)
	}
	if fs.NArg() > 0 {
		return config.Config{}, fmt.Errorf("%s: unexpected argument %q", name, fs.Arg(0))
	}
	return config.Load(name, common, getenv, stderr)
}

func runMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := loadFor("tacit migrate", flag.NewFlagSet("migrate", flag.ContinueOnError), args, getenv, stderr)
	if err != nil {
		return err
	}
	s, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.Migrate(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		fmt.Fprintln(stdout, "The database schema is up to date.")
	} else {
		fmt.Fprintf(stdout, "Applied %d migration(s); the database schema is up to date.\n", n)
	}
	return nil
}

func runUserAdd(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	email := fs.String("email", "", "e-mail address (required)")
	name := fs.String("name", "", "full name (required)")
	admin := fs.Bool("admin", false, "make the person an organisation admin")
	dept := fs.String("department", "", "department")
	title := fs.String("title", "", "role title")
	lang := fs.String("language", "sv", "interface language: sv or en")
	link := fs.Bool("link", false, "print a one-time link to set a password instead of reading one from standard input")
	cfg, err := loadFor("tacit user add", fs, args, getenv, stderr)
	if err != nil {
		return err
	}
	np := store.NewPerson{Email: strings.TrimSpace(*email), Name: strings.TrimSpace(*name), Department: strings.TrimSpace(*dept),
		Title: strings.TrimSpace(*title), Language: *lang, Admin: *admin}
	var problems []string
	if !store.ValidEmail(np.Email) {
		problems = append(problems, "--email: give a valid e-mail address")
	}
	if fe := (store.Profile{Name: np.Name, Department: np.Department, Title: np.Title, Language: np.Language}).Validate(); len(fe) > 0 {
		for _, f := range sortedKeys(fe) {
			problems = append(problems, fmt.Sprintf("--%s: %s", f, strings.TrimPrefix(fe[f], "error.")))
		}
	}
	if !*link {
		password, err := readPassword(stdin)
		if err != nil {
			return err
		}
		if len([]rune(password)) < store.MinPassword {
			problems = append(problems, fmt.Sprintf("password: use at least %d characters (or pass --link)", store.MinPassword))
		} else if np.PasswordHash, err = auth.HashPassword(password); err != nil {
			return err
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	s, err := openStore(ctx, cfg, false)
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := s.CreatePerson(ctx, np)
	if errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("someone already has the e-mail address %s", np.Email)
	}
	if err != nil {
		return err
	}
	role := "member"
	if p.Admin {
		role = "organisation admin"
	}
	fmt.Fprintf(stdout, "Created %s <%s> (id %d, %s).\n", p.Name, p.Email, p.ID, role)
	if *link {
		token := auth.NewSecret("")
		if err := s.CreateSigninLink(ctx, p.ID, auth.HashSecret(token), 7*24*time.Hour); err != nil {
			return err
		}
		base := strings.TrimRight(cfg.BaseURL, "/")
		if base == "" {
			base = "http://" + cfg.Addr
		}
		fmt.Fprintf(stdout, "One-time sign-in link (valid 7 days): %s/signin/link/%s\n", base, token)
	}
	return nil
}

// readPassword reads the first line of standard input.
func readPassword(r io.Reader) (string, error) {
	if r == nil {
		return "", nil
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func runTokenCreate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("token create", flag.ContinueOnError)
	email := fs.String("email", "", "e-mail address of the token's owner (required)")
	scope := fs.String("scope", store.ScopeRead, "read, write or admin")
	name := fs.String("name", "command line", "a name to recognise the token by")
	cfg, err := loadFor("tacit token create", fs, args, getenv, stderr)
	if err != nil {
		return err
	}
	if !slices.Contains([]string{store.ScopeRead, store.ScopeWrite, store.ScopeAdmin}, *scope) {
		return fmt.Errorf("--scope: want read, write or admin, not %q", *scope)
	}
	s, err := openStore(ctx, cfg, false)
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := s.PersonByEmail(ctx, *email)
	if errors.Is(err, store.ErrNotFound) || (err == nil && p.Deactivated) {
		return fmt.Errorf("no active person has the e-mail address %q", *email)
	}
	if err != nil {
		return err
	}
	if *scope == store.ScopeAdmin && !p.Admin {
		return fmt.Errorf("%s is not an organisation admin: an admin token needs one", p.Email)
	}
	secret := auth.NewSecret("tacit_")
	if _, err := s.CreateToken(ctx, p.ID, strings.TrimSpace(*name), *scope, auth.HashSecret(secret)); err != nil {
		return err
	}
	fmt.Fprintln(stdout, secret)
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
