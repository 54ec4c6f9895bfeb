package main

import (
	"fmt"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/model"
	"github.com/urfave/cli/v2"
)

// evalBaseline measures the plain n-gram baseline, fitted on --train, on
// the documents the model would score (too short and unsupported ones are
// left out as the model leaves them out), so its figures sit beside the
// model's.
func evalBaseline(c *cli.Context, m *model.Model) error {
	var o model.BaselineOptions
	switch c.String("baseline") {
	case "words":
	case "chars":
		o.Chars = true
	default:
		return cli.Exit("chaff eval: --baseline takes words or chars, not "+c.String("baseline"), 2)
	}
	o.Raw = c.Bool("baseline-raw")
	if c.String("train") == "" {
		return cli.Exit("chaff eval --baseline: give the labelled texts to fit it on with --train PATH", 2)
	}
	if c.Bool("match-length") || c.Bool("by-length") || c.String("plot") != "" {
		return cli.Exit("chaff eval --baseline: not with --match-length, --by-length or --plot", 2)
	}
	opts := input.JSONLOptions{}
	train, err := loadLabelled([]string{c.String("train")}, c.String("label-field"), opts)
	if err != nil {
		return cli.Exit("chaff eval --baseline: "+err.Error(), 2)
	}
	docs, err := loadLabelled(c.Args().Slice(), c.String("label-field"), opts)
	if err != nil {
		return cli.Exit("chaff eval: "+err.Error(), 2)
	}
	texts := make([]string, len(train))
	machine := make([]bool, len(train))
	for i, d := range train {
		texts[i], machine[i] = d.Text, d.Label == 1
	}
	b := model.FitBaseline(texts, machine, o)
	scored := scoreLabelled(m, docs)
	parallel(len(docs), func(i int) {
		if !unscored(scored[i].Verdict) {
			scored[i].Score = 100 * b.Probability(docs[i].Text)
			// the baseline has no thresholds of its own: only its
			// ranking is measured
			scored[i].Verdict = model.Clean
		}
	})
	rows := evalRows(docs, scored, c.String("by"))
	if c.String("format") == "json" {
		return writeJSON(c.App.Writer, rows)
	}
	if err := printRanking(c.App.Writer, "set", rows, "caught@5%FPR", func(x model.Metrics) string { return pct(x.TPRAt5) }); err != nil {
		return err
	}
	view := "typography folded, white space collapsed"
	if o.Raw {
		view = "text as given"
	}
	all := rows[0].Metrics
	fmt.Fprintf(c.App.Writer, "baseline: TF-IDF of %s, logistic regression (C %g), fitted on %d texts (%s); left out, as the model leaves them: %d documents under %d words, %d in a language it does not know\n",
		map[bool]string{false: "word 1-3-grams", true: "character 1-4-grams"}[o.Chars], float64(model.DefaultBaselineC), len(train), view, all.TooShort, m.Limits.MinWords, all.Unsupported)
	return nil
}
