package importer

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// toMarkdown turns an HTML fragment, as other Q&A sites store bodies, into
// Markdown that reads the same when Tacit renders it: paragraphs, headings,
// emphasis, links, inline code and code blocks, lists, block quotes and rules.
// Images become links to the image, so nothing is loaded from elsewhere.
// Relative links are resolved against base; a link that is not http, https
// or mailto keeps its text and loses its target. Every other element becomes
// its text, and scripts, styles and embedded objects are dropped. All text is
// escaped, so nothing in it is read as Markdown syntax or raw HTML.
func toMarkdown(src string, base *url.URL) string {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(src), ctx)
	if err != nil { // only on read errors, which a strings.Reader never has
		return escapeText(src, false)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	c := converter{base: base}
	return joinBlocks(c.blocks(root, 0))
}

// maxDepth bounds nesting: deeper elements are read as plain text, so a
// hostile body cannot make the output grow with the square of its depth.
const maxDepth = 40

type blockKind int

const (
	paragraph blockKind = iota
	list
	other
)

type block struct {
	kind blockKind
	text string
}

func joinBlocks(bs []block) string {
	var b strings.Builder
	for i, bl := range bs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.text)
	}
	return b.String()
}

type converter struct {
	base *url.URL
}

// Elements dropped with everything inside them.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true, atom.Title: true,
	atom.Meta: true, atom.Link: true, atom.Base: true, atom.Svg: true, atom.Math: true, atom.Object: true, atom.Embed: true,
	atom.Applet: true, atom.Frame: true, atom.Frameset: true, atom.Textarea: true, atom.Select: true, atom.Option: true,
	atom.Button: true, atom.Input: true, atom.Param: true, atom.Track: true, atom.Map: true, atom.Area: true,
}

// Elements that stand on their own lines; everything else not handled by
// name flows inline as text.
var blockish = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Aside: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Main: true, atom.Figure: true, atom.Figcaption: true, atom.Table: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Tr: true, atom.Caption: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Details: true, atom.Summary: true, atom.Center: true, atom.Address: true, atom.Form: true,
	atom.Fieldset: true, atom.Legend: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.Pre: true, atom.Hr: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Iframe: true, atom.Video: true, atom.Audio: true, atom.Body: true, atom.Html: true,
}

// blocks renders the children of n as a sequence of Markdown blocks.
func (c converter) blocks(n *html.Node, depth int) []block {
	var out []block
	var para inline
	flush := func() {
		if s := para.paragraph(); s != "" {
			out = append(out, block{paragraph, s})
		}
		para = inline{}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && dropped[ch.DataAtom] {
			continue
		}
		if ch.Type != html.ElementNode || !blockish[ch.DataAtom] || depth >= maxDepth {
			c.inline(ch, &para, depth+1, false)
			continue
		}
		flush()
		out = append(out, c.block(ch, depth+1)...)
	}
	flush()
	return out
}

// block renders one block-level element.
func (c converter) block(n *html.Node, depth int) []block {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		var in inline
		c.children(n, &in, depth, false)
		text := strings.Join(strings.Fields(strings.ReplaceAll(in.String(), "\n", " ")), " ")
		if text == "" {
			return nil
		}
		if strings.HasSuffix(text, "#") { // a trailing # would close the heading
			text = text[:len(text)-1] + `\#`
		}
		level := int(n.Data[1] - '0')
		return []block{{other, strings.Repeat("#", level) + " " + text}}
	case atom.Pre:
		return codeBlock(n)
	case atom.Hr:
		return []block{{other, "---"}}
	case atom.Blockquote:
		inner := joinBlocks(c.blocks(n, depth))
		if inner == "" {
			return nil
		}
		return []block{{other, prefixLines(inner, "> ", ">")}}
	case atom.Ul, atom.Ol:
		return c.list(n, depth)
	case atom.Iframe, atom.Video, atom.Audio:
		var in inline
		c.embed(n, &in)
		if s := in.paragraph(); s != "" {
			return []block{{paragraph, s}}
		}
		return nil
	}
	return c.blocks(n, depth)
}

// list renders ul and ol, numbering ordered items from their start attribute.
func (c converter) list(n *html.Node, depth int) []block {
	num := 1
	if n.DataAtom == atom.Ol {
		if v, err := strconv.Atoi(attr(n, "start")); err == nil && v >= 0 && v < 1e9 {
			num = v
		}
	}
	var items []string
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		var bs []block
		switch {
		case li.Type == html.ElementNode && li.DataAtom == atom.Li:
			bs = c.blocks(li, depth+1)
		case li.Type == html.ElementNode && (li.DataAtom == atom.Ul || li.DataAtom == atom.Ol):
			bs = c.list(li, depth+1) // a list nested without its li, as editors sometimes write
		case li.Type == html.ElementNode && blockish[li.DataAtom]:
			bs = c.block(li, depth+1)
		default: // stray text or inline elements, as if they had their own li
			var in inline
			c.inline(li, &in, depth+1, false)
			if s := in.paragraph(); s != "" {
				bs = []block{{paragraph, s}}
			}
		}
		if len(bs) == 0 {
			continue
		}
		// A paragraph directly followed by a sub-list stays tight; other
		// blocks in an item are separated by a blank line.
		var b strings.Builder
		for i, bl := range bs {
			if i > 0 {
				if bl.kind == list && bs[i-1].kind == paragraph {
					b.WriteString("\n")
				} else {
					b.WriteString("\n\n")
				}
			}
			b.WriteString(bl.text)
		}
		marker := "- "
		if n.DataAtom == atom.Ol {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		pad := strings.Repeat(" ", len(marker))
		items = append(items, marker+strings.TrimPrefix(prefixLines(b.String(), pad, ""), pad))
	}
	if len(items) == 0 {
		return nil
	}
	return []block{{list, strings.Join(items, "\n")}}
}

// children renders the children of n inline.
func (c converter) children(n *html.Node, in *inline, depth int, inLink bool) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.inline(ch, in, depth+1, inLink)
	}
}

// inline renders n as inline Markdown into in.
func (c converter) inline(n *html.Node, in *inline, depth int, inLink bool) {
	switch n.Type {
	case html.TextNode:
		in.text(n.Data)
		return
	case html.ElementNode:
	default:
		return // comments, doctypes
	}
	if dropped[n.DataAtom] {
		return
	}
	if depth >= maxDepth {
		in.text(textContent(n))
		return
	}
	switch n.DataAtom {
	case atom.Br:
		in.raw("\n")
	case atom.Em, atom.I, atom.Cite, atom.Var, atom.Dfn:
		c.emphasis(n, in, depth, inLink, "*", styleEm)
	case atom.Strong, atom.B:
		c.emphasis(n, in, depth, inLink, "**", styleStrong)
	case atom.S, atom.Strike, atom.Del:
		c.emphasis(n, in, depth, inLink, "~~", styleStrike)
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		in.code(textContent(n))
	case atom.Pre:
		in.space()
		in.code(textContent(n))
		in.space()
	case atom.A:
		c.link(n, in, depth, inLink)
	case atom.Img:
		c.image(n, in, inLink)
	case atom.Iframe, atom.Video, atom.Audio:
		if !inLink {
			c.embed(n, in)
		}
	case atom.Td, atom.Th, atom.Li, atom.Dt, atom.Dd:
		in.space()
		c.children(n, in, depth, inLink)
		in.space()
	default:
		if blockish[n.DataAtom] { // a block inside inline content: keep it apart by a space
			in.space()
			c.children(n, in, depth, inLink)
			in.space()
			return
		}
		c.children(n, in, depth, inLink)
	}
}

// emphasis wraps the inline content of n in delim. Spaces at its edges move
// outside, where CommonMark wants them, and nesting the same kind twice adds
// no second pair.
func (c converter) emphasis(n *html.Node, in *inline, depth int, inLink bool, delim string, st style) {
	if in.style&st != 0 {
		c.children(n, in, depth, inLink)
		return
	}
	inner := inline{style: in.style | st}
	c.children(n, &inner, depth, inLink)
	in.wrap(inner.String(), func(s string) string { return delim + s + delim })
}

func (c converter) link(n *html.Node, in *inline, depth int, inLink bool) {
	if inLink { // links cannot nest in Markdown: keep the text
		c.children(n, in, depth, true)
		return
	}
	inner := inline{style: in.style}
	c.children(n, &inner, depth, true)
	text := strings.ReplaceAll(inner.String(), "\n", " ")
	dest, ok := c.url(attr(n, "href"), true)
	if !ok {
		in.wrap(text, func(s string) string { return s })
		return
	}
	if strings.TrimSpace(text) == "" {
		text = escapeText(dest, false)
	}
	in.wrap(text, func(s string) string { return "[" + s + "](" + dest + ")" })
}

// image becomes a link to the image; inside a link, only its description.
func (c converter) image(n *html.Node, in *inline, inLink bool) {
	alt := strings.Join(strings.Fields(attr(n, "alt")), " ")
	if inLink {
		if alt == "" {
			alt = "image"
		}
		in.text(alt)
		return
	}
	dest, ok := c.url(attr(n, "src"), false)
	if !ok {
		in.text(alt)
		return
	}
	label := "Image"
	if alt != "" {
		label += ": " + escapeText(alt, false)
	}
	in.link("[" + label + "](" + dest + ")")
}

// embed turns an embedded player into a link to what it plays.
func (c converter) embed(n *html.Node, in *inline) {
	src := attr(n, "src")
	if src == "" {
		for ch := n.FirstChild; ch != nil && src == ""; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && ch.DataAtom == atom.Source {
				src = attr(ch, "src")
			}
		}
	}
	if dest, ok := c.url(src, false); ok {
		in.space()
		in.link("[Embedded content](" + dest + ")")
		in.space()
	}
}

// url resolves a link target against the base and keeps it only when it is
// http, https or (for links) mailto, written so that Markdown reads it whole.
func (c converter) url(raw string, mailto bool) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.ContainsFunc(raw, unicode.IsControl) {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	if c.base != nil && u.Scheme == "" {
		u = c.base.ResolveReference(u)
	}
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
	case "mailto":
		if !mailto {
			return "", false
		}
	default:
		return "", false
	}
	return destEscaper.Replace(u.String()), true
}

var destEscaper = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", `\`, "%5C", "`", "%60", "\n", "", "\r", "")

// codeBlock renders pre as a fenced code block, keeping its text exactly.
func codeBlock(n *html.Node) []block {
	code := strings.Trim(textContent(n), "\n")
	if strings.TrimSpace(code) == "" {
		return nil
	}
	fence := strings.Repeat("`", max(3, longestRun(code, '`')+1))
	lang := language(n)
	if lang == "" {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && ch.DataAtom == atom.Code {
				lang = language(ch)
			}
		}
	}
	return []block{{other, fence + lang + "\n" + code + "\n" + fence}}
}

var langRe = regexp.MustCompile(`^(?:lang|language)-([a-zA-Z0-9_+-]{1,30})$`)

// language reads a code language from Stack Exchange's class="lang-go".
func language(n *html.Node) string {
	for _, f := range strings.Fields(attr(n, "class")) {
		if m := langRe.FindStringSubmatch(f); m != nil && m[1] != "none" {
			return m[1]
		}
	}
	return ""
}

// textContent is the text of n and its descendants as written, with line
// breaks for br, for code where every character counts.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte('\n')
		case n.Type == html.ElementNode && dropped[n.DataAtom]:
		default:
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				walk(ch)
			}
		}
	}
	walk(n)
	return cleanText(strings.ReplaceAll(b.String(), "\r\n", "\n"))
}

// cleanText keeps valid UTF-8 without control characters other than tab
// and newline; other white space becomes a space.
func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r' || r == '\f' || r == '\v':
			return ' '
		case r == utf8.RuneError || (unicode.IsControl(r) && r != '\n' && r != '\t'):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// prefixLines puts prefix before every line of s, and blank before empty ones.
func prefixLines(s, prefix, blank string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = blank
		} else {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// inline collects the Markdown of a run of inline content, collapsing
// white space as HTML does.
type inline struct {
	b     []byte
	style style // the emphasis already around this content
}

type style uint8

const (
	styleEm style = 1 << iota
	styleStrong
	styleStrike
)

// wrap adds content rendered apart, passed through markup, with white space
// at its edges moved outside the markup, where CommonMark wants it.
func (in *inline) wrap(s string, markup func(string) string) {
	trimmed := strings.TrimFunc(s, isHTMLSpace)
	if trimmed == "" {
		if s != "" {
			in.space()
		}
		return
	}
	if isHTMLSpace(rune(s[0])) {
		in.space()
	}
	in.link(markup(trimmed))
	if isHTMLSpace(rune(s[len(s)-1])) {
		in.space()
	}
}

func (in *inline) String() string { return string(in.b) }

// space adds one space unless the text already ends in white space. At the
// start it is kept too: emphasis and links move it outside themselves, and
// paragraphs trim it.
func (in *inline) space() {
	if n := len(in.b); n == 0 || (in.b[n-1] != ' ' && in.b[n-1] != '\n') {
		in.b = append(in.b, ' ')
	}
}

// raw adds Markdown as it is.
func (in *inline) raw(s string) { in.b = append(in.b, s...) }

// link adds Markdown that may start with a link. An ! before it would make
// the link an image, loaded from elsewhere when read: it is escaped.
func (in *inline) link(s string) {
	if n := len(in.b); strings.HasPrefix(s, "[") && n > 0 && in.b[n-1] == '!' {
		slashes := 0 // an odd number escape the !
		for i := n - 2; i >= 0 && in.b[i] == '\\'; i-- {
			slashes++
		}
		if slashes%2 == 0 {
			in.b = append(in.b[:n-1], '\\', '!')
		}
	}
	in.b = append(in.b, s...)
}

// text adds text, escaped, with runs of HTML white space folded into one space.
func (in *inline) text(s string) {
	s = cleanText(s)
	var words []string
	start := -1
	for i, r := range s {
		if isHTMLSpace(r) {
			if start >= 0 {
				words = append(words, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	if len(words) == 0 {
		if s != "" {
			in.space()
		}
		return
	}
	if isHTMLSpace(rune(s[0])) {
		in.space()
	}
	in.b = append(in.b, escapeText(strings.Join(words, " "), true)...)
	if isHTMLSpace(rune(s[len(s)-1])) {
		in.space()
	}
}

// code adds an inline code span, fenced with more backticks than it holds.
func (in *inline) code(s string) {
	s = strings.ReplaceAll(s, "\n", " ")
	s = strings.ReplaceAll(s, "\t", " ")
	if strings.TrimSpace(s) == "" {
		if s != "" {
			in.space()
		}
		return
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || (strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ")) {
		s = " " + s + " "
	}
	in.b = append(in.b, fence+s+fence...)
}

// paragraph returns the collected content as a paragraph: each line trimmed,
// empty lines dropped, and a line start that Markdown would read as a
// heading, list item or rule escaped.
func (in *inline) paragraph() string {
	lines := strings.Split(string(in.b), "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.TrimFunc(l, isHTMLSpace)
		if l != "" {
			out = append(out, escapeLineStart(l))
		}
	}
	return strings.Join(out, "\n")
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

var orderedRe = regexp.MustCompile(`^[0-9]{1,9}[.)]`)

// escapeLineStart escapes what would start a heading, list, rule or setext
// underline at the beginning of a line.
func escapeLineStart(l string) string {
	switch l[0] {
	case '#', '-', '+', '=':
		return `\` + l
	}
	if m := orderedRe.FindStringIndex(l); m != nil {
		return l[:m[1]-1] + `\` + l[m[1]-1:]
	}
	return l
}

var entityRe = regexp.MustCompile(`^&#?[a-zA-Z0-9]+;`)

// escapeText backslash-escapes the characters that Markdown would read as
// syntax: emphasis, code, links, raw HTML, strikethrough and tables. An
// underscore inside a word is left alone, as Markdown does; so is &, unless
// it would start an entity. With words false every underscore is escaped.
func escapeText(s string, words bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch ch {
		case '\\', '`', '*', '[', ']', '<', '>', '~', '|':
			b.WriteByte('\\')
		case '_':
			if !words || i == 0 || i == len(s)-1 || !isWordByte(s[i-1]) || !isWordByte(s[i+1]) {
				b.WriteByte('\\')
			}
		case '&':
			if entityRe.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(ch)
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
