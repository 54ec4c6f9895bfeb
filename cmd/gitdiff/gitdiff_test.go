package gitdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// isolate keeps the user's and the system's git configuration out of the
// test; config, when given, is the global configuration instead.
func isolate(t *testing.T, config string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	global := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(global, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", global)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, v := range []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES"} {
		t.Setenv(v, "") // restored after the test
		os.Unsetenv(v)
	}
}

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func lines(prefix string, n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(prefix)
		b.WriteString(" line ")
		b.WriteString(strings.Repeat("x", i))
		b.WriteString("\n")
	}
	return b.String()
}

// edit changes lines of text by 1-based number: a text replaces the line,
// "" deletes it, "+a|b" keeps it and inserts lines a and b after it.
func edit(text string, edits map[int]string) string {
	ls := strings.SplitAfter(text, "\n")
	if ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	var out []string
	for i, l := range ls {
		e, ok := edits[i+1]
		switch {
		case !ok:
			out = append(out, l)
		case e == "":
		case strings.HasPrefix(e, "+"): // keep the line, insert after it
			out = append(out, l)
			for _, n := range strings.Split(e[1:], "|") {
				out = append(out, n+"\n")
			}
		default:
			out = append(out, e+"\n")
		}
	}
	return strings.Join(out, "")
}

// repo builds a repository with two commits and a working tree with every
// kind of change.
func repo(t *testing.T) string {
	dir := t.TempDir()
	run(t, dir, "init", "-q")
	write(t, dir, ".gitignore", "*.log\n")
	write(t, dir, "mod.md", lines("mod", 10))
	write(t, dir, "del.md", lines("del", 5))
	write(t, dir, "gone.md", lines("gone", 3))
	write(t, dir, "old/name.md", lines("moved", 8))
	write(t, dir, "moved-only.md", lines("plain move", 4))
	write(t, dir, "sub/inner.md", lines("inner", 3))
	write(t, dir, "sp ace.md", "a\nb\n")
	write(t, dir, "naïve.md", "x\n")
	write(t, dir, "dash.md", "a\n-- x\nb\n")
	write(t, dir, "nonl.md", "a\nb")
	write(t, dir, "staged.md", lines("staged", 3))
	write(t, dir, "crlf.md", "a\r\nb\r\nc\r\n")
	run(t, dir, "add", "-A")
	run(t, dir, "commit", "-q", "-m", "one")

	// a second commit: only ChangedLines(HEAD~1) sees it
	write(t, dir, "mod.md", edit(lines("mod", 10), map[int]string{1: "committed change"}))
	run(t, dir, "commit", "-q", "-a", "-m", "two")

	// the working tree
	write(t, dir, "mod.md", edit(lines("mod", 10), map[int]string{
		1:  "committed change",
		3:  "changed three",
		6:  "+inserted a|inserted b", // new lines 7 and 8
		10: "+appended",              // new line 13
	}))
	write(t, dir, "del.md", edit(lines("del", 5), map[int]string{2: "", 3: ""}))
	if err := os.Remove(filepath.Join(dir, "gone.md")); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"new", "elsewhere"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	run(t, dir, "mv", "old/name.md", "new/name.md")
	write(t, dir, "new/name.md", edit(lines("moved", 8), map[int]string{4: "changed after the move"}))
	run(t, dir, "mv", "moved-only.md", "elsewhere/moved-only.md")
	write(t, dir, "sub/inner.md", edit(lines("inner", 3), map[int]string{2: "changed inner"}))
	write(t, dir, "sub/fresh.md", "new\nfile\n")
	write(t, dir, "sp ace.md", "a\nB\n")
	write(t, dir, "naïve.md", "y\n")
	write(t, dir, "dash.md", "a\n++ y\nb\n")
	write(t, dir, "nonl.md", "a\nc")
	write(t, dir, "staged.md", edit(lines("staged", 3), map[int]string{3: "staged change"}))
	run(t, dir, "add", "staged.md")
	write(t, dir, "crlf.md", "a\r\nB\r\nc\r\nd\r\n")
	write(t, dir, "untracked.md", "one\ntwo\n")
	write(t, dir, "notes/untracked too.md", "one\n")
	write(t, dir, "debug.log", "ignored\n")
	write(t, dir, "empty.md", "")
	return dir
}

func describe(m map[string]LineSet) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v.String()
	}
	return out
}

func TestChangedLines(t *testing.T) {
	isolate(t, "")
	dir := repo(t)
	tests := []struct {
		name, dir, rev string
		want           map[string]string
	}{
		{"since HEAD", dir, "HEAD", map[string]string{
			"mod.md":                 "3,7-8,13",
			"new/name.md":            "4",
			"sub/inner.md":           "2",
			"sub/fresh.md":           "all",
			"sp ace.md":              "2",
			"naïve.md":               "1",
			"dash.md":                "2",
			"nonl.md":                "2",
			"staged.md":              "3",
			"crlf.md":                "2,4",
			"untracked.md":           "all",
			"notes/untracked too.md": "all",
			"empty.md":               "all",
		}},
		{"since HEAD~1 takes in the commit", dir, "HEAD~1", map[string]string{
			"mod.md":                 "1,3,7-8,13",
			"new/name.md":            "4",
			"sub/inner.md":           "2",
			"sub/fresh.md":           "all",
			"sp ace.md":              "2",
			"naïve.md":               "1",
			"dash.md":                "2",
			"nonl.md":                "2",
			"staged.md":              "3",
			"crlf.md":                "2,4",
			"untracked.md":           "all",
			"notes/untracked too.md": "all",
			"empty.md":               "all",
		}},
		// a check run from a subfolder may name a file beside it
		{"from a folder: paths relative to it, the rest of the repository too", filepath.Join(dir, "sub"), "HEAD", map[string]string{
			"inner.md":                  "2",
			"fresh.md":                  "all",
			"../mod.md":                 "3,7-8,13",
			"../new/name.md":            "4",
			"../sp ace.md":              "2",
			"../naïve.md":               "1",
			"../dash.md":                "2",
			"../nonl.md":                "2",
			"../staged.md":              "3",
			"../crlf.md":                "2,4",
			"../untracked.md":           "all",
			"../notes/untracked too.md": "all",
			"../empty.md":               "all",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ChangedLines(tt.dir, tt.rev)
			if err != nil {
				t.Fatal(err)
			}
			if d := describe(got); !reflect.DeepEqual(d, tt.want) {
				t.Errorf("ChangedLines(%s)\n got %v\nwant %v", tt.rev, d, tt.want)
			}
		})
	}
}

// A configuration that changes how git prints diffs must not change what
// ChangedLines reads.
func TestChangedLinesIgnoresDiffConfig(t *testing.T) {
	isolate(t, "[diff]\n\tnoprefix = true\n\tmnemonicPrefix = true\n\trenames = false\n\texternal = false\n\trelative = false\n[color]\n\tui = always\n[core]\n\tquotePath = true\n")
	dir := repo(t)
	got, err := ChangedLines(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{"mod.md": "3,7-8,13", "new/name.md": "4", "naïve.md": "1", "sp ace.md": "2"} {
		if s := got[file].String(); s != want {
			t.Errorf("%s: %s, want %s", file, s, want)
		}
	}
	if _, ok := got["elsewhere/moved-only.md"]; ok {
		t.Error("a file moved without a change has new lines")
	}
}

func TestChangedLinesErrors(t *testing.T) {
	isolate(t, "")
	dir := repo(t)
	for _, tt := range []struct {
		name, dir, rev string
		want           []string
	}{
		{"unknown revision", dir, "no-such-branch", []string{`bad revision "no-such-branch"`, "fatal:", "no-such-branch"}},
		{"too far back", dir, "HEAD~7", []string{`bad revision "HEAD~7"`, "fatal:"}},
		{"not a commit", dir, "HEAD:mod.md", []string{`bad revision "HEAD:mod.md"`}},
		{"option-like", dir, "--output=x", []string{`bad revision "--output=x"`}},
		{"empty", dir, "", []string{"no revision"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ChangedLines(tt.dir, tt.rev)
			if err == nil {
				t.Fatal("no error")
			}
			t.Log(err)
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}

	t.Run("not a repository", func(t *testing.T) {
		plain := t.TempDir()
		t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(plain))
		_, err := ChangedLines(plain, "HEAD")
		if err == nil || !strings.Contains(err.Error(), "not in a git repository") || !strings.Contains(err.Error(), "fatal: not a git repository") {
			t.Errorf("error %v", err)
		}
		if strings.Contains(err.Error(), "usage:") {
			t.Errorf("error carries git's usage: %v", err)
		}
	})
	t.Run("no commit yet", func(t *testing.T) {
		empty := t.TempDir()
		run(t, empty, "init", "-q")
		_, err := ChangedLines(empty, "HEAD")
		if err == nil || !strings.Contains(err.Error(), `bad revision "HEAD"`) {
			t.Errorf("error %v", err)
		}
	})
}

func TestLineSet(t *testing.T) {
	var s LineSet
	for _, r := range [][2]int{{10, 12}, {1, 1}, {3, 4}, {5, 5}, {11, 14}, {20, 20}} {
		s.add(r[0], r[1])
	}
	if want := []Range{{1, 1}, {3, 5}, {10, 14}, {20, 20}}; !reflect.DeepEqual(s.Ranges, want) {
		t.Fatalf("Ranges %v, want %v", s.Ranges, want)
	}
	var has []int
	for l := -1; l <= 22; l++ {
		if s.Has(l) {
			has = append(has, l)
		}
	}
	if want := []int{1, 3, 4, 5, 10, 11, 12, 13, 14, 20}; !reflect.DeepEqual(has, want) {
		t.Errorf("Has true on %v, want %v", has, want)
	}
	if s.String() != "1,3-5,10-14,20" || s.Empty() {
		t.Errorf("String %q", s)
	}
	all := LineSet{All: true}
	if !all.Has(1) || !all.Has(1e6) || all.Has(0) || all.Empty() || !(LineSet{}).Empty() {
		t.Error("All")
	}
}

func TestParseDiffBodies(t *testing.T) {
	// hunk bodies whose lines look like headers
	diff := strings.Join([]string{
		"diff --git a/x.md b/x.md",
		"--- a/x.md",
		"+++ b/x.md",
		"@@ -2,2 +2,3 @@ heading",
		"--- not a header",
		"-@@ -1 +1 @@",
		"+++ b/y.md",
		"+@@ -9 +9,9 @@",
		"+diff --git a/z b/z",
		"@@ -10 +11,0 @@",
		"-gone",
		"diff --git a/gone.md b/gone.md",
		"deleted file mode 100644",
		"--- a/gone.md",
		"+++ /dev/null",
		"@@ -1,2 +0,0 @@",
		"-a",
		"-b",
		"diff --git a/n.md b/n.md",
		"--- a/n.md",
		"+++ b/n.md",
		"@@ -1 +1 @@",
		"-a",
		"\\ No newline at end of file",
		"+b",
		"\\ No newline at end of file",
		"@@ -5 +5 @@",
		"-e",
		"+E",
		"",
	}, "\n")
	got, err := parseDiff([]byte(diff))
	if err != nil {
		t.Fatal(err)
	}
	if d := describe(got); !reflect.DeepEqual(d, map[string]string{"x.md": "2-4", "n.md": "1,5"}) {
		t.Errorf("parseDiff = %v", d)
	}
	if _, err := parseDiff([]byte("+++ b/x\n@@ -1 +1 @@\n-a\nstray\n")); err == nil {
		t.Error("a stray line in a hunk: no error")
	}
	if _, err := parseDiff([]byte("+++ b/x\n@@ -1 +x @@\n")); err == nil {
		t.Error("a bad hunk header: no error")
	}
}
