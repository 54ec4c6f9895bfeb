package suppress

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestIgnoreMatch(t *testing.T) {
	type probe struct {
		path  string
		isDir bool
		want  bool
	}
	tests := []struct {
		name   string
		ignore string
		probes []probe
	}{
		{"empty", "", []probe{{"a.md", false, false}}},
		{"comments and blank lines", "# drafts.md\n\n   \n", []probe{{"drafts.md", false, false}, {"# drafts.md", false, false}}},
		{"escaped hash", `\#notes.md`, []probe{{"#notes.md", false, true}}},
		{"name at any depth", "README.md", []probe{
			{"README.md", false, true}, {"docs/README.md", false, true}, {"docs/a/README.md", false, true}, {"README.mdx", false, false},
		}},
		{"star", "*.txt", []probe{
			{"a.txt", false, true}, {"x/y/a.txt", false, true}, {"a.md", false, false}, {"txt", false, false},
		}},
		{"star does not cross folders", "docs/*.md", []probe{
			{"docs/a.md", false, true}, {"docs/x/a.md", false, false}, {"other/docs/a.md", false, false},
		}},
		{"question mark and class", "draft-?.md\nv[0-9].md\nn[!a-c].md", []probe{
			{"draft-1.md", false, true}, {"draft-12.md", false, false},
			{"v7.md", false, true}, {"vx.md", false, false},
			{"nd.md", false, true}, {"nb.md", false, false},
		}},
		{"trailing slash matches folders only, and what they hold", "build/", []probe{
			{"build", true, true}, {"build", false, false}, {"build/a.md", false, true}, {"x/build/y/a.md", false, true},
		}},
		{"leading slash anchors", "/drafts", []probe{
			{"drafts", true, true}, {"drafts/a.md", false, true}, {"x/drafts", true, false}, {"x/drafts/a.md", false, false},
		}},
		{"middle slash anchors", "docs/drafts", []probe{
			{"docs/drafts/a.md", false, true}, {"x/docs/drafts/a.md", false, false},
		}},
		{"leading double star", "**/archive", []probe{
			{"archive", true, true}, {"a/b/archive", true, true}, {"a/b/archive/c.md", false, true}, {"a/archived", true, false},
		}},
		{"trailing double star", "notes/**", []probe{
			{"notes", true, false}, {"notes/a.md", false, true}, {"notes/x/y.md", false, true}, {"x/notes/a.md", false, false},
		}},
		{"middle double star", "a/**/b.md", []probe{
			{"a/b.md", false, true}, {"a/x/b.md", false, true}, {"a/x/y/b.md", false, true}, {"c/a/x/b.md", false, false},
		}},
		{"double star inside a name is a star", "a**z.md", []probe{
			{"abcz.md", false, true}, {"x/abz.md", false, true},
		}},
		{"negation", "*.md\n!keep.md", []probe{
			{"a.md", false, true}, {"keep.md", false, false}, {"x/keep.md", false, false},
		}},
		{"last match wins", "!keep.md\n*.md", []probe{{"keep.md", false, true}}},
		{"no re-include inside an ignored folder", "drafts/\n!drafts/keep.md", []probe{
			{"drafts/keep.md", false, true}, {"drafts/a.md", false, true},
		}},
		{"re-include a folder, then files in it", "/*\n!/docs/\n/docs/*\n!/docs/keep.md", []probe{
			{"a.md", false, true}, {"docs", true, false}, {"docs/a.md", false, true}, {"docs/keep.md", false, false},
		}},
		{"escaped bang", `\!important.md`, []probe{{"!important.md", false, true}, {"important.md", false, false}}},
		{"trailing spaces", "a.md   \nb.md\\ ", []probe{{"a.md", false, true}, {"b.md ", false, true}, {"b.md", false, false}}},
		{"CRLF", "a.md\r\nb/\r\n", []probe{{"a.md", false, true}, {"b/c.md", false, true}}},
		{"literal bracket", "[draft.md", []probe{{"[draft.md", false, true}}},
		{"escaped star", `\*.md`, []probe{{"*.md", false, true}, {"a.md", false, false}}},
		{"paths are cleaned", "drafts/", []probe{
			{"./drafts/a.md", false, true}, {`drafts\a.md`, false, filepath.Separator == '\\'}, {"../drafts/a.md", false, false},
		}},
		{"dot files", ".cache/\n.*.swp", []probe{{".cache/x", false, true}, {"a/.b.md.swp", false, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ig := ParseIgnore([]byte(tt.ignore))
			for _, p := range tt.probes {
				if got := ig.Match(p.path, p.isDir); got != p.want {
					t.Errorf("Match(%q, dir=%v) = %v, want %v", p.path, p.isDir, got, p.want)
				}
			}
		})
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadIgnore(t *testing.T) {
	dir := t.TempDir()
	ig, err := LoadIgnore(filepath.Join(dir, IgnoreFile))
	if err != nil || ig.Match("a.md", false) {
		t.Fatalf("missing file: %v, %v", ig, err)
	}
	write(t, filepath.Join(dir, IgnoreFile), "drafts/\n")
	if ig, err = LoadIgnore(filepath.Join(dir, IgnoreFile)); err != nil || !ig.Match("drafts/a.md", false) {
		t.Fatalf("LoadIgnore: %v", err)
	}
	if ig.Dir != dir {
		t.Errorf("Dir = %q, want %q", ig.Dir, dir)
	}
	if _, err := LoadIgnore(dir); err == nil {
		t.Error("reading a folder as an ignore file: no error")
	}
}

func TestFindIgnoreFiles(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "outside")
	repo := filepath.Join(outside, "repo")
	deep := filepath.Join(repo, "docs", "posts")
	write(t, filepath.Join(outside, IgnoreFile), "*\n")
	write(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
	write(t, filepath.Join(repo, IgnoreFile), "*.txt\n/docs/posts/old/\n")
	write(t, filepath.Join(repo, "docs", "posts", IgnoreFile), "!keep.txt\ndraft-*.md\n")
	write(t, filepath.Join(deep, "a.md"), "x")

	want := []string{filepath.Join(repo, IgnoreFile), filepath.Join(deep, IgnoreFile)}
	if got := FindIgnoreFiles(deep); !reflect.DeepEqual(got, want) {
		t.Errorf("FindIgnoreFiles(deep) = %v, want %v", got, want)
	}
	if got := FindIgnoreFiles(filepath.Join(deep, "a.md")); !reflect.DeepEqual(got, want) {
		t.Errorf("FindIgnoreFiles(file) = %v, want %v", got, want)
	}
	if got := FindIgnoreFiles(filepath.Join(repo, "docs")); !reflect.DeepEqual(got, want[:1]) {
		t.Errorf("FindIgnoreFiles(docs) = %v, want %v", got, want[:1])
	}
	// outside a repository: only the folder itself
	plain := filepath.Join(root, "plain", "sub")
	write(t, filepath.Join(root, "plain", IgnoreFile), "x\n")
	write(t, filepath.Join(plain, IgnoreFile), "y\n")
	if got := FindIgnoreFiles(plain); !reflect.DeepEqual(got, []string{filepath.Join(plain, IgnoreFile)}) {
		t.Errorf("FindIgnoreFiles(plain) = %v", got)
	}

	igs, err := LoadIgnores(deep)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		path  string
		isDir bool
		want  bool
	}{
		{filepath.Join(deep, "a.md"), false, false},
		{filepath.Join(deep, "a.txt"), false, true},           // the root file
		{filepath.Join(deep, "keep.txt"), false, false},       // re-included by the deeper file
		{filepath.Join(repo, "keep.txt"), false, true},        // the deeper file does not reach up
		{filepath.Join(deep, "draft-1.md"), false, true},      // the deeper file
		{filepath.Join(repo, "draft-1.md"), false, false},     // ... only below its folder
		{filepath.Join(deep, "old", "keep.txt"), false, true}, // inside an ignored folder
		{filepath.Join(deep, "old"), true, true},
		{filepath.Join(root, "elsewhere.txt"), false, false},
	} {
		if got := igs.Match(p.path, p.isDir); got != p.want {
			t.Errorf("Ignores.Match(%s) = %v, want %v", p.path, got, p.want)
		}
	}
	// relative paths are read from the working directory
	rel, err := filepath.Rel(mustWd(t), filepath.Join(deep, "a.txt"))
	if err == nil && !igs.Match(rel, false) {
		t.Errorf("Ignores.Match(%s) = false", rel)
	}
}

func mustWd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
