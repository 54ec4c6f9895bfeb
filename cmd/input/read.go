package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/chaff-dev/chaff/features/markup"
)

// Input formats of standard input (Options.InputFormat); files are read as
// their names say.
const (
	FormatAuto     = "auto"
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatJSONL    = "jsonl"
	FormatWARC     = "warc"
)

// InputFormats are the values Options.InputFormat takes; "" reads one
// text document, as FormatText.
var InputFormats = []string{FormatAuto, FormatText, FormatMarkdown, FormatHTML, FormatJSONL, FormatWARC}

// counter counts the bytes read from an input for Options.OnRead.
type counter struct {
	r  io.Reader
	fn func(int)
}

func (c counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.fn(n)
	}
	return n, err
}

// counted wraps r to report the bytes read to Options.OnRead.
func (w *walker) counted(r io.Reader) io.Reader {
	if w.o.OnRead == nil {
		return r
	}
	return counter{r, w.o.OnRead}
}

// IsCorpus tells whether a path names a file of many documents: JSONL, WARC
// or WET, compressed or not.
func IsCorpus(p string) bool { return IsJSONL(p) || IsWARC(p) }

// corpusFile reads the open corpus file f named p (see IsCorpus):
// decompressed as its name says (.gz, .zst; at most
// Limits.MaxDecompressed), then as JSONL or WARC.
func (w *walker) corpusFile(p string, f io.Reader) error {
	c := compressionOf(p)
	r, release, err := decompress(c, w.counted(f))
	if err != nil {
		return w.fail(p, fmt.Errorf("%s: %w", p, err))
	}
	defer release()
	if c != none {
		r = w.o.Limits.Decompressed(r)
	}
	if IsWARC(p) {
		return w.warcRecords(p, r)
	}
	return w.corpus(p, r)
}

// warcRecords reads the documents of a (decompressed) WARC stream: the
// record's WARC-Target-URI is the id ("path#N", the record's number, when
// it has none); a record whose document cannot be read yields an Item with
// Err naming the file, the record and the reason; a malformed stream ends
// the file with an error Item.
func (w *walker) warcRecords(p string, r io.Reader) error {
	why := " (no response, conversion or resource record with an HTML or text payload)"
	return w.records(p, why, func(emit func(Item) error) error {
		return ReadWARC(r, func(rec WARCRecord) error {
			b, f, contentType, ok, err := warcDocument(rec, w.o.Limits.MaxBytes)
			if !ok {
				return nil
			}
			it := Item{ID: rec.TargetURI, Path: p, Format: f}
			if it.ID == "" {
				it.ID = fmt.Sprintf("%s#%d", p, rec.Number)
			}
			if err == nil {
				it.Text, it.Replaced, err = DecodeAs(b, f, contentType)
			}
			if err != nil {
				it.Text = nil
				it.Err = fmt.Errorf("%s: record %d (%s): %w", p, rec.Number, it.ID, err)
			}
			return emit(it)
		})
	})
}

// stdin reads standard input as Options.InputFormat says ("": one text
// document). Auto decompresses gzip and zstd (by their magic numbers), reads a
// WARC stream (it starts with "WARC/") as WARC, a stream whose first line
// is a JSON object with the text field as JSONL, and anything else as one
// text document. JSONL and WARC are read as they come: each record is
// handed on before the next is read.
func (w *walker) stdin() error {
	const p = "-"
	in := w.o.Stdin
	if in == nil {
		in = os.Stdin
	}
	br := bufio.NewReaderSize(w.counted(in), 64<<10)
	c := sniffCompression(br)
	r, release, err := decompress(c, br)
	if err != nil {
		return w.fail(p, fmt.Errorf("standard input: %w", err))
	}
	defer release()
	if c != none {
		r = w.o.Limits.Decompressed(r)
	}
	format := w.o.InputFormat
	switch format {
	case "", FormatAuto, FormatText, FormatMarkdown, FormatHTML, FormatJSONL, FormatWARC:
	default:
		return fmt.Errorf("input format %q: want one of %s", format, strings.Join(InputFormats, ", "))
	}
	if format == FormatAuto {
		format, r = sniffFormat(r, w.o.JSONL.withDefaults().TextField)
	}
	switch format {
	case FormatJSONL, FormatWARC:
		// An empty stream holds no records and is no error: a map-only
		// engine's empty partition gives no output line.
		br := bufio.NewReader(r)
		if _, err := br.Peek(1); err == io.EOF {
			return nil
		}
		if format == FormatWARC {
			return w.warcRecords(p, br)
		}
		return w.corpus(p, br)
	}
	b, err := readLimited(r, w.o.Limits.MaxBytes, -1)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return w.fail(p, fmt.Errorf("standard input: %w", err))
		}
		return w.fail(p, fmt.Errorf("read standard input: %w", err))
	}
	f := markup.Text
	switch format {
	case FormatMarkdown:
		f = markup.Markdown
	case FormatHTML:
		f = markup.HTML
	}
	text, replaced, err := DecodeAs(b, f, "")
	if err != nil {
		return w.fail(p, fmt.Errorf("%s: %w", p, err))
	}
	return w.fn(Item{ID: p, Path: p, Text: text, Replaced: replaced, Format: f})
}

// sniffFormat reads r's first line to tell WARC and JSONL from a document,
// and returns the format and a reader of all of r (the line put back). It
// reads no further than the first newline (or 1 MiB), so a stream is not
// held up: the first record is handed on as soon as it has arrived.
func sniffFormat(r io.Reader, textField string) (string, io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	first, err := br.ReadSlice('\n')
	head := append([]byte(nil), first...)
	rest := io.MultiReader(bytes.NewReader(head), br)
	// a BOM before the first record, as Windows editors write one
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(head, utf8BOM))
	switch {
	case len(head) == 0 && err == io.EOF:
		return FormatJSONL, rest // nothing at all: no records
	case bytes.HasPrefix(trimmed, []byte("WARC/")):
		return FormatWARC, rest
	case bytes.HasPrefix(trimmed, []byte("{")):
		if errors.Is(err, bufio.ErrBufferFull) {
			// a first line over 1 MiB: a JSONL record, not prose
			if bytes.HasPrefix(trimmed, []byte(`{"`)) {
				return FormatJSONL, rest
			}
			break
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal(trimmed, &obj) == nil {
			if v, ok := obj[textField]; ok && strings.HasPrefix(string(bytes.TrimSpace(v)), `"`) {
				return FormatJSONL, rest
			}
		}
	}
	return FormatText, rest
}

// Read reads one input named name from r as Walk reads a file of that name:
// a corpus (JSONL, WARC or WET, compressed as the name says) yields an Item
// per document, anything else one document read by its name's format. It
// is for inputs that are no local files, such as the Beam pipeline's
// (cmd/chaff-beam); errors name the input. fn returning an error stops the
// read and Read returns it.
func Read(name string, r io.Reader, o Options, fn func(Item) error) error {
	o.Limits = o.Limits.withDefaults()
	if o.JSONL.MaxBytes <= 0 {
		o.JSONL.MaxBytes = o.Limits.MaxBytes
	}
	w := walker{o: o, fn: fn}
	if IsCorpus(name) {
		return w.corpusFile(name, r)
	}
	b, err := readLimited(w.counted(r), o.Limits.MaxBytes, -1)
	if err != nil {
		return w.fail(name, fmt.Errorf("%s: %w", name, err))
	}
	return w.document(name, b)
}
