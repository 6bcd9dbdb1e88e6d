package search

import (
	"slices"
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Ord utan betydelse här. ", 20)
	tests := []struct {
		name, text, query string
		n                 int
		want              string
		marked            []string
	}{
		{"short text, all of it", "Hur gör man en omelett?\n\nMed ägg.", "omeletter ägg", 100,
			"Hur gör man en omelett? Med ägg.", []string{"omelett", "ägg"}},
		{"definite form", "Frågan gäller kaffet.", "fråga kaffe", 100,
			"Frågan gäller kaffet.", []string{"Frågan", "kaffet"}},
		{"compound part", "Ett kundtjänstärende kom in.", "ärende", 100,
			"Ett kundtjänstärende kom in.", []string{"kundtjänstärende"}},
		{"window around the match", long + "Här är genvägen i CRM. " + long, "genväg crm", 60,
			"…här. Här är genvägen i CRM. Ord utan betydelse här. Ord utan…", []string{"genvägen", "CRM"}},
		{"no match: the start", long, "kaffe", 30, "Ord utan betydelse här. Ord…", nil},
		{"prefix while typing", "Omeletten brann.", "omel", 100, "Omeletten brann.", []string{"Omeletten"}},
		{"no words at all", strings.Repeat("-", 50), "kaffe", 10, "----------…", nil},
		{"exclusions are not marked", "kaffe och te", "kaffe -te", 100, "kaffe och te", []string{"kaffe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := Parse(tt.query)
			q.Prefix = true
			got, spans := Snippet(tt.text, q, tt.n)
			if got != tt.want {
				t.Errorf("Snippet = %q, want %q", got, tt.want)
			}
			var marked []string
			for _, s := range spans {
				marked = append(marked, got[s.Start:s.End])
			}
			if !slices.Equal(marked, tt.marked) {
				t.Errorf("Snippet marks %q, want %q", marked, tt.marked)
			}
		})
	}
}
