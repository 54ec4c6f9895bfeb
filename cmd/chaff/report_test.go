package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chaff-dev/chaff/cmd/internal/browser"
	goldenfile "github.com/chaff-dev/chaff/cmd/internal/golden"
	"github.com/chromedp/chromedp"
)

// reportInputs are the documents of the report tests: the example
// articles, the check examples, and texts made to attack the page
// (testdata/report: <script>, onerror= and friends in a text file, an HTML
// page and a JSONL corpus's ids).
var reportInputs = []string{articles, "testdata/check", "testdata/report"}

// TestReportCommand: chaff report writes the file it is told to, score
// --format html writes the same page, and every input is in it.
func TestReportCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.html")
	r := chaff(t, nil, append([]string{"report", "-o", out}, reportInputs...)...)
	if r.code != 0 || !strings.Contains(r.stderr, "wrote "+out) {
		t.Fatal(r)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s := chaff(t, nil, append([]string{"score", "--format", "html"}, reportInputs...)...)
	if s.code != 0 {
		t.Fatal(s)
	}
	if s.stdout != string(page) {
		t.Error("chaff score --format html and chaff report wrote different pages")
	}
	goldenfile.Check(t, filepath.Join("testdata", "golden", "html", "report.golden"), s.stdout, *update)
	for _, rec := range jsonl(t, chaff(t, nil, append([]string{"score", "--format", "jsonl"}, reportInputs...)...).stdout) {
		if p := rec["path"].(string); !strings.Contains(s.stdout, p) {
			t.Errorf("%s is not in the report", p)
		}
	}
	// an unwritable -o is a usage error naming the file, and leaves nothing
	bad := filepath.Join(t.TempDir(), "missing", "r.html")
	if r := chaff(t, nil, "report", "-o", bad, articles); r.code != exitError || !strings.Contains(r.stderr, bad) {
		t.Errorf("unwritable -o: %v", r)
	}
	// a run that fails (a bad glob) leaves no file and no temporary file
	dir := t.TempDir()
	if r := chaff(t, nil, "report", "-o", filepath.Join(dir, "r.html"), "--include", "[", articles); r.code != exitError {
		t.Errorf("bad glob: %v", r)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("a failed report left %v behind", left)
	}
}

// TestReportInBrowser opens the report of the test documents in headless
// Chromium and checks it works as a person uses it: no console error, a
// highlight for every finding of the JSON output, sorting and filtering by
// clicking, search, the document views, the tooltips; and that none of the
// hostile texts runs anything. With -update it also rewrites the README's
// screenshots under testdata/docs.
func TestReportInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: not with -short")
	}
	b := browser.Start(t)
	out := filepath.Join(t.TempDir(), "report.html")
	if r := chaff(t, nil, append([]string{"report", "-o", out}, reportInputs...)...); r.code != 0 {
		t.Fatal(r)
	}
	recs := jsonl(t, chaff(t, nil, append([]string{"score", "--format", "jsonl"}, reportInputs...)...).stdout)

	ctx, cancel := context.WithTimeout(b.Ctx, 90*time.Second)
	defer cancel()
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(js string, v any) {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		if err := json.Unmarshal(raw, v); err != nil {
			t.Fatalf("%s: %s: %v", js, raw, err)
		}
	}
	run("open the report", chromedp.Navigate("file://"+out), chromedp.WaitReady(chromedp.CSS("html[data-ready]")))

	// a highlight for every finding, in every document's view
	total := 0
	var perDoc []int
	for _, rec := range recs {
		n := len(rec["findings"].([]any))
		perDoc = append(perDoc, n)
		total += n
	}
	var marks []int
	eval(`Array.from({length: `+fmt.Sprint(len(recs))+`}, (_, i) => { const d = document.getElementById('d' + (i + 1)); return d ? d.querySelectorAll('mark.f').length : -1 })`, &marks)
	var all int
	eval(`document.querySelectorAll('mark.f').length`, &all)
	if all != total {
		t.Errorf("%d highlights in the DOM, %d findings in the JSON output", all, total)
	}
	for i, n := range perDoc {
		if marks[i] != n {
			t.Errorf("%s: %d highlights, %d findings", recs[i]["id"], marks[i], n)
		}
	}

	// nothing from the documents ran or became markup
	var hostile struct {
		Pwned    bool     `json:"pwned"`
		Title    string   `json:"title"`
		Scripts  int      `json:"scripts"`
		Handlers []string `json:"handlers"`
		Tags     []string `json:"tags"`
		Shown    bool     `json:"shown"`
		Body     bool     `json:"body"`
	}
	eval(`({
		pwned: window.chaffPwned !== undefined,
		title: document.title,
		scripts: document.scripts.length,
		handlers: Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes).filter(a => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map(a => e.tagName + ' ' + a.name)),
		tags: Array.from(document.querySelectorAll('img, iframe, object, embed, svg:not(.hist), a[href^="javascript"], base, form, pre.text :not(mark.f), .dochead h2 *, .docid *, td.m *')).map(e => e.outerHTML.slice(0, 80)),
		shown: Array.from(document.querySelectorAll('pre.text')).some(p => p.textContent.includes('<script>window.chaffPwned = (window.chaffPwned || 0) + 1;')) &&
			Array.from(document.querySelectorAll('pre.text')).some(p => p.textContent.includes('<img src=x onerror="window.chaffPwned=1">')),
		body: document.body.innerHTML !== 'pwned'
	})`, &hostile)
	if hostile.Pwned || hostile.Title != "chaff report" || hostile.Scripts != 2 || len(hostile.Handlers) > 0 || len(hostile.Tags) > 0 || !hostile.Body {
		t.Errorf("a hostile document changed the page: %+v", hostile)
	}
	if !hostile.Shown {
		t.Error("the hostile text is not shown as text")
	}

	// sorting by clicking the column headers
	scores := func() []float64 {
		var s []float64
		eval(`Array.from(document.querySelectorAll('#rows td.score')).map(td => td.textContent === '\u2013' ? -1 : +td.textContent)`, &s)
		return s
	}
	run("sort by score", chromedp.Click(chromedp.CSS(`th[data-sort="score"] button`)))
	if s := scores(); len(s) != len(recs) || !sort.SliceIsSorted(s, func(i, j int) bool { return s[i] > s[j] }) {
		t.Errorf("after one click on score: %v, want %d scores, highest first", s, len(recs))
	}
	run("sort by score again", chromedp.Click(chromedp.CSS(`th[data-sort="score"] button`)))
	if s := scores(); !sort.Float64sAreSorted(s) {
		t.Errorf("after two clicks on score: %v, want lowest first", s)
	}
	var paths []string
	run("sort by path", chromedp.Click(chromedp.CSS(`th[data-sort="path"] button`)))
	eval(`Array.from(document.querySelectorAll('#rows td.path > :first-child')).map(a => a.textContent.toLowerCase())`, &paths)
	if !sort.StringsAreSorted(paths) {
		t.Errorf("sorted by path: %v", paths)
	}

	// filtering by clicking a verdict, then a rule, then searching
	rowIDs := func() []string {
		var ids []string
		eval(`Array.from(document.querySelectorAll('#rows tr')).map(tr => tr.children[0].textContent)`, &ids)
		sort.Strings(ids)
		return ids
	}
	want := func(keep func(rec map[string]any) bool) []string {
		var ids []string
		for i, rec := range recs {
			if keep(rec) {
				ids = append(ids, fmt.Sprint(i+1))
			}
		}
		sort.Strings(ids)
		return ids
	}
	run("filter clean", chromedp.Click(chromedp.CSS(`#summary button[data-verdict="clean"]`)))
	if got, w := rowIDs(), want(func(r map[string]any) bool { return r["verdict"] == "clean" }); strings.Join(got, ",") != strings.Join(w, ",") || len(w) == 0 {
		t.Errorf("clicking clean shows rows %v, want %v", got, w)
	}
	const rule = "residue.share"
	run("filter by rule", chromedp.Click(chromedp.CSS("#f-clear")), chromedp.Click(chromedp.CSS(`#summary button[data-rule="`+rule+`"]`)))
	hasRule := func(r map[string]any) bool {
		for _, f := range r["findings"].([]any) {
			if f.(map[string]any)["rule"] == rule {
				return true
			}
		}
		return false
	}
	if got, w := rowIDs(), want(hasRule); strings.Join(got, ",") != strings.Join(w, ",") || len(w) == 0 {
		t.Errorf("clicking %s shows rows %v, want %v", rule, got, w)
	}
	run("search", chromedp.Click(chromedp.CSS("#f-clear")), chromedp.SendKeys(chromedp.CSS("#f-search"), "hostile"))
	if got, w := rowIDs(), want(func(r map[string]any) bool { return strings.Contains(r["path"].(string), "hostile") }); strings.Join(got, ",") != strings.Join(w, ",") {
		t.Errorf("searching hostile shows rows %v, want %v", got, w)
	}

	// a document's view, its tooltip, and the way back
	var state struct {
		Main, Doc bool
		Tip       string
	}
	run("open a view", chromedp.Click(chromedp.CSS("#f-clear")), chromedp.Click(chromedp.CSS(`#rows a[href="#d1"]`)), chromedp.WaitVisible(chromedp.CSS("#d1")))
	run("focus a highlight", chromedp.Focus(chromedp.CSS("#d1 mark.f")))
	// focusing scrolls the highlight into view, and the scroll event may come
	// after the focus (it did on a loaded machine): the tooltip must survive it
	run("scroll after the focus", chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new Event('scroll'))`))
	eval(`({main: getComputedStyle(document.getElementById('main')).display !== 'none', doc: document.getElementById('d1').classList.contains('on'), tip: document.getElementById('tip').hidden ? '' : document.getElementById('tip').textContent})`, &state)
	firstRule := recs[0]["findings"].([]any)[0].(map[string]any)["rule"].(string)
	if state.Main || !state.Doc || !strings.Contains(state.Tip, firstRule) || !strings.Contains(state.Tip, "weight") {
		t.Errorf("view of d1: %+v, want the view alone and a tooltip naming %s and its weight", state, firstRule)
	}
	run("back to the table", chromedp.Click(chromedp.CSS(`#d1 .back a`)), chromedp.WaitVisible(chromedp.CSS("#main")))

	// on a phone's width nothing runs off the side of the page
	run("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	for _, hash := range []string{"#docs", "#d6", "#d12"} {
		var wide int
		run("go to "+hash, chromedp.Evaluate[chromedp.Void](`location.hash = '`+hash+`'`))
		eval(`document.documentElement.scrollWidth`, &wide)
		if wide > 390 {
			t.Errorf("%s on a 390-pixel screen is %d pixels wide", hash, wide)
		}
	}
	run("laptop", chromedp.EmulateViewport(1280, 1000))
	if *update {
		run("top", chromedp.Evaluate[chromedp.Void](`location.hash = ''; window.scrollTo(0, 0)`))
		screenshot(t, ctx, "testdata/docs/report.png", 1100, 820)
		run("a view", chromedp.Evaluate[chromedp.Void](`location.hash = '#d6'`), chromedp.WaitVisible(chromedp.CSS("#d6")),
			chromedp.Focus(chromedp.CSS(`#d6 mark.f[data-r]:nth-of-type(2)`)))
		screenshot(t, ctx, "testdata/docs/report-view.png", 1100, 820)
	}
	if errs := b.Errors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// screenshot saves the tab at w×h pixels as a PNG (the README's pictures).
func screenshot(t *testing.T, ctx context.Context, path string, w, h int64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h)); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
