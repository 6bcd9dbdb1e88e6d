package search

import (
	"strings"
	"unicode/utf8"
)

// A query is rendered over analysed terms. The language of a query is not
// known, while each post is indexed in its own language, so every word
// becomes the alternatives it takes in Swedish and in English ("frågan" →
// "fråg" OR "frågan"); a phrase becomes the Swedish phrase OR the English
// one. Query words are not split into compound parts: the index holds the
// parts of its compounds, so a part finds the compound and a whole compound
// finds itself.

// qterm is one analysed term of a query.
type qterm struct {
	term   string
	prefix bool
}

// alt is one alternative: a term, or several that must be next to each
// other.
type alt []qterm

func (a alt) key() string {
	var b strings.Builder
	for _, t := range a {
		b.WriteString(t.term)
		if t.prefix {
			b.WriteByte('*')
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// MinPrefix is the shortest word, in letters, that is matched as a prefix
// while being typed; a shorter last word is left out until it grows.
const MinPrefix = 2

// alts returns the alternatives a text stands for; none when it has no
// terms (only stop words or punctuation).
func (t Text) alts(prefix bool) []alt {
	var toks []token
	for _, tok := range tokens(t.Words) {
		if tok.word != "" {
			toks = append(toks, tok)
		}
	}
	if len(toks) == 0 {
		return nil
	}
	open := prefix && t.Open
	var out []alt
	seen := map[string]bool{}
	add := func(a alt) {
		if len(a) > 0 && !seen[a.key()] {
			seen[a.key()] = true
			out = append(out, a)
		}
	}
	if !t.Phrase && len(toks) == 1 {
		w := toks[0].word
		if open && utf8.RuneCountInString(w) < MinPrefix {
			return nil
		}
		if open {
			add(alt{{term: w, prefix: true}})
		}
		// A stop word in either language is in neither index reliably.
		if !isStopAny(w) {
			for _, l := range []string{Swedish, English} {
				if st := stem(w, l); !open || !strings.HasPrefix(st, w) {
					add(alt{{term: st}})
				}
			}
		}
		return out
	}
	last := len(toks) - 1
	for _, l := range []string{Swedish, English} {
		var a alt
		for i, tok := range toks {
			switch {
			case open && i == last:
				if utf8.RuneCountInString(tok.word) >= MinPrefix {
					a = append(a, qterm{term: tok.word, prefix: true})
				}
			case !isStop(tok.word, l):
				a = append(a, qterm{term: stem(tok.word, l)})
			}
		}
		add(a)
	}
	// A hyphenated word also finds its parts written together.
	hyphenated := !t.Phrase && !open
	for _, tok := range toks[1:] {
		hyphenated = hyphenated && tok.linked
	}
	if hyphenated {
		if j := joined(toks, last); j != "" {
			for _, l := range []string{Swedish, English} {
				add(alt{{term: stem(j, l)}})
			}
		}
	}
	return out
}

// groupAlts returns the alternatives of each group that has any.
func (q Query) groupAlts() [][]alt {
	var out [][]alt
	for _, g := range q.Groups {
		var as []alt
		seen := map[string]bool{}
		for _, t := range g {
			for _, a := range t.alts(q.Prefix) {
				if !seen[a.key()] {
					seen[a.key()] = true
					as = append(as, a)
				}
			}
		}
		if len(as) > 0 {
			out = append(out, as)
		}
	}
	return out
}

func (q Query) excludeAlts() []alt {
	var as []alt
	seen := map[string]bool{}
	for _, t := range q.Exclude {
		for _, a := range t.alts(false) {
			if !seen[a.key()] {
				seen[a.key()] = true
				as = append(as, a)
			}
		}
	}
	return as
}

// HasText reports whether the query has words to search for. A query with
// only filters (or only exclusions, or only stop words) has none: FTS5 and
// TSQuery return "" and the caller lists by filters alone.
func (q Query) HasText() bool { return len(q.groupAlts()) > 0 }

// syntax is how one engine writes a query.
type syntax struct {
	term          func(qterm) string
	next, or, and string // phrase, alternatives, groups
	not           func(pos, neg string) string
}

// FTS5 renders the text part of the query as an SQLite FTS5 MATCH
// expression over the terms IndexText stores, or "" when it has none. Every
// term is a quoted string, so nothing a person types is read as FTS5 syntax.
// Phrases are "a" + "b", prefixes "a"*, alternatives (x OR y), exclusions
// (…) NOT (…).
func (q Query) FTS5() string {
	return q.render(syntax{
		term: func(t qterm) string {
			s := `"` + strings.ReplaceAll(t.term, `"`, `""`) + `"`
			if t.prefix {
				s += "*"
			}
			return s
		},
		next: " + ", or: " OR ", and: " AND ",
		not: func(pos, neg string) string { return "(" + pos + ") NOT (" + neg + ")" },
	})
}

// TSQuery renders the text part of the query in PostgreSQL's tsquery syntax,
// for to_tsquery('simple', …) against to_tsvector('simple', IndexText(…)),
// or "" when it has none. Every term is a quoted lexeme, so nothing a person
// types is read as tsquery syntax. Phrases are 'a' <-> 'b', prefixes 'a':*,
// alternatives ('x' | 'y'), exclusions (…) & !(…).
func (q Query) TSQuery() string {
	return q.render(syntax{
		term: func(t qterm) string {
			s := `'` + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(t.term) + `'`
			if t.prefix {
				s += ":*"
			}
			return s
		},
		next: " <-> ", or: " | ", and: " & ",
		not: func(pos, neg string) string { return "(" + pos + ") & !(" + neg + ")" },
	})
}

// Phrase is one phrase of a rendered query: its terms, which must be next
// to each other, the last one matched as a prefix when Prefix is set.
// Excluded phrases are those that must not match.
type Phrase struct {
	Terms    []string
	Prefix   bool
	Excluded bool
}

// Phrases returns the phrases of the text part of the query in the order
// FTS5 and TSQuery render them (FTS5 numbers its phrases so), the ones to
// exclude last.
func (q Query) Phrases() []Phrase {
	var out []Phrase
	add := func(a alt, excluded bool) {
		p := Phrase{Excluded: excluded}
		for _, t := range a {
			p.Terms = append(p.Terms, t.term)
			p.Prefix = t.prefix
		}
		out = append(out, p)
	}
	groups := q.groupAlts()
	if len(groups) == 0 {
		return nil
	}
	for _, g := range groups {
		for _, a := range g {
			add(a, false)
		}
	}
	for _, a := range q.excludeAlts() {
		add(a, true)
	}
	return out
}

func (q Query) render(sx syntax) string {
	phrase := func(a alt) string {
		parts := make([]string, len(a))
		for i, t := range a {
			parts[i] = sx.term(t)
		}
		if len(parts) == 1 {
			return parts[0]
		}
		return "(" + strings.Join(parts, sx.next) + ")"
	}
	anyOf := func(as []alt) string {
		parts := make([]string, len(as))
		for i, a := range as {
			parts[i] = phrase(a)
		}
		if len(parts) == 1 {
			return parts[0]
		}
		return "(" + strings.Join(parts, sx.or) + ")"
	}
	groups := q.groupAlts()
	if len(groups) == 0 {
		return ""
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = anyOf(g)
	}
	join := sx.and
	if q.MatchAny {
		join = sx.or
	}
	pos := strings.Join(parts, join)
	if neg := q.excludeAlts(); len(neg) > 0 {
		negs := make([]string, len(neg))
		for i, a := range neg {
			negs[i] = phrase(a)
		}
		return sx.not(pos, strings.Join(negs, sx.or))
	}
	return pos
}

// matcher tells which words of a text a query matches, for snippets.
type matcher struct {
	exact    map[string]int // term → index of its group
	prefixes []qterm
	prefixOf []int
}

func (q Query) matcher() matcher {
	m := matcher{exact: map[string]int{}}
	for gi, g := range q.groupAlts() {
		for _, a := range g {
			for _, t := range a {
				if t.prefix {
					m.prefixes = append(m.prefixes, t)
					m.prefixOf = append(m.prefixOf, gi)
				} else if _, ok := m.exact[t.term]; !ok {
					m.exact[t.term] = gi
				}
			}
		}
	}
	return m
}

// match returns the index of the query group a folded word matches, or -1.
func (m matcher) match(w string) int {
	if w == "" {
		return -1
	}
	for i, p := range m.prefixes {
		if strings.HasPrefix(w, p.term) {
			return m.prefixOf[i]
		}
	}
	for _, l := range []string{Swedish, English} {
		if isStop(w, l) {
			continue
		}
		st := stem(w, l)
		if g, ok := m.exact[st]; ok {
			return g
		}
		if l == Swedish && !hasDigit(w) {
			for _, p := range compoundParts(w, st) {
				if g, ok := m.exact[p]; ok {
					return g
				}
			}
		}
	}
	return -1
}

// FTS5 renders the phrase as FTS5 renders it in the query: quoted terms,
// next to each other, a prefix marked.
func (p Phrase) FTS5() string {
	parts := make([]string, len(p.Terms))
	for i, t := range p.Terms {
		parts[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	s := strings.Join(parts, " + ")
	if p.Prefix {
		s += "*"
	}
	return s
}
