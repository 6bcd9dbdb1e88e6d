// Package search turns Swedish and English text into index terms and reads
// the query language people type into a search box.
//
// The analysis is done here, in Go, once, so that SQLite (a contentless FTS5
// table with tokenize="unicode61 remove_diacritics 0") and PostgreSQL
// (to_tsvector('simple', …) with a GIN index) index exactly the same terms and
// find exactly the same documents. Both engines only split the analysed text
// on spaces: every term is made of lower-case letters and digits alone.
//
// Analysis of one word:
//
//  1. Tokenise: a word is a run of Unicode letters, digits and combining marks.
//     Apostrophes between letters are dropped ("don't" → "dont", "Anna's" →
//     "annas"). Every other character separates words, so "4.12" is the two
//     terms "4" and "12" and "e-post" is "e" and "post"; the query side turns
//     such a word into a phrase, which finds them next to each other. Words
//     joined by a hyphen also give their joined form ("e-post" → "epost") at
//     the end of the text. "c++" and "c#" become "cpp" and "csharp" (and
//     "notepad++" "notepadpp") so they survive as words.
//  2. Fold: lower-case; compatibility forms to plain ones ("ﬁ" → "fi", "²" →
//     "2", full-width letters to ASCII); accents removed (é → e, ü → u, ç → c)
//     except that å, ä and ö stay letters, as they are in Swedish ("bön" is
//     not "bon"); æ → ä, ø → ö, ß → ss. Words longer than MaxWordLen are
//     dropped (hashes, base64, URLs glued together).
//  3. Drop a small list of stop words per language (see stopwords.go).
//  4. Stem: words with a digit are kept as they are; others are stemmed with
//     Snowball (github.com/kljensen/snowball) and, for Swedish, with the extra
//     rules in stem.go for the definite and plural forms Snowball leaves
//     alone (frågan, kaffet, datorn, programmet).
//  5. Swedish compounds are split with an embedded lexicon (compound.go): the
//     parts are added at the end of the text, so "kundtjänstärende" is also
//     found by "kundtjänst" and by "ärende", while phrases over the words as
//     written keep working.
//
// Using it with the two engines:
//
//	-- SQLite: index IndexText(title, body, lang) as the one column
//	CREATE VIRTUAL TABLE post_fts USING fts5(terms, content='',
//	    contentless_delete=1, tokenize="unicode61 remove_diacritics 0");
//	SELECT rowid FROM post_fts WHERE post_fts MATCH :fts5 ORDER BY rank;
//
//	-- PostgreSQL: store to_tsvector('simple', IndexText(…)) in a GIN-indexed column
//	SELECT id FROM posts WHERE terms @@ to_tsquery('simple', :tsquery);
//
// where :fts5 is Parse(q).FTS5() and :tsquery is Parse(q).TSQuery(); both
// are "" when the query has no words (HasText), and then only filters apply.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/unicode/norm"
)

// Languages the analyser knows. Any other value, including "", means the
// language is not known and the text is analysed as both.
const (
	Swedish = "sv"
	English = "en"
)

// MaxWordLen is the longest word, in letters after folding, that is indexed.
// Longer ones are dropped on both sides: they are nearly always noise, and
// PostgreSQL refuses lexemes over 2 kB.
const MaxWordLen = 64

// langs returns the languages to analyse text in: the one given, or both when
// it is not one the analyser knows ("sv-SE" counts as Swedish).
func langs(lang string) []string {
	l := strings.ToLower(lang)
	switch {
	case strings.HasPrefix(l, Swedish):
		return []string{Swedish}
	case strings.HasPrefix(l, English):
		return []string{English}
	}
	return []string{Swedish, English}
}

// Terms returns the index terms of text in the given language, in order: the
// words of the text as stemmed terms, then the extra terms (the parts of
// Swedish compounds and the joined forms of hyphenated words). For a language
// that is not "sv" or "en" the text is analysed twice, as Swedish and then as
// English, so that a query in either language finds it; each pass keeps its
// own word order, so phrases match within it.
func Terms(text, lang string) []string {
	toks := tokens(text)
	ls := langs(lang)
	out := make([]string, 0, len(toks)*len(ls)+len(toks)/4)
	for _, l := range ls {
		out = appendTerms(out, toks, l)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// IndexText returns the text to store in the full-text index for a post or
// reply: its terms as one space-separated string. The title is analysed twice
// before the body, which gives title words twice the term frequency in both
// engines' ranking (BM25 in FTS5, ts_rank in PostgreSQL) without needing
// separate columns or weights that the two engines express differently.
func IndexText(title, body, lang string) string {
	var b strings.Builder
	t := Terms(title, lang)
	for range 2 {
		for _, s := range t {
			b.WriteString(s)
			b.WriteByte(' ')
		}
	}
	for _, s := range Terms(body, lang) {
		b.WriteString(s)
		b.WriteByte(' ')
	}
	return strings.TrimSuffix(b.String(), " ")
}

// appendTerms appends the terms of toks analysed in one language: first the
// words in order, then the extra terms.
func appendTerms(out []string, toks []token, lang string) []string {
	var extra []string
	for i, t := range toks {
		if t.word == "" {
			continue
		}
		if isStop(t.word, lang) {
			continue
		}
		st := stem(t.word, lang)
		out = append(out, st)
		if lang == Swedish && !t.digit {
			extra = append(extra, compoundParts(t.word, st)...)
		}
		// The joined form of a hyphenated run, once, at its last word.
		if t.linked && (i+1 == len(toks) || !toks[i+1].linked) {
			if j := joined(toks, i); j != "" {
				extra = append(extra, stem(j, lang))
			}
		}
	}
	return append(out, extra...)
}

// joined returns the folded words of the hyphenated run that ends at toks[i]
// written together ("e-post" → "epost"), or "" when the run is only numbers
// (a date or a range: "2024-05-01" is not a word).
func joined(toks []token, i int) string {
	j := i
	for j > 0 && toks[j].linked {
		j--
	}
	letters := false
	var b strings.Builder
	for k := j; k <= i; k++ {
		if toks[k].word == "" {
			return ""
		}
		if !toks[k].digit || hasLetter(toks[k].word) {
			letters = true
		}
		b.WriteString(toks[k].word)
		if b.Len() > 4*MaxWordLen {
			return ""
		}
	}
	if !letters || utf8.RuneCountInString(b.String()) > MaxWordLen {
		return ""
	}
	return b.String()
}

// stem returns the index term for a folded, non-stop word.
func stem(w, lang string) string {
	if hasDigit(w) {
		return w
	}
	if lang == Swedish {
		return swedishStems.get(w, func() string { return stemSwedish(w) })
	}
	return englishStems.get(w, func() string { return english.Stem(w, true) })
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// token is one word of a text.
type token struct {
	start, end int    // byte range of the word in the text as written
	word       string // folded form; "" when the word is dropped (too long)
	linked     bool   // joined to the previous word by a hyphen, no space
	digit      bool   // has a digit: not stemmed, not split
}

// tokens splits text into words.
func tokens(text string) []token {
	out := make([]token, 0, len(text)/6+1)
	i := 0
	linkNext := false
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordStart(r) {
			linkNext = false
			i += size
			continue
		}
		start := i
		i += size
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			if isApostrophe(r) {
				// Keep going only between letters: "don't", "Anna's".
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if unicode.IsLetter(prev) && unicode.IsLetter(next) {
					i += size
					continue
				}
			}
			break
		}
		end := i
		word := fold(text[start:end])
		// c++ and c#: keep the language names as words.
		if strings.HasPrefix(text[end:], "++") && !followedByWord(text[end+2:]) {
			word += "pp"
			end += 2
			i = end
		} else if strings.HasPrefix(text[end:], "#") && utf8.RuneCountInString(word) == 1 && !followedByWord(text[end+1:]) {
			word += "sharp"
			end++
			i = end
		}
		if utf8.RuneCountInString(word) > MaxWordLen {
			word = ""
		}
		t := token{start: start, end: end, word: word, linked: linkNext && len(out) > 0, digit: hasDigit(word)}
		out = append(out, t)
		// A hyphen straight after a word and straight before another links them.
		linkNext = false
		if r, size := utf8.DecodeRuneInString(text[i:]); isHyphen(r) {
			if next, _ := utf8.DecodeRuneInString(text[i+size:]); isWordStart(next) {
				linkNext = true
				i += size
			}
		}
	}
	return out
}

func followedByWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// isWordStart reports whether r can begin a word: a letter or a digit.
func isWordStart(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isWordRune reports whether r can continue a word: a letter, a digit or a
// combining mark (so decomposed accents stay with their letter).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordStart(r)
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '´', '`', 'ʼ':
		return true
	}
	return false
}

func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑'
}

// fold lower-cases a word and removes accents, keeping å, ä and ö.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, 0, len(w))
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				b = append(b, c)
			}
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if r < utf8.RuneSelf {
			switch {
			case 'A' <= r && r <= 'Z':
				b.WriteByte(byte(r + 'a' - 'A'))
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				b.WriteByte(byte(r))
			}
			continue
		}
		if r < latinEnd && latinFold[r-utf8.RuneSelf] != "" {
			b.WriteString(latinFold[r-utf8.RuneSelf])
			continue
		}
		if r < latinEnd {
			continue // not a letter or a digit
		}
		// Anything else, including combining marks after a letter: fold the
		// rest of the word the slow way.
		return foldSlow(w)
	}
	return b.String()
}

// latinFold holds the folded form of each rune from U+0080 to U+024F, so
// Swedish and other Latin text never takes the slow path.
const latinEnd = 0x250

var latinFold = func() (t [latinEnd - utf8.RuneSelf]string) {
	for r := rune(utf8.RuneSelf); r < latinEnd; r++ {
		t[r-utf8.RuneSelf] = foldSlow(string(r))
	}
	return t
}()

// special maps letters that Unicode does not decompose into their nearest
// Swedish spelling.
var special = map[rune]string{
	'æ': "ä", 'ø': "ö", 'ß': "ss", 'œ': "oe", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'ı': "i", 'ŀ': "l", 'ħ': "h", 'ŧ': "t", 'ƒ': "f",
}

// foldSlow folds any word: compatibility decomposition, lower case, marks
// dropped except the ring on a and the diaeresis on a and o, digits of other
// scripts turned into ASCII, and anything that is not a letter or a digit
// dropped.
func foldSlow(w string) string {
	d := norm.NFKD.String(w)
	out := make([]rune, 0, len(d))
	for _, r := range d {
		if unicode.IsMark(r) {
			if n := len(out); n > 0 {
				switch {
				case r == '\u030A' && out[n-1] == 'a':
					out[n-1] = 'å'
				case r == '\u0308' && out[n-1] == 'a':
					out[n-1] = 'ä'
				case r == '\u0308' && out[n-1] == 'o':
					out[n-1] = 'ö'
				}
			}
			continue
		}
		r = unicode.ToLower(r)
		if s, ok := special[r]; ok {
			out = append(out, []rune(s)...)
			continue
		}
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				out = append(out, r)
			}
		case unicode.IsDigit(r):
			out = append(out, asciiDigit(r))
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			out = append(out, r)
		}
	}
	s := string(out)
	for _, r := range out {
		if r >= 0x1100 {
			// Recompose scripts whose letters NFKD split into letters
			// (Hangul syllables into jamo).
			return norm.NFC.String(s)
		}
	}
	return s
}

// asciiDigit maps a decimal digit of any script to its ASCII digit. Unicode
// keeps each script's digits as ten consecutive code points from zero.
func asciiDigit(r rune) rune {
	zero := r
	for zero > 0 && unicode.IsDigit(zero-1) && r-zero < 9 {
		zero--
	}
	return '0' + (r-zero)%10
}
