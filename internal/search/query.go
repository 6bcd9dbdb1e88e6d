package search

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what Parse reads. Anything past them is ignored, never an error.
const (
	MaxQueryLen   = 1000 // bytes of the query string
	MaxQueryTexts = 32   // words and phrases, exclusions included
	MaxFilters    = 10   // values per filter (tags, types, …)
)

// Post types a type: filter accepts, as stored (see store.PostTypes).
const (
	TypeQuestion     = "question"
	TypeTip          = "tip"
	TypeBestPractice = "best_practice"
	TypeHowTo        = "how_to"
	TypeIdea         = "idea"
	TypeDiscussion   = "discussion"
)

// typeNames maps what people type after "type:", in English or Swedish, to
// a post type.
var typeNames = map[string]string{
	"question": TypeQuestion, "questions": TypeQuestion, "fråga": TypeQuestion, "frågor": TypeQuestion,
	"tip": TypeTip, "tips": TypeTip,
	"best_practice": TypeBestPractice, "best-practice": TypeBestPractice, "bestpractice": TypeBestPractice,
	"praxis": TypeBestPractice, "bästa-praxis": TypeBestPractice, "bästa_praxis": TypeBestPractice,
	"how_to": TypeHowTo, "how-to": TypeHowTo, "howto": TypeHowTo, "guide": TypeHowTo, "så-gör-du": TypeHowTo,
	"idea": TypeIdea, "ideas": TypeIdea, "idé": TypeIdea, "ide": TypeIdea, "idéer": TypeIdea,
	"discussion": TypeDiscussion, "discussions": TypeDiscussion, "diskussion": TypeDiscussion, "diskussioner": TypeDiscussion,
}

// answeredNames maps what people type after "is:" to answered or not.
var answeredNames = map[string]bool{
	"answered": true, "besvarad": true, "besvarade": true, "solved": true, "löst": true, "lösta": true,
	"unanswered": false, "obesvarad": false, "obesvarade": false, "unsolved": false, "olöst": false, "olösta": false,
}

var slugRe = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$`)

// Query is a parsed search query. Its text part renders as an FTS5 MATCH
// expression (FTS5) and as a PostgreSQL tsquery (TSQuery) over the terms that
// IndexText stores; its filters are for the caller to apply in SQL.
type Query struct {
	// Groups must all match (any one, with MatchAny). A group matches when
	// any of its texts does: "a OR b" is one group of two texts.
	Groups []Group
	// Exclude lists texts that must not match (-word, -"a phrase").
	Exclude []Text

	Tags        []string // tag:crm — the post has every one of these tags
	Types       []string // type:question — the post is of one of these types
	Communities []string // in:slug — the post is in one of these communities
	// Authors are names or e-mail addresses as typed (author:anna,
	// author:"Anna Berg"). The caller resolves them and must never match
	// anonymous posts by their author.
	Authors []string
	// Answered is set by is:answered (true) and is:unanswered (false).
	Answered *bool

	// Prefix makes the last word match as a prefix when the query ended
	// straight after it, as while someone is still typing it ("omel" finds
	// "omeletten"). Parse leaves it off; the caller turns it on for
	// suggestions as you type.
	Prefix bool
	// MatchAny renders the groups joined by OR instead of AND, for finding
	// posts that share some words with a text (similar questions); ranking
	// then puts those that share most first.
	MatchAny bool
}

// Group is a set of alternatives, any of which may match.
type Group []Text

// Text is a word or a phrase as the person typed it; it is analysed when the
// query is rendered.
type Text struct {
	Words  string // the word, or the words of the phrase
	Phrase bool   // typed in double quotes: the words must be next to each other
	// Open marks the last word of a query that did not end with a space:
	// it is matched as a prefix when Query.Prefix is on.
	Open bool
}

// Parse reads a search query. It never fails: anything it cannot read as
// syntax it reads as plain words. The syntax:
//
//	kaffe bryggare        both words (AND)
//	"exakt fras"          the words next to each other
//	-word, -"a phrase"    must not occur
//	espresso OR latte     either (binds closer than AND)
//	tag:crm               tagged crm (tag:"c++" for odd tags)
//	type:question         question, tip, best_practice, how_to, idea,
//	                      discussion (or fråga, tips, idé, diskussion, …)
//	in:community-slug     in that community
//	author:anna           by that person
//	is:answered           answered, or is:unanswered
//
// Unbalanced quotes, a lone "-", OR at either end, filters with empty or
// unknown values and control characters all fall back to plain words.
func Parse(s string) Query {
	if len(s) > MaxQueryLen {
		s = s[:MaxQueryLen]
		for len(s) > 0 && !utf8.RuneStart(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
		if r, size := utf8.DecodeLastRuneInString(s); r == utf8.RuneError && size <= 1 && len(s) > 0 {
			s = s[:len(s)-1]
		}
		s += " " // cut mid-word: not a word being typed
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " "))

	var q Query
	var items []item
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		it, n := readItem(s[i:])
		i += n
		items = append(items, it)
	}
	if len(items) > 0 {
		last := &items[len(items)-1]
		if last.kind == itemText && !last.text.Phrase && !last.neg && !strings.HasSuffix(s, " ") {
			r, _ := utf8.DecodeLastRuneInString(s)
			last.text.Open = unicode.IsLetter(r) || unicode.IsNumber(r)
		}
	}

	// An OR joins the text items on either side; anywhere else it is a word.
	for i := range items {
		if items[i].kind != itemOr {
			continue
		}
		if i == 0 || i == len(items)-1 || !items[i-1].positiveText() || !items[i+1].positiveText() {
			items[i] = item{kind: itemText, text: Text{Words: items[i].raw}}
		}
	}
	texts := 0
	for i := 0; i < len(items); i++ {
		it := items[i]
		switch it.kind {
		case itemFilter:
			q.addFilter(it)
			continue
		case itemOr, itemSkip:
			continue
		}
		if texts >= MaxQueryTexts {
			continue
		}
		texts++
		if it.neg {
			q.Exclude = append(q.Exclude, it.text)
			continue
		}
		if i > 0 && items[i-1].kind == itemOr && len(q.Groups) > 0 {
			g := &q.Groups[len(q.Groups)-1]
			*g = append(*g, it.text)
			continue
		}
		q.Groups = append(q.Groups, Group{it.text})
	}
	return q
}

type itemKind int

const (
	itemText itemKind = iota
	itemOr
	itemFilter
	itemSkip
)

type item struct {
	kind     itemKind
	text     Text
	neg      bool
	raw      string // as typed, for an OR or a filter
	key, val string // a filter
}

func (it item) positiveText() bool { return it.kind == itemText && !it.neg }

// readItem reads one item from the start of s (which starts with a non-space)
// and returns it and the bytes it used.
func readItem(s string) (item, int) {
	// A phrase: "…", or -"…".
	neg := false
	rest := s
	if strings.HasPrefix(rest, "-") && len(rest) > 1 {
		if r, _ := utf8.DecodeRuneInString(rest[1:]); !unicode.IsSpace(r) && r != '-' {
			neg = true
			rest = rest[1:]
		}
	}
	off := len(s) - len(rest)
	if strings.HasPrefix(rest, `"`) {
		if end := strings.IndexByte(rest[1:], '"'); end >= 0 {
			return item{kind: itemText, neg: neg, text: Text{Words: rest[1 : 1+end], Phrase: true}}, off + end + 2
		}
		// Unbalanced: skip the quote and read on as plain words.
		return item{kind: itemSkip}, off + 1
	}
	// A filter, maybe with a quoted value: key:value, key:"a value".
	if !neg {
		if k := strings.IndexByte(rest, ':'); k > 0 {
			key := strings.ToLower(rest[:k])
			if isFilterKey(key) {
				v := rest[k+1:]
				if strings.HasPrefix(v, `"`) {
					if end := strings.IndexByte(v[1:], '"'); end > 0 {
						return item{kind: itemFilter, key: key, val: v[1 : 1+end], raw: rest[:k+1+end+2]}, k + 1 + end + 2
					}
				} else if n := fieldLen(v); n > 0 && !strings.Contains(v[:n], `"`) {
					return item{kind: itemFilter, key: key, val: v[:n], raw: rest[:k+1+n]}, k + 1 + n
				}
			}
		}
	}
	n := fieldLen(rest)
	word := rest[:n]
	if !neg && word == "OR" {
		return item{kind: itemOr, raw: word}, n
	}
	return item{kind: itemText, neg: neg, text: Text{Words: word}}, off + n
}

// fieldLen returns the length of the run of non-space characters at the
// start of s.
func fieldLen(s string) int {
	for i, r := range s {
		if unicode.IsSpace(r) {
			return i
		}
	}
	return len(s)
}

func isFilterKey(k string) bool {
	switch k {
	case "tag", "type", "in", "author", "is":
		return true
	}
	return false
}

// addFilter records a filter, or reads it as plain words when its value is
// not one the filter takes.
func (q *Query) addFilter(it item) {
	v := strings.TrimSpace(it.val)
	add := func(list *[]string, v string) {
		if v != "" && len(*list) < MaxFilters && !slices.Contains(*list, v) {
			*list = append(*list, v)
		}
	}
	ok := false
	switch it.key {
	case "tag":
		v = strings.Join(strings.Fields(strings.ToLower(strings.TrimLeft(v, "#"))), "-")
		if v != "" && utf8.RuneCountInString(v) <= 64 {
			add(&q.Tags, v)
			ok = true
		}
	case "type":
		if t, found := typeNames[strings.ToLower(v)]; found {
			add(&q.Types, t)
			ok = true
		}
	case "in":
		if v = strings.ToLower(v); slugRe.MatchString(v) {
			add(&q.Communities, v)
			ok = true
		}
	case "author":
		if v != "" && utf8.RuneCountInString(v) <= 100 {
			add(&q.Authors, v)
			ok = true
		}
	case "is":
		if a, found := answeredNames[strings.ToLower(v)]; found {
			q.Answered = &a
			ok = true
		}
	}
	if !ok && len(q.Groups)+len(q.Exclude) < MaxQueryTexts {
		q.Groups = append(q.Groups, Group{{Words: it.raw}})
	}
}

// String writes the query back in its syntax, in a canonical order: texts,
// exclusions, then filters. Parse(q.String()) reads the same query.
func (q Query) String() string {
	var parts []string
	text := func(t Text) string {
		if t.Phrase {
			return `"` + t.Words + `"`
		}
		return t.Words
	}
	for _, g := range q.Groups {
		var alts []string
		for _, t := range g {
			alts = append(alts, text(t))
		}
		parts = append(parts, strings.Join(alts, " OR "))
	}
	for _, t := range q.Exclude {
		parts = append(parts, "-"+text(t))
	}
	filter := func(key string, vals []string) {
		for _, v := range vals {
			if strings.ContainsFunc(v, unicode.IsSpace) || strings.Contains(v, `"`) {
				v = `"` + strings.ReplaceAll(v, `"`, "") + `"`
			}
			parts = append(parts, key+":"+v)
		}
	}
	filter("tag", q.Tags)
	filter("type", q.Types)
	filter("in", q.Communities)
	filter("author", q.Authors)
	if q.Answered != nil {
		if *q.Answered {
			parts = append(parts, "is:answered")
		} else {
			parts = append(parts, "is:unanswered")
		}
	}
	return strings.Join(parts, " ")
}
