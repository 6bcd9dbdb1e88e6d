package notify

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
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

// frame is an event queued for one stream, kept small: the stream's own
// goroutine writes it out (appendTo), so a delivery round allocates nothing
// per event. data is shared by every stream told the same thing: an
// activity event's JSON, or a notification's JSON after its id.
type frame struct {
	n, a int64 // the stream's position after the event: its id "n-a"
	name string
	data []byte
}

// notification reports whether the frame is a notification, whose JSON
// starts with its id (n) and continues with data.
func (f frame) notification() bool { return f.name == "notification" }

// appendTo appends the frame as a server-sent event.
func (f frame) appendTo(buf []byte) []byte {
	buf = append(buf, "id: "...)
	buf = strconv.AppendInt(buf, f.n, 10)
	buf = append(buf, '-')
	buf = strconv.AppendInt(buf, f.a, 10)
	buf = append(buf, "\nevent: "...)
	buf = append(buf, f.name...)
	buf = append(buf, "\ndata: "...)
	if f.notification() {
		buf = append(buf, `{"id":`...)
		buf = strconv.AppendInt(buf, f.n, 10)
	}
	buf = append(buf, f.data...)
	return append(buf, "\n\n"...)
}

// event is the frame as an Event.
func (f frame) event() Event {
	data := f.data
	if f.notification() {
		data = append(strconv.AppendInt([]byte(`{"id":`), f.n, 10), f.data...)
	}
	return Event{ID: eventID(f.n, f.a), Name: f.name, Data: data}
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
	afterN   int64   // last notification id delivered or skipped (guarded by the broker's mu)
	afterA   int64   // last activity id delivered or skipped (guarded by the broker's mu)
	round    []frame // what the current delivery round tells it (guarded by the broker's deliverMu)

	mu      sync.Mutex
	pending []frame
	queued  int // how many times events were queued (tests)
	closed  bool
	ready   chan struct{} // a token when there is something to take
}

func newSub(personID int64, lang string, w Watch, afterN, afterA int64) *Sub {
	return &Sub{personID: personID, lang: lang, watch: w, afterN: afterN, afterA: afterA, ready: make(chan struct{}, 1)}
}

// readyC receives when events are waiting or the stream was closed.
func (s *Sub) readyC() <-chan struct{} { return s.ready }

// take returns the events waiting, oldest first, and whether the stream is
// still open (when it is not, the events are the last ones). spare, emptied,
// holds the next ones: the stream's goroutine passes back the slice it
// took last time, so that queueing allocates nothing.
func (s *Sub) take(spare []frame) ([]frame, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	evs := s.pending
	if cap(spare) > 64 {
		spare = nil
	}
	s.pending = spare[:0]
	return evs, !s.closed
}

// push queues events; false when the stream is closed or would hold more
// than limit events.
func (s *Sub) push(evs []frame, limit int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	if len(s.pending)+len(evs) > limit {
		return false
	}
	s.pending = append(s.pending, evs...)
	s.queued++
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
	told      []*Sub                       // the streams told something in this round (guarded by deliverMu)
	roundRows int                          // notifications planned at once (roundRows; tests set fewer)
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
	return &Broker{store: s, log: log, Poll: 2 * time.Second, Buffer: 64, roundRows: roundRows,
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
		var evs []frame
		ns, err := b.store.NotificationsAfter(ctx, personID, n, topN, b.Buffer/2)
		if err != nil {
			return nil, err
		}
		texts := map[textKey]notificationTail{}
		for _, x := range ns {
			evs = append(evs, b.notificationFrame(s, x, texts))
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
						evs = append(evs, activityFrame(s, e, activityJSON(e)))
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

// tell adds an event to what this round tells s (under deliverMu).
func (b *Broker) tell(s *Sub, f frame) {
	if len(s.round) == 0 {
		b.told = append(b.told, s)
	}
	s.round = append(s.round, f)
}

// queue hands s what this round told it so far, under mu; a stream that
// would fall too far behind is closed.
func (b *Broker) queue(s *Sub) {
	if len(s.round) == 0 {
		return
	}
	if !s.push(s.round, b.Buffer) {
		b.drop(s)
	}
	clear(s.round)
	if cap(s.round) > 16 {
		s.round = nil
	} else {
		s.round = s.round[:0]
	}
}

// queueAll hands every stream what this round told it, under mu.
func (b *Broker) queueAll() {
	for i, s := range b.told {
		b.queue(s)
		b.told[i] = nil
	}
	b.told = b.told[:0]
}

// roundRows is how many notifications a delivery round plans at once: a
// burst's rows are queued per stream together, so a stream that several
// answers notify flushes once for all of them, while a backlog of many more
// still leaves in steps.
const roundRows = 20000

// chunkRows is about how many notifications are read by one query.
const chunkRows = 1000

// Deliver reads what was written since the last call and sends it to the
// streams that may see it. Run calls it; tests may too. Page activity
// comes first (little: one row per post or reply); then the notifications:
// the round lists the new rows' recipients (up to roundRows), keeps those
// with an open stream, and reads their rows about a thousand at a time,
// each person's together, without holding up new streams. What the round
// tells a stream (an answer is a notification and an answer event on the
// post page; several answers written while the last round ran are several
// notifications) is queued once, as soon as that person's rows are read,
// so each stream writes it to its socket with one flush, on its own, while
// the next people's rows are read.
func (b *Broker) Deliver(ctx context.Context) error {
	b.deliverMu.Lock()
	defer b.deliverMu.Unlock()
	topN, topA, err := b.store.LastEventIDs(ctx)
	if err != nil {
		return err
	}
	b.texts = nil
	// Activity needs one permission query for all the streams watching
	// an event: done under the lock, so that a stream opened meanwhile is
	// checked too.
	b.mu.Lock()
	if err := b.start(ctx); err != nil {
		b.mu.Unlock()
		return err
	}
	var subs []*Sub
	for topA > b.lastA {
		acts, err := b.store.ActivityAfter(ctx, b.lastA, topA, 1000)
		if err != nil {
			b.mu.Unlock()
			return err
		}
		for _, e := range acts {
			subs = subs[:0]
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
					b.tell(s, activityFrame(s, e, data))
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
		// The plan: which of the new rows are for people with an open
		// stream (the others are not read), each person's together, so
		// that each stream is queued once, as soon as its rows are read,
		// while the next people's rows are read.
		plan, err := b.store.NotificationRecipients(ctx, lastN, topN, b.roundRows)
		if err != nil {
			return err
		}
		upto := topN
		if len(plan) == b.roundRows {
			upto = plan[len(plan)-1].ID
		}
		b.mu.Lock()
		online := plan[:0]
		for _, x := range plan {
			if len(b.byPerson[x.PersonID]) > 0 {
				online = append(online, x)
			}
		}
		b.mu.Unlock()
		slices.SortFunc(online, func(x, y store.NotificationTo) int {
			return cmp.Or(cmp.Compare(x.PersonID, y.PersonID), cmp.Compare(x.ID, y.ID))
		})
		ids := make([]int64, 0, chunkRows+b.Buffer)
		for start := 0; start < len(online); {
			end := min(start+chunkRows, len(online))
			for end < len(online) && online[end].PersonID == online[end-1].PersonID {
				end++ // a person's rows in one query
			}
			ids = ids[:0]
			for _, x := range online[start:end] {
				ids = append(ids, x.ID)
			}
			start = end
			// The query checks each row against its own recipient.
			ns, err := b.store.NotificationsByID(ctx, ids)
			if err != nil {
				return err
			}
			b.mu.Lock()
			for i, n := range ns {
				for s := range b.byPerson[n.PersonID] {
					if n.ID > s.afterN {
						b.tell(s, b.notificationFrame(s, n, nil))
					}
				}
				if i == len(ns)-1 || ns[i+1].PersonID != n.PersonID {
					for s := range b.byPerson[n.PersonID] {
						b.queue(s) // this round has nothing more for them
					}
				}
			}
			b.mu.Unlock()
		}
		lastN = upto
		b.mu.Lock()
		b.lastN = lastN
		b.mu.Unlock()
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.queueAll()
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

// notificationFrame makes the event telling s of n and moves s past it.
// texts caches the JSON after the id per language and content; one
// event often tells thousands the same thing. Nil uses the round's cache.
func (b *Broker) notificationFrame(s *Sub, n store.Notification, texts map[textKey]notificationTail) frame {
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
	s.afterN = n.ID
	return frame{n: s.afterN, a: s.afterA, name: "notification", data: tail}
}

func activityJSON(e store.ActivityEvent) []byte {
	data := append([]byte(`{"post_id":`), strconv.FormatInt(e.PostID, 10)...)
	if e.ReplyID != 0 {
		data = append(append(data, `,"reply_id":`...), strconv.FormatInt(e.ReplyID, 10)...)
	}
	return append(append(append(data, `,"community_id":`...), strconv.FormatInt(e.CommunityID, 10)...), '}')
}

// activityFrame makes the event telling s of e (data: activityJSON(e),
// shared by every stream) and moves s past it.
func activityFrame(s *Sub, e store.ActivityEvent, data []byte) frame {
	s.afterA = e.ID
	return frame{n: s.afterN, a: s.afterA, name: e.Kind, data: data}
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
		out = append(out, b.notificationFrame(s, x, texts).event())
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
				out = append(out, activityFrame(s, e, activityJSON(e)).event())
			}
		}
	}
	return out, nil
}
