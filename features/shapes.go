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
	d.shapeStream()
	return d.shapeWords
}

// ShapeStream is the document's token stream with content words masked:
// function words, numbers (#) and sentence punctuation stay; a capitalised
// word that does not start a sentence becomes C; any other word becomes X,
// keeping an -ing, -ed, -ly or -s ending (Xing, Xed, Xly, Xs).
func (d *Document) ShapeStream() string { return strings.Join(d.ShapeWords(), " ") }

// shapeStream sets shapeWords and their vocabulary ids, once.
func (d *Document) shapeStream() {
	if d.shapeWords != nil || len(d.streamWords) == 0 {
		return
	}
	_, flags := vocab()
	ids := d.wordIDs()
	d.shapeWords = stringPool.get(len(d.streamWords))[:len(d.streamWords)]
	d.shapeIDs = int32Pool.get(len(d.streamWords))[:len(d.streamWords)]
	sentenceStart := true
	for i, w := range d.streamWords {
		t := &d.Tokens[d.streamIdx[i]]
		id := ids[i]
		// numbers are "#" in the stream already, punctuation itself
		if t.Kind == Word && flags[id]&functionWord == 0 {
			k := wordShape(t, sentenceStart)
			w, id = shapeMasks[k], shapeMaskIDs[k]
		}
		d.shapeWords[i], d.shapeIDs[i] = w, id
		sentenceStart = t.Kind == Punct && strings.Contains(".!?", t.Text)
	}
}

// shapeMasks are what a content word becomes; shapeMaskIDs their
// vocabulary ids (set with the vocabulary).
var (
	shapeMasks   = [...]string{"C", "Xing", "Xed", "Xly", "Xs", "X"}
	shapeMaskIDs [len(shapeMasks)]int32
)

// wordShape returns the index in shapeMasks of t's mask.
func wordShape(t *Token, sentenceStart bool) int {
	if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) && !sentenceStart {
		return 0
	}
	for k, suffix := range [...]string{"ing", "ed", "ly"} {
		if len(t.Lower) > len(suffix)+2 && strings.HasSuffix(t.Lower, suffix) {
			return 1 + k
		}
	}
	if len(t.Lower) > 3 && strings.HasSuffix(t.Lower, "s") && !strings.HasSuffix(t.Lower, "ss") {
		return 4
	}
	return 5
}

// The examples of the whole-text template features (sentence shapes, the
// phrase regression): a paragraph of stock machine prose and one of plain
// reporting, long enough for a per-100-token rate to mean something.
const (
	exampleStockProse = "Moreover, the initiative highlights the importance of collaboration, ensuring that communities remain resilient. " +
		"Additionally, the project underscores the need for sustainable growth, fostering innovation across the region. " +
		"Furthermore, the plan reflects a broader commitment to inclusivity, paving the way for meaningful change."
	exampleNewsProse = "\"I told him twice,\" she said. \"He didn't listen.\" Police said a man, 34, was arrested on Tuesday. " +
		"He will appear in court next week. It's the third time this year, a spokesman said."
)

func init() {
	register(&Feature{
		ID:       "template.sentence-shapes",
		Category: Template,
		Description: "How sentences are built, whatever they are about: net weight per 100 tokens of mined " +
			"function-word patterns (content words masked) that machine-written articles use more than people",
		Fires:     []string{exampleStockProse},
		Quiet:     []string{exampleNewsProse},
		FireAbove: 20,
		Sign:      1,
		Extract: func(d *Document) Result {
			d.shapeStream()
			return Result{Value: shapeLexicon.netPer100(d.shapeWords, d.shapeIDs)}
		},
	})
}
