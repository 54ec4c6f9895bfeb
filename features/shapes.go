package features

import (
	"bytes"
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence shapes: the token stream with every content word masked by its
// kind, so that "The decision underscores the growing importance of trust."
// reads "the X Xs the Xing X of X .". What is left is how sentences are
// built (function words, punctuation, word endings), which does not depend
// on the topic: rewrites of the same facts differ here, not in their nouns.
// The shape lexicon is mined like the phrase lexicon (`chaff lexicon
// --shapes`) and embedded.
//
//go:embed shapes.tsv
var shapesTSV []byte

var shapeLexicon = func() *Lexicon {
	lx, err := ReadLexicon(bytes.NewReader(shapesTSV))
	if err != nil {
		panic("features: embedded shape lexicon: " + err.Error())
	}
	return lx
}()

// ShapeWords is ShapeStream's tokens.
func (d *Document) ShapeWords() []string {
	d.ShapeStream()
	return d.shapeWords
}

// ShapeStream is the document's token stream with content words masked:
// function words, numbers (#) and sentence punctuation stay; a capitalised
// word that does not start a sentence becomes C; any other word becomes X,
// keeping an -ing, -ed, -ly or -s ending (Xing, Xed, Xly, Xs).
func (d *Document) ShapeStream() string {
	if d.shapes != "" || len(d.Tokens) == 0 {
		return d.shapes
	}
	var b strings.Builder
	b.Grow(len(d.stream))
	d.shapeWords = make([]string, 0, len(d.streamWords))
	sentenceStart := true
	for _, t := range d.Tokens {
		var w string
		switch {
		case t.Kind == Number:
			w = "#"
		case t.Kind == Punct:
			if !isStreamPunct(t.Text) {
				continue
			}
			w = t.Text
		case styleFunctionWords[t.Lower]:
			w = t.Lower
		default:
			w = wordShape(t, sentenceStart)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		d.shapeWords = append(d.shapeWords, w)
		sentenceStart = t.Kind == Punct && strings.Contains(".!?", t.Text)
	}
	d.shapes = b.String()
	return d.shapes
}

func wordShape(t Token, sentenceStart bool) string {
	if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) && !sentenceStart {
		return "C"
	}
	for _, s := range [...]struct{ suffix, shape string }{{"ing", "Xing"}, {"ed", "Xed"}, {"ly", "Xly"}} {
		if len(t.Lower) > len(s.suffix)+2 && strings.HasSuffix(t.Lower, s.suffix) {
			return s.shape
		}
	}
	if len(t.Lower) > 3 && strings.HasSuffix(t.Lower, "s") && !strings.HasSuffix(t.Lower, "ss") {
		return "Xs"
	}
	return "X"
}

func init() {
	register(&Feature{
		ID:       "template.sentence-shapes",
		Category: Template,
		Description: "How sentences are built, whatever they are about: net weight per 100 tokens of mined " +
			"function-word patterns (content words masked) that machine-written articles use more than people",
		Fires: []string{
			"Moreover, the initiative highlights the importance of collaboration, ensuring that communities remain resilient. " +
				"Additionally, the project underscores the need for sustainable growth, fostering innovation across the region. " +
				"Furthermore, the plan reflects a broader commitment to inclusivity, paving the way for meaningful change.",
		},
		Quiet: []string{
			"\"I told him twice,\" she said. \"He didn't listen.\" Police said a man, 34, was arrested on Tuesday. " +
				"He will appear in court next week. It's the third time this year, a spokesman said.",
		},
		FireAbove: 20,
		Sign:      1,
		Extract: func(d *Document) Result {
			return Result{Value: shapeLexicon.NetPer100(d.ShapeWords())}
		},
	})
}
