package suppress

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// IgnoreFile is the name of the file that lists paths chaff check skips.
const IgnoreFile = ".chaffignore"

// Ignore is one .chaffignore: gitignore patterns relative to the folder that
// holds the file.
//
//   - blank lines and lines starting with # are skipped (\# for a literal #);
//     trailing spaces are dropped unless escaped with a backslash;
//   - ! negates: a path an earlier pattern ignored is checked again (\! for a
//     literal !), but nothing inside an ignored folder can be re-included;
//   - a trailing / matches folders only (and so everything inside them);
//   - a pattern with a / at its start or middle is anchored to the file's
//     folder, one without matches a name at any depth;
//   - * and ? match within a path segment, [a-z] and [!a-z] are classes,
//     **/ is any number of folders, /** everything inside.
//
// The last pattern that matches a path decides, as in git.
type Ignore struct {
	Dir      string // the folder the patterns are relative to; "" when parsed from bytes
	patterns []ignorePattern
}

type ignorePattern struct {
	text    string
	re      *regexp.Regexp
	negate  bool
	dirOnly bool
}

// LoadIgnore reads a .chaffignore. A file that does not exist is an empty
// Ignore, not an error.
func LoadIgnore(file string) (*Ignore, error) {
	dir := filepath.Dir(file)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return &Ignore{Dir: dir}, nil
	}
	if err != nil {
		return nil, err
	}
	ig := ParseIgnore(data)
	ig.Dir = dir
	return ig, nil
}

// ParseIgnore reads gitignore patterns from data.
func ParseIgnore(data []byte) *Ignore {
	ig := &Ignore{}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if p, ok := compilePattern(strings.TrimSuffix(sc.Text(), "\r")); ok {
			ig.patterns = append(ig.patterns, p)
		}
	}
	return ig
}

// Match reports whether relPath (relative to the ignore file's folder, with
// / or the OS separator) is ignored: by a pattern that matches it, or
// because a folder above it is. isDir tells whether relPath is a folder.
// A path outside the folder is never ignored.
func (ig *Ignore) Match(relPath string, isDir bool) bool {
	if ig == nil || len(ig.patterns) == 0 {
		return false
	}
	rel, ok := cleanRel(relPath)
	if !ok {
		return false
	}
	for i := 0; i < len(rel); i++ {
		if rel[i] == '/' {
			if m, ign := ig.decide(rel[:i], true); m && ign {
				return true
			}
		}
	}
	_, ign := ig.decide(rel, isDir)
	return ign
}

// decide applies the patterns to one path: whether any matched, and whether
// the last that matched ignores it.
func (ig *Ignore) decide(rel string, isDir bool) (matched, ignored bool) {
	for _, p := range ig.patterns {
		if p.dirOnly && !isDir {
			continue
		}
		if p.re.MatchString(rel) {
			matched, ignored = true, !p.negate
		}
	}
	return matched, ignored
}

func cleanRel(p string) (string, bool) {
	p = filepath.ToSlash(p)
	p = path.Clean(p)
	p = strings.TrimPrefix(p, "/")
	if p == "." || p == "" || p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	return p, true
}

// compilePattern turns one line of a .chaffignore into a pattern; false for
// blank lines and comments.
func compilePattern(line string) (ignorePattern, bool) {
	// trailing spaces go unless escaped
	for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, `\ `) {
		line = line[:len(line)-1]
	}
	if line == "" || line[0] == '#' {
		return ignorePattern{}, false
	}
	p := ignorePattern{text: line}
	switch {
	case line[0] == '!':
		p.negate = true
		line = line[1:]
	case strings.HasPrefix(line, `\!`), strings.HasPrefix(line, `\#`):
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return ignorePattern{}, false
	}
	anchored := strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	segs := strings.Split(line, "/")
	var b strings.Builder
	b.WriteString("^")
	if !anchored {
		b.WriteString("(?:.*/)?")
	}
	for i, seg := range segs {
		last := i == len(segs)-1
		switch {
		case seg == "**" && len(segs) == 1:
			b.WriteString("[^/]*")
		case seg == "**" && last:
			b.WriteString(".+") // everything inside
		case seg == "**":
			b.WriteString("(?:.*/)?") // zero or more folders
			continue
		default:
			b.WriteString(globSegment(seg))
		}
		if !last {
			b.WriteString("/")
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		// a class regexp cannot read: take the pattern literally
		re = regexp.MustCompile("^" + regexp.QuoteMeta(line) + "$")
	}
	p.re = re
	return p, true
}

// globSegment translates one path segment of a glob to a regexp.
func globSegment(seg string) string {
	var b strings.Builder
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		switch c {
		case '*':
			for i+1 < len(seg) && seg[i+1] == '*' {
				i++
			}
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		case '\\':
			if i+1 < len(seg) {
				i++
				b.WriteString(regexp.QuoteMeta(seg[i : i+1]))
			} else {
				b.WriteString(`\\`)
			}
		case '[':
			if class, n := globClass(seg[i:]); n > 0 {
				b.WriteString(class)
				i += n - 1
			} else {
				b.WriteString(`\[`)
			}
		default:
			b.WriteString(regexp.QuoteMeta(seg[i : i+1]))
		}
	}
	return b.String()
}

// globClass translates a bracket expression at the start of s, returning
// the regexp class and the bytes it used; 0 when the bracket never closes.
func globClass(s string) (string, int) {
	i := 1
	negate := false
	if i < len(s) && (s[i] == '!' || s[i] == '^') {
		negate = true
		i++
	}
	var body strings.Builder
	first := true
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ']' && !first:
			if negate {
				return "[^/" + body.String() + "]", i + 1
			}
			return "[" + body.String() + "]", i + 1
		case c == '[' && strings.HasPrefix(s[i:], "[:"):
			end := strings.Index(s[i+2:], ":]")
			if end < 0 {
				body.WriteString(`\[`)
				break
			}
			body.WriteString(s[i : i+2+end+2])
			i += 2 + end + 1
		case c == '\\' && i+1 < len(s):
			i++
			body.WriteString(classChar(s[i]))
		case c == '\\' || c == '[' || c == ']' || c == '^':
			body.WriteString(classChar(c))
		default:
			body.WriteByte(c)
		}
		first = false
	}
	return "", 0
}

// classChar writes c literally inside a regexp class.
func classChar(c byte) string {
	if c < 0x80 && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
		return `\` + string(c)
	}
	return string(c)
}

// Ignores are the .chaffignore files that apply to a tree, outermost first;
// a later (deeper) file overrides an earlier one, as in git.
type Ignores []*Ignore

// LoadIgnores loads the .chaffignore files FindIgnoreFiles finds from start.
func LoadIgnores(start string) (Ignores, error) {
	var out Ignores
	for _, f := range FindIgnoreFiles(start) {
		ig, err := LoadIgnore(f)
		if err != nil {
			return nil, err
		}
		out = append(out, ig)
	}
	return out, nil
}

// Match reports whether the file or folder at p (absolute, or relative to
// the working directory) is ignored by any of the files: each pattern is
// read relative to its own file's folder, the last pattern that matches
// decides, and nothing inside an ignored folder is re-included.
func (s Ignores) Match(p string, isDir bool) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	abs = filepath.ToSlash(abs)
	// every folder above abs, then abs itself
	for i := 1; i <= len(abs); i++ {
		if i < len(abs) && abs[i] != '/' {
			continue
		}
		level, dir := abs[:i], true
		if i == len(abs) {
			dir = isDir
		}
		ignored := false
		for _, ig := range s {
			if ig == nil {
				continue
			}
			rel, ok := relTo(filepath.ToSlash(ig.Dir), level)
			if !ok {
				continue
			}
			if m, ign := ig.decide(rel, dir); m {
				ignored = ign
			}
		}
		if ignored {
			return true
		}
	}
	return false
}

// relTo returns p relative to dir when p lies strictly inside dir.
func relTo(dir, p string) (string, bool) {
	dir = strings.TrimSuffix(dir, "/")
	if !strings.HasPrefix(p, dir+"/") {
		return "", false
	}
	rel := p[len(dir)+1:]
	return rel, rel != ""
}

// FindIgnoreFiles lists the .chaffignore files that apply to the folder
// start (or the folder of a file): those in start and every folder above it
// up to the repository root (the folder holding .git), outermost first so
// that a deeper file takes precedence. Outside a repository only start's
// own folder is searched.
func FindIgnoreFiles(start string) []string {
	dir, err := filepath.Abs(start)
	if err != nil {
		return nil
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		dir = filepath.Dir(dir)
	}
	var found []string
	inRepo := false
	for d := dir; ; {
		f := filepath.Join(d, IgnoreFile)
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() {
			found = append(found, f)
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			inRepo = true
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if !inRepo {
		found = nil
		if f := filepath.Join(dir, IgnoreFile); fileExists(f) {
			found = []string{f}
		}
	}
	for i, j := 0, len(found)-1; i < j; i, j = i+1, j-1 {
		found[i], found[j] = found[j], found[i]
	}
	return found
}

func fileExists(f string) bool {
	fi, err := os.Stat(f)
	return err == nil && fi.Mode().IsRegular()
}
