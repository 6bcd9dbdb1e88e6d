package search

import (
	"database/sql"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	_ "modernc.org/sqlite"
)

var seedQueries = []string{
	"", "kaffe", `"exakt fras" -ord`, "a OR b OR c", "OR", "a OR", "OR a", "-", "--", `-"`, `"`, `""`, `"a" "b`,
	"tag:crm type:question in:salj is:unanswered author:anna", `author:"Anna Berg"`, "tag: type: in: is:",
	"e-post 4.12 c++ C# don't", "hur gör man omel", "kundtjänstärende", `'; DROP TABLE x; --`,
	`NEAR(a b) {c d}: ^e f* "g"*`, "a\x00b\x1fc\u0085", "\xff\xfe", "å\u030a", strings.Repeat("ö", 600),
	`\' \\ '' ""`, "OR OR OR", "-a -b -c", "a OR -b", `x OR "y z"`,
}

// fts5 is one contentless FTS5 table shared by the fuzz targets.
var fts5 = sync.OnceValues(func() (*sql.DB, error) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one in-memory database
	if _, err := db.Exec(`CREATE VIRTUAL TABLE docs USING fts5(terms, content='', tokenize="unicode61 remove_diacritics 0")`); err != nil {
		return nil, err
	}
	// tok shows how FTS5's tokenizer reads a text.
	if _, err := db.Exec(`CREATE VIRTUAL TABLE tok USING fts5(x, tokenize="unicode61 remove_diacritics 0")`); err != nil {
		return nil, err
	}
	if _, err := db.Exec(`CREATE VIRTUAL TABLE tokvocab USING fts5vocab(tok, 'instance')`); err != nil {
		return nil, err
	}
	for i, d := range []string{"Hur gör man en omelett?", "Keyboard shortcuts in the CRM", "kundtjänstärende 4.12 e-post"} {
		if _, err := db.Exec(`INSERT INTO docs(rowid, terms) VALUES (?, ?)`, i+1, IndexText(d, "", "")); err != nil {
			return nil, err
		}
	}
	return db, nil
})

// FuzzParse checks that no input makes Parse panic, that its FTS5 rendering
// is always accepted by a real FTS5 MATCH, that its tsquery rendering is
// well formed, and that String reads back as the same query.
func FuzzParse(f *testing.F) {
	for _, s := range seedQueries {
		f.Add(s)
	}
	db, err := fts5()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		for _, prefix := range []bool{false, true} {
			q.Prefix = prefix
			if m := q.FTS5(); m != "" {
				if !ftsShape.MatchString(m) {
					t.Fatalf("Parse(%q).FTS5() = %s: not only quoted terms and operators", s, m)
				}
				var n int
				if err := db.QueryRow(`SELECT count(*) FROM docs WHERE docs MATCH ?`, m).Scan(&n); err != nil {
					t.Fatalf("Parse(%q).FTS5() = %s: FTS5 says %v", s, m, err)
				}
			}
			if tq := q.TSQuery(); !balanced(tq) || !tsShape.MatchString(tq) {
				t.Fatalf("Parse(%q).TSQuery() = %s: not well formed", s, tq)
			}
			if (q.FTS5() == "") != (q.TSQuery() == "") {
				t.Fatalf("Parse(%q): FTS5 %q and TSQuery %q disagree on being empty", s, q.FTS5(), q.TSQuery())
			}
		}
		if again := Parse(q.String()).String(); again != q.String() {
			t.Fatalf("Parse(%q).String() = %q, which parses to %q", s, q.String(), again)
		}
	})
}

// balanced reports whether parentheses nest and quotes pair up outside
// quoted lexemes.
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return false
			}
			i += end + 1
		case '(':
			depth++
		case ')':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// FuzzTerms checks that analysis never panics, that every term is a word
// both engines keep whole, and that snippets mark whole letters of
// themselves.
func FuzzTerms(f *testing.F) {
	for _, s := range append(seedQueries, "Straße naïve x² ½ İstanbul 한국어 ΣΊΣΥΦΟΣ ǅemal ٣٤ 🙂‍↔️ a\u0301\u0302b") {
		f.Add(s, "kaffe")
	}
	db, err := fts5()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, query string) {
		for _, lang := range []string{Swedish, English, ""} {
			for _, term := range Terms(text, lang) {
				if !validTerm(term) {
					t.Fatalf("Terms(%q, %q) has %q, want lower-case letters and digits only", text, lang, term)
				}
			}
		}
		// FTS5 reads the terms exactly as written.
		terms := Terms(text, "")
		if _, err := db.Exec(`DELETE FROM tok`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO tok(rowid, x) VALUES (1, ?)`, strings.Join(terms, " ")); err != nil {
			t.Fatal(err)
		}
		rows, err := db.Query(`SELECT term FROM tokvocab ORDER BY offset`)
		if err != nil {
			t.Fatal(err)
		}
		var read []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			read = append(read, s)
		}
		rows.Close()
		if !slices.Equal(read, terms) {
			t.Fatalf("Terms(%q) = %q, but FTS5 reads them as %q", text, terms, read)
		}
		q := Parse(query)
		q.Prefix = true
		snip, spans := Snippet(text, q, 80)
		if !utf8.ValidString(text) {
			return
		}
		if !utf8.ValidString(snip) {
			t.Fatalf("Snippet(%q, %q) = %q: not valid UTF-8", text, query, snip)
		}
		last := 0
		for _, sp := range spans {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(snip) ||
				!utf8.RuneStart(snip[sp.Start]) || sp.End < len(snip) && !utf8.RuneStart(snip[sp.End]) {
				t.Fatalf("Snippet(%q, %q) = %q with span %v: out of order or mid-letter", text, query, snip, sp)
			}
			last = sp.End
		}
	})
}

// FuzzLike holds the similar-questions query to the same rules as Parse:
// whatever title is typed, it renders as quoted terms that FTS5 accepts and
// a well-formed tsquery, and Coverage stays within its groups.
func FuzzLike(f *testing.F) {
	for _, s := range seedQueries {
		f.Add(s, true)
	}
	db, err := fts5()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, typing bool) {
		q := Like(s, typing)
		if m := q.FTS5(); m != "" {
			if !ftsShape.MatchString(m) {
				t.Fatalf("Like(%q).FTS5() = %s: not only quoted terms and operators", s, m)
			}
			var n int
			if err := db.QueryRow(`SELECT count(*) FROM docs WHERE docs MATCH ?`, m).Scan(&n); err != nil {
				t.Fatalf("Like(%q).FTS5() = %s: FTS5 says %v", s, m, err)
			}
		}
		if tq := q.TSQuery(); !balanced(tq) || !tsShape.MatchString(tq) {
			t.Fatalf("Like(%q).TSQuery() = %s: not well formed", s, tq)
		}
		if got, of := q.Coverage(s); got < 0 || got > of || of > len(q.Groups) {
			t.Fatalf("Like(%q).Coverage(itself) = %d of %d, with %d groups", s, got, of, len(q.Groups))
		}
	})
}
