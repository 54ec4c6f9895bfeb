package main

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/model"
)

func TestBalanceWeights(t *testing.T) {
	doc := func(id, source string) labelled {
		return labelled{ID: id, Fields: map[string]any{"source": source}}
	}
	docs := []labelled{doc("a", "big"), doc("b", "big"), doc("c", "big"), doc("d", "big"), doc("e", "big"), doc("f", "small"), doc("g", "small")}
	for _, tc := range []struct {
		field   string
		want    []int
		wantErr string
	}{
		{"", []int{1, 1, 1, 1, 1, 1, 1}, ""},
		// 5 against 2: each small document counts round(5/2) = 3 times
		{"source", []int{1, 1, 1, 1, 1, 3, 3}, ""},
		{"domain", nil, `document a has no field "domain"`},
	} {
		got, err := balanceWeights(docs, tc.field)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("--balance %q: error %v, want %q", tc.field, err, tc.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("--balance %q: %v %v, want %v", tc.field, got, err, tc.want)
		}
	}
}

func TestFieldValues(t *testing.T) {
	docs := []labelled{{ID: "a", Fields: map[string]any{"source": "l2r"}}, {ID: "b", Fields: map[string]any{"source": 7.0}}}
	got, err := fieldValues(docs, "source")
	if err != nil || len(got) != 2 || got[0] != "l2r" || got[1] != "7" {
		t.Errorf("fieldValues = %q, %v", got, err)
	}
	if got, err := fieldValues(docs, ""); err != nil || got[0] != "" || got[1] != "" {
		t.Errorf("no field: %q, %v", got, err)
	}
	docs = append(docs, labelled{ID: "c", Fields: map[string]any{}})
	if _, err := fieldValues(docs, "source"); err == nil || !strings.Contains(err.Error(), `document c has no field "source"`) {
		t.Errorf("missing field: error %v", err)
	}
}

func TestProfileOf(t *testing.T) {
	doc := func(id string, label int, gen string) labelled {
		return labelled{ID: id, Label: label, Fields: map[string]any{"generator": gen}}
	}
	docs := []labelled{doc("a", 0, "human"), doc("b", 1, "gpt-4o"), doc("c", 1, "gpt2-xl"), doc("d", 1, "llama")}
	for _, tc := range []struct {
		flags   []string
		want    []string
		names   []string
		wantErr string
	}{
		{nil, []string{"", "", "", ""}, nil, ""},
		// person-written documents belong to no profile's machine side
		{[]string{"chat=generator:gpt-4o, llama"}, []string{"", "chat", "", "chat"}, []string{"chat"}, ""},
		// as the CLI passes it: split at commas
		{[]string{"chat=generator:gpt-4o", "llama", "old=generator:gpt2-xl"}, []string{"", "chat", "old", "chat"}, []string{"chat", "old"}, ""},
		{[]string{"chat=generator:gpt-4o", "old=generator:gpt2-xl"}, []string{"", "chat", "old", ""}, []string{"chat", "old"}, ""},
		{[]string{"chat"}, nil, nil, "want NAME=FIELD:VALUE"},
		{[]string{"chat=generator"}, nil, nil, "want NAME=FIELD:VALUE"},
		{[]string{"=generator:x"}, nil, nil, "want NAME=FIELD:VALUE"},
		{[]string{"chat=generator:gpt-5"}, nil, nil, `"chat": no machine-written document has generator in gpt-5`},
		{[]string{"chat=generator:human"}, nil, nil, "no machine-written document"},
		{[]string{"chat=model:gpt-4o"}, nil, nil, `document a has no field "model"`},
		{[]string{"a=generator:gpt-4o", "b=generator:gpt-4o"}, nil, nil, `document b is in profiles "a" and "b"`},
		{[]string{"a=generator:gpt-4o", "a=generator:llama"}, nil, nil, `profile "a" given twice`},
	} {
		specs, got, err := profileOf(docs, tc.flags)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: error %v, want %q", tc.flags, err, tc.wantErr)
			}
			continue
		}
		var names []string
		for _, s := range specs {
			names = append(names, s.Name)
		}
		if err != nil || !slices.Equal(got, tc.want) || !slices.Equal(names, tc.names) {
			t.Errorf("%q: %q %q %v, want %q %q", tc.flags, got, names, err, tc.want, tc.names)
		}
	}
}

// TestTrainCommandWithProfile trains a model with a profile end to end on
// a small labelled corpus written here, then scores with it; a profile
// that takes no document is refused before any training.
func TestTrainCommandWithProfile(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	person := []string{
		"The council voted %d to %d on Tuesday to close the library.",
		"\"We lost %d sheep in the storm,\" said the farmer.",
		"Police said a %d-year-old man was arrested at 11pm.",
		"Tickets cost £%d and the show starts at 7.30pm.",
		"Repairs will cost about £%d,000, the report said.",
		"The bus route, which carried %d passengers a day, ends in March.",
	}
	chat := []string{
		"Moreover, this underscores the pivotal importance of fostering innovation, with %d new projects.",
		"Furthermore, it is crucial to recognize the transformative potential of the %d initiatives.",
		"Ultimately, embracing change is key to achieving sustainable growth for %d communities.",
		"This comprehensive approach plays a vital role in shaping a brighter future for %d families.",
	}
	old := []string{
		"and then the man went to the shop and the man said %d times that the shop was the shop.",
		"the people of the town said that the town was a town of %d people in the town.",
	}
	text := func(from []string) string {
		var b strings.Builder
		for range 12 {
			fmt.Fprintf(&b, from[rng.Intn(len(from))]+" ", rng.Intn(90)+2)
		}
		return b.String()
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "train.jsonl")
	var lines []string
	for i := range 60 {
		rec := map[string]any{"id": fmt.Sprint(i), "group": fmt.Sprint(i), "label": 0, "generator": "human", "text": text(person)}
		switch i % 4 {
		case 1:
			rec["label"], rec["generator"], rec["text"] = 1, "chat-model", text(chat)
		case 3:
			rec["label"], rec["generator"], rec["text"] = 1, "old-model", text(old)
		}
		b, _ := json.Marshal(rec)
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(data, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "m.json")
	r := chaff(t, nil, "train", "-o", out, "--folds", "3", "--profile", "chat=generator:chat-model,none", data)
	if r.code != 0 || !strings.Contains(r.stdout, "profile chat (machine texts: generator in chat-model,none)") {
		t.Fatalf("train: %v", r)
	}
	m, err := model.Load(out)
	if err != nil || len(m.Profiles) != 1 || m.Profiles[0].Name != "chat" {
		t.Fatalf("model %v: %+v", err, m)
	}
	if r := chaff(t, nil, "score", "--model", out, "--format", "jsonl", council); r.code != 0 {
		t.Errorf("score with the trained model: %v", r)
	}

	r = chaff(t, nil, "train", "-o", filepath.Join(dir, "bad.json"), "--profile", "chat=generator:gpt-5", data)
	if r.code != 2 || !strings.Contains(r.stderr, `--profile "chat": no machine-written document has generator in gpt-5`) {
		t.Errorf("profile without documents: %v", r)
	}

	// a dev set without person-written texts sets no thresholds: an
	// error that says so, not a model file that cannot be written
	machineOnly := filepath.Join(dir, "dev.jsonl")
	var ml []string
	for _, l := range lines {
		if strings.Contains(l, `"label":1`) {
			ml = append(ml, l)
		}
	}
	os.WriteFile(machineOnly, []byte(strings.Join(ml, "\n")+"\n"), 0o644)
	r = chaff(t, nil, "train", "-o", filepath.Join(dir, "dev.json"), "--folds", "3", "--dev", machineOnly, data)
	if r.code != 2 || !strings.Contains(r.stderr, "no person-written texts") {
		t.Errorf("--dev without person-written texts: %v", r)
	}
}

// Labelled folders are read as score reads their files: an HTML page as its
// main text (no tags, scripts or menu), Markdown without its markup, a
// Latin-1 file in its encoding.
func TestLabelledFoldersReadByFormat(t *testing.T) {
	root := t.TempDir()
	article := "The council approved the new harbour wall on Tuesday after a long debate about its cost, " +
		"which residents have wanted for years. Work starts in the spring and takes a year."
	files := map[string]string{
		"human/page.html": "<html><head><script>var tracker = \"analytics\";</script></head><body>" +
			"<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Harbour wall</h1><p>" + article + "</p></article></body></html>",
		"machine/post.md": "# Harbour wall\n\n**" + article + "** See [the plan](https://example.com/plan).\n",
		"human/old.txt":   "The caf\xe9 reopened on Tuesday.",
	}
	for name, body := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := loadLabelled([]string{root}, "label", input.JSONLOptions{})
	if err != nil || len(docs) != 3 {
		t.Fatalf("%d documents, %v", len(docs), err)
	}
	for _, d := range docs {
		switch filepath.Base(d.ID) {
		case "page.html":
			if !strings.Contains(d.Text, "The council approved") || strings.ContainsAny(d.Text, "<>") || strings.Contains(d.Text, "analytics") {
				t.Errorf("page.html read as %q, want its article's text alone", d.Text)
			}
		case "post.md":
			if !strings.Contains(d.Text, "The council approved") || strings.Contains(d.Text, "**") || strings.Contains(d.Text, "https://") {
				t.Errorf("post.md read as %q, want its text without markup", d.Text)
			}
		case "old.txt":
			if d.Text != "The café reopened on Tuesday." {
				t.Errorf("old.txt read as %q", d.Text)
			}
		}
	}
}
