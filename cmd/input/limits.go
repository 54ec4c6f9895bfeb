package input

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// Default limits: a few megabytes is far more than any article (the longest
// news features run to 200 KB), and small enough that a worker per core
// never holds much memory.
const (
	DefaultMaxBytes        = 4 << 20 // one document: a file, standard input or a corpus line
	DefaultMaxDecompressed = 1 << 30 // everything read out of one compressed file
)

// Limits bound what one input may cost. Zero fields take the defaults.
type Limits struct {
	// MaxBytes is the most a document may hold: a file, standard input or
	// one corpus line. A larger one is an error record (ErrTooLarge) and
	// the excess is not read.
	MaxBytes int64
	// MaxDecompressed is the most that may be read out of one compressed
	// file (.gz, .zst): the formats' readers wrap their decompressor in
	// Limits.Decompressed. Past it the file is an error (ErrDecompressed).
	MaxDecompressed int64
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	l.MaxBytes = min(l.MaxBytes, maxLimit)
	if l.MaxDecompressed <= 0 {
		l.MaxDecompressed = DefaultMaxDecompressed
	}
	return l
}

// ErrTooLarge is the reason given for a document over Limits.MaxBytes.
var ErrTooLarge = errors.New("larger than --max-bytes")

// ErrDecompressed is the reason given for a compressed file that unpacks to
// more than Limits.MaxDecompressed.
var ErrDecompressed = errors.New("decompresses to more than --max-decompressed")

// tooLarge is ErrTooLarge with the limit in it.
func tooLarge(max int64) error { return fmt.Errorf("%w (%d bytes)", ErrTooLarge, max) }

// Decompressed wraps a decompressing reader: reading past MaxDecompressed
// bytes returns an error wrapping ErrDecompressed instead of more data, so a
// compression bomb costs at most that much reading and no memory.
func (l Limits) Decompressed(r io.Reader) io.Reader {
	l = l.withDefaults()
	return &capReader{r: r, left: l.MaxDecompressed, max: l.MaxDecompressed}
}

type capReader struct {
	r         io.Reader
	left, max int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// one byte more tells a file of exactly max bytes from a larger one
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			return 0, fmt.Errorf("%w (%d bytes)", ErrDecompressed, c.max)
		}
		return c.r.Read(p[:0])
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// readLimited reads all of r, up to max bytes: more is ErrTooLarge, and
// what lies beyond max+1 bytes is never read. size, when known (a regular
// file's), sizes the buffer.
func readLimited(r io.Reader, max, size int64) ([]byte, error) {
	max = min(max, maxLimit)
	if size > max {
		return nil, tooLarge(max)
	}
	n := size + 1
	if n <= 0 || n > max+1 {
		n = min(max+1, 64<<10)
	}
	b := make([]byte, 0, n)
	lr := io.LimitReader(r, max+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		k, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+k]
		if int64(len(b)) > max {
			return nil, tooLarge(max)
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			// what was read comes too: a WARC record cut short by its
			// crawler (WARC-Truncated) still has the text it holds
			return b, err
		}
	}
}

// maxLimit is the largest limit a reader takes: it reads one byte past a
// limit to tell a document at it from one over it, and a limit of
// math.MaxInt64 (--max-bytes 9223372036854775807) would overflow.
const maxLimit = math.MaxInt64 - 1

// openFile opens p for reading without blocking on a named pipe (see
// openNonblocking), and returns it with what it is.
func openFile(p string) (*os.File, os.FileInfo, error) {
	f, err := openNonblocking(p)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}
