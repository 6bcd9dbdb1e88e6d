package importer

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress shows how far an import has come: a bar redrawn in place on a
// terminal, or a plain line every few seconds when the output is a file or
// a pipe. Problem lines go through it too, so they never land inside the bar.
type progress struct {
	w        io.Writer
	terminal bool
	every    time.Duration

	step, steps int
	name        string
	size        int64 // bytes in the file of this step
	read        int64
	rows        int
	started     time.Time
	last        time.Time
	drawn       bool
}

func newProgress(w io.Writer, terminal bool) *progress {
	if w == nil {
		w = io.Discard
	}
	every := 5 * time.Second
	if terminal {
		every = 100 * time.Millisecond
	}
	return &progress{w: w, terminal: terminal, every: every}
}

// begin starts a step that reads size bytes.
func (p *progress) begin(step, steps int, name string, size int64) {
	p.step, p.steps, p.name, p.size = step, steps, name, size
	p.read, p.rows = 0, 0
	p.started, p.last = time.Now(), time.Now()
	if p.terminal {
		p.draw()
	}
}

// advance records one more row and the bytes read so far.
func (p *progress) advance(read int64) {
	p.read, p.rows = read, p.rows+1
	if time.Since(p.last) < p.every {
		return
	}
	p.last = time.Now()
	if p.terminal {
		p.draw()
		return
	}
	fmt.Fprintf(p.w, "import: [%d/%d] %s %d%% (%d rows)\n", p.step, p.steps, p.name, p.percent(), p.rows)
}

// end finishes the step with a line that stays.
func (p *progress) end() {
	p.clear()
	fmt.Fprintf(p.w, "import: [%d/%d] %s: %d rows read in %s\n", p.step, p.steps, p.name, p.rows,
		time.Since(p.started).Round(time.Millisecond))
}

// problem prints a line about a row, above the bar.
func (p *progress) problem(line int, msg string) {
	p.clear()
	fmt.Fprintf(p.w, "line %d: %s\n", line, msg)
	if p.terminal {
		p.draw()
	}
}

func (p *progress) percent() int {
	if p.size <= 0 {
		return 100
	}
	return int(min(100, p.read*100/p.size))
}

const barWidth = 30

func (p *progress) draw() {
	filled := p.percent() * barWidth / 100
	fmt.Fprintf(p.w, "\r\033[K[%d/%d] %-9s [%s%s] %3d%%  %d rows", p.step, p.steps, p.name,
		strings.Repeat("#", filled), strings.Repeat(".", barWidth-filled), p.percent(), p.rows)
	p.drawn = true
}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
