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

// Sub is one open live stream. Events arrive on C until the broker closes
// it: when the stream is unsubscribed or fell too far behind (the client
// then reconnects and resumes from its last event id).
type Sub struct {
	C        <-chan Event
	c        chan Event
	personID int64
	lang     string
	watch    Watch
	afterN   int64 // last notification id delivered or skipped
	afterA   int64 // last activity id delivered or skipped
	closed   bool
}

// Broker delivers new notifications and page activity to open streams in
// this process. It reads what the store wrote (woken by the store after each
// write, and polling as a fallback), checks each event against each
// viewer's permission at delivery, and fans it out in memory.
type Broker struct {
	store    *store.Store
	log      *slog.Logger
	Poll     time.Duration // fallback polling interval; default 2 s
	Buffer   int           // events a stream may lag behind before it is dropped; default 64
	mu       sync.Mutex
	byPerson map[int64]map[*Sub]bool
	byPost   map[int64]map[*Sub]bool
	byComm   map[int64]map[*Sub]bool
	lastN    int64
	lastA    int64
	ready    bool
	texts    map[textKey]string // lines made in this round (guarded by mu)
}

type textKey struct{ lang, kind, actor, title, community, detail string }

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

// start reads where the sequences stand, once.
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
	c := make(chan Event, b.Buffer)
	// Without a Last-Event-ID the stream starts now; the broker may not
	// have delivered everything up to now yet, and the cursor keeps it from
	// sending that too.
	s := &Sub{C: c, c: c, personID: personID, lang: lang, watch: w, afterN: topN, afterA: topA}
	if n, a, ok := ParseEventID(lastID); ok && n <= topN && a <= topA {
		s.afterN, s.afterA = n, a
		// Replay under the lock: the fan-out waits, so the stream moves from
		// the replay to live events without a gap or a repeat.
		ns, err := b.store.NotificationsAfter(ctx, personID, n, topN, b.Buffer/2)
		if err != nil {
			return nil, err
		}
		for _, x := range ns {
			b.sendNotification(s, x)
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
						b.sendActivity(s, e)
					}
				}
			}
		}
		s.afterA = topA
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

func (b *Broker) drop(s *Sub) {
	if s.closed {
		return
	}
	s.closed = true
	close(s.c)
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

// Run delivers until ctx ends.
func (b *Broker) Run(ctx context.Context) {
	changes := b.store.Changes()
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

// Deliver reads what was written since the last call and sends it to the
// streams that may see it. Run calls it; tests may too.
func (b *Broker) Deliver(ctx context.Context) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.start(ctx); err != nil {
		return err
	}
	topN, topA, err := b.store.LastEventIDs(ctx)
	if err != nil {
		return err
	}
	b.texts = nil
	for topN > b.lastN {
		ns, err := b.store.NotificationsAfter(ctx, 0, b.lastN, topN, 1000)
		if err != nil {
			return err
		}
		for _, n := range ns {
			for s := range b.byPerson[n.PersonID] {
				if n.ID > s.afterN {
					b.sendNotification(s, n)
				}
			}
		}
		if len(ns) < 1000 {
			b.lastN = topN
		} else {
			b.lastN = ns[len(ns)-1].ID
		}
	}
	for topA > b.lastA {
		acts, err := b.store.ActivityAfter(ctx, b.lastA, topA, 1000)
		if err != nil {
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
				return err
			}
			for _, s := range subs {
				if ok[s] && e.ID > s.afterA && !s.closed {
					b.sendActivity(s, e)
				}
			}
		}
		if len(acts) < 1000 {
			b.lastA = topA
		} else {
			b.lastA = acts[len(acts)-1].ID
		}
	}
	// Every stream has now seen everything up to here, sent or not for it.
	for _, set := range b.byPerson {
		for s := range set {
			s.afterN, s.afterA = max(s.afterN, b.lastN), max(s.afterA, b.lastA)
		}
	}
	return nil
}

// canRead checks, now, which of the streams' people may read the community.
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

// notificationData is what a live notification says: no more than the
// list page shows, and never an anonymous actor.
type notificationData struct {
	ID   int64  `json:"id"`
	Kind string `json:"kind"`
	Text string `json:"text"`
	URL  string `json:"url"`
}

// activityData says where something happened, never who did it.
type activityData struct {
	PostID      int64 `json:"post_id"`
	ReplyID     int64 `json:"reply_id,omitempty"`
	CommunityID int64 `json:"community_id"`
}

func (b *Broker) sendNotification(s *Sub, n store.Notification) {
	// One event often tells thousands the same thing: the line is made once
	// per language and content in a delivery round.
	key := textKey{s.lang, n.Kind, n.ActorName, n.PostTitle, n.CommunityName, n.Detail}
	text, ok := b.texts[key]
	if !ok {
		text = Single(s.lang, n)
		if b.texts == nil || len(b.texts) > 1000 {
			b.texts = map[textKey]string{}
		}
		b.texts[key] = text
	}
	data, _ := json.Marshal(notificationData{ID: n.ID, Kind: n.Kind, Text: text, URL: n.URL()})
	s.afterN = n.ID
	b.send(s, Event{ID: eventID(s.afterN, s.afterA), Name: "notification", Data: data})
}

func (b *Broker) sendActivity(s *Sub, e store.ActivityEvent) {
	data, _ := json.Marshal(activityData{PostID: e.PostID, ReplyID: e.ReplyID, CommunityID: e.CommunityID})
	s.afterA = e.ID
	b.send(s, Event{ID: eventID(s.afterN, s.afterA), Name: e.Kind, Data: data})
}

// send queues an event; a stream too far behind is closed, and its client
// resumes from the last event it got.
func (b *Broker) send(s *Sub, e Event) {
	if s.closed {
		return
	}
	select {
	case s.c <- e:
	default:
		b.drop(s)
	}
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
	c := make(chan Event, limit+1)
	s := &Sub{C: c, c: c, personID: personID, lang: lang, watch: w, afterN: n, afterA: a}
	ns, err := b.store.NotificationsAfter(ctx, personID, n, topN, limit)
	if err != nil {
		return nil, err
	}
	var out []Event
	for _, x := range ns {
		b.sendNotification(s, x)
		out = append(out, <-c)
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
				b.sendActivity(s, e)
				out = append(out, <-c)
			}
		}
	}
	return out, nil
}
