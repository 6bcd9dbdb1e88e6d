package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/i18n"
	"github.com/tacit-org/tacit/internal/store"
)

// usedMessages lists every message id the HTML surface can ask for: literal
// ids in templates and Go files, and the families built from enums.
func usedMessages(t *testing.T) []string {
	t.Helper()
	ids := map[string]bool{}
	literal := regexp.MustCompile(`\.(?:T|N) "([a-z_]+\.[a-z_.]+)"`)
	goLiteral := regexp.MustCompile(`"((?:flash|error|[a-z_]+)\.[a-z_]+(?:\.[a-z_]+)?)"`)
	err := fs.WalkDir(templateFS, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templateFS, path)
		if err != nil {
			return err
		}
		for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
			ids[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	goFiles, _ := filepath.Glob("*.go")
	for _, f := range goFiles {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goLiteral.FindAllStringSubmatch(string(b), -1) {
			if strings.HasPrefix(m[1], "flash.") || strings.HasPrefix(m[1], "error.") || strings.HasSuffix(m[1], "_title") || strings.HasSuffix(m[1], ".title") ||
				strings.HasPrefix(m[1], "composer.") || strings.HasSuffix(m[1], ".empty") {
				ids[m[1]] = true
			}
		}
	}
	for _, ty := range store.PostTypes {
		ids["type."+ty], ids["type."+ty+".explain"], ids["types."+ty] = true, true, true
	}
	for _, s := range store.IdeaStatuses {
		ids["status."+s] = true
	}
	for _, k := range store.Kinds {
		ids["kind."+k], ids["kind."+k+".explain"], ids["kinds."+k] = true, true, true
	}
	for _, v := range store.Visibilities {
		ids["visibility."+v], ids["visibility."+v+".explain"] = true, true
		if v != store.VisibilityOpen {
			ids["composer.audience_"+v] = true
		}
	}
	for _, r := range store.Roles {
		ids["role."+r] = true
	}
	for _, r := range store.ReactionKinds {
		ids["reaction."+r], ids["reaction."+r+".emoji"] = true, true
	}
	for _, s := range []string{store.ScopeRead, store.ScopeWrite, store.ScopeAdmin} {
		ids["scope."+s] = true
	}
	for _, k := range store.FollowKinds {
		ids["follow.kind."+k] = true
	}
	for _, e := range []string{"home.empty", "community.empty", "tag.empty", "profile.empty"} {
		ids[e], ids[e+"_title"] = true, true
	}
	var out []string
	for id := range ids {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// TestEveryMessageTranslated fails when a page could show a raw message id.
func TestEveryMessageTranslated(t *testing.T) {
	var missing []string
	for _, id := range usedMessages(t) {
		for _, lang := range i18n.Languages {
			if !i18n.Has(lang, id) {
				missing = append(missing, lang+": "+id)
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d messages are missing from the catalogs:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}
