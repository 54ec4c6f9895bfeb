package input

import (
	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/features/markup"
)

// Document reads src the way its name says: Markdown and HTML through
// features/markup (prose kept in place, so findings point into the file as
// written), anything else as plain text. score and check both build their
// documents here, so the two commands score a file the same way.
func Document(name string, src []byte) *features.Document {
	return DocumentAs(markup.FormatOf(name), src)
}

// DocumentAs reads src in the given format.
func DocumentAs(f markup.Format, src []byte) *features.Document {
	switch f {
	case markup.Markdown:
		d := features.NewDocument(markup.MarkdownText(src))
		d.Format = string(markup.Markdown)
		return d
	case markup.HTML:
		p := markup.HTMLText(src)
		d := features.NewDocument(p.Text)
		if p.Origins != nil {
			o := make([]features.Origin, len(p.Origins))
			for i, x := range p.Origins {
				o[i] = features.Origin{Line: x.Line, Col: x.Col}
			}
			// the counts agree by construction (FuzzHTMLText checks the
			// HTML reader breaks lines as NewDocument splits them); were
			// they ever to differ, positions would be off, which is better
			// than a batch stopped
			_ = d.SetOrigins(o)
		}
		if p.Main != nil {
			d.RestrictProse(p.Main)
		}
		d.Format = string(markup.HTML)
		return d
	}
	return features.NewDocument(src)
}

// Document builds the item's document: in the item's Format when set (a
// WARC record, standard input), else a corpus record is plain text and a
// file is read by its name's format.
func (it Item) Document() *features.Document {
	if it.Format != "" {
		return DocumentAs(it.Format, it.Text)
	}
	if it.Line > 0 {
		return features.NewDocument(it.Text)
	}
	return Document(it.Path, it.Text)
}
