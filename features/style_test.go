package features

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestStyleValues(t *testing.T) {
	cases := []struct {
		id, text string
		want     float64
	}{
		{"style.sentence-length-mean", "One two three. One two three four five.", 4},
		// a title line without a full stop is layout, not a sentence.
		{"style.sentence-length-mean", "A Big Title Here\nOne two three. One two three four five.", 4},
		// no sentence ends with a full stop: every sentence counts.
		{"style.sentence-length-mean", "one two\nthree four five six", 3},
		{"style.sentence-length-mean", "", 0},
		{"style.sentence-length-spread", "A b. A b c d. A b c d e f.", math.Sqrt(8.0/3) / 4},
		{"style.sentence-length-spread", "A b. A b c d.", 0},
		{"style.sentence-length-spread", "A b c. A b c. A b c.", 0},
		{"style.mattr", ssFiller(49), 0},
		{"style.mattr", ssFiller(50), 1},
		{"style.mattr", ssFiller(50) + "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9", 1},
		{"style.mattr", ssFiller(50) + "w49", (50 + 49) / 100.0},
		{"style.mattr", strings.Repeat("a b ", 30), 2 / 50.0},
		{"style.em-dash-rate", "a — b – c - d–e", 40},
		{"style.curly-quote-rate", "“Hi,” she said. ‘Yes’, he said. It’s the players’ ’90s.", 400 / 9.0},
		{"style.curly-quote-rate", "\"Hi,\" she said.", 0},
		{"style.function-word-rate", "the cat sat on the mat", 0.5},
		{"style.function-word-rate", "Cats sleep.", 0},
		{"style.hedges", "Prices may rise, perhaps in May. It is possible that they might.", 400 / 12.0},
		{"style.intensifiers", "A truly vibrant, robust city.", 300 / 5.0},
		{"style.connectives", "However, it rose. It fell, however, later. \"Moreover, no.\"", 2 / 3.0},
		{"style.quote-rate", "\"Yes,\" she said. 'No,' he said. Done.", 4 / 3.0},
		{"style.quote-rate", "“Yes,” she said. It’s the players’ ball. Done.", 2 / 3.0},
		{"style.number-rate", "In 2024, 3 of 10 won.", 100},
		{"style.word-length", "cat house café", 4},
		{"style.comma-rate", "A, b, c. D e. F, g", 1},
		{"style.pronoun-first-person", "I'm sure we saw my dog and our cat with me", 500 / 11.0},
		{"style.pronoun-first-person", "The US told us no.", 0},
		{"style.contractions", "It's Ann's dog; they're sure we'd go, don't worry, can't stop, let's see, that’s it", 700 / 15.0},
	}
	for _, c := range cases {
		if r := ssExtract(t, c.id, c.text); !ssNear(r.Value, c.want) {
			t.Errorf("%s on %q: value %v, want %v", c.id, c.text, r.Value, c.want)
		}
	}
}

func TestStyleFindings(t *testing.T) {
	cases := []struct {
		id, text string
		want     []string
	}{
		{"style.em-dash-rate", "a — b – c - d–e", []string{"1:3:—", "1:7:–"}},
		{"style.hedges", "Prices may rise, perhaps in May.\nIt is possible that they might.", []string{"1:8:may", "1:18:perhaps", "2:1:It is possible that", "2:26:might"}},
		{"style.hedges", "It could potentially fail.", []string{"1:4:could potentially"}},
		{"style.intensifiers", "A truly vibrant place.\nrobust city.", []string{"1:3:truly", "1:9:vibrant", "2:1:robust"}},
		{"style.connectives", "However, it rose. It fell, however, later.\n\"Moreover, no.\"", []string{"1:1:However,", "2:2:Moreover,"}},
	}
	for _, c := range cases {
		r := ssExtract(t, c.id, c.text)
		if got := ssPositions(r.Findings); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s on %q: findings %q, want %q", c.id, c.text, got, c.want)
		}
	}
}

// Style statistics must not read layout: a text measures the same with its
// paragraph breaks, with one paragraph a line, and with no breaks at all.
func TestStyleIgnoresLineBreaks(t *testing.T) {
	paras := []string{
		"The council met on Tuesday. “It was a long night,” said Mayor Ruth Okafor, who has led the city since 2019 — and she isn't done yet.",
		"Members argued for three hours over the plan. Moreover, the parks budget may fall by 4%, a move that drew a truly vibrant protest.",
		"We'll be back in March, one resident said. 'Our kids need the parks,' she added. Nobody, perhaps, disagreed; few voted against it.",
	}
	layouts := []string{
		strings.Join(paras, "\n\n"),
		strings.Join(paras, "\n"),
		strings.Join(paras, " "),
	}
	for _, f := range Catalogue() {
		if f.Category != Style {
			continue
		}
		want := f.Extract(NewDocumentString(layouts[0]))
		for _, text := range layouts[1:] {
			got := f.Extract(NewDocumentString(text))
			if !ssNear(got.Value, want.Value) || len(got.Findings) != len(want.Findings) {
				t.Errorf("%s: %v (%d findings) with breaks, %v (%d) in %.30q...", f.ID, want.Value, len(want.Findings), got.Value, len(got.Findings), text)
			}
		}
	}
}

// Rates must not drift with length: the same text repeated measures the
// same (MATTR aside, whose windows straddle the seams).
func TestStyleRatesDoNotDriftWithLength(t *testing.T) {
	text := "The council met on Tuesday. “It was a long night,” said Mayor Ruth Okafor, who has led the city since 2019 — and she isn't done yet. Members argued for three hours over the plan; moreover, the budget may fall by 4%. "
	long := strings.Repeat(text, 5)
	for _, f := range Catalogue() {
		if f.Category != Style || f.ID == "style.mattr" || f.ID == "style.sentence-length-spread" {
			continue
		}
		a, b := f.Extract(NewDocumentString(text)), f.Extract(NewDocumentString(long))
		if !ssNear(a.Value, b.Value) {
			t.Errorf("%s: %v on one copy, %v on five", f.ID, a.Value, b.Value)
		}
	}
}

// BenchmarkStructureSEOStyle runs this file family's features on the
// example articles, to keep them cheap next to building the Document.
func BenchmarkStructureSEOStyle(b *testing.B) {
	files, _ := filepath.Glob("../testdata/articles/*.txt")
	var all []byte
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all = append(append(all, raw...), '\n', '\n')
	}
	d := NewDocument(all)
	var fs []*Feature
	for _, f := range Catalogue() {
		if f.Category == Structure || f.Category == SEO || f.Category == Style {
			fs = append(fs, f)
		}
	}
	b.SetBytes(int64(len(all)))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range fs {
			f.Extract(d)
		}
	}
}
