package search

import (
	"regexp"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     string // q.String()
		check    func(Query) string
	}{
		{"words", "kaffe bryggare", "kaffe bryggare", nil},
		{"phrase", `"exakt fras" kaffe`, `"exakt fras" kaffe`, nil},
		{"exclude word", "kaffe -te", "kaffe -te", nil},
		{"exclude phrase", `kaffe -"svart te"`, `kaffe -"svart te"`, nil},
		{"or", "espresso OR latte crema", "espresso OR latte crema", func(q Query) string {
			if len(q.Groups) != 2 || len(q.Groups[0]) != 2 {
				return "want groups [espresso OR latte] [crema]"
			}
			return ""
		}},
		{"or chain", "a OR b OR c", "a OR b OR c", nil},
		{"or with phrase", `kaffe OR "svart te"`, `kaffe OR "svart te"`, nil},
		{"lower-case or is a word", "kaffe or te", "kaffe or te", func(q Query) string {
			if len(q.Groups) != 3 {
				return "want three groups"
			}
			return ""
		}},
		{"tag", "tag:crm genväg", "genväg tag:crm", nil},
		{"tag folded", "Tag:#CRM tag:crm", "tag:crm", nil},
		{"tag quoted", `tag:"c++" tag:"best practice"`, "tag:c++ tag:best-practice", nil},
		{"type", "type:question", "type:question", nil},
		{"type swedish", "type:fråga type:Tips type:idé", "type:question type:tip type:idea", nil},
		{"in", "in:Sales-Team", "in:sales-team", nil},
		{"author", `author:anna author:"Anna Berg"`, `author:anna author:"Anna Berg"`, nil},
		{"is unanswered", "is:unanswered", "is:unanswered", func(q Query) string {
			if q.Answered == nil || *q.Answered {
				return "want Answered false"
			}
			return ""
		}},
		{"is answered swedish", "is:besvarad", "is:answered", nil},
		{"everything", `tag:crm "snabb genväg" -mus type:tip in:salj kaffe OR te is:answered author:bo`,
			`"snabb genväg" kaffe OR te -mus tag:crm type:tip in:salj author:bo is:answered`, nil},
		{"open last word", "kaffe omel", "kaffe omel", func(q Query) string {
			if !q.Groups[1][0].Open || q.Groups[0][0].Open {
				return "want only the last word open"
			}
			return ""
		}},
		{"space closes the last word", "kaffe omel ", "kaffe omel", func(q Query) string {
			if q.Groups[1][0].Open {
				return "want the last word closed"
			}
			return ""
		}},
		{"phrase is never open", `"kaffe omel`, "kaffe omel", func(q Query) string {
			if !q.Groups[1][0].Open || q.Groups[0][0].Phrase {
				return "want plain words, the last open"
			}
			return ""
		}},

		// Malformed input is read as plain words.
		{"unbalanced quote", `"kaffe te`, "kaffe te", nil},
		{"unbalanced quote at end", `kaffe "`, "kaffe", nil},
		{"three quotes", `"a b" "c`, `"a b" c`, nil},
		{"lone minus", "kaffe - te", "kaffe - te", nil},
		{"double minus", "--kaffe", "--kaffe", nil},
		{"minus quote", `-"kaffe`, "kaffe", nil},
		{"or at start", "OR kaffe", "OR kaffe", func(q Query) string {
			if len(q.Groups) != 2 {
				return "want OR read as a word"
			}
			return ""
		}},
		{"or at end", "kaffe OR", "kaffe OR", func(q Query) string {
			if len(q.Groups) != 2 {
				return "want OR read as a word"
			}
			return ""
		}},
		{"or before exclusion", "kaffe OR -te", "kaffe OR -te", func(q Query) string {
			if len(q.Groups) != 2 || len(q.Exclude) != 1 {
				return "want OR read as a word"
			}
			return ""
		}},
		{"double or", "kaffe OR OR te", "kaffe OR OR te", nil},
		{"empty filter", "tag: kaffe", "tag: kaffe", func(q Query) string {
			if len(q.Tags) != 0 {
				return "want no tag"
			}
			return ""
		}},
		{"unknown type", "type:banana", "type:banana", func(q Query) string {
			if len(q.Types) != 0 {
				return "want no type"
			}
			return ""
		}},
		{"bad slug", "in:sälj!", "in:sälj!", nil},
		{"unknown is", "is:open", "is:open", nil},
		{"unknown key", "http://example.com/a", "http://example.com/a", nil},
		{"control characters", "kaffe\x00te\x1b[31m\u0085", "kaffe te [31m", nil},
		{"invalid utf-8", "kaffe\xff\xfete", "kaffe te", nil},
		{"only spaces", " \t\n ", "", nil},
		{"empty", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := Parse(tt.in)
			if got := q.String(); got != tt.want {
				t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
			}
			if tt.check != nil {
				if msg := tt.check(q); msg != "" {
					t.Errorf("Parse(%q) = %+v: %s", tt.in, q, msg)
				}
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("kaffe ", 1000) + "te"
	q := Parse(long)
	if n := len(q.Groups); n != MaxQueryTexts {
		t.Errorf("Parse(1001 words) has %d groups, want %d", n, MaxQueryTexts)
	}
	q = Parse(strings.Repeat("å", MaxQueryLen)) // cut inside a letter
	if len(q.Groups) != 1 || q.Groups[0][0].Open {
		t.Errorf("Parse(long word) = %+v, want one closed word", q)
	}
	var tags []string
	for i := range 20 {
		tags = append(tags, "tag:t"+strings.Repeat("x", i))
	}
	if q := Parse(strings.Join(tags, " ")); len(q.Tags) != MaxFilters {
		t.Errorf("Parse(20 tags) has %d tags, want %d", len(q.Tags), MaxFilters)
	}
}

func TestParseRoundTrip(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`tag:crm "snabb genväg" -mus type:tip kaffe OR te is:answered author:"Bo Ek"`,
		`a OR b -"c d" in:x`,
	} {
		q := Parse(in)
		if again := Parse(q.String()).String(); again != q.String() {
			t.Errorf("Parse(%q).String() = %q, which parses to %q", in, q.String(), again)
		}
	}
}

func TestRender(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		prefix   bool
		fts, tsq string
	}{
		{"kaffe", false, `"kaff"`, `'kaff'`},
		{"frågan", false, `("fråg" OR "frågan")`, `('fråg' | 'frågan')`},
		{"shortcuts genväg", false, `"shortcut" AND "genväg"`, `'shortcut' & 'genväg'`},
		{`"svart kaffe"`, false, `("svart" + "kaff")`, `('svart' <-> 'kaff')`},
		{`"the coffee grinder"`, false, `(("the" + "coff" + "grind") OR ("coffe" + "grinder"))`, `(('the' <-> 'coff' <-> 'grind') | ('coffe' <-> 'grinder'))`},
		{"kaffe -te", false, `("kaff") NOT ("te")`, `('kaff') & !('te')`},
		{"espresso OR latte crema", false, `("espresso" OR "latt") AND ("crem" OR "crema")`, `('espresso' | 'latt') & ('crem' | 'crema')`},
		{"e-post", false, `(("e" + "post") OR "epost")`, `(('e' <-> 'post') | 'epost')`},
		{"4.12", false, `("4" + "12")`, `('4' <-> '12')`},
		{"c++", false, `"cpp"`, `'cpp'`},
		{"hur gör man omel", true, `"gör" AND "omel"*`, `'gör' & 'omel':*`},
		{"omeletterna", true, `("omeletterna"* OR "omel")`, `('omeletterna':* | 'omel')`},
		{"kaffe o", true, `"kaff"`, `'kaff'`},
		{"omel", false, `"omel"`, `'omel'`},
		{"the and hur", false, "", ""},
		{"tag:crm type:question", false, "", ""},
		{"-kaffe", false, "", ""},
		{`kaffe "`, false, `"kaff"`, `'kaff'`},
		{`it's NEAR(a b) col:x ^start AND*`, false,
			`(("near" + "a") OR "near") AND "b" AND ("col" + "x") AND "start"`,
			`(('near' <-> 'a') | 'near') & 'b' & ('col' <-> 'x') & 'start'`},
	}
	for _, tt := range tests {
		q := Parse(tt.in)
		q.Prefix = tt.prefix
		if got := q.FTS5(); got != tt.fts {
			t.Errorf("Parse(%q).FTS5() = %s, want %s", tt.in, got, tt.fts)
		}
		if got := q.TSQuery(); got != tt.tsq {
			t.Errorf("Parse(%q).TSQuery() = %s, want %s", tt.in, got, tt.tsq)
		}
		if got, want := q.HasText(), tt.fts != ""; got != want {
			t.Errorf("Parse(%q).HasText() = %v, want %v", tt.in, got, want)
		}
	}
	q := Parse("kaffe te")
	q.MatchAny = true
	if got, want := q.FTS5(), `"kaff" OR "te"`; got != want {
		t.Errorf("MatchAny FTS5() = %s, want %s", got, want)
	}
}

// Every quoted string in a rendering holds only letters and digits: nothing
// typed reaches the engine as syntax.
var (
	ftsShape = regexp.MustCompile(`^(?:"[\p{Ll}\p{Lo}\p{Lm}\p{N}]+"\*?|[()]| \+ | OR | AND | NOT )*$`)
	tsShape  = regexp.MustCompile(`^(?:'[\p{Ll}\p{Lo}\p{Lm}\p{N}]+'(?::\*)?|[()!]| <-> | \| | & )*$`)
)

func TestRenderIsQuoted(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`"a" OR "b" NOT c`, `'; DROP TABLE posts; --`, `a\' | b & !c <-> d:*`,
		`"unterminated \" 'x'`, `NEAR("a" "b", 3)`, `{col1 col2}: x`, `- OR " ' \ * ^ : ( )`,
		"e-post/kontor_2\u00a0⌘ 🙂 a*b", `author:"x" tag:'y'`,
	} {
		q := Parse(in)
		q.Prefix = true
		if got := q.FTS5(); !ftsShape.MatchString(got) {
			t.Errorf("Parse(%q).FTS5() = %s, want only quoted terms and operators", in, got)
		}
		if got := q.TSQuery(); !tsShape.MatchString(got) {
			t.Errorf("Parse(%q).TSQuery() = %s, want only quoted terms and operators", in, got)
		}
	}
}
