package markdown

import (
	"regexp"
	"strings"
	"testing"
)

func TestRenderKeepsFormatting(t *testing.T) {
	got := Render("**fet** och `kod`\n\n- ett\n- två\n\n[länk](https://example.se)")
	for _, want := range []string{"<strong>fet</strong>", "<code>kod</code>", "<li>två</li>", `href="https://example.se"`, `rel="nofollow`} {
		if !strings.Contains(got, want) {
			t.Errorf("Render() = %q, want it to contain %q", got, want)
		}
	}
}

func TestRenderRemovesDanger(t *testing.T) {
	cases := []string{
		"<script>alert(1)</script>",
		"[x](javascript:alert(1))",
		"![x](javascript:alert(1))",
		`<img src=x onerror=alert(1)>`,
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
		`<a href="vbscript:msgbox(1)">x</a>`,
		"<iframe src=https://evil.example></iframe>",
		"<svg onload=alert(1)>",
	}
	for _, c := range cases {
		got := strings.ToLower(Render(c))
		for _, bad := range []string{"<script", "javascript:", "onerror", "onload", "data:text", "vbscript", "<iframe", "<svg"} {
			if strings.Contains(got, bad) {
				t.Errorf("Render(%q) = %q, contains %q", c, got, bad)
			}
		}
	}
}

func TestExcerpt(t *testing.T) {
	got := Excerpt("# Rubrik\n\nDet här är **en** text med [länk](https://x.se) som är lång nog.", 30)
	if strings.ContainsAny(got, "<>*#[") {
		t.Errorf("Excerpt() = %q, want plain text", got)
	}
	if !strings.HasSuffix(got, "…") || len([]rune(got)) > 31 {
		t.Errorf("Excerpt() = %q, want at most 30 characters and an ellipsis", got)
	}
	if got := Excerpt("kort", 30); got != "kort" {
		t.Errorf("Excerpt(kort) = %q", got)
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{"**a**", "<script>x</script>", "[a](javascript:b)", "```go\nx\n```", "| a | b |\n|---|---|\n| 1 | 2 |"} {
		f.Add(s)
	}
	// Words like "javascript:" or "onerror=" may appear as text; what must
	// never appear is a script element, an event-handler attribute or a
	// script URL inside a tag.
	unsafe := regexp.MustCompile(`(?i)<script|<[^>]*\son[a-z]+\s*=|<[^>]*(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):`)
	f.Fuzz(func(t *testing.T, src string) {
		got := Render(src)
		if unsafe.MatchString(got) {
			t.Fatalf("Render(%q) = %q: unsafe output", src, got)
		}
	})
}
