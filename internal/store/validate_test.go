package store_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/store"
)

const maxBody = 1000

func TestNewPostValidate(t *testing.T) {
	t.Parallel()
	ok := store.NewPost{Type: store.TypeQuestion, Title: "How do I export?", Body: "Body text", Language: "sv", Tags: []string{"crm", "c++", "node.js", "c#", "å-ä-ö"}}
	tests := []struct {
		name string
		edit func(*store.NewPost)
		want store.FieldErrors
	}{
		{"valid", func(*store.NewPost) {}, store.FieldErrors{}},
		{"valid anonymous question", func(p *store.NewPost) { p.Anonymous = true }, store.FieldErrors{}},
		{"everything missing", func(p *store.NewPost) { *p = store.NewPost{} }, store.FieldErrors{
			"type": "error.invalid_choice", "title": "error.required", "body": "error.required", "language": "error.invalid_choice"}},
		{"blank title", func(p *store.NewPost) { p.Title = "   \n " }, store.FieldErrors{"title": "error.required"}},
		{"short title", func(p *store.NewPost) { p.Title = "Why" }, store.FieldErrors{"title": "error.too_short"}},
		{"long title", func(p *store.NewPost) { p.Title = strings.Repeat("x", store.MaxTitle+1) }, store.FieldErrors{"title": "error.too_long"}},
		{"longest title", func(p *store.NewPost) { p.Title = strings.Repeat("ö", store.MaxTitle) }, store.FieldErrors{}},
		{"control character in title", func(p *store.NewPost) { p.Title = "Hello\x00world" }, store.FieldErrors{"title": "error.invalid_text"}},
		{"long body", func(p *store.NewPost) { p.Body = strings.Repeat("x", maxBody+1) }, store.FieldErrors{"body": "error.too_long"}},
		{"body over the limit in bytes", func(p *store.NewPost) { p.Body = strings.Repeat("å", maxBody/2+1) }, store.FieldErrors{"body": "error.too_long"}},
		{"bad type", func(p *store.NewPost) { p.Type = "poll" }, store.FieldErrors{"type": "error.invalid_choice"}},
		{"bad language", func(p *store.NewPost) { p.Language = "de" }, store.FieldErrors{"language": "error.invalid_choice"}},
		{"too many tags", func(p *store.NewPost) { p.Tags = []string{"a", "b", "c", "d", "e", "f"} }, store.FieldErrors{"tags": "error.tags_too_many"}},
		{"upper-case tag", func(p *store.NewPost) { p.Tags = []string{"CRM"} }, store.FieldErrors{"tags": "error.tag_invalid"}},
		{"tag with a space", func(p *store.NewPost) { p.Tags = []string{"two words"} }, store.FieldErrors{"tags": "error.tag_invalid"}},
		{"tag starting with a dash", func(p *store.NewPost) { p.Tags = []string{"-x"} }, store.FieldErrors{"tags": "error.tag_invalid"}},
		{"tag too long", func(p *store.NewPost) { p.Tags = []string{strings.Repeat("a", store.MaxTagLen+1)} }, store.FieldErrors{"tags": "error.tag_invalid"}},
		{"empty tag", func(p *store.NewPost) { p.Tags = []string{""} }, store.FieldErrors{"tags": "error.tag_invalid"}},
		{"anonymous tip", func(p *store.NewPost) { p.Anonymous, p.Type = true, store.TypeTip }, store.FieldErrors{"anonymous": "error.anonymous_questions_only"}},
		{"anonymous idea", func(p *store.NewPost) { p.Anonymous, p.Type = true, store.TypeIdea }, store.FieldErrors{"anonymous": "error.anonymous_questions_only"}},
	}
	for _, tt := range tests {
		np := ok
		np.Tags = slices.Clone(ok.Tags)
		tt.edit(&np)
		if got := np.Validate(maxBody); !maps.Equal(got, tt.want) {
			t.Errorf("%s: Validate() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPostEditValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		e    store.PostEdit
		want store.FieldErrors
	}{
		{"valid", store.PostEdit{Title: "A good title", Body: "b", Tags: []string{"x"}}, store.FieldErrors{}},
		{"missing", store.PostEdit{}, store.FieldErrors{"title": "error.required", "body": "error.required"}},
		{"too long", store.PostEdit{Title: strings.Repeat("t", store.MaxTitle+1), Body: strings.Repeat("b", maxBody+1)},
			store.FieldErrors{"title": "error.too_long", "body": "error.too_long"}},
		{"too many tags", store.PostEdit{Title: "A good title", Body: "b", Tags: []string{"a", "b", "c", "d", "e", "f"}}, store.FieldErrors{"tags": "error.tags_too_many"}},
		{"bad tag", store.PostEdit{Title: "A good title", Body: "b", Tags: []string{"bad tag"}}, store.FieldErrors{"tags": "error.tag_invalid"}},
	}
	for _, tt := range tests {
		if got := tt.e.Validate(maxBody); !maps.Equal(got, tt.want) {
			t.Errorf("%s: Validate() = %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := store.ValidateReplyBody("", maxBody); !maps.Equal(got, store.FieldErrors{"body": "error.required"}) {
		t.Errorf("ValidateReplyBody(\"\") = %v, want body required", got)
	}
	if got := store.ValidateReplyBody(strings.Repeat("x", maxBody+1), maxBody); !maps.Equal(got, store.FieldErrors{"body": "error.too_long"}) {
		t.Errorf("ValidateReplyBody(long) = %v, want body too long", got)
	}
	if got := store.ValidateReplyBody("Thanks!", maxBody); len(got) != 0 {
		t.Errorf("ValidateReplyBody(ok) = %v, want none", got)
	}
}

func TestCommunitySettingsValidate(t *testing.T) {
	t.Parallel()
	ok := store.CommunitySettings{Name: "Säljcoacher", Kind: store.KindRole, Visibility: store.VisibilityClosed}
	tests := []struct {
		name string
		edit func(*store.CommunitySettings)
		want store.FieldErrors
	}{
		{"valid", func(*store.CommunitySettings) {}, store.FieldErrors{}},
		{"missing", func(c *store.CommunitySettings) { *c = store.CommunitySettings{} }, store.FieldErrors{
			"name": "error.required", "kind": "error.invalid_choice", "visibility": "error.invalid_choice"}},
		{"short name", func(c *store.CommunitySettings) { c.Name = "A" }, store.FieldErrors{"name": "error.too_short"}},
		{"long name", func(c *store.CommunitySettings) { c.Name = strings.Repeat("n", store.MaxName+1) }, store.FieldErrors{"name": "error.too_long"}},
		{"long description", func(c *store.CommunitySettings) { c.Description = strings.Repeat("d", store.MaxDescription+1) }, store.FieldErrors{"description": "error.too_long"}},
		{"long code of conduct", func(c *store.CommunitySettings) { c.CodeOfConduct = strings.Repeat("c", 10*store.MaxDescription+1) }, store.FieldErrors{"code_of_conduct": "error.too_long"}},
		{"bad kind", func(c *store.CommunitySettings) { c.Kind = "club" }, store.FieldErrors{"kind": "error.invalid_choice"}},
		{"bad visibility", func(c *store.CommunitySettings) { c.Visibility = "hidden" }, store.FieldErrors{"visibility": "error.invalid_choice"}},
	}
	for _, tt := range tests {
		cs := ok
		tt.edit(&cs)
		if got := cs.Validate(); !maps.Equal(got, tt.want) {
			t.Errorf("%s: Validate() = %v, want %v", tt.name, got, tt.want)
		}
	}
	for slug, want := range map[string]string{"": "error.required", "Bad Slug": "error.slug_format", "good-slug": ""} {
		fe := store.FieldErrors{}
		store.ValidateSlug(fe, slug)
		if fe["slug"] != want {
			t.Errorf("ValidateSlug(%q) = %q, want %q", slug, fe["slug"], want)
		}
	}
}

func TestProfileValidate(t *testing.T) {
	t.Parallel()
	ok := store.Profile{Name: "Anna", Language: "en", Expertise: []string{"crm"}}
	tests := []struct {
		name string
		edit func(*store.Profile)
		want store.FieldErrors
	}{
		{"valid", func(*store.Profile) {}, store.FieldErrors{}},
		{"missing", func(p *store.Profile) { *p = store.Profile{} }, store.FieldErrors{"name": "error.required", "language": "error.invalid_choice"}},
		{"long fields", func(p *store.Profile) {
			p.Name, p.Department, p.Title = strings.Repeat("n", store.MaxName+1), strings.Repeat("d", store.MaxName+1), strings.Repeat("t", store.MaxName+1)
			p.Bio = strings.Repeat("b", store.MaxDescription+1)
		}, store.FieldErrors{"name": "error.too_long", "department": "error.too_long", "title": "error.too_long", "bio": "error.too_long"}},
		{"bad language", func(p *store.Profile) { p.Language = "fi" }, store.FieldErrors{"language": "error.invalid_choice"}},
		{"ten expertise tags", func(p *store.Profile) {
			p.Expertise = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}
		}, store.FieldErrors{}},
		{"too many expertise tags", func(p *store.Profile) {
			p.Expertise = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}
		}, store.FieldErrors{"expertise": "error.tags_too_many"}},
		{"bad expertise tag", func(p *store.Profile) { p.Expertise = []string{"Not OK"} }, store.FieldErrors{"expertise": "error.tag_invalid"}},
	}
	for _, tt := range tests {
		p := ok
		tt.edit(&p)
		if got := p.Validate(); !maps.Equal(got, tt.want) {
			t.Errorf("%s: Validate() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNormalizeTags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   []string
		want []string
	}{
		{nil, []string{}},
		{[]string{"", "  ", ","}, []string{}},
		{[]string{"Go", "go", " GO "}, []string{"go"}},
		{[]string{"#CRM, Export,,crm"}, []string{"crm", "export"}},
		{[]string{"machine   learning", "Ärende Hantering"}, []string{"machine-learning", "ärende-hantering"}},
		{[]string{"b", "a", "b"}, []string{"b", "a"}},
	}
	for _, tt := range tests {
		if got := store.NormalizeTags(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("NormalizeTags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValidSlug(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"a":                     true,
		"ab":                    true,
		"sales-coaches":         true,
		"team2":                 true,
		strings.Repeat("a", 48): true,
		strings.Repeat("a", 49): false,
		"":                      false,
		"-a":                    false,
		"a-":                    false,
		"Sales":                 false,
		"säljare":               false,
		"a_b":                   false,
		"a b":                   false,
		"a/b":                   false,
		"../x":                  false,
	}
	for in, want := range tests {
		if got := store.ValidSlug(in); got != want {
			t.Errorf("ValidSlug(%q) = %t, want %t", in, got, want)
		}
	}
}

func TestValidEmail(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"anna@example.org":                      true,
		"anna.berg+x@sub.ex.se":                 true,
		" anna@example.org ":                    true,
		"":                                      false,
		"anna":                                  false,
		"@example.org":                          false,
		"anna@":                                 false,
		"anna@localhost":                        false,
		"anna@@example.org":                     false,
		"an na@example.org":                     false,
		"<anna@example.org>":                    false,
		"a@b.se, c@d.se":                        false,
		"a;b@example.org":                       false,
		`"a"@example.org`:                       false,
		"a@" + strings.Repeat("x", 250) + ".se": false,
	}
	for in, want := range tests {
		if got := store.ValidEmail(in); got != want {
			t.Errorf("ValidEmail(%q) = %t, want %t", in, got, want)
		}
	}
}
