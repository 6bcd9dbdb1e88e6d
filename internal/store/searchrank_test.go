package store

import (
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchRankIsBM25: given each phrase's exact weight, tacit_rank scores
// every row as FTS5's bm25 with the community column weighed 0 does, for
// one word, several, alternatives, phrases, prefixes, exclusions and a
// community condition (whose phrases it skips); and a phrase given weight 0
// counts for nothing.
func TestSearchRankIsBM25(t *testing.T) {
	t.Parallel()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "rank.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE VIRTUAL TABLE post_search USING fts5(terms, community, content='', contentless_delete=1,
		prefix='2 3 4', tokenize="unicode61 remove_diacritics 0")`); err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("kaffe kaff bryggare brygg espresso mjölk mjölken latte te vatten kvarn malning bön bönor rost rostning ugn gröt")
	r := rand.New(rand.NewPCG(1, 2))
	for id := 1; id <= 400; id++ {
		n := 1 + r.IntN(30)
		ws := make([]string, n)
		for i := range ws {
			// A skewed choice, so that words differ in how common they are.
			ws[i] = words[int(math.Floor(float64(len(words))*r.Float64()*r.Float64()))]
		}
		if _, err := db.Exec(`INSERT INTO post_search (rowid, terms, community) VALUES (?, ?, ?)`, id, strings.Join(ws, " "), fmt.Sprintf("c%d", id%7)); err != nil {
			t.Fatal(err)
		}
	}
	var rows int64
	if err := db.QueryRow(`SELECT COUNT(*) FROM post_search WHERE post_search MATCH 'community : c0 OR c1 OR c2 OR c3 OR c4 OR c5 OR c6'`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	count := func(phrase string) int64 {
		var n int64
		if err := db.QueryRow(`SELECT COUNT(*) FROM post_search WHERE post_search MATCH ?`, "{terms} : "+phrase).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", phrase, err)
		}
		return n
	}
	for _, tc := range []struct {
		phrases []string // as FTS5 numbers them
		match   string   // %s are the phrases in order
	}{
		{[]string{`"kaffe"`}, `%s`},
		{[]string{`"rost"`, `"mjölk"`}, `%s AND %s`},
		{[]string{`"kaff"`, `"kaffe"`, `"bryggare"`}, `(%s OR %s) AND %s`},
		{[]string{`"kaffe" + "kaffe"`, `"te"`}, `%s OR %s`},
		{[]string{`"br"*`, `"kaffe"`}, `%s AND %s`},
		{[]string{`"mjö"*`}, `%s`},
		{[]string{`"kaffe"`, `"te"`}, `(%s) NOT (%s)`},
	} {
		args := make([]any, len(tc.phrases))
		weights := make([]float64, len(tc.phrases))
		for i, p := range tc.phrases {
			args[i] = p
			weights[i] = bm25IDF(float64(rows), float64(count(p)))
		}
		text := "{terms} : (" + fmt.Sprintf(tc.match, args...) + ")"
		for _, scope := range []string{"", ` AND community : ("c1" OR "c2" OR "c3")`} {
			m := text + scope
			compare := func(rankA, rankB string, want func(a, b float64) bool, what string) {
				t.Helper()
				q := `SELECT a.rowid, a.rank, b.rank FROM
					(SELECT rowid, rank FROM post_search WHERE post_search MATCH ?1 AND rank MATCH ?2) a JOIN
					(SELECT rowid, rank FROM post_search WHERE post_search MATCH ?1 AND rank MATCH ?3) b ON a.rowid = b.rowid`
				res, err := db.Query(q, m, rankA, rankB)
				if err != nil {
					t.Fatalf("%s: %v", m, err)
				}
				defer res.Close()
				n := 0
				for res.Next() {
					var id int64
					var a, b float64
					if err := res.Scan(&id, &a, &b); err != nil {
						t.Fatal(err)
					}
					if !want(a, b) {
						t.Errorf("%s: row %d: %s = %v, %s = %v (%s)", m, id, rankA, a, rankB, b, what)
					}
					n++
				}
				if err := res.Err(); err != nil {
					t.Fatal(err)
				}
				if n == 0 {
					t.Errorf("%s: matches nothing; the test needs matches", m)
				}
			}
			compare("bm25(1.0, 0.0)", searchRankMatch(weights), func(a, b float64) bool {
				return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a))
			}, "want equal")
			if len(weights) > 1 && !strings.Contains(tc.match, "NOT") {
				// Without the first phrase's weight, a row holding it scores
				// no better than with it.
				zeroed := append([]float64{0}, weights[1:]...)
				compare(searchRankMatch(weights), searchRankMatch(zeroed), func(a, b float64) bool { return a <= b+1e-12 }, "want first ≤ second")
			}
		}
	}
}
