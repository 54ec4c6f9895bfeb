package input

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Compressed corpora: a file whose name ends in .gz or .zst is decompressed
// as it is read (klauspost/compress: gzip with every member of a
// multi-member file, as WARC files are written, and zstd), and read as the
// name without that extension says (corpus.jsonl.gz is JSONL).

// compression is a compressed file's extension.
type compression string

const (
	none  compression = ""
	gzExt compression = ".gz"
	zstd_ compression = ".zst"
)

// compressionOf tells how a file name says it is compressed.
func compressionOf(name string) compression {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".gz":
		return gzExt
	case ".zst", ".zstd":
		return zstd_
	}
	return none
}

// stripCompression is the name without its compression extension.
func stripCompression(name string) string {
	if compressionOf(name) == none {
		return name
	}
	return strings.TrimSuffix(name, filepath.Ext(name))
}

// magic numbers of the compressed formats, to read standard input.
var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// sniffCompression tells from br's first bytes whether it is gzip or zstd
// (for standard input, which has no name).
func sniffCompression(br *bufio.Reader) compression {
	b, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(b, gzipMagic):
		return gzExt
	case bytes.HasPrefix(b, zstdMagic):
		return zstd_
	}
	return none
}

// decompress returns a reader of r's decompressed bytes and a function that
// releases the decompressor. A corrupt stream shows up as an error from
// the reader, naming the format.
func decompress(c compression, r io.Reader) (io.Reader, func(), error) {
	switch c {
	case gzExt:
		zr, err := gzip.NewReader(r)
		if err == io.EOF {
			// an empty file: no gzip member, so nothing in it, as an
			// empty .jsonl or .jsonl.zst holds nothing
			return bytes.NewReader(nil), func() {}, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("gzip: %w", err)
		}
		zr.Multistream(true)
		return namedReader{zr, "gzip"}, func() { zr.Close() }, nil
	case zstd_:
		// One goroutine and low memory: the decompressor feeds one reader,
		// scoring is where the cores go.
		zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
		if err != nil {
			return nil, nil, fmt.Errorf("zstd: %w", err)
		}
		return namedReader{zr, "zstd"}, zr.Close, nil
	}
	return r, func() {}, nil
}

// namedReader prefixes read errors with the compression format, so that a
// corrupt file says why ("gzip: invalid checksum").
type namedReader struct {
	r    io.Reader
	name string
}

func (n namedReader) Read(p []byte) (int, error) {
	k, err := n.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%s: %w", n.name, err)
	}
	return k, err
}
