package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	goldenfile "github.com/chaff-dev/chaff/cmd/internal/golden"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The tests run from the repository root, so that paths in the output (and
// in the golden files) read testdata/articles/...
func TestMain(m *testing.M) {
	flag.Parse()
	if err := os.Chdir(filepath.Join("..", "..")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Unsetenv("CHAFF_MODEL")
	os.Exit(m.Run())
}

const (
	articles = "testdata/articles"
	leaked   = "testdata/articles/machine-leaked-prompt.txt"
	council  = "testdata/articles/human-council-budget.txt"
)

type result struct {
	stdout, stderr string
	code           int
}

// chaff runs the app in-process; stdin nil means an empty standard input.
func chaff(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	app := newApp(&out, &errb)
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	app.Reader = stdin
	code := run(app, append([]string{"chaff"}, args...))
	return result{out.String(), errb.String(), code}
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// jsonl decodes one JSON object per line.
func jsonl(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", "cli", name+".golden"), got, *update)
}

// TestExpectedVerdicts scores the example articles and checks every verdict
// against testdata/articles/EXPECTED.tsv.
func TestExpectedVerdicts(t *testing.T) {
	r := chaff(t, nil, "score", "--format", "jsonl", articles)
	if r.code != 0 {
		t.Fatal(r)
	}
	got := map[string]map[string]any{}
	for _, rec := range jsonl(t, r.stdout) {
		got[filepath.Base(rec["path"].(string))] = rec
	}
	b, err := os.ReadFile(filepath.Join(articles, "EXPECTED.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var summary []string
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if i == 0 {
			continue // header
		}
		cols := strings.Split(line, "\t")
		file, want := cols[0], cols[1]
		rec, ok := got[file]
		if !ok {
			t.Errorf("%s: not scored", file)
			continue
		}
		verdict := rec["verdict"].(string)
		ok = verdict == want || (want == "suspect-or-flagged" && (verdict == "suspect" || verdict == "flagged"))
		mark := "ok  "
		if !ok {
			mark = "FAIL"
			t.Errorf("%s: verdict %s (score %v), want %s", file, verdict, rec["score"], want)
		}
		summary = append(summary, fmt.Sprintf("%s %-30s %-8s %5v  want %s", mark, file, verdict, rec["score"], want))
	}
	t.Logf("verdicts:\n%s", strings.Join(summary, "\n"))
}

func TestScoreGolden(t *testing.T) {
	for _, f := range []string{"jsonl", "csv", "table"} {
		t.Run(f, func(t *testing.T) {
			r := chaff(t, nil, "score", "--format", f, leaked, council)
			if r.code != 0 || r.stderr != "" {
				t.Fatal(r)
			}
			golden(t, "score-"+f, r.stdout)
		})
	}
}

func TestScoreJSONIsOneArray(t *testing.T) {
	r := chaff(t, nil, "score", "--format", "json", council, leaked)
	var recs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &recs); err != nil || r.code != 0 {
		t.Fatalf("%v\n%s", err, r)
	}
	if len(recs) != 2 || recs[0]["path"] != council || recs[1]["path"] != leaked {
		t.Errorf("want both records in input order: %s", r)
	}
}

func TestMissingFile(t *testing.T) {
	missing := filepath.Join(articles, "no-such-article.txt")
	r := chaff(t, nil, "score", "--format", "jsonl", missing, council)
	if r.code != 2 {
		t.Fatalf("want exit 2: %s", r)
	}
	recs := jsonl(t, r.stdout)
	if len(recs) != 2 {
		t.Fatalf("want 2 records: %s", r)
	}
	wantErr := "open " + missing + ": no such file or directory"
	if recs[0]["error"] != wantErr || recs[0]["score"] != nil {
		t.Errorf("error record %v, want error %q", recs[0], wantErr)
	}
	if _, ok := recs[1]["score"].(float64); !ok || recs[1]["path"] != council {
		t.Errorf("the other file was not scored: %v", recs[1])
	}
	if !strings.Contains(r.stderr, wantErr) || !strings.Contains(r.stderr, "1 of 2 inputs could not be read") {
		t.Errorf("stderr does not name the file and reason:\n%s", r.stderr)
	}
	// The table shows it too, after the scored one: verdict error, the
	// reason in the reasons column.
	r = chaff(t, nil, "score", missing, council)
	if r.code != 2 || !regexp.MustCompile(`no-such-article.txt +│ +- │ error +│ - +│ `+regexp.QuoteMeta(wantErr)).MatchString(r.stdout) || !strings.Contains(r.stdout, "2 documents: ") || !strings.Contains(r.stdout, "1 error") {
		t.Errorf("table: %s", r)
	}
}

func TestFailAbove(t *testing.T) {
	r := chaff(t, nil, "score", "--fail-above", "0", council)
	if r.code != 1 || !strings.Contains(r.stderr, "--fail-above") {
		t.Errorf("--fail-above 0: %s", r)
	}
	if r := chaff(t, nil, "score", "--fail-above", "100.1", council); r.code != 0 {
		t.Errorf("--fail-above 100.1: %s", r)
	}
	// An input error wins over --fail-above.
	if r := chaff(t, nil, "score", "--fail-above", "0", council, "nope.txt"); r.code != 2 {
		t.Errorf("--fail-above with a missing file: %s", r)
	}
}

func TestJSONLCorpusBadLine(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "corpus.jsonl")
	body := `{"id":"a","text":"The council met on Tuesday."}` + "\n" +
		`{"id":"b","text":"unterminated` + "\n" +
		`{"text":"No id here, so the id is path:line."}` + "\n"
	if err := os.WriteFile(corpus, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	r := chaff(t, nil, "score", "--format", "jsonl", corpus)
	if r.code != 2 {
		t.Fatalf("want exit 2: %s", r)
	}
	recs := jsonl(t, r.stdout)
	if len(recs) != 3 {
		t.Fatalf("want 3 records: %s", r)
	}
	// both texts are shorter than the model's minimum: scored records, with
	// the verdict too-short and no score.
	if recs[0]["id"] != "a" || recs[0]["verdict"] != "too-short" {
		t.Errorf("record 1: %v", recs[0])
	}
	e, _ := recs[1]["error"].(string)
	if recs[1]["id"] != corpus+":2" || !strings.Contains(e, corpus+": line 2: invalid JSON") {
		t.Errorf("record 2: %v", recs[1])
	}
	if recs[2]["id"] != corpus+":3" || recs[2]["verdict"] != "too-short" {
		t.Errorf("record 3: %v", recs[2])
	}
	if !strings.Contains(r.stderr, "line 2") {
		t.Errorf("stderr: %s", r.stderr)
	}
}

func TestJSONLFields(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "crawl.jsonl")
	if err := os.WriteFile(corpus, []byte(`{"url":"https://x.test/1","body":"Certainly! Here is a rewritten version of your article."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := chaff(t, nil, "score", "--format", "jsonl", "--text-field", "body", "--id-field", "url", corpus)
	recs := jsonl(t, r.stdout)
	if r.code != 0 || len(recs) != 1 || recs[0]["id"] != "https://x.test/1" {
		t.Errorf("%s", r)
	}
}

func TestStdin(t *testing.T) {
	text, err := os.ReadFile(council)
	if err != nil {
		t.Fatal(err)
	}
	r := chaff(t, bytes.NewReader(text), "score", "--format", "jsonl")
	recs := jsonl(t, r.stdout)
	if r.code != 0 || len(recs) != 1 || recs[0]["id"] != "-" || recs[0]["path"] != "-" {
		t.Fatalf("%s", r)
	}
	file := jsonl(t, chaff(t, nil, "score", "--format", "jsonl", council).stdout)
	if recs[0]["score"] != file[0]["score"] {
		t.Errorf("stdin scored %v, the file %v", recs[0]["score"], file[0]["score"])
	}
	// "-" among other paths.
	r = chaff(t, strings.NewReader("hello"), "score", "--format", "csv", council, "-")
	if r.code != 0 || !strings.Contains(r.stdout, "\n-,-,") {
		t.Errorf("%s", r)
	}
}

func TestFolderWalk(t *testing.T) {
	r := chaff(t, nil, "score", "--format", "csv", "--sort", "input", "--exclude", "human-*", articles)
	if r.code != 0 {
		t.Fatal(r)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range rows[1:] {
		got = append(got, filepath.Base(row[1]))
	}
	want := []string{"disclosure-ai-assisted.txt", "machine-chatbot-leak.txt", "machine-leaked-prompt.txt", "machine-rewrite.txt", "residue-blog-repost.txt", "residue-news-page.txt"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if strings.Join(rows[0], ",") != "id,path,score,verdict,language,language_confidence,top_rules,error" {
		t.Errorf("header %v", rows[0])
	}
}

func TestTopAndSort(t *testing.T) {
	r := chaff(t, nil, "score", "--format", "jsonl", "--sort", "score", "--top", "2", articles)
	recs := jsonl(t, r.stdout)
	if r.code != 0 || len(recs) != 2 || recs[0]["score"].(float64) < recs[1]["score"].(float64) {
		t.Errorf("%s", r)
	}
}

// --min-words scores texts shorter than the model's minimum, and leaves
// the built-in model as it was for the next run.
func TestMinWords(t *testing.T) {
	short := "The council met on Tuesday evening and agreed the budget for next year. The mayor said the roads would come first, and the library would open on Sundays again from March."
	for _, c := range []struct {
		args    []string
		verdict string
		scored  bool
	}{
		{[]string{"score", "--format", "jsonl", "-"}, "too-short", false},
		{[]string{"score", "--format", "jsonl", "--min-words", "20", "-"}, "clean", true},
		{[]string{"score", "--format", "jsonl", "-"}, "too-short", false},
	} {
		r := chaff(t, strings.NewReader(short), c.args...)
		recs := jsonl(t, r.stdout)
		if r.code != 0 || len(recs) != 1 {
			t.Fatalf("%v: %s", c.args, r)
		}
		if recs[0]["verdict"] != c.verdict || (recs[0]["score"] != nil) != c.scored {
			t.Errorf("%v: verdict %v, score %v; want %s, scored %v", c.args, recs[0]["verdict"], recs[0]["score"], c.verdict, c.scored)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"score", "--format", "xml", council},
		{"score", "--sort", "name", council},
		{"score", "--top", "-1", council},
		{"score", "--min-words", "-1", council},
		{"score", "--no-such-flag", council},
		{"score", "--include", "[", articles},
		{"score", "--model", "testdata/no-such-model.json", council},
		{"--model", "testdata/no-such-model.json", "score", council},
		{"features", "--format", "table", council},
		{"rules", "--format", "csv"},
		{"no-such-command"},
	} {
		r := chaff(t, nil, args...)
		if r.code != 2 || r.stderr == "" {
			t.Errorf("%v: want exit 2 and a message: %s", args, r)
		}
	}
}

func TestModelFlag(t *testing.T) {
	m, err := model.Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "model.json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	want := chaff(t, nil, "score", "--format", "csv", council, leaked)
	for _, args := range [][]string{
		{"--model", p, "score", "--format", "csv", council, leaked},
		{"score", "--model", p, "--format", "csv", council, leaked},
	} {
		if r := chaff(t, nil, args...); r.code != 0 || r.stdout != want.stdout {
			t.Errorf("%v: %s\nwant:\n%s", args, r, want.stdout)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"version":99}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := chaff(t, nil, "score", "--model", bad, council); r.code != 2 || !strings.Contains(r.stderr, bad) {
		t.Errorf("bad model: %s", r)
	}
}

func TestFeatures(t *testing.T) {
	ids := features.IDs()
	r := chaff(t, nil, "features", council, "missing.txt")
	if r.code != 2 {
		t.Fatalf("want exit 2 for the missing file: %s", r)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := append(append([]string{"id"}, ids...), "error")
	if strings.Join(rows[0], ",") != strings.Join(wantHeader, ",") {
		t.Errorf("header %v, want %v", rows[0], wantHeader)
	}
	if len(rows) != 3 || rows[1][0] != council || rows[1][len(ids)+1] != "" || rows[2][0] != "missing.txt" || !strings.Contains(rows[2][len(ids)+1], "no such file") {
		t.Errorf("rows: %s", r)
	}

	r = chaff(t, nil, "features", "--format", "jsonl", council)
	recs := jsonl(t, r.stdout)
	if r.code != 0 || len(recs) != 1 {
		t.Fatal(r)
	}
	fs := recs[0]["features"].(map[string]any)
	var keys []string
	for k := range fs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if strings.Join(keys, ",") != strings.Join(ids, ",") || recs[0]["id"] != council {
		t.Errorf("features %v, want %v", keys, ids)
	}
	// The raw line of a JSONL record keeps the catalogue order.
	line := strings.SplitN(r.stdout, "\n", 2)[0]
	last := -1
	for _, id := range ids {
		i := strings.Index(line, `"`+id+`":`)
		if i < last {
			t.Errorf("%s out of catalogue order", id)
		}
		last = i
	}
}

func TestRules(t *testing.T) {
	r := chaff(t, nil, "rules")
	if r.code != 0 {
		t.Fatal(r)
	}
	for _, f := range features.Catalogue() {
		if !strings.Contains(r.stdout, f.ID) {
			t.Errorf("table lacks %s", f.ID)
		}
	}
	r = chaff(t, nil, "rules", "--format", "json")
	var rules []struct {
		ID, Category, Description string
		Hard                      bool
		Fires, Quiet              []string
	}
	if err := json.Unmarshal([]byte(r.stdout), &rules); err != nil || r.code != 0 {
		t.Fatalf("%v: %s", err, r)
	}
	cat := features.Catalogue()
	if len(rules) != len(cat) {
		t.Fatalf("%d rules, catalogue has %d", len(rules), len(cat))
	}
	for i, f := range cat {
		if rules[i].ID != f.ID || rules[i].Hard != f.Hard || len(rules[i].Fires) != len(f.Fires) || len(rules[i].Quiet) != len(f.Quiet) {
			t.Errorf("rule %d: %+v, want %s", i, rules[i], f.ID)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"score", "--help"}, {"features", "--help"}, {"rules", "--help"}, {}} {
		r := chaff(t, nil, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "chaff") {
			t.Errorf("%v: %s", args, r)
		}
	}
	r := chaff(t, nil, "score", "--help")
	for _, s := range []string{"Examples:", "*.txt", "--fail-above", "Exit codes"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("score help lacks %q", s)
		}
	}
}

func TestFlagsFirst(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	cases := []struct{ in, want string }{
		{"chaff score a.txt --format json", "chaff score --format json a.txt"},
		{"chaff score a.txt --fail-above=50 b.txt", "chaff score --fail-above=50 a.txt b.txt"},
		{"chaff --model m.json score a.txt --top 3", "chaff --model m.json score --top 3 a.txt"},
		{"chaff eval --pairs p.jsonl", "chaff eval --pairs p.jsonl"},
		{"chaff eval p.jsonl --pairs --by generator", "chaff eval --pairs --by generator p.jsonl"},
		{"chaff score - --format csv", "chaff score --format csv -"},
		{"chaff score --format csv -- --odd-name.txt", "chaff score --format csv -- --odd-name.txt"},
		{"chaff nosuch x --y", "chaff nosuch x --y"},
	}
	for _, c := range cases {
		got := strings.Join(flagsFirst(app, strings.Fields(c.in)), " ")
		if got != c.want {
			t.Errorf("flagsFirst(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The output of score does not depend on how many workers scored it.
func TestScoreSameForAnyWorkers(t *testing.T) {
	var first string
	for _, w := range []string{"1", "2", "8"} {
		r := chaff(t, nil, "score", "--format", "jsonl", "--workers", w, "testdata/articles", "testdata/check")
		if r.code != exitOK {
			t.Fatalf("workers %s: exit %d\n%s", w, r.code, r.stderr)
		}
		if first == "" {
			first = r.stdout
		} else if r.stdout != first {
			t.Errorf("--workers %s output differs from --workers 1", w)
		}
	}
}

// A teaser shorter than the model's minimum gets no score, in every format.
func TestScoreTooShort(t *testing.T) {
	teaser := "Council votes to close the quarry pond for the summer after two rescues.\n"
	r := chaff(t, strings.NewReader(teaser), "score", "--format", "jsonl", "-")
	if r.code != exitOK || !strings.Contains(r.stdout, `"score":null,"verdict":"too-short"`) {
		t.Errorf("jsonl: exit %d\n%s", r.code, r.stdout)
	}
	r = chaff(t, strings.NewReader(teaser), "score", "--format", "csv", "-")
	if !strings.Contains(r.stdout, ",,too-short,") {
		t.Errorf("csv: %s", r.stdout)
	}
	r = chaff(t, strings.NewReader(teaser), "score", "-")
	if !strings.Contains(r.stdout, "too-short") || !strings.Contains(r.stdout, "1 too short to score") {
		t.Errorf("table: %s", r.stdout)
	}
	r = chaff(t, strings.NewReader(teaser), "score", "--fail-above", "0", "-")
	if r.code != exitOK {
		t.Errorf("a text with no score cannot trip --fail-above: exit %d", r.code)
	}
}
