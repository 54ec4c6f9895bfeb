package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/chaff-dev/chaff/features/markup"
)

// Item is one document to score, or the reason an input could not be read.
type Item struct {
	ID       string         // the path for a file, the record id (or "path:line") in a JSONL corpus
	Path     string         // the file it came from, as given or joined; "-" for standard input
	Line     int            // line number in a JSONL corpus, 0 otherwise
	Text     []byte         // the document, valid UTF-8 (see Decode)
	Fields   map[string]any // the JSONL record, nil otherwise
	Replaced int            // bytes that were not UTF-8, read as Windows-1252
	Format   markup.Format  // how to read Text when the path does not say (WARC records, standard input)
	Err      error          // why this input could not be read; Text is empty then
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
	Limits           Limits
	Stdin            io.Reader // what "-" reads; os.Stdin when nil
	// InputFormat is how "-" is read: one of InputFormats; "" is one text
	// document, "auto" tells JSONL and WARC from a document (see stdin).
	InputFormat string
	// OnRead, when set, is told the bytes read from every input as they
	// are read (before decompression), for progress.
	OnRead func(n int)
	// Context, when set, stops the walk once it is done: Walk returns its
	// error (context.Canceled for Ctrl-C) between two inputs.
	Context context.Context
}

// DefaultInclude is what a folder walk reads when no Include glob is given.
var DefaultInclude = []string{"*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.jsonl", "*.jsonl.gz", "*.jsonl.zst", "*.warc", "*.warc.gz", "*.warc.zst", "*.wet", "*.wet.gz", "*.wet.zst"}

// ErrNoFiles is the reason given for a folder in which nothing was read.
var ErrNoFiles = errors.New("no files to read")

// ErrNoRecords is the reason given for a JSONL corpus without a record.
var ErrNoRecords = errors.New("no records")

// ErrNotRegular is the reason given for a named pipe, socket or device
// found in a folder: it is not read (a pipe could block the walk forever).
var ErrNotRegular = errors.New("not a regular file")

// ErrLinkLoop is the reason given for a symbolic link back to a folder
// that holds it.
var ErrLinkLoop = errors.New("symbolic link loop")

// ErrDangling is the reason given for a symbolic link to nothing.
var ErrDangling = errors.New("dangling symbolic link")

// ErrVanished is the reason given for a file or folder that was listed and
// then removed before it could be read.
var ErrVanished = errors.New("removed during the walk")

// Walk calls fn once for every document found under paths, in order:
//
//   - "-" is standard input, read as InputFormat says: one document (ID
//     and Path "-") unless it is JSONL or WARC (see walker.stdin);
//   - a file is one document (ID = Path = the path as given); a named pipe
//     or device given by name is read like a file;
//   - a file named *.jsonl is a corpus: one Item per non-blank line, with
//     ID the record's id field or "path:line", Line and Fields set, and Err
//     set on a line that cannot be read; so is *.jsonl.gz and *.jsonl.zst;
//   - a WARC or WET file (*.warc, *.wet, .gz or .zst) is a corpus: one Item
//     per document record (see warcRecords), ID its target URI;
//   - a folder is walked recursively in lexical order, skipping hidden files
//     and folders (names starting with "."), reading the regular files that
//     pass Include and Exclude (paths are joined to the folder as given).
//     Symbolic links are followed; a link back to a folder being walked is
//     reported (ErrLinkLoop), a folder reached a second time is not walked
//     again.
//
// Every document is decoded (Decode) and at most Limits.MaxBytes long.
// Nothing is dropped: an input that does not exist, cannot be read, is
// binary, too large, not text, not a regular file (in a folder), a dangling
// link or a link loop, or (a folder or corpus) holds no document yields an
// Item whose Err names the path and the reason. fn returning an error stops
// the walk and Walk returns that error; otherwise Walk returns nil, the
// context's error, or an error for a bad glob.
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
	o.Limits = o.Limits.withDefaults()
	if o.JSONL.MaxBytes <= 0 {
		o.JSONL.MaxBytes = o.Limits.MaxBytes
	}
	if o.Context != nil {
		next := fn
		fn = func(it Item) error {
			if err := o.Context.Err(); err != nil {
				return err
			}
			return next(it)
		}
	}
	w := walker{o: o, fn: fn, seen: map[[2]uint64]bool{}}
	for _, p := range paths {
		if err := w.stopped(); err != nil {
			return err
		}
		if err := w.top(p); err != nil {
			return err
		}
	}
	return nil
}

// IsJSONL tells whether a path names a JSONL corpus.
func IsJSONL(p string) bool { return strings.EqualFold(filepath.Ext(stripCompression(p)), ".jsonl") }

type walker struct {
	o    Options
	fn   func(Item) error
	seen map[[2]uint64]bool // folders walked (device, inode), where the system tells
}

func (w *walker) stopped() error {
	if w.o.Context == nil {
		return nil
	}
	return w.o.Context.Err()
}

func (w *walker) fail(p string, err error) error {
	return w.fn(Item{ID: p, Path: p, Err: err})
}

func (w *walker) top(p string) error {
	if p == "-" {
		return w.stdin()
	}
	f, fi, err := openFile(p)
	if err != nil {
		return w.fail(p, err)
	}
	if fi.IsDir() {
		f.Close()
		return w.folder(p, fi)
	}
	if IsCorpus(p) {
		defer f.Close()
		return w.corpusFile(p, f)
	}
	if fi.Mode().Type()&fs.ModeSocket != 0 {
		f.Close()
		return w.fail(p, fmt.Errorf("%s: %w (%s)", p, ErrNotRegular, kind(fi.Mode())))
	}
	return w.read(p, f, fi)
}

// read reads an open file as one document and closes it.
func (w *walker) read(p string, f *os.File, fi os.FileInfo) error {
	size := int64(-1)
	if fi.Mode().IsRegular() {
		size = fi.Size()
	}
	b, err := readLimited(w.counted(f), w.o.Limits.MaxBytes, size)
	f.Close()
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return w.fail(p, fmt.Errorf("%s: %w", p, err))
		}
		return w.fail(p, err)
	}
	return w.document(p, b)
}

// folder walks root in lexical order.
func (w *walker) folder(root string, fi os.FileInfo) error {
	found := false
	if k, ok := fileKey(fi); ok {
		w.seen[k] = true
	}
	if err := w.dir(root, []folderSeen{{fi, root}}, &found); err != nil {
		return err
	}
	if !found {
		return w.fail(root, fmt.Errorf("%s: %w (include %s)", root, ErrNoFiles, strings.Join(w.o.Include, " ")))
	}
	return nil
}

// dir walks the folder p; ancestors are the folders that hold it, itself
// last. found is set when anything was read or reported.
func (w *walker) dir(p string, ancestors []folderSeen, found *bool) error {
	ents, err := os.ReadDir(p)
	if err != nil {
		// An unreadable folder (or one that vanished): report it, go on.
		*found = true
		if errors.Is(err, fs.ErrNotExist) && len(ancestors) > 1 {
			err = fmt.Errorf("%s: %w", p, ErrVanished)
		}
		return w.fail(p, err)
	}
	for _, e := range ents {
		if err := w.stopped(); err != nil {
			return err
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		cp := filepath.Join(p, name)
		typ := e.Type()
		var fi os.FileInfo
		if typ.IsDir() || typ&fs.ModeSymlink != 0 {
			// a folder, or a link to anything: what it leads to
			fi, err = os.Stat(cp)
			if err != nil {
				if w.excluded(cp) || typ&fs.ModeSymlink != 0 && !w.included(cp) && !errors.Is(err, syscall.ELOOP) {
					continue
				}
				*found = true
				if ferr := w.fail(cp, w.statError(cp, typ, err)); ferr != nil {
					return ferr
				}
				continue
			}
			typ = fi.Mode().Type()
		}
		switch {
		case typ.IsDir():
			if w.excluded(cp) {
				continue
			}
			if loop := ancestorOf(ancestors, fi); loop != "" {
				*found = true
				if err := w.fail(cp, fmt.Errorf("%s: %w (back to %s)", cp, ErrLinkLoop, loop)); err != nil {
					return err
				}
				continue
			}
			if k, ok := fileKey(fi); ok {
				if w.seen[k] {
					continue // walked already, by another path
				}
				w.seen[k] = true
			}
			if err := w.dir(cp, append(ancestors[:len(ancestors):len(ancestors)], folderSeen{fi, cp}), found); err != nil {
				return err
			}
		case !w.included(cp) || w.excluded(cp):
		case typ.IsRegular():
			*found = true
			if err := w.file(cp); err != nil {
				return err
			}
		default:
			*found = true
			if err := w.fail(cp, fmt.Errorf("%s: %w (%s)", cp, ErrNotRegular, kind(typ))); err != nil {
				return err
			}
		}
	}
	return nil
}

// folderSeen is a folder being walked and the path it was reached by.
type folderSeen struct {
	fi   os.FileInfo
	path string
}

// ancestorOf returns the path of the ancestor that fi is, or "".
func ancestorOf(ancestors []folderSeen, fi os.FileInfo) string {
	for _, a := range ancestors {
		if os.SameFile(a.fi, fi) {
			return a.path
		}
	}
	return ""
}

// statError says why a listed entry could not be followed.
func (w *walker) statError(p string, typ fs.FileMode, err error) error {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return fmt.Errorf("%s: %w", p, ErrLinkLoop)
	case errors.Is(err, fs.ErrNotExist) && typ&fs.ModeSymlink != 0:
		if _, lerr := os.Lstat(p); lerr == nil {
			target, _ := os.Readlink(p)
			return fmt.Errorf("%s: %w (to %s)", p, ErrDangling, target)
		}
		return fmt.Errorf("%s: %w", p, ErrVanished)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: %w", p, ErrVanished)
	}
	return err
}

// kind names a file type that is not a regular file.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "irregular file"
}

// file reads one file found in a folder: a corpus or a document. It is
// checked again once open: what was listed may have been replaced.
func (w *walker) file(p string) error {
	f, fi, err := openFile(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			err = fmt.Errorf("%s: %w", p, ErrVanished)
		}
		return w.fail(p, err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return w.fail(p, fmt.Errorf("%s: %w (%s)", p, ErrNotRegular, kind(fi.Mode())))
	}
	if IsCorpus(p) {
		defer f.Close()
		return w.corpusFile(p, f)
	}
	return w.read(p, f, fi)
}

func (w *walker) document(p string, b []byte) error {
	text, replaced, err := DecodeAs(b, markup.FormatOf(p), "")
	if err != nil {
		return w.fail(p, fmt.Errorf("%s: %w", p, err))
	}
	return w.fn(Item{ID: p, Path: p, Text: text, Replaced: replaced})
}

// fnError carries fn's error through ReadJSONL, to tell it from a read error.
type fnError struct{ err error }

func (e fnError) Error() string { return e.err.Error() }

// corpus reads the JSONL corpus f, named p.
func (w *walker) corpus(p string, f io.Reader) error {
	return w.records(p, "", func(emit func(Item) error) error {
		return ReadJSONL(f, w.o.JSONL, func(r Record) error {
			it := Item{ID: r.ID, Path: p, Line: r.Line, Fields: r.Fields, Replaced: r.Replaced}
			if it.ID == "" {
				it.ID = fmt.Sprintf("%s:%d", p, r.Line)
			}
			if r.Err != nil {
				it.Err = fmt.Errorf("%s: %w", p, r.Err)
			} else {
				it.Text = []byte(r.Text)
			}
			return emit(it)
		})
	})
}

// records runs a corpus reader that emits one Item per record, and
// accounts for the corpus as a whole: fn's own error stops the walk as it
// is, a read error ends the file with an error Item, and a file without a
// record is an error Item (ErrNoRecords, then why, if anything says why).
func (w *walker) records(p, why string, read func(emit func(Item) error) error) error {
	n := 0
	err := read(func(it Item) error {
		n++
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
		return w.fail(p, fmt.Errorf("%s: %w%s", p, ErrNoRecords, why))
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
