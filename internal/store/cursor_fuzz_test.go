package store

import "testing"

// FuzzParseCursor: any text from a URL either starts at the top or decodes
// to a cursor that encodes back to the same text.
func FuzzParseCursor(f *testing.F) {
	for _, s := range []string{"", "MTcwMDAwMDAwMDAwMC4xMg", "garbage", "LTEuLTE", "MS4w", "%%%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := ParseCursor(s)
		if c.ID == 0 {
			if c.At != 0 {
				t.Fatalf("ParseCursor(%q) = %+v: a cursor without an id must be the top", s, c)
			}
			return
		}
		if c.ID < 0 {
			t.Fatalf("ParseCursor(%q) gave a negative id %d", s, c.ID)
		}
		if back := ParseCursor(c.String()); back != c {
			t.Fatalf("round trip of %q: %+v then %+v", s, c, back)
		}
	})
}

// FuzzNormalizeTags: normalised tags are trimmed, lower-case, unique and never empty.
func FuzzNormalizeTags(f *testing.F) {
	for _, s := range []string{"CRM, genvägar", "  #Excel ,excel", "a,,b", "Kund tjänst", "ÅÄÖ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tags := NormalizeTags([]string{s})
		seen := map[string]bool{}
		for _, tag := range tags {
			if tag == "" || seen[tag] {
				t.Fatalf("NormalizeTags(%q) = %q: empty or duplicate tag", s, tags)
			}
			seen[tag] = true
			if again := NormalizeTags([]string{tag}); len(again) != 1 || again[0] != tag {
				t.Fatalf("NormalizeTags is not stable on %q: %q", tag, again)
			}
		}
	})
}
