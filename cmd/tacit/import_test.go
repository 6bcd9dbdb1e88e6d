package main

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// TestImportCommand runs `tacit import stackexchange` on the small dump of
// internal/importer/testdata/bad: the summary, each bad row by its line,
// nothing imported twice on a second run, the imported posts searchable,
// and mistakes on the command line named.
func TestImportCommand(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	db := storetest.URL(t)
	where := []string{"--data", data}
	if db != "" {
		where = append(where, "--database-url", db)
	}
	with := func(args ...string) []string { return append(args, where...) }
	dump := filepath.Join("..", "..", "internal", "importer", "testdata", "bad")

	if out, err := cli(t, "", with("migrate")...); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	s, err := store.Open(ctx, db, data)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	owner, err := s.CreatePerson(ctx, store.NewPerson{Email: "owner@example.se", Name: "Owner", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateCommunity(ctx, owner.ID, "ol", store.CommunitySettings{Name: "Öl", Kind: store.KindSubject, Visibility: store.VisibilityOpen}); err != nil {
		t.Fatal(err)
	}

	// The DIR may come before or after the flags.
	out, err := cli(t, "", with("import", "stackexchange", dump, "--community", "ol", "--site", "test.stackexchange.com")...)
	if err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`Imported test\.stackexchange\.com into the community "ol" in `),
		regexp.MustCompile(`questions +4 new, 0 already imported`),
		regexp.MustCompile(`answers +2 new, 0 already imported`),
		regexp.MustCompile(`accepted +2 new, 0 already imported`),
		regexp.MustCompile(`comments +2 new, 0 already imported`),
		regexp.MustCompile(`people +6 new \(deactivated: they cannot sign in\), 3 named from Users\.xml`),
		regexp.MustCompile(`skipped +10 `),
		regexp.MustCompile(`ignored +1 `),
		regexp.MustCompile(`line 5: post 2: CreationDate "yesterday" is not a date`),
		regexp.MustCompile(`line 9: the XML cannot be read`),
	} {
		if !want.MatchString(out) {
			t.Errorf("first import: output does not match %s:\n%s", want, out)
		}
	}

	// Again: nothing new, everything found as imported before.
	out, err = cli(t, "", with("import", "stackexchange", "--community", "ol", "--site", "test.stackexchange.com", dump)...)
	if err != nil {
		t.Fatalf("second import: %v\n%s", err, out)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`questions +0 new, 4 already imported`),
		regexp.MustCompile(`answers +0 new, 2 already imported`),
		regexp.MustCompile(`accepted +0 new, 2 already imported`),
		regexp.MustCompile(`comments +0 new, 2 already imported`),
		regexp.MustCompile(`people +0 new`),
	} {
		if !want.MatchString(out) {
			t.Errorf("second import: output does not match %s:\n%s", want, out)
		}
	}
	res, err := s.Search(ctx, store.Viewer{ID: owner.ID}, search.Parse("citra"), 1, 10)
	if err != nil || res.Total != 1 || res.Hits[0].Title != "What is a citra hop?" {
		t.Errorf("search citra after import: %+v, %v", res, err)
	}

	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no such community", with("import", "stackexchange", "--community", "finns-inte", dump), `no community has the slug "finns-inte"`},
		{"no community", with("import", "stackexchange", dump), "--community"},
		{"no dir", with("import", "stackexchange", "--community", "ol"), "DIR"},
		{"bad language", with("import", "stackexchange", "--community", "ol", "--language", "de", dump), "--language"},
		{"two dirs", with("import", "stackexchange", "--community", "ol", dump, dump), "one DIR"},
		{"unknown source", with("import", "reddit", dump), "stackexchange"},
		{"missing dump", with("import", "stackexchange", "--community", "ol", filepath.Join(t.TempDir(), "none")), "Posts.xml"},
	} {
		out, err := cli(t, "", tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one naming %q\n%s", tc.name, err, tc.want, out)
		}
	}
}
