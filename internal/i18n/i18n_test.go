package i18n

import (
	"testing"
	"time"
)

func TestPluralsAndNumbers(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang, want string
		d          time.Duration
	}{
		{"sv", "för 1 dag sedan", 24 * time.Hour},
		{"sv", "för 3 dagar sedan", 72 * time.Hour},
		{"en", "1 day ago", 24 * time.Hour},
		{"en", "3 days ago", 72 * time.Hour},
		{"sv", "nyss", time.Second},
		{"en", "27 September 2026", 61 * 24 * time.Hour},
		{"sv", "27 september 2026", 61 * 24 * time.Hour},
	} {
		if got := Ago(tc.lang, now.Add(-tc.d), now); got != tc.want {
			t.Errorf("Ago(%s, -%v) = %q, want %q", tc.lang, tc.d, got, tc.want)
		}
	}
	if got := Number("sv", 1234567); got != "1\u00a0234\u00a0567" && got != "1 234 567" {
		t.Errorf("Number(sv) = %q", got)
	}
	if got := Number("en", 1234567); got != "1,234,567" {
		t.Errorf("Number(en) = %q", got)
	}
}

func TestNegotiate(t *testing.T) {
	for in, want := range map[string]string{"": "sv", "en-US,en;q=0.9": "en", "sv-SE": "sv", "de-DE": "sv", "fi, en;q=0.5": "en", "garbage;;q=x": "sv"} {
		if got := Negotiate(in); got != want {
			t.Errorf("Negotiate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCatalogsAgree(t *testing.T) {
	sv, err := Keys("sv")
	if err != nil {
		t.Fatal(err)
	}
	en, err := Keys("en")
	if err != nil {
		t.Fatal(err)
	}
	in := func(keys []string) map[string]bool {
		m := map[string]bool{}
		for _, k := range keys {
			m[k] = true
		}
		return m
	}
	svm, enm := in(sv), in(en)
	for _, k := range sv {
		if !enm[k] {
			t.Errorf("message %q is in Swedish but not in English", k)
		}
	}
	for _, k := range en {
		if !svm[k] {
			t.Errorf("message %q is in English but not in Swedish", k)
		}
	}
}
