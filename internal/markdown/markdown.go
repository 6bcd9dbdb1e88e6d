// Package markdown turns what people write into safe HTML: goldmark renders
// CommonMark with GitHub extensions (raw HTML off), then an allow-list
// sanitiser keeps only harmless elements, attributes and URL schemes.
package markdown

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

var (
	md = goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithRendererOptions(gmhtml.WithHardWraps()),
	)
	policy = newPolicy()
)

func newPolicy() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireNoFollowOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^language-[a-zA-Z0-9_+-]+$`)).OnElements("code")
	p.AllowAttrs("type", "checked", "disabled").OnElements("input")
	return p
}

// Render returns sanitised HTML for Markdown source.
func Render(src string) string {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		// goldmark only fails on writer errors; fall back to escaped text.
		return "<p>" + html.EscapeString(src) + "</p>"
	}
	return policy.Sanitize(buf.String())
}

var (
	tagRe   = regexp.MustCompile(`<[^>]*>`)
	spaceRe = regexp.MustCompile(`\s+`)
)

// Excerpt returns up to n characters of plain text from Markdown source, for
// lists and previews that must not carry the whole body.
func Excerpt(src string, n int) string {
	text := tagRe.ReplaceAllString(Render(src), " ")
	text = strings.TrimSpace(spaceRe.ReplaceAllString(html.UnescapeString(text), " "))
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)[:n]
	cut := strings.LastIndexByte(string(r), ' ')
	out := string(r)
	if cut > n/2 {
		out = out[:cut]
	}
	return strings.TrimRight(out, " ,.;:") + "…"
}
