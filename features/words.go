package features

import (
	"sync"

	"github.com/golangci/misspell"
)

// The word vocabulary numbers every word that some list of the package
// knows: the mined lexicons' and the phrase sets' words, the function
// words, the English markers, the SEO stopwords. A document looks each of
// its stream words up once (Document.wordIDs); the tries and word sets
// then index slices by that number. Before it, every trie and every word
// set hashed and compared each word again, about six string-map lookups a
// word, which was 18% of scoring a news corpus.
//
// It is built on first use, after package initialisation has registered
// every phrase set and loaded the embedded lexicons. A trie built later (a
// lexicon mined during training, a house lexicon from a configuration)
// whose words it does not all know falls back to its own map.
var vocabulary struct {
	once  sync.Once
	ids   map[string]int32 // word -> id, from 1
	flags []wordFlag       // id -> what the word is
}

type wordFlag uint8

const (
	functionWord  wordFlag = 1 << iota // styleFunctionWords
	englishMarker                      // englishMarkers
	seoStopword                        // seoStopwords
)

// vocab returns the frozen vocabulary.
func vocab() (map[string]int32, []wordFlag) {
	v := &vocabulary
	v.once.Do(func() {
		phraseRegistry.once.Do(buildPhraseIndex)
		v.ids = map[string]int32{}
		v.flags = []wordFlag{0}
		add := func(w string) int32 {
			id, ok := v.ids[w]
			if !ok {
				id = int32(len(v.flags))
				v.ids[w] = id
				v.flags = append(v.flags, 0)
			}
			return id
		}
		for _, x := range []*ngramIndex{&phraseRegistry.index, &templateLexicon.index, &shapeLexicon.index} {
			for w := range x.vocab {
				add(w)
			}
		}
		for k, w := range shapeMasks {
			shapeMaskIDs[k] = add(w)
		}
		for _, set := range []struct {
			words map[string]bool
			flag  wordFlag
		}{{styleFunctionWords, functionWord}, {englishMarkers, englishMarker}, {seoStopwords, seoStopword}} {
			for w := range set.words {
				v.flags[add(w)] |= set.flag
			}
		}
		// A common misspelling ("teh", "recieve", "wich") reads as the word
		// it misspells, so that a typo, or a tool that misspells words on
		// purpose to slip past detectors, does not hide a phrase: the pairs
		// of misspell's main list (Wikipedia's list of common misspellings
		// and more), where the word is one the lists know and the
		// misspelling is not. Only ids alias; the text is unchanged.
		for i := 0; i+1 < len(misspell.DictMain); i += 2 {
			wrong, right := misspell.DictMain[i], misspell.DictMain[i+1]
			if _, known := v.ids[wrong]; known {
				continue
			}
			if id, ok := v.ids[right]; ok {
				v.ids[wrong] = id
			}
		}
	})
	return v.ids, v.flags
}

// wordIDs returns the vocabulary id of each stream word (0 for a word no
// list knows). A view (Prose, Article) takes them from its parent's, so a
// word is looked up once whatever the number of views.
func (d *Document) wordIDs() []int32 {
	if d.streamIDs != nil || len(d.streamWords) == 0 {
		return d.streamIDs
	}
	ids := int32Pool.get(len(d.streamWords))[:len(d.streamWords)]
	if d.parent != nil {
		from := d.parent.wordIDs()
		for i, p := range d.parentPos {
			ids[i] = from[p]
		}
	} else {
		m, _ := vocab()
		for i, w := range d.streamWords {
			ids[i] = m[w]
		}
	}
	d.streamIDs = ids
	return ids
}
