package store

import (
	"strings"
	"testing"
)

// TestFeedPlans reads SQLite's plan of the home and community feeds: both
// must walk an index of posts in activity order, never scan the table or
// sort it, so that the hidden and held filters cost nothing per page.
func TestFeedPlans(t *testing.T) {
	t.Parallel()
	s, err := openSQLite(t.Context(), t.TempDir()+"/plan.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	v := Viewer{ID: 1}
	for name, f := range map[string]PostFilter{
		"home":      {Home: true},
		"community": {CommunityID: 1},
		"all":       {},
	} {
		q, args := postsQuery(v, f, Cursor{}, 20)
		plan := explain(t, s.r, q, args)
		t.Logf("%s feed plan:\n%s", name, plan)
		if strings.Contains(plan, "SCAN p\n") || strings.Contains(plan, "USE TEMP B-TREE FOR ORDER BY") {
			t.Errorf("%s feed: plan scans or sorts posts:\n%s", name, plan)
		}
		if !strings.Contains(plan, "posts_") {
			t.Errorf("%s feed: plan uses no index of posts:\n%s", name, plan)
		}
	}
}

func explain(t *testing.T, db queryer, q string, args []any) string {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatalf("explain: %v", err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "\n")
	}
	return b.String()
}
