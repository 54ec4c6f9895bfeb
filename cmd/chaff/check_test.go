package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	plainStory = "The harbour ferry sailed again on Saturday, four months after a cracked propeller shaft kept her at the north quay.\n\n" +
		"\"We had a queue of bikes down to the chandlery,\" skipper Ona Reyes said. The first crossing ran two minutes late.\n\n" +
		"Tickets stay at 3.40 pounds for adults. The winter timetable starts again in November, the operator said.\n"
	germanStory = "Der Stadtrat hat am Dienstag beschlossen, den Steinbruchsee über den Sommer für Schwimmer zu sperren, " +
		"nachdem im Juni zwei Menschen aus dem Wasser gezogen wurden. Die Anwohner wollen eine Petition starten, " +
		"damit es im nächsten Jahr eine beaufsichtigte Badesaison gibt. Eine Sprecherin der Gemeinde sagte, man werde " +
		"den Vorschlag prüfen, sobald die Zäune stehen und die Rettungsringe am Ufer erneuert worden sind.\n"
	leakLine    = "Certainly! Here is the rewritten article about the ferry.\n"
	residueLine = "Share this article\n"
)

// write puts files (name -> content) in a new folder and returns it.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// What fails a check: a table over --fail-above, --fail-on, suppression
// comments and configuration.
func TestCheckExitCodes(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	cases := []struct {
		name   string
		files  map[string]string
		args   []string
		code   int
		stdout []string // substrings the output must hold
	}{
		{"plain story passes", map[string]string{"a.md": plainStory}, nil, exitOK, []string{"ok", "a.md"}},
		{"hard evidence fails (error)", map[string]string{"a.md": plainStory + "\n" + leakLine}, nil, exitTripped, []string{"error leak.chatbot"}},
		{"fail-on above error never trips on findings", map[string]string{"a.md": plainStory + "\n" + leakLine}, []string{"--fail-above", "100.1"}, exitTripped, nil},
		{"suppressed leak passes", map[string]string{"a.md": plainStory + "\n<!-- chaff-disable-next-line leak.chatbot -->\n" + leakLine}, []string{"--fail-above", "100"}, exitOK, nil},
		{"suppressed by category", map[string]string{"a.md": plainStory + "\n<!-- chaff-disable leak -->\n" + leakLine + "<!-- chaff-enable -->\n"}, []string{"--fail-above", "100"}, exitOK, nil},
		{"show suppressed lists it", map[string]string{"a.md": plainStory + "\n<!-- chaff-disable-next-line leak.chatbot -->\n" + leakLine}, []string{"--fail-above", "100", "--show-suppressed"}, exitOK, []string{"(suppressed)"}},
		{"residue is a warning: passes by default", map[string]string{"a.md": plainStory + "\n" + residueLine}, []string{"--fail-above", "100"}, exitOK, []string{"warning residue.share"}},
		{"--fail-on warning trips on residue", map[string]string{"a.md": plainStory + "\n" + residueLine}, []string{"--fail-on", "warning"}, exitTripped, nil},
		{"--fail-above 0 trips on anything", map[string]string{"a.md": plainStory}, []string{"--fail-above", "0"}, exitTripped, nil},
		{"config turns a rule off", map[string]string{"a.md": plainStory + "\n" + leakLine, ".chaff.yaml": "rules:\n  leak.chatbot: off\nfail-above: 100\n"}, nil, exitOK, nil},
		{"config fail-on warning", map[string]string{"a.md": plainStory + "\n" + residueLine, ".chaff.yaml": "fail-on: warning\n"}, nil, exitTripped, nil},
		{"flag beats config", map[string]string{"a.md": plainStory + "\n" + residueLine, ".chaff.yaml": "fail-on: warning\n"}, []string{"--fail-on", "error", "--fail-above", "100"}, exitOK, nil},
		{"config severity raises a rule", map[string]string{"a.md": plainStory + "\n" + residueLine, ".chaff.yaml": "rules:\n  residue.share: error\n"}, nil, exitTripped, []string{"error residue.share"}},
		{"config ignore skips the file", map[string]string{"a.md": plainStory + "\n" + leakLine, ".chaff.yaml": "ignore: [\"a.md\"]\n"}, nil, exitOK, nil},
		{".chaffignore skips the file", map[string]string{"drafts/a.md": plainStory + "\n" + leakLine, ".chaffignore": "drafts/\n", ".git/HEAD": "ref: refs/heads/main\n"}, nil, exitOK, nil},
		{"house phrase is reported", map[string]string{"a.md": plainStory + "\nOur synergy-driven paradigm shift delights.\n", ".chaff.yaml": "phrases:\n  \"paradigm shift\": 3\nfail-above: 100\n"}, nil, exitOK, []string{"template.llm-phrases", "paradigm shift"}},
		{"bad config is a usage error naming file and line", map[string]string{"a.md": plainStory, ".chaff.yaml": "fail-on: warning\nrules:\n  residue.nav-menuu: off\n"}, nil, exitError, nil},
		{"missing file", map[string]string{"a.md": plainStory}, []string{"nope.md"}, exitError, nil},
		{"unsupported language passes with no score", map[string]string{"a.md": germanStory}, nil, exitOK, []string{"unsupported"}},
		{"config accepts the language", map[string]string{"a.md": germanStory, ".chaff.yaml": "languages: [eng, deu]\n"}, []string{"--fail-above", "100"}, exitOK, []string{"score"}},
		{"bad language code", map[string]string{"a.md": germanStory, ".chaff.yaml": "languages: [german]\n"}, nil, exitError, nil},
		{"too short to score passes", map[string]string{"a.md": "Council closes the quarry pond for the summer.\n"}, []string{"--fail-above", "0"}, exitOK, []string{"no score too-short"}},
		{"too short with hard evidence fails", map[string]string{"a.md": "As an AI language model, I cannot write this.\n"}, nil, exitTripped, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := write(t, c.files)
			t.Chdir(dir)
			args := append([]string{"check"}, c.args...)
			if len(c.args) == 0 || c.args[0] != "nope.md" {
				args = append(args, ".")
			}
			r := chaff(t, nil, args...)
			if r.code != c.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, c.code, r.stdout, r.stderr)
			}
			for _, s := range c.stdout {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.stdout)
				}
			}
			if c.name == "bad config is a usage error naming file and line" && !strings.Contains(r.stdout+r.stderr, ".chaff.yaml:3") {
				t.Errorf("error does not name .chaff.yaml:3:\n%s%s", r.stdout, r.stderr)
			}
		})
	}
}

// Every check format on the same testdata article, against golden files.
func TestCheckGolden(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	for _, format := range []string{"text", "json", "sarif", "github", "checkstyle"} {
		t.Run(format, func(t *testing.T) {
			r := chaff(t, nil, "check", "--format", format, "--show-suppressed", "testdata/check/article.md", "testdata/check/page.html")
			if r.code != exitTripped {
				t.Errorf("exit %d, want %d (the article leaks a chatbot reply)\n%s", r.code, exitTripped, r.stderr)
			}
			golden(t, "check-"+format, r.stdout)
		})
	}
}

func TestCheckStdinFilename(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	src := "---\nnote: As an AI language model, I cannot.\n---\n\n" + plainStory
	r := chaff(t, strings.NewReader(src), "check", "--stdin-filename", "draft.md", "-")
	if r.code != exitOK || !strings.Contains(r.stdout, "draft.md") {
		t.Errorf("exit %d (the leak is in front matter, which Markdown does not count)\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = chaff(t, strings.NewReader(src), "check", "--stdin-filename", "draft.txt", "-")
	if r.code != exitTripped {
		t.Errorf("as plain text the same leak counts: exit %d\n%s", r.code, r.stdout)
	}
}

// --new-from-rev reports only findings on lines changed since a revision.
func TestCheckNewFromRev(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := write(t, map[string]string{"a.txt": leakLine + plainStory})
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "first")
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(leakLine+plainStory+"\n"+residueLine), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	r := chaff(t, nil, "check", "--new-from-rev", "HEAD", "--fail-above", "100", "a.txt")
	if strings.Contains(r.stdout, "leak.chatbot") || !strings.Contains(r.stdout, "residue.share") || r.code != exitOK {
		t.Errorf("want only the new residue line reported and a pass, got exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = chaff(t, nil, "check", "--new-from-rev", "no-such-rev", "a.txt")
	if r.code != exitError || !strings.Contains(r.stderr, "no-such-rev") {
		t.Errorf("bad revision: exit %d\n%s", r.code, r.stderr)
	}
}

// A WARC record is read in its payload's format, as score reads it: an HTML
// page's comment is no prose whether the page comes as a file, from
// standard input or in a crawl, while a text record's words all count.
func TestCheckWARCRecordFormat(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	page := "<html><head><title>Ferry</title></head><body><article><h1>The ferry sails again</h1>\n" +
		"<p>" + strings.ReplaceAll(strings.TrimSpace(plainStory), "\n\n", "</p>\n<p>") + "</p>\n" +
		"<!-- As an AI language model, I cannot check the timetable. -->\n</article></body></html>\n"
	record := func(typ, ctype, block string) string {
		return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: 2026-01-02T03:04:05Z\r\n"+
			"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			typ, ctype, len(block), block)
	}
	response := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(page), page)
	dir := write(t, map[string]string{
		"page.html": page,
		"page.warc": record("response", "application/http; msgtype=response", response),
		"page.wet":  record("conversion", "text/plain", plainStory+"\n"+leakLine),
	})
	for _, c := range []struct {
		name  string
		args  []string
		stdin string
		leak  bool
	}{
		{"HTML file", []string{"page.html"}, "", false},
		{"HTML from standard input", []string{"--stdin-filename", "page.html", "-"}, page, false},
		{"HTML page in a WARC response", []string{"page.warc"}, "", false},
		{"text in a WET conversion", []string{"page.wet"}, "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(dir)
			// the score cannot fail a file: only a finding can
			r := chaff(t, strings.NewReader(c.stdin), append([]string{"check", "--fail-above", "101"}, c.args...)...)
			code := exitOK
			if c.leak {
				code = exitTripped
			}
			if r.code != code || strings.Contains(r.stdout, "leak.chatbot") != c.leak {
				t.Errorf("exit %d, want %d; leak.chatbot wanted: %v\n%s%s", r.code, code, c.leak, r.stdout, r.stderr)
			}
		})
	}
}
