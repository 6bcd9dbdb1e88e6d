package importer

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/tacit-org/tacit/internal/markdown"
)

var testBase, _ = url.Parse("https://beer.stackexchange.com/")

func TestToMarkdown(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, html, want string
	}{
		{"paragraphs", "<p>One.</p>\n\n<p>Two.</p>", "One.\n\nTwo."},
		{"white space folds", "<p>a  \n  b\t c</p>", "a b c"},
		{"line break", "<p>a<br>b<br/></p>", "a\nb"},
		{"emphasis", "<p><em>a</em> <strong>b</strong> <i>c</i> <b>d</b> <del>e</del></p>", "*a* **b** *c* **d** ~~e~~"},
		{"emphasis spaces move out", "<p>x<em> a </em>y</p>", "x *a* y"},
		{"empty emphasis", "<p>a<strong> </strong>b</p>", "a b"},
		{"nested emphasis of one kind", "<p><em>a <em>b</em></em></p>", "*a b*"},
		{"link", `<p>See <a href="http://example.com/a?b=1&amp;c=2">the page</a>.</p>`, "See [the page](http://example.com/a?b=1&c=2)."},
		{"relative link is resolved", `<a href="/questions/5">q5</a>`, "[q5](https://beer.stackexchange.com/questions/5)"},
		{"protocol-relative link", `<a href="//i.stack.imgur.com/x.png">x</a>`, "[x](https://i.stack.imgur.com/x.png)"},
		{"mailto link", `<a href="mailto:a@example.com">mail</a>`, "[mail](mailto:a@example.com)"},
		{"link without text shows its address", `<a href="https://example.com/"></a>`, `[https://example.com/](https://example.com/)`},
		{"parentheses in address", `<a href="https://en.wikipedia.org/wiki/Gose_(beer)">Gose</a>`, "[Gose](https://en.wikipedia.org/wiki/Gose_%28beer%29)"},
		{"image becomes a link", `<p><img src="https://i.stack.imgur.com/a.jpg" alt="a glass"></p>`, "[Image: a glass](https://i.stack.imgur.com/a.jpg)"},
		{"image in a link", `<a href="https://i.stack.imgur.com/big.jpg"><img src="https://i.stack.imgur.com/small.jpg" alt="hops"></a>`, "[hops](https://i.stack.imgur.com/big.jpg)"},
		{"inline code", "<p>Run <code>make *all*</code> now</p>", "Run `make *all*` now"},
		{"inline code with backticks", "<code>a`b</code>", "``a`b``"},
		{"code block keeps text", "<pre><code>if a &lt; b {\n    *x = 1\n}\n</code></pre>", "```\nif a < b {\n    *x = 1\n}\n```"},
		{"code block with fence inside", "<pre>```\nx\n```</pre>", "````\n```\nx\n```\n````"},
		{"code block language", `<pre class="lang-py prettyprint-override"><code>print(1)</code></pre>`, "```py\nprint(1)\n```"},
		{"unordered list", "<ul><li>one</li><li>two</li></ul>", "- one\n- two"},
		{"ordered list with start", `<ol start="3"><li>three</li><li>four</li></ol>`, "3. three\n4. four"},
		{"nested list", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n  - b\n- c"},
		{"list item paragraphs", "<ol><li><p>a</p><p>b</p></li></ol>", "1. a\n\n   b"},
		{"block quote", "<blockquote><p>a</p><p>b</p></blockquote>", "> a\n>\n> b"},
		{"quote in a list", "<ul><li><blockquote><p>q</p></blockquote></li></ul>", "- > q"},
		{"headings", "<h1>Title</h1><h3>Sub <em>x</em></h3>", "# Title\n\n### Sub *x*"},
		{"heading ending in #", "<h2>Learning C#</h2>", `## Learning C\#`},
		{"rule", "<p>a</p><hr><p>b</p>", "a\n\n---\n\nb"},
		{"markdown in text is escaped", "<p>*not* _em_ [x](y) `c` &lt;b&gt; a|b ~s~</p>", `\*not\* \_em\_ \[x\](y) \` + "`c\\`" + ` \<b\> a\|b \~s\~`},
		{"underscore inside a word stays", "<p>snake_case_name</p>", "snake_case_name"},
		{"entity-like text is escaped", "<p>&amp;amp; and AT&amp;T</p>", `\&amp; and AT&T`},
		{"line starts are escaped", "<p># not a heading<br>- not a list<br>1. not a list<br>2014) year<br>+ plus<br>=== eq</p>",
			`\# not a heading` + "\n" + `\- not a list` + "\n" + `1\. not a list` + "\n" + `2014\) year` + "\n" + `\+ plus` + "\n" + `\=== eq`},
		{"unknown elements become text", "<div><span>a</span> <sub>2</sub><sup>3</sup> <kbd>Ctrl</kbd></div>", "a 23 `Ctrl`"},
		{"table becomes lines", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"text outside paragraphs", "a<p>b</p>c", "a\n\nb\n\nc"},
		{"! before a link does not make an image", `<p>Look!<a href="https://x.example/i.png">pic</a> Wow!<img src="https://x.example/i.png"></p>`,
			`Look\![pic](https://x.example/i.png) Wow\![Image](https://x.example/i.png)`},
		{"escaped backslash, then ! before a link", `<p>a\!<a href="https://x.example/">b</a></p>`, `a\\\![b](https://x.example/)`},
		{"non-breaking space stays", "<p>1&nbsp;kg</p>", "1\u00a0kg"},
		// What must not survive.
		{"script is dropped", "<p>a</p><script>alert(1)</script><p>b</p>", "a\n\nb"},
		{"style is dropped", "<style>p{}</style><p>a</p>", "a"},
		{"javascript link keeps text only", `<a href="javascript:alert(1)">click</a>`, "click"},
		{"javascript link, mixed case and entities", `<a href="&#106;ava&#x53;cript:alert(1)">x</a><a href=" JAVASCRIPT:alert(1)">y</a>`, "xy"},
		{"control characters in scheme", "<a href=\"java\tscript:alert(1)\">x</a>", "x"},
		{"data link", `<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`, "x"},
		{"vbscript image", `<img src="vbscript:msgbox(1)" alt="pic">`, "pic"},
		{"onerror image", `<img src="x" onerror="alert(1)">`, "[Image](https://beer.stackexchange.com/x)"},
		{"iframe becomes a link", `<iframe src="https://www.youtube.com/embed/abc"></iframe>`, "[Embedded content](https://www.youtube.com/embed/abc)"},
		{"javascript iframe", `<iframe src="javascript:alert(1)"></iframe>`, ""},
		{"svg and object dropped", `<svg onload="alert(1)"><text>s</text></svg><object data="x.swf">o</object>ok`, "ok"},
		{"raw html in text", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", `\<script\>alert(1)\</script\>`},
		{"attribute breakout", `<a href="https://x.example/&quot;onmouseover=&quot;alert(1)">x</a>`, `[x](https://x.example/%22onmouseover=%22alert%281%29)`},
		{"link text cannot close early", `<a href="https://x.example/">a](javascript:alert(1)) [b</a>`, `[a\](javascript:alert(1)) \[b](https://x.example/)`},
	} {
		got := toMarkdown(tc.html, testBase)
		if got != tc.want {
			t.Errorf("%s: toMarkdown(%q)\n got %q\nwant %q", tc.name, tc.html, got, tc.want)
		}
		checkSafe(t, tc.html, got)
	}
}

// TestToMarkdownRendersAsMeant renders converted HTML the way Tacit shows it
// and checks the structure survived.
func TestToMarkdownRendersAsMeant(t *testing.T) {
	t.Parallel()
	src := `<h2>Brewing</h2><p>Use <strong>fresh</strong> <a href="/a/4">hops</a> &amp; <code>&lt;tags&gt;</code>.</p>
<ol><li>Boil<ul><li>60 min</li></ul></li><li>Cool</li></ol><blockquote><p>Quote</p></blockquote>
<pre><code>x &lt; 1</code></pre><p># 1 tip *literal*</p><p><img src="https://i.stack.imgur.com/a.png" alt="glass"></p>`
	got := markdown.Render(toMarkdown(src, testBase))
	for _, want := range []string{
		"<h2>Brewing</h2>", "<strong>fresh</strong>", `href="https://beer.stackexchange.com/a/4"`, "&amp;", "<code>&lt;tags&gt;</code>",
		"<ol>", "<li>Boil", "<ul>", "<li>60 min</li>", "<blockquote>", "<pre><code>x &lt; 1", "# 1 tip *literal*",
		`href="https://i.stack.imgur.com/a.png"`, ">Image: glass</a>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("rendered output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "<img") {
		t.Errorf("an image is loaded from elsewhere:\n%s", got)
	}
}

var rawHTMLOmitted = goldmark.New(goldmark.WithExtensions(extension.GFM))

// checkSafe asserts what every conversion must give: valid text without
// control characters, Markdown in which goldmark finds no raw HTML, and
// rendered HTML without scripts, event handlers or script URLs.
func checkSafe(t *testing.T, src, md string) {
	t.Helper()
	if !utf8.ValidString(md) {
		t.Fatalf("toMarkdown(%q) = %q: not UTF-8", src, md)
	}
	for _, r := range md {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			t.Fatalf("toMarkdown(%q) = %q: control character %U", src, md, r)
		}
	}
	// Rendered without the sanitiser, the Markdown holds no raw HTML: goldmark
	// would have omitted it, and the text would be lost.
	var buf bytes.Buffer
	if err := rawHTMLOmitted.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "raw HTML omitted") {
		t.Fatalf("toMarkdown(%q) = %q: goldmark reads raw HTML in it:\n%s", src, md, buf.String())
	}
	if bad := unsafeHTML(buf.String()); bad != "" {
		t.Fatalf("toMarkdown(%q) = %q renders, unsanitised, with %q:\n%s", src, md, bad, buf.String())
	}
	if bad := unsafeHTML(markdown.Render(md)); bad != "" {
		t.Fatalf("toMarkdown(%q) = %q renders with %q", src, md, bad)
	}
}

var (
	unsafeTagRe  = regexp.MustCompile(`(?i)<(script|style|iframe|object|embed|svg|math|img|form)\b`)
	unsafeAttrRe = regexp.MustCompile(`(?i)<[^>]*\son[a-z]+\s*=`)
	unsafeURLRe  = regexp.MustCompile(`(?i)(href|src)\s*=\s*"\s*(javascript|vbscript|data|file):`)
)

// unsafeHTML names the first dangerous thing in rendered HTML, or "".
func unsafeHTML(h string) string {
	for _, re := range []*regexp.Regexp{unsafeTagRe, unsafeAttrRe, unsafeURLRe} {
		if m := re.FindString(h); m != "" {
			return m
		}
	}
	return ""
}

// FuzzToMarkdown: whatever the HTML, the Markdown is valid text that renders
// without raw HTML, scripts, event handlers or script links, and converting
// never panics. Seeds are in testdata/fuzz/FuzzToMarkdown.
func FuzzToMarkdown(f *testing.F) {
	for _, s := range []string{
		"<p>a <em>b</em></p>", `<a href="javascript:alert(1)">x</a>`, "<pre><code>```</code></pre>",
		"<ul><li><ol><li>x</li></ol></li></ul>", "<blockquote><blockquote><h1>#</h1></blockquote></blockquote>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkSafe(t, src, toMarkdown(src, testBase))
	})
}
