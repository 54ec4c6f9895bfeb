package features

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz seeds: the project's own texts (testdata/articles, check and bad)
// and every rule's examples, so the fuzzer starts from what each feature
// family reads; regressions it finds are kept in testdata/fuzz/<Target>.
func addSeeds(f *testing.F) {
	for _, glob := range []string{"../testdata/articles/*.txt", "../testdata/check/*", "../testdata/bad/*"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	for _, feat := range Catalogue() {
		for _, ex := range append(append([]string(nil), feat.Fires...), feat.Quiet...) {
			f.Add([]byte(ex))
		}
	}
	for _, s := range []string{"", "\r", "\r\n\r\n", "\xef\xbb\xbf", "\x00", "a\u2028b", "# \n## x\n", "\xff\xfe", strings.Repeat("a ", 300), "donÃ¢â‚¬â„¢t &amp;lt; â€\ufffd\r\nÂ£5&#10;x"} {
		f.Add([]byte(s))
	}
}

// FuzzNewDocument builds documents from any bytes: valid UTF-8 out, no
// carriage returns, spans inside the text, positions inside the lines.
func FuzzNewDocument(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		d := NewDocument(b)
		if !utf8.ValidString(d.Text) || strings.ContainsRune(d.Text, '\r') {
			t.Fatalf("text not normalised: %q", d.Text)
		}
		// reading references and mojibake keeps every line's length in
		// characters, so that columns count as in the input
		lines := strings.Split(string(validText(b)), "\n")
		if got := strings.Split(d.Text, "\n"); len(got) != len(lines) {
			t.Fatalf("%d lines, want %d", len(got), len(lines))
		} else {
			for i, l := range lines {
				if utf8.RuneCountInString(got[i]) != utf8.RuneCountInString(l) {
					t.Fatalf("line %d %q read as %q: not as long", i+1, l, got[i])
				}
			}
		}
		in := func(s Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(d.Text) }
		for _, l := range d.Lines {
			if !in(l.Span) || d.Text[l.Start:l.End] != l.Text || strings.ContainsRune(l.Text, '\n') {
				t.Fatalf("line %+v", l)
			}
		}
		words := 0
		for _, tok := range d.Tokens {
			if !in(tok.Span) || tok.Line < 0 || tok.Line >= len(d.Lines) || tok.Text == "" {
				t.Fatalf("token %+v", tok)
			}
			if tok.Kind == Word {
				words++
			}
			line, col := d.Pos(tok.Start)
			if line != tok.Line+1 || col < 1 || col > utf8.RuneCountInString(d.Lines[tok.Line].Text) {
				t.Fatalf("token %+v at %d:%d", tok, line, col)
			}
		}
		if words != d.WordCount {
			t.Fatalf("WordCount %d, %d word tokens", d.WordCount, words)
		}
		for _, s := range d.Sentences {
			if !in(s.Span) || s.FirstToken < 0 || s.FirstToken > s.EndToken || s.EndToken > len(d.Tokens) {
				t.Fatalf("sentence %+v", s)
			}
		}
		for _, p := range d.Paragraphs {
			if !in(p.Span) || p.FirstLine < 0 || p.FirstLine > p.EndLine || p.EndLine > len(d.Lines) {
				t.Fatalf("paragraph %+v", p)
			}
		}
		for _, h := range d.Headings {
			if h.Line < 0 || h.Line >= len(d.Lines) {
				t.Fatalf("heading %+v", h)
			}
		}
	})
}

// FuzzCatalogue runs every feature of every family on any text: finite
// values, and findings at a line and column of the text.
func FuzzCatalogue(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		d := NewDocument(b)
		results := Extract(d)
		if len(results) != len(Catalogue()) {
			t.Fatalf("%d results", len(results))
		}
		for i, r := range results {
			id := Catalogue()[i].ID
			if math.IsNaN(r.Value) || math.IsInf(r.Value, 0) {
				t.Fatalf("%s: value %v", id, r.Value)
			}
			for _, fd := range r.Findings {
				if fd.Rule != id || fd.Line < 1 || fd.Line > max(len(d.Lines), 1) || fd.Column < 1 ||
					math.IsNaN(fd.Share) || !utf8.ValidString(fd.Match) {
					t.Fatalf("%s: finding %+v (%d lines)", id, fd, len(d.Lines))
				}
				if fd.Column > utf8.RuneCountInString(d.Lines[fd.Line-1].Text)+1 {
					t.Fatalf("%s: finding %+v past the end of line %q", id, fd, d.Lines[fd.Line-1].Text)
				}
			}
		}
	})
}
