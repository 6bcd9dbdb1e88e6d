package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// first returns the first term of a single word, the one the word itself
// stems to.
func first(t *testing.T, w, lang string) string {
	t.Helper()
	terms := Terms(w, lang)
	if len(terms) == 0 {
		t.Fatalf("Terms(%q, %q) = none, want a term", w, lang)
	}
	return terms[0]
}

func TestFormsMeet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang  string
		words []string
	}{
		{Swedish, []string{"omelett", "omeletter", "omeletten", "omeletterna", "Omeletten"}},
		{Swedish, []string{"genväg", "genvägar", "genvägen", "genvägarna"}},
		{Swedish, []string{"fråga", "frågan", "frågor", "frågorna", "frågans"}},
		{Swedish, []string{"kaffe", "kaffet", "kaffets"}},
		{Swedish, []string{"ärende", "ärendet", "ärenden", "ärendena"}},
		{Swedish, []string{"dator", "datorn", "datorer", "datorerna"}},
		{Swedish, []string{"program", "programmet", "programmen"}},
		{Swedish, []string{"rum", "rummet", "rummen"}},
		{Swedish, []string{"konto", "kontot"}},
		{Swedish, []string{"möte", "mötet", "möten", "mötena"}},
		{Swedish, []string{"kund", "kunden", "kunder", "kunderna"}},
		{Swedish, []string{"tips", "tipset", "tipsen"}},
		{Swedish, []string{"svar", "svaret", "svaren"}},
		{Swedish, []string{"böna", "bönan", "bönor", "bönorna"}},
		{Swedish, []string{"kundtjänstärende", "kundtjänstärendet", "kundtjänstärenden"}},
		{English, []string{"shortcut", "shortcuts", "Shortcut's"}},
		{English, []string{"question", "questions"}},
		{English, []string{"brew", "brewing", "brewed"}},
		{English, []string{"café", "cafe", "CAFÉ"}},
	}
	for _, tt := range tests {
		want := first(t, tt.words[0], tt.lang)
		for _, w := range tt.words[1:] {
			if got := first(t, w, tt.lang); got != want {
				t.Errorf("Terms(%q, %q) starts with %q, want %q (the term of %q)", w, tt.lang, got, want, tt.words[0])
			}
		}
	}
}

func TestFormsDiffer(t *testing.T) {
	t.Parallel()
	tests := []struct{ lang, a, b string }{
		{Swedish, "bön", "bon"}, // å, ä and ö are letters, not accents
		{Swedish, "här", "har"},
		{Swedish, "får", "far"},
		{Swedish, "kör", "kor"},
		{Swedish, "internet", "intern"},
		{Swedish, "planet", "plan"},
		{"", "bön", "bon"},
	}
	for _, tt := range tests {
		a, b := Terms(tt.a, tt.lang), Terms(tt.b, tt.lang)
		for _, x := range a {
			if slices.Contains(b, x) {
				t.Errorf("Terms(%q) = %v and Terms(%q) = %v share %q, want no term in common", tt.a, a, tt.b, b, x)
			}
		}
	}
}

func TestFold(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Åsa", "åsa"},
		{"ÄNGEL", "ängel"},
		{"Öl", "öl"},
		{"a\u030Angest", "ångest"}, // decomposed å
		{"o\u0308l", "öl"},
		{"Crème", "creme"},
		{"Müller", "muller"},
		{"naïve", "naive"},
		{"Ørsted", "örsted"},
		{"Æble", "äble"},
		{"straße", "strasse"},
		{"ﬁnans", "finans"},
		{"Ｆｕｌｌ", "full"},
		{"x²", "x2"},
		{"٣٤", "34"},
		{"don't", "dont"},
		{"Łódź", "lodz"},
		{"한국어", "한국어"},
	}
	for _, tt := range tests {
		toks := tokens(tt.in)
		if len(toks) != 1 {
			t.Errorf("tokens(%q) = %d words, want 1", tt.in, len(toks))
			continue
		}
		if got := toks[0].word; got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, lang string
		want       []string
	}{
		{"Hur gör man en omelett?", Swedish, []string{"gör", "omel"}},
		{"How do I make an omelette?", English, []string{"make", "omelett"}},
		{"C++ och C# i .NET 4.12", Swedish, []string{"cpp", "csharp", "net", "4", "12"}},
		{"notepad++ rocks", English, []string{"notepadpp", "rock"}},
		{"Skicka e-post till CRM-systemet", Swedish, []string{"skick", "e", "post", "crm", "system", "epost", "crmsystem"}},
		{"mötet 2024-05-01 kl. 14:30", Swedish, []string{"möt", "2024", "05", "01", "kl", "14", "30"}},
		{"Anna's shortcuts don't work", English, []string{"anna", "shortcut", "work"}},
		{"frågan", "", []string{"fråg", "frågan"}},
		{"--- !!! ...", Swedish, nil},
		{"", English, nil},
		{strings.Repeat("a", MaxWordLen+1) + " kaffe", Swedish, []string{"kaff"}},
	}
	for _, tt := range tests {
		if got := Terms(tt.text, tt.lang); !slices.Equal(got, tt.want) {
			t.Errorf("Terms(%q, %q) = %q, want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestStopWords(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ text, lang string }{
		{"och att det som en på är", Swedish},
		{"the and of to in is it", English},
	} {
		if got := Terms(tt.text, tt.lang); len(got) != 0 {
			t.Errorf("Terms(%q, %q) = %q, want none", tt.text, tt.lang, got)
		}
	}
	// Content words that are stop words only in the other language stay.
	if got := Terms("the is by", Swedish); !slices.Equal(got, []string{"the", "is", "by"}) {
		t.Errorf(`Terms("the is by", sv) = %q, want [the is by]`, got)
	}
}

func TestCompounds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word  string
		parts []string // words whose terms the compound must also have
	}{
		{"kundtjänstärende", []string{"kundtjänst", "ärende"}},
		{"kundtjänstärendena", []string{"kundtjänst", "ärende"}},
		{"arbetsmiljö", []string{"arbete", "miljö"}},
		{"arbetsmiljöfrågan", []string{"arbetsmiljö", "fråga", "miljö"}},
		{"mötesrummet", []string{"möte", "rum"}},
		{"kaffemaskinen", []string{"kaffe", "maskin"}},
		{"lösenordsbyte", []string{"lösenord", "byte"}},
		{"inloggningsproblem", []string{"inloggning", "problem"}},
		{"leverantörsfakturor", []string{"leverantör", "faktura"}},
		{"gatukök", []string{"gata", "kök"}},
		{"felsökning", []string{"fel", "sökning"}},
		{"säljmötet", []string{"sälj", "möte"}},
	}
	for _, tt := range tests {
		got := Terms(tt.word, Swedish)
		for _, p := range tt.parts {
			if want := first(t, p, Swedish); !slices.Contains(got, want) {
				t.Errorf("Terms(%q) = %q, want it to hold %q (the term of %q)", tt.word, got, want, p)
			}
		}
	}
	// Simple words that happen to look like two words stay whole.
	for _, w := range []string{"rapport", "förslag", "kontroll", "planering", "uppenbart", "delvis", "genväg", "gemensam", "tjänsteman"} {
		if got := Terms(w, Swedish); len(got) != 1 {
			t.Errorf("Terms(%q) = %q, want one term (not a compound)", w, got)
		}
	}
	if LexiconSize() < 2000 {
		t.Errorf("LexiconSize() = %d, want at least 2000", LexiconSize())
	}
}

func TestIndexText(t *testing.T) {
	t.Parallel()
	got := IndexText("Kaffe", "Bryggt kaffe", Swedish)
	if want := "kaff kaff brygg kaff"; got != want {
		t.Errorf("IndexText = %q, want %q", got, want)
	}
	if got := IndexText("", "", Swedish); got != "" {
		t.Errorf("IndexText of nothing = %q, want empty", got)
	}
}

// validTerm reports whether a term survives both engines' tokenizers as one
// token: letters and digits only.
func validTerm(s string) bool {
	if s == "" || len([]rune(s)) > MaxWordLen {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return false
		}
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func TestTermsAreWords(t *testing.T) {
	t.Parallel()
	text := "Straße, naïve café — «citat» 'quoted' e-post_2 x²+y² ½ Ⅻ ｆｕｌｌ ǅemal ﬁ 🙂‍↔️ İstanbul ΣΊΣΥΦΟΣ a\u0301\u0302b"
	for _, lang := range []string{Swedish, English, ""} {
		for _, term := range Terms(text, lang) {
			if !validTerm(term) {
				t.Errorf("Terms(…, %q) has %q, want lower-case letters and digits only", lang, term)
			}
		}
	}
}
