package markdown

import (
	"bytes"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"

	nethtml "golang.org/x/net/html"
)

// A mention is @ followed by a handle: the local part of the person's
// e-mail address (karin.lindqvist for karin.lindqvist@fjallvind.se),
// lower-cased. It starts and ends with a letter or digit and may hold dots,
// hyphens and underscores between. An @ right after a letter, digit or one
// of _ . - / @ is not a mention, so e-mail addresses and paths stay text.
//
// The letters are spelled out instead of matched case-insensitively: with
// (?i), Go's regexp folds "ſ" (long s) to s and "K" (Kelvin sign) to k,
// which lower-casing then keeps as they are (found by FuzzMentions).
var mentionRe = regexp.MustCompile(`(^|[^\p{L}\p{N}_.@/-])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?)`)

// MaxMentions is how many distinct handles one text may mention.
const MaxMentions = 50

// HandleRe matches a whole handle.
var HandleRe = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$`)

// Mentions returns the distinct handles mentioned in rendered HTML, in order
// of first appearance, at most MaxMentions. Text inside links, code and
// preformatted blocks mentions no one.
func Mentions(renderedHTML string) []string {
	var out []string
	seen := map[string]bool{}
	walkText(renderedHTML, func(text string, linkable bool) {
		if !linkable {
			return
		}
		for _, m := range findMentions(text) {
			h := strings.ToLower(text[m[0]:m[1]])
			if !seen[h] && len(out) < MaxMentions {
				seen[h] = true
				out = append(out, h)
			}
		}
	})
	return out
}

// LinkMentions turns each mention of a known handle in rendered HTML into a
// link to the person's profile. Unknown handles stay text; everything else
// is copied byte for byte.
func LinkMentions(renderedHTML string, ids map[string]int64) string {
	if len(ids) == 0 {
		return renderedHTML
	}
	var buf strings.Builder
	z := nethtml.NewTokenizer(strings.NewReader(renderedHTML))
	skip := 0
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			if z.Err() == io.EOF {
				return buf.String()
			}
			return renderedHTML
		}
		raw := z.Raw()
		switch tt {
		case nethtml.StartTagToken, nethtml.EndTagToken:
			name, _ := z.TagName()
			if noMention(string(name)) {
				if tt == nethtml.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
		case nethtml.TextToken:
			if skip == 0 {
				text := html.UnescapeString(string(raw))
				if linked, ok := linkText(text, ids); ok {
					buf.WriteString(linked)
					continue
				}
			}
		}
		buf.Write(raw)
	}
}

// linkText escapes text with the known mentions in it made links; ok is
// false when it holds none.
func linkText(text string, ids map[string]int64) (string, bool) {
	var b strings.Builder
	last, any := 0, false
	for _, m := range findMentions(text) {
		h := strings.ToLower(text[m[0]:m[1]])
		id, ok := ids[h]
		if !ok {
			continue
		}
		any = true
		at := m[0] - 1 // the @
		b.WriteString(html.EscapeString(text[last:at]))
		b.WriteString(`<a href="/u/` + strconv.FormatInt(id, 10) + `" class="mention">@` + html.EscapeString(text[m[0]:m[1]]) + `</a>`)
		last = m[1]
	}
	if !any {
		return "", false
	}
	b.WriteString(html.EscapeString(text[last:]))
	return b.String(), true
}

// findMentions returns where the handles of the mentions in text start and
// end. A handle followed by another @ is no mention ("@a@b" is neither).
func findMentions(text string) [][2]int {
	var out [][2]int
	for _, m := range mentionRe.FindAllStringSubmatchIndex(text, -1) {
		if m[5] < len(text) && text[m[5]] == '@' {
			continue
		}
		out = append(out, [2]int{m[4], m[5]})
	}
	return out
}

func noMention(tag string) bool { return tag == "a" || tag == "code" || tag == "pre" }

// walkText calls fn with each text of the HTML and whether it may hold mentions.
func walkText(s string, fn func(text string, linkable bool)) {
	z := nethtml.NewTokenizer(bytes.NewReader([]byte(s)))
	skip := 0
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return
		case nethtml.StartTagToken:
			if name, _ := z.TagName(); noMention(string(name)) {
				skip++
			}
		case nethtml.EndTagToken:
			if name, _ := z.TagName(); noMention(string(name)) && skip > 0 {
				skip--
			}
		case nethtml.TextToken:
			fn(string(z.Text()), skip == 0)
		}
	}
}

// Text returns the text content of HTML, for tests and plain-text mail.
func Text(s string) string {
	var b strings.Builder
	walkText(s, func(text string, _ bool) { b.WriteString(text) })
	return b.String()
}
