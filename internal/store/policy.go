package store

import (
	"context"
	"fmt"
)

// Viewer is the person on whose behalf content is read. Every read of
// content takes one, and the visibility rule is applied inside the query.
type Viewer struct {
	ID    int64
	Admin bool
}

// visibleTo is DESIGN §3 rule 1 in SQL: community alias c is readable by the
// person whose id is bound at param when it is open or they are a member.
// Organisation admins get no silent read access, so Admin plays no part here.
func visibleTo(c, param string) string {
	return fmt.Sprintf(`(%[1]s.visibility = 'open' OR EXISTS (SELECT 1 FROM memberships vm WHERE vm.community_id = %[1]s.id AND vm.person_id = %[2]s))`, c, param)
}

// listedTo is the rule for directories: closed communities are listed to
// everyone, secret ones only to members (DESIGN §3 rule 2).
func listedTo(c, param string) string {
	return fmt.Sprintf(`(%[1]s.visibility <> 'secret' OR EXISTS (SELECT 1 FROM memberships vm WHERE vm.community_id = %[1]s.id AND vm.person_id = %[2]s))`, c, param)
}

// Role returns the viewer's role in a community ("" when not a member).
func (s *Store) Role(ctx context.Context, personID, communityID int64) (string, error) {
	var role string
	err := s.r.QueryRowContext(ctx, `SELECT role FROM memberships WHERE community_id = $1 AND person_id = $2`, communityID, personID).Scan(&role)
	if err := mapErr(err); err == ErrNotFound {
		return "", nil
	} else if err != nil {
		return "", err
	}
	return role, nil
}

// CanModerate reports whether the person is an owner or moderator of the community.
// Moderator power is not read power elsewhere: it is checked per community.
func (s *Store) CanModerate(ctx context.Context, personID, communityID int64) (bool, error) {
	role, err := s.Role(ctx, personID, communityID)
	return role == RoleOwner || role == RoleModerator, err
}
