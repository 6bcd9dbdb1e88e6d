// Package i18n holds every string people read, in Swedish and English, with
// CLDR plural rules (go-i18n) and Swedish and English number formats (x/text).
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

//go:embed locales/*.json
var locales embed.FS

// Languages are the interface languages, the default first.
var Languages = []string{"sv", "en"}

var (
	bundle     *goi18n.Bundle
	localizers = map[string]*goi18n.Localizer{}
	printers   = map[string]*message.Printer{}
	cache      sync.Map // lang+id -> string, for messages without data
	matcher    = language.NewMatcher([]language.Tag{language.Swedish, language.English})
)

func init() {
	bundle = goi18n.NewBundle(language.Swedish)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, lang := range Languages {
		for _, name := range files(lang) {
			if _, err := bundle.LoadMessageFileFS(locales, name); err != nil {
				panic("i18n: " + err.Error())
			}
		}
		localizers[lang] = goi18n.NewLocalizer(bundle, lang)
		printers[lang] = message.NewPrinter(language.Make(lang))
	}
}

// Supported reports whether lang is an interface language.
func Supported(lang string) bool { return slices.Contains(Languages, lang) }

// Negotiate picks the interface language from an Accept-Language header.
func Negotiate(acceptLanguage string) string {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return Languages[0]
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return Languages[0]
	}
	return Languages[i]
}

// T returns the message id in lang, filled from key/value pairs in args.
// A missing message returns the id itself, so a gap is visible, never fatal.
func T(lang, id string, args ...any) string {
	if len(args) == 0 {
		key := lang + "\x00" + id
		if s, ok := cache.Load(key); ok {
			return s.(string)
		}
		s := localize(lang, id, nil, nil)
		cache.Store(key, s)
		return s
	}
	return localize(lang, id, nil, pairs(args))
}

// N returns the plural form of id for count n, with {{.Count}} set to n
// formatted for lang, and more data from key/value pairs in args.
func N(lang, id string, n int64, args ...any) string {
	data := pairs(args)
	data["Count"] = Number(lang, n)
	return localize(lang, id, n, data)
}

func localize(lang, id string, count any, data map[string]any) string {
	l, ok := localizers[lang]
	if !ok {
		l = localizers[Languages[0]]
	}
	s, err := l.Localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data})
	if err != nil || s == "" {
		return id
	}
	return s
}

func pairs(args []any) map[string]any {
	m := make(map[string]any, len(args)/2+1)
	for i := 0; i+1 < len(args); i += 2 {
		m[fmt.Sprint(args[i])] = args[i+1]
	}
	return m
}

// Number formats an integer the way lang writes it ("1 234" in Swedish).
func Number(lang string, n int64) string {
	p, ok := printers[lang]
	if !ok {
		p = printers[Languages[0]]
	}
	return p.Sprintf("%d", n)
}

// Ago says how long ago t was, in lang: "just now", "5 minutes ago", "3 days ago", or a date.
func Ago(lang string, t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return T(lang, "time.just_now")
	case d < time.Hour:
		return N(lang, "time.minutes_ago", int64(d/time.Minute))
	case d < 24*time.Hour:
		return N(lang, "time.hours_ago", int64(d/time.Hour))
	case d < 30*24*time.Hour:
		return N(lang, "time.days_ago", int64(d/(24*time.Hour)))
	}
	return Date(lang, t)
}

var monthsSV = []string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

// Date formats a calendar date the way lang writes it: "27 november 2026" or "27 November 2026".
func Date(lang string, t time.Time) string {
	if lang == "sv" {
		return fmt.Sprintf("%d %s %d", t.Day(), monthsSV[t.Month()-1], t.Year())
	}
	return t.Format("2 January 2006")
}

// Keys returns the message ids of lang, sorted; tests use it to check that
// both languages say everything.
func Keys(lang string) ([]string, error) {
	m := map[string]any{}
	for _, name := range files(lang) {
		b, err := fs.ReadFile(locales, name)
		if err != nil {
			return nil, err
		}
		var part map[string]any
		if err := json.Unmarshal(b, &part); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", name, err)
		}
		for k, v := range part {
			if _, dup := m[k]; dup {
				return nil, fmt.Errorf("i18n: %s: message %q is defined twice", name, k)
			}
			m[k] = v
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys, nil
}

// files lists the message files of lang: locales/sv.json holds the core, and
// each feature may keep its own, named like locales/search.sv.json.
func files(lang string) []string {
	out := []string{"locales/" + lang + ".json"}
	more, _ := fs.Glob(locales, "locales/*."+lang+".json")
	return append(out, more...)
}

// Has reports whether id is a message of lang.
func Has(lang, id string) bool {
	keys, err := Keys(lang)
	if err != nil {
		return false
	}
	_, found := slices.BinarySearch(keys, id)
	return found
}

// Lower is strings.ToLower, exported for templates that build sentences.
func Lower(s string) string { return strings.ToLower(s) }
