package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a matched word in a snippet: bytes [Start, End) of the snippet
// string.
type Span struct {
	Start, End int
}

// Ellipsis marks where a snippet cuts the text.
const Ellipsis = "…"

// Snippet returns about n letters of plain text around the best match of q
// in text, and where the matched words are in it. It re-tokenises text the
// way the index does, so a word matches when any of its forms does
// ("frågorna" for the query "fråga", "kundtjänstärendet" for "ärende"). The
// best window holds the most of the query's different groups, then the
// most matches, then comes first. Runs of white space become one space, and
// a cut is marked with Ellipsis. The result is plain text: the caller
// escapes it and wraps the spans (in <mark>, say). With no match it returns
// the start of the text and no spans.
func Snippet(text string, q Query, n int) (string, []Span) {
	if n <= 0 {
		n = 200
	}
	m := q.matcher()
	toks := tokens(text)
	type hit struct {
		tok   int
		group int
	}
	var hits []hit
	for i, t := range toks {
		if g := m.match(t.word); g >= 0 {
			hits = append(hits, hit{i, g})
		}
	}
	// Letters before each token's start and end, for windows of n letters.
	startR := make([]int, len(toks))
	endR := make([]int, len(toks))
	total := 0
	{
		k, r := 0, 0
		for i := range text {
			for k < len(toks) && toks[k].end == i {
				endR[k] = r
				k++
			}
			if k < len(toks) && toks[k].start == i {
				startR[k] = r
			}
			r++
		}
		for ; k < len(toks); k++ {
			endR[k] = r
		}
		total = r
	}

	// Choose the first token of the window: the hit that starts the window
	// holding the most groups, then the most hits. Two cursors walk the
	// hits once.
	first := 0
	if len(hits) > 0 {
		best, bestGroups, bestHits := 0, -1, -1
		inWindow := map[int]int{} // group → hits in the window
		j := 0
		for i, h := range hits {
			limit := startR[h.tok] + n*3/4
			for j < len(hits) && (j == i || endR[hits[j].tok] <= limit) {
				inWindow[hits[j].group]++
				j++
			}
			if g := len(inWindow); g > bestGroups || g == bestGroups && j-i > bestHits {
				best, bestGroups, bestHits = i, g, j-i
			}
			if inWindow[h.group]--; inWindow[h.group] == 0 {
				delete(inWindow, h.group)
			}
		}
		// Start a little before the hit, at a word, for context.
		anchor := hits[best].tok
		first = anchor
		for first > 0 && startR[anchor]-startR[first-1] <= n/4 {
			first--
		}
	}
	start := 0
	if first > 0 && len(toks) > 0 {
		start = toks[first].start
	}
	// End at the last word that fits.
	end := len(text)
	if len(toks) == 0 && total > n {
		end = 0
		for range n {
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
	}
	if len(toks) > 0 && total-startR[first] > n {
		end = start
		for k := first; k < len(toks); k++ {
			if endR[k]-startR[first] > n {
				break
			}
			end = toks[k].end
		}
		if end == start { // one very long word
			end = toks[first].end
		}
	}

	// Write the window with white space collapsed, and the spans.
	var b strings.Builder
	var spans []Span
	if strings.TrimSpace(text[:start]) != "" {
		b.WriteString(Ellipsis)
	}
	h := 0
	for h < len(hits) && toks[hits[h].tok].start < start {
		h++
	}
	space, wrote := false, false
	for i := start; i < end; {
		if h < len(hits) && toks[hits[h].tok].start == i {
			t := toks[hits[h].tok]
			if t.end <= end {
				if space && wrote {
					b.WriteByte(' ')
				}
				space, wrote = false, true
				s := b.Len()
				b.WriteString(text[t.start:t.end])
				spans = append(spans, Span{s, b.Len()})
				i = t.end
				h++
				continue
			}
			h++
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = true
			continue
		}
		if space && wrote {
			b.WriteByte(' ')
		}
		space, wrote = false, true
		b.WriteString(text[i-size : i])
	}
	if strings.TrimSpace(text[end:]) != "" {
		b.WriteString(Ellipsis)
	}
	return b.String(), spans
}
