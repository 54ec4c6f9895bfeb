package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

func TestLine(t *testing.T) {
	for _, tc := range []struct {
		docs, bytes, total int64
		elapsed            time.Duration
		want               string
	}{
		{0, 0, -1, 0, "chaff: 0 documents"},
		{1234, 5_000_000, -1, 2 * time.Second, "chaff: 1,234 documents, 617 docs/s, 2.5 MB/s"},
		{1_000_000, 50_000_000, 200_000_000, 10 * time.Second, "chaff: 1,000,000 documents, 100,000 docs/s, 5.0 MB/s, 25% of 200.0 MB, ETA 0:30"},
		{10, 1, 3_000_000_000, time.Second, "chaff: 10 documents, 10 docs/s, 0.0 MB/s, 0% of 3.0 GB"},
		{10, 3_000_000, 3_000_000_000, time.Second, "chaff: 10 documents, 10 docs/s, 3.0 MB/s, 0% of 3.0 GB, ETA 16:39"},
		{10, 0, 100, time.Second, "chaff: 10 documents, 10 docs/s, 0.0 MB/s, 0% of 0.0 MB"},
		{5, 120, 100, time.Minute, "chaff: 5 documents, 0 docs/s, 0.0 MB/s, 100% of 0.0 MB, ETA 0:00"},
		{7, 3_600, 7_200, time.Hour, "chaff: 7 documents, 0 docs/s, 0.0 MB/s, 50% of 0.0 MB, ETA 1:00:00"},
	} {
		if got := Line(tc.docs, tc.bytes, tc.total, tc.elapsed); got != tc.want {
			t.Errorf("Line(%d, %d, %d, %v) =\n%q, want\n%q", tc.docs, tc.bytes, tc.total, tc.elapsed, got, tc.want)
		}
	}
}

// The meter draws in place, pads a shorter line over a longer one, and
// clears its line when stopped.
func TestMeterDrawsAndClears(t *testing.T) {
	var b bytes.Buffer
	now := time.Unix(0, 0)
	m := newMeter(&b, time.Hour, func() time.Time { return now })
	m.Total(100)
	for i := 0; i < 12; i++ {
		m.Done()
	}
	m.Read(50)
	now = now.Add(time.Second)
	m.draw()
	first := "chaff: 12 documents, 12 docs/s, 0.0 MB/s, 50% of 0.0 MB, ETA 0:01"
	if b.String() != "\r"+first {
		t.Fatalf("first draw %q", b.String())
	}
	b.Reset()
	m.total.Store(-1)
	m.draw()
	second := "chaff: 12 documents, 12 docs/s, 0.0 MB/s"
	if want := "\r" + second + strings.Repeat(" ", len(first)-len(second)); b.String() != want {
		t.Fatalf("second draw %q, want %q", b.String(), want)
	}
	b.Reset()
	close(m.done) // no loop running
	m.Stop()
	if want := "\r" + strings.Repeat(" ", len(first)) + "\r"; b.String() != want {
		t.Errorf("stop wrote %q, want %q", b.String(), want)
	}
}

// A nil meter (progress off) counts and draws nothing; a pipe or a file is
// no terminal, and --quiet turns it off.
func TestOff(t *testing.T) {
	var m *Meter
	m.Done()
	m.Read(3)
	m.Total(4)
	m.Clear()
	m.Stop()
	if Start(os.Stderr, false, time.Millisecond) != nil {
		t.Error("Start(off) returned a meter")
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if Enabled(f, false) || Enabled(&bytes.Buffer{}, false) || Enabled(os.Stderr, true) {
		t.Error("progress enabled on a file, a buffer, or with quiet")
	}
}
