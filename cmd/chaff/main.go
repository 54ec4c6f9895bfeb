// Command chaff scores articles 0-100 for AI boilerplate, machine-written
// style and page residue, and explains every score with findings.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/model"
	"github.com/urfave/cli/v2"
)

// Exit codes.
const (
	exitOK      = 0 // everything read and scored, nothing at or above --fail-above
	exitTripped = 1 // a document scored at or above --fail-above
	exitError   = 2 // usage error, or an input that could not be read or scored
	// exitInterrupted: stopped by Ctrl-C (SIGINT) or SIGTERM, after writing
	// the records scored so far (complete lines), as shells report SIGINT.
	exitInterrupted = 130
)

func main() {
	// chaff's garbage is short-lived (one document at a time) over a live
	// heap of about 40 MB (the lexicons): collecting at 5x the live heap
	// instead of 2x saves a quarter of the CPU time, and the soft memory
	// limit makes the collector work harder only when memory runs high.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(160 << 20)
	// Ctrl-C (or SIGTERM) cancels the context: score stops reading, the
	// workers finish what they hold, and what was scored is written. A
	// second Ctrl-C kills at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() { <-ctx.Done(); stop() }()
	os.Exit(runContext(ctx, newApp(os.Stdout, os.Stderr), os.Args))
}

// run runs the app and turns its error into an exit code, writing the
// error's message (if any) to the app's ErrWriter.
func run(app *cli.App, args []string) int { return runContext(context.Background(), app, args) }

// runContext is run with a context that commands stop on (Ctrl-C).
func runContext(ctx context.Context, app *cli.App, args []string) int {
	err := app.RunContext(ctx, flagsFirst(app, args))
	if err == nil {
		return exitOK
	}
	code := exitError
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		code = ec.ExitCode()
	}
	if msg := err.Error(); msg != "" {
		if !strings.HasPrefix(msg, "chaff") {
			msg = "chaff: " + msg
		}
		fmt.Fprintln(app.ErrWriter, msg)
	}
	return code
}

// newApp builds the chaff command line. Everything it prints goes to stdout
// and stderr (through c.App.Writer and c.App.ErrWriter); standard input is
// app.Reader, os.Stdin unless a caller sets another.
func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:  "chaff",
		Usage: "score articles 0-100 for AI boilerplate, machine-written style and page residue",
		UsageText: `chaff [--model FILE] score [options] [PATH...]
chaff check [options] FILE...
chaff report [options] PATH... -o report.html
chaff features [options] PATH...
chaff rules [--format table|json]
chaff config | train | eval | lexicon | bench ...  (see chaff COMMAND --help)`,
		Description: `chaff reads articles (plain text, Markdown, HTML, or JSONL corpora with one article
a line) and gives each a score from 0 to 100: the calibrated probability, in percent,
that the text is machine-written boilerplate or carries page residue. Each score comes
with findings: the rule that fired, the line and column, the text it matched and how
much it weighed. A score at or above the model's suspect threshold reads "suspect",
at or above the flagged threshold "flagged"; hard evidence (a leaked prompt, a chatbot
artefact, an AI-use disclosure) flags a document on its own.

The model is linear and its file is plain JSON: every number that scores a document
is in it. chaff ships with one built in; --model FILE uses another (see chaff train).

Examples:
   chaff score article.txt                  one article, as a table
   chaff score drafts/                      every article under drafts/ (see chaff score --help)
   chaff score --format jsonl corpus.jsonl  one JSON line per record, with its findings
   chaff check post.md                      findings as a linter prints them, exit 1 on failure
   chaff report site/ -o report.html        one HTML page with the evidence highlighted
   curl -s https://example.com/ | chaff score   standard input
   chaff score --fail-above 90 posts/       exit 1 if any post scores 90 or more (for CI)
   chaff rules                              what every rule looks for

Exit codes: 0 all read and scored; 1 a document scored at or above --fail-above;
2 usage error, or an input that could not be read (reported, after everything else).`,
		Flags: []cli.Flag{
			modelFlag(),
		},
		Commands: []*cli.Command{scoreCommand(), checkCommand(), reportCommand(), configCommand(), featuresCommand(), rulesCommand(), trainCommand(), evalCommand(), lexiconCommand(), benchCommand()},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return cli.Exit(fmt.Sprintf("chaff: unknown command %q (see chaff --help)", c.Args().First()), exitError)
			}
			return cli.ShowAppHelp(c)
		},
		OnUsageError:   usageError,
		ExitErrHandler: func(*cli.Context, error) {}, // run reports errors and exits
		Writer:         stdout,
		ErrWriter:      stderr,
		Reader:         os.Stdin,
	}
	for _, cmd := range app.Commands {
		if cmd.OnUsageError == nil {
			cmd.OnUsageError = usageError
		}
	}
	return app
}

// flagsFirst moves a command's flags in front of its paths, so that
// "chaff score drafts/ --format json" works as users of other CLIs expect
// (urfave/cli stops reading flags at the first path). "--" ends the flags.
func flagsFirst(app *cli.App, args []string) []string {
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		if takesValue(app.Flags, args[i]) {
			i++
		}
		i++
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	var flags, paths []string
	rest := args[i+1:]
	for k := 0; k < len(rest); k++ {
		a := rest[k]
		switch {
		case a == "--":
			paths = append(paths, rest[k:]...)
			k = len(rest)
		case strings.HasPrefix(a, "-") && a != "-":
			flags = append(flags, a)
			if takesValue(cmd.Flags, a) && k+1 < len(rest) {
				k++
				flags = append(flags, rest[k])
			}
		default:
			paths = append(paths, a)
		}
	}
	out := append(append([]string(nil), args[:i+1]...), flags...)
	return append(out, paths...)
}

// takesValue tells whether arg names a flag of fs that takes a separate value.
func takesValue(fs []cli.Flag, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	if strings.Contains(name, "=") {
		return false
	}
	for _, f := range fs {
		for _, n := range f.Names() {
			if n == name {
				_, isBool := f.(*cli.BoolFlag)
				return !isBool
			}
		}
	}
	return false
}

// usageError turns a flag parsing error into exit code 2 with a pointer to help.
func usageError(c *cli.Context, err error, isSubcommand bool) error {
	name := "chaff"
	if c.Command != nil && c.Command.Name != "" {
		name += " " + c.Command.Name
	}
	return cli.Exit(fmt.Sprintf("%s: %v (see %s --help)", name, err, name), exitError)
}

// usage is a usage error of command c: exit code 2.
func usage(c *cli.Context, format string, a ...any) error {
	return cli.Exit(fmt.Sprintf("chaff %s: %s (see chaff %s --help)", c.Command.Name, fmt.Sprintf(format, a...), c.Command.Name), exitError)
}

func modelFlag() cli.Flag {
	return &cli.StringFlag{
		Name:    "model",
		Usage:   "score with the model in `FILE` (JSON written by chaff train) instead of the built-in one",
		EnvVars: []string{"CHAFF_MODEL"},
	}
}

// loadModel returns the model named by --model, given to the command or to
// chaff itself (the command's wins), or the built-in model.
func loadModel(c *cli.Context) (*model.Model, error) {
	path := ""
	for _, cc := range c.Lineage() {
		if p := cc.String("model"); p != "" {
			path = p
			break
		}
	}
	if path == "" {
		m, err := model.Default()
		if err != nil {
			return nil, cli.Exit(fmt.Sprintf("chaff: built-in model: %v", err), exitError)
		}
		return m, nil
	}
	m, err := model.Load(path)
	if err != nil {
		return nil, cli.Exit(fmt.Sprintf("chaff: %v", err), exitError)
	}
	return m, nil
}

// walkFlags are the flags that choose and read inputs (see walkOptions).
func walkFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "include", Usage: "in folders, read only files matching `GLOB` (base name or path; repeatable) [default: " + strings.Join(input.DefaultInclude, " ") + "]"},
		&cli.StringSliceFlag{Name: "exclude", Usage: "in folders, skip files and folders matching `GLOB` (repeatable)"},
		&cli.StringFlag{Name: "text-field", Value: "text", Usage: "in JSONL corpora, the `FIELD` holding the article"},
		&cli.StringFlag{Name: "id-field", Value: "id", Usage: "in JSONL corpora, the `FIELD` holding its id (a record without one is named path:line)"},
		&cli.Int64Flag{Name: "max-bytes", Value: input.DefaultMaxBytes, Usage: "read at most `N` bytes of a document (a file, standard input, a corpus record); a larger one is an error record and the rest is not read"},
		&cli.Int64Flag{Name: "max-decompressed", Value: input.DefaultMaxDecompressed, Usage: "read at most `N` bytes out of a compressed file (.gz, .zst): past it, the file is an error (a compression bomb)"},
		&cli.StringFlag{Name: "input-format", Value: input.FormatAuto, Usage: "read standard input as `FORMAT`: " + strings.Join(input.InputFormats, ", ") + " (auto: JSONL when the first line is a JSON object with the text field, WARC when it starts with WARC/, gzip and zstd unpacked, else one text document)"},
	}
}

// walkOptions reads the walkFlags of c.
func walkOptions(c *cli.Context) input.Options {
	return input.Options{
		Include:     c.StringSlice("include"),
		Exclude:     c.StringSlice("exclude"),
		JSONL:       input.JSONLOptions{TextField: c.String("text-field"), IDField: c.String("id-field")},
		Stdin:       c.App.Reader,
		InputFormat: c.String("input-format"),
		Limits:      input.Limits{MaxBytes: c.Int64("max-bytes"), MaxDecompressed: c.Int64("max-decompressed")},
	}
}

// inputPaths returns the command's PATH arguments, or "-" (standard input)
// when there are none and standard input is not a terminal.
func inputPaths(c *cli.Context) ([]string, error) {
	if c.Args().Present() {
		return c.Args().Slice(), nil
	}
	if stdinIsTerminal(c.App.Reader) {
		return nil, usage(c, "no input: give files or folders, or pipe text on standard input")
	}
	return []string{"-"}, nil
}

func stdinIsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return r == nil
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// inputFailed is the error for n inputs out of total that could not be read.
func inputFailed(n, total int) error {
	return cli.Exit(fmt.Sprintf("chaff: %d of %d %s could not be read", n, total, plural(total, "input", "inputs")), exitError)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// oneOf checks a flag value against the allowed ones.
func oneOf(c *cli.Context, flag, value string, allowed []string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return usage(c, "--%s %q: want one of %s", flag, value, strings.Join(allowed, ", "))
}
