package notify

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// Heartbeat is how often an idle stream sends a comment, which keeps
// proxies from closing it and checks that its sign-in still holds.
var Heartbeat = 25 * time.Second

// Serve writes a subscribed stream to w as server-sent events until the
// client leaves, the stream is closed, alive reports that the sign-in
// behind it has ended (checked at each heartbeat), or limit has passed
// (negative: no limit; zero: send what is waiting, such as a replay, and
// end). It unsubscribes at the end.
func Serve(w http.ResponseWriter, r *http.Request, b *Broker, s *Sub, limit time.Duration, alive func(context.Context) bool) {
	defer b.Unsubscribe(s)
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "private, no-store") // as every other answer (web.SecurityHeaders)
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if _, err := fmt.Fprint(w, "retry: 3000\n\n"); err != nil {
		return
	}
	if rc.Flush() != nil {
		return
	}
	beat := time.NewTicker(Heartbeat)
	defer beat.Stop()
	ctx := r.Context()
	var end <-chan time.Time
	if limit >= 0 {
		t := time.NewTimer(limit)
		defer t.Stop()
		end = t.C
	}
	// Everything waiting is written with one flush: one system call for
	// all a stream was told in a delivery round.
	var buf []byte
	var spare []frame // the slice taken last time, for the broker to fill next
	write := func() (open bool, err error) {
		evs, open := s.take(spare)
		spare = evs
		if len(evs) == 0 {
			return open, nil
		}
		buf = buf[:0]
		for _, e := range evs {
			buf = e.appendTo(buf)
		}
		clear(evs) // the frames share their data with other streams: hold none of it
		if _, err := w.Write(buf); err != nil {
			return false, err
		}
		if cap(buf) > 64<<10 {
			buf = nil
		}
		return open, rc.Flush()
	}
	if limit == 0 {
		// Only what is queued already.
		write()
		return
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-end:
			return
		case <-s.readyC():
			if open, err := write(); !open || err != nil {
				return
			}
		case <-beat.C:
			if alive != nil && !alive(ctx) {
				return
			}
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}
