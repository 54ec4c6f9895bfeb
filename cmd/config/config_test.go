package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/chaff-dev/chaff/cmd/check"
	"github.com/chaff-dev/chaff/model"
)

// tree writes files (slash paths relative to root; a name ending in "/" is
// an empty folder) and returns root.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// env returns a Getenv over vars.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// noEnv has no CHAFF_CONFIG and no home, so no user file.
var noEnv = env(nil)

func fp(x float64) *float64 { return &x }

func sevp(s check.Severity) *check.Severity { return &s }

func sources(root string, e *Effective) []string {
	out := make([]string, len(e.Sources))
	for i, s := range e.Sources {
		rel, err := filepath.Rel(root, s)
		if err != nil {
			rel = s
		}
		out[i] = filepath.ToSlash(rel)
	}
	return out
}

// discoveryTree: a user file, a file above the repository root that must
// not apply, the repository root marked by a .git file (as in a worktree),
// a root file and a nearer .chaff.yml.
var discoveryTree = map[string]string{
	".git/":                          "",
	"home/.config/chaff/config.yaml": "fail-on: info\nfail-above: 50\nrules: {style.hedges: error, residue.share: off}\nphrases: {a: 1, b: 1}\n",
	"xdg/chaff/config.yml":           "fail-on: error\n",
	"outer/.chaff.yaml":              "fail-above: 1\nthresholds: {suspect: 1, flagged: 2}\n",
	"outer/repo/.git":                "gitdir: elsewhere\n",
	"outer/repo/.chaff.yaml":         "fail-above: 80\nthresholds: {suspect: 70, flagged: 90}\nrules: {residue.nav-menu: off}\nphrases: {Synergize: 2, a: 5}\n",
	"outer/repo/docs/.chaff.yml":     "fail-above: 85\nrules: {residue.nav-menu: warning}\nphrases: {a: 7}\n",
	"outer/repo/docs/deep/x.md":      "text",
	"outer/repo/cfg/explicit.yaml":   "fail-above: 42\n",
}

func TestDiscovery(t *testing.T) {
	root := tree(t, discoveryTree)
	home := env(map[string]string{"HOME": filepath.Join(root, "home")})
	tests := []struct {
		name      string
		file      string
		o         Options
		sources   []string
		failAbove *float64
		failOn    *check.Severity
		thr       *model.Thresholds
		rules     map[string]Rule
		phrases   map[string]float64
	}{
		{
			name:      "nearest wins key by key, user file last",
			file:      "outer/repo/docs/deep/x.md",
			o:         Options{Getenv: home},
			sources:   []string{"outer/repo/docs/.chaff.yml", "outer/repo/.chaff.yaml", "home/.config/chaff/config.yaml"},
			failAbove: fp(85),
			failOn:    sevp(check.Info),
			thr:       &model.Thresholds{Suspect: 70, Flagged: 90},
			rules: map[string]Rule{
				"residue.nav-menu": {Severity: sevp(check.Warning)},
				"style.hedges":     {Severity: sevp(check.Error)},
				"residue.share":    {Off: true},
			},
			phrases: map[string]float64{"synergize": 2, "a": 7, "b": 1},
		},
		{
			name:      "a folder is looked in itself",
			file:      "outer/repo/docs",
			o:         Options{UserFile: "-", Getenv: home},
			sources:   []string{"outer/repo/docs/.chaff.yml", "outer/repo/.chaff.yaml"},
			failAbove: fp(85),
			thr:       &model.Thresholds{Suspect: 70, Flagged: 90},
			rules:     map[string]Rule{"residue.nav-menu": {Severity: sevp(check.Warning)}},
			phrases:   map[string]float64{"synergize": 2, "a": 7},
		},
		{
			name:      "stops at the repository root",
			file:      "outer/repo/x.md",
			o:         Options{UserFile: "-"},
			sources:   []string{"outer/repo/.chaff.yaml"},
			failAbove: fp(80),
			thr:       &model.Thresholds{Suspect: 70, Flagged: 90},
			rules:     map[string]Rule{"residue.nav-menu": {Off: true}},
			phrases:   map[string]float64{"synergize": 2, "a": 5},
		},
		{
			name:      "outside the inner repository, up to the outer root",
			file:      "outer/y.md",
			o:         Options{UserFile: "-"},
			sources:   []string{"outer/.chaff.yaml"},
			failAbove: fp(1),
			thr:       &model.Thresholds{Suspect: 1, Flagged: 2},
		},
		{
			name:    "XDG_CONFIG_HOME beats HOME",
			file:    "z.md",
			o:       Options{Getenv: env(map[string]string{"HOME": filepath.Join(root, "home"), "XDG_CONFIG_HOME": filepath.Join(root, "xdg")})},
			sources: []string{"xdg/chaff/config.yml"},
			failOn:  sevp(check.Error),
		},
		{
			name:    "relative XDG_CONFIG_HOME is ignored",
			file:    "z.md",
			o:       Options{Getenv: env(map[string]string{"HOME": filepath.Join(root, "home"), "XDG_CONFIG_HOME": "xdg"})},
			sources: []string{"home/.config/chaff/config.yaml"}, failAbove: fp(50), failOn: sevp(check.Info),
			rules:   map[string]Rule{"style.hedges": {Severity: sevp(check.Error)}, "residue.share": {Off: true}},
			phrases: map[string]float64{"a": 1, "b": 1},
		},
		{
			name:    "user file given",
			file:    "z.md",
			o:       Options{UserFile: filepath.Join(root, "xdg/chaff/config.yml"), Getenv: home},
			sources: []string{"xdg/chaff/config.yml"},
			failOn:  sevp(check.Error),
		},
		{
			name:    "user file given that does not exist",
			file:    "z.md",
			o:       Options{UserFile: filepath.Join(root, "nope.yaml"), Getenv: home},
			sources: []string{},
		},
		{
			name:      "explicit file replaces discovery and the user file",
			file:      "outer/repo/docs/deep/x.md",
			o:         Options{Explicit: filepath.Join(root, "outer/repo/cfg/explicit.yaml"), Getenv: home},
			sources:   []string{"outer/repo/cfg/explicit.yaml"},
			failAbove: fp(42),
		},
		{
			name: "CHAFF_CONFIG replaces discovery",
			file: "outer/repo/docs/deep/x.md",
			o: Options{Getenv: env(map[string]string{
				"HOME": filepath.Join(root, "home"), EnvVar: filepath.Join(root, "outer/repo/cfg/explicit.yaml"),
			})},
			sources:   []string{"outer/repo/cfg/explicit.yaml"},
			failAbove: fp(42),
		},
		{
			name: "--config beats CHAFF_CONFIG",
			file: "outer/repo/docs/deep/x.md",
			o: Options{
				Explicit: filepath.Join(root, "outer/.chaff.yaml"),
				Getenv:   env(map[string]string{EnvVar: filepath.Join(root, "outer/repo/cfg/explicit.yaml")}),
			},
			sources:   []string{"outer/.chaff.yaml"},
			failAbove: fp(1),
			thr:       &model.Thresholds{Suspect: 1, Flagged: 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.o.Getenv == nil {
				tt.o.Getenv = noEnv
			}
			e, err := ForFile(filepath.Join(root, tt.file), tt.o)
			if err != nil {
				t.Fatal(err)
			}
			if got := sources(root, e); !reflect.DeepEqual(got, tt.sources) {
				t.Errorf("sources = %q, want %q", got, tt.sources)
			}
			if !reflect.DeepEqual(e.FailAbove, tt.failAbove) {
				t.Errorf("fail-above = %v, want %v", deref(e.FailAbove), deref(tt.failAbove))
			}
			if !reflect.DeepEqual(e.FailOn, tt.failOn) {
				t.Errorf("fail-on = %v, want %v", deref(e.FailOn), deref(tt.failOn))
			}
			if !reflect.DeepEqual(e.Thresholds, tt.thr) {
				t.Errorf("thresholds = %v, want %v", deref(e.Thresholds), deref(tt.thr))
			}
			if !reflect.DeepEqual(e.Rules, tt.rules) {
				t.Errorf("rules = %v, want %v", e.Rules, tt.rules)
			}
			if !reflect.DeepEqual(e.Phrases, tt.phrases) {
				t.Errorf("phrases = %v, want %v", e.Phrases, tt.phrases)
			}
		})
	}
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestDiscoveryErrors(t *testing.T) {
	root := tree(t, map[string]string{
		".git/":               "",
		"both/.chaff.yaml":    "fail-above: 1\n",
		"both/.chaff.yml":     "fail-above: 2\n",
		"u/chaff/config.yaml": "",
		"u/chaff/config.yml":  "",
	})
	missing := filepath.Join(root, "missing.yaml")
	tests := []struct {
		name, file string
		o          Options
		want       string
	}{
		{"explicit file missing", "a.md", Options{Explicit: missing, Getenv: noEnv}, "--config " + missing + ": no such file"},
		{"CHAFF_CONFIG file missing", "a.md", Options{Getenv: env(map[string]string{EnvVar: missing})}, "CHAFF_CONFIG " + missing + ": no such file"},
		{"explicit folder", "a.md", Options{Explicit: root, Getenv: noEnv}, "is a folder, not a file"},
		{"both names in one folder", "both/a.md", Options{UserFile: "-"}, "both .chaff.yaml and .chaff.yml; keep one"},
		{"both user names", "a.md", Options{Getenv: env(map[string]string{"XDG_CONFIG_HOME": filepath.Join(root, "u")})}, "both config.yaml and config.yml; keep one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.o.Getenv == nil {
				tt.o.Getenv = noEnv
			}
			_, err := ForFile(filepath.Join(root, tt.file), tt.o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// loadErrors writes body as an explicit file and returns its errors.
func loadErrors(t *testing.T, body string) (string, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ForFile(p, Options{Explicit: p, Getenv: noEnv})
	return p, err
}

func TestValidation(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // line: key: message, after the file name
	}{
		{"unknown top key", "fail-on: error\nfail_above: 9\n", "2: fail_above: unknown key (did you mean fail-above?)"},
		{"unknown key, nothing close", "colour: red\n", "1: colour: unknown key (want one of thresholds, fail-above, fail-on, languages, rules, phrases, ignore, overrides)"},
		{"unknown threshold key", "thresholds:\n  suspect: 1\n  flaged: 2\n", "3: thresholds.flaged: unknown key (did you mean flagged?)"},
		{"unknown override key", "overrides:\n  - files: a\n    fail-abov: 3\n", "3: overrides[0].fail-abov: unknown key (did you mean fail-above?)"},
		{"ignore in an override", "overrides:\n  - files: a\n    ignore: b\n", "3: overrides[0].ignore: not allowed in overrides (only at the top level)"},
		{"unknown rule, close", "rules:\n  residue.nav-menuu: off\n", "2: rules.residue.nav-menuu: unknown rule (did you mean residue.nav-menu?)"},
		{"unknown rule, no category", "rules:\n  nav-menu: off\n", "2: rules.nav-menu: unknown rule (did you mean residue.nav-menu?)"},
		{"unknown rule, nothing close", "rules:\n  zzz.qqq: off\n", "2: rules.zzz.qqq: unknown rule"},
		{"unknown rule in an override", "overrides:\n  - files: a\n    rules: {style.hedge: off}\n", "3: overrides[0].rules.style.hedge: unknown rule (did you mean style.hedges?)"},
		{"bad rule severity", "rules:\n  style.hedges: warn\n", `2: rules.style.hedges: unknown setting "warn" (want off, on, info, warning or error) (did you mean warning?)`},
		{"rule set to a list", "rules:\n  style.hedges: [off]\n", "2: rules.style.hedges: want off, on, info, warning or error, got a list"},
		{"bad fail-on", "fail-on: fatal\n", `1: fail-on: unknown severity "fatal" (want info, warning or error)`},
		{"quoted number", "fail-above: \"90\"\n", `1: fail-above: want a number, got "90"`},
		{"word for a number", "\n\nfail-above: high\n", `3: fail-above: want a number, got "high"`},
		{"NaN", "fail-above: .nan\n", `1: fail-above: want a number, got ".nan"`},
		{"nothing for a number", "fail-above:\n", `1: fail-above: want a number, got nothing`},
		{"fail-above above 100", "fail-above: 100.5\n", "1: fail-above: want a score from 0 to 100, got 100.5"},
		{"threshold below 0", "thresholds: {suspect: -1, flagged: 95}\n", "1: thresholds.suspect: want a score from 0 to 100, got -1"},
		{"threshold above 100", "thresholds:\n  suspect: 80\n  flagged: 120\n", "3: thresholds.flagged: want a score from 0 to 100, got 120"},
		{"suspect above flagged", "\nthresholds: {suspect: 96, flagged: 95}\n", "2: thresholds: suspect (96) is above flagged (95)"},
		{"one threshold", "thresholds: {suspect: 80}\n", "1: thresholds: set both suspect and flagged (flagged is missing)"},
		{"thresholds not a mapping", "thresholds: 80\n", `1: thresholds: want a mapping, got "80"`},
		{"empty phrase", "phrases:\n  \"\": 2\n", `2: phrases."": empty phrase`},
		{"blank phrase", "phrases:\n  \"  \": 2\n", `2: phrases."  ": empty phrase`},
		{"phrase weight not a number", "phrases:\n  synergize: lots\n", `2: phrases."synergize": want a number, got "lots"`},
		{"phrase twice", "phrases:\n  synergize: 1\n  Synergize: 2\n", `3: phrases."Synergize": same phrase as line 2 (phrases are compared in lower case)`},
		{"bad glob", "ignore: [\"a/[bc\"]\n", `1: ignore[0]: bad glob "a/[bc": syntax error (unclosed [ or trailing \)`},
		{"glob leaving the folder", "ignore:\n  - ok/**\n  - ../x\n", `3: ignore[1]: bad glob "../x": . and .. are not allowed; globs are relative to the config file's folder`},
		{"empty glob", "ignore: \"\"\n", `1: ignore: bad glob "": empty`},
		{"half a double star", "ignore: [\"a**/b\"]\n", `1: ignore[0]: bad glob "a**/b": ** must be a whole path element, as in a/**/b`},
		{"bad override glob", "overrides:\n  - files: [\"ok\", \"[x\"]\n    fail-above: 1\n", `2: overrides[0].files[1]: bad glob "[x": syntax error (unclosed [ or trailing \)`},
		{"override without files", "overrides:\n  - fail-above: 1\n", "2: overrides[0]: files is missing: say which files the override is for"},
		{"override with no globs", "overrides:\n  - files: []\n", "2: overrides[0].files: want at least one glob"},
		{"overrides not a list", "overrides: {files: a}\n", "1: overrides: want a list of {files: [...], ...}, got a mapping"},
		{"key twice", "fail-on: info\nfail-on: error\n", "2: fail-on: set twice (first at line 1)"},
		{"top level a list", "- a\n", "1: want a mapping of keys (thresholds, fail-above, fail-on, rules, phrases, ignore, overrides), got a list"},
		{"YAML syntax", "rules:\n  a: b\n c: d\n", "2: bad YAML: did not find expected key"},
		{"two documents", "fail-on: info\n---\nfail-on: error\n", "2: more than one YAML document; a configuration file holds one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := loadErrors(t, tt.body)
			want := p + ":" + tt.want
			if err == nil || err.Error() != want {
				t.Fatalf("error\n got %v\nwant %s", err, want)
			}
			var ce *Error
			if !errors.As(err, &ce) || ce.File != p {
				t.Errorf("errors.As(*Error) = %v, %+v", errors.As(err, &ce), ce)
			}
		})
	}
}

func TestValidConfigs(t *testing.T) {
	for _, body := range []string{
		"",
		"# only a comment\n",
		"{}\n",
		"rules:\nphrases:\nignore:\noverrides:\n",
		"thresholds: {suspect: 0, flagged: 100}\nfail-above: 0\n",
		"thresholds: {suspect: 90, flagged: 90}\nfail-above: 100\n",
		"rules: &r {style.hedges: off}\noverrides: [{files: a, rules: *r}]\n",
		"rules: {style.hedges: OFF, style.mattr: Warning, residue.share: on, residue.cookie: false}\n",
		"ignore: [\"/top.md\", \"dir/\", \"**/x\", \"a/**/b\", \"[!.]*\"]\n",
		"phrases: {\"x\": -1.5, \"y\": 0, \"z\": 1e1}\n",
	} {
		if _, err := loadErrors(t, body); err != nil {
			t.Errorf("%q: %v", body, err)
		}
	}
}

// TestFixtures loads the files of testdata/config.
func TestFixtures(t *testing.T) {
	full, err := filepath.Abs("../../testdata/config/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(full)
	o := Options{Explicit: full, Getenv: noEnv}
	l := NewLoader(o)
	e, err := l.ForFile(filepath.Join(dir, "press-releases/a.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := &Effective{
		Thresholds: &model.Thresholds{Suspect: 80, Flagged: 95},
		FailAbove:  fp(99),
		FailOn:     sevp(check.Warning),
		Rules: map[string]Rule{
			"residue.nav-menu":            {Off: true},
			"style.hedges":                {Severity: sevp(check.Warning)},
			"structure.formulaic-closing": {Off: true},
		},
		Phrases: map[string]float64{"synergize": 2, "in today's fast-paced world": 3},
		Sources: []string{full},
	}
	e.origin, e.Path = nil, ""
	if !reflect.DeepEqual(e, want) {
		t.Errorf("full.yaml for press-releases/a.md:\n got %+v\nwant %+v", e, want)
	}
	for file, ignored := range map[string]bool{"drafts/a.md": true, "x/drafts/a.md": false, "x/a.min.html": true, "a.md": false} {
		e, err := l.ForFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if e.Ignored != ignored {
			t.Errorf("%s: ignored = %v, want %v", file, e.Ignored, ignored)
		}
	}

	bad, _ := filepath.Abs("../../testdata/config/invalid.yaml")
	_, err = ForFile(bad, Options{Explicit: bad, Getenv: noEnv})
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("invalid.yaml: %v, want Errors", err)
	}
	wantErrs := []string{
		"2: thresholds: suspect (96) is above flagged (95)",
		"3: fail_above: unknown key (did you mean fail-above?)",
		`4: fail-on: unknown severity "warn" (want info, warning or error) (did you mean warning?)`,
		"6: rules.residue.nav-menuu: unknown rule (did you mean residue.nav-menu?)",
		`7: rules.style.hedges: unknown setting "loud" (want off, on, info, warning or error)`,
		`9: phrases."": empty phrase`,
		`10: phrases."synergize": want a number, got "lots"`,
		`11: ignore[0]: bad glob "drafts/[ab": syntax error (unclosed [ or trailing \)`,
		"14: overrides[0].fail-above: want a score from 0 to 100, got 101",
		"15: overrides[0].ignore: not allowed in overrides (only at the top level)",
	}
	var got []string
	for _, e := range es {
		got = append(got, strings.TrimPrefix(e.Error(), display(bad)+":"))
	}
	if !reflect.DeepEqual(got, wantErrs) {
		t.Errorf("invalid.yaml errors:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(wantErrs, "\n     "))
	}
}

func TestOverridesInOrder(t *testing.T) {
	root := tree(t, map[string]string{
		".git/": "",
		".chaff.yaml": `fail-above: 90
rules: {style.hedges: info}
overrides:
  - files: "**/*.md"
    fail-above: 91
    rules: {style.hedges: warning}
  - files: ["press/**"]
    fail-above: 99
  - files: press/old
    rules: {style.hedges: off}
    fail-on: info
`,
		"near/.chaff.yaml": "fail-above: 70\n",
	})
	tests := []struct {
		file      string
		failAbove float64
		hedges    Rule
		failOn    *check.Severity
	}{
		{"a.txt", 90, Rule{Severity: sevp(check.Info)}, nil},
		{"a.md", 91, Rule{Severity: sevp(check.Warning)}, nil},
		{"press/a.md", 99, Rule{Severity: sevp(check.Warning)}, nil},
		{"press/a.txt", 99, Rule{Severity: sevp(check.Info)}, nil},
		{"press/old/b.md", 99, Rule{Off: true}, sevp(check.Info)},
		{"press/old/deeper/c.txt", 99, Rule{Off: true}, sevp(check.Info)},
		// a farther file's override does not beat a nearer file's top level
		{"near/a.md", 70, Rule{Severity: sevp(check.Warning)}, nil},
	}
	l := NewLoader(Options{UserFile: "-", Getenv: noEnv})
	for _, tt := range tests {
		e, err := l.ForFile(filepath.Join(root, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if e.FailAbove == nil || *e.FailAbove != tt.failAbove {
			t.Errorf("%s: fail-above = %v, want %v", tt.file, deref(e.FailAbove), tt.failAbove)
		}
		if got := e.Rules["style.hedges"]; !reflect.DeepEqual(got, tt.hedges) {
			t.Errorf("%s: style.hedges = %v, want %v", tt.file, got, tt.hedges)
		}
		if !reflect.DeepEqual(e.FailOn, tt.failOn) {
			t.Errorf("%s: fail-on = %v, want %v", tt.file, deref(e.FailOn), deref(tt.failOn))
		}
	}
}

func TestIgnoreRelativeToConfigFolder(t *testing.T) {
	root := tree(t, map[string]string{
		".git/":                          "",
		"home/.config/chaff/config.yaml": "ignore: [\"vendor/**\"]\n",
		"sub/.chaff.yaml":                "ignore: [\"drafts/**\", \"*.min.html\", \"/top.md\", \"gen/\", \"a/**/z.md\"]\n",
		"cfg/explicit.yaml":              "ignore: [\"drafts/**\"]\n",
	})
	home := env(map[string]string{"HOME": filepath.Join(root, "home")})
	tests := []struct {
		file    string
		o       Options
		ignored bool
		by      string
	}{
		{"sub/drafts/a.md", Options{Getenv: home}, true, `"drafts/**" (` + filepath.Join(root, "sub/.chaff.yaml") + ":1)"},
		{"sub/drafts/deep/a.md", Options{Getenv: home}, true, ""},
		{"sub/x/drafts/a.md", Options{Getenv: home}, false, ""},
		{"drafts/a.md", Options{Getenv: home}, false, ""},
		{"sub/x/y/p.min.html", Options{Getenv: home}, true, ""},
		{"sub/p.html", Options{Getenv: home}, false, ""},
		{"sub/top.md", Options{Getenv: home}, true, ""},
		{"sub/x/top.md", Options{Getenv: home}, false, ""},
		{"sub/gen/a.md", Options{Getenv: home}, true, ""},
		{"sub/a/z.md", Options{Getenv: home}, true, ""},
		{"sub/a/b/c/z.md", Options{Getenv: home}, true, ""},
		{"sub/b/z.md", Options{Getenv: home}, false, ""},
		// the user file's globs are relative to the repository root
		{"vendor/x.md", Options{Getenv: home}, true, `"vendor/**" (` + filepath.Join(root, "home/.config/chaff/config.yaml") + ":1)"},
		{"sub/vendor/x.md", Options{Getenv: home}, false, ""},
		// an explicit file's globs are relative to its own folder
		{"cfg/drafts/a.md", Options{Explicit: filepath.Join(root, "cfg/explicit.yaml"), Getenv: noEnv}, true, ""},
		{"sub/drafts/a.md", Options{Explicit: filepath.Join(root, "cfg/explicit.yaml"), Getenv: noEnv}, false, ""},
	}
	for _, tt := range tests {
		e, err := ForFile(filepath.Join(root, tt.file), tt.o)
		if err != nil {
			t.Fatal(err)
		}
		if e.Ignored != tt.ignored {
			t.Errorf("%s: ignored = %v, want %v", tt.file, e.Ignored, tt.ignored)
		}
		if tt.by != "" && e.IgnoredBy != tt.by {
			t.Errorf("%s: ignored by %s, want %s", tt.file, e.IgnoredBy, tt.by)
		}
	}
}

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		glob, rel string
		want      bool
	}{
		{"*.md", "a.md", true},
		{"*.md", "x/y/a.md", true},
		{"*.md", "a.txt", false},
		{"drafts", "drafts/a.md", true},
		{"drafts", "x/drafts/a.md", true},
		{"drafts/", "x/drafts/a.md", true},
		{"drafts/**", "drafts/a.md", true},
		{"drafts/**", "x/drafts/a.md", false},
		{"/drafts", "x/drafts/a.md", false},
		{"/drafts", "drafts/a.md", true},
		{"**/drafts/*.md", "drafts/a.md", true},
		{"**/drafts/*.md", "x/y/drafts/a.md", true},
		{"**/drafts/*.md", "x/y/drafts/a.txt", false},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b/c.md", true},
		{"a/*/b", "a/x/y/b", false},
		{"a/?/b", "a/x/b", true},
		{"[a-c].md", "b.md", true},
		{"**", "anything/at/all", true},
	}
	for _, tt := range tests {
		g, err := compileGlob(tt.glob)
		if err != nil {
			t.Fatalf("%q: %v", tt.glob, err)
		}
		if got := g.match(tt.rel); got != tt.want {
			t.Errorf("%q matches %q = %v, want %v", tt.glob, tt.rel, got, tt.want)
		}
	}
}

func TestSeverity(t *testing.T) {
	e := &Effective{Rules: map[string]Rule{
		"style.hedges":     {Off: true},
		"residue.share":    {Severity: sevp(check.Error)},
		"residue.nav-menu": {},
	}}
	tests := []struct {
		e    *Effective
		rule string
		def  check.Severity
		sev  check.Severity
		off  bool
	}{
		{e, "style.hedges", check.Info, check.Info, true},
		{e, "residue.share", check.Warning, check.Error, false},
		{e, "residue.nav-menu", check.Warning, check.Warning, false},
		{e, "leak.chatbot", check.Error, check.Error, false},
		{nil, "leak.chatbot", check.Info, check.Info, false},
	}
	for _, tt := range tests {
		sev, off := tt.e.Severity(tt.rule, tt.def)
		if sev != tt.sev || off != tt.off {
			t.Errorf("Severity(%s, %v) = %v, %v; want %v, %v", tt.rule, tt.def, sev, off, tt.sev, tt.off)
		}
	}
}

func TestPhrasesMerged(t *testing.T) {
	root := tree(t, map[string]string{
		".git/":          "",
		".chaff.yaml":    "phrases:\n  \"In Today's   Fast-Paced World\": 3\n  synergize: 2\n  leverage: 1\n",
		"a/.chaff.yaml":  "phrases:\n  synergize: 2.5\n  \"circle back\": 1.5\n  leverage: 0\n",
		"a/b/.chaff.yml": "overrides:\n  - files: \"*.md\"\n    phrases: {\"deep dive\": -0.5}\n",
	})
	e, err := ForFile(filepath.Join(root, "a/b/x.md"), Options{UserFile: "-", Getenv: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{
		"in today's fast-paced world": 3, "synergize": 2.5, "leverage": 0, "circle back": 1.5, "deep dive": -0.5,
	}
	if !reflect.DeepEqual(e.Phrases, want) {
		t.Errorf("phrases = %v, want %v", e.Phrases, want)
	}
}

func TestCaching(t *testing.T) {
	root := tree(t, map[string]string{
		".git/":                          "",
		".chaff.yaml":                    "fail-above: 90\n",
		"docs/.chaff.yaml":               "fail-on: warning\n",
		"home/.config/chaff/config.yaml": "rules: {style.hedges: off}\n",
	})
	l := NewLoader(Options{Getenv: env(map[string]string{"HOME": filepath.Join(root, "home")})})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < 1000; i += 8 {
				dir := "docs"
				if i%3 == 0 {
					dir = fmt.Sprintf("docs/sub%d", i%5)
				}
				e, err := l.ForFile(filepath.Join(root, dir, fmt.Sprintf("f%d.md", i)))
				if err == nil && len(e.Sources) != 3 {
					err = fmt.Errorf("%d sources", len(e.Sources))
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if l.parses != 3 {
		t.Errorf("parsed %d times for 3 files", l.parses)
	}
	// A bad file is reported every time, and parsed once.
	bad := tree(t, map[string]string{".git/": "", ".chaff.yaml": "fail-on: nope\n"})
	l = NewLoader(Options{UserFile: "-", Getenv: noEnv})
	for i := 0; i < 10; i++ {
		if _, err := l.ForFile(filepath.Join(bad, fmt.Sprintf("%d.md", i))); err == nil {
			t.Fatal("no error for a bad file")
		}
	}
	if l.parses != 1 {
		t.Errorf("bad file parsed %d times", l.parses)
	}
}

func TestDescribe(t *testing.T) {
	root := tree(t, discoveryTree)
	o := Options{Getenv: env(map[string]string{"HOME": filepath.Join(root, "home")})}
	e, err := ForFile(filepath.Join(root, "outer/repo/docs/deep/x.md"), o)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := e.Describe(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	docs, repo := filepath.Join(root, "outer/repo/docs/.chaff.yml"), filepath.Join(root, "outer/repo/.chaff.yaml")
	user := filepath.Join(root, "home/.config/chaff/config.yaml")
	want := "# chaff configuration for " + filepath.Join(root, "outer/repo/docs/deep/x.md") + `
# from, nearest first:
#   ` + docs + `
#   ` + repo + `
#   ` + user + `
thresholds: {suspect: 70, flagged: 90} # ` + repo + `:2
fail-above: 85 # ` + docs + `:1
fail-on: info # ` + user + `:1
rules:
  residue.nav-menu: warning # ` + docs + `:2
  residue.share: off # ` + user + `:3
  style.hedges: error # ` + user + `:3
phrases:
  "a": 7 # ` + docs + `:3
  "b": 1 # ` + user + `:4
  "synergize": 2 # ` + repo + `:4
`
	if out != want {
		t.Errorf("Describe:\n%s\nwant:\n%s", out, want)
	}

	// What Describe writes is a configuration file with the same settings.
	p := filepath.Join(t.TempDir(), "described.yaml")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := ForFile(p, Options{Explicit: p, Getenv: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	for name, pair := range map[string][2]any{
		"thresholds": {e.Thresholds, again.Thresholds}, "fail-above": {e.FailAbove, again.FailAbove},
		"fail-on": {e.FailOn, again.FailOn}, "rules": {e.Rules, again.Rules}, "phrases": {e.Phrases, again.Phrases},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s after a round trip: %v, want %v", name, pair[1], pair[0])
		}
	}

	// No file, and an ignored file.
	empty := tree(t, map[string]string{".git/": "", "x/.chaff.yaml": "ignore: [\"*.md\"]\n"})
	for file, want := range map[string]string{
		"a.md":   "# no configuration file applies: chaff's defaults are used\n{}\n",
		"x/a.md": "# ignored: matches \"*.md\" (" + filepath.Join(empty, "x/.chaff.yaml") + ":1)\n{}\n",
	} {
		e, err := ForFile(filepath.Join(empty, file), Options{UserFile: "-", Getenv: noEnv})
		if err != nil {
			t.Fatal(err)
		}
		b.Reset()
		if err := e.Describe(&b); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(b.String(), want) {
			t.Errorf("%s: Describe:\n%s\nwant it to end with:\n%s", file, b.String(), want)
		}
	}
}

// TestSuggest covers the edit-distance suggestions on their own.
func TestSuggest(t *testing.T) {
	keys := append([]string(nil), topKeys...)
	sort.Strings(keys)
	tests := []struct{ s, want string }{
		{"fail_above", "fail-above"},
		{"failon", "fail-on"},
		{"threshold", "thresholds"},
		{"rule", "rules"},
		{"fail", ""}, // two keys start with it
		{"xyz", ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.s, keys); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestLanguages(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".chaff.yaml"), []byte("languages: [eng, DEU]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := ForFile(filepath.Join(dir, "a.md"), Options{UserFile: "-"})
	if err != nil || strings.Join(e.Languages, ",") != "eng,deu" {
		t.Fatalf("languages %v, %v", e.Languages, err)
	}
	var b strings.Builder
	if err := e.Describe(&b); err != nil || !strings.Contains(b.String(), "languages: [eng, deu]") {
		t.Errorf("describe: %v\n%s", err, b.String())
	}
	for _, bad := range []string{"languages: eng\n", "languages: [english]\n"} {
		if err := os.WriteFile(filepath.Join(dir, ".chaff.yaml"), []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ForFile(filepath.Join(dir, "b.md"), Options{UserFile: "-"}); err == nil || !strings.Contains(err.Error(), ".chaff.yaml:1: languages") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}
