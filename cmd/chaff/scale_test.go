package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestShardOf(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want shard
		err  string
	}{
		{"0/1", shard{0, 1}, ""},
		{"2/3", shard{2, 3}, ""},
		{" 1 / 4 ", shard{1, 4}, ""},
		{"3/3", shard{}, "I must be from 0 to N-1 (2)"},
		{"-1/3", shard{}, "I must be from 0 to N-1"},
		{"0/0", shard{}, "N must be at least 1"},
		{"1", shard{}, "want I/N"},
		{"a/b", shard{}, "whole numbers"},
	} {
		got, err := shardOf(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%q: %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

// corpusJSONL is the bundled articles as a JSONL corpus, with one bad line.
func corpusJSONL(t *testing.T) string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(articles, "*.txt"))
	var b strings.Builder
	for i, n := range names {
		text, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"id": filepath.Base(n), "text": string(text)})
		b.Write(line)
		b.WriteByte('\n')
		if i == 3 {
			b.WriteString("{not json\n")
		}
	}
	return b.String()
}

// `chaff score --format jsonl -` reads JSONL on standard input and writes one
// line per input line, in order, the bad line as an error record; the N
// shards of --shard I/N together write every line once, each in input order.
func TestStdinJSONLAndShards(t *testing.T) {
	in := corpusJSONL(t)
	all := chaff(t, strings.NewReader(in), "score", "--format", "jsonl", "-")
	if all.code != exitError { // the bad line
		t.Fatalf("%v", all)
	}
	lines := strings.Split(strings.TrimSuffix(all.stdout, "\n"), "\n")
	if n := strings.Count(in, "\n"); len(lines) != n {
		t.Fatalf("%d output lines for %d input lines", len(lines), n)
	}
	if !strings.Contains(lines[4], `"id":"-:5"`) || !strings.Contains(lines[4], `"error":"-: line 5: invalid JSON`) {
		t.Errorf("line 5: %s", lines[4])
	}
	for _, n := range []int{1, 3, 4} {
		var union []string
		for i := 0; i < n; i++ {
			r := chaff(t, strings.NewReader(in), "score", "--format", "jsonl", "--workers", "2", "--shard", fmt.Sprintf("%d/%d", i, n), "-")
			got := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
			for k, l := range got {
				if want := lines[i+k*n]; l != want {
					t.Errorf("shard %d/%d line %d:\n%s\nwant\n%s", i, n, k, l, want)
				}
			}
			union = append(union, got...)
		}
		if len(union) != len(lines) {
			t.Errorf("%d shards wrote %d lines, want %d", n, len(union), len(lines))
		}
	}
}

func TestShardAndInputFormatUsage(t *testing.T) {
	for _, args := range [][]string{
		{"score", "--shard", "4/4", articles},
		{"score", "--shard", "x", articles},
		{"score", "--input-format", "pdf", "-"},
	} {
		r := chaff(t, nil, args...)
		if r.code != exitError || !strings.Contains(r.stderr, "see chaff score --help") {
			t.Errorf("%q: %v", args, r)
		}
	}
}

// The streaming mode streams: the first record is written before standard
// input is closed, and each as soon as its line has come.
func TestScoreStreamsJSONL(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	app := newApp(outW, io.Discard)
	app.Reader = inR
	done := make(chan int)
	go func() {
		done <- run(app, []string{"chaff", "score", "--format", "jsonl", "--workers", "4", "-"})
		outW.Close()
	}()
	lines := bufio.NewReader(outR)
	body, _ := os.ReadFile(council)
	for i := 0; i < 3; i++ {
		rec, _ := json.Marshal(map[string]string{"id": fmt.Sprint("doc", i), "text": string(body)})
		if _, err := inW.Write(append(rec, '\n')); err != nil {
			t.Fatal(err)
		}
		got := make(chan string)
		go func() {
			l, _ := lines.ReadString('\n')
			got <- l
		}()
		select {
		case l := <-got:
			if !strings.HasPrefix(l, fmt.Sprintf(`{"id":"doc%d"`, i)) {
				t.Fatalf("line %d: %q", i, l)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("record %d not written while standard input is open", i)
		}
	}
	inW.Close()
	if code := <-done; code != exitOK {
		t.Errorf("exit %d", code)
	}
}

// A gzipped JSONL corpus, a WARC and a WET file score like the texts they hold.
func TestScoreCompressedAndWARC(t *testing.T) {
	r := chaff(t, nil, "score", "--format", "jsonl", "testdata/crawl/articles.warc.gz", "testdata/crawl/articles.wet.gz")
	if r.code != exitOK {
		t.Fatalf("%v", r)
	}
	recs := jsonl(t, r.stdout)
	if len(recs) != 20 {
		t.Fatalf("%d records, want 20", len(recs))
	}
	plain := map[string]any{}
	for _, rec := range jsonl(t, chaff(t, nil, "score", "--format", "jsonl", articles).stdout) {
		plain["https://news.example/"+strings.TrimSuffix(filepath.Base(rec["path"].(string)), ".txt")] = rec["verdict"]
	}
	for _, rec := range recs {
		if v, ok := plain[rec["id"].(string)]; !ok || v != rec["verdict"] {
			t.Errorf("%s in %s: verdict %v, as a file %v", rec["id"], rec["path"], rec["verdict"], v)
		}
	}
}

// chaff bench generates a corpus from the bundled articles (the same for the
// same --docs), scores it and reports its measures.
func TestBench(t *testing.T) {
	dir := t.TempDir()
	var corpora []string
	for _, name := range []string{"a.jsonl", "b.jsonl"} {
		p := filepath.Join(dir, name)
		r := chaff(t, nil, "bench", "--docs", "25", "--workers", "2", "--write-corpus", p)
		if r.code != exitOK {
			t.Fatalf("%v", r)
		}
		for _, want := range []string{"documents     25 (0 could not be read)", "documents/s", "MB/s per core", "peak memory"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("output lacks %q:\n%s", want, r.stdout)
			}
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		corpora = append(corpora, string(b))
	}
	if corpora[0] != corpora[1] {
		t.Error("two corpora of the same size differ")
	}
	recs := jsonl(t, corpora[0])
	seen := map[string]bool{}
	for _, r := range recs {
		seen[r["text"].(string)] = true
	}
	if len(recs) != 25 || len(seen) != 25 {
		t.Errorf("%d records, %d different texts; want 25 and 25", len(recs), len(seen))
	}
	// no seed articles: an error naming the folder
	r := chaff(t, nil, "bench", "--seed", dir)
	if r.code != exitError || !strings.Contains(r.stderr, "no articles (*.txt, *.md) in "+dir) {
		t.Errorf("%v", r)
	}
	// given paths, it scores them
	r = chaff(t, nil, "bench", "--workers", "1", articles)
	if r.code != exitOK || !strings.Contains(r.stdout, "documents     10 (0 could not be read)") {
		t.Errorf("%v", r)
	}
}

// An empty partition (empty standard input) gives no line and exit 0.
func TestEmptyStdinNoRecords(t *testing.T) {
	r := chaff(t, strings.NewReader(""), "score", "--format", "jsonl", "-")
	if r.code != exitOK || r.stdout != "" {
		t.Errorf("%v", r)
	}
}
