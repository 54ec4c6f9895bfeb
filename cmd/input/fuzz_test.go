package input

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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
		err := ReadJSONL(bytes.NewReader(b), JSONLOptions{MaxBytes: max, KeepFields: true}, func(r Record) error {
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

// FuzzParseLine reads any line both ways: the fast reader of text and id
// must agree with encoding/json on every line it takes.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"plain"}`, `{"id":12,"text":"x"}`, `{"id":1e400,"text":"x"}`,
		`{"text":"caf\u00e9 \ud83d\ude00 \ud800 lone","id":-0.5}`, `{"text":"a","text":"b"}`,
		`{"body":"no text"}`, `{"text":7}`, `["text"]`, `"text"`, "{\"text\":\"ctl\t\n\x01\"}",
		`{"text":"x"} trailing`, "{\"text\":\"x\"}\r\n", `{"text":"x",}`, `{"a":{"text":"nested"},"text":"top"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		for _, o := range []JSONLOptions{{TextField: "text", IDField: "id"}, {TextField: "text", IDField: "text"}} {
			want := parseStd(line, 1, 0, o)
			got := parseLine(line, 1, 0, o)
			if want.Err != nil && strings.Contains(want.Err.Error(), "(a JSON number") {
				// encoding/json decodes every field and rejects a number
				// beyond float64 anywhere; the fast reader only the id's
				continue
			}
			if got.ID != want.ID || got.Text != want.Text || (got.Err == nil) != (want.Err == nil) || got.Replaced != want.Replaced {
				t.Fatalf("%q: fast %+v, encoding/json %+v", line, got, want)
			}
			if want.Err != nil && got.Err.Error() != want.Err.Error() {
				t.Fatalf("%q: fast error %q, encoding/json %q", line, got.Err, want.Err)
			}
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
