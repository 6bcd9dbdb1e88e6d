package markdown

import (
	"slices"
	"strings"
	"testing"
)

func TestMentions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		src  string
		want []string
	}{
		{"Hej @karin.lindqvist, kan du titta?", []string{"karin.lindqvist"}},
		{"@Niklas.Persson och @karin.lindqvist och @niklas.persson", []string{"niklas.persson", "karin.lindqvist"}},
		{"mejla karin@fjallvind.se", nil},
		{"trailing dot @anna.", []string{"anna"}},
		{"`@incode` and\n\n    @block\n\n[@link](https://x.se)", nil},
		{"(@a_b-c) @-bad @", []string{"a_b-c"}},
		{"path/@x and x@y", nil},
	}
	for _, c := range cases {
		if got := Mentions(Render(c.src)); !slices.Equal(got, c.want) {
			t.Errorf("Mentions(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

func TestLinkMentions(t *testing.T) {
	t.Parallel()
	in := Render("Fråga @karin.lindqvist <om> `@karin.lindqvist` och @okänd & @Karin.Lindqvist.")
	out := LinkMentions(in, map[string]int64{"karin.lindqvist": 7})
	if n := strings.Count(out, `<a href="/u/7" class="mention">@`); n != 2 {
		t.Errorf("%d links in %s, want 2", n, out)
	}
	if !strings.Contains(out, "<code>@karin.lindqvist</code>") || !strings.Contains(out, "@okänd") || !strings.Contains(out, "&amp;") {
		t.Errorf("text around mentions changed: %s", out)
	}
	if Text(out) != Text(in) {
		t.Errorf("visible text changed:\n%q\n%q", Text(in), Text(out))
	}
	if LinkMentions(in, nil) != in {
		t.Error("no known handles must leave the HTML as it was")
	}
}

// FuzzMentions renders any text, finds its mentions and links all of them:
// handles are well formed, linking keeps the visible text, adds exactly the
// profile links and nothing a sanitiser would remove.
func FuzzMentions(f *testing.F) {
	for _, s := range []string{"@a", "hej @karin.lindqvist!", "a@b @c.d- @e_f", "`@x` **@y** [@z](/u/1)", "<script>@x</script>", "@x&amp;@y", "&#64;x @\u00e5sa @A1", "@\u212a @\u017f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		in := Render(src)
		hs := Mentions(in)
		ids := map[string]int64{}
		for i, h := range hs {
			if !HandleRe.MatchString(h) {
				t.Fatalf("handle %q is not well formed", h)
			}
			ids[h] = int64(i + 1)
		}
		if len(hs) > MaxMentions {
			t.Fatalf("%d handles", len(hs))
		}
		out := LinkMentions(in, ids)
		if Text(out) != Text(in) {
			t.Fatalf("visible text changed:\n%q\n%q", Text(in), Text(out))
		}
		added := strings.Count(out, `class="mention"`) - strings.Count(in, `class="mention"`)
		if len(hs) == 0 && out != in {
			t.Fatalf("no mentions but changed: %q", out)
		}
		if len(hs) > 0 && added < len(hs) {
			t.Fatalf("%d handles, %d links in %q", len(hs), added, out)
		}
		if strings.Count(policy.Sanitize(out), "<a ") != strings.Count(out, "<a ") {
			t.Fatalf("sanitiser drops links from %q", out)
		}
		if len(hs) < MaxMentions && len(Mentions(out)) != 0 {
			// Every mention is inside a link now.
			t.Fatalf("mentions left after linking all: %q", Mentions(out))
		}
	})
}
