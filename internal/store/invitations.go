package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Invitation is a one-time link that lets a new person create their account,
// optionally straight into a community.
type Invitation struct {
	ID            int64
	Email         string
	CommunityID   int64
	CommunityName string
	Role          string
	InvitedByName string
	ExpiresAt     time.Time
}

// CreateInvitation stores an invitation under the hash of its secret token.
func (s *Store) CreateInvitation(ctx context.Context, invitedBy int64, email string, communityID int64, role, tokenHash string, ttl time.Duration) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var community any
		if communityID != 0 {
			community = communityID
		}
		t := now()
		err := tx.QueryRowContext(ctx, `INSERT INTO invitations (token_hash, email, community_id, role, invited_by, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, tokenHash, NormalizeEmail(email), community, role, invitedBy, t, t+ttl.Milliseconds()).Scan(&id)
		if err != nil {
			return err
		}
		return audit(ctx, tx, invitedBy, "invitation.create", "community", communityID, "")
	})
	return id, err
}

// InvitationByHash returns an unused, unexpired invitation.
func (s *Store) InvitationByHash(ctx context.Context, tokenHash string) (Invitation, error) {
	var inv Invitation
	var exp int64
	err := s.r.QueryRowContext(ctx, `SELECT i.id, i.email, COALESCE(i.community_id, 0), COALESCE(c.name, ''), i.role, p.name, i.expires_at
		FROM invitations i JOIN people p ON p.id = i.invited_by LEFT JOIN communities c ON c.id = i.community_id
		WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2`, tokenHash, now()).
		Scan(&inv.ID, &inv.Email, &inv.CommunityID, &inv.CommunityName, &inv.Role, &inv.InvitedByName, &exp)
	inv.ExpiresAt = toTime(exp)
	return inv, mapErr(err)
}

// AcceptInvitation creates the invited person and their membership, and uses
// up the invitation, in one transaction.
func (s *Store) AcceptInvitation(ctx context.Context, tokenHash string, np NewPerson) (Person, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var invID, communityID int64
		var role, email string
		err := tx.QueryRowContext(ctx, `SELECT id, email, COALESCE(community_id, 0), role FROM invitations WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2`,
			tokenHash, now()).Scan(&invID, &email, &communityID, &role)
		if err != nil {
			return err
		}
		np.Email = email
		if id, err = createPerson(ctx, tx, np); err != nil {
			return err
		}
		if communityID != 0 {
			if _, err := addMember(ctx, tx, communityID, id, role); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL`, now(), invID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("invitation used twice: %w", ErrConflict)
		}
		return nil
	})
	if err != nil {
		return Person{}, err
	}
	return s.PersonByID(ctx, id)
}
