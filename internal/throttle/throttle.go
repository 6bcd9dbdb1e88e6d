// Package throttle slows down guessing: it counts failures per key (an
// account, a remote address) and, past a few free tries, makes the key wait
// twice as long after each further failure.
//
// The counts live in memory, so they hold for one instance: behind a load
// balancer each instance counts on its own (docs/moderation.md says so).
package throttle

import (
	"sync"
	"time"
)

// Backoff counts failures per key with exponential back-off.
type Backoff struct {
	// Free is how many failures in a row cost nothing.
	Free int
	// Base is the wait after the first failure beyond Free; each further
	// failure doubles it, up to Max.
	Base, Max time.Duration
	// Forget drops a key this long after its last failure.
	Forget time.Duration
	// Now is the clock; nil means time.Now. Tests set it.
	Now func() time.Time

	mu   sync.Mutex
	keys map[string]*entry
}

type entry struct {
	failures int
	last     time.Time
	until    time.Time
}

// New returns a Backoff with the defaults for sign-in: five free tries, then
// 1 s, 2 s, 4 s … up to 15 minutes, forgotten after a quiet day.
func New() *Backoff {
	return &Backoff{Free: 5, Base: time.Second, Max: 15 * time.Minute, Forget: 24 * time.Hour}
}

func (b *Backoff) now() time.Time {
	if b.Now != nil {
		return b.Now()
	}
	return time.Now()
}

// Wait reports how long the key must wait before its next try; 0 means now.
func (b *Backoff) Wait(key string) time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	e := b.keys[key]
	if e == nil {
		return 0
	}
	if d := e.until.Sub(b.now()); d > 0 {
		return d
	}
	return 0
}

// Fail counts a failure of the key and returns the wait it now has.
func (b *Backoff) Fail(key string) time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	if b.keys == nil {
		b.keys = map[string]*entry{}
	}
	if len(b.keys) > 100_000 {
		b.prune(now)
	}
	e := b.keys[key]
	if e == nil || now.Sub(e.last) > b.Forget {
		e = &entry{}
		b.keys[key] = e
	}
	e.failures++
	e.last = now
	if over := e.failures - b.Free; over > 0 {
		d := b.Base
		for i := 1; i < over && d < b.Max; i++ {
			d *= 2
		}
		e.until = now.Add(min(d, b.Max))
	}
	return max(e.until.Sub(now), 0)
}

// Succeed forgets the key's failures.
func (b *Backoff) Succeed(key string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.keys, key)
}

// prune drops keys that are no longer waiting and were quiet for a while,
// so that a flood of addresses cannot grow the map without end.
func (b *Backoff) prune(now time.Time) {
	for k, e := range b.keys {
		if now.After(e.until) && now.Sub(e.last) > time.Minute {
			delete(b.keys, k)
		}
	}
}
