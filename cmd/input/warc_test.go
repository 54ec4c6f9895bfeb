package input

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/cmd/internal/golden"
	"github.com/chaff-dev/chaff/features/markup"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// rec is a WARC record to write: its type, target URI, content type and block.
type rec struct {
	typ, uri, ctype, block string
}

// warcBytes writes records as a WARC file; gz writes each record as its own
// gzip member, as Common Crawl does.
func warcBytes(t testing.TB, recs []rec, gz bool) []byte {
	t.Helper()
	var out bytes.Buffer
	for i, r := range recs {
		var b bytes.Buffer
		fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\n", r.typ)
		if r.uri != "" {
			fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
		}
		fmt.Fprintf(&b, "WARC-Date: 2026-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", i)
		fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", r.ctype, len(r.block), r.block)
		if !gz {
			out.Write(b.Bytes())
			continue
		}
		zw := gzip.NewWriter(&out)
		if _, err := zw.Write(b.Bytes()); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

func httpResponse(status, ctype, body string, chunked bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	if ctype != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", ctype)
	}
	if chunked {
		b.WriteString("Transfer-Encoding: chunked\r\n\r\n")
		for len(body) > 0 {
			n := min(len(body), 7)
			fmt.Fprintf(&b, "%x\r\n%s\r\n", n, body[:n])
			body = body[n:]
		}
		b.WriteString("0\r\n\r\n")
		return b.String()
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return b.String()
}

const (
	httpResp = "application/http; msgtype=response"
	httpReq  = "application/http; msgtype=request"
	page     = "<html><head><title>T</title></head><body><p>The council met on Tuesday.</p></body></html>"
)

// crawl is a WARC file as a crawl writes it: info, requests, responses of
// every kind, metadata. Three of its records are documents.
var crawl = []rec{
	{"warcinfo", "", "application/warc-fields", "software: test\r\n"},
	{"request", "https://example.com/a", httpReq, "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"},
	{"response", "https://example.com/a", httpResp, httpResponse("200 OK", "text/html; charset=utf-8", page, false)},
	{"metadata", "https://example.com/a", "application/warc-fields", "fetchTimeMs: 12\r\n"},
	{"response", "https://example.com/old", httpResp, httpResponse("301 Moved Permanently", "text/html", "moved", false)},
	{"response", "https://example.com/logo.png", httpResp, httpResponse("200 OK", "image/png", "\x89PNG\r\n\x1a\n", false)},
	{"response", "https://example.com/b", httpResp, httpResponse("200 OK", "text/html", page, true)},
	{"response", "https://example.com/c.txt", httpResp, httpResponse("200 OK", "text/plain", "Plain words.", false)},
}

// wet is a WET file: an info record and conversion records.
var wet = []rec{
	{"warcinfo", "", "application/warc-fields", "software: test\r\n"},
	{"conversion", "https://example.com/a", "text/plain", "The council met on Tuesday.\nIt voted."},
	{"conversion", "", "text/plain", "No address."},
}

// items walks paths and renders each item as "id|path|format|text|err".
func items(t *testing.T, paths []string, o Options) []string {
	t.Helper()
	return walkRendered(t, paths, o, func(it Item, e string) string {
		return fmt.Sprintf("%s|%s|%s|%s|%s", it.ID, it.Path, it.Format, it.Text, e)
	})
}

func zstdBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	zw, err := zstd.NewWriter(&out)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func TestWARCFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"crawl.warc":     warcBytes(t, crawl, false),
		"crawl.warc.gz":  warcBytes(t, crawl, true),
		"crawl.warc.zst": zstdBytes(t, warcBytes(t, crawl, false)),
		"crawl.wet.gz":   warcBytes(t, wet, true),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"crawl.warc", []string{
			"https://example.com/a|@|html|" + page + "|",
			"https://example.com/b|@|html|" + page + "|",
			"https://example.com/c.txt|@|text|Plain words.|",
		}},
		{"crawl.warc.gz", nil}, // the same as crawl.warc
		{"crawl.warc.zst", nil},
		{"crawl.wet.gz", []string{
			"https://example.com/a|@|text|The council met on Tuesday.\nIt voted.|",
			"@#3|@|text|No address.|",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			want := tc.want
			if want == nil {
				want = []string{
					"https://example.com/a|@|html|" + page + "|",
					"https://example.com/b|@|html|" + page + "|",
					"https://example.com/c.txt|@|text|Plain words.|",
				}
			}
			for i := range want {
				want[i] = strings.ReplaceAll(want[i], "@", p)
			}
			if got := items(t, []string{p}, Options{}); !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
	// A folder walk picks every one of them up by default, .warc.zst too.
	got := items(t, []string{dir}, Options{})
	if len(got) != 3*3+2 {
		t.Errorf("folder: %d items, want 11:\n%s", len(got), strings.Join(got, "\n"))
	}
}

// A response record's HTML is read through the HTML path; a conversion
// record's text as text.
func TestWARCDocumentFormat(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.warc")
	if err := os.WriteFile(p, warcBytes(t, crawl[:3], false), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	Walk([]string{p}, Options{}, func(it Item) error {
		d := it.Document()
		got = append(got, d.Format, strings.TrimSpace(string(d.Text)))
		return nil
	})
	if len(got) != 2 || got[0] != string(markup.HTML) || strings.Contains(got[1], "<p>") || !strings.Contains(got[1], "The council met on Tuesday.") {
		t.Errorf("got %q, want the page read as HTML", got)
	}
}

func TestWARCErrors(t *testing.T) {
	dir := t.TempDir()
	good := warcBytes(t, crawl[:3], false)
	cut := good[:len(good)-40]
	files := map[string][]byte{
		"cut.warc":        cut,
		"junk.warc":       []byte("GET / HTTP/1.1\r\n\r\n"),
		"badlen.warc":     []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n"),
		"longline.warc":   []byte("WARC/1.0\r\nWARC-Type: response\r\nX: " + strings.Repeat("x", 100<<10) + "\r\n"),
		"nodocs.warc":     warcBytes(t, crawl[:2], false),
		"notgzip.warc.gz": good,
		"badhttp.warc":    warcBytes(t, []rec{{"response", "https://x/", httpResp, "not http at all"}}, false),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string][]string{
		"cut.warc":        {"record 3 at byte", "malformed WARC", "block of"},
		"junk.warc":       {"record 1 at byte 0", "malformed WARC", "version line"},
		"badlen.warc":     {"record 1", "Content-Length"},
		"longline.warc":   {"record 1 at byte 0", "a line longer than 65536 bytes"},
		"nodocs.warc":     {"no records", "no response, conversion or resource record"},
		"notgzip.warc.gz": {"gzip", "invalid header"},
		"badhttp.warc":    {"record 1 (https://x/)", "HTTP response"},
	} {
		p := filepath.Join(dir, name)
		var errs []string
		Walk([]string{p}, Options{}, func(it Item) error {
			if it.Err != nil {
				errs = append(errs, it.Err.Error())
			}
			return nil
		})
		if len(errs) != 1 {
			t.Errorf("%s: errors %q, want one", name, errs)
			continue
		}
		for _, w := range append(want, p) {
			if !strings.Contains(errs[0], w) {
				t.Errorf("%s: error %q does not say %q", name, errs[0], w)
			}
		}
	}
}

// A payload over --max-bytes is an error record naming the record; the
// next records are still read.
func TestWARCMaxBytes(t *testing.T) {
	big := strings.Repeat("word ", 100)
	p := filepath.Join(t.TempDir(), "big.wet")
	os.WriteFile(p, warcBytes(t, []rec{{"conversion", "https://x/big", "text/plain", big}, {"conversion", "https://x/small", "text/plain", "small"}}, false), 0o644)
	got := items(t, []string{p}, Options{Limits: Limits{MaxBytes: 100}})
	if len(got) != 2 || !strings.Contains(got[0], "record 1 (https://x/big)") || !strings.Contains(got[0], "larger than") || !strings.HasSuffix(got[1], "|small|") {
		t.Errorf("got %q", got)
	}
}

func TestCompressedJSONL(t *testing.T) {
	dir := t.TempDir()
	body := []byte(`{"id":"r1","text":"first"}` + "\n\n" + `{"text":"second"}` + "\n")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(body)
	zw.Close()
	files := map[string][]byte{"c.jsonl": body, "c.jsonl.gz": gz.Bytes(), "c.jsonl.zst": zstdBytes(t, body)}
	for name, b := range files {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	for name := range files {
		p := filepath.Join(dir, name)
		want := []string{"r1|" + p + "||first|", p + ":3|" + p + "||second|"}
		if got := items(t, []string{p}, Options{}); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	// corrupt: a gzip stream cut short, and a zstd file that is not zstd
	os.WriteFile(filepath.Join(dir, "cut.jsonl.gz"), gz.Bytes()[:gz.Len()-6], 0o644)
	os.WriteFile(filepath.Join(dir, "bad.jsonl.zst"), body, 0o644)
	var long bytes.Buffer // cut inside its records, not only its trailer
	zw = gzip.NewWriter(&long)
	for i := 0; i < 200; i++ {
		fmt.Fprintf(zw, `{"id":"r%d","text":"record number %d of a corpus cut short"}`+"\n", i, i)
	}
	zw.Close()
	os.WriteFile(filepath.Join(dir, "half.jsonl.gz"), long.Bytes()[:long.Len()/2], 0o644)
	for name, want := range map[string]string{"cut.jsonl.gz": "unexpected EOF", "half.jsonl.gz": "unexpected EOF", "bad.jsonl.zst": "zstd"} {
		p := filepath.Join(dir, name)
		got := items(t, []string{p}, Options{})
		last := got[len(got)-1]
		if !strings.Contains(last, p) || !strings.Contains(last, want) {
			t.Errorf("%s: got %q, want an error naming the file and %q", name, got, want)
		}
		// the line the cut stream broke off in is not also a bad line
		if strings.Contains(strings.Join(got, " "), "invalid JSON") {
			t.Errorf("%s: got %q, want no record for the line cut short", name, got)
		}
	}
	// an empty compressed corpus holds no records, as an empty plain one
	os.WriteFile(filepath.Join(dir, "empty.jsonl.gz"), nil, 0o644)
	if got := items(t, []string{filepath.Join(dir, "empty.jsonl.gz")}, Options{}); len(got) != 1 || !strings.Contains(got[0], "no records") {
		t.Errorf("empty.jsonl.gz: got %q, want one error: no records", got)
	}
}

// A compressed file that unpacks to more than MaxDecompressed stops there.
func TestDecompressionCap(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(zw, `{"text":"%s"}`+"\n", strings.Repeat("a", 1000))
	}
	zw.Close()
	p := filepath.Join(t.TempDir(), "bomb.jsonl.gz")
	os.WriteFile(p, gz.Bytes(), 0o644)
	got := items(t, []string{p}, Options{Limits: Limits{MaxDecompressed: 100_000}})
	last := got[len(got)-1]
	if len(got) > 100 || !strings.Contains(last, "decompresses to more than") || !strings.Contains(last, p) {
		t.Errorf("%d items, last %q", len(got), last)
	}
}

func TestStdinFormats(t *testing.T) {
	jsonl := `{"id":"a","text":"first"}` + "\n" + `{"id":"b","text":"second"}` + "\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(jsonl))
	zw.Close()
	w := string(warcBytes(t, wet[1:2], true))
	for _, tc := range []struct {
		name, format, in string
		want             []string
	}{
		{"default: one document", "", jsonl, []string{"-|-|text|" + jsonl + "|"}},
		{"auto jsonl", "auto", jsonl, []string{"a|-||first|", "b|-||second|"}},
		{"auto jsonl gzip", "auto", gz.String(), []string{"a|-||first|", "b|-||second|"}},
		{"auto warc gzip", "auto", w, []string{"https://example.com/a|-|text|The council met on Tuesday.\nIt voted.|"}},
		{"auto text", "auto", "Just words.\n", []string{"-|-|text|Just words.\n|"}},
		{"auto empty: no records", "auto", "", nil},
		{"jsonl empty: no records", "jsonl", "", nil},
		{"warc empty: no records", "warc", "", nil},
		{"text empty: one empty document", "text", "", []string{"-|-|text||"}},
		{"auto json without text field", "auto", `{"body":"x"}` + "\n", []string{"-|-|text|{\"body\":\"x\"}\n|"}},
		{"text", "text", jsonl, []string{"-|-|text|" + jsonl + "|"}},
		{"html", "html", page, []string{"-|-|html|" + page + "|"}},
		{"markdown", "markdown", "# Hi", []string{"-|-|markdown|# Hi|"}},
		{"jsonl", "jsonl", jsonl, []string{"a|-||first|", "b|-||second|"}},
		{"warc", "warc", w, []string{"https://example.com/a|-|text|The council met on Tuesday.\nIt voted.|"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := items(t, []string{"-"}, Options{Stdin: strings.NewReader(tc.in), InputFormat: tc.format})
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// JSONL on standard input is read as it comes: the first record is handed
// on before the second line is written.
func TestStdinStreams(t *testing.T) {
	pr, pw := io.Pipe()
	got := make(chan string)
	go func() {
		Walk([]string{"-"}, Options{Stdin: pr, InputFormat: FormatAuto}, func(it Item) error {
			got <- it.ID
			return nil
		})
		close(got)
	}()
	pw.Write([]byte(`{"id":"one","text":"x"}` + "\n"))
	if id := <-got; id != "one" {
		t.Fatalf("first item %q", id)
	}
	pw.Write([]byte(`{"id":"two","text":"y"}` + "\n"))
	if id := <-got; id != "two" {
		t.Fatalf("second item %q", id)
	}
	pw.Close()
	if _, open := <-got; open {
		t.Error("more items than lines")
	}
}

// OnRead is told every byte read from the inputs, compressed as on disk.
func TestOnRead(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{"a.txt": []byte("hello"), "c.warc.gz": warcBytes(t, crawl, true), "b.jsonl": []byte(`{"text":"x"}` + "\n")}
	var total int64
	for name, b := range files {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
		total += int64(len(b))
	}
	var read int64
	items(t, []string{dir}, Options{OnRead: func(n int) { read += int64(n) }})
	if read != total {
		t.Errorf("OnRead counted %d bytes, the files hold %d", read, total)
	}
}

// testdata/crawl holds a WARC and a WET file made from testdata/articles
// (the responses as small HTML pages), for the CLI's and the Beam
// pipeline's tests and the README's examples. They are rebuilt with
// go test ./cmd/... -update.
func TestCrawlFixtures(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	names, err := filepath.Glob(filepath.Join(root, "articles", "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("articles: %v", err)
	}
	sort.Strings(names)
	warc := []rec{{"warcinfo", "", "application/warc-fields", "software: chaff tests\r\nformat: WARC File Format 1.0\r\n"}}
	wet := []rec{{"warcinfo", "", "application/warc-fields", "software: chaff tests\r\nformat: WARC File Format 1.0\r\n"}}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		uri := "https://news.example/" + strings.TrimSuffix(filepath.Base(n), ".txt")
		var h strings.Builder
		h.WriteString("<!DOCTYPE html>\n<html>\n<head><title>article</title></head>\n<body>\n<article>\n")
		for _, para := range strings.Split(strings.TrimSpace(string(b)), "\n\n") {
			fmt.Fprintf(&h, "<p>%s</p>\n", html.EscapeString(para))
		}
		h.WriteString("</article>\n</body>\n</html>\n")
		warc = append(warc,
			rec{"request", uri, httpReq, "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n"},
			rec{"response", uri, httpResp, httpResponse("200 OK", "text/html; charset=utf-8", h.String(), false)})
		wet = append(wet, rec{"conversion", uri, "text/plain", string(b)})
	}
	update := false
	if f := flag.Lookup("update"); f != nil {
		update = f.Value.String() == "true"
	}
	for name, b := range map[string][]byte{"articles.warc.gz": warcBytes(t, warc, true), "articles.wet.gz": warcBytes(t, wet, true)} {
		p := filepath.Join(root, "crawl", name)
		golden.Check(t, p, string(b), update)
		n := 0
		Walk([]string{p}, Options{}, func(it Item) error {
			if it.Err != nil {
				t.Errorf("%s: %v", p, it.Err)
			}
			n++
			return nil
		})
		if n != len(names) {
			t.Errorf("%s: %d documents, want %d", p, n, len(names))
		}
	}
}

// Read gives for a reader what Walk gives for the file of that name.
func TestReadMatchesWalk(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"a.txt":       []byte("plain"),
		"b.html":      []byte(page),
		"c.jsonl":     []byte(`{"text":"x"}` + "\n{bad\n"),
		"d.warc.gz":   warcBytes(t, crawl, true),
		"e.wet.gz":    warcBytes(t, wet, true),
		"f.bin":       {0, 1, 2},
		"g.jsonl.zst": zstdBytes(t, []byte(`{"text":"y"}`+"\n")),
		"h.warc":      []byte("junk"),
		"i.txt":       bytes.Repeat([]byte("a"), 200),
	}
	o := Options{Limits: Limits{MaxBytes: 150}}
	for name, b := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		var viaRead []string
		err := Read(p, bytes.NewReader(b), o, func(it Item) error {
			e := ""
			if it.Err != nil {
				e = it.Err.Error()
			}
			viaRead = append(viaRead, fmt.Sprintf("%s|%s|%s|%s|%s", it.ID, it.Path, it.Format, it.Text, e))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if viaWalk := items(t, []string{p}, o); !reflect.DeepEqual(viaRead, viaWalk) {
			t.Errorf("%s: Read gives\n%q\nWalk gives\n%q", name, viaRead, viaWalk)
		}
	}
}

func TestStdinBadFormat(t *testing.T) {
	err := Walk([]string{"-"}, Options{Stdin: strings.NewReader("x"), InputFormat: "pdf"}, func(Item) error { return nil })
	if err == nil || !strings.Contains(err.Error(), `input format "pdf"`) {
		t.Errorf("error %v", err)
	}
}

// A response its crawler cut short (WARC-Truncated) keeps the text it holds.
func TestWARCTruncatedResponse(t *testing.T) {
	body := "<html><body><p>The council approved the harbour wall on Tuesday after a long debate.</p><p>Work starts in spring.</p></body></html>"
	resp := httpResponse("200 OK", "text/html", body, false)
	cut := resp[:len(resp)-len(body)/2] // the Content-Length promises more than the block holds
	p := filepath.Join(t.TempDir(), "cut.warc")
	os.WriteFile(p, warcBytes(t, []rec{{"response", "https://x/cut", httpResp, cut}}, false), 0o644)
	got := items(t, []string{p}, Options{})
	if len(got) != 1 || !strings.Contains(got[0], "The council approved the harbour wall") || !strings.HasSuffix(got[0], "|") {
		t.Errorf("got %q", got)
	}
}

// The largest --max-bytes there is reads documents as any other limit does.
func TestLargestLimit(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{"a.txt": "plain text", "c.jsonl": `{"text":"x"}` + "\n" + `{"text":"y"}` + "\n"})
	got := collect(t, []string{root}, Options{Limits: Limits{MaxBytes: math.MaxInt64}})
	if len(got) != 3 || strings.Contains(strings.Join(got, " "), "larger than") {
		t.Errorf("got %q", got)
	}
}

// A response kept with the compression its server sent it in is read
// unpacked; one in an encoding chaff does not read says which.
func TestWARCContentEncoding(t *testing.T) {
	const body = "<html><body><p>The council approved the harbour wall on Tuesday.</p></body></html>"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(body))
	zw.Close()
	resp := func(enc, payload string) string {
		return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: %s\r\nContent-Length: %d\r\n\r\n%s", enc, len(payload), payload)
	}
	p := filepath.Join(t.TempDir(), "enc.warc")
	os.WriteFile(p, warcBytes(t, []rec{
		{"response", "https://x/gz", httpResp, resp("gzip", gz.String())},
		{"response", "https://x/br", httpResp, resp("br", "\x1b\x00\x00")},
	}, false), 0o644)
	got := items(t, []string{p}, Options{})
	if len(got) != 2 || !strings.Contains(got[0], "The council approved") || !strings.HasSuffix(got[0], "|") ||
		!strings.Contains(got[1], "Content-Encoding br is not read") {
		t.Errorf("got %q", got)
	}
}
