package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tacit-org/tacit/internal/store"
)

// Event is one server-sent event for one viewer. ID is the viewer's
// position in both sequences ("notification-activity"), so a reconnecting
// client that sends it as Last-Event-ID resumes exactly after it.
type Event struct {
	ID   string
	Name string // notification, answer, comment, post
	Data []byte // JSON
}

// Watch is what a live stream listens to beside the viewer's own
// notifications: the post or community page being read (zero for none).
type Watch struct {
	PostID      int64
	CommunityID int64
}

// Sub is one open live stream. The broker queues its events and wakes it;
// the stream's own goroutine (Serve) takes everything queued and writes it
// with one flush, holding no broker lock while it writes. A stream that
// falls too far behind is closed (the client then reconnects and resumes
// from its last event id).
type Sub struct {
	personID int64
	lang     string
	watch    Watch
	afterN   int64 // last notification id delivered or skipped (guarded by the broker's mu)
	afterA   int64 // last activity id delivered or skipped (guarded by the broker's mu)

	mu      sync.Mutex
	pending []Event
	closed  bool
	ready   chan struct{} // a token when there is something to take
}

func newSub(personID int64, lang string, w Watch, afterN, afterA int64) *Sub {
	return &Sub{personID: personID, lang: lang, watch: w, afterN: afterN, afterA: afterA, ready: make(chan struct{}, 1)}
}

// readyC receives when events are waiting or the stream was closed.
func (s *Sub) readyC() <-chan struct{} { return s.ready }

// take returns the events waiting, oldest first, and whether the stream is
// still open (when it is not, the events are the last ones).
func (s *Sub) take() ([]Event, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	evs := s.pending
	s.pending = nil
	return evs, !s.closed
}

// push queues events; false when the stream is closed or would hold more
// than limit events.
func (s *Sub) push(evs []Event, limit int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	if len(s.pending)+len(evs) > limit {
		return false
	}
	s.pending = append(s.pending, evs...)
	select {
	case s.ready <- struct{}{}:
	default:
	}
	return true
}

func (s *Sub) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		select {
		case s.ready <- struct{}{}:
		default:
		}
	}
}

// Broker delivers new notifications and page activity to open streams in
// this process. It reads what the store wrote (woken by the store after each
// write, by other processes through the store's change feed, and polling as
// a fallback), checks each event against each viewer's permission at
// delivery, and fans it out in memory.
type Broker struct {
	store     *store.Store
	log       *slog.Logger
	Poll      time.Duration // fallback polling interval; default 2 s
	Buffer    int           // events a stream may lag behind before it is dropped; default 64
	deliverMu sync.Mutex    // one delivery round at a time
	mu        sync.Mutex    // the streams and their positions
	byPerson  map[int64]map[*Sub]bool
	byPost    map[int64]map[*Sub]bool
	byComm    map[int64]map[*Sub]bool
	lastN     int64
	lastA     int64
	ready     bool
	texts     map[textKey]notificationTail // lines made in this round (guarded by deliverMu)
}

type textKey struct{ lang, kind, actor, title, community, detail, url string }

// notificationTail is a notification's JSON after its id: the same for
// everyone told the same thing in the same language.
type notificationTail []byte

// NewBroker returns a broker; Run makes it deliver.
func NewBroker(s *store.Store, log *slog.Logger) *Broker {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Broker{store: s, log: log, Poll: 2 * time.Second, Buffer: 64,
		byPerson: map[int64]map[*Sub]bool{}, byPost: map[int64]map[*Sub]bool{}, byComm: map[int64]map[*Sub]bool{}}
}

// ParseEventID reads a Last-Event-ID; ok is false for anything malformed.
func ParseEventID(s string) (n, a int64, ok bool) {
	ns, as, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	n, err1 := strconv.ParseInt(ns, 10, 64)
	a, err2 := strconv.ParseInt(as, 10, 64)
	if err1 != nil || err2 != nil || n < 0 || a < 0 {
		return 0, 0, false
	}
	return n, a, true
}

func eventID(n, a int64) string { return strconv.FormatInt(n, 10) + "-" + strconv.FormatInt(a, 10) }

// start reads where the sequences stand, once (under mu).
func (b *Broker) start(ctx context.Context) error {
	if b.ready {
		return nil
	}
	n, a, err := b.store.LastEventIDs(ctx)
	if err != nil {
		return err
	}
	b.lastN, b.lastA, b.ready = n, a, true
	return nil
}

// Subscribe opens a stream for a person. With a Last-Event-ID (lastID, ""
// for none) it first replays what the person missed since then, checked as
// live events are; nothing is sent twice and nothing is skipped.
func (b *Broker) Subscribe(ctx context.Context, personID int64, lang string, w Watch, lastID string) (*Sub, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.start(ctx); err != nil {
		return nil, err
	}
	topN, topA, err := b.store.LastEventIDs(ctx)
	if err != nil {
		return nil, err
	}
	// Without a Last-Event-ID the stream starts now; the broker may not
	// have delivered everything up to now yet, and the cursor keeps it from
	// sending that too.
	s := newSub(personID, lang, w, topN, topA)
	if n, a, ok := ParseEventID(lastID); ok && n <= topN && a <= topA {
		s.afterN, s.afterA = n, a
		// Replay under the lock: the fan-out waits, so the stream moves from
		// the replay to live events without a gap or a repeat.
		var evs []Event
		ns, err := b.store.NotificationsAfter(ctx, personID, n, topN, b.Buffer/2)
		if err != nil {
			return nil, err
		}
		texts := map[textKey]notificationTail{}
		for _, x := range ns {
			evs = append(evs, b.notificationEvent(s, x, texts))
		}
		s.afterN = topN // when more was missed than a stream holds, the list page has the rest
		if w != (Watch{}) {
			acts, err := b.store.ActivityAfter(ctx, a, topA, 1000)
			if err != nil {
				return nil, err
			}
			sent := 0
			for _, e := range acts {
				if sent >= b.Buffer/4 {
					break // too much missed: the page itself is out of date; the rest is skipped
				}
				if watches(s, e) {
					sent++
					if ok, err := b.canRead(ctx, e.CommunityID, []*Sub{s}); err != nil {
						return nil, err
					} else if ok[s] {
						evs = append(evs, activityEvent(s, e, activityJSON(e)))
					}
				}
			}
		}
		s.afterA = topA
		s.push(evs, b.Buffer)
	}
	add(b.byPerson, personID, s)
	if w.PostID != 0 {
		add(b.byPost, w.PostID, s)
	}
	if w.CommunityID != 0 {
		add(b.byComm, w.CommunityID, s)
	}
	return s, nil
}

// Unsubscribe closes a stream.
func (b *Broker) Unsubscribe(s *Sub) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.drop(s)
}

// drop closes a stream and forgets it (under mu).
func (b *Broker) drop(s *Sub) {
	s.close()
	remove(b.byPerson, s.personID, s)
	remove(b.byPost, s.watch.PostID, s)
	remove(b.byComm, s.watch.CommunityID, s)
}

func add(m map[int64]map[*Sub]bool, k int64, s *Sub) {
	if m[k] == nil {
		m[k] = map[*Sub]bool{}
	}
	m[k][s] = true
}

func remove(m map[int64]map[*Sub]bool, k int64, s *Sub) {
	if set := m[k]; set != nil {
		delete(set, s)
		if len(set) == 0 {
			delete(m, k)
		}
	}
}

// Close ends every open stream (their clients reconnect and resume
// elsewhere or later). The server calls it when it shuts down, so that
// open streams do not hold the shutdown up.
func (b *Broker) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, set := range b.byPerson {
		for s := range set {
			b.drop(s)
		}
	}
}

// Streams reports how many streams are open.
func (b *Broker) Streams() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for _, set := range b.byPerson {
		n += len(set)
	}
	return n
}

// Run delivers until ctx ends. On PostgreSQL it also listens for the
// changes other Tacit processes on the same database write.
func (b *Broker) Run(ctx context.Context) {
	changes := b.store.Changes()
	go b.store.ListenChanges(ctx, b.log)
	t := time.NewTicker(b.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			b.Close()
			return
		case <-changes:
		case <-t.C:
		}
		if err := b.Deliver(ctx); err != nil && ctx.Err() == nil {
			if strings.Contains(err.Error(), "database is closed") {
				return // the store was closed under a broker nobody stopped (tests)
			}
			b.log.Error("live: deliver", slog.Any("err", err))
		}
	}
}

// round collects the events of one delivery round per stream, so that a
// stream told several things at once (an answer is a notification and an
// answer event) wakes and flushes once.
type round map[*Sub][]Event

// flush queues the round's events of the given streams (all when subs is
// nil), under mu; a stream that would fall too far behind is closed.
func (b *Broker) flush(r round, subs map[*Sub]bool) {
	for s, evs := range r {
		if subs != nil && !subs[s] {
			continue
		}
		if !s.push(evs, b.Buffer) {
			b.drop(s)
		}
		delete(r, s)
	}
}

// Deliver reads what was written since the last call and sends it to the
// streams that may see it. Run calls it; tests may too. Page activity
// comes first (little: one row per post or reply); then the notifications,
// read a thousand at a time without holding up new streams, and each
// thousand is queued as soon as it is read, with the activity events of
// the same streams, while the next is read. The streams write to their
// sockets on their own.
func (b *Broker) Deliver(ctx context.Context) error {
	b.deliverMu.Lock()
	defer b.deliverMu.Unlock()
	topN, topA, err := b.store.LastEventIDs(ctx)
	if err != nil {
		return err
	}
	b.texts = nil
	r := round{}
	// Activity needs one permission query for all the streams watching
	// an event: done under the lock, so that a stream opened meanwhile is
	// checked too.
	b.mu.Lock()
	if err := b.start(ctx); err != nil {
		b.mu.Unlock()
		return err
	}
	for topA > b.lastA {
		acts, err := b.store.ActivityAfter(ctx, b.lastA, topA, 1000)
		if err != nil {
			b.mu.Unlock()
			return err
		}
		for _, e := range acts {
			var subs []*Sub
			if e.Kind != "post" {
				for s := range b.byPost[e.PostID] {
					subs = append(subs, s)
				}
			} else {
				for s := range b.byComm[e.CommunityID] {
					subs = append(subs, s)
				}
			}
			if len(subs) == 0 {
				continue
			}
			ok, err := b.canRead(ctx, e.CommunityID, subs)
			if err != nil {
				b.mu.Unlock()
				return err
			}
			data := activityJSON(e)
			for _, s := range subs {
				if ok[s] && e.ID > s.afterA {
					r[s] = append(r[s], activityEvent(s, e, data))
				}
			}
		}
		if len(acts) < 1000 {
			b.lastA = topA
		} else {
			b.lastA = acts[len(acts)-1].ID
		}
	}
	lastN := b.lastN
	b.mu.Unlock()

	for topN > lastN {
		// The query checks each row against its own recipient.
		ns, err := b.store.NotificationsAfter(ctx, 0, lastN, topN, 1000)
		if err != nil {
			return err
		}
		if len(ns) < 1000 {
			lastN = topN
		} else {
			lastN = ns[len(ns)-1].ID
		}
		b.mu.Lock()
		told := map[*Sub]bool{}
		for _, n := range ns {
			for s := range b.byPerson[n.PersonID] {
				if n.ID > s.afterN {
					r[s] = append(r[s], b.notificationEvent(s, n, nil))
					told[s] = true
				}
			}
		}
		b.flush(r, told)
		b.lastN = lastN
		b.mu.Unlock()
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flush(r, nil)
	// Every stream has now seen everything up to here, sent or not for it.
	for _, set := range b.byPerson {
		for s := range set {
			s.afterN, s.afterA = max(s.afterN, b.lastN), max(s.afterA, b.lastA)
		}
	}
	return nil
}

// canRead checks, now, which of the streams' people may read the
// community: one query for all of them.
func (b *Broker) canRead(ctx context.Context, communityID int64, subs []*Sub) (map[*Sub]bool, error) {
	people := make([]int64, 0, len(subs))
	seen := map[int64]bool{}
	for _, s := range subs {
		if !seen[s.personID] {
			seen[s.personID] = true
			people = append(people, s.personID)
		}
	}
	readers, err := b.store.Readers(ctx, communityID, people)
	if err != nil {
		return nil, err
	}
	out := make(map[*Sub]bool, len(subs))
	for _, s := range subs {
		out[s] = readers[s.personID]
	}
	return out, nil
}

func watches(s *Sub, e store.ActivityEvent) bool {
	if e.Kind == "post" {
		return s.watch.CommunityID != 0 && s.watch.CommunityID == e.CommunityID
	}
	return s.watch.PostID != 0 && s.watch.PostID == e.PostID
}

// A live notification says no more than the list page shows, and never
// names an anonymous actor: {"id":…,"kind":…,"text":…,"url":…}. An
// activity event says where something happened, never who did it:
// {"post_id":…,"reply_id":…,"community_id":…}.

// notificationEvent makes the event telling s of n and moves s past it.
// texts caches the JSON after the id per language and content; one
// event often tells thousands the same thing. Nil uses the round's cache.
func (b *Broker) notificationEvent(s *Sub, n store.Notification, texts map[textKey]notificationTail) Event {
	url := n.URL()
	key := textKey{s.lang, n.Kind, n.ActorName, n.PostTitle, n.CommunityName, n.Detail, url}
	if texts == nil {
		if b.texts == nil || len(b.texts) > 1000 {
			b.texts = map[textKey]notificationTail{}
		}
		texts = b.texts
	}
	tail, ok := texts[key]
	if !ok {
		kind, _ := json.Marshal(n.Kind)
		text, _ := json.Marshal(Single(s.lang, n))
		u, _ := json.Marshal(url)
		tail = notificationTail(`,"kind":` + string(kind) + `,"text":` + string(text) + `,"url":` + string(u) + `}`)
		texts[key] = tail
	}
	data := make([]byte, 0, len(tail)+24)
	data = append(data, `{"id":`...)
	data = strconv.AppendInt(data, n.ID, 10)
	data = append(data, tail...)
	s.afterN = n.ID
	return Event{ID: eventID(s.afterN, s.afterA), Name: "notification", Data: data}
}

func activityJSON(e store.ActivityEvent) []byte {
	data := append([]byte(`{"post_id":`), strconv.FormatInt(e.PostID, 10)...)
	if e.ReplyID != 0 {
		data = append(append(data, `,"reply_id":`...), strconv.FormatInt(e.ReplyID, 10)...)
	}
	return append(append(append(data, `,"community_id":`...), strconv.FormatInt(e.CommunityID, 10)...), '}')
}

// activityEvent makes the event telling s of e (data: activityJSON(e),
// shared by every stream) and moves s past it.
func activityEvent(s *Sub, e store.ActivityEvent, data []byte) Event {
	s.afterA = e.ID
	return Event{ID: eventID(s.afterN, s.afterA), Name: e.Kind, Data: data}
}

// AppendFrame appends the event as a server-sent event.
func (e Event) AppendFrame(buf []byte) []byte {
	buf = append(buf, "id: "...)
	buf = append(buf, e.ID...)
	buf = append(buf, "\nevent: "...)
	buf = append(buf, e.Name...)
	buf = append(buf, "\ndata: "...)
	buf = append(buf, e.Data...)
	return append(buf, "\n\n"...)
}

// String describes the broker for logs.
func (b *Broker) String() string { return fmt.Sprintf("live broker (%d streams)", b.Streams()) }

// Missed returns the events a person's stream would replay after lastID
// ("0-0": everything still kept), up to limit, checked as live delivery
// checks them. It registers nothing. The safe-zone leak sweep reads every
// person's events with it.
func (b *Broker) Missed(ctx context.Context, personID int64, lang string, w Watch, lastID string, limit int) ([]Event, error) {
	n, a, ok := ParseEventID(lastID)
	if !ok {
		return nil, fmt.Errorf("notify: bad event id %q", lastID)
	}
	topN, topA, err := b.store.LastEventIDs(ctx)
	if err != nil {
		return nil, err
	}
	s := newSub(personID, lang, w, n, a)
	ns, err := b.store.NotificationsAfter(ctx, personID, n, topN, limit)
	if err != nil {
		return nil, err
	}
	var out []Event
	texts := map[textKey]notificationTail{}
	for _, x := range ns {
		out = append(out, b.notificationEvent(s, x, texts))
	}
	if w != (Watch{}) {
		acts, err := b.store.ActivityAfter(ctx, a, topA, limit)
		if err != nil {
			return nil, err
		}
		for _, e := range acts {
			if !watches(s, e) {
				continue
			}
			ok, err := b.canRead(ctx, e.CommunityID, []*Sub{s})
			if err != nil {
				return nil, err
			}
			if ok[s] {
				out = append(out, activityEvent(s, e, activityJSON(e)))
			}
		}
	}
	return out, nil
}
