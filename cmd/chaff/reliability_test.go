package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/chaff-dev/chaff/cmd/input"
)

// badTree copies testdata/bad (the odd inputs small enough to commit) into
// a temporary folder and adds those that cannot be committed: a file over
// --max-bytes, a corpus line over it, 10,000-deep HTML, a named pipe, a
// link to a device, symbolic link loops, a dangling link and (when not
// root) an unreadable folder. It returns the folder and, for every input,
// the substring its error must hold ("" for a document to score). Corpus
// records are named by their ids.
func badTree(t *testing.T) (string, map[string]string) {
	t.Helper()
	root := filepath.Join(t.TempDir(), "bad")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("testdata/bad", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	j := func(name string) string { return filepath.Join(root, name) }
	line := strings.Repeat("All work and no play makes a long line. ", 100)
	big := strings.Repeat(line+"\n", input.DefaultMaxBytes/len(line)+1)
	write := func(name, body string) {
		if err := os.WriteFile(j(name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	article, _ := os.ReadFile("testdata/bad/good-article.txt")
	rec, _ := json.Marshal(map[string]string{"id": "after-long", "text": string(article)})
	write("big.txt", big)
	write("long-line.jsonl", `{"id":"long","text":"`+strings.Repeat("x", input.DefaultMaxBytes)+`"}`+"\n"+string(rec)+"\n")
	write("deep.html", "<html><body>"+strings.Repeat("<div>", 10000)+"<p>"+string(article)+"</p></body></html>")
	want := map[string]string{
		j("README.md"):           "",
		j("good-article.txt"):    "",
		j("good-notes.md"):       "",
		j("latin1.txt"):          "",
		j("utf16le.txt"):         "",
		j("utf16be.txt"):         "",
		j("deep.html"):           "",
		"ok":                     "",
		"after-long":             "",
		j("big.txt"):             j("big.txt") + ": larger than --max-bytes (4194304 bytes)",
		"long":                   j("long-line.jsonl") + ": line 1: larger than --max-bytes",
		j("binary.txt"):          j("binary.txt") + ": binary file",
		j("cp1251.txt"):          j("cp1251.txt") + ": not UTF-8 or UTF-16 (",
		j("empty.jsonl"):         j("empty.jsonl") + ": no records",
		j("corpus.jsonl") + ":2": j("corpus.jsonl") + ": line 2: invalid JSON at byte",
		"no-text":                j("corpus.jsonl") + `: line 3: no string field "text"`,
		j("corpus.jsonl") + ":4": j("corpus.jsonl") + ": line 4: not a JSON object",
		"number-text":            j("corpus.jsonl") + `: line 5: no string field "text"`,
	}
	// the long record has an id, but its line could not be read: path:line
	want[j("long-line.jsonl")+":1"] = want["long"]
	delete(want, "long")
	if runtime.GOOS != "windows" {
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(syscall.Mkfifo(j("fifo.txt"), 0o644))
		must(os.Symlink("/dev/zero", j("zero.txt")))
		must(os.Symlink("missing.txt", j("dangling.txt")))
		must(os.Symlink("loop-b.txt", j("loop-a.txt")))
		must(os.Symlink("loop-a.txt", j("loop-b.txt")))
		must(os.Mkdir(j("sub"), 0o755))
		must(os.Symlink("..", j("sub/up")))
		want[j("fifo.txt")] = j("fifo.txt") + ": not a regular file (named pipe)"
		want[j("zero.txt")] = j("zero.txt") + ": not a regular file (character device)"
		want[j("dangling.txt")] = j("dangling.txt") + ": dangling symbolic link (to missing.txt)"
		want[j("loop-a.txt")] = j("loop-a.txt") + ": symbolic link loop"
		want[j("loop-b.txt")] = j("loop-b.txt") + ": symbolic link loop"
		want[j("sub/up")] = j("sub/up") + ": symbolic link loop (back to " + root + ")"
		if os.Geteuid() != 0 {
			must(os.Mkdir(j("locked"), 0o755))
			write("locked/hidden.txt", "unreadable")
			must(os.Chmod(j("locked"), 0))
			t.Cleanup(func() { os.Chmod(j("locked"), 0o755) })
			want[j("locked")] = "open " + j("locked") + ": permission denied"
		}
	}
	return root, want
}

// TestBadTree scores every bad input in one run: no panic, exit 2, one
// record per input with the right error, and the good files scored exactly
// as when scored alone.
func TestBadTree(t *testing.T) {
	root, want := badTree(t)
	r := chaff(t, nil, "score", "--format", "jsonl", "--workers", "2", root)
	if r.code != exitError {
		t.Fatalf("exit %d, want 2\n%s", r.code, r.stderr)
	}
	recs := jsonl(t, r.stdout)
	got := map[string]map[string]any{}
	for _, rec := range recs {
		id := rec["id"].(string)
		if _, dup := got[id]; dup {
			t.Errorf("%s: two records", id)
		}
		got[id] = rec
	}
	for id, sub := range want {
		rec, ok := got[id]
		if !ok {
			t.Errorf("%s: no record", id)
			continue
		}
		e, _ := rec["error"].(string)
		switch {
		case sub == "" && e != "":
			t.Errorf("%s: error %q, want a score", id, e)
		case sub != "" && !strings.HasPrefix(e, sub):
			t.Errorf("%s: error %q, want %q", id, e, sub)
		case sub != "" && !strings.Contains(r.stderr, "chaff: "+e+"\n"):
			t.Errorf("%s: error not on standard error", id)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("unexpected record %s: %v", id, got[id])
		}
	}
	if !strings.Contains(r.stderr, "latin1.txt: 6 bytes not UTF-8, read as Windows-1252") {
		t.Errorf("no warning for the Latin-1 file:\n%s", r.stderr)
	}
	// Good files score as they do alone (UTF-16 as its UTF-8 original).
	alone := func(p string) map[string]any {
		a := chaff(t, nil, "score", "--format", "jsonl", p)
		rs := jsonl(t, a.stdout)
		if a.code != 0 || len(rs) != 1 {
			t.Fatalf("%s alone: %s", p, a)
		}
		return rs[0]
	}
	same := func(id string, ref map[string]any) {
		t.Helper()
		a, b := got[id], ref
		for _, k := range []string{"score", "verdict", "language", "categories", "findings"} {
			ja, _ := json.Marshal(a[k])
			jb, _ := json.Marshal(b[k])
			if string(ja) != string(jb) {
				t.Errorf("%s: %s differs from the file scored alone: %s vs %s", id, k, ja, jb)
			}
		}
	}
	for _, name := range []string{"good-article.txt", "good-notes.md", "latin1.txt", "README.md", "deep.html"} {
		same(filepath.Join(root, name), alone(filepath.Join(root, name)))
	}
	ref := alone("testdata/bad/good-article.txt")
	same(filepath.Join(root, "utf16le.txt"), ref)
	same(filepath.Join(root, "utf16be.txt"), ref)
	same("ok", ref)
	same("after-long", ref)
	if v := got[filepath.Join(root, "good-article.txt")]["score"]; v == nil {
		t.Errorf("good article not scored: %v", got[filepath.Join(root, "good-article.txt")])
	}
}

// cancelAfter is standard output that cancels a context once n lines were
// written, as a user pressing Ctrl-C mid-corpus.
type cancelAfter struct {
	strings.Builder
	n      int
	cancel func()
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	if c.n -= strings.Count(string(p), "\n"); c.n <= 0 {
		c.cancel()
	}
	return c.Builder.Write(p)
}

// Ctrl-C stops the run with a valid JSONL prefix and a message.
func TestInterrupt(t *testing.T) {
	article, _ := os.ReadFile("testdata/bad/good-article.txt")
	var corpus strings.Builder
	for i := 0; i < 2000; i++ {
		b, _ := json.Marshal(map[string]any{"id": i, "text": string(article)})
		corpus.Write(b)
		corpus.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, []byte(corpus.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &cancelAfter{n: 10, cancel: cancel}
	var errb strings.Builder
	code := runContext(ctx, newApp(out, &errb), []string{"chaff", "score", "--format", "jsonl", "--workers", "2", path})
	if code != exitInterrupted || !strings.Contains(errb.String(), "chaff: interrupted: ") {
		t.Fatalf("exit %d\n%s", code, errb.String())
	}
	recs := jsonl(t, out.String())
	if len(recs) < 10 || len(recs) >= 2000 || !strings.HasSuffix(out.String(), "\n") {
		t.Fatalf("%d records", len(recs))
	}
	for i, r := range recs {
		if r["id"] != strconv.Itoa(i) {
			t.Fatalf("record %d has id %v: not a prefix in input order", i, r["id"])
		}
	}
	if want := fmt.Sprintf("chaff: interrupted: %d records written, the rest not read\n", len(recs)); !strings.HasSuffix(errb.String(), want) {
		t.Errorf("stderr %q, want %q", errb.String(), want)
	}
}

// A reader that went away (chaff score | head) ends the run without a
// message.
func TestBrokenPipe(t *testing.T) {
	var errb strings.Builder
	app := newApp(epipe{}, &errb)
	code := run(app, []string{"chaff", "score", "--format", "jsonl", "testdata/bad/good-article.txt"})
	if code == exitOK || errb.Len() != 0 {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

type epipe struct{}

func (epipe) Write([]byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
}

// The bad tree's output, errors and all, is the same for any --workers.
func TestBadTreeSameForAnyWorkers(t *testing.T) {
	root, _ := badTree(t)
	var first result
	for i, w := range []string{"1", "3", "8"} {
		r := chaff(t, nil, "score", "--format", "jsonl", "--workers", w, root)
		if i == 0 {
			first = r
		} else if r.stdout != first.stdout || r.stderr != first.stderr || r.code != first.code {
			t.Errorf("--workers %s differs from --workers 1", w)
		}
	}
}
