package features

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormaliseKeepsColumns(t *testing.T) {
	d := NewDocument([]byte("\xEF\xBB\xBFab\r\ncd\xff e\rf"))
	if d.Text != "ab\ncd\uFFFD e\nf" {
		t.Fatalf("text %q", d.Text)
	}
	cases := []struct{ off, line, col int }{{0, 1, 1}, {3, 2, 1}, {len("ab\ncd\uFFFD "), 2, 5}, {len(d.Text) - 1, 3, 1}}
	for _, c := range cases {
		if l, col := d.Pos(c.off); l != c.line || col != c.col {
			t.Errorf("Pos(%d) = %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
}

func TestTokensSentencesParagraphs(t *testing.T) {
	d := NewDocumentString("Mr. Smith went to the U.S. on Monday. It cost $3.5m, he said!\n\nA new line here")
	var words []string
	for _, tk := range d.Tokens {
		words = append(words, tk.Lower)
	}
	want := []string{"mr", ".", "smith", "went", "to", "the", "u.s", ".", "on", "monday", ".", "it", "cost", "$", "#", ",", "he", "said", "!", "a", "new", "line", "here"}
	if !reflect.DeepEqual(words, want) {
		t.Errorf("tokens %q", words)
	}
	if len(d.Sentences) != 3 {
		t.Errorf("sentences %d, want 3", len(d.Sentences))
	}
	if len(d.Paragraphs) != 2 || d.Paragraphs[1].Words != 4 {
		t.Errorf("paragraphs %+v", d.Paragraphs)
	}
}

func TestHeadings(t *testing.T) {
	d := NewDocumentString("Intro sentence here.\n### Background and Context\nBody text goes on.\nA Promising Start Stalls\nMore body text, still going.\nthis is not a title\n")
	var got []string
	for _, h := range d.Headings {
		got = append(got, h.Text)
	}
	if !reflect.DeepEqual(got, []string{"Background and Context", "A Promising Start Stalls"}) {
		t.Errorf("headings %q", got)
	}
}

func TestPhraseSetMatchesWholeTokens(t *testing.T) {
	d := NewDocumentString("In closing,\nthe talks, in closing the doors, failed.")
	got := testSet.FindLongest(d)
	if len(got) != 1 || d.Text[got[0].Start:got[0].End] != "In closing," {
		t.Fatalf("matches %+v", got)
	}
	if l, c := d.Pos(got[0].Start); l != 1 || c != 1 {
		t.Errorf("pos %d:%d", l, c)
	}
	d = NewDocumentString("the closing, intricately")
	if got := testSet.Find(d); len(got) != 0 {
		t.Errorf("partial-word match %+v", got)
	}
}

var testSet = NewPhraseSet([]string{"in closing,", "intricate"})

// foldLine and hasFields are fast forms of strings.Fields idioms: they must
// agree with them on every input, spaces of every kind included.
func TestFoldLineAndHasFieldsAgreeWithFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "also read", "Also Read", " also read", "also read ", "also  read", "also\tread",
		"ALSO\u00a0READ", "déjà vu", "a\u2003b", "x", "Post a Comment (0)", "one two three\n",
	} {
		want := strings.Join(strings.Fields(lowerASCII(s)), " ")
		if got := foldLine(s); got != want {
			t.Errorf("foldLine(%q) = %q, want %q", s, got, want)
		}
		for n := 0; n <= 4; n++ {
			if got, want := hasFields(s, n), len(strings.Fields(s)) >= n; got != want {
				t.Errorf("hasFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// Text written without capitals still splits into sentences; in text with
// capitals a lower-case word after a stop continues the sentence.
func TestSentencesWithoutCapitals(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"the council met on tuesday. it voted to close the pond. residents were not told. nobody asked them.", 4},
		{"The council met at 9 a.m. and voted. It closed the pond at approx. five o'clock. Nobody was told.", 3},
		{"The ferry sailed. the crew cheered. It was late.", 2}, // one slip of case is not caseless text
	} {
		if got := len(NewDocumentString(tc.text).Sentences); got != tc.want {
			t.Errorf("%q: %d sentences, want %d", tc.text, got, tc.want)
		}
	}
}

func TestIsWordRuneASCII(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
}

// A hard-wrapped paragraph reads like the same paragraph on one line:
// sentences run across line breaks, the prose view keeps every line and
// no wrapped line is a heading. Short lines (a menu, a list) still end
// where they end.
func TestHardWrappedParagraphs(t *testing.T) {
	para := "The parish council voted on Tuesday to close the old quarry pond to swimmers until " +
		"September, after two people were pulled from the water in June. Councillor Dev Mistry, " +
		"who proposed the ban, said the water was cold and deep and that there were ledges " +
		"nobody could see from the bank. Fencing Goes Up Next Week Along the Northern Path, " +
		"the clerk added, and signs will follow."
	oneLine := NewDocumentString("Quarry Pond Closes for the Summer\n\n" + para + "\n")
	var wrapped strings.Builder
	line := ""
	for _, w := range strings.Fields(para) {
		if line != "" && len(line)+1+len(w) > 60 {
			wrapped.WriteString(line + "\n")
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	wrapped.WriteString(line + "\n")
	d := NewDocumentString("Quarry Pond Closes for the Summer\n\n" + wrapped.String())
	if len(d.Lines) < 8 {
		t.Fatalf("wrapping made %d lines", len(d.Lines))
	}
	sentences := func(d *Document) []string {
		var out []string
		for _, s := range d.Sentences {
			out = append(out, strings.Join(strings.Fields(d.Text[s.Start:s.End]), " "))
		}
		return out
	}
	if got, want := sentences(d), sentences(oneLine); !reflect.DeepEqual(got, want) {
		t.Errorf("wrapped sentences\n%q\nwant\n%q", got, want)
	}
	if got, want := d.Prose().WordCount, oneLine.Prose().WordCount; got != want {
		t.Errorf("prose words %d, want %d", got, want)
	}
	if len(d.Headings) != 1 || d.Headings[0].Text != "Quarry Pond Closes for the Summer" {
		t.Errorf("headings %+v, want the title only", d.Headings)
	}

	// a first line that ends in a lower-case word before a name on the
	// next, with a sentence ending inside it: not a headline
	const names = "Expect delays this week. Engineers from the county council will close\n" +
		"Station Road on Monday while they replace the old gas main, and buses\n" +
		"will run on the bypass until Friday, the council said.\n"
	if got, want := NewDocumentString(names).Prose().WordCount, NewDocumentString(strings.ReplaceAll(names, "\n", " ")).Prose().WordCount; got != want {
		t.Errorf("wrapped paragraph with a sentence end in its first line: prose words %d, want %d", got, want)
	}

	// a text cut off mid-sentence keeps its last short line; a page line
	// after a finished paragraph is not taken in
	for _, c := range []struct {
		text  string
		inRun bool // the last line is read as part of the paragraph
	}{
		{"The parish council voted on Tuesday to close the old quarry pond to\nswimmers after two people were pulled from the water in June. A review by\nthe county engineer is\n", true},
		{"The parish council voted on Tuesday to close the old quarry pond to\nswimmers after two people were pulled from the water in June, it said.\nread more\n", false},
		{"The parish council voted on Tuesday to close the old quarry pond to\nswimmers after two people were pulled from the water in June, it said.\nShare this article\n", false},
		{"int res_mkquery(int op, const char *dname, int class, int type, int datalen,\n\t\t  const unsigned char *data, unsigned char *buf, int buflen, long op,\n\t\t  const unsigned char *newrr,\n", false},
	} {
		d := NewDocumentString(c.text)
		if got := d.wrapped[2]; got != c.inRun {
			t.Errorf("%q: last line in the paragraph %v, want %v", c.text, got, c.inRun)
		}
	}

	// abbreviations are not sentence ends: a headline stays apart
	for _, text := range []string{
		"U.S. Senate passes the budget bill after a long night of votes\nThe market opened at nine on Monday after the holiday.",
		"Dr. Patel joins the county health board from the city hospital\nThe board met at nine on Monday after the holiday.",
	} {
		if d := NewDocumentString(text); d.wrapped[0] {
			t.Errorf("%q: the headline is read as the first line of a wrapped paragraph", text)
		}
	}

	// a paragraph of one full line and a short last one
	if d := NewDocumentString("The parish council voted on Tuesday to close the old quarry pond to\nswimmers.\n"); len(d.Sentences) != 1 {
		t.Errorf("two-line paragraph: %d sentences, want 1", len(d.Sentences))
	}

	for _, text := range []string{
		"Home\nNews\nSport\nThe council voted on Tuesday to close the pond.",
		"apples, pears, plums, figs, cherries\nThe market opened at nine.",
		"Council budget talks stall again as unions reject the offer\nThe market opened at nine on Monday after the holiday.",
	} {
		d := NewDocumentString(text)
		if len(d.Sentences) != 2 && !strings.HasPrefix(text, "Home") || strings.HasPrefix(text, "Home") && len(d.Sentences) != 4 {
			t.Errorf("%q: %d sentences; lines that are not wrapped prose end at their line break", text, len(d.Sentences))
		}
	}
}

// Pos counts a column on from its last answer on the same line; asked in
// any order, it answers as counting from the line's start does.
func TestPosInAnyOrder(t *testing.T) {
	d := NewDocumentString("Café “au lait” — née here.\nSecond line, ünïcödé and more words.\n\nFourth.")
	var offsets []int
	for _, tok := range d.Tokens {
		offsets = append(offsets, tok.Start)
	}
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 3; round++ {
		rng.Shuffle(len(offsets), func(i, j int) { offsets[i], offsets[j] = offsets[j], offsets[i] })
		for _, off := range offsets {
			line, col := d.Pos(off)
			i := d.lineAt(off)
			if want := utf8.RuneCountInString(d.Text[d.lineStarts[i]:off]) + 1; line != i+1 || col != want {
				t.Fatalf("Pos(%d) = %d:%d, want %d:%d", off, line, col, i+1, want)
			}
		}
	}
}
