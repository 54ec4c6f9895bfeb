package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand"
	"sort"
	"strings"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/cmd/internal/perturb"
	"github.com/chaff-dev/chaff/cmd/plot"
	"github.com/chaff-dev/chaff/cmd/report"
	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/model"
	"github.com/urfave/cli/v2"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "measure a model on labelled articles: AUROC, catch rate at 1% and 5% false positives, confusion",
		ArgsUsage: "LABELLED.jsonl|FOLDER...",
		Description: `Scores labelled documents (label 1 = machine, 0 = person) and prints:
AUROC; the share of machine articles caught when the threshold lets through 1% and 5%
of this set's person-written articles; precision, recall, F1 and false-positive rate
at the model's own flagged threshold; and the confusion of classes against verdicts.

   chaff eval ../shared/corpus/generated/dev.jsonl
   chaff eval --by generator ../shared/corpus/generated/dev.jsonl
   chaff eval --match-length ../shared/corpus/generated/dev.jsonl   (person texts cut to machine lengths)
   chaff eval --perturb homoglyph ../shared/corpus/generated/dev.jsonl   (machine texts disguised: ` + perturbKinds + `)
   chaff eval --pairs ../shared/corpus/residue/pages.jsonl          (residue copy vs its clean page)
   chaff eval --pairs --page-lines 3 --all-pages ../shared/corpus/residue/pages.jsonl
                                       (light residue: the page's main text with 3 of its lines each side)
   chaff eval --pairs --page-lines 1 saved-pages/*.html   (the same from HTML files of your own)
   chaff eval --plot plots/ ../shared/corpus/generated/dev.jsonl   (roc, histogram, calibration .svg and .png)
   chaff eval --baseline words --train ../shared/corpus/generated/train.jsonl ../shared/corpus/generated/dev.jsonl
                                       (a plain TF-IDF n-gram logistic regression instead of the model)`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "by", Usage: "also break the figures down by JSONL `FIELD`: the machine documents of each value against the person-written ones of the same value (--by source), or against all person-written ones when none has it (--by generator)"},
			&cli.BoolFlag{Name: "match-length", Usage: "cut each person-written text at a sentence end to the length of a machine text of the set, so that length cannot decide"},
			&cli.StringFlag{Name: "perturb", Usage: "rewrite every machine-written text as an evasion tool would before scoring, to measure how far a score carries: `KIND` " + perturbKinds},
			&cli.BoolFlag{Name: "by-length", Usage: "cut every text to 15, 30, 50, 80, 150 and 300 words (those long enough) and measure each length, with no minimum: where the figures fall apart is where the model's min_words belongs"},
			&cli.BoolFlag{Name: "pairs", Usage: "page pairs: the share of groups whose residue copy outscores its clean copy (pages held out from training)"},
			&cli.BoolFlag{Name: "all-pages", Usage: "with --pairs: every page, including those whose residue trained the model"},
			&cli.IntFlag{Name: "page-lines", Usage: "with --pairs: build each pair from the page's raw HTML (field html, or an .html file given as a PATH) instead, the main text as chaff's HTML reader finds it against a copy with `N` page lines right before and after it (light residue)"},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "output `FORMAT`: table or json"},
			&cli.StringFlag{Name: "label-field", Value: "label", Usage: "JSONL `FIELD` with 1 = machine, 0 = person"},
			&cli.StringFlag{Name: "plot", Usage: "also draw the ROC curve (1% and 5% FPR marked), the score histograms of both classes and a calibration plot into `DIR`, as SVG and PNG"},
			&cli.StringFlag{Name: "baseline", Usage: "measure a plain bag-of-n-grams classifier instead of the model, fitted on --train: `KIND` words (TF-IDF of word 1-3-grams) or chars (character 1-4-grams), logistic regression; the same documents as the model's figures"},
			&cli.StringFlag{Name: "train", Usage: "with --baseline: the labelled JSONL file or folder to fit it on (`PATH`)"},
			&cli.BoolFlag{Name: "baseline-raw", Usage: "with --baseline: fit and score the text as given, line breaks and curly quotes too (by default typography is folded and white space collapsed, as training does for the model)"},
			modelFlag(),
		},
		Action: runEval,
	}
}

func runEval(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("chaff eval: give labelled JSONL files or folders", 2)
	}
	m, err := loadModel(c)
	if err != nil {
		return cli.Exit("chaff eval: "+err.Error(), 2)
	}
	if c.String("plot") != "" && (c.Bool("pairs") || c.Bool("by-length")) {
		return cli.Exit("chaff eval: --plot draws labelled documents: not with --pairs or --by-length", 2)
	}
	if c.Int("page-lines") < 0 || c.Int("page-lines") > 0 && !c.Bool("pairs") {
		return cli.Exit("chaff eval: --page-lines takes a positive number of lines, with --pairs", 2)
	}
	if c.Bool("pairs") {
		return evalPairs(c, m)
	}
	if c.String("baseline") != "" {
		return evalBaseline(c, m)
	}
	if c.String("train") != "" || c.Bool("baseline-raw") {
		return cli.Exit("chaff eval: --train and --baseline-raw go with --baseline", 2)
	}
	var k perturb.Kind
	if name := c.String("perturb"); name != "" {
		if k, err = perturb.Lookup(name); err != nil {
			return cli.Exit("chaff eval: --perturb: "+err.Error(), 2)
		}
	}
	docs, err := loadLabelled(c.Args().Slice(), c.String("label-field"), input.JSONLOptions{})
	if err != nil {
		return cli.Exit("chaff eval: "+err.Error(), 2)
	}
	if c.Bool("match-length") {
		matchLengths(docs)
	}
	if k.Name != "" {
		for i := range docs {
			if docs[i].Label == 1 {
				docs[i].Text = k.Apply(docs[i].Text)
			}
		}
	}
	if c.Bool("by-length") {
		return evalByLength(c, m, docs)
	}
	scored := scoreLabelled(m, docs)
	if dir := c.String("plot"); dir != "" {
		files, err := plot.WriteAll(dir, scored, m.Thresholds)
		if err != nil {
			return cli.Exit("chaff eval --plot: "+err.Error(), 2)
		}
		fmt.Fprintf(c.App.ErrWriter, "chaff: plots: %s\n", strings.Join(files, " "))
	}
	rows := evalRows(docs, scored, c.String("by"))
	if c.String("format") == "json" {
		return writeJSON(c.App.Writer, rows)
	}
	return printEval(c.App.Writer, m, rows)
}

// perturbKinds names the kinds --perturb knows, for the help.
var perturbKinds = func() string {
	var names []string
	for _, k := range perturb.Kinds {
		names = append(names, k.Name)
	}
	return strings.Join(names, ", ")
}()

// evalRows measures all of scored, then each value of the field by (if
// any) as breakdown does.
func evalRows(docs []labelled, scored []model.Scored, by string) []evalRow {
	rows := []evalRow{{Name: "all", Metrics: model.Evaluate(scored)}}
	if by != "" {
		rows = append(rows, breakdown(docs, scored, by)...)
	}
	return rows
}

// printRanking draws how well each row ranks machine above person-written
// texts: counts, AUROC, caught at 1% false positives, and one more column.
func printRanking(w io.Writer, first string, rows []evalRow, lastHead string, last func(model.Metrics) string) error {
	t := report.NewTable(w)
	t.Header(first, "docs", "machine", "human", "AUROC", "caught@1%FPR", lastHead)
	for _, r := range rows {
		x := r.Metrics
		t.Append([]string{r.Name, fmt.Sprint(x.Documents), fmt.Sprint(x.Machine), fmt.Sprint(x.Human), f4(x.AUROC), pct(x.TPRAt1), last(x)})
	}
	return t.Render()
}

// breakdown measures the machine texts of each value of the field by
// against the person-written texts of the same value (--by source: a
// source's rewrites against that source's own articles, which share their
// topics and house style) or, when no person-written text has that value
// (--by generator: people are "human"), against all of them.
func breakdown(docs []labelled, scored []model.Scored, by string) []evalRow {
	machine := map[string][]model.Scored{}
	human := map[string][]model.Scored{}
	var allHuman []model.Scored
	for i, d := range docs {
		v := "(none)" // a record without the field: not "<nil>"
		if x, ok := d.Fields[by]; ok && x != nil {
			v = fmt.Sprint(x)
		}
		if d.Label == 0 {
			allHuman = append(allHuman, scored[i])
			human[v] = append(human[v], scored[i])
			continue
		}
		machine[v] = append(machine[v], scored[i])
	}
	var rows []evalRow
	for _, k := range sortedKeys(machine) {
		h := human[k]
		if len(h) == 0 {
			h = allHuman
		}
		rows = append(rows, evalRow{Name: by + "=" + k, Metrics: model.Evaluate(append(append([]model.Scored(nil), machine[k]...), h...))})
	}
	return rows
}

type evalRow struct {
	Name    string        `json:"name"`
	Metrics model.Metrics `json:"metrics"`
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func printEval(w io.Writer, m *model.Model, rows []evalRow) error {
	t := report.NewTable(w)
	t.Header("set", "docs", "machine", "human", "AUROC", "caught@1%FPR", "caught@5%FPR", "precision", "recall", "F1", "FPR")
	for _, r := range rows {
		x := r.Metrics
		t.Append([]string{r.Name, fmt.Sprint(x.Documents), fmt.Sprint(x.Machine), fmt.Sprint(x.Human), f4(x.AUROC),
			pct(x.TPRAt1), pct(x.TPRAt5), f3(x.Precision), f3(x.Recall), f3(x.F1), pct(x.FPR)})
	}
	if err := t.Render(); err != nil {
		return err
	}
	all := rows[0].Metrics
	fmt.Fprintf(w, "thresholds: suspect %.1f, flagged %.1f; left out of the figures: %d documents under %d words (too short to score), %d in a language the model does not know\n",
		m.Thresholds.Suspect, m.Thresholds.Flagged, all.TooShort, m.Limits.MinWords, all.Unsupported)
	ct := report.NewTable(w)
	ct.Header("class", "clean", "suspect", "flagged", "too-short", "unsupported")
	for _, row := range []struct {
		name string
		m    map[model.Verdict]int
	}{{"machine", all.Confusion.Machine}, {"human", all.Confusion.Human}} {
		ct.Append([]string{row.name, fmt.Sprint(row.m[model.Clean]), fmt.Sprint(row.m[model.Suspect]), fmt.Sprint(row.m[model.Flagged]), fmt.Sprint(row.m[model.TooShort]), fmt.Sprint(row.m[model.Unsupported])})
	}
	return ct.Render()
}

func f4(x float64) string  { return figure("%.4f", x) }
func f3(x float64) string  { return figure("%.3f", x) }
func pct(x float64) string { return figure("%.1f%%", 100*x) }

// figure formats x; an undefined figure (NaN: the set lacks a class it
// needs) is "-", where JSON has null, since "NaN%" reads as chaff's fault.
func figure(format string, x float64) string {
	if math.IsNaN(x) {
		return "-"
	}
	return fmt.Sprintf(format, x)
}

// matchLengths cuts every person-written text, at a sentence end, to the
// word count of a machine text drawn from the same set (deterministically),
// so that the two classes have the same length distribution.
func matchLengths(docs []labelled) {
	var lens []int
	for _, d := range docs {
		if d.Label == 1 {
			lens = append(lens, features.NewDocumentString(d.Text).WordCount)
		}
	}
	if len(lens) == 0 {
		return
	}
	sort.Ints(lens)
	rng := rand.New(rand.NewSource(1))
	for i, d := range docs {
		if d.Label != 0 {
			continue
		}
		target := lens[rng.Intn(len(lens))]
		doc := features.NewDocumentString(d.Text)
		words, end := 0, len(doc.Text)
		for _, s := range doc.Sentences {
			if words >= target {
				end = s.Start
				break
			}
			words += s.Words
		}
		docs[i].Text = strings.TrimSpace(doc.Text[:end])
	}
}

// evalPairs measures, on page pairs sharing a group, how often the copy
// with residue outscores the clean article.
func evalPairs(c *cli.Context, m *model.Model) error {
	byGroup, err := readPagePairs(c.Args().Slice())
	if err != nil {
		return cli.Exit("chaff eval: "+err.Error(), 2)
	}
	k := c.Int("page-lines")
	var pairs []pagePair
	noHTML, noMain := 0, 0
	for _, g := range sortedKeys(byGroup) {
		p := *byGroup[g]
		if p.file && k == 0 {
			return cli.Exit("chaff eval --pairs: "+g+": an HTML page makes a pair only with --page-lines N", 2)
		}
		// an HTML file is a page no training saw
		if !p.file && (p.clean == "" || p.residue == "" || !c.Bool("all-pages") && trainPage(g)) {
			continue
		}
		if k > 0 {
			if p.html == "" {
				noHTML++
				continue
			}
			var ok bool
			if p.clean, p.residue, ok = lightPair(p.html, k); !ok {
				noMain++
				continue
			}
		}
		pairs = append(pairs, p)
	}
	if len(pairs) == 0 {
		if k > 0 {
			return cli.Exit(fmt.Sprintf("chaff eval --pairs --page-lines: no page to build a pair from (%d without an html field, %d without a main text or lines around it)", noHTML, noMain), 2)
		}
		return cli.Exit("chaff eval --pairs: no group has both a clean and a residue copy", 2)
	}
	type outcome struct {
		win, scored bool
		diff        float64
	}
	out := make([]outcome, len(pairs))
	parallel(len(pairs), func(i int) {
		p := pairs[i]
		a := m.Explain(features.NewDocumentString(p.clean))
		b := m.Explain(features.NewDocumentString(p.residue))
		// either copy may be too short or in a language the model does
		// not know: `chaff score` gives it no score, so there is none to
		// compare (the model's number on a Korean page means nothing)
		out[i] = outcome{win: b.Score > a.Score, diff: b.Score - a.Score,
			scored: !unscored(a.Verdict) && !unscored(b.Verdict)}
	})
	n, total := 0, 0
	var diffs []float64
	for _, o := range out {
		if !o.scored {
			continue
		}
		total++
		diffs = append(diffs, o.diff)
		if o.win {
			n++
		}
	}
	if total == 0 {
		return cli.Exit(fmt.Sprintf("chaff eval --pairs: none of the %d pairs has both copies scored (too short, or a language the model does not know)", len(pairs)), 2)
	}
	sort.Float64s(diffs)
	res := map[string]any{"pairs": total, "residue_outscores_clean": n, "share": math.Round(1e4*float64(n)/float64(total)) / 1e4, "median_score_gain": math.Round(10*diffs[len(diffs)/2]) / 10}
	what := "page pairs"
	res["left_out"] = map[string]int{"not_scored": len(pairs) - total}
	if k > 0 {
		res["page_lines"] = k
		res["left_out"] = map[string]int{"no_html": noHTML, "no_main_text": noMain, "not_scored": len(pairs) - total}
		what = fmt.Sprintf("page pairs with %d page line%s on each side", k, map[bool]string{true: "s"}[k > 1])
	}
	if c.String("format") == "json" {
		return writeJSON(c.App.Writer, res)
	}
	fmt.Fprintf(c.App.Writer, "%d %s: the residue copy outscores its clean article in %d (%.1f%%); median score gain %.1f\n",
		total, what, n, 100*float64(n)/float64(total), diffs[len(diffs)/2])
	switch {
	case k > 0:
		fmt.Fprintf(c.App.Writer, "left out: %d pages without an html field, %d without a main text or lines around it, %d pairs too short or in a language the model does not know\n",
			noHTML, noMain, len(pairs)-total)
	case len(pairs) > total:
		fmt.Fprintf(c.App.Writer, "left out: %d pairs too short or in a language the model does not know (no score to compare)\n", len(pairs)-total)
	}
	return nil
}

// unscored tells a verdict that carries no score to compare.
func unscored(v model.Verdict) bool { return v == model.TooShort || v == model.Unsupported }

// lengthBands are the lengths --by-length cuts texts to.
var lengthBands = []int{15, 30, 50, 80, 150, 300}

// evalByLength measures the model, without its minimum length, on every
// text long enough cut to each band's length (at a word's end).
func evalByLength(c *cli.Context, m *model.Model, docs []labelled) error {
	raw := *m
	raw.Limits.MinWords = 0
	var rows []evalRow
	for _, n := range lengthBands {
		var cut []labelled
		for _, d := range docs {
			if t, ok := firstWords(d.Text, n); ok {
				d.Text = t
				cut = append(cut, d)
			}
		}
		if len(cut) == 0 {
			continue
		}
		rows = append(rows, evalRow{Name: fmt.Sprintf("%d words", n), Metrics: model.Evaluate(scoreLabelled(&raw, cut))})
	}
	if c.String("format") == "json" {
		return writeJSON(c.App.Writer, rows)
	}
	if err := printRanking(c.App.Writer, "length", rows, "FPR at flagged", func(x model.Metrics) string { return pct(x.FPR) }); err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "the model's min_words is %d: shorter texts get the verdict too-short\n", m.Limits.MinWords)
	return nil
}

// firstWords returns the text up to the end of its n-th word, or false when
// it has fewer.
func firstWords(text string, n int) (string, bool) {
	d := features.NewDocumentString(text)
	k := 0
	for _, t := range d.Tokens {
		if t.Kind == features.Word {
			if k++; k == n {
				return d.Text[:t.End], true
			}
		}
	}
	return "", false
}
