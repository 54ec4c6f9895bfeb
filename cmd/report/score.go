package report

import (
	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/model"
)

// Score scores one input with m and returns its record: the explanation,
// or the reason the input could not be read. lang, when not empty, forces
// the document's language (ISO 639-3). chaff score and the Beam pipeline
// (cmd/chaff-beam) both build their records here, so they write the same.
func Score(m *model.Model, it input.Item, lang string) Record {
	rec := Record{ID: it.ID, Path: it.Path}
	if it.Err != nil {
		rec.Error = it.Err.Error()
		return rec
	}
	doc := it.Document()
	if lang != "" {
		doc.ForceLanguage(lang)
	}
	rec.Explanation = m.Explain(doc)
	doc.Release() // the record holds only strings of the text
	return rec
}
