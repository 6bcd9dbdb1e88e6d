package store

import (
	"context"
	"database/sql"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
)

// On PostgreSQL several Tacit processes may serve one database. A write
// that adds notifications or live activity (txRing) sends, in its
// transaction, a NOTIFY on changesChannel; PostgreSQL delivers it to every
// listener when the transaction commits, and not at all when it rolls
// back. The payload is small and names no one: the newest notification and
// activity ids ("N-A"). Each process's broker, woken by it, reads the new
// rows itself and checks them against each of its viewers, as it does for
// its own writes. SQLite serves one process; its bell rings in memory.
const changesChannel = "tacit_events"

// eventsLock is the key of the transaction lock that writes of
// notifications and activity share on PostgreSQL (txRing).
const eventsLock = 7_305_811_062

// notifyOthers queues, in the transaction, the NOTIFY that tells the other
// processes on this database of its changes.
func notifyOthers(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_notify('`+changesChannel+`',
		CAST((SELECT COALESCE(MAX(id), 0) FROM notifications) AS TEXT) || '-' || CAST((SELECT COALESCE(MAX(id), 0) FROM activity) AS TEXT))`)
	return err
}

// ListenChanges rings the store's bell (Changes) whenever another process
// on the same PostgreSQL database, or this one, writes notifications or
// live activity, until ctx ends. It holds one connection of its own for
// LISTEN, and reconnects when it is lost (ringing once then, as something
// may have been written meanwhile). On SQLite it returns at once.
func (s *Store) ListenChanges(ctx context.Context, log *slog.Logger) {
	if s.dialect != Postgres || s.pgURL == "" {
		return
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	wait := time.Second
	for ctx.Err() == nil {
		err := s.listen(ctx, func() { wait = time.Second })
		if ctx.Err() != nil {
			return
		}
		log.Warn("live: listening for changes of other processes", slog.Any("err", err), slog.Duration("retry_in", wait))
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Minute)
	}
}

// ListeningForChanges reports whether ListenChanges is listening now.
func (s *Store) ListeningForChanges() bool { return s.listening.Load() }

func (s *Store) listen(ctx context.Context, connected func()) error {
	conn, err := pgx.Connect(ctx, s.pgURL)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, `LISTEN `+changesChannel); err != nil {
		return err
	}
	connected()
	s.listening.Store(true)
	defer s.listening.Store(false)
	s.ring() // whatever was written while no one listened
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return err
		}
		s.ring()
	}
}
