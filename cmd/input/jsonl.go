// Package input turns paths into documents to score: files, folders walked
// recursively, standard input, and JSONL corpora with one document a line.
package input

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// Record is one line of a JSONL corpus.
type Record struct {
	Line   int            // 1-based line number in the file
	ID     string         // the id field, if any
	Text   string         // the text field
	Fields map[string]any // the whole object, for labels and breakdowns
	Err    error          // why the line could not be read, if it could not
}

// JSONLOptions name the fields that hold the text and the id.
type JSONLOptions struct {
	TextField string // default "text"
	IDField   string // default "id"
}

func (o JSONLOptions) withDefaults() JSONLOptions {
	if o.TextField == "" {
		o.TextField = "text"
	}
	if o.IDField == "" {
		o.IDField = "id"
	}
	return o
}

// ReadJSONL calls fn for every non-blank line of r, in order. A line that is
// not a JSON object with a string text field yields a Record with Err set;
// reading goes on. fn returning an error stops the read and returns it.
func ReadJSONL(r io.Reader, o JSONLOptions, fn func(Record) error) error {
	o = o.withDefaults()
	br := bufio.NewReaderSize(r, 1<<20)
	offset := int64(0)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		start := offset
		offset += int64(len(line))
		if len(line) > 0 && !blank(line) {
			if ferr := fn(parseLine(line, n, start, o)); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

func parseLine(line []byte, n int, start int64, o JSONLOptions) Record {
	rec := Record{Line: n}
	var obj map[string]any
	if err := json.Unmarshal(line, &obj); err != nil {
		if se, ok := err.(*json.SyntaxError); ok {
			rec.Err = fmt.Errorf("line %d: invalid JSON at byte %d: %v", n, start+se.Offset, se)
		} else {
			rec.Err = fmt.Errorf("line %d: not a JSON object: %v", n, err)
		}
		return rec
	}
	rec.Fields = obj
	switch id := obj[o.IDField].(type) {
	case string:
		rec.ID = id
	case float64:
		rec.ID = fmt.Sprint(id)
	}
	t, ok := obj[o.TextField].(string)
	if !ok {
		rec.Err = fmt.Errorf("line %d: no string field %q", n, o.TextField)
		return rec
	}
	rec.Text = t
	return rec
}
