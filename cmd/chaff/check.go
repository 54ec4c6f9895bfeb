package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/chaff-dev/chaff/cmd/check"
	"github.com/chaff-dev/chaff/cmd/config"
	"github.com/chaff-dev/chaff/cmd/gitdiff"
	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/cmd/suppress"
	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/model"
	"github.com/urfave/cli/v2"
)

// version is chaff's version, set at build time with
// -ldflags "-X main.version=1.2.3".
var version = "0.1.0-dev"

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check articles before they are published: findings as a linter reports them, and an exit code for CI",
		ArgsUsage: "FILE|FOLDER... (or - with --stdin-filename)",
		Description: `Checks Markdown, HTML and text files the way editors and CI run Vale or textlint:
every finding with its severity, rule, message and the text it matched, at its line and
column in the file as written, and a summary per file with the score and verdict.

Markdown is parsed (goldmark): front matter, code blocks, inline code, raw HTML and
HTML comments are not prose, headings and link texts are. HTML is read as the page
shows it: the style and template features measure the article's main text (found by
go-trafilatura), the residue rules read the whole page, comment sections and share
widgets included, and point at their lines.

What fails (exit code 1): a file scoring --fail-above or more (default: the model's
flagged threshold), or a finding of severity --fail-on or higher (default: error, which
is what hard evidence is: a leaked prompt, a chatbot artefact, an AI-use disclosure).
Page residue is a warning, everything else info; .chaff.yaml can change any rule's
severity or turn it off (see chaff config).

Silence a finding you have judged, in Markdown or HTML:
   <!-- chaff-disable-next-line residue.share -->
   <!-- chaff-disable leak -->  ...  <!-- chaff-enable -->
A suppressed finding no longer counts toward the score; --show-suppressed lists it.
Paths in .chaffignore (gitignore syntax) and in the configuration's ignore globs are
not checked.

Examples:
   chaff check post.md
   chaff check --format sarif content/ > chaff.sarif       (GitHub code scanning)
   chaff check --format github content/                    (annotations in a workflow)
   chaff check --new-from-rev origin/main content/         (only lines a pull request changed)
   cat draft.html | chaff check --stdin-filename draft.html -

Exit codes: 0 every file passed; 1 a file failed; 2 usage error, a bad configuration,
or a file that could not be read.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: " + strings.Join(check.Formats, ", ")},
			&cli.Float64Flag{Name: "fail-above", Usage: "a file scoring `N` or more fails", DefaultText: "the configuration's fail-above, else the flagged threshold"},
			&cli.StringFlag{Name: "fail-on", Usage: "a finding of `SEVERITY` (info, warning, error) or higher fails its file", DefaultText: "the configuration's fail-on, else error"},
			&cli.StringFlag{Name: "config", Usage: "use only the configuration `FILE` (no discovery)", EnvVars: []string{"CHAFF_CONFIG"}},
			&cli.StringFlag{Name: "stdin-filename", Usage: "the `NAME` of the text read from standard input (-): its extension picks the format, and configuration is found from its folder"},
			&cli.BoolFlag{Name: "show-suppressed", Usage: "also list the findings chaff-disable comments silenced"},
			&cli.StringFlag{Name: "lang", Usage: "treat every file as written in `LANG` (ISO 639-3, e.g. eng) instead of detecting it"},
			&cli.StringFlag{Name: "new-from-rev", Usage: "report only findings on lines changed since git revision `REV` (a file with no changed line passes)"},
			modelFlag(),
		},
		Action: runCheck,
	}
}

// checker holds what every file of one `chaff check` run shares.
type checker struct {
	model     *model.Model
	loader    *config.Loader
	ignores   suppress.Ignores
	changed   map[string]gitdiff.LineSet // nil without --new-from-rev
	failAbove *float64                   // --fail-above
	failOn    *check.Severity            // --fail-on
	warn      io.Writer
	lang      string // --lang
}

func runCheck(c *cli.Context) error {
	format := c.String("format")
	if err := oneOf(c, "format", format, check.Formats); err != nil {
		return err
	}
	if !c.Args().Present() {
		return usage(c, "no input: give files or folders, or - with --stdin-filename")
	}
	m, err := loadModel(c)
	if err != nil {
		return err
	}
	ck := &checker{model: m, warn: c.App.ErrWriter, lang: c.String("lang"),
		loader: config.NewLoader(config.Options{Explicit: c.String("config")})}
	if c.IsSet("fail-above") {
		v := c.Float64("fail-above")
		ck.failAbove = &v
	}
	if s := c.String("fail-on"); s != "" {
		sev, err := check.ParseSeverity(s)
		if err != nil {
			return usage(c, "--fail-on: %v", err)
		}
		ck.failOn = &sev
	}
	wd, _ := os.Getwd()
	if ck.ignores, err = suppress.LoadIgnores(wd); err != nil {
		return cli.Exit("chaff check: "+err.Error(), exitError)
	}
	if rev := c.String("new-from-rev"); rev != "" {
		if ck.changed, err = gitdiff.ChangedLines(".", rev); err != nil {
			return cli.Exit("chaff check: --new-from-rev: "+err.Error(), exitError)
		}
	}
	rep, err := check.NewReporter(format, check.Options{Version: version, Rules: features.Catalogue(), ShowSuppressed: c.Bool("show-suppressed")})
	if err != nil {
		return usage(c, "%v", err)
	}

	var files []check.File
	stdinName := c.String("stdin-filename")
	opts := input.Options{Include: []string{"*.md", "*.markdown", "*.html", "*.htm", "*.txt"}, Stdin: c.App.Reader}
	err = input.Walk(c.Args().Slice(), opts, func(it input.Item) error {
		stdin := it.Path == "-" && stdinName != ""
		if stdin {
			// --stdin-filename names the format, as a file's name does
			it.Path, it.Format = stdinName, ""
		}
		if it.Err != nil {
			files = append(files, check.File{Path: it.Path, Error: it.Err.Error()})
			return nil
		}
		if !stdin && ck.ignores.Match(it.Path, false) {
			return nil
		}
		if f, ok := ck.checkItem(it, stdin); ok {
			files = append(files, f)
		}
		return nil
	})
	if err != nil {
		return cli.Exit("chaff check: "+err.Error(), exitError)
	}
	if err := rep.Report(c.App.Writer, files); err != nil {
		return err
	}
	failed, broken := 0, 0
	for _, f := range files {
		switch {
		case f.Error != "":
			broken++
			fmt.Fprintf(c.App.ErrWriter, "chaff check: %s: %s\n", f.Path, f.Error)
		case f.Failed:
			failed++
		}
	}
	switch {
	case broken > 0:
		return cli.Exit(fmt.Sprintf("chaff check: %d of %d %s could not be checked", broken, len(files), plural(len(files), "file", "files")), exitError)
	case failed > 0:
		return cli.Exit("", exitTripped)
	}
	return nil
}

// checkItem checks one input, read in its format as score reads it
// (Item.Document). A walked file the configuration ignores is skipped (ok
// false); text from standard input is always checked: it was given on
// purpose.
func (ck *checker) checkItem(it input.Item, stdin bool) (check.File, bool) {
	eff, err := ck.loader.ForFile(it.Path)
	if err != nil {
		return check.File{Path: it.Path, Error: err.Error()}, true
	}
	if eff.Ignored && !stdin {
		return check.File{}, false
	}
	return ck.fileWith(it, eff), true
}

func (ck *checker) fileWith(it input.Item, eff *config.Effective) check.File {
	doc := it.Document()
	if ck.lang != "" {
		doc.ForceLanguage(ck.lang)
	}
	if len(eff.Phrases) > 0 {
		doc.AddPhrases(features.HouseLexicon(eff.Phrases))
	}
	m := ck.model
	if eff.Thresholds != nil {
		var err error
		if m, err = m.WithThresholds(*eff.Thresholds); err != nil {
			return check.File{Path: it.Path, Error: err.Error()}
		}
	}
	if eff.Languages != nil {
		m = m.WithLanguages(eff.Languages)
	}
	dirs := suppress.Parse(it.Text)
	for _, p := range dirs.Problems() {
		fmt.Fprintf(ck.warn, "%s:%d: warning: %s\n", it.Path, p.Line, p.Message)
	}
	rule := func(id string) (check.Severity, bool) {
		f, err := features.Lookup(id)
		if err != nil {
			return check.Info, false
		}
		return eff.Severity(id, check.DefaultSeverity(f))
	}
	e := m.ExplainFiltered(doc, func(f features.Finding) bool {
		_, off := rule(f.Rule)
		return off || dirs.Suppressed(f.Rule, f.Line)
	})

	lines, onlyChanged := ck.changedLines(it.Path)
	shown := func(f features.Finding) bool { return !onlyChanged || lines.Has(f.Line) }
	finding := func(f features.Finding, suppressed bool) check.Finding {
		sev, _ := rule(f.Rule)
		msg := ""
		if ft, err := features.Lookup(f.Rule); err == nil {
			msg = ft.Description
		}
		return check.Finding{Finding: f, Severity: sev, Message: msg, Suppressed: suppressed}
	}
	score := e.Score
	out := check.File{Path: it.Path, Score: &score, Verdict: string(e.Verdict), Language: e.Language, LanguageConfidence: e.LanguageConfidence}
	if !e.Scored() {
		out.Score = nil
	}
	for _, f := range e.Findings {
		if shown(f) {
			out.Findings = append(out.Findings, finding(f, false))
		}
	}
	for _, f := range e.Suppressed {
		if _, off := rule(f.Rule); !off && shown(f) {
			out.Findings = append(out.Findings, finding(f, true))
		}
	}
	sort.SliceStable(out.Findings, func(i, j int) bool {
		return features.FindingLess(out.Findings[i].Finding, out.Findings[j].Finding)
	})

	failAbove := m.Thresholds.Flagged
	if eff.FailAbove != nil {
		failAbove = *eff.FailAbove
	}
	if ck.failAbove != nil {
		failAbove = *ck.failAbove
	}
	failOn := check.Error
	if eff.FailOn != nil {
		failOn = *eff.FailOn
	}
	if ck.failOn != nil {
		failOn = *ck.failOn
	}
	// with --new-from-rev, a file none of whose lines changed cannot fail.
	out.Failed = e.Scored() && score >= failAbove && (!onlyChanged || !lines.Empty())
	for _, f := range out.Findings {
		if !f.Suppressed && f.Severity >= failOn {
			out.Failed = true
		}
	}
	return out
}

// changedLines returns the lines of path changed since --new-from-rev, and
// whether only those are to be reported.
func (ck *checker) changedLines(path string) (gitdiff.LineSet, bool) {
	if ck.changed == nil {
		return gitdiff.LineSet{}, false
	}
	rel := filepath.ToSlash(filepath.Clean(path))
	if filepath.IsAbs(path) {
		if wd, err := os.Getwd(); err == nil {
			if r, err := filepath.Rel(wd, path); err == nil {
				rel = filepath.ToSlash(r)
			}
		}
	}
	return ck.changed[rel], true
}

func configCommand() *cli.Command {
	return &cli.Command{
		Name:      "config",
		Usage:     "print the configuration that applies to a file, and the files it came from",
		ArgsUsage: "[PATH]",
		Description: `chaff check reads .chaff.yaml (or .chaff.yml) from a file's folder up to the
repository root, nearest first, then $XDG_CONFIG_HOME/chaff/config.yaml; --config FILE
or CHAFF_CONFIG uses one file instead. This prints what applies to PATH (default: the
current folder) as YAML, each setting with the file and line it came from.

Keys: thresholds {suspect, flagged}, fail-above, fail-on, rules {RULE: off|on|info|
warning|error}, phrases {PHRASE: weight}, ignore [GLOB...], overrides [{files, ...}].`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "config", Usage: "use only the configuration `FILE`", EnvVars: []string{"CHAFF_CONFIG"}},
		},
		Action: func(c *cli.Context) error {
			path := "."
			if c.Args().Present() {
				path = c.Args().First()
			}
			eff, err := config.ForFile(path, config.Options{Explicit: c.String("config")})
			if err != nil {
				return cli.Exit("chaff config: "+err.Error(), exitError)
			}
			return eff.Describe(c.App.Writer)
		},
	}
}
