package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/cmd/report"
	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/model"
	"github.com/urfave/cli/v2"
)

func lexiconCommand() *cli.Command {
	return &cli.Command{
		Name:      "lexicon",
		Usage:     "mine the template lexicons (stock machine phrasing, sentence shapes) from labelled articles",
		ArgsUsage: "LABELLED.jsonl|FOLDER...",
		Description: `Counts every word and 2-4-gram of the token stream in machine and in person-written
documents and keeps those whose smoothed log-odds of machine use is far from even
(|z| >= --min-z, in at least --min-docs documents). Prints the top entries each way
for review and writes the TSV that chaff embeds (features/lexicon.tsv).

With --shapes it mines sentence shapes instead: the same n-grams (up to 5) over the
stream with content words masked ("the X of the Xing X ,"), embedded as
features/shapes.tsv.

With --discriminative it fits weights instead of counting log-odds: an
L2-regularised logistic regression (--lambda) of machine use on every n-gram's
count per 100 tokens (n-grams in at least --min-docs documents; documents of 50
words or more), keeping the --max-each heaviest weights; embedded as
features/discriminative.tsv. Phrases that travel together share their weight.

The shipped lexicons were made with (rebuild chaff after each: they are embedded):
   chaff lexicon -o features/lexicon.tsv ../shared/corpus/generated/train.jsonl
   chaff lexicon --shapes -o features/shapes.tsv ../shared/corpus/generated/train.jsonl
   chaff lexicon --discriminative -o features/discriminative.tsv ../shared/corpus/generated/train.jsonl`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the lexicon TSV to `FILE`", Required: true},
			&cli.BoolFlag{Name: "shapes", Usage: "mine sentence shapes (content words masked) instead of phrases"},
			&cli.BoolFlag{Name: "discriminative", Usage: "fit logistic-regression weights instead of log-odds"},
			&cli.Float64Flag{Name: "lambda", Usage: "with --discriminative: L2 penalty `L`", DefaultText: fmt.Sprint(features.DefaultFitOptions.Lambda)},
			&cli.IntFlag{Name: "min-docs", Usage: "keep phrases found in at least `N` documents", DefaultText: fmt.Sprintf("%d for phrases, %d for shapes", features.DefaultMineOptions.MinDocs, features.ShapeMineOptions.MinDocs)},
			&cli.Float64Flag{Name: "min-z", Usage: "keep phrases whose log-odds z-score is at least `Z` either way", DefaultText: fmt.Sprint(features.DefaultMineOptions.MinZ)},
			&cli.IntFlag{Name: "max-each", Usage: "keep at most `N` entries each way (with --discriminative: in all)", DefaultText: fmt.Sprintf("%d each way; with --discriminative, %d in all", features.DefaultMineOptions.MaxEach, features.DefaultFitOptions.Keep)},
			&cli.IntFlag{Name: "show", Value: 25, Usage: "print the top `N` entries each way for review"},
			&cli.StringFlag{Name: "label-field", Value: "label", Usage: "JSONL `FIELD` with 1 = machine, 0 = person"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return cli.Exit("chaff lexicon: give labelled JSONL files or folders", 2)
			}
			docs, err := loadLabelled(c.Args().Slice(), c.String("label-field"), input.JSONLOptions{})
			if err != nil {
				return cli.Exit("chaff lexicon: "+err.Error(), 2)
			}
			o := features.DefaultMineOptions
			if c.Bool("shapes") {
				o = features.ShapeMineOptions
			}
			if c.IsSet("min-docs") {
				o.MinDocs = c.Int("min-docs")
			}
			if c.IsSet("min-z") {
				o.MinZ = c.Float64("min-z")
			}
			if c.IsSet("max-each") {
				o.MaxEach = c.Int("max-each")
			}
			lt := make([]features.LabelledText, len(docs))
			parallel(len(docs), func(i int) {
				lt[i] = features.LabelledText{Doc: features.NewDocumentString(model.NormaliseTypography(docs[i].Text)), Machine: docs[i].Label == 1}
			})
			f, err := os.Create(c.String("output"))
			if err != nil {
				return cli.Exit("chaff lexicon: "+err.Error(), 2)
			}
			var entries []features.LexEntry
			var header []string
			write := features.WriteLexicon
			if c.Bool("discriminative") {
				fo := features.DefaultFitOptions
				fo.Mine.MinDocs = o.MinDocs
				fo.Mine.Stream = o.Stream
				if c.IsSet("max-each") {
					fo.Keep = o.MaxEach
				}
				if c.IsSet("lambda") {
					fo.Lambda = c.Float64("lambda")
				}
				entries = features.FitLexicon(lt, fo)
				write = features.WriteFittedLexicon
				header = []string{
					"chaff discriminative lexicon: L2 logistic regression of machine vs person use on the square roots of n-gram counts per 100 tokens.",
					fmt.Sprintf("made by: chaff lexicon --discriminative%s --min-docs %d --lambda %g --max-each %d %s", map[bool]string{true: " --shapes"}[c.Bool("shapes")], fo.Mine.MinDocs, fo.Lambda, fo.Keep, strings.Join(c.Args().Slice(), " ")),
				}
			} else {
				entries = features.MineLexicon(lt, o)
				header = []string{
					"chaff template lexicon: smoothed log-odds of machine vs person use, counted in documents.",
					fmt.Sprintf("made by: chaff lexicon%s --min-docs %d --min-z %g --max-each %d %s", map[bool]string{true: " --shapes"}[c.Bool("shapes")], o.MinDocs, o.MinZ, o.MaxEach, strings.Join(c.Args().Slice(), " ")),
				}
			}
			header = append(header, fmt.Sprintf("from %d documents; %d entries", len(docs), len(entries)))
			if err := write(f, entries, header); err != nil {
				f.Close()
				return cli.Exit("chaff lexicon: "+err.Error(), 2)
			}
			if err := f.Close(); err != nil {
				return cli.Exit("chaff lexicon: "+err.Error(), 2)
			}
			show := c.Int("show")
			t := report.NewTable(c.App.Writer)
			unit := "log-odds"
			if c.Bool("discriminative") {
				unit = "weight"
			}
			t.Header("machine-leaning", unit, "person-leaning", unit)
			for i := 0; i < show; i++ {
				row := []string{"", "", "", ""}
				if i < len(entries) && entries[i].Weight > 0 {
					row[0], row[1] = entries[i].Phrase, fmt.Sprintf("%.2f", entries[i].Weight)
				}
				if k := len(entries) - 1 - i; k >= 0 && entries[k].Weight < 0 {
					row[2], row[3] = entries[k].Phrase, fmt.Sprintf("%.2f", entries[k].Weight)
				}
				t.Append(row)
			}
			if err := t.Render(); err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "%d entries from %d documents written to %s\n", len(entries), len(docs), c.String("output"))
			return nil
		},
	}
}
