package pipeline

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

func TestMain(m *testing.M) {
	ptest.MainWithDefault(m, "prism")
}

// The pipeline, run end to end on Beam's local runner (prism), scores the
// repository's testdata (articles, Markdown and HTML pages, a WARC and a WET
// file, and a JSONL corpus with a bad line) and writes exactly the records
// chaff score --format jsonl writes for the same files, each once, every
// shard sorted by input path and position.
func TestPipelineMatchesCLI(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	corpus := filepath.Join(tmp, "corpus.jsonl")
	if err := os.WriteFile(corpus, []byte(`{"id":"one","text":"The council met on Tuesday and voted on the budget for the schools."}`+"\n{broken\n"+`{"text":"No id here."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	globs := []string{
		filepath.Join(root, "testdata", "articles", "*.txt"),
		filepath.Join(root, "testdata", "check", "*.*"),
		filepath.Join(root, "testdata", "crawl", "*.gz"),
		corpus,
	}
	var files []string
	for _, g := range globs {
		m, err := filepath.Glob(g)
		if err != nil || len(m) == 0 {
			t.Fatalf("%s: %v", g, err)
		}
		files = append(files, m...)
	}

	// the CLI, built from this repository
	bin := filepath.Join(tmp, "chaff")
	build := exec.Command("go", "build", "-o", bin, "./cmd/chaff")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build chaff: %v\n%s", err, out)
	}
	var cliOut bytes.Buffer
	cli := exec.Command(bin, append([]string{"score", "--format", "jsonl", "--quiet"}, files...)...)
	cli.Stdout = &cliOut
	if err := cli.Run(); err != nil && cli.ProcessState.ExitCode() != 2 { // 2: the bad line
		t.Fatalf("chaff score: %v", err)
	}
	want := strings.Split(strings.TrimSuffix(cliOut.String(), "\n"), "\n")

	const shards = 3
	out := filepath.Join(tmp, "out", "scores")
	os.MkdirAll(filepath.Dir(out), 0o755)
	p, err := New(Config{Input: globs, Output: out, Shards: shards})
	if err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	var got []string
	for i := 0; i < shards; i++ {
		b, err := os.ReadFile(ShardName(out, i, shards))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		if !sort.SliceIsSorted(lines, func(a, b int) bool { return pathOf(lines[a]) < pathOf(lines[b]) }) {
			t.Errorf("shard %d not sorted by path", i)
		}
		got = append(got, lines...)
	}
	sort.Strings(got)
	sort.Strings(want)
	if len(got) != len(want) {
		t.Errorf("pipeline wrote %d records, chaff score %d", len(got), len(want))
	}
	for i := 0; i < min(len(got), len(want)); i++ {
		if got[i] != want[i] {
			t.Errorf("record %d:\npipeline: %.300s\nchaff:    %.300s", i, got[i], want[i])
		}
	}
	if len(want) < 30 {
		t.Errorf("only %d records: the test data went missing", len(want))
	}
}

// pathOf is a record's path field.
func pathOf(line string) string {
	_, rest, _ := strings.Cut(line, `"path":"`)
	p, _, _ := strings.Cut(rest, `"`)
	return p
}
