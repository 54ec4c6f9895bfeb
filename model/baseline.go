package model

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chaff-dev/chaff/features/logistic"
)

// A Baseline is the plain bag-of-n-grams classifier that the model is
// measured against (`chaff eval --baseline`): TF-IDF vectors of a text's
// word or character n-grams (scikit-learn's defaults: raw counts, smoothed
// idf, L2-normalised rows) and an L2 logistic regression. It knows nothing
// of style, only which strings each class uses, so it shows how much of a
// corpus can be told apart by its vocabulary and by how it was assembled.
type Baseline struct {
	opts  BaselineOptions
	vocab map[string]int32
	idf   []float64
	w     []float64
	b     float64
}

// BaselineOptions choose the baseline's view of a text.
type BaselineOptions struct {
	// Chars: character 1-4-grams; otherwise word 1-3-grams (words are
	// runs of two or more letters, digits or underscores, lower-cased).
	Chars bool
	// Raw: the text as given. Otherwise curly quotes and dashes are folded
	// (NormaliseTypography) and every run of white space is one space, so
	// that line breaks and typography, which in the shared corpus come
	// from how each source was assembled, cannot decide.
	Raw bool
	// C is the inverse of the penalty, as scikit-learn counts it (the loss
	// summed over texts plus |w|²/2C); 0 means DefaultBaselineC.
	C float64
}

// DefaultBaselineC is the baseline's C unless one is given.
const DefaultBaselineC = 10

// FitBaseline fits a baseline on texts, machine[i] telling whether texts[i]
// was machine-written.
func FitBaseline(texts []string, machine []bool, o BaselineOptions) *Baseline {
	if o.C == 0 {
		o.C = DefaultBaselineC
	}
	b := &Baseline{opts: o, vocab: map[string]int32{}}
	var df []int
	grams := make([]map[string]int, len(texts))
	for i, t := range texts {
		grams[i] = b.grams(t)
		// ids in the order n-grams first appear, each text's sorted: a
		// map's order would change the sums' last bits from run to run
		for _, g := range slices.Sorted(maps.Keys(grams[i])) {
			id, ok := b.vocab[g]
			if !ok {
				id = int32(len(df))
				b.vocab[g] = id
				df = append(df, 0)
			}
			df[id]++
		}
	}
	n := float64(len(texts))
	b.idf = make([]float64, len(df))
	for i, d := range df {
		b.idf[i] = math.Log((1+n)/(1+float64(d))) + 1
	}
	data := make([]logistic.Sample, len(texts))
	for i := range texts {
		data[i] = b.vector(grams[i])
		data[i].Y = machine[i]
		grams[i] = nil
	}
	b.w, b.b = logistic.Fit(data, len(df), 1/(o.C*n), 500)
	return b
}

// Probability is the baseline's probability that text is machine-written.
func (b *Baseline) Probability(text string) float64 {
	s := b.vector(b.grams(text))
	z := b.b
	for j, id := range s.IDs {
		z += b.w[id] * float64(s.Vals[j])
	}
	return sigmoid(z)
}

// vector is the TF-IDF row of a text's n-gram counts, L2-normalised; n-grams
// the fit never saw are left out.
func (b *Baseline) vector(counts map[string]int) logistic.Sample {
	type cell struct {
		id  int32
		val float64
	}
	var cells []cell
	for g, c := range counts {
		if id, ok := b.vocab[g]; ok {
			cells = append(cells, cell{id, float64(c) * b.idf[id]})
		}
	}
	// summed in id order: a map's order would change the norm's last bits
	slices.SortFunc(cells, func(x, y cell) int { return int(x.id) - int(y.id) })
	norm := 0.0
	for _, c := range cells {
		norm += c.val * c.val
	}
	norm = math.Sqrt(norm)
	s := logistic.Sample{IDs: make([]int32, len(cells)), Vals: make([]float32, len(cells))}
	for j, c := range cells {
		s.IDs[j], s.Vals[j] = c.id, float32(c.val/norm)
	}
	return s
}

// grams counts a text's n-grams in the baseline's view.
func (b *Baseline) grams(text string) map[string]int {
	if !b.opts.Raw {
		text = strings.Join(strings.Fields(NormaliseTypography(text)), " ")
	}
	text = strings.ToLower(text)
	m := map[string]int{}
	if b.opts.Chars {
		// byte offsets of each rune, and the text's end
		var at []int
		for i := range text {
			at = append(at, i)
		}
		at = append(at, len(text))
		for i := 0; i+1 < len(at); i++ {
			for n := 1; n <= 4 && i+n < len(at); n++ {
				m[text[at[i]:at[i+n]]]++
			}
		}
		return m
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' })
	words = slices.DeleteFunc(words, func(w string) bool { return utf8.RuneCountInString(w) < 2 })
	for i := range words {
		for n := 1; n <= 3 && i+n <= len(words); n++ {
			m[strings.Join(words[i:i+n], " ")]++
		}
	}
	return m
}
