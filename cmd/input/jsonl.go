// Package input turns paths into documents to score: files, folders walked
// recursively, standard input, and JSONL corpora with one document a line.
package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// Record is one line of a JSONL corpus.
type Record struct {
	Line   int            // 1-based line number in the file
	ID     string         // the id field, if any
	Text   string         // the text field
	Fields map[string]any // the whole object, with JSONLOptions.KeepFields
	// Replaced counts the line's bytes that were not UTF-8 (read as
	// Windows-1252, see readWindows1252).
	Replaced int
	Err      error // why the line could not be read, if it could not
}

// JSONLOptions name the fields that hold the text and the id.
type JSONLOptions struct {
	TextField string // default "text"
	IDField   string // default "id"
	// MaxBytes is the longest line read (DefaultMaxBytes when 0): a longer
	// one is a record with ErrTooLarge, and is skipped without being held.
	MaxBytes int64
	// KeepFields keeps every field of each record in Record.Fields (for
	// labels and breakdowns); without it only the text and the id are
	// decoded, which is several times faster.
	KeepFields bool
}

func (o JSONLOptions) withDefaults() JSONLOptions {
	if o.TextField == "" {
		o.TextField = "text"
	}
	if o.IDField == "" {
		o.IDField = "id"
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	o.MaxBytes = min(o.MaxBytes, maxLimit)
	return o
}

// ReadJSONL calls fn for every non-blank line of r, in order. A line that is
// not a JSON object with a string text field, or is longer than MaxBytes,
// yields a Record with Err set; reading goes on. Memory stays bounded by
// MaxBytes whatever the lines' length. fn returning an error stops the read
// and returns it.
func ReadJSONL(r io.Reader, o JSONLOptions, fn func(Record) error) error {
	o = o.withDefaults()
	br := bufio.NewReaderSize(r, 64<<10)
	offset := int64(0)
	var buf []byte // one line, reused: at most MaxBytes+1 bytes are kept
	for n := 1; ; n++ {
		line, size, err := readLine(br, o.MaxBytes, buf[:0])
		buf = line
		start := offset
		offset += size
		if err != nil && err != io.EOF {
			// the read broke off (a truncated .gz): the line it was in
			// is cut, not malformed, and the read error says so
			return err
		}
		if n == 1 && bytes.HasPrefix(line, utf8BOM) {
			// a BOM before the first record, as Windows editors write
			// one: not part of the JSON (errors still count it)
			line, start = line[len(utf8BOM):], start+int64(len(utf8BOM))
		}
		switch {
		case size > o.MaxBytes+1 || size == o.MaxBytes+1 && line[len(line)-1] != '\n':
			if ferr := fn(Record{Line: n, Err: fmt.Errorf("line %d: %w (%d bytes)", n, ErrTooLarge, o.MaxBytes)}); ferr != nil {
				return ferr
			}
		case len(line) > 0 && !blank(line):
			if ferr := fn(parseLine(line, n, start, o)); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line (with its newline) into buf, keeping at most
// max+1 bytes of it; size is the whole line's length, read or skipped.
func readLine(br *bufio.Reader, max int64, buf []byte) (line []byte, size int64, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if room := max + 1 - int64(len(buf)); room > 0 {
			buf = append(buf, chunk[:min(int64(len(chunk)), room)]...)
		}
		if err != bufio.ErrBufferFull {
			return buf, size, err
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

// parseLine decodes one record. Scoring needs two fields of it: a valid
// line in valid UTF-8 is checked and read with gjson, which finds them
// without building the object (encoding/json decoding every line into a map
// was 8% of scoring a news corpus). Anything else, and every line when all
// fields are kept, goes through encoding/json, whose errors name the byte
// and whose reading of a valid line is the reference; FuzzParseLine checks
// that both read a line alike. A line that is not UTF-8 has its bad bytes
// read as Windows-1252, as a file's are (readWindows1252).
func parseLine(line []byte, n int, start int64, o JSONLOptions) Record {
	if !o.KeepFields && utf8.Valid(line) && gjson.ValidBytes(line) {
		if rec, ok := parseFast(line, n, o); ok {
			return rec
		}
	}
	return parseStd(line, n, start, o)
}

// parseFast reads a valid line's id and text; ok is false when the line is
// not an object, or its id is a number outside float64's range, which
// parseStd reports.
func parseFast(line []byte, n int, o JSONLOptions) (rec Record, ok bool) {
	v := gjson.ParseBytes(line)
	if !v.IsObject() {
		return rec, false
	}
	var id, text gjson.Result
	v.ForEach(func(k, val gjson.Result) bool {
		// a repeated key: the last one counts, as in encoding/json
		if k.Str == o.IDField {
			id = val
		}
		if k.Str == o.TextField {
			text = val
		}
		return true
	})
	rec.Line = n
	switch id.Type {
	case gjson.String:
		rec.ID = id.Str
	case gjson.Number:
		if _, err := strconv.ParseFloat(id.Raw, 64); err != nil {
			return rec, false // out of float64's range: parseStd reports it
		}
		rec.ID = id.Raw // as written: 12345678, not 1.2345678e+07
	}
	if text.Type != gjson.String {
		rec.Err = fmt.Errorf("line %d: no string field %q", n, o.TextField)
		return rec, true
	}
	rec.Text = text.Str
	return rec, true
}

// numberAsWritten returns the number in line's field as the line writes
// it: a float64 would print 12345678 as 1.2345678e+07 and lose the last
// digits of a 17-digit id.
func numberAsWritten(line []byte, field string) string {
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(line, &raw) // the line was read whole already
	return string(bytes.TrimSpace(raw[field]))
}

func parseStd(line []byte, n int, start int64, o JSONLOptions) Record {
	rec := Record{Line: n}
	if !utf8.Valid(line) {
		for i := 0; i < len(line); {
			r, k := utf8.DecodeRune(line[i:])
			if r == utf8.RuneError && k == 1 {
				rec.Replaced++
			}
			i += k
		}
	}
	var obj map[string]any
	err := json.Unmarshal(line, &obj)
	if err == nil && rec.Replaced > 0 {
		// the line as written for the errors, which name its bytes; read
		// again, its bad bytes as Windows-1252, for the values (JSON's own
		// syntax is ASCII, so the second reading succeeds too)
		obj = nil
		err = json.Unmarshal(readWindows1252(line, rec.Replaced), &obj)
	}
	if err != nil {
		if se, ok := err.(*json.SyntaxError); ok {
			rec.Err = fmt.Errorf("line %d: invalid JSON at byte %d: %v", n, start+se.Offset, se)
		} else if te, ok := err.(*json.UnmarshalTypeError); ok {
			rec.Err = fmt.Errorf("line %d: not a JSON object (a JSON %s)", n, te.Value)
		} else {
			rec.Err = fmt.Errorf("line %d: not a JSON object: %v", n, err)
		}
		return rec
	}
	if o.KeepFields {
		rec.Fields = obj
	}
	switch id := obj[o.IDField].(type) {
	case string:
		rec.ID = id
	case float64:
		rec.ID = numberAsWritten(line, o.IDField)
	}
	t, ok := obj[o.TextField].(string)
	if !ok {
		rec.Err = fmt.Errorf("line %d: no string field %q", n, o.TextField)
		return rec
	}
	rec.Text = t
	return rec
}
