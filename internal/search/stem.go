package search

import (
	"strings"

	"github.com/kljensen/snowball/swedish"
)

// stemSwedish returns the index term of a folded Swedish word.
//
// Snowball's Swedish stemmer is light: it leaves the definite singular of
// many nouns alone ("frågan", "kaffet", "ärendet", "datorn", "programmet"),
// so "fråga" would not find "frågan". On top of Snowball, when it removes
// nothing, this strips the definite endings it misses, inside the same region
// (R1) Snowball uses:
//
//   - "-et" (kaffet → kaff, ärendet → ärend, huset → hus),
//   - "-an" (frågan → fråg, kameran → kamer),
//   - "-n" after "or" (datorn → dator),
//   - "-t" after "o" (kontot → konto),
//
// and it writes a final "mm" as "m" (programm → program, rumm → rum), which
// Swedish spelling never ends a word with. It repeats both steps until the
// word stops changing. That makes the function idempotent, which is what
// makes forms meet: whenever one form is reduced to another form's spelling
// (ärendena → ärenden → ärend), both end at the same term. The price is a
// few over-short terms (arbete → arbet → arb): terms are index keys, not
// words, and both sides of a search make them the same way.
func stemSwedish(w string) string {
	for range 8 {
		s := swedish.Stem(w, true)
		if strings.HasSuffix(s, "mm") {
			s = s[:len(s)-1]
		}
		if s == w {
			s = stripDefinite(w)
			if s == w {
				return w
			}
		}
		w = s
	}
	return w
}

// stripDefinite removes one definite ending that Snowball does not, if it
// lies in R1.
func stripDefinite(w string) string {
	if keepEt[w] {
		return w
	}
	rs := []rune(w)
	r1 := swedishR1(rs)
	n := len(rs)
	in := func(k int) bool { return n-k >= r1 } // the last k runes lie in R1
	switch {
	case n >= 2 && rs[n-2] == 'e' && rs[n-1] == 't' && in(2):
		return string(rs[:n-2])
	case n >= 2 && rs[n-2] == 'a' && rs[n-1] == 'n' && in(2):
		return string(rs[:n-2])
	case n >= 3 && rs[n-3] == 'o' && rs[n-2] == 'r' && rs[n-1] == 'n' && in(1):
		return string(rs[:n-1])
	case n >= 2 && rs[n-2] == 'o' && rs[n-1] == 't' && in(1):
		return string(rs[:n-1])
	}
	return w
}

// keepEt holds words whose "-et" is not an ending and whose stripped form
// is another common word (internet is not intern, planet is not plan).
var keepEt = setOf("internet", "planet", "budget", "ticket", "target", "magnet", "raket", "market", "komet", "sekret", "ballet")

// swedishR1 returns where Snowball's region R1 starts: after the first
// non-vowel that follows a vowel, but at least at the fourth letter.
func swedishR1(rs []rune) int {
	r1 := len(rs)
	for i := 1; i < len(rs); i++ {
		if !isSwedishVowel(rs[i]) && isSwedishVowel(rs[i-1]) {
			r1 = i + 1
			break
		}
	}
	if r1 < 3 {
		r1 = 3
	}
	return r1
}

func isSwedishVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'å', 'ä', 'ö':
		return true
	}
	return false
}
