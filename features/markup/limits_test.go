package markup

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestHTMLTooComplex(t *testing.T) {
	words := strings.Repeat("The council met on Tuesday to vote on the budget for the schools. ", 5)
	for _, c := range []struct {
		name string
		src  string
		want bool
	}{
		{"a page", "<html><body><article><p>" + words + "</p><p>" + words + "</p></article></body></html>", false},
		{"unclosed paragraphs do not nest", "<body>" + strings.Repeat("<p>"+words, 300) + "</body>", false},
		{"deep divs", strings.Repeat("<div>", MaxHTMLDepth+1) + words, true},
		{"just deep enough", "<body>" + strings.Repeat("<div>", MaxHTMLDepth-1) + words, false},
		{"many elements", strings.Repeat("<span>x</span>", MaxHTMLElements+1) + words, true},
	} {
		p := HTMLText([]byte(c.src))
		if p.TooComplex != c.want {
			t.Errorf("%s: TooComplex %v, want %v", c.name, p.TooComplex, c.want)
		}
		if c.want && p.Main != nil {
			t.Errorf("%s: main text extracted", c.name)
		}
		if !bytes.Contains(p.Text, []byte("council")) {
			t.Errorf("%s: text lost", c.name)
		}
	}
}

func TestMarkdownDepth(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{"plain\n", 0}, {"> quote\n", 1}, {"> - 1. item\n", 3}, {"    code\n", 1},
		{"-not a list\n", 0}, {"12. x\n", 1}, {"1234567890. x\n", 0}, {strings.Repeat("> ", 100) + "x", 100},
	} {
		if got := markdownDepth([]byte(c.src)); got != c.want {
			t.Errorf("%q: depth %d, want %d", c.src, got, c.want)
		}
	}
	deep := strings.Repeat("> ", MaxMarkdownDepth+1) + "`code` text\n"
	if got := string(MarkdownText([]byte(deep))); got != deep {
		t.Errorf("too deep: not read as plain text: %q", got)
	}
}

// defuse changes nothing a real document needs, and keeps offsets.
func TestDefuse(t *testing.T) {
	doc := "# Title\n\nA [link](https://example.com/a) and `code`.\n\n[ref]: https://example.com\n"
	if got := defuse([]byte(doc), []byte(doc)); string(got) != doc {
		t.Errorf("changed a plain document: %q", got)
	}
	long := "[a](" + strings.Repeat("x", 300) + ")"
	got := defuse([]byte(long), []byte(long))
	if len(got) != len(long) || got[maxRun] != ' ' || got[2*maxRun+1] != ' ' || long[maxRun] == ' ' {
		t.Errorf("long run: %q", got)
	}
	refs := strings.Repeat("[a]: b\n", maxRefLines+2)
	got = defuse([]byte(refs), []byte(refs))
	if n := bytes.Count(got, []byte("\n ")); n != 2 {
		t.Errorf("ref lines defused: %d, want 2", n)
	}
}

// Inputs that cost goldmark and the extractor time quadratic in their size
// stay fast (they took 16 s, 18 s and 8 s before the limits).
func TestPathologicalInputsAreFast(t *testing.T) {
	for _, c := range []struct {
		name string
		run  func()
	}{
		{"unclosed links", func() { MarkdownText([]byte(strings.Repeat("[a](", 25000))) }},
		{"reference definitions", func() { MarkdownText([]byte(strings.Repeat("[a]: b\n", 60000))) }},
		{"nested lists", func() { MarkdownText([]byte(strings.Repeat("- ", 10000) + "x\n")) }},
		{"linkify", func() { MarkdownText([]byte(" " + strings.Repeat("a_", 80000))) }},
		{"nested divs", func() { HTMLText([]byte(strings.Repeat("<div>x ", 10000))) }},
	} {
		start := time.Now()
		c.run()
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("%s: %v", c.name, d)
		}
	}
}
