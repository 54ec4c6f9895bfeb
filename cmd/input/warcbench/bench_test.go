// Package warcbench weighs chaff's WARC reader (cmd/input/warc.go) against
// the two maintained Go WARC modules, nlnwa/gowarc and internetarchive/gowarc.
// It is its own module so that their dependencies stay out of chaff's:
//
//	cd cmd/input/warcbench && go test -bench . -benchmem -count 5
//
// Each benchmark reads the same generated .warc.gz (1,000 HTML responses made
// from testdata/articles, each with a request and a metadata record, every
// record its own gzip member, as Common Crawl writes them) and must deliver
// every response's HTTP payload; MB/s counts payload bytes.
package warcbench

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/cmd/input"
	iawarc "github.com/internetarchive/gowarc"
	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc"
)

const docs = 1000

var warcPath string
var payload int64

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "warcbench")
	if err != nil {
		panic(err)
	}
	warcPath = filepath.Join(dir, "bench.warc.gz")
	write()
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func write() {
	articles, _ := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "articles", "*.txt"))
	if len(articles) == 0 {
		panic("no testdata/articles")
	}
	var out bytes.Buffer
	rec := func(typ, uri, ctype, block string) {
		var b bytes.Buffer
		fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			typ, uri, "00000000-0000-4000-8000-000000000000", ctype, len(block), block)
		zw := gzip.NewWriter(&out)
		zw.Write(b.Bytes())
		zw.Close()
	}
	for i := 0; i < docs; i++ {
		text, _ := os.ReadFile(articles[i%len(articles)])
		var h strings.Builder
		h.WriteString("<!DOCTYPE html><html><head><title>t</title><style>body{}</style></head><body><nav>Home News</nav><article>\n")
		for k := 0; k < 4; k++ {
			for _, p := range strings.Split(string(text), "\n\n") {
				fmt.Fprintf(&h, "<p>%s</p>\n", p)
			}
		}
		h.WriteString("</article></body></html>\n")
		uri := fmt.Sprintf("https://news.example/%d", i)
		payload += int64(h.Len())
		rec("request", uri, "application/http; msgtype=request", "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n")
		rec("response", uri, "application/http; msgtype=response", fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", h.Len(), h.String()))
		rec("metadata", uri, "application/warc-fields", "fetchTimeMs: 12\r\n")
	}
	os.WriteFile(warcPath, out.Bytes(), 0o644)
}

// chaff's reader: what chaff score does with the file (decompress, parse,
// HTTP, UTF-8 check), up to the Item.
func BenchmarkChaffReader(b *testing.B) {
	b.SetBytes(payload)
	for i := 0; i < b.N; i++ {
		n := int64(0)
		input.Walk([]string{warcPath}, input.Options{}, func(it input.Item) error {
			n += int64(len(it.Text))
			return nil
		})
		if n != payload {
			b.Fatalf("%d bytes, want %d", n, payload)
		}
	}
}

func BenchmarkNLNWAGowarc(b *testing.B) {
	b.SetBytes(payload)
	for i := 0; i < b.N; i++ {
		r, err := gowarc.NewWarcFileReader(warcPath, 0, gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore), gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore), gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore))
		if err != nil {
			b.Fatal(err)
		}
		n := int64(0)
		for {
			rec, _, _, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if rec.Type() != gowarc.Response {
				continue
			}
			pb, ok := rec.Block().(gowarc.PayloadBlock)
			if !ok {
				b.Fatalf("block %T", rec.Block())
			}
			pr, err := pb.PayloadBytes()
			if err != nil {
				b.Fatal(err)
			}
			body, _ := io.ReadAll(pr)
			n += int64(len(body))
		}
		r.Close()
		if n != payload {
			b.Fatalf("%d bytes, want %d", n, payload)
		}
	}
}

func BenchmarkInternetArchiveGowarc(b *testing.B) {
	b.SetBytes(payload)
	for i := 0; i < b.N; i++ {
		f, _ := os.Open(warcPath)
		r, err := iawarc.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		n := int64(0)
		for {
			rec, err := r.ReadRecord()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if rec.Header.Get("WARC-Type") == "response" {
				resp, err := http.ReadResponse(bufio.NewReader(rec.Content), nil)
				if err != nil {
					b.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				n += int64(len(body))
			}
			rec.Content.Close()
		}
		r.Close()
		f.Close()
		if n != payload {
			b.Fatalf("%d bytes, want %d", n, payload)
		}
	}
}

// the floor: decompressing the file, nothing else
func BenchmarkGzipOnly(b *testing.B) {
	b.SetBytes(payload)
	for i := 0; i < b.N; i++ {
		f, _ := os.Open(warcPath)
		zr, _ := gzip.NewReader(f)
		io.Copy(io.Discard, zr)
		f.Close()
	}
}
