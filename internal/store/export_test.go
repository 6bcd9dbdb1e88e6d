package store

import "context"

// ClearSearchIndex empties the search index, leaving the posts, as on a
// database migrated before the index existed; tests of Reindex use it.
func (s *Store) ClearSearchIndex(ctx context.Context) error {
	q := `DELETE FROM post_search`
	if s.dialect == SQLite {
		q = `INSERT INTO post_search (post_search) VALUES ('delete-all')`
	}
	_, err := s.w.ExecContext(ctx, q)
	return err
}

// SetRankWindow changes how many matches are ranked, for the test of the
// window, and returns a function that restores it. Tests that use it must
// not run in parallel.
func SetRankWindow(n int) (restore func()) {
	old := rankWindow
	rankWindow = n
	return func() { rankWindow = old }
}
