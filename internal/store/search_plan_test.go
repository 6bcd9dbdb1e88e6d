package store

import (
	"context"
	"strings"
	"testing"

	"github.com/tacit-org/tacit/internal/search"
)

// TestSearchPlans holds SQLite's plans for the search queries to what keeps
// them fast at a million posts: the full-text index (or, without words, the
// activity index) is the outer loop, every other table is reached by its
// key or an index on the join, and nothing is scanned whole. Plans are
// chosen on an empty database, without statistics, as on a fresh install.
func TestSearchPlans(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, err := Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	v := Viewer{ID: 1}
	// Each query held to a reader's few communities in the index, and not.
	scopes := []searchScope{{ids: []int64{1, 2}, on: true}, {}}
	like := search.Like("hur gör man kaffe med bryggare", true)
	type query struct {
		name string
		sql  string
		args []any
	}
	var queries []query
	for _, sc := range scopes {
		ranked := func(q search.Query) textMatch {
			m, err := s.rankedMatch(ctx, q, sc)
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		sql, args := s.similarSQL(v, ranked(like), 0, 0)
		queries = append(queries, query{"similar questions", sql, args})
		sql, args = s.expertsSQL(v, ranked(like), 0, 0)
		queries = append(queries, query{"experts", sql, args})
		for _, q := range []string{"kaffe bryggare", "kaffe type:question", "kaffe is:unanswered tag:crm", "type:question", "is:unanswered", "-kaffe"} {
			pq := search.Parse(q)
			sql, args := s.searchPageSQL(v, pq, ranked(pq), 0, 20, []int64{5}, 0)
			queries = append(queries, query{"search page " + q, sql, args})
		}
	}
	for _, q := range queries {
		rows, err := s.r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q.sql, q.args...)
		if err != nil {
			t.Fatalf("%s: %v", q.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		for _, step := range plan {
			for _, bad := range []string{"SCAN p\x00", "SCAN r\x00", "SCAN a\x00", "SCAN posts", "SCAN replies", "SCAN people", "posts_unanswered", "AUTOMATIC"} {
				if strings.HasSuffix(bad, "\x00") && step == strings.TrimSuffix(bad, "\x00") || !strings.HasSuffix(bad, "\x00") && strings.Contains(step, bad) {
					t.Errorf("%s: plan step %q reads a table whole or by the wrong index:\n  %s", q.name, step, strings.Join(plan, "\n  "))
				}
			}
		}
	}
}
