package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinLikePrefix is the shortest last word, in letters, that Like matches
// as a prefix while a title is typed. A shorter one is matched as a word:
// two or three letters begin the words of most posts, so as a prefix it
// finds nearly everything and tells nothing.
const MinLikePrefix = 4

// Like returns a query for texts that share words with text, such as a
// question title being written: every word is a group of its own and the
// groups are joined by OR (MatchAny), so BM25 puts the texts that share the
// most, and the rarest, words first. Nothing in text is read as syntax:
// "-", quotes, OR and filters are plain words here. With typing, the last
// word is matched as a prefix unless text ends in a space, as it is in the
// middle of being typed, and it has at least MinLikePrefix letters.
func Like(text string, typing bool) Query {
	if len(text) > MaxQueryLen {
		text = strings.ToValidUTF8(text[:MaxQueryLen], "") + " "
	}
	q := Query{MatchAny: true, Prefix: typing}
	toks := tokens(text)
	seen := map[string]bool{}
	for i, tok := range toks {
		if tok.word == "" || len(q.Groups) >= MaxQueryTexts {
			continue
		}
		open := false
		if i == len(toks)-1 && tok.end == len(text) && utf8.RuneCountInString(tok.word) >= MinLikePrefix {
			r, _ := utf8.DecodeLastRuneInString(text)
			open = unicode.IsLetter(r) || unicode.IsNumber(r)
		}
		if seen[tok.word] && !open {
			continue
		}
		seen[tok.word] = true
		q.Groups = append(q.Groups, Group{{Words: text[tok.start:tok.end], Open: open}})
	}
	return q
}

// Coverage returns how many of the query's word groups some word of text
// matches (by stem, compound part or, for an open last word, prefix), of
// how many there are. Groups of only stop words do not count. It tells how
// much of a question being asked an existing title covers.
func (q Query) Coverage(text string) (matched, of int) {
	groups := q.groupAlts()
	if len(groups) == 0 {
		return 0, 0
	}
	m := q.matcher()
	hit := map[int]bool{}
	for _, tok := range tokens(text) {
		if g := m.match(tok.word); g >= 0 {
			hit[g] = true
		}
	}
	return len(hit), len(groups)
}

// GroupTerms returns, for each group of q (in the order of q.Groups), the
// index terms its words stand for, without prefixes; nil for a group of only
// stop words. Callers weigh groups by how common their terms are.
func (q Query) GroupTerms() [][]string {
	out := make([][]string, len(q.Groups))
	for i, g := range q.Groups {
		seen := map[string]bool{}
		for _, t := range g {
			for _, a := range t.alts(q.Prefix) {
				for _, qt := range a {
					if !qt.prefix && !seen[qt.term] {
						seen[qt.term] = true
						out[i] = append(out[i], qt.term)
					}
				}
			}
		}
	}
	return out
}
