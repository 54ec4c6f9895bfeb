package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/chaff-dev/chaff/cmd/htmlreport"
	"github.com/urfave/cli/v2"
)

func reportCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: "report.html", Usage: "write the report to `FILE` (\"-\": standard output)"},
		&cli.IntFlag{Name: "views", Value: htmlreport.DefaultViews, Usage: fmt.Sprintf("give at most `N` documents a view with their highlighted text (at most %d characters each); the table lists every document", htmlreport.MaxViewChars)},
		// runScore reads the format: this command writes html only
		&cli.StringFlag{Name: "format", Value: "html", Hidden: true},
	}
	for _, f := range scoreCommand().Flags {
		if f.Names()[0] != "format" {
			flags = append(flags, f)
		}
	}
	return &cli.Command{
		Name:      "report",
		Usage:     "score articles and write one self-contained HTML report with the evidence highlighted",
		ArgsUsage: "[PATH...]",
		Description: `Scores every article under the PATHs, as chaff score does, and writes one HTML file
(-o, default report.html) that needs nothing else: no network, no server; open it from
disk on a laptop or a phone.

   - a summary: documents by verdict, a histogram of the scores with the suspect and
     flagged thresholds drawn, the rules that fire most (click one to filter);
   - a table of every document: sort by clicking a column, filter by verdict and by
     rule, search by path or id; 100 rows a page;
   - a view per document: score and verdict, the contribution of each category, and
     the text with every finding highlighted in its category's colour (hover or focus
     a highlight for its rule, description and weight), then the list of findings.

Text from the documents is escaped, and the page's policy lets only its own script
run: a document holding <script> shows it as text.

Large batches: the table holds every document; views are capped at --views (default
` + fmt.Sprint(htmlreport.DefaultViews) + `: the flagged documents first, then suspect, then the rest, each by score),
and a view shows at most ` + fmt.Sprint(htmlreport.MaxViewChars) + ` characters of its text (findings past the cut are listed
under it). A report of 100,000 documents is about 14 MB, at most about 33 MB when every
view is at the cap (see the README).

Examples:
   chaff report drafts/                           writes report.html
   chaff report -o batch.html crawl.jsonl
   chaff report --views 200 --top 5000 -o top.html corpus.jsonl
   chaff score --format html drafts/ > report.html   the same page on standard output

Exit codes: as chaff score: 0 all read and scored; 1 a document scored at or above
--fail-above; 2 usage error, or an input that could not be read.`,
		Flags:  flags,
		Action: runScore,
	}
}

// output is where a report goes: a temporary file next to the -o FILE,
// renamed into place when the report is complete.
type output struct {
	f      *os.File
	target string
	done   bool
}

func (o *output) Write(p []byte) (int, error) { return o.f.Write(p) }

// outputFile opens the -o FILE of chaff report; without one (chaff score,
// or "-") the output is standard output. The returned func finishes the
// file; discardOutput removes it if it was not finished.
func outputFile(c *cli.Context) (io.Writer, func() error, error) {
	path := c.String("output")
	if path == "" || path == "-" {
		return c.App.Writer, func() error { return nil }, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, cli.Exit(fmt.Sprintf("chaff %s: %s: %v", c.Command.Name, path, err), exitError)
	}
	o := &output{f: f, target: path}
	return o, func() error {
		if err := f.Chmod(0o644); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := os.Rename(f.Name(), path); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		o.done = true
		if fi, err := os.Stat(path); err == nil {
			fmt.Fprintf(c.App.ErrWriter, "chaff: wrote %s (%.1f MB)\n", path, float64(fi.Size())/(1<<20))
		}
		return nil
	}, nil
}

// discardOutput removes an output file that was not finished.
func discardOutput(w io.Writer) {
	if o, ok := w.(*output); ok && !o.done {
		o.f.Close()
		os.Remove(o.f.Name())
	}
}
