package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Vector is one input's raw feature values, in catalogue order, or the
// reason it could not be read (Error set, Values nil).
type Vector struct {
	ID     string
	Values []float64
	Error  string
}

// VectorFormats are the formats NewVectors accepts, the default first.
var VectorFormats = []string{"csv", "jsonl"}

// NewVectors returns a Reporter-like writer of feature vectors whose values
// are named by ids (the catalogue's feature IDs, in order). Both formats
// stream:
//
//	csv:   id,<every feature ID>,error   (values empty on an error row)
//	jsonl: {"id":...,"features":{"<feature ID>":value,...}}  or  {"id":...,"error":...}
func NewVectors(format string, w io.Writer, ids []string) (*VectorWriter, error) {
	switch format {
	case "csv", "jsonl":
	default:
		return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(VectorFormats, ", "))
	}
	v := &VectorWriter{format: format, w: w, ids: ids}
	if format == "csv" {
		v.csv = csv.NewWriter(w)
	}
	return v, nil
}

// VectorWriter writes feature vectors; see NewVectors.
type VectorWriter struct {
	format string
	w      io.Writer
	csv    *csv.Writer
	ids    []string
	header bool
}

// Add writes one vector.
func (v *VectorWriter) Add(x Vector) error {
	if x.Error == "" && len(x.Values) != len(v.ids) {
		return fmt.Errorf("%s: %d feature values for %d features", x.ID, len(x.Values), len(v.ids))
	}
	if v.format == "jsonl" {
		return v.jsonl(x)
	}
	if err := v.writeHeader(); err != nil {
		return err
	}
	row := make([]string, 0, len(v.ids)+2)
	row = append(row, x.ID)
	for i := range v.ids {
		if x.Error != "" {
			row = append(row, "")
		} else {
			row = append(row, number(x.Values[i]))
		}
	}
	return v.row(append(row, x.Error))
}

// Close writes the CSV header if nothing was added.
func (v *VectorWriter) Close() error {
	if v.format == "csv" {
		return v.writeHeader()
	}
	return nil
}

func (v *VectorWriter) writeHeader() error {
	if v.header {
		return nil
	}
	v.header = true
	h := append(append([]string{"id"}, v.ids...), "error")
	return v.row(h)
}

func (v *VectorWriter) row(r []string) error {
	if err := v.csv.Write(r); err != nil {
		return err
	}
	v.csv.Flush()
	return v.csv.Error()
}

func (v *VectorWriter) jsonl(x Vector) error {
	var b bytes.Buffer
	b.WriteString(`{"id":`)
	writeString(&b, x.ID)
	if x.Error != "" {
		b.WriteString(`,"error":`)
		writeString(&b, x.Error)
	} else {
		b.WriteString(`,"features":{`)
		for i, id := range v.ids {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(&b, id)
			b.WriteByte(':')
			b.WriteString(number(x.Values[i]))
		}
		b.WriteByte('}')
	}
	b.WriteString("}\n")
	_, err := v.w.Write(b.Bytes())
	return err
}

// number formats a feature value in full precision, as JSON would; NaN and
// infinities (which no feature should produce) become null.
func number(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "null"
	}
	if x == 0 {
		return "0"
	}
	if a := math.Abs(x); a < 1e-6 || a >= 1e21 {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
