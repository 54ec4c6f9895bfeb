package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/features/markup"
)

// labelled is one document of a training or evaluation set.
type labelled struct {
	ID     string
	Text   string
	Label  int // 1 machine, 0 person
	Group  string
	Fields map[string]any
}

// loadLabelled reads labelled JSONL files (a numeric or boolean label
// field, 1 = machine) and folders whose name says the label: a folder named
// machine, ai, generated, 1 or positive holds machine texts; human, person,
// 0 or negative holds person-written ones. Every file or line that cannot
// be read is an error: a training set with holes is not silently used.
func loadLabelled(paths []string, labelField string, jo input.JSONLOptions) ([]labelled, error) {
	jo.KeepFields = true // labels, groups and breakdowns
	var out []labelled
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if st.IsDir() {
			docs, err := loadLabelledDir(p)
			if err != nil {
				return nil, err
			}
			out = append(out, docs...)
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		err = input.ReadJSONL(f, jo, func(r input.Record) error {
			if r.Err != nil {
				return fmt.Errorf("%s: %v", p, r.Err)
			}
			lab, ok := labelOf(r.Fields[labelField])
			if !ok {
				return fmt.Errorf("%s: line %d: field %q must be 0 or 1", p, r.Line, labelField)
			}
			id := r.ID
			if id == "" {
				id = fmt.Sprintf("%s:%d", p, r.Line)
			}
			group, _ := r.Fields["group"].(string)
			if group == "" {
				group = id
			}
			out = append(out, labelled{ID: id, Text: r.Text, Label: lab, Group: group, Fields: r.Fields})
			return nil
		})
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no labelled documents in %s", strings.Join(paths, ", "))
	}
	return out, nil
}

func labelOf(v any) (int, bool) {
	switch x := v.(type) {
	case float64:
		if x == 0 || x == 1 {
			return int(x), true
		}
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

var folderLabels = map[string]int{
	"machine": 1, "ai": 1, "generated": 1, "1": 1, "positive": 1,
	"human": 0, "person": 0, "0": 0, "negative": 0,
}

func loadLabelledDir(root string) ([]labelled, error) {
	var out []labelled
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		lab, ok := folderLabels[strings.ToLower(filepath.Base(filepath.Dir(path)))]
		if !ok || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text, err := articleText(path, b)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, labelled{ID: path, Text: text, Label: lab, Group: path})
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%s: no files under a folder named machine/ai/1 or human/person/0", root)
	}
	return out, err
}

// articleText reads a labelled file as score reads it (its encoding, a
// Markdown file's markup blanked) but as text, which training and
// evaluation take their documents from: an HTML page is its main text, one
// block a paragraph, since the label is the article's, not the page's
// (its tags, scripts and menus read as words were what training learned).
func articleText(path string, b []byte) (string, error) {
	f := markup.FormatOf(path)
	text, _, err := input.DecodeAs(b, f, "")
	if err != nil {
		return "", err
	}
	switch f {
	case markup.Markdown:
		return string(markup.MarkdownText(text)), nil
	case markup.HTML:
		pg := markup.HTMLText(text)
		var blocks []string
		for _, l := range strings.Split(string(pg.Text), "\n") {
			if t := strings.TrimSpace(l); t != "" && (pg.Main == nil || pg.Main(t)) {
				blocks = append(blocks, t)
			}
		}
		return strings.Join(blocks, "\n\n"), nil
	}
	return string(text), nil
}

// parallel runs fn(i) for i in [0, n) on every core.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// pagePair is one page of a residue corpus: the article body as a person
// marked it, the whole visible text of the page, and the page's raw HTML
// when a record carries it (field html). A page read from an HTML file has
// only the HTML (file is set): it makes a pair with --page-lines only.
type pagePair struct {
	clean, residue, html string
	file                 bool
}

// lightPair builds a light-residue pair from a page's HTML: the main text as
// chaff's HTML reader finds it (go-trafilatura), one block a paragraph, and
// a copy with the k non-blank page lines right before and after it. That is
// the common case in the wild, a few widget lines around a clean article,
// where a whole page's text is the easy one. ok is false when the page has
// no main text or nothing around it.
func lightPair(html string, k int) (clean, residue string, ok bool) {
	pg := markup.HTMLText([]byte(html))
	if pg.Main == nil {
		return "", "", false
	}
	var lines []string
	for _, l := range strings.Split(string(pg.Text), "\n") {
		if t := strings.TrimSpace(l); t != "" {
			lines = append(lines, t)
		}
	}
	first, last := -1, -1
	for i, l := range lines {
		if pg.Main(l) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return "", "", false
	}
	var main []string
	for _, l := range lines[first : last+1] {
		if pg.Main(l) {
			main = append(main, l)
		}
	}
	before := lines[max(0, first-k):first]
	after := lines[last+1 : min(len(lines), last+1+k)]
	if len(before)+len(after) == 0 {
		return "", "", false
	}
	withResidue := append(append(append([]string{}, before...), main...), after...)
	return strings.Join(main, "\n\n"), strings.Join(withResidue, "\n\n"), true
}

// readPagePairs reads JSONL page records (fields group and class: clean or
// residue) into pairs by group, and .html files as pages of their own, each
// under its path.
func readPagePairs(paths []string) (map[string]*pagePair, error) {
	byGroup := map[string]*pagePair{}
	for _, path := range paths {
		if ext := strings.ToLower(filepath.Ext(path)); ext == ".html" || ext == ".htm" {
			b, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			byGroup[path] = &pagePair{html: string(b), file: true}
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		err = input.ReadJSONL(f, input.JSONLOptions{KeepFields: true}, func(r input.Record) error {
			if r.Err != nil {
				return fmt.Errorf("%s: %v", path, r.Err)
			}
			g, _ := r.Fields["group"].(string)
			p := byGroup[g]
			if p == nil {
				p = &pagePair{}
				byGroup[g] = p
			}
			switch r.Fields["class"] {
			case "clean":
				p.clean = r.Text
			case "residue":
				p.residue = r.Text
				if h, ok := r.Fields["html"].(string); ok {
					p.html = h
				}
			default:
				return fmt.Errorf("%s: line %d: class must be clean or residue", path, r.Line)
			}
			return nil
		})
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return byGroup, nil
}
