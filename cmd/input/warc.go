package input

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/chaff-dev/chaff/features/markup"
	"github.com/klauspost/compress/gzip"
)

// WARC and WET files as Common Crawl publishes them: a sequence of records,
// each a "WARC/1.x" line, headers, an empty line, Content-Length bytes of
// block and two CRLFs; compressed files are gzip with one member per record,
// which a multi-stream gzip reader reads as one stream. This file reads them
// with nothing but the standard library (net/http for the HTTP response in a
// response record) over the decompressor of compress.go; see README "Scale"
// for why not a WARC module.

// IsWARC tells whether a path names a WARC or WET file (.warc, .warc.gz,
// .warc.zst, .wet, .wet.gz, .wet.zst).
func IsWARC(p string) bool {
	switch strings.ToLower(filepath.Ext(stripCompression(p))) {
	case ".warc", ".wet":
		return true
	}
	return false
}

// WARCRecord is one record of a WARC file as the reader hands it over.
type WARCRecord struct {
	Type      string               // WARC-Type, lower case: response, conversion, request, warcinfo, ...
	TargetURI string               // WARC-Target-URI
	Header    textproto.MIMEHeader // the WARC headers
	Length    int64                // Content-Length: the block's size
	Block     io.Reader            // the content block; valid only during the call
	Offset    int64                // where the record starts in the (decompressed) stream
	Number    int                  // 1-based position of the record in the stream
}

// ErrWARC marks a malformed WARC stream.
var ErrWARC = errors.New("malformed WARC")

// ReadWARC calls fn for every record of the (decompressed) WARC stream r, in
// order. fn may read the record's block, or part of it; what it leaves is
// skipped, so no block is held in memory that fn does not hold. fn
// returning an error stops the read and ReadWARC returns it. A malformed
// stream is an error naming the record's number and byte offset.
func ReadWARC(r io.Reader, fn func(WARCRecord) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var offset int64
	readLine := func() (string, error) {
		l, err := br.ReadSlice('\n') // a line longer than the buffer is no WARC line
		offset += int64(len(l))
		if err == bufio.ErrBufferFull {
			err = fmt.Errorf("a line longer than %d bytes", br.Size())
		}
		return string(l), err
	}
	for n := 1; ; n++ {
		// The version line; the CRLFs after a block (and stray blank lines) are skipped.
		var line string
		start := offset
		for {
			start = offset
			l, err := readLine()
			if err == io.EOF && strings.TrimSpace(l) == "" {
				return nil
			}
			if err != nil {
				return fmt.Errorf("record %d at byte %d: %w: %v", n, start, ErrWARC, err)
			}
			if strings.TrimSpace(l) != "" {
				line = strings.TrimRight(l, "\r\n")
				break
			}
		}
		if !strings.HasPrefix(line, "WARC/") {
			return fmt.Errorf("record %d at byte %d: %w: version line %q", n, start, ErrWARC, clip(line))
		}
		h := textproto.MIMEHeader{}
		last := ""
		for {
			l, err := readLine()
			if err != nil {
				return fmt.Errorf("record %d at byte %d: %w: headers: %v", n, start, ErrWARC, err)
			}
			l = strings.TrimRight(l, "\r\n")
			if l == "" {
				break
			}
			if (l[0] == ' ' || l[0] == '\t') && last != "" { // a continuation line
				vs := h[last]
				vs[len(vs)-1] += " " + strings.TrimSpace(l)
				continue
			}
			k, v, ok := strings.Cut(l, ":")
			if !ok {
				return fmt.Errorf("record %d at byte %d: %w: header line %q", n, start, ErrWARC, clip(l))
			}
			last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
			h.Add(last, strings.TrimSpace(v))
		}
		length, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
		if err != nil || length < 0 {
			return fmt.Errorf("record %d at byte %d: %w: Content-Length %q", n, start, ErrWARC, h.Get("Content-Length"))
		}
		block := &io.LimitedReader{R: br, N: length}
		rec := WARCRecord{Type: strings.ToLower(h.Get("WARC-Type")), TargetURI: h.Get("WARC-Target-URI"),
			Header: h, Length: length, Block: block, Offset: start, Number: n}
		if err := fn(rec); err != nil {
			return err
		}
		if block.N > 0 {
			if _, err := io.Copy(io.Discard, block); err != nil || block.N > 0 {
				return fmt.Errorf("record %d at byte %d: %w: block of %d bytes cut short", n, start, ErrWARC, length)
			}
		}
		offset += length
	}
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// warcDocument reads the document a record holds, or reports that it holds
// none: response records with status 2xx and an HTML (or plain text)
// payload are read through the HTML (or text) path, conversion records
// (WET) as text, resource records by their media type. Other records
// (requests, metadata, warcinfo, revisits, redirects, images, PDFs) hold no
// document and are passed over. A payload over max bytes (max > 0) is an
// error.
func warcDocument(rec WARCRecord, max int64) (text []byte, f markup.Format, contentType string, ok bool, err error) {
	switch rec.Type {
	case "conversion", "resource":
		f := markup.Text
		if rec.Type == "resource" {
			if f, ok = payloadFormat(rec.Header.Get("Content-Type")); !ok {
				return nil, "", "", false, nil
			}
		}
		b, err := readMax(rec.Block, max, rec.Length)
		return b, f, rec.Header.Get("Content-Type"), true, err
	case "response":
		ct, _, _ := mime.ParseMediaType(rec.Header.Get("Content-Type"))
		if ct != "application/http" {
			// a response of another protocol (dns, ...): no document
			return nil, "", "", false, nil
		}
		resp, err := http.ReadResponse(bufio.NewReader(rec.Block), nil)
		if err != nil {
			return nil, "", "", true, fmt.Errorf("HTTP response: %v", err)
		}
		defer resp.Body.Close()
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			return nil, "", "", false, nil
		}
		f, ok := payloadFormat(resp.Header.Get("Content-Type"))
		if !ok {
			return nil, "", "", false, nil
		}
		size := resp.ContentLength
		if size > rec.Length {
			size = -1 // a truncated record (WARC-Truncated) holds less
		}
		var payload io.Reader = resp.Body
		switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
		case "", "identity":
		case "gzip", "x-gzip":
			// a crawler that keeps the response as the server sent it
			// (Heritrix, wget) keeps its compression too
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				return nil, "", "", true, fmt.Errorf("HTTP response: Content-Encoding %s: %v", enc, err)
			}
			defer zr.Close()
			payload, size = zr, -1 // max bounds what it unpacks to
		default:
			return nil, "", "", true, fmt.Errorf("HTTP response: Content-Encoding %s is not read", enc)
		}
		body, err := readMax(payload, max, size)
		if errors.Is(err, io.ErrUnexpectedEOF) {
			// a truncated record (WARC-Truncated) still has its text
			err = nil
		}
		return body, f, resp.Header.Get("Content-Type"), true, err
	}
	return nil, "", "", false, nil
}

// readMax reads r to the end, or fails past max bytes (ErrTooLarge);
// size, when not negative, is what r is said to hold.
func readMax(r io.Reader, max, size int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	return readLimited(r, max, size)
}

// payloadFormat reads a payload's media type: HTML and XHTML through the
// HTML path, text/plain (and an absent type) as text, anything else is no
// document.
func payloadFormat(contentType string) (markup.Format, bool) {
	if strings.TrimSpace(contentType) == "" {
		return markup.Text, true
	}
	ct, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		ct = strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	}
	switch ct {
	case "text/html", "application/xhtml+xml":
		return markup.HTML, true
	case "text/plain", "text/markdown":
		if ct == "text/markdown" {
			return markup.Markdown, true
		}
		return markup.Text, true
	}
	return "", false
}
