package search

import "sync"

// Stemming and splitting cost far more than looking a word up, and words
// repeat (a few thousand make up most of any text), so their results are
// remembered per word. A memo forgets everything when it grows past
// memoSize, which bounds memory without bookkeeping.
const memoSize = 100_000

type memo[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

func (c *memo[V]) get(k string, f func() V) V {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = f()
	c.mu.Lock()
	if c.m == nil || len(c.m) >= memoSize {
		c.m = make(map[string]V)
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}

func (c *memo[V]) reset() {
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}

var (
	swedishStems memo[string]
	englishStems memo[string]
	compounds    memo[[]string]
)

// forget empties the memos, for benchmarks of the work itself.
func forget() {
	swedishStems.reset()
	englishStems.reset()
	compounds.reset()
}
