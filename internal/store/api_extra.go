package store

import "context"

// CommunityParentID returns the id of a community's parent (0 for none),
// whether or not any viewer may see the parent. It exists so that saving a
// community's settings keeps a parent the editor cannot see, and so that
// parent cycles can be refused; never show what it returns.
func (s *Store) CommunityParentID(ctx context.Context, id int64) (int64, error) {
	var parent int64
	err := s.r.QueryRowContext(ctx, `SELECT COALESCE(parent_id, 0) FROM communities WHERE id = $1`, id).Scan(&parent)
	return parent, mapErr(err)
}
