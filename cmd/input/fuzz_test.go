package input

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// Seeds: the project's corpora and texts (testdata/bad holds the odd ones);
// regressions the fuzzer finds are kept in testdata/fuzz/<Target>.
func addSeeds(f *testing.F) {
	for _, glob := range []string{"../../testdata/bad/*", "../../testdata/articles/*.txt"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	for _, s := range []string{"", "\n", "{}", `{"text":"a"}`, `{"text":"a","id":1e400}`, "{\"text\":\"\\u0000\\ud800\"}\n\n[1]\nnull\n", `{"text":`, "\xff\xfe\x00", "\xfe\xff\xd8\x00", "\xef\xbb\xbf{\"text\":\"x\"}"} {
		f.Add([]byte(s))
	}
}

// FuzzReadJSONL reads any bytes as a corpus with a small line limit: one
// record per non-blank line, in order, each a text or an error.
func FuzzReadJSONL(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		const max = 64
		want := 0
		for _, l := range bytes.SplitAfter(b, []byte("\n")) {
			if len(l) > 0 && (!blank(l) || len(l) > max+1 || len(l) == max+1 && l[len(l)-1] != '\n') {
				want++
			}
		}
		got, last := 0, 0
		err := ReadJSONL(bytes.NewReader(b), JSONLOptions{MaxBytes: max}, func(r Record) error {
			got++
			if r.Line <= last {
				t.Fatalf("line %d after %d", r.Line, last)
			}
			last = r.Line
			if r.Err == nil && r.Fields == nil || r.Err != nil && r.Text != "" || !utf8.ValidString(r.Text) {
				t.Fatalf("record %+v", r)
			}
			return nil
		})
		if err != nil || got != want {
			t.Fatalf("%d records, want %d (%v)", got, want, err)
		}
	})
}

// FuzzDecode decodes any bytes: valid UTF-8 or an error; valid UTF-8
// without a UTF-16 mark comes back as it went in.
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		text, replaced, err := Decode(b)
		if err != nil {
			if text != nil || replaced != 0 {
				t.Fatal("text with an error")
			}
			return
		}
		if !utf8.Valid(text) || replaced < 0 {
			t.Fatalf("%q -> %q", b, text)
		}
		utf16 := len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
		if !utf16 && utf8.Valid(b) && (!bytes.Equal(text, b) || replaced != 0) {
			t.Fatalf("valid UTF-8 changed: %q -> %q", b, text)
		}
		if !utf16 && utf8.RuneCount(text) != utf8.RuneCount(b) {
			t.Fatalf("characters moved: %q -> %q", b, text)
		}
	})
}
