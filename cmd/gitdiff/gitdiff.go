// Package gitdiff finds the lines of a working tree that are new since a git
// revision, so that a check can report only the findings an edit brought in
// (the way golangci-lint's --new-from-rev does).
package gitdiff

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Range is the lines [Start, End], 1-based and inclusive.
type Range struct{ Start, End int }

// LineSet is the set of new lines of one file.
type LineSet struct {
	// All is set for a file git does not track: every line of it is new.
	All bool
	// Ranges are sorted, disjoint and not adjacent.
	Ranges []Range
}

// Has reports whether line (1-based) is new.
func (s LineSet) Has(line int) bool {
	if line < 1 {
		return false
	}
	if s.All {
		return true
	}
	i := sort.Search(len(s.Ranges), func(i int) bool { return s.Ranges[i].End >= line })
	return i < len(s.Ranges) && s.Ranges[i].Start <= line
}

// Empty reports a set without any line.
func (s LineSet) Empty() bool { return !s.All && len(s.Ranges) == 0 }

// String writes the set as "all" or "3,7-9".
func (s LineSet) String() string {
	if s.All {
		return "all"
	}
	parts := make([]string, len(s.Ranges))
	for i, r := range s.Ranges {
		if r.Start == r.End {
			parts[i] = strconv.Itoa(r.Start)
		} else {
			parts[i] = fmt.Sprintf("%d-%d", r.Start, r.End)
		}
	}
	return strings.Join(parts, ",")
}

// add puts [start, end] into the set, keeping Ranges sorted and merged.
func (s *LineSet) add(start, end int) {
	s.Ranges = append(s.Ranges, Range{start, end})
	sort.Slice(s.Ranges, func(i, j int) bool { return s.Ranges[i].Start < s.Ranges[j].Start })
	out := s.Ranges[:1]
	for _, r := range s.Ranges[1:] {
		last := &out[len(out)-1]
		if r.Start <= last.End+1 {
			last.End = max(last.End, r.End)
			continue
		}
		out = append(out, r)
	}
	s.Ranges = out
}

// ChangedLines returns, for every file under repoDir with new lines, the
// lines of the working tree added or changed since the revision rev: those
// `git diff rev` shows as added (renames are followed, so a moved file
// counts only its edited lines), and every line of a file git does not
// track and does not ignore, anywhere in the repository. Keys are paths
// relative to repoDir with forward slashes ("../other/b.md" for a file
// beside it: a check run from a subfolder may name one); a file whose
// changes are only deletions has no key.
//
// A revision git cannot resolve, or a repoDir outside a git repository, is
// an error that names it and quotes git.
func ChangedLines(repoDir, rev string) (map[string]LineSet, error) {
	if rev == "" {
		return nil, errors.New("gitdiff: no revision given")
	}
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("gitdiff: bad revision %q: a revision cannot start with -", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("gitdiff: %w", err)
	}
	top, err := git(repoDir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("gitdiff: %s is not in a git repository: %w", repoDir, err)
	}
	toplevel := strings.TrimSpace(string(top))
	if _, err := git(repoDir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		// --verify only says "Needed a single revision": ask again for
		// git's own words
		why := errors.New("not a commit")
		if _, err := git(repoDir, "rev-parse", rev, "--"); err != nil {
			why = err
		}
		return nil, fmt.Errorf("gitdiff: bad revision %q: %w", rev, why)
	}
	// the whole repository's changes, its paths from the top: a file
	// outside repoDir is new or not as any other
	out, err := git(toplevel, "diff", "--no-color", "--unified=0", "--no-ext-diff", "--no-textconv",
		"--find-renames", "--src-prefix=a/", "--dst-prefix=b/", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("gitdiff: git diff %s: %w", rev, err)
	}
	sets, err := parseDiff(out)
	if err != nil {
		return nil, fmt.Errorf("gitdiff: git diff %s: %w", rev, err)
	}
	out, err = git(toplevel, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("gitdiff: git ls-files: %w", err)
	}
	for _, p := range strings.Split(string(out), "\x00") {
		if p == "" || strings.HasSuffix(p, "/") { // a nested repository
			continue
		}
		sets[filepath.ToSlash(p)] = LineSet{All: true}
	}
	return fromDir(sets, toplevel, repoDir)
}

// fromDir rekeys sets, whose paths are relative to the repository's top
// folder, by paths relative to dir.
func fromDir(sets map[string]LineSet, toplevel, dir string) (map[string]LineSet, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("gitdiff: %w", err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real // git names the top folder by its real path
	}
	out := make(map[string]LineSet, len(sets))
	for p, s := range sets {
		rel, err := filepath.Rel(abs, filepath.Join(toplevel, filepath.FromSlash(p)))
		if err != nil {
			return nil, fmt.Errorf("gitdiff: %w", err)
		}
		out[filepath.ToSlash(rel)] = s
	}
	return out, nil
}

// gitError is git's complaint on a failed run.
type gitError struct {
	args   []string
	stderr string
	err    error
}

func (e *gitError) Error() string {
	if e.stderr != "" {
		return e.stderr
	}
	return fmt.Sprintf("git %s: %v", strings.Join(e.args, " "), e.err)
}

func (e *gitError) Unwrap() error { return e.err }

// git runs git in dir and returns its standard output.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	// do not take the index lock to refresh stat data: an editor or a CI
	// job may run git at the same time
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 && strings.HasPrefix(msg[i+1:], "usage:") {
			msg = msg[:i]
		}
		return nil, &gitError{args: args, stderr: msg, err: err}
	}
	return stdout.Bytes(), nil
}

// parseDiff reads a unified diff with a/ and b/ prefixes and collects the
// new-side lines of its hunks per file.
func parseDiff(out []byte) (map[string]LineSet, error) {
	sets := map[string]LineSet{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 64<<20)
	file := ""               // the new-side path of the current file, "" for a deletion
	oldLeft, newLeft := 0, 0 // lines of the current hunk body still to read
	for sc.Scan() {
		l := sc.Text()
		if oldLeft > 0 || newLeft > 0 {
			switch {
			case strings.HasPrefix(l, "-"):
				oldLeft--
			case strings.HasPrefix(l, "+"):
				newLeft--
			case strings.HasPrefix(l, " "):
				oldLeft--
				newLeft--
			case strings.HasPrefix(l, `\`): // \ No newline at end of file
			default:
				return nil, fmt.Errorf("unexpected line in a hunk: %q", l)
			}
			continue
		}
		switch {
		case strings.HasPrefix(l, "diff "):
			file = ""
		case strings.HasPrefix(l, "+++ "):
			p, err := diffPath(l[4:])
			if err != nil {
				return nil, err
			}
			file = p
		case strings.HasPrefix(l, "@@ "):
			oldCount, newStart, newCount, err := hunkHeader(l)
			if err != nil {
				return nil, err
			}
			oldLeft, newLeft = oldCount, newCount
			if file != "" && newCount > 0 {
				s := sets[file]
				s.add(newStart, newStart+newCount-1)
				sets[file] = s
			}
		}
	}
	return sets, sc.Err()
}

// diffPath reads the path of a "+++ " line: "b/path", a quoted
// "\"b/na\\303\\257ve\"", or /dev/null.
func diffPath(s string) (string, error) {
	if strings.HasPrefix(s, `"`) {
		u, err := strconv.Unquote(s)
		if err != nil {
			return "", fmt.Errorf("cannot read the path %s: %v", s, err)
		}
		s = u
	} else {
		s = strings.TrimSuffix(s, "\t") // git ends a name with spaces with a tab
	}
	if s == "/dev/null" {
		return "", nil
	}
	p, ok := strings.CutPrefix(s, "b/")
	if !ok {
		return "", fmt.Errorf("unexpected path %q in the diff", s)
	}
	return p, nil
}

// hunkHeader reads "@@ -a[,b] +c[,d] @@ ..."; a count left out is 1.
func hunkHeader(l string) (oldCount, newStart, newCount int, err error) {
	f := strings.Fields(l)
	if len(f) < 4 || f[3] != "@@" || !strings.HasPrefix(f[1], "-") || !strings.HasPrefix(f[2], "+") {
		return 0, 0, 0, fmt.Errorf("bad hunk header %q", l)
	}
	_, oldCount, err1 := span(f[1][1:])
	newStart, newCount, err2 := span(f[2][1:])
	if err1 != nil || err2 != nil {
		return 0, 0, 0, fmt.Errorf("bad hunk header %q", l)
	}
	return oldCount, newStart, newCount, nil
}

func span(s string) (start, count int, err error) {
	a, b, found := strings.Cut(s, ",")
	if start, err = strconv.Atoi(a); err != nil {
		return 0, 0, err
	}
	count = 1
	if found {
		if count, err = strconv.Atoi(b); err != nil {
			return 0, 0, err
		}
	}
	if start < 0 || count < 0 {
		return 0, 0, fmt.Errorf("negative")
	}
	return start, count, nil
}
