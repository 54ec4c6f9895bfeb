package report

import (
	"bytes"
	"encoding/json"
	"flag"
	goldenfile "github.com/chaff-dev/chaff/cmd/internal/golden"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/model"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const goldenDir = "../../testdata/golden/report"

// records are built by hand: two scored documents (one from a JSONL corpus
// with an id of its own) and one that could not be read, in input order.
func records() []Record {
	cats := func(kv ...float64) map[features.Category]float64 {
		m := map[features.Category]float64{}
		for i, c := range features.Categories {
			m[c] = kv[i]
		}
		return m
	}
	return []Record{
		{
			ID: "articles/human.txt", Path: "articles/human.txt",
			Explanation: &model.Explanation{
				Score: 3.14159, Verdict: model.Clean,
				Categories: cats(-0.4, 0, 0, 0.12345, 0, 0, -1.0004),
				Findings: []features.Finding{
					{Rule: "residue.nav-menu", Category: features.Residue, Line: 1, Column: 1, Match: "Home | News", Weight: 0.12345},
					{Rule: "template.human-phrases", Category: features.Template, Line: 4, Column: 17, Match: "I reckon", Weight: -0.4},
				},
			},
		},
		{ID: "missing.txt", Path: "missing.txt", Error: "open missing.txt: no such file or directory"},
		{
			ID: "post-7", Path: "corpus.jsonl",
			Explanation: &model.Explanation{
				Score: 96.27, Verdict: model.Flagged, Hard: true,
				Categories: cats(1.5, 2.944, 0.25, 0.3, 0, 0, 0.1),
				Findings: []features.Finding{
					{Rule: "leak.chatbot-opener", Category: features.Leak, Line: 1, Column: 1, Match: "Certainly! Here is", Weight: 2.9444},
					{Rule: "template.llm-phrases", Category: features.Template, Line: 3, Column: 5, Match: "delve into", Weight: 0.75},
					{Rule: "residue.comment-counter", Category: features.Residue, Line: 3, Column: 40, Match: "<b>0 comments</b>", Weight: 0.3},
					{Rule: "template.llm-phrases", Category: features.Template, Line: 9, Column: 1, Match: "a testament to", Weight: 0.75},
					{Rule: "structure.closing", Category: features.Structure, Line: 12, Column: 1, Match: "In conclusion,", Weight: 0.25},
				},
			},
		},
	}
}

func render(t *testing.T, format string, o Options) string {
	t.Helper()
	var b bytes.Buffer
	r, err := New(format, &b, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range records() {
		if err := r.Add(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join(goldenDir, name+".golden"), got, *update)
}

func TestGolden(t *testing.T) {
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) { golden(t, f, render(t, f, Options{})) })
	}
}

func TestJSONShape(t *testing.T) {
	var recs []map[string]any
	if err := json.Unmarshal([]byte(render(t, "json", Options{})), &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("got %d records", len(recs))
	}
	errRec := recs[1]
	if errRec["score"] != nil || errRec["error"] == nil {
		t.Errorf("error record: %v", errRec)
	}
	if _, ok := errRec["verdict"]; ok {
		t.Errorf("error record has a verdict: %v", errRec)
	}
	if _, ok := recs[0]["error"]; ok {
		t.Errorf("scored record has an error: %v", recs[0])
	}
	if recs[0]["score"] != 3.1 || recs[2]["score"] != 96.3 {
		t.Errorf("scores %v %v, want 3.1 and 96.3 (one decimal)", recs[0]["score"], recs[2]["score"])
	}
	f := recs[2]["findings"].([]any)[0].(map[string]any)
	if f["weight"] != 2.944 || f["line"] != 1.0 || f["rule"] != "leak.chatbot-opener" {
		t.Errorf("finding %v", f)
	}
	line := strings.SplitN(render(t, "jsonl", Options{}), "\n", 2)[0]
	for _, key := range []string{`{"id":`, `,"path":`, `,"score":`, `,"verdict":`, `,"categories":`, `,"findings":`} {
		if !strings.Contains(line, key) {
			t.Errorf("jsonl line lacks %s: %s", key, line)
		}
	}
	if i, j := strings.Index(line, `"score"`), strings.Index(line, `"findings"`); i > j {
		t.Errorf("keys out of order: %s", line)
	}
}

func TestSortAndTop(t *testing.T) {
	ids := func(s string) []string {
		var out []string
		for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatal(err)
			}
			out = append(out, m["id"].(string))
		}
		return out
	}
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{}, "articles/human.txt missing.txt post-7"},
		{Options{Sort: "score"}, "post-7 articles/human.txt missing.txt"},
		{Options{Sort: "score", Top: 1}, "post-7 missing.txt"},
		{Options{Top: 1}, "articles/human.txt missing.txt"},
	} {
		if got := strings.Join(ids(render(t, "jsonl", c.o)), " "); got != c.want {
			t.Errorf("%+v: got %s, want %s", c.o, got, c.want)
		}
	}
	tab := render(t, "table", Options{Sort: "input"})
	if strings.Index(tab, "articles/human.txt") > strings.Index(tab, "corpus.jsonl#post-7") {
		t.Errorf("input order not kept:\n%s", tab)
	}
	if !strings.Contains(render(t, "table", Options{Top: 1}), "(top 1 shown)") {
		t.Error("table does not say it was cut")
	}
}

func TestBadOptions(t *testing.T) {
	for _, c := range []struct {
		format string
		o      Options
	}{{"xml", Options{}}, {"table", Options{Sort: "name"}}, {"csv", Options{Top: -1}}} {
		if _, err := New(c.format, &bytes.Buffer{}, c.o); err == nil {
			t.Errorf("%s %+v accepted", c.format, c.o)
		}
	}
}

func TestEmpty(t *testing.T) {
	for f, want := range map[string]string{
		"json":  "[]\n",
		"jsonl": "",
		"csv":   "id,path,score,verdict,language,language_confidence,top_rules,error\n",
		"table": "0 documents: 0 flagged, 0 suspect, 0 clean, 0 errors\n",
	} {
		var b bytes.Buffer
		r, _ := New(f, &b, Options{})
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s: got %q want %q", f, b.String(), want)
		}
	}
}

func TestTopRules(t *testing.T) {
	e := records()[2].Explanation
	got := strings.Join(topRules(e, 3), ",")
	if want := "leak.chatbot-opener,template.llm-phrases,residue.comment-counter"; got != want {
		t.Errorf("got %s want %s", got, want)
	}
	if got := topRules(records()[0].Explanation, 3); len(got) != 1 || got[0] != "residue.nav-menu" {
		t.Errorf("negative weights count as reasons: %v", got)
	}
}

func TestVectors(t *testing.T) {
	ids := []string{"a.x", "b.y"}
	for format, want := range map[string]string{
		"csv":   "id,a.x,b.y,error\ndoc,0.5,0,\nbad,,,open bad: no such file\n",
		"jsonl": `{"id":"doc","features":{"a.x":0.5,"b.y":0}}` + "\n" + `{"id":"bad","error":"open bad: no such file"}` + "\n",
	} {
		var b bytes.Buffer
		v, err := NewVectors(format, &b, ids)
		if err != nil {
			t.Fatal(err)
		}
		if err := v.Add(Vector{ID: "doc", Values: []float64{0.5, 0}}); err != nil {
			t.Fatal(err)
		}
		if err := v.Add(Vector{ID: "bad", Error: "open bad: no such file"}); err != nil {
			t.Fatal(err)
		}
		if err := v.Close(); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s: got\n%s\nwant\n%s", format, b.String(), want)
		}
	}
}

func TestRules(t *testing.T) {
	cat := []*features.Feature{
		{ID: "leak.x", Category: features.Leak, Hard: true, Description: "a leak", Fires: []string{"As an AI"}, Quiet: []string{"hello"}},
		{ID: "style.y", Category: features.Style, Description: "a statistic"},
	}
	var b bytes.Buffer
	if err := WriteRules(&b, "json", cat); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(got) != 2 || got[0]["hard"] != true || got[0]["fires"].([]any)[0] != "As an AI" {
		t.Errorf("got %v", got)
	}
	b.Reset()
	if err := WriteRules(&b, "table", cat); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"ID", "CATEGORY", "EFFECT", "DESCRIPTION", "leak.x", "flags", "weight", "a statistic", "2 rules, 1 hard"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, b.String())
		}
	}
}

// The PATH/ID column names each record once: a record whose id already
// holds its path (a JSONL line, a WARC record without a target URI) reads
// as that id.
func TestLabel(t *testing.T) {
	for _, c := range []struct {
		name, id, path, want string
	}{
		{"file", "a/b.txt", "a/b.txt", "a/b.txt"},
		{"no id", "", "a/b.txt", "a/b.txt"},
		{"standard input", "-", "-", "-"},
		{"JSONL line", "c.jsonl:3", "c.jsonl", "c.jsonl:3"},
		{"JSONL id of its own", "post-7", "c.jsonl", "c.jsonl#post-7"},
		{"WARC target URI", "https://example.com/a", "x.warc.gz", "x.warc.gz#https://example.com/a"},
		{"WARC record number", "x.wet#1", "x.wet", "x.wet#1"},
		{"WARC record number from standard input", "-#2", "-", "-#2"},
		{"another file's record", "y.wet#1", "x.wet", "x.wet#y.wet#1"},
		{"no path", "post-7", "", "post-7"},
	} {
		if got := label(Record{ID: c.id, Path: c.path}); got != c.want {
			t.Errorf("%s: id %q, path %q: %q, want %q", c.name, c.id, c.path, got, c.want)
		}
	}
}
