// Package progress shows how a long run is going on standard error while
// that is a terminal: documents done, documents and megabytes a second, and
// the share done with an estimate of the time left when the total input size
// is known. It writes one line, redrawn in place, and clears it at the end.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"
)

// Meter counts documents and input bytes and draws them. Its methods are
// safe for concurrent use; a nil *Meter counts nothing and draws nothing.
type Meter struct {
	w     io.Writer
	every time.Duration
	now   func() time.Time

	docs, bytes, total atomic.Int64 // total < 0: unknown
	start              time.Time
	stop, done         chan struct{}
	once               sync.Once
	mu                 sync.Mutex // guards width and the writes
	width              int        // of the line on screen, to clear it
}

// Enabled tells whether progress should be shown on w: it is a terminal
// and quiet is off.
func Enabled(w io.Writer, quiet bool) bool {
	return !quiet && IsTerminal(w)
}

// IsTerminal tells whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Start begins drawing on w every interval, or returns nil (which counts
// and draws nothing) when on is false.
func Start(w io.Writer, on bool, every time.Duration) *Meter {
	if !on {
		return nil
	}
	m := newMeter(w, every, time.Now)
	go m.loop()
	return m
}

func newMeter(w io.Writer, every time.Duration, now func() time.Time) *Meter {
	m := &Meter{w: w, every: every, now: now, start: now(), stop: make(chan struct{}), done: make(chan struct{})}
	m.total.Store(-1)
	return m
}

// Read counts n input bytes read.
func (m *Meter) Read(n int) {
	if m != nil {
		m.bytes.Add(int64(n))
	}
}

// Done counts one document done.
func (m *Meter) Done() {
	if m != nil {
		m.docs.Add(1)
	}
}

// Total sets the input's total size in bytes, once known.
func (m *Meter) Total(n int64) {
	if m != nil {
		m.total.Store(n)
	}
}

// Stop stops drawing and clears the line. It may be called more than once.
func (m *Meter) Stop() {
	if m == nil {
		return
	}
	m.once.Do(func() {
		close(m.stop)
		<-m.done
		m.Clear()
	})
}

// Clear erases the line, so that a message can be written to the same
// terminal; the next tick draws it again.
func (m *Meter) Clear() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.width > 0 {
		fmt.Fprintf(m.w, "\r%s\r", strings.Repeat(" ", m.width))
		m.width = 0
	}
}

func (m *Meter) loop() {
	defer close(m.done)
	t := time.NewTicker(m.every)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
			m.draw()
		}
	}
}

func (m *Meter) draw() {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := Line(m.docs.Load(), m.bytes.Load(), m.total.Load(), m.now().Sub(m.start))
	pad := ""
	if len(s) < m.width {
		pad = strings.Repeat(" ", m.width-len(s))
	}
	fmt.Fprintf(m.w, "\r%s%s", s, pad)
	m.width = len(s) + len(pad)
}

// Line is the progress line for docs documents done and bytes of input
// read (of total, when total >= 0) after elapsed.
func Line(docs, bytes, total int64, elapsed time.Duration) string {
	sec := elapsed.Seconds()
	var b strings.Builder
	fmt.Fprintf(&b, "chaff: %s documents", group(docs))
	if sec > 0 {
		fmt.Fprintf(&b, ", %s docs/s, %.1f MB/s", group(int64(float64(docs)/sec+0.5)), float64(bytes)/1e6/sec)
	}
	if total > 0 {
		frac := min(float64(bytes)/float64(total), 1)
		fmt.Fprintf(&b, ", %.0f%% of %s", 100*frac, size(total))
		if frac >= 0.001 && sec > 0 { // from a thousandth on: sooner it is noise
			left := time.Duration(sec * (1 - frac) / frac * float64(time.Second))
			fmt.Fprintf(&b, ", ETA %s", clock(left))
		}
	}
	return b.String()
}

// group writes n with thousands separators.
func group(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// size writes a byte count in MB or GB.
func size(n int64) string {
	if n >= 1e9 {
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// clock writes a duration as h:mm:ss or m:ss.
func clock(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
