package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Item is one document to score, or the reason an input could not be read.
type Item struct {
	ID     string         // the path for a file, the record id (or "path:line") in a JSONL corpus
	Path   string         // the file it came from, as given or joined; "-" for standard input
	Line   int            // line number in a JSONL corpus, 0 otherwise
	Text   []byte         // the document
	Fields map[string]any // the JSONL record, nil otherwise
	Err    error          // why this input could not be read; Text is empty then
}

// Options control which files a folder walk picks up and how corpora read.
type Options struct {
	// Include and Exclude are globs (path.Match syntax) matched against a
	// file's base name and its slash-separated path, and every trailing part
	// of that path ("drafts/*.md" matches "corpus/drafts/a.md"). A file
	// found in a folder is read when it matches an Include glob (DefaultInclude
	// when Include is empty) and no Exclude glob; a folder matching an Exclude
	// glob is not entered. Paths given explicitly are always read.
	Include, Exclude []string
	JSONL            JSONLOptions
	Stdin            io.Reader // what "-" reads; os.Stdin when nil
}

// DefaultInclude is what a folder walk reads when no Include glob is given.
var DefaultInclude = []string{"*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.jsonl"}

// ErrBinary is the reason given for a file with NUL bytes in its first 8 KB.
var ErrBinary = errors.New("binary file")

// ErrNoFiles is the reason given for a folder in which nothing was read.
var ErrNoFiles = errors.New("no files to read")

// ErrNoRecords is the reason given for a JSONL corpus without a record.
var ErrNoRecords = errors.New("no records")

// binarySniff is how much of a file is checked for NUL bytes.
const binarySniff = 8 << 10

// Walk calls fn once for every document found under paths, in order:
//
//   - "-" is standard input, read as one document (ID and Path "-");
//   - a file is one document (ID = Path = the path as given);
//   - a file named *.jsonl is a corpus: one Item per non-blank line, with
//     ID the record's id field or "path:line", Line and Fields set, and Err
//     set on a line that cannot be read;
//   - a folder is walked recursively in lexical order, skipping hidden files
//     and folders (names starting with "."), reading the files that pass
//     Include and Exclude (paths are joined to the folder as given).
//
// Nothing is dropped: an input that does not exist, cannot be read, is binary,
// or (a folder or corpus) holds no document yields an Item whose Err names
// the path and the reason. fn returning an error stops the walk and Walk
// returns that error; otherwise Walk returns nil, or an error for a bad glob.
func Walk(paths []string, o Options, fn func(Item) error) error {
	if err := checkGlobs(o.Include); err != nil {
		return fmt.Errorf("--include: %w", err)
	}
	if err := checkGlobs(o.Exclude); err != nil {
		return fmt.Errorf("--exclude: %w", err)
	}
	if len(o.Include) == 0 {
		o.Include = DefaultInclude
	}
	w := walker{o: o, fn: fn}
	for _, p := range paths {
		if err := w.top(p); err != nil {
			return err
		}
	}
	return nil
}

// IsJSONL tells whether a path names a JSONL corpus.
func IsJSONL(p string) bool { return strings.EqualFold(filepath.Ext(p), ".jsonl") }

type walker struct {
	o  Options
	fn func(Item) error
}

func (w *walker) fail(p string, err error) error {
	return w.fn(Item{ID: p, Path: p, Err: err})
}

func (w *walker) top(p string) error {
	if p == "-" {
		in := w.o.Stdin
		if in == nil {
			in = os.Stdin
		}
		b, err := io.ReadAll(in)
		if err != nil {
			return w.fail(p, fmt.Errorf("read standard input: %w", err))
		}
		return w.document(p, b)
	}
	f, err := os.Open(p)
	if err != nil {
		return w.fail(p, err)
	}
	fi, err := f.Stat()
	f.Close()
	if err != nil {
		return w.fail(p, err)
	}
	if fi.IsDir() {
		return w.folder(p)
	}
	return w.file(p)
}

// folder walks root in lexical order.
func (w *walker) folder(root string) error {
	found := false
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable folder (or one that vanished): report it, go on.
			found = true
			if p == root {
				return w.fail(p, err)
			}
			if ferr := w.fail(p, err); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p == root {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if w.excluded(p) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			// Follow a symbolic link to a file; skip links to folders (no
			// loops), sockets, devices and the like.
			if d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			fi, err := os.Stat(p)
			if err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		}
		if !w.included(p) || w.excluded(p) {
			return nil
		}
		found = true
		return w.file(p)
	})
	if err != nil {
		return err
	}
	if !found {
		return w.fail(root, fmt.Errorf("%s: %w (include %s)", root, ErrNoFiles, strings.Join(w.o.Include, " ")))
	}
	return nil
}

// file reads one file: a corpus or a document.
func (w *walker) file(p string) error {
	if IsJSONL(p) {
		return w.corpus(p)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return w.fail(p, err)
	}
	return w.document(p, b)
}

func (w *walker) document(p string, b []byte) error {
	if bytes.IndexByte(b[:min(len(b), binarySniff)], 0) >= 0 {
		return w.fail(p, fmt.Errorf("%s: %w", p, ErrBinary))
	}
	return w.fn(Item{ID: p, Path: p, Text: b})
}

// fnError carries fn's error through ReadJSONL, to tell it from a read error.
type fnError struct{ err error }

func (e fnError) Error() string { return e.err.Error() }

func (w *walker) corpus(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return w.fail(p, err)
	}
	defer f.Close()
	n := 0
	err = ReadJSONL(f, w.o.JSONL, func(r Record) error {
		n++
		it := Item{ID: r.ID, Path: p, Line: r.Line, Fields: r.Fields}
		if it.ID == "" {
			it.ID = fmt.Sprintf("%s:%d", p, r.Line)
		}
		if r.Err != nil {
			it.Err = fmt.Errorf("%s: %w", p, r.Err)
		} else {
			it.Text = []byte(r.Text)
		}
		if err := w.fn(it); err != nil {
			return fnError{err}
		}
		return nil
	})
	var fe fnError
	if errors.As(err, &fe) {
		return fe.err
	}
	if err != nil {
		return w.fail(p, fmt.Errorf("read %s: %w", p, err))
	}
	if n == 0 {
		return w.fail(p, fmt.Errorf("%s: %w", p, ErrNoRecords))
	}
	return nil
}

func checkGlobs(globs []string) error {
	for _, g := range globs {
		if _, err := path.Match(g, ""); err != nil {
			return fmt.Errorf("bad glob %q: %w", g, err)
		}
	}
	return nil
}

func (w *walker) included(p string) bool { return matchAny(w.o.Include, p) }
func (w *walker) excluded(p string) bool { return matchAny(w.o.Exclude, p) }

// matchAny tells whether a glob matches the base name of p, its slash path,
// or any trailing part of the slash path.
func matchAny(globs []string, p string) bool {
	if len(globs) == 0 {
		return false
	}
	sp := filepath.ToSlash(p)
	cands := []string{path.Base(sp)}
	for s := sp; ; {
		cands = append(cands, s)
		i := strings.IndexByte(s, '/')
		if i < 0 {
			break
		}
		s = s[i+1:]
	}
	for _, g := range globs {
		for _, c := range cands {
			if ok, _ := path.Match(g, c); ok {
				return true
			}
		}
	}
	return false
}
