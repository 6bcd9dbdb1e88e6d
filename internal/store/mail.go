package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"time"
)

// Mail deliveries a person chooses per notification kind.
const (
	DeliverImmediately = "immediate"
	DeliverInDigest    = "digest"
	DeliverNever       = "never"
)

// Deliveries lists the delivery choices in display order.
var Deliveries = []string{DeliverImmediately, DeliverInDigest, DeliverNever}

// Digest rhythms.
var DigestRhythms = []string{"daily", "weekly", "never"}

// Job kinds of mail.
const (
	JobMailNotification  = "mail.notification"  // one notification (payload: its id)
	JobMailNotifications = "mail.notifications" // those written together (payload: "first-last" id)
	JobMailDigest        = "mail.digest"
	JobDigestSchedule    = "mail.digest.schedule"
)

// MailBatch is the most notifications one mail.notifications job covers.
const MailBatch = 50

// DefaultDelivery is how a kind is mailed until the person chooses: what
// answers them or needs them at once comes at once, the rest in the digest.
func DefaultDelivery(kind string) string {
	switch kind {
	case NotifyAnswer, NotifyMention, NotifyAccepted, NotifyJoinRequest:
		return DeliverImmediately
	}
	return DeliverInDigest
}

// deliverySQL is the delivery of notification n's kind to its recipient.
const deliverySQL = `COALESCE((SELECT mp.delivery FROM mail_prefs mp WHERE mp.person_id = n.person_id AND mp.kind = n.kind),
	CASE WHEN n.kind IN ('answer', 'mention', 'accepted', 'join_request') THEN 'immediate' ELSE 'digest' END)`

func maxNotificationID(ctx context.Context, q queryer) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM notifications`).Scan(&id)
	return id, err
}

// enqueueMails adds the mail jobs of the notifications written after id
// before whose recipients want that kind at once: one job per MailBatch
// consecutive ids that holds any, whose payload is the first and last of
// them ("first-last"). The jobs commit with the notifications, so no mail
// is lost; the job mails each notification of its range that its recipient
// still may see and still wants at once (mail.Mailer). One job per
// notification made an answer to 5,000 followers write 5,000 job rows, a
// third of its write.
func enqueueMails(ctx context.Context, q queryer, before int64) error {
	_, err := q.ExecContext(ctx, `INSERT INTO jobs (kind, payload, dedup_key, run_at, max_attempts, created_at)
		SELECT 'mail.notifications', CAST(MIN(n.id) AS TEXT) || '-' || CAST(MAX(n.id) AS TEXT), 'mail:ns:' || CAST(MIN(n.id) AS TEXT),
			CAST($2 AS BIGINT), 12, CAST($2 AS BIGINT)
		FROM notifications n WHERE n.id > $1 AND `+deliverySQL+` = 'immediate'
		GROUP BY (n.id - $1 - 1) / $3
		ON CONFLICT DO NOTHING`, before, now(), MailBatch)
	return err
}

// MailSettings are a person's mail choices.
type MailSettings struct {
	Digest   string            // daily, weekly or never
	Delivery map[string]string // per notification kind
	Token    string            // the secret of their unsubscribe links
}

// MailSettings returns a person's mail choices, with the defaults filled
// in; the first call makes their unsubscribe secret.
func (s *Store) MailSettings(ctx context.Context, personID int64) (MailSettings, error) {
	ms := MailSettings{Delivery: map[string]string{}}
	for _, k := range NotificationKinds {
		ms.Delivery[k] = DefaultDelivery(k)
	}
	err := s.r.QueryRowContext(ctx, `SELECT digest, unsubscribe_token FROM mail_settings WHERE person_id = $1`, personID).Scan(&ms.Digest, &ms.Token)
	if errors.Is(err, sql.ErrNoRows) {
		b := make([]byte, 24)
		rand.Read(b)
		ms.Digest, ms.Token = "weekly", base64.RawURLEncoding.EncodeToString(b)
		if _, err := s.w.ExecContext(ctx, `INSERT INTO mail_settings (person_id, digest, unsubscribe_token) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
			personID, ms.Digest, ms.Token); err != nil {
			return ms, mapErr(err)
		}
		err = s.w.QueryRowContext(ctx, `SELECT digest, unsubscribe_token FROM mail_settings WHERE person_id = $1`, personID).Scan(&ms.Digest, &ms.Token)
	}
	if err != nil {
		return ms, mapErr(err)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT kind, delivery FROM mail_prefs WHERE person_id = $1`, personID)
	if err != nil {
		return ms, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, d string
		if err := rows.Scan(&k, &d); err != nil {
			return ms, err
		}
		ms.Delivery[k] = d
	}
	return ms, rows.Err()
}

// SetMailSettings saves a person's digest rhythm and per-kind deliveries;
// unknown kinds and values are ignored.
func (s *Store) SetMailSettings(ctx context.Context, personID int64, digest string, delivery map[string]string) error {
	if _, err := s.MailSettings(ctx, personID); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if contains(DigestRhythms, digest) {
			if _, err := tx.ExecContext(ctx, `UPDATE mail_settings SET digest = $1 WHERE person_id = $2`, digest, personID); err != nil {
				return err
			}
		}
		for k, d := range delivery {
			if !contains(NotificationKinds, k) || !contains(Deliveries, d) {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO mail_prefs (person_id, kind, delivery) VALUES ($1, $2, $3)
				ON CONFLICT (person_id, kind) DO UPDATE SET delivery = excluded.delivery`, personID, k, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// Unsubscribe stops the mail an unsubscribe link names: one kind, or with
// kind "digest" the digest, or with "" every mail. The token is the
// person's unsubscribe secret; an unknown one is ErrNotFound.
func (s *Store) Unsubscribe(ctx context.Context, token, kind string) (Person, error) {
	var pid int64
	if err := s.r.QueryRowContext(ctx, `SELECT person_id FROM mail_settings WHERE unsubscribe_token = $1`, token).Scan(&pid); err != nil {
		return Person{}, mapErr(err)
	}
	p, err := s.PersonByID(ctx, pid)
	if err != nil {
		return Person{}, err
	}
	switch {
	case kind == "digest":
		return p, s.SetMailSettings(ctx, pid, "never", nil)
	case kind == "":
		all := map[string]string{}
		for _, k := range NotificationKinds {
			all[k] = DeliverNever
		}
		return p, s.SetMailSettings(ctx, pid, "never", all)
	case contains(NotificationKinds, kind):
		return p, s.SetMailSettings(ctx, pid, "", map[string]string{kind: DeliverNever})
	}
	return Person{}, ErrNotFound
}

// UnsubscribePerson returns whose unsubscribe secret token is, without changing anything.
func (s *Store) UnsubscribePerson(ctx context.Context, token string) (Person, error) {
	var pid int64
	if err := s.r.QueryRowContext(ctx, `SELECT person_id FROM mail_settings WHERE unsubscribe_token = $1`, token).Scan(&pid); err != nil {
		return Person{}, mapErr(err)
	}
	return s.PersonByID(ctx, pid)
}

// MailSent reports whether a message was sent.
func (s *Store) MailSent(ctx context.Context, messageID string) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM mail_sent WHERE message_id = $1`, messageID).Scan(&n)
	return n > 0, mapErr(err)
}

// MarkMailSent records a sent message and completes its job in one
// transaction: a job that runs again sees the message as sent. With jobID 0
// it only records the message (a job that sends several completes when it
// returns).
func (s *Store) MarkMailSent(ctx context.Context, jobID int64, messageID string, personID int64, kind string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO mail_sent (message_id, person_id, kind, sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
			messageID, personID, kind, now()); err != nil {
			return err
		}
		if kind == "digest" {
			if _, err := tx.ExecContext(ctx, `UPDATE mail_settings SET last_digest_at = $1 WHERE person_id = $2`, now(), personID); err != nil {
				return err
			}
		}
		if jobID == 0 {
			return nil
		}
		_, err := tx.ExecContext(ctx, `UPDATE jobs SET done_at = $1, locked_until = 0, last_error = '' WHERE id = $2`, now(), jobID)
		return err
	})
}

// Notification returns one notification for its recipient, if they may
// still see it.
func (s *Store) Notification(ctx context.Context, id int64) (Notification, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+notificationCols+notificationFrom+`
		WHERE n.id = $1 AND `+notificationVisible("n.person_id"), id)
	if err != nil {
		return Notification{}, err
	}
	ns, err := scanNotifications(rows)
	if err != nil {
		return Notification{}, err
	}
	if len(ns) == 0 {
		return Notification{}, ErrNotFound
	}
	return ns[0], nil
}

// Delivery is how a person wants a kind mailed now.
func (s *Store) Delivery(ctx context.Context, personID int64, kind string) (string, error) {
	var d string
	err := s.r.QueryRowContext(ctx, `SELECT delivery FROM mail_prefs WHERE person_id = $1 AND kind = $2`, personID, kind).Scan(&d)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultDelivery(kind), nil
	}
	return d, mapErr(err)
}

// DigestDue lists the active people whose digest is due on day: daily ones
// every day, weekly ones on Mondays. No settings row means weekly.
func (s *Store) DigestDue(ctx context.Context, day time.Time) ([]int64, error) {
	rhythms := []any{"daily"}
	if day.Weekday() == time.Monday {
		rhythms = append(rhythms, "weekly")
	}
	q := `SELECT p.id FROM people p LEFT JOIN mail_settings ms ON ms.person_id = p.id
		WHERE p.deactivated_at IS NULL AND COALESCE(ms.digest, 'weekly') IN ($1`
	if len(rhythms) == 2 {
		q += `, $2`
	}
	rows, err := s.r.QueryContext(ctx, q+`) ORDER BY p.id`, rhythms...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// DigestContent is the best new knowledge in a person's communities since
// a time, read with their permissions at the time the digest is made.
type DigestContent struct {
	Helped     []Post // most "helped me"
	Accepted   []Post // questions that got an accepted answer
	Tips       []Post // new tips, best practices, how-tos
	Unanswered []Post // questions they could help with
	Ideas      []Post // ideas that moved
}

// Empty reports whether there is nothing to send.
func (d DigestContent) Empty() bool {
	return len(d.Helped)+len(d.Accepted)+len(d.Tips)+len(d.Unanswered)+len(d.Ideas) == 0
}

// Digest builds a person's digest. Every list is limited to communities the
// person is a member of and may read now.
func (s *Store) Digest(ctx context.Context, v Viewer, since time.Time, limit int) (DigestContent, error) {
	var d DigestContent
	t := since.UnixMilli()
	// Held and hidden posts are in no digest (digestShown).
	mine := digestShown + `AND p.community_id IN (SELECT community_id FROM memberships WHERE person_id = $1) AND ` + visibleTo("c", "$1")
	// No tags: a digest lists titles. The store's statement cache
	// (stmtcache.go) keeps each section's query prepared: parsing the SQL
	// was half the cost of a digest.
	list := func(q string, args ...any) ([]Post, error) { return s.digestList(ctx, q, args...) }
	section := func(where, order string) ([]Post, error) {
		return list(`SELECT `+postCols+postFrom+` WHERE`+mine+` AND p.activity_at >= $2 AND `+where+` ORDER BY `+order+` LIMIT $3`, v.ID, t, limit)
	}
	var err error
	if d.Helped, err = section(`p.helped_count > 0`, digestOrderHelped); err != nil {
		return d, err
	}
	if d.Accepted, err = section(`p.type = 'question' AND p.accepted_answer_id IS NOT NULL`, digestOrderRecent); err != nil {
		return d, err
	}
	// A post created since is active since: activity_at >= created_at.
	if d.Tips, err = section(`p.type IN ('tip', 'best_practice', 'how_to') AND p.created_at >= $2`, digestOrderTips); err != nil {
		return d, err
	}
	if d.Unanswered, err = list(helpWantedSQL, v.ID, limit); err != nil {
		return d, err
	}
	// A status change does not move an idea's activity, so ideas are found
	// from their recent changes (index idea_status_changes_created).
	d.Ideas, err = list(`SELECT `+postCols+postFrom+` WHERE`+mine+` AND p.type = 'idea'
		AND p.id IN (SELECT post_id FROM idea_status_changes WHERE created_at >= $2) ORDER BY `+digestOrderRecent+` LIMIT $3`, v.ID, t, limit)
	return d, err
}
