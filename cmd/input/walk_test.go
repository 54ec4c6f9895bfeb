package input

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// update is unused here; it is declared so that `go test ./cmd/... -update`
// (which regenerates the golden files of other packages) runs this package too.
var _ = flag.Bool("update", false, "regenerate golden files (unused in this package)")

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// collect walks and renders every item as "id|path|line|text|err".
func collect(t *testing.T, paths []string, o Options) []string {
	t.Helper()
	return walkRendered(t, paths, o, func(it Item, e string) string {
		return fmt.Sprintf("%s|%s|%d|%s|%s", it.ID, it.Path, it.Line, it.Text, e)
	})
}

// walkRendered walks paths and renders each item (with its error text, ""
// for none) as render says.
func walkRendered(t *testing.T, paths []string, o Options, render func(it Item, err string) string) []string {
	t.Helper()
	var out []string
	err := Walk(paths, o, func(it Item) error {
		e := ""
		if it.Err != nil {
			e = it.Err.Error()
		}
		out = append(out, render(it, e))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWalkFolder(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"b.txt":             "bee",
		"a.md":              "ay",
		"c.pdf":             "not included",
		".hidden.txt":       "hidden",
		".git/config.txt":   "hidden folder",
		"sub/z.html":        "zed",
		"sub/a.markdown":    "sub a",
		"sub/deep/x.htm":    "ex",
		"notes.TXT":         "upper-case extension is not *.txt",
		"corpus/one.jsonl":  `{"id":"r1","text":"first"}` + "\n\n" + `{"text":"second"}` + "\n",
		"drafts/skip.txt":   "excluded by folder",
		"sub/deep/skip.txt": "excluded by name",
	})
	got := collect(t, []string{root}, Options{Exclude: []string{"drafts", "skip.txt"}})
	j := func(s ...string) string { return filepath.Join(append([]string{root}, s...)...) }
	want := []string{
		j("a.md") + "|" + j("a.md") + "|0|ay|",
		j("b.txt") + "|" + j("b.txt") + "|0|bee|",
		"r1|" + j("corpus", "one.jsonl") + "|1|first|",
		j("corpus", "one.jsonl") + ":3|" + j("corpus", "one.jsonl") + "|3|second|",
		j("sub", "a.markdown") + "|" + j("sub", "a.markdown") + "|0|sub a|",
		j("sub", "deep", "x.htm") + "|" + j("sub", "deep", "x.htm") + "|0|ex|",
		j("sub", "z.html") + "|" + j("sub", "z.html") + "|0|zed|",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWalkIncludeOverridesDefault(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"a.txt": "a", "b.rst": "b", "sub/c.rst": "c"})
	got := collect(t, []string{root}, Options{Include: []string{"sub/*.rst"}})
	if len(got) != 1 || !strings.HasPrefix(got[0], filepath.Join(root, "sub", "c.rst")+"|") {
		t.Errorf("got %q", got)
	}
}

func TestWalkExplicitFileIgnoresFilters(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"a.rst": "text"})
	p := filepath.Join(root, "a.rst")
	got := collect(t, []string{p}, Options{Exclude: []string{"*.rst"}})
	if want := []string{p + "|" + p + "|0|text|"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestWalkErrors(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"bin.txt":     "text\x00more",
		"empty.jsonl": "\n  \n",
		"bad.jsonl":   `{"text":"ok"}` + "\n" + `{"text":` + "\n" + `{"id":7,"body":"no text"}` + "\n",
		"none/x.pdf":  "",
	})
	missing := filepath.Join(root, "missing.txt")
	var items []Item
	paths := []string{missing, filepath.Join(root, "bin.txt"), filepath.Join(root, "empty.jsonl"), filepath.Join(root, "bad.jsonl"), filepath.Join(root, "none")}
	if err := Walk(paths, Options{JSONL: JSONLOptions{KeepFields: true}}, func(it Item) error { items = append(items, it); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(items) != 7 {
		t.Fatalf("got %d items, want 7: %+v", len(items), items)
	}
	check := func(i int, id string, line int, target error, sub string) {
		t.Helper()
		it := items[i]
		if it.ID != id || it.Line != line {
			t.Errorf("item %d: id %q line %d, want %q %d", i, it.ID, it.Line, id, line)
		}
		if sub == "" {
			if it.Err != nil {
				t.Errorf("item %d: unexpected error %v", i, it.Err)
			}
			return
		}
		if it.Err == nil {
			t.Errorf("item %d: no error, want %q", i, sub)
			return
		}
		if target != nil && !errors.Is(it.Err, target) {
			t.Errorf("item %d: error %v is not %v", i, it.Err, target)
		}
		if !strings.Contains(it.Err.Error(), sub) {
			t.Errorf("item %d: error %q does not contain %q", i, it.Err, sub)
		}
	}
	bad := filepath.Join(root, "bad.jsonl")
	check(0, missing, 0, fs.ErrNotExist, "open "+missing+": no such file or directory")
	check(1, filepath.Join(root, "bin.txt"), 0, ErrBinary, "bin.txt: binary file")
	check(2, filepath.Join(root, "empty.jsonl"), 0, ErrNoRecords, "empty.jsonl: no records")
	check(3, bad+":1", 1, nil, "")
	check(4, bad+":2", 2, nil, bad+": line 2: invalid JSON")
	check(5, "7", 3, nil, `line 3: no string field "text"`)
	check(6, filepath.Join(root, "none"), 0, ErrNoFiles, "no files to read")
	if items[5].Fields["body"] != "no text" {
		t.Errorf("fields not kept: %v", items[5].Fields)
	}
}

func TestWalkStdin(t *testing.T) {
	got := collect(t, []string{"-"}, Options{Stdin: strings.NewReader("piped text")})
	if want := []string{"-|-|0|piped text|"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestWalkJSONLFields(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"c.jsonl": `{"key":"k1","body":"b1"}` + "\n"})
	got := collect(t, []string{filepath.Join(root, "c.jsonl")}, Options{JSONL: JSONLOptions{TextField: "body", IDField: "key"}})
	if len(got) != 1 || !strings.HasPrefix(got[0], "k1|") || !strings.Contains(got[0], "|1|b1|") {
		t.Errorf("got %q", got)
	}
}

func TestWalkStopsOnFnError(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"a.txt": "a", "b.txt": "b", "c.jsonl": `{"text":"x"}` + "\n" + `{"text":"y"}` + "\n"})
	stop := errors.New("stop")
	for _, p := range []string{root, filepath.Join(root, "c.jsonl")} {
		n := 0
		err := Walk([]string{p}, Options{}, func(Item) error { n++; return stop })
		if err != stop || n != 1 {
			t.Errorf("%s: err %v after %d items, want stop after 1", p, err, n)
		}
	}
}

func TestWalkBadGlob(t *testing.T) {
	if err := Walk([]string{"."}, Options{Include: []string{"[x"}}, func(Item) error { return nil }); err == nil {
		t.Error("bad glob accepted")
	}
}

func TestMatchAny(t *testing.T) {
	for _, c := range []struct {
		glob, path string
		want       bool
	}{
		{"*.md", "a/b/c.md", true},
		{"b/*.md", "a/b/c.md", true},
		{"a/*.md", "a/b/c.md", false},
		{"a/*/c.md", "a/b/c.md", true},
		{"*.md", "a/b/c.txt", false},
		{"b", "a/b", true},
	} {
		if got := matchAny([]string{c.glob}, filepath.FromSlash(c.path)); got != c.want {
			t.Errorf("matchAny(%q, %q) = %v", c.glob, c.path, got)
		}
	}
}

// A corpus that starts with a byte-order mark, and ids written as numbers,
// read as written, from a file, from standard input, and with every field
// kept (as eval and train read them).
func TestWalkJSONLAsWritten(t *testing.T) {
	const corpus = "\xEF\xBB\xBF" + `{"id":12345678,"text":"one"}` + "\n" + `{"id":9007199254740993,"text":"two"}` + "\n" + `{"id":-0.5,"text":"three"}` + "\n"
	want := []string{"12345678||1|one|", "9007199254740993||2|two|", "-0.5||3|three|"}
	root := t.TempDir()
	write(t, root, map[string]string{"c.jsonl": corpus})
	for name, o := range map[string]Options{
		"file":        {},
		"keep fields": {JSONL: JSONLOptions{KeepFields: true}},
	} {
		got := collect(t, []string{filepath.Join(root, "c.jsonl")}, o)
		for i := range got {
			got[i] = strings.Replace(got[i], filepath.Join(root, "c.jsonl"), "", 1)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q want %q", name, got, want)
		}
	}
	got := collect(t, []string{"-"}, Options{Stdin: strings.NewReader(corpus), InputFormat: FormatAuto})
	for i := range got {
		got[i] = strings.Replace(got[i], "|-|", "||", 1)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("standard input: got %q want %q", got, want)
	}
}
