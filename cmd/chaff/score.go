package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"syscall"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/cmd/internal/ordered"
	"github.com/chaff-dev/chaff/cmd/report"
	"github.com/urfave/cli/v2"
)

// inFlight is how many documents each worker may have read ahead of the
// output. Output waits for the oldest document, so one long article holds
// back every later one; a deep window lets the workers go on with those
// meanwhile instead of idling. Memory grows with it only by documents,
// not by corpus size.
const inFlight = 32

func scoreCommand() *cli.Command {
	return &cli.Command{
		Name:      "score",
		Usage:     "score articles 0-100 and explain each score",
		ArgsUsage: "[PATH...]",
		Description: `Scores every article found under the PATHs and reports the score, the verdict
(clean, suspect, flagged) and the findings behind it.

A PATH is a file (one article), a folder (walked recursively in name order; hidden
files and folders are skipped; only files matching --include are read, by default
` + strings.Join(input.DefaultInclude, " ") + `), a .jsonl corpus (one article per
line, in the --text-field, named by --id-field or by path:line; also .jsonl.gz and
.jsonl.zst), a WARC or WET file as Common Crawl publishes them (.warc, .warc.gz,
.wet, .wet.gz: HTML responses and text conversions, named by their target URI), or
"-" for standard input (--input-format; by default JSONL and WARC are recognised,
anything else is one article). With no PATH, standard input is read when it is not
a terminal.

With --format jsonl, records are written as they are scored, one per input, in input
order: "chaff score --format jsonl -" is a filter for map-only engines (Spark's
RDD.pipe, Kubernetes Indexed Jobs, Slurm arrays), and --shard I/N takes every N-th
document. While standard error is a terminal a progress line is shown there
(--quiet turns it off).

Formats: table (for people: the rows sorted by score, the three rules that weighed
most, and a summary line), json (one array), jsonl (one object per article, streamed,
with every finding's line, column, match and weight), csv (streamed) and html (one
self-contained page with the highlighted text of each document; see chaff report).

An input that cannot be read (missing, unreadable, binary, a bad JSONL line) is
reported as an error record and on standard error; everything else is still scored.

Examples:
   chaff score article.txt
   chaff score --format jsonl drafts/ > scores.jsonl
   chaff score --include '*.txt' --exclude 'archive' site-dump/
   chaff score --text-field body --id-field url crawl.jsonl
   chaff score --sort score --top 20 --format csv corpus.jsonl
   chaff score --fail-above 90 posts/ || echo "something reads as machine-written"
   chaff score --format jsonl CC-MAIN-*.warc.gz > scores.jsonl
   zcat corpus.jsonl.gz | chaff score --format jsonl --shard 3/8 - > part-3.jsonl

Exit codes: 0 all read and scored; 1 a document scored at or above --fail-above;
2 usage error, or an input that could not be read.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: " + strings.Join(report.Formats, ", ")},
			&cli.StringFlag{Name: "sort", Usage: "row `ORDER`: score (highest first; default for table) or input (default for the others)"},
			&cli.IntFlag{Name: "top", Usage: "report only the `N` highest-scoring (with --sort score) or first (with --sort input) documents; errors are always reported; 0 = all"},
			&cli.IntFlag{Name: "reasons", Value: report.DefaultReasons, Usage: "name the `N` rules that weighed most in the table's TOP REASONS and the csv's top_rules"},
			&cli.Float64Flag{Name: "fail-above", Usage: "exit with code 1 when any document scores `N` or more", DefaultText: "off"},
			&cli.StringFlag{Name: "lang", Usage: "treat every document as written in `LANG` (ISO 639-3, e.g. eng) instead of detecting it"},
			&cli.IntFlag{Name: "min-words", Usage: "score documents with `N` or more words of prose instead of the model's minimum (50 for the built-in model), to rank short texts too; below 50 words scores are less reliable (see the README's Length)", DefaultText: "the model's"},
			&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "score on `N` goroutines; the output is the same for any N", DefaultText: "the number of CPUs"},
			shardFlag(), quietFlag(),
			modelFlag(),
		}, walkFlags()...),
		Action: runScore,
	}
}

func runScore(c *cli.Context) error {
	format := c.String("format")
	if err := oneOf(c, "format", format, report.Formats); err != nil {
		return err
	}
	if s := c.String("sort"); s != "" {
		if err := oneOf(c, "sort", s, []string{report.SortScore, report.SortInput}); err != nil {
			return err
		}
	}
	if c.Int("top") < 0 || c.Int("reasons") < 0 || c.Int("min-words") < 0 {
		return usage(c, "--top, --reasons and --min-words must not be negative")
	}
	paths, err := inputPaths(c)
	if err != nil {
		return err
	}
	m, err := loadModel(c)
	if err != nil {
		return err
	}
	if c.IsSet("min-words") {
		short := *m // the built-in model is shared: change a copy
		short.Limits.MinWords = c.Int("min-words")
		m = &short
	}
	out, closeOut, err := outputFile(c) // -o FILE of chaff report, else standard output
	if err != nil {
		return err
	}
	defer discardOutput(out) // a report not closed (an error) leaves no file behind
	rep, err := report.New(format, out, report.Options{Sort: c.String("sort"), Top: c.Int("top"), Reasons: c.Int("reasons"),
		Thresholds: m.Thresholds, Views: c.Int("views")})
	if err != nil {
		return usage(c, "%v", err)
	}

	failSet, failAbove := c.IsSet("fail-above"), c.Float64("fail-above")
	lang := c.String("lang")
	workers := c.Int("workers")
	if workers < 1 {
		return usage(c, "--workers must be at least 1")
	}
	shard, err := parseShard(c)
	if err != nil {
		return err
	}
	total, failed, tripped := 0, 0, 0
	opts := walkOptions(c)
	opts.Context = c.Context // Ctrl-C: stop reading, write what was scored
	meter := startProgress(c, format, paths, &opts)
	defer meter.Stop()
	// Documents are read in order, scored on every worker, and reported in
	// the order they were read: the output is the same for any --workers.
	werr := ordered.Map(workers, inFlight*workers, func(put func(input.Item) error) error {
		return input.Walk(paths, opts, shard.filter(put))
	}, func(it input.Item) scored {
		rec := report.Score(m, it, lang)
		if format == "html" {
			rec.Text = it.Text // the html views show the text
		}
		return scored{rec, it.Replaced}
	}, func(s scored) error {
		rec := s.rec
		if s.replaced > 0 {
			meter.Clear()
			fmt.Fprintf(c.App.ErrWriter, "chaff: warning: %s: %d %s not UTF-8, read as Windows-1252\n", rec.ID, s.replaced, plural(s.replaced, "byte", "bytes"))
		}
		total++
		meter.Done()
		if rec.Error != "" {
			failed++
			meter.Clear()
			fmt.Fprintf(c.App.ErrWriter, "chaff: %s\n", rec.Error)
		} else if failSet && rec.Explanation.Scored() && rec.Explanation.Score >= failAbove {
			tripped++
		}
		if err := rep.Add(rec); err != nil {
			return writeError{err}
		}
		return nil
	})
	meter.Stop()
	interrupted := werr != nil && errors.Is(werr, context.Canceled)
	if werr != nil && !interrupted {
		if we, ok := werr.(writeError); ok {
			if errors.Is(we.err, syscall.EPIPE) {
				return cli.Exit("", exitError) // the reader went away (| head): nothing to say
			}
			return cli.Exit(fmt.Sprintf("chaff: write output: %v", we.err), exitError)
		}
		return usage(c, "%v", werr) // a bad glob
	}
	if err := rep.Close(); err != nil {
		return cli.Exit(fmt.Sprintf("chaff: write output: %v", err), exitError)
	}
	if err := closeOut(); err != nil {
		return cli.Exit(fmt.Sprintf("chaff: write output: %v", err), exitError)
	}
	if interrupted {
		return cli.Exit(fmt.Sprintf("chaff: interrupted: %d %s written, the rest not read", total, plural(total, "record", "records")), exitInterrupted)
	}
	if failed > 0 {
		return inputFailed(failed, total)
	}
	if tripped > 0 {
		return cli.Exit(fmt.Sprintf("chaff: %d of %d %s scored %s or more (--fail-above)",
			tripped, total, plural(total, "document", "documents"), trimFloat(failAbove)), exitTripped)
	}
	return nil
}

// scored is a record and the count of bytes of its input that were not
// UTF-8 (a warning on standard error, in input order).
type scored struct {
	rec      report.Record
	replaced int
}

// writeError marks an error writing the report, to tell it from the walk's own.
type writeError struct{ err error }

func (e writeError) Error() string { return e.err.Error() }

func trimFloat(x float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0") }
