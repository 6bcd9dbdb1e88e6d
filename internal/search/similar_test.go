package search

import (
	"strings"
	"testing"
)

func TestLike(t *testing.T) {
	for _, tc := range []struct {
		text   string
		typing bool
		want   string // FTS5 rendering
	}{
		{"", false, ""},
		{"-kaffe OR \"te", false, `"kaff" OR "te"`},
		{"How to descale", true, `("descale"* OR "descal")`},
		{"How to descale ", true, `"descal"`},
		{"tag:crm type:question", false, `"tag" OR "crm" OR ("typ" OR "type") OR "question"`},
	} {
		if got := Like(tc.text, tc.typing).FTS5(); got != tc.want {
			t.Errorf("Like(%q, %v).FTS5() = %s, want %s", tc.text, tc.typing, got, tc.want)
		}
	}
	if n := len(Like(strings.Repeat("ord ", 2000), false).Groups); n != 1 {
		t.Errorf("Like(a word repeated): %d groups, want 1", n)
	}
}

func TestCoverage(t *testing.T) {
	q := Like("Hur avkalkar man espressomaskinen?", false)
	for _, tc := range []struct {
		title string
		want  int
	}{
		// "hur" and "man" are stop words: two groups are left.
		{"Avkalka espressomaskin", 2},
		{"Hur avkalkar jag maskinen", 1},
		{"Något helt annat", 0},
	} {
		if got, of := q.Coverage(tc.title); got != tc.want || of != 2 {
			t.Errorf("Coverage(%q) = %d of %d, want %d of 2", tc.title, got, of, tc.want)
		}
	}
	if got, of := (Query{}).Coverage("x"); got != 0 || of != 0 {
		t.Errorf("empty query: Coverage = %d of %d, want 0 of 0", got, of)
	}
}
