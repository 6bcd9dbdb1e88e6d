package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tacit-org/tacit/internal/importer"
	"github.com/tacit-org/tacit/internal/store"
)

// runImport is `tacit import stackexchange --community SLUG DIR`.
func runImport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "stackexchange" {
		fmt.Fprint(stderr, usage)
		return errors.New("unknown import source: want `tacit import stackexchange`")
	}
	fs := flag.NewFlagSet("import stackexchange", flag.ContinueOnError)
	slug := fs.String("community", "", "slug of the community to import into (required; it must exist)")
	site := fs.String("site", "", "the dump's site, such as beer.stackexchange.com (default: from the folder's name)")
	lang := fs.String("language", "en", "language of the imported posts: sv or en")
	flags, dir, err := splitDir(args[1:], "community", "site", "language", "data", "database-url")
	if err != nil {
		return err
	}
	cfg, err := loadFor("tacit import stackexchange", fs, flags, getenv, stderr)
	if err != nil {
		return err
	}
	var problems []string
	if *slug == "" {
		problems = append(problems, "--community: give the slug of the community to import into")
	}
	if *lang != "sv" && *lang != "en" {
		problems = append(problems, "--language: want sv or en")
	}
	if dir == "" {
		problems = append(problems, "DIR: give the folder that holds Posts.xml")
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	s, err := openStore(ctx, cfg, false)
	if err != nil {
		return err
	}
	defer s.Close()
	communityID, err := s.CommunityIDBySlugUnchecked(ctx, *slug)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no community has the slug %q: create it first", *slug)
	}
	if err != nil {
		return err
	}
	sum, err := importer.StackExchange(ctx, s, dir, importer.Options{
		CommunityID: communityID, Site: *site, Language: *lang, Log: stderr, Terminal: isTerminal(stderr),
	})
	if sum.Site != "" { // it began: say how far it came, also when it stopped
		printSummary(stdout, *slug, sum)
	}
	return err
}

// splitDir takes the one positional argument out of args, wherever it is
// among the flags; valued names the flags that take a value.
func splitDir(args []string, valued ...string) (flags []string, dir string, err error) {
	takesValue := map[string]bool{}
	for _, v := range valued {
		takesValue[v] = true
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest := args[i+1:]
			if len(rest) > 1 || (dir != "" && len(rest) == 1) {
				return nil, "", errors.New("import: give one DIR")
			}
			if len(rest) == 1 {
				dir = rest[0]
			}
			return flags, dir, nil
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			if name := strings.TrimLeft(a, "-"); !strings.Contains(name, "=") && takesValue[name] && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		case dir != "":
			return nil, "", fmt.Errorf("import: give one DIR, not %q and %q", dir, a)
		default:
			dir = a
		}
	}
	return flags, dir, nil
}

// isTerminal reports whether w is a terminal, where a progress bar can be redrawn in place.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func printSummary(w io.Writer, slug string, s importer.Summary) {
	fmt.Fprintf(w, "Imported %s into the community %q in %s:\n", s.Site, slug, s.Elapsed.Round(1e6))
	for _, c := range []struct {
		name string
		n    importer.Count
	}{{"questions", s.Questions}, {"answers", s.Answers}, {"accepted", s.Accepted}, {"comments", s.Comments}} {
		fmt.Fprintf(w, "  %-10s %6d new, %d already imported\n", c.name, c.n.New, c.n.Existing)
	}
	fmt.Fprintf(w, "  %-10s %6d new (deactivated: they cannot sign in)", "people", s.People)
	if s.Named > 0 {
		fmt.Fprintf(w, ", %d named from Users.xml", s.Named)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  %-10s %6d (each reported above with its line)\n", "skipped", s.Skipped)
	fmt.Fprintf(w, "  %-10s %6d rows that are neither questions nor answers (tag wikis, site notices)\n", "ignored", s.Ignored)
}
