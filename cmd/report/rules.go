package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/chaff-dev/chaff/features"
)

// RuleFormats are the formats WriteRules accepts, the default first.
var RuleFormats = []string{"table", "json"}

// WriteRules writes the feature catalogue: a table of ID, CATEGORY, EFFECT
// and DESCRIPTION, or a JSON array that also holds each rule's examples
// (texts that must make it fire, and texts that must not).
func WriteRules(w io.Writer, format string, cat []*features.Feature) error {
	switch format {
	case "table":
		rows := make([][]string, 0, len(cat))
		for _, f := range cat {
			rows = append(rows, []string{f.ID, string(f.Category), effect(f), oneLine(f.Description)})
		}
		t := NewTable(w)
		t.Header("ID", "CATEGORY", "EFFECT", "DESCRIPTION")
		if err := t.Bulk(rows); err != nil {
			return err
		}
		if err := t.Render(); err != nil {
			return err
		}
		hard := 0
		for _, f := range cat {
			if f.Hard {
				hard++
			}
		}
		_, err := fmt.Fprintf(w, "%d rules, %d hard. EFFECT: flags = hard evidence, flags a document on its own; suspect = page residue or disguised words, makes it at least suspect; weight = the model's weight only.\n", len(cat), hard)
		return err
	case "json":
		var b bytes.Buffer
		b.WriteString("[")
		for i, f := range cat {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n  {\"id\":")
			writeString(&b, f.ID)
			b.WriteString(`,"category":`)
			writeString(&b, string(f.Category))
			fmt.Fprintf(&b, `,"hard":%t,"suspect":%t,"description":`, f.Hard, f.Suspect)
			writeString(&b, f.Description)
			b.WriteString(`,"fires":`)
			writeStrings(&b, f.Fires)
			b.WriteString(`,"quiet":`)
			writeStrings(&b, f.Quiet)
			b.WriteByte('}')
		}
		if len(cat) > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("]\n")
		_, err := w.Write(b.Bytes())
		return err
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(RuleFormats, ", "))
}

// effect says what firing does beyond the model's weight.
func effect(f *features.Feature) string {
	switch {
	case f.Hard:
		return "flags"
	case f.Suspect:
		return "suspect"
	}
	return "weight"
}

func writeStrings(b *bytes.Buffer, ss []string) {
	b.WriteByte('[')
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(b, s)
	}
	b.WriteByte(']')
}
