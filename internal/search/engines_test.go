package search_test

import (
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/tacit-org/tacit/internal/search"
	"github.com/tacit-org/tacit/internal/store/storetest"
)

// The same documents and queries run through SQLite FTS5 and PostgreSQL, the
// way the store uses them, and must find the same documents.
var docs = []struct {
	id                int
	lang, title, body string
}{
	{1, "sv", "Hur gör man en omelett?", "Jag gör omeletter med ost varje morgon."},
	{2, "sv", "Genvägar i CRM-systemet", "Det finns en genväg för att skapa ett nytt kundtjänstärende direkt från inkorgen."},
	{3, "sv", "Frågan om kaffet på kontoret", "Kaffemaskinen i mötesrummet är trasig igen. Vem ringer man?"},
	{4, "sv", "Arbetsmiljöfrågor på lagret", "Skyddsombudet vill veta var bönorna till fikat ska stå."},
	{5, "sv", "Fåglar på taket", "Fåglarna bygger bon under taket vid lastkajen."},
	{6, "en", "Keyboard shortcuts in the CRM", "Press Ctrl+K to search. This shortcut saves time when you answer questions."},
	{7, "en", "How to brew better coffee", "Use fresh beans and a burr grinder. Café-style espresso needs 9 bar."},
	{8, "", "Frågan: which e-post address for support?", "Skriv till supporten, they answer within a day."},
	{9, "sv", "Rutin för ärenden", "Varje ärende i kundtjänst får ett nummer, t.ex. 4.12 enligt version 2024-05."},
	{10, "en", "Tricky text", "Straße naïve x² ½ İstanbul 한국어 ΣΊΣΥΦΟΣ ǅemal ٣٤ mp4 1e5 0x1F c++ C# don't O'Brien — «citat» 🙂"},
}

var queries = []struct {
	q      string
	prefix bool
	want   []int
}{
	{"omelett", false, []int{1}},
	{"omeletterna", false, []int{1}},
	{`"gör omeletter"`, false, []int{1}},
	{"genväg", false, []int{2}},
	{"genvägarna", false, []int{2}},
	{"shortcuts", false, []int{6}},
	{"shortcut", false, []int{6}},
	{"kundtjänst", false, []int{2, 9}},
	{"ärende", false, []int{2, 9}},
	{"kundtjänstärende", false, []int{2}},
	{"fråga", false, []int{3, 4, 8}}, // 4: Arbetsmiljöfrågor
	{"frågorna", false, []int{3, 4, 8}},
	{"kaffe", false, []int{3}},
	{"kaffe -mötesrum", false, nil},
	{"frågan -kaffe", false, []int{4, 8}},
	{"bön", false, []int{4}},
	{"bon", false, []int{5}},
	{"arbetsmiljö", false, []int{4}},
	{"miljö", false, []int{4}},
	{"mötesrum", false, []int{3}},
	{"espresso OR omelett", false, []int{1, 7}},
	{`"brew better coffee"`, false, []int{7}},
	{`"better brew"`, false, nil},
	{"café", false, []int{7}},
	{"cafe", false, []int{7}},
	{"4.12", false, []int{9}},
	{"e-post", false, []int{8}},
	{"epost", false, []int{8}},
	{"crm-system", false, []int{2}},
	{"questions answer", false, []int{6}},
	{"answer", false, []int{6, 8}},
	{"omel", true, []int{1}},
	{"kundtj", true, []int{2, 9}},
	{"kundtj", false, nil},
	{"hur gör man en ome", true, []int{1}},
	{"c++", false, []int{10}},
	{"c#", false, []int{10}},
	{"strasse", false, []int{10}},
	{"istanbul", false, []int{10}},
	{"dont", false, nil}, // a stop word
	{"obrien", false, []int{10}},
	{"34", false, []int{10}},
	{`"; DROP TABLE docs; --`, false, nil},
	{`NEAR(omelett ost) OR "x`, false, nil},
}

func indexTexts() map[int]string {
	m := map[int]string{}
	for _, d := range docs {
		m[d.id] = search.IndexText(d.title, d.body, d.lang)
	}
	return m
}

func TestSQLiteFTS5(t *testing.T) {
	t.Parallel()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "fts.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustExec(t, db, `CREATE VIRTUAL TABLE docs USING fts5(terms, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0")`)
	mustExec(t, db, `CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, 'instance')`)
	texts := indexTexts()
	for _, d := range docs {
		mustExec(t, db, `INSERT INTO docs(rowid, terms) VALUES (?, ?)`, d.id, texts[d.id])
	}

	// FTS5 reads every term exactly as the analyser wrote it.
	for _, d := range docs {
		got := column(t, db, `SELECT term FROM vocab WHERE doc = ? ORDER BY offset`, d.id)
		if want := strings.Fields(texts[d.id]); !slices.Equal(got, want) {
			t.Errorf("FTS5 tokens of document %d = %q, want %q", d.id, got, want)
		}
	}

	for _, tt := range queries {
		q := search.Parse(tt.q)
		q.Prefix = tt.prefix
		got := []int{}
		if m := q.FTS5(); m != "" {
			got = ids(t, db, `SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid`, m)
		}
		if !slices.Equal(got, orEmpty(tt.want)) {
			t.Errorf("FTS5: %q (MATCH %s) found %v, want %v", tt.q, q.FTS5(), got, orEmpty(tt.want))
		}
	}
}

func TestPostgres(t *testing.T) {
	t.Parallel()
	url := storetest.URL(t)
	if url == "" {
		t.Skip("set " + storetest.EnvURL + " to run against PostgreSQL")
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustExec(t, db, `CREATE TABLE docs (id int PRIMARY KEY, terms tsvector NOT NULL)`)
	mustExec(t, db, `CREATE INDEX docs_terms ON docs USING gin (terms)`)
	texts := indexTexts()
	for _, d := range docs {
		mustExec(t, db, `INSERT INTO docs (id, terms) VALUES ($1, to_tsvector('simple', $2))`, d.id, texts[d.id])
	}

	// PostgreSQL's parser reads every term exactly as the analyser wrote it.
	for _, d := range docs {
		got := column(t, db, `SELECT token FROM ts_debug('simple', $1) WHERE alias <> 'blank'`, texts[d.id])
		if want := strings.Fields(texts[d.id]); !slices.Equal(got, want) {
			t.Errorf("PostgreSQL tokens of document %d = %q, want %q", d.id, got, want)
		}
	}

	for _, tt := range queries {
		q := search.Parse(tt.q)
		q.Prefix = tt.prefix
		got := []int{}
		if tq := q.TSQuery(); tq != "" {
			got = ids(t, db, `SELECT id FROM docs WHERE terms @@ to_tsquery('simple', $1) ORDER BY id`, tq)
		}
		if !slices.Equal(got, orEmpty(tt.want)) {
			t.Errorf("PostgreSQL: %q (to_tsquery %s) found %v, want %v", tt.q, q.TSQuery(), got, orEmpty(tt.want))
		}
	}
}

func mustExec(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

func column(t *testing.T, db *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return out
}

func ids(t *testing.T, db *sql.DB, query string, args ...any) []int {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatalf("%s %v: %v", query, args, err)
	}
	defer rows.Close()
	out := []int{}
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s %v: %v", query, args, err)
	}
	return out
}

func orEmpty(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}
