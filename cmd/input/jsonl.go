// Package input turns paths into documents to score: files, folders walked
// recursively, standard input, and JSONL corpora with one document a line.
package input

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// Record is one line of a JSONL corpus.
type Record struct {
	Line   int            // 1-based line number in the file
	ID     string         // the id field, if any
	Text   string         // the text field
	Fields map[string]any // the whole object, for labels and breakdowns
	// Replaced counts the line's bytes that were not UTF-8 (read as U+FFFD).
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
		if err != nil {
			return err
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

func parseLine(line []byte, n int, start int64, o JSONLOptions) Record {
	rec := Record{Line: n}
	if !utf8.Valid(line) {
		// encoding/json reads each invalid byte in a string as U+FFFD
		for i := 0; i < len(line); {
			r, k := utf8.DecodeRune(line[i:])
			if r == utf8.RuneError && k == 1 {
				rec.Replaced++
			}
			i += k
		}
	}
	var obj map[string]any
	if err := json.Unmarshal(line, &obj); err != nil {
		if se, ok := err.(*json.SyntaxError); ok {
			rec.Err = fmt.Errorf("line %d: invalid JSON at byte %d: %v", n, start+se.Offset, se)
		} else if te, ok := err.(*json.UnmarshalTypeError); ok {
			rec.Err = fmt.Errorf("line %d: not a JSON object (a JSON %s)", n, te.Value)
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
