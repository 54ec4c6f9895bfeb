// Package config reads chaff's configuration files for `chaff check` and
// `chaff config`, and works out the settings that apply to one checked file.
//
// # Files
//
// A project file is named .chaff.yaml (or .chaff.yml; both in one folder is an
// error). For a checked file, project files are looked for in the file's
// folder (the path itself when it is a folder), then in each parent folder,
// up to and including the repository root: the first folder holding a .git
// entry, or the filesystem root when there is none. The user file comes
// after them: $XDG_CONFIG_HOME/chaff/config.yaml (or config.yml), by default
// ~/.config/chaff/config.yaml. Files that do not exist are skipped.
//
// An explicit file, Options.Explicit (--config PATH) or else the environment
// variable CHAFF_CONFIG, replaces discovery: that one file is used, neither
// project files nor the user file are read, and it is an error for it not to
// exist.
//
// # How files combine
//
// Within one file, the top-level settings apply first, then each entry of
// overrides whose files globs match the checked file, in order: a later
// override wins over an earlier one and over the top level, key by key.
//
// Across files, the nearest file wins key by key: a project file over the
// project files in the folders above it, and every project file over the
// user file. The keys are thresholds (one unit: a file that sets it sets both
// suspect and flagged, and the pair is taken whole), fail-above, fail-on,
// each rule ID under rules, and each phrase under phrases. So a farther file
// supplies only what no nearer file sets, and a farther file's override never
// beats a nearer file's top level. Rules and phrases accumulate: the result
// holds every rule and phrase any file sets, each with its nearest setting.
// A rule set to "on" undoes a farther "off" (the rule gets its default
// severity back); a phrase set to 0 neutralises a farther one.
//
// Ignore globs accumulate too: a file is ignored when it matches an ignore
// glob of any file that applies.
//
// # Globs
//
// Globs (ignore, overrides[].files) use path.Match syntax per path element,
// plus ** for any number of folders, and are matched against the checked
// file's slash-separated path relative to the config file's folder. A glob
// without a slash ("*.min.html", "drafts") matches any element of that path,
// at any depth; a glob with a slash ("drafts/**", "/press/*.md") is anchored
// at the config file's folder (a leading slash only anchors; a trailing one
// is dropped). A glob that matches a folder covers everything beneath it:
// "/drafts" and "drafts/**" are the same, and "drafts" or "drafts/" cover
// every folder named drafts at any depth. Files outside the config file's
// folder match no glob of it. The user file's globs are relative to the
// checked file's repository root (the folder where discovery stopped), since
// the user file's own folder holds no articles.
//
// # Keys
//
//	thresholds: {suspect: 80, flagged: 95}  # 0-100, suspect <= flagged; replace the model's
//	fail-above: 90                           # 0-100; a score at or above it fails the file
//	fail-on: warning                         # info, warning or error
//	rules:                                   # off, on, info, warning or error per rule ID
//	  residue.nav-menu: off
//	phrases:                                 # phrase: log-odds weight (> 0 leans machine)
//	  "synergize": 2.0
//	ignore: ["drafts/**", "*.min.html"]      # only at the top level
//	overrides:                               # only at the top level
//	  - files: ["press-releases/**"]         # required; a glob or a list of globs
//	    fail-above: 99                       # any of thresholds, fail-above, fail-on, rules, phrases
//
// A key set to nothing (null) is an error for thresholds, fail-above and
// fail-on, and empty for the others. Phrases are compared in lower case with
// runs of white space made one space, which is also how Effective.Phrases
// holds them. Every mistake is reported with the file, the line and the key,
// as in
//
//	.chaff.yaml:7: rules.residue.nav-menuu: unknown rule (did you mean residue.nav-menu?)
//
// and all the mistakes of a file are reported together (see Errors).
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/chaff-dev/chaff/cmd/check"
	"github.com/chaff-dev/chaff/model"
)

// EnvVar names the environment variable that, like --config, names the one
// configuration file to use.
const EnvVar = "CHAFF_CONFIG"

// ProjectNames are the names of a project file, in the order they are tried.
var ProjectNames = []string{".chaff.yaml", ".chaff.yml"}

// userNames are the names of the user file in its folder.
var userNames = []string{"config.yaml", "config.yml"}

// Options say where configuration comes from.
type Options struct {
	// Explicit is the one file to use (--config); "" to discover files.
	// Relative paths are relative to the working directory.
	Explicit string
	// UserFile is the user file's path: "" for the default location
	// ($XDG_CONFIG_HOME/chaff/config.yaml, else ~/.config/chaff/config.yaml),
	// "-" for none. It is skipped when it does not exist.
	UserFile string
	// Getenv reads the environment (CHAFF_CONFIG, XDG_CONFIG_HOME, HOME);
	// os.Getenv when nil.
	Getenv func(string) string
}

// Rule is one rule's setting.
type Rule struct {
	Off      bool            // the rule is not reported
	Severity *check.Severity // nil: the rule's default severity
}

func (r Rule) String() string {
	switch {
	case r.Off:
		return "off"
	case r.Severity == nil:
		return "on"
	}
	return r.Severity.String()
}

// Effective is the configuration that applies to one file. A nil field or a
// missing map entry means no file sets it, so chaff's default applies.
type Effective struct {
	Path       string            // the checked file, absolute
	Thresholds *model.Thresholds // replace the model's
	FailAbove  *float64          // a score at or above it fails the file
	FailOn     *check.Severity   // a finding of this severity or higher fails the file
	Languages  []string          // replace the model's languages (ISO 639-3); nil: the model's
	Rules      map[string]Rule   // by rule ID
	Phrases    map[string]float64
	Ignored    bool     // the file matches an ignore glob
	IgnoredBy  string   // the glob that ignores it, as `"glob" (file:line)`
	Sources    []string // the configuration files that apply, absolute, nearest first

	origin map[string]string // key ("fail-on", "rules.<id>", "phrases.<p>") -> file:line
}

// Severity is the severity to report rule with, given its default; off is
// true when the configuration turns the rule off. A nil Effective has no
// settings.
func (e *Effective) Severity(rule string, def check.Severity) (sev check.Severity, off bool) {
	if e == nil {
		return def, false
	}
	r, ok := e.Rules[rule]
	switch {
	case !ok:
		return def, false
	case r.Off:
		return def, true
	case r.Severity != nil:
		return *r.Severity, false
	}
	return def, false
}

// ForFile is NewLoader(o).ForFile(path), for a single file.
func ForFile(path string, o Options) (*Effective, error) {
	return NewLoader(o).ForFile(path)
}

// Loader finds and parses configuration files, each at most once, and
// remembers what each folder holds, so that checking many files costs one
// parse per configuration file. It is safe for concurrent use. It does not
// notice files that change after it read them.
type Loader struct {
	o Options

	mu       sync.Mutex
	resolved bool
	explicit string // absolute; "" to discover
	explErr  error
	user     string // absolute; "" for none
	userErr  error
	files    map[string]*fileEntry
	dirs     map[string]*dirEntry
	parses   int // files parsed, for tests
}

type fileEntry struct {
	f   *file
	err error
}

// dirEntry is what discovery found from a folder upward.
type dirEntry struct {
	chain []string // project files, nearest first
	root  string   // the repository root, or the filesystem root
	err   error
}

// NewLoader returns a Loader; files are read when ForFile needs them.
func NewLoader(o Options) *Loader {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	return &Loader{o: o, files: map[string]*fileEntry{}, dirs: map[string]*dirEntry{}}
}

// ForFile returns the configuration that applies to path, a file to check
// (it need not exist) or a folder. The error is an Errors when a
// configuration file has mistakes.
func (l *Loader) ForFile(path string) (*Effective, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.resolve()
	if l.explErr != nil {
		return nil, l.explErr
	}
	var files []*file
	var root string
	if l.explicit != "" {
		f, err := l.load(l.explicit, false)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	} else {
		dir := abs
		if st, err := os.Stat(abs); err != nil || !st.IsDir() {
			dir = filepath.Dir(abs)
		}
		d := l.discover(dir)
		if d.err != nil {
			return nil, d.err
		}
		root = d.root
		for _, p := range d.chain {
			f, err := l.load(p, false)
			if err != nil {
				return nil, err
			}
			files = append(files, f)
		}
		if l.userErr != nil {
			return nil, l.userErr
		}
		if l.user != "" {
			f, err := l.load(l.user, true)
			if err != nil {
				return nil, err
			}
			files = append(files, f)
		}
	}
	return combine(abs, root, files), nil
}

// resolve works out the explicit file and the user file, once.
func (l *Loader) resolve() {
	if l.resolved {
		return
	}
	l.resolved = true
	expl, from := l.o.Explicit, "--config"
	if expl == "" {
		expl, from = l.o.Getenv(EnvVar), EnvVar
	}
	if expl != "" {
		abs, err := filepath.Abs(expl)
		if err == nil {
			var st os.FileInfo
			if st, err = os.Stat(abs); err == nil && st.IsDir() {
				err = errors.New("is a folder, not a file")
			} else if errors.Is(err, fs.ErrNotExist) {
				err = errors.New("no such file")
			}
		}
		if err != nil {
			l.explErr = fmt.Errorf("%s %s: %v", from, expl, err)
		}
		l.explicit = abs
		return
	}
	switch u := l.o.UserFile; u {
	case "-":
	case "":
		base := l.o.Getenv("XDG_CONFIG_HOME")
		if !filepath.IsAbs(base) { // the XDG spec ignores relative paths
			base = ""
			if home := l.o.Getenv("HOME"); home != "" {
				base = filepath.Join(home, ".config")
			}
		}
		if base != "" {
			l.user, l.userErr = pick(filepath.Join(base, "chaff"), userNames)
		}
	default:
		abs, err := filepath.Abs(u)
		if err != nil {
			l.userErr = err
		} else if _, err := os.Stat(abs); err == nil {
			l.user = abs
		} else if !errors.Is(err, fs.ErrNotExist) {
			l.userErr = err
		}
	}
}

// pick returns the one of names that exists in dir, "" for none, and an
// error when more than one does.
func pick(dir string, names []string) (string, error) {
	found := ""
	for _, n := range names {
		p := filepath.Join(dir, n)
		_, err := os.Stat(p)
		switch {
		case err == nil && found != "":
			return "", fmt.Errorf("%s: both %s and %s; keep one", display(dir), filepath.Base(found), n)
		case err == nil:
			found = p
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) && !isNotDir(err):
			return "", err
		}
	}
	return found, nil
}

// isNotDir reports the error of looking inside a path that is a file.
func isNotDir(err error) bool { return errors.Is(err, syscall.ENOTDIR) }

// discover returns the project files from dir upward, remembering the
// answer for dir and every folder above it.
func (l *Loader) discover(dir string) *dirEntry {
	if d, ok := l.dirs[dir]; ok {
		return d
	}
	d := &dirEntry{}
	l.dirs[dir] = d
	p, err := pick(dir, ProjectNames)
	if err != nil {
		d.err = err
		return d
	}
	if p != "" {
		d.chain = append(d.chain, p)
	}
	parent := filepath.Dir(dir)
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil || parent == dir {
		d.root = dir
		return d
	}
	up := l.discover(parent)
	d.chain = append(d.chain, up.chain...)
	d.root, d.err = up.root, up.err
	return d
}

// load parses one file, once.
func (l *Loader) load(path string, user bool) (*file, error) {
	if e, ok := l.files[path]; ok {
		return e.f, e.err
	}
	e := &fileEntry{}
	l.files[path] = e
	data, err := os.ReadFile(path)
	if err != nil {
		e.err = fmt.Errorf("%s: %v", display(path), unwrapPath(err))
		return nil, e.err
	}
	l.parses++
	e.f, e.err = parse(path, data, user)
	return e.f, e.err
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// display is how messages name a path: relative to the working directory
// when it is beneath it, absolute otherwise.
func display(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || len(rel) > 3 && rel[:3] == ".."+string(filepath.Separator) {
		return path
	}
	return rel
}

// combine applies files (nearest first) to the checked path abs.
func combine(abs, root string, files []*file) *Effective {
	e := &Effective{Path: abs, origin: map[string]string{}}
	var acc settings
	for i := len(files) - 1; i >= 0; i-- {
		f := files[i]
		rel, ok := f.rel(abs, root)
		own := f.top
		if ok {
			for _, o := range f.overrides {
				if o.files.match(rel) != nil {
					own = own.over(o.settings)
				}
			}
		}
		acc = acc.over(own)
	}
	for _, f := range files {
		e.Sources = append(e.Sources, f.path)
		if e.Ignored {
			continue
		}
		if rel, ok := f.rel(abs, root); ok {
			if g := f.ignore.match(rel); g != nil {
				e.Ignored = true
				e.IgnoredBy = fmt.Sprintf("%q (%s)", g.pattern, g.origin)
			}
		}
	}
	if s := acc.thresholds; s.set {
		t := s.val
		e.Thresholds, e.origin["thresholds"] = &t, s.origin
	}
	if s := acc.failAbove; s.set {
		v := s.val
		e.FailAbove, e.origin["fail-above"] = &v, s.origin
	}
	if s := acc.failOn; s.set {
		v := s.val
		e.FailOn, e.origin["fail-on"] = &v, s.origin
	}
	if s := acc.languages; s.set {
		e.Languages, e.origin["languages"] = s.val, s.origin
	}
	if len(acc.rules) > 0 {
		e.Rules = map[string]Rule{}
		for id, s := range acc.rules {
			e.Rules[id], e.origin["rules."+id] = s.val, s.origin
		}
	}
	if len(acc.phrases) > 0 {
		e.Phrases = map[string]float64{}
		for p, s := range acc.phrases {
			e.Phrases[p], e.origin["phrases."+p] = s.val, s.origin
		}
	}
	return e
}

// rel is abs relative to the folder f's globs are anchored at, slash
// separated; ok is false when abs is not beneath it.
func (f *file) rel(abs, root string) (string, bool) {
	base := f.dir
	if f.user {
		if root == "" {
			return "", false
		}
		base = root
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == "." || rel == ".." || len(rel) > 2 && rel[:3] == "../" {
		return "", false
	}
	return rel, true
}
