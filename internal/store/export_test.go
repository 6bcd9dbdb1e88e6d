package store

import (
	"context"

	"github.com/tacit-org/tacit/internal/search"
)

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

// SetRankSample changes how many of the newest posts the weights of a
// query's words are counted in, and returns a function that restores it.
// Tests that use it must not run in parallel.
func SetRankSample(n int) (restore func()) {
	old := rankSample
	rankSample = n
	return func() { rankSample = old }
}

// MigrateTo applies the pending migrations up to version, for tests of
// upgrades.
func (s *Store) MigrateTo(ctx context.Context, version int) (int, error) {
	return s.migrateTo(ctx, version)
}

// InsertPostBefore0012 writes a post and its search row as the store did
// before migration 0012 (an index row of terms only), on a database
// migrated to 0011.
func (s *Store) InsertPostBefore0012(ctx context.Context, communityID, authorID int64, title string) (int64, error) {
	var id int64
	err := s.w.QueryRowContext(ctx, `INSERT INTO posts (community_id, author_id, anonymous, type, title, body, body_html, excerpt, language, status, created_at, updated_at, activity_at, source_url, moderation)
		VALUES ($1, $2, false, 'question', $3, '', '', '', 'en', '', $4, $4, $4, '', '') RETURNING id`, communityID, authorID, title, now()).Scan(&id)
	if err != nil {
		return 0, err
	}
	q := `INSERT INTO post_search (rowid, terms) VALUES ($1, $2)`
	if s.dialect == Postgres {
		q = `INSERT INTO post_search (post_id, terms) VALUES ($1, $2)`
	}
	_, err = s.w.ExecContext(ctx, q, id, search.IndexText(title, "", "en"))
	return id, err
}
