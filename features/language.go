package features

import (
	"fmt"
	"strings"

	"github.com/abadojack/whatlanggo"
)

// Language is the language a document is written in, as whatlanggo (a
// trigram detector, small and fast) reads it on the first languageSample
// bytes of its prose.
type Language struct {
	Code       string  // ISO 639-3, "eng"; "" when nothing could be read
	Name       string  // "English"
	Confidence float64 // 0-1
	Reliable   bool    // the detector's own word that the answer holds
}

// languageSample is how much prose the detector reads: enough to be sure,
// little enough to cost nothing next to the rest of the analysis.
const languageSample = 1024

// languageMinWords is the fewest words for which an unsure detection is
// still reported.
const languageMinWords = 10

// Language detects (once) the language of d's prose.
func (d *Document) Language() Language {
	if d.lang != nil {
		return *d.lang
	}
	p := d.Prose()
	if share := englishShare(p); share >= englishFastShare {
		lang := Language{Code: "eng", Name: "English", Confidence: 1, Reliable: true}
		d.lang, p.lang = &lang, &lang
		return lang
	}
	var b strings.Builder
	for _, l := range p.Lines {
		if l.Blank {
			continue
		}
		b.WriteString(l.Text)
		b.WriteByte('\n')
		if b.Len() >= languageSample {
			break
		}
	}
	var lang Language
	if t := b.String(); strings.TrimSpace(t) != "" {
		info := whatlanggo.Detect(t)
		// below languageMinWords an unsure answer is noise ("hello world"
		// came out Dutch, "hi" Zulu) that reads as a fact: no language.
		if info.Lang >= 0 && info.Confidence > 0 && (info.IsReliable() || p.WordCount >= languageMinWords) {
			lang = Language{Code: info.Lang.Iso6393(), Name: info.Lang.String(), Confidence: info.Confidence, Reliable: info.IsReliable()}
		}
	}
	d.lang = &lang
	p.lang = &lang
	return lang
}

// englishFastShare: when at least this share of a text's first words are
// the commonest English function words, it is English, and the trigram
// detector (which costs more than the rest of the analysis) is not run.
// English prose runs at about 0.33 (mean over the generated corpus; 1% of
// its documents fall under 0.15, mostly score lists and captions); the
// pages in other languages of the residue corpus stay under 0.09.
const englishFastShare = 0.15

var englishMarkers = func() map[string]bool {
	m := map[string]bool{}
	// Words common in English and rare as words of other Latin-script
	// languages ("a", "in", "an", "also", "will" are left out: Romance and
	// Germanic languages use them too).
	for _, w := range strings.Fields(`the of and to is that for with was it on as are be this have from by at he
		she they said not were has had which who would but his her their been its after we you there about
		when more than into could should our your what them these those while because however`) {
		m[w] = true
	}
	return m
}()

// englishShare is the share of the first 300 words that are englishMarkers.
func englishShare(d *Document) float64 {
	_, flags := vocab()
	n, hits := 0, 0
	for w, id := range d.wordIDs() {
		if d.Tokens[d.streamIdx[w]].Kind != Word {
			continue
		}
		n++
		if flags[id]&englishMarker != 0 {
			hits++
		}
		if n == 300 {
			break
		}
	}
	if n < 10 {
		return 0 // too few words to say
	}
	return float64(hits) / float64(n)
}

// ForceLanguage sets the language instead of detecting it (chaff --lang).
func (d *Document) ForceLanguage(code string) {
	l := Language{Code: code, Name: code, Confidence: 1, Reliable: true}
	if lg := whatlanggo.CodeToLang(code); lg >= 0 {
		l.Name = lg.String()
	}
	d.lang = &l
}

// LanguageCategory is the category of the language rule: evidence about
// the model's reach, not about the text; it carries no weight.
const LanguageCategory Category = "language"

func init() {
	register(&Feature{
		ID:          "language.not-english",
		AnyLanguage: true,
		Category:    LanguageCategory,
		Description: "the text is reliably detected to be in a language other than English, which the " +
			"shipped model was not trained on: it gets the verdict unsupported and no score",
		Fires: []string{
			"Der Stadtrat hat am Dienstag beschlossen, den Steinbruchsee über den Sommer für Schwimmer zu sperren, nachdem im Juni zwei Menschen aus dem Wasser gezogen wurden.",
			"El ayuntamiento decidió el martes cerrar el lago de la cantera durante el verano, después de que dos personas fueran rescatadas del agua en junio.",
		},
		Quiet: []string{
			"The parish council decided on Tuesday to close the quarry pond to swimmers for the summer, after two people were pulled from the water in June.",
			"Residents say they will petition for a supervised season next year, and the council said it would listen.",
		},
		Extract: func(d *Document) Result {
			l := d.Language()
			if l.Code == "" || l.Code == "eng" || !l.Reliable {
				return Result{}
			}
			// the finding names the language; it stands at the first line.
			f := d.LineFinding(firstNonBlank(d), 0)
			f.Match = fmt.Sprintf("%s (%s, confidence %.2f)", l.Name, l.Code, l.Confidence)
			return Result{Value: 1, Findings: []Finding{f}}
		},
	})
}

func firstNonBlank(d *Document) int {
	for i, l := range d.Lines {
		if !l.Blank {
			return i
		}
	}
	return 0
}
