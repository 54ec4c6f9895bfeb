package features

import (
	"fmt"
	"sort"
)

// Category groups features by what they reveal.
type Category string

const (
	Template   Category = "template"   // stock LLM phrasing
	Leak       Category = "leak"       // prompt and chatbot artefacts
	Structure  Category = "structure"  // formulaic headings, closings, layout
	Residue    Category = "residue"    // page-template leftovers
	Disclosure Category = "disclosure" // statements that AI wrote the text
	SEO        Category = "seo"        // keyword stuffing and duplication
	Style      Category = "style"      // statistics of sentences and words
)

// Categories in report order.
var Categories = []Category{Template, Leak, Structure, Residue, Disclosure, SEO, Style}

// Finding is one piece of evidence: where it is and how much it weighs.
// Line and Column are 1-based, in characters of the original input.
type Finding struct {
	Rule     string   `json:"rule"`
	Category Category `json:"category"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Match    string   `json:"match"`
	Weight   float64  `json:"weight"`
	// Share is the part of its feature's value this finding accounts for,
	// when the feature can say (a phrase's weight per 100 words); the model
	// turns it into the finding's weight. 0: an even split.
	Share float64 `json:"-"`
}

// FindingLess orders findings as every report lists them: by line, then
// column, then rule.
func FindingLess(a, b Finding) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	return a.Rule < b.Rule
}

// Result is what a feature measured on one document.
type Result struct {
	Value    float64
	Findings []Finding
}

// Feature is one entry of the catalogue. Fires and Quiet are examples that
// must and must not make it fire; the tests run every one of them.
type Feature struct {
	ID          string
	Category    Category
	Description string
	// Hard marks evidence that flags an article on its own (a leaked prompt,
	// a chatbot artefact, an AI-use disclosure), whatever the model says.
	Hard bool
	// Suspect marks evidence of a low-quality page that makes a document at
	// least suspect (page-template residue a person's article does not
	// carry, words disguised against filters), but never flagged on its own.
	Suspect bool
	// AnyLanguage marks rules that read no language (markup, citation
	// markers, template identifiers, digits): they still report on text in
	// a language the model does not know.
	AnyLanguage bool
	Fires       []string
	Quiet       []string
	// FireAbove is the value above which a feature without findings counts
	// as firing (statistics such as sentence-length spread); 0 by default.
	FireAbove float64
	// Sign is the direction a trained weight may take: +1 for evidence that
	// may only raise a score (residue, leaks, formulaic structure, SEO
	// tricks), -1 for evidence that may only lower it, 0 for statistics the
	// data decides. A weight that fits the other way is set to zero, so that
	// a quirk of the training data cannot make a widget line look human.
	Sign    int
	Extract func(d *Document) Result
}

// evidenceCategories raise a score or do nothing.
var evidenceCategories = map[Category]bool{Leak: true, Structure: true, Residue: true, Disclosure: true, SEO: true}

// Fired tells whether a result counts as the feature firing: it has
// findings, or its value is above FireAbove.
func (f *Feature) Fired(r Result) bool { return len(r.Findings) > 0 || r.Value > f.FireAbove }

var catalogue []*Feature
var byID = map[string]*Feature{}

// register adds features to the catalogue; each family file calls it once.
func register(fs ...*Feature) {
	for _, f := range fs {
		if _, dup := byID[f.ID]; dup {
			panic("features: duplicate ID " + f.ID)
		}
		if f.Extract == nil {
			panic("features: no Extract for " + f.ID)
		}
		if f.Sign == 0 && evidenceCategories[f.Category] {
			f.Sign = 1
		}
		switch f.Category {
		case Style, Template:
			f.Extract = onProse(f.Extract)
		case SEO, Leak:
			f.Extract = onArticle(f.Extract)
		}
		byID[f.ID] = f
		catalogue = append(catalogue, f)
	}
	sort.SliceStable(catalogue, func(i, j int) bool { return catalogue[i].ID < catalogue[j].ID })
}

// onProse makes a feature measure the document's prose view (which keeps
// the document's line numbers, so findings need no mapping).
func onProse(extract func(*Document) Result) func(*Document) Result {
	return func(d *Document) Result { return extract(d.Prose()) }
}

// onArticle makes a feature measure the article's own lines (an HTML
// page's main text; any other document whole). Leaks read it too: they
// flag an article on their own, and a page's widgets are the site's doing
// (an unrendered {{ user.name }} in a login box, lorem ipsum in a footer:
// 5 of 236 English pages of go-trafilatura's comparison set, all written
// by people, were flagged that way). Disclosures read the whole page: a
// box saying "this article was written with AI" is about the article
// wherever the page puts it.
func onArticle(extract func(*Document) Result) func(*Document) Result {
	return func(d *Document) Result { return extract(d.Article()) }
}

// Catalogue returns every feature, sorted by ID.
func Catalogue() []*Feature { return catalogue }

// Lookup returns the feature with the given ID.
func Lookup(id string) (*Feature, error) {
	f, ok := byID[id]
	if !ok {
		return nil, fmt.Errorf("unknown feature %q", id)
	}
	return f, nil
}

// IDs returns the IDs of the catalogue, in catalogue order.
func IDs() []string {
	out := make([]string, len(catalogue))
	for i, f := range catalogue {
		out[i] = f.ID
	}
	return out
}

// Extract runs every feature of the catalogue on d, in catalogue order, and
// stamps each finding with its rule and category.
func Extract(d *Document) []Result {
	out := make([]Result, len(catalogue))
	for i, f := range catalogue {
		r := f.Extract(d)
		for k := range r.Findings {
			r.Findings[k].Rule = f.ID
			r.Findings[k].Category = f.Category
		}
		out[i] = r
	}
	return out
}

// per divides safely: a rate of n events over d units, 0 when d is 0.
func per(n, d float64) float64 {
	if d <= 0 {
		return 0
	}
	return n / d
}
