package main

import (
	"fmt"
	"strings"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/cmd/report"
	"github.com/chaff-dev/chaff/features"
	"github.com/urfave/cli/v2"
)

func featuresCommand() *cli.Command {
	return &cli.Command{
		Name:      "features",
		Usage:     "print every document's raw feature vector (what the model reads)",
		ArgsUsage: "PATH...",
		Description: `Measures every feature of the catalogue (see chaff rules) on each document and
prints the raw values, before the model standardises and weighs them: for checking
what a rule sees, or for fitting models of your own.

PATHs are read as by chaff score: files, folders (` + strings.Join(input.DefaultInclude, " ") + ` by
default), .jsonl corpora, "-" for standard input.

Formats: csv (header: id, every feature ID in catalogue order, error) and jsonl
({"id": ..., "features": {"<feature ID>": value, ...}}). An input that cannot be
read gives a row with only its id and error (exit code 2 at the end).

Examples:
   chaff features article.txt
   chaff features --format jsonl corpus.jsonl > vectors.jsonl`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "csv", Usage: "output `FORMAT`: " + strings.Join(report.VectorFormats, ", ")},
		}, walkFlags()...),
		Action: runFeatures,
	}
}

func runFeatures(c *cli.Context) error {
	format := c.String("format")
	if err := oneOf(c, "format", format, report.VectorFormats); err != nil {
		return err
	}
	paths, err := inputPaths(c)
	if err != nil {
		return err
	}
	out, err := report.NewVectors(format, c.App.Writer, features.IDs())
	if err != nil {
		return usage(c, "%v", err)
	}
	total, failed := 0, 0
	werr := input.Walk(paths, walkOptions(c), func(it input.Item) error {
		total++
		v := report.Vector{ID: it.ID}
		if it.Err != nil {
			failed++
			v.Error = it.Err.Error()
			fmt.Fprintf(c.App.ErrWriter, "chaff: %v\n", it.Err)
		} else {
			results := features.Extract(it.Document())
			v.Values = make([]float64, len(results))
			for i, r := range results {
				v.Values[i] = r.Value
			}
		}
		if err := out.Add(v); err != nil {
			return writeError{err}
		}
		return nil
	})
	if werr != nil {
		if we, ok := werr.(writeError); ok {
			return cli.Exit(fmt.Sprintf("chaff: write output: %v", we.err), exitError)
		}
		return usage(c, "%v", werr)
	}
	if err := out.Close(); err != nil {
		return cli.Exit(fmt.Sprintf("chaff: write output: %v", err), exitError)
	}
	if failed > 0 {
		return inputFailed(failed, total)
	}
	return nil
}
