package search

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// Swedish writes compounds as one word: "kundtjänstärende" is a
// "kundtjänst" + "ärende". A search for either part should find it, so the
// index also gets the parts of compounds, found with a lexicon of common
// Swedish words (lexicon_sv.txt, one base form a line, embedded).
//
// A word of at least minCompound letters is split when its stem can be cut,
// from the left, into 2 to maxParts pieces that are all lexicon words. Each
// piece but the last is written as the lexicon word, without its final
// vowel, or with a linking letter (skriv-bord, arbet-s-miljö, tjänst-e-bil,
// gat-u-kök, kvinn-o-rörelse, fråg-e-ställning); the last is the stem of a
// lexicon word, since the compound was stemmed as a whole. The fewest pieces
// win, then the fewest linking letters (fel|sökning, not fels|ökning). Pieces
// of three letters must be in shortPieces and no piece may be in notPieces:
// that keeps simple words whole (rapport, kontroll, förslag, planering).
//
// The index then gets the stem of each piece, of each run of neighbouring
// pieces, and of the pieces of a piece that is a compound itself:
// "arbetsmiljöfrågan", split as arbetsmiljö|fråga, gives "arbetsmiljö",
// "fråg", "arb" and "miljö".
const (
	minCompound = 6 // letters in a word worth splitting
	minPart     = 3 // letters in a piece
	maxParts    = 4
	maxSplitLen = 40 // longer words are not tried
)

//go:embed lexicon_sv.txt
var lexiconText string

// lexicon is built once from lexiconText.
var lexicon = buildLexicon(lexiconText)

// notPieces are never pieces of a compound: prefixes and suffixes that look
// like words ("för-", "upp-", "-vis", "-ring") and would split simple words
// ("förslag", "delvis", "planering"). Stop words are never pieces either.
var notPieces = setOf(
	"av", "an", "be", "bort", "efter", "ent", "er", "fram", "för", "före",
	"ge", "genom", "in", "med", "miss", "mot", "om", "på", "sam", "till",
	"under", "upp", "ut", "vid", "över", "från",
	"art", "bar", "dom", "het", "lig", "skap", "vis", "ens", "ans", "else",
	"ring", "ning", "tion", "ande",
)

// shortPieces are the only pieces of three letters: short words split
// ordinary words by chance ("kont|roll", "gen|väg"), so only these, which
// often start or end real compounds, are allowed.
var shortPieces = setOf(
	"app", "bil", "bok", "byt", "dag", "del", "fel", "fil", "giv", "hus",
	"kod", "kök", "köp", "lag", "led", "lån", "lär", "läs", "mat", "mål",
	"möt", "ord", "ost", "rum", "sak", "sök", "tak", "tid", "typ", "tåg",
	"vin", "väg",
)

type swedishLexicon struct {
	left  map[string]leftWay // a form a word takes before another piece
	right map[string]string  // a form a word takes as the last piece → its stem
}

// leftWay tells what a left piece stands for.
type leftWay struct {
	base   string // the lexicon word
	linked bool   // written with a linking letter (arbets-, gatu-)
}

// LexiconSize returns the number of words in the embedded Swedish lexicon
// used to split compounds.
func LexiconSize() int { return lexiconSize }

var lexiconSize int

func buildLexicon(text string) *swedishLexicon {
	lx := &swedishLexicon{left: map[string]leftWay{}, right: map[string]string{}}
	piece := func(p string) bool {
		n := utf8.RuneCountInString(p)
		return n > minPart || n == minPart && shortPieces[p]
	}
	addLeft := func(form, base string, linked bool) {
		if !piece(form) || notPieces[form] || isStopAny(form) {
			return
		}
		if _, ok := lx.left[form]; !ok {
			lx.left[form] = leftWay{base, linked}
		}
	}
	seen := map[string]bool{}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w := fold(line)
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		lexiconSize++
		st := stemSwedish(w)
		if notPieces[st] || isStopAny(st) {
			continue
		}
		if piece(st) {
			lx.right[st] = st
		}
		// Forms before another piece: the word itself, with a linking -s,
		// and without its final vowel, alone or with a linking letter
		// (skriv-bord, arbet-s-miljö, gat-u-kök, kvinn-o-rörelse,
		// fråg-e-ställning, tjänst-e-man).
		addLeft(w, w, false)
		addLeft(w+"s", w, true)
		last, size := utf8.DecodeLastRuneInString(w)
		stem := w[:len(w)-size]
		switch {
		case last == 'a':
			addLeft(stem, w, false)
			addLeft(stem+"o", w, true)
			addLeft(stem+"u", w, true)
			addLeft(stem+"e", w, true)
		case last == 'e':
			addLeft(stem, w, false)
			addLeft(stem+"s", w, true)
		case !isSwedishVowel(last):
			addLeft(w+"e", w, true)
		}
	}
	return lx
}

// compoundParts returns the extra terms for a folded Swedish word whose
// stemmed term is st: the stems of its pieces and of runs of neighbouring
// pieces, or nothing when it is not a compound of lexicon words. The result
// is shared: callers must not change it.
func compoundParts(w, st string) []string {
	return compounds.get(w, func() []string { return compoundPartsDepth(w, st, 0) })
}

func compoundPartsDepth(w, st string, depth int) []string {
	n := utf8.RuneCountInString(st)
	if utf8.RuneCountInString(w) < minCompound || n > maxSplitLen || n < 2*minPart {
		return nil
	}
	cuts := split(st)
	if cuts == nil {
		return nil
	}
	k := len(cuts) - 1 // pieces
	seen := map[string]bool{st: true}
	var out []string
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for i := range k {
		piece := st[cuts[i]:cuts[i+1]]
		var base, term string
		if i == k-1 {
			base = piece
			term = lexicon.right[piece]
		} else {
			base = lexicon.left[piece].base
			term = stemSwedish(base)
		}
		add(term)
		// A piece that is a compound itself gives its pieces too
		// (arbetsmiljö|fråga → arbete, miljö).
		if depth < 2 {
			for _, p := range compoundPartsDepth(base, term, depth+1) {
				add(p)
			}
		}
	}
	// Runs of two or more neighbouring pieces, shorter than the whole word.
	for a := 0; a < k; a++ {
		for b := a + 1; b < k; b++ {
			if a == 0 && b == k-1 {
				continue
			}
			if b == k-1 {
				add(st[cuts[a]:])
			} else {
				add(stemSwedish(st[cuts[a]:cuts[b]] + lexicon.left[st[cuts[b]:cuts[b+1]]].base))
			}
		}
	}
	return out
}

// split returns the byte offsets that cut st into lexicon pieces (first
// offset 0, last len(st)), or nil. The fewest pieces win, then the fewest
// linking letters (fel|sökning, not fels|ökning), then the longest first
// piece.
func split(st string) []int {
	// Rune boundaries, so pieces never cut a letter.
	var bounds []int
	for i := range st {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(st))
	m := len(bounds) - 1 // letters
	// cost[i] of the best way to cover st[bounds[i]:]: 10 a piece and 1 a
	// linking letter; next[i] is where its first piece ends.
	const none = 1 << 30
	cost := make([]int, m+1)
	next := make([]int, m+1)
	for i := m; i >= 0; i-- {
		cost[i] = none
		if lexicon.right[st[bounds[i]:]] != "" {
			cost[i] = 10
			next[i] = m
		}
		if i == 0 {
			cost[i] = none // the whole word is not a split
		}
		for j := m - minPart; j >= i+minPart; j-- {
			if cost[j] == none || cost[j]/10+1 > maxParts {
				continue
			}
			way, ok := lexicon.left[st[bounds[i]:bounds[j]]]
			if !ok {
				continue
			}
			c := cost[j] + 10
			if way.linked {
				c++
			}
			if c < cost[i] {
				cost[i] = c
				next[i] = j
			}
		}
	}
	if cost[0] == none {
		return nil
	}
	cuts := []int{0}
	for i := 0; i < m; i = next[i] {
		cuts = append(cuts, bounds[next[i]])
	}
	return cuts
}
