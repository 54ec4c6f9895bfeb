package input

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestDecode(t *testing.T) {
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, r := range s {
			if r > 0xFFFF {
				r -= 0x10000
				hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
				b = append(b, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
				continue
			}
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	be := func(le []byte) []byte {
		out := []byte{0xFE, 0xFF}
		for i := 2; i+1 < len(le); i += 2 {
			out = append(out, le[i+1], le[i])
		}
		return out
	}
	for _, c := range []struct {
		name     string
		in       []byte
		want     string
		replaced int
		err      error
	}{
		{"utf-8", []byte("café ok"), "café ok", 0, nil},
		{"utf-8 bom kept", []byte("\xEF\xBB\xBFhi"), "\xEF\xBB\xBFhi", 0, nil},
		{"utf-16le", utf16le("Hé 😀\r\nline"), "Hé 😀\r\nline", 0, nil},
		{"utf-16be", be(utf16le("Hé 😀 x")), "Hé 😀 x", 0, nil},
		{"utf-16 lone surrogate", append(utf16le("a"), 0x00, 0xD8, 'b', 0), "a\uFFFDb", 1, nil},
		{"utf-16 odd byte", append(utf16le("ab"), 'c'), "ab\uFFFD", 1, nil},
		{"utf-16 nul", utf16le("a\x00b"), "", 0, ErrBinary},
		{"latin-1 read as Windows-1252, one character a byte", []byte("The caf\xe9 and cr\xe8me br\xfbl\xe9e are still on the menu, at six euros each."), "The café and crème brûlée are still on the menu, at six euros each.", 4, nil},
		{"a word processor's quote in UTF-8 text", []byte("It\x92s the caf\xc3\xa9\x97open late"), "It’s the café—open late", 2, nil},
		{"a byte Windows-1252 leaves undefined", []byte("a\x9db is the café's sign"), "a\uFFFDb is the café's sign", 1, nil},
		{"mostly invalid", []byte("\xc3\xee\xf0\xee\xe4 \xf1\xee\xe2\xe5\xf2"), "", 0, ErrEncoding},
		{"nul", []byte("text\x00more"), "", 0, ErrBinary},
		{"nul after 8 KB is read", append(bytes.Repeat([]byte("a"), binarySniff), 0), strings.Repeat("a", binarySniff) + "\x00", 0, nil},
		{"empty", nil, "", 0, nil},
	} {
		got, n, err := Decode(c.in)
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("%s: error %v, want %v", c.name, err, c.err)
			}
			continue
		}
		if err != nil || string(got) != c.want || n != c.replaced {
			t.Errorf("%s: got %q, %d replaced, %v; want %q, %d", c.name, got, n, err, c.want, c.replaced)
		}
	}
}

func TestReadLimited(t *testing.T) {
	for _, c := range []struct {
		n, max, size int64
		tooLarge     bool
	}{
		{0, 10, -1, false}, {10, 10, -1, false}, {11, 10, -1, true}, {10, 10, 10, false},
		{11, 10, 11, true}, {200 << 10, 1 << 20, -1, false}, {5, 10, 3, false}, // a file that grew
	} {
		r := &countingReader{r: bytes.NewReader(bytes.Repeat([]byte("x"), int(c.n)))}
		b, err := readLimited(r, c.max, c.size)
		if c.tooLarge {
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("%d bytes, max %d: err %v, want ErrTooLarge", c.n, c.max, err)
			}
			if r.read > c.max+1 {
				t.Errorf("%d bytes, max %d: read %d, want at most max+1", c.n, c.max, r.read)
			}
			continue
		}
		if err != nil || int64(len(b)) != c.n {
			t.Errorf("%d bytes, max %d: got %d, %v", c.n, c.max, len(b), err)
		}
	}
}

type countingReader struct {
	r    io.Reader
	read int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.read += int64(n)
	return n, err
}

// An endless reader is never read past the limit.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.read += int64(len(p))
	return len(p), nil
}

func TestLimitsOnEndlessInput(t *testing.T) {
	e := &endless{}
	var items []Item
	err := Walk([]string{"-"}, Options{Stdin: e, Limits: Limits{MaxBytes: 1000}}, func(it Item) error { items = append(items, it); return nil })
	if err != nil || len(items) != 1 || !errors.Is(items[0].Err, ErrTooLarge) || !strings.Contains(items[0].Err.Error(), "standard input: larger than --max-bytes (1000 bytes)") {
		t.Fatalf("items %+v, err %v", items, err)
	}
	if e.read > 2<<20 { // standard input is sniffed for its format: up to 1 MiB
		t.Errorf("read %d bytes of an endless input with --max-bytes 1000", e.read)
	}
	// a JSONL line without end: one record, bounded reading is the caller's (the line is skipped)
	r := io.MultiReader(strings.NewReader(`{"text":"`), io.LimitReader(&endless{}, 5<<20), strings.NewReader("\"}\n"+`{"id":"next","text":"ok"}`+"\n"))
	var recs []Record
	if err := ReadJSONL(r, JSONLOptions{MaxBytes: 1 << 20}, func(rec Record) error { recs = append(recs, rec); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || !errors.Is(recs[0].Err, ErrTooLarge) || recs[0].Line != 1 || recs[1].ID != "next" || recs[1].Text != "ok" || recs[1].Line != 2 {
		t.Errorf("records %+v", recs)
	}
}

func TestJSONLLineLimitEdges(t *testing.T) {
	line := `{"text":"abc"}` // 14 bytes
	for _, c := range []struct {
		in   string
		max  int64
		fail bool
	}{
		{line + "\n", 14, false}, {line, 14, false}, {line + "\n", 13, true}, {line + "\r\n", 15, false},
	} {
		var recs []Record
		_ = ReadJSONL(strings.NewReader(c.in), JSONLOptions{MaxBytes: c.max}, func(r Record) error { recs = append(recs, r); return nil })
		if len(recs) != 1 || (recs[0].Err != nil) != c.fail {
			t.Errorf("%q max %d: %+v", c.in, c.max, recs)
		}
	}
	// invalid JSON at byte N counts from the file's start
	var recs []Record
	_ = ReadJSONL(strings.NewReader(line+"\n"+`{"text": x}`+"\n"), JSONLOptions{}, func(r Record) error { recs = append(recs, r); return nil })
	if len(recs) != 2 || recs[1].Err == nil || !strings.Contains(recs[1].Err.Error(), "line 2: invalid JSON at byte 25") {
		t.Errorf("%+v", recs)
	}
	// bytes that are not UTF-8 in a record are counted, and read as
	// Windows-1252, as a file's are
	recs = nil
	_ = ReadJSONL(strings.NewReader("{\"text\":\"caf\xe9\"}\n"), JSONLOptions{}, func(r Record) error { recs = append(recs, r); return nil })
	if len(recs) != 1 || recs[0].Replaced != 1 || recs[0].Text != "café" {
		t.Errorf("%+v", recs)
	}
}

func TestDecompressedCap(t *testing.T) {
	l := Limits{MaxDecompressed: 100}
	for _, c := range []struct {
		n    int
		fail bool
	}{{99, false}, {100, false}, {101, true}} {
		b, err := io.ReadAll(l.Decompressed(bytes.NewReader(make([]byte, c.n))))
		if c.fail != (err != nil) || c.fail && !errors.Is(err, ErrDecompressed) || !c.fail && len(b) != c.n {
			t.Errorf("%d bytes: %d read, %v", c.n, len(b), err)
		}
	}
	e := &endless{}
	if _, err := io.Copy(io.Discard, l.Decompressed(e)); !errors.Is(err, ErrDecompressed) || e.read > 64<<10 {
		t.Errorf("endless: %v after %d bytes", err, e.read)
	}
}

// walkAll walks paths and returns every item's id and error text.
func walkAll(t *testing.T, paths []string, o Options) map[string]string {
	t.Helper()
	got := map[string]string{}
	done := make(chan error, 1)
	go func() {
		done <- Walk(paths, o, func(it Item) error {
			if _, dup := got[it.ID]; dup {
				t.Errorf("%s reported twice", it.ID)
			}
			got[it.ID] = ""
			if it.Err != nil {
				got[it.ID] = it.Err.Error()
			}
			return nil
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the walk hangs")
	}
	return got
}

func TestWalkOddFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("named pipes and symbolic links")
	}
	root := t.TempDir()
	write(t, root, map[string]string{"good.txt": "fine", "sub/inner.txt": "inner", "other/o.txt": "other"})
	j := func(s ...string) string { return filepath.Join(append([]string{root}, s...)...) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(syscall.Mkfifo(j("fifo.txt"), 0o644))
	must(os.Symlink("/dev/null", j("device.txt")))
	must(os.Symlink("nowhere.txt", j("dangling.txt")))
	must(os.Symlink("dangling.pdf", j("dangling-ignored.pdf"))) // not included: not read, not reported
	must(os.Symlink("chain-b.txt", j("chain-a.txt")))
	must(os.Symlink("chain-a.txt", j("chain-b.txt")))
	must(os.Symlink("..", j("sub", "up")))         // a loop back to root
	must(os.Symlink("../other", j("sub", "side"))) // a folder walked again by another path: once only
	must(os.Symlink("good.txt", j("link.txt")))    // a link to a file: read
	got := walkAll(t, []string{root}, Options{})
	want := map[string]string{
		j("good.txt"):         "",
		j("link.txt"):         "",
		j("fifo.txt"):         "not a regular file (named pipe)",
		j("device.txt"):       "not a regular file (character device)",
		j("dangling.txt"):     "dangling symbolic link (to nowhere.txt)",
		j("chain-a.txt"):      "symbolic link loop",
		j("chain-b.txt"):      "symbolic link loop",
		j("sub", "up"):        "symbolic link loop (back to " + root + ")",
		j("sub", "inner.txt"): "",
		j("other", "o.txt"):   "",
	}
	for id, sub := range want {
		e, ok := got[id]
		if !ok {
			t.Errorf("%s: not reported", id)
		} else if sub == "" && e != "" || !strings.Contains(e, sub) || sub != "" && !strings.HasPrefix(e, id+": ") {
			t.Errorf("%s: error %q, want %q after the path", id, e, sub)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("unexpected item %s: %q", id, got[id])
		}
	}
	// Named explicitly, a pipe without a writer reads as empty: no hang.
	got = walkAll(t, []string{j("fifo.txt")}, Options{})
	if e, ok := got[j("fifo.txt")]; !ok || e != "" {
		t.Errorf("explicit pipe: %v", got)
	}
}

func TestWalkUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("root reads every folder")
	}
	root := t.TempDir()
	write(t, root, map[string]string{"a.txt": "a", "locked/b.txt": "b"})
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	got := walkAll(t, []string{root}, Options{})
	if e := got[locked]; !strings.Contains(e, "permission denied") || len(got) != 2 {
		t.Errorf("got %v", got)
	}
}

func TestWalkFileRemovedDuringWalk(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"a.txt": "a", "b.txt": "b", "c/d.txt": "d"})
	var got []string
	err := Walk([]string{root}, Options{}, func(it Item) error {
		if strings.HasSuffix(it.ID, "a.txt") {
			os.Remove(filepath.Join(root, "b.txt"))
			os.RemoveAll(filepath.Join(root, "c"))
		}
		e := ""
		if it.Err != nil {
			e = it.Err.Error()
		}
		got = append(got, filepath.Base(it.ID)+"|"+e)
		return nil
	})
	want := []string{"a.txt|", "b.txt|" + filepath.Join(root, "b.txt") + ": removed during the walk", "c|" + filepath.Join(root, "c") + ": removed during the walk"}
	if err != nil || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWalkStopsOnContext(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"a.txt": "a", "b.txt": "b", "c.txt": "c"})
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Walk([]string{root, root}, Options{Context: ctx}, func(Item) error { n++; cancel(); return nil })
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("err %v after %d items", err, n)
	}
}

func TestWalkTooLargeFile(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"big.txt": strings.Repeat("x", 101), "ok.txt": strings.Repeat("x", 100)})
	got := walkAll(t, []string{root}, Options{Limits: Limits{MaxBytes: 100}})
	if got[filepath.Join(root, "big.txt")] != filepath.Join(root, "big.txt")+": larger than --max-bytes (100 bytes)" || got[filepath.Join(root, "ok.txt")] != "" {
		t.Errorf("got %v", got)
	}
}
