package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/chaff-dev/chaff/cmd/check"
	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/model"
)

// Error is one mistake in a configuration file.
type Error struct {
	File string // as messages name it (relative to the working directory when beneath it)
	Line int    // 1-based; 0 when the mistake has no line
	Key  string // dotted path of the key, e.g. "rules.residue.nav-menu", "overrides[0].files[1]"
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		b.WriteString(": " + e.Key)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// Errors are all the mistakes of one file, in the order of the file.
type Errors []*Error

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap lets errors.As find each *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// setting is one value and the file:line it was set at.
type setting[T any] struct {
	val    T
	origin string
	set    bool
}

// settings are the keys a file, or one override, may set.
type settings struct {
	thresholds setting[model.Thresholds]
	failAbove  setting[float64]
	failOn     setting[check.Severity]
	languages  setting[[]string]
	rules      map[string]setting[Rule]
	phrases    map[string]setting[float64]
}

// over returns s with t's settings on top, key by key.
func (s settings) over(t settings) settings {
	if t.thresholds.set {
		s.thresholds = t.thresholds
	}
	if t.failAbove.set {
		s.failAbove = t.failAbove
	}
	if t.failOn.set {
		s.failOn = t.failOn
	}
	if t.languages.set {
		s.languages = t.languages
	}
	s.rules = overMap(s.rules, t.rules)
	s.phrases = overMap(s.phrases, t.phrases)
	return s
}

func overMap[T any](a, b map[string]setting[T]) map[string]setting[T] {
	if len(b) == 0 {
		return a
	}
	out := make(map[string]setting[T], len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

type override struct {
	files    globs
	settings settings
}

// file is one parsed configuration file.
type file struct {
	path      string // absolute
	dir       string
	user      bool // the user file: globs are relative to the repository root
	top       settings
	ignore    globs
	overrides []override
}

var (
	topKeys       = []string{"thresholds", "fail-above", "fail-on", "languages", "rules", "phrases", "ignore", "overrides"}
	overrideKeys  = []string{"files", "thresholds", "fail-above", "fail-on", "languages", "rules", "phrases"}
	thresholdKeys = []string{"suspect", "flagged"}
	ruleValues    = []string{"off", "on", "info", "warning", "error"}
)

type parser struct {
	path, name string
	errs       Errors
}

func (p *parser) errorf(n *yaml.Node, key, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.errs = append(p.errs, &Error{File: p.name, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) origin(n *yaml.Node) string { return fmt.Sprintf("%s:%d", p.name, n.Line) }

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse reads one file's YAML and checks every key.
func parse(path string, data []byte, user bool) (*file, error) {
	p := &parser{path: path, name: display(path)}
	f := &file{path: path, dir: filepath.Dir(path), user: user}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) { // an empty file
			return f, nil
		}
		return nil, p.yamlError(err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); err == nil {
		p.errorf(&more, "", "more than one YAML document; a configuration file holds one")
		return nil, p.errs
	} else if !errors.Is(err, io.EOF) {
		return nil, p.yamlError(err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return f, nil
		}
		root = root.Content[0]
	}
	root = resolve(root)
	if isNull(root) {
		return f, nil
	}
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "", "want a mapping of keys (thresholds, fail-above, fail-on, rules, phrases, ignore, overrides), got %s", kind(root))
		return nil, p.errs
	}
	p.mapping(root, "", topKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "ignore":
			f.ignore = p.globs(v, "ignore", false)
		case "overrides":
			f.overrides = p.overrides(v)
		default:
			p.setting(&f.top, key, key, v)
		}
	})
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return f, nil
}

func (p *parser) yamlError(err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return Errors{{File: p.name, Line: line, Msg: "bad YAML: " + m[2]}}
	}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	return Errors{{File: p.name, Msg: "bad YAML: " + strings.TrimPrefix(msg, "yaml: ")}}
}

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func kind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "nothing"
		}
		return strconv.Quote(n.Value)
	}
	return "something else"
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// mapping calls fn for each key of m in order, after checking that it is one
// of known (nil: any), and that no key repeats. A null m is empty.
func (p *parser) mapping(m *yaml.Node, prefix string, known []string, fn func(key string, k, v *yaml.Node)) {
	m = resolve(m)
	if isNull(m) {
		return
	}
	if m.Kind != yaml.MappingNode {
		p.errorf(m, prefix, "want a mapping, got %s", kind(m))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := resolve(m.Content[i]), resolve(m.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, prefix, "a key must be a plain value, got %s", kind(k))
			continue
		}
		key := k.Value
		if line, dup := seen[key]; dup {
			p.errorf(k, join(prefix, key), "set twice (first at line %d)", line)
			continue
		}
		seen[key] = k.Line
		if known != nil && !contains(known, key) {
			msg := "unknown key"
			if strings.HasPrefix(prefix, "overrides[") && (key == "ignore" || key == "overrides") {
				msg = "not allowed in overrides (only at the top level)"
			} else if s := suggest(key, known); s != "" {
				msg += " (did you mean " + s + "?)"
			} else {
				msg += " (want one of " + strings.Join(known, ", ") + ")"
			}
			p.errorf(k, join(prefix, key), "%s", msg)
			continue
		}
		fn(key, k, v)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// setting reads one of the keys settings hold into s.
func (p *parser) setting(s *settings, key, path string, v *yaml.Node) {
	switch key {
	case "thresholds":
		p.thresholds(s, path, v)
	case "fail-above":
		if x, ok := p.percent(v, path); ok {
			s.failAbove = setting[float64]{x, p.origin(v), true}
		}
	case "fail-on":
		if v.Kind != yaml.ScalarNode || isNull(v) {
			p.errorf(v, path, "want a severity (info, warning or error), got %s", kind(v))
			return
		}
		sev, err := check.ParseSeverity(v.Value)
		if err != nil {
			p.errorf(v, path, "%s", withSuggestion(err.Error(), v.Value, []string{"info", "warning", "error"}))
			return
		}
		s.failOn = setting[check.Severity]{sev, p.origin(v), true}
	case "languages":
		p.languages(s, path, v)
	case "rules":
		p.rules(s, path, v)
	case "phrases":
		p.phrases(s, path, v)
	}
}

// languages reads a list of ISO 639-3 codes ("eng", "deu"): the languages
// whose text the model may score.
func (p *parser) languages(s *settings, path string, v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		p.errorf(v, path, "want a list of ISO 639-3 language codes (like [eng]), got %s", kind(v))
		return
	}
	var codes []string
	for _, item := range v.Content {
		c := strings.ToLower(strings.TrimSpace(item.Value))
		if item.Kind != yaml.ScalarNode || len(c) != 3 || strings.Trim(c, "abcdefghijklmnopqrstuvwxyz") != "" {
			p.errorf(item, path, "want an ISO 639-3 language code (three letters, like eng), got %q", item.Value)
			return
		}
		codes = append(codes, c)
	}
	s.languages = setting[[]string]{codes, p.origin(v), true}
}

func (p *parser) thresholds(s *settings, path string, v *yaml.Node) {
	if isNull(v) {
		p.errorf(v, path, "want suspect and flagged, got nothing")
		return
	}
	var t model.Thresholds
	var got [2]bool
	bad := false
	n := len(p.errs)
	p.mapping(v, path, thresholdKeys, func(key string, k, val *yaml.Node) {
		x, ok := p.percent(val, join(path, key))
		if !ok {
			bad = true
			return
		}
		if key == "suspect" {
			t.Suspect, got[0] = x, true
		} else {
			t.Flagged, got[1] = x, true
		}
	})
	if bad || len(p.errs) > n {
		return
	}
	switch {
	case !got[0] || !got[1]:
		missing := "suspect"
		if got[0] {
			missing = "flagged"
		}
		p.errorf(v, path, "set both suspect and flagged (%s is missing)", missing)
	case t.Suspect > t.Flagged:
		p.errorf(v, path, "suspect (%g) is above flagged (%g)", t.Suspect, t.Flagged)
	default:
		s.thresholds = setting[model.Thresholds]{t, p.origin(v), true}
	}
}

// number reads a YAML number (not a quoted one), finite.
func (p *parser) number(v *yaml.Node, path string) (float64, bool) {
	if v.Kind == yaml.ScalarNode && (v.ShortTag() == "!!int" || v.ShortTag() == "!!float") {
		var x float64
		if err := v.Decode(&x); err == nil && !math.IsNaN(x) && !math.IsInf(x, 0) {
			return x, true
		}
	}
	p.errorf(v, path, "want a number, got %s", kind(v))
	return 0, false
}

// percent reads a number from 0 to 100.
func (p *parser) percent(v *yaml.Node, path string) (float64, bool) {
	x, ok := p.number(v, path)
	if !ok {
		return 0, false
	}
	if x < 0 || x > 100 {
		p.errorf(v, path, "want a score from 0 to 100, got %g", x)
		return 0, false
	}
	return x, true
}

func (p *parser) rules(s *settings, path string, v *yaml.Node) {
	ids := features.IDs()
	p.mapping(v, path, nil, func(id string, k, val *yaml.Node) {
		kp := join(path, id)
		if _, err := features.Lookup(id); err != nil {
			p.errorf(k, kp, "%s", withSuggestion("unknown rule", id, ids))
			return
		}
		if val.Kind != yaml.ScalarNode || isNull(val) {
			p.errorf(val, kp, "want off, on, info, warning or error, got %s", kind(val))
			return
		}
		var r Rule
		switch w := strings.ToLower(val.Value); w {
		case "off", "false":
			r.Off = true
		case "on", "true":
		default:
			sev, err := check.ParseSeverity(w)
			if err != nil {
				p.errorf(val, kp, "%s", withSuggestion(fmt.Sprintf("unknown setting %q (want off, on, info, warning or error)", val.Value), w, ruleValues))
				return
			}
			r.Severity = &sev
		}
		if s.rules == nil {
			s.rules = map[string]setting[Rule]{}
		}
		s.rules[id] = setting[Rule]{r, p.origin(val), true}
	})
}

// NormalizePhrase is how phrases are compared and stored: lower case, with
// runs of white space made one space.
func NormalizePhrase(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (p *parser) phrases(s *settings, path string, v *yaml.Node) {
	seen := map[string]int{}
	p.mapping(v, path, nil, func(raw string, k, val *yaml.Node) {
		kp := path + "." + strconv.Quote(raw)
		ph := NormalizePhrase(raw)
		if ph == "" {
			p.errorf(k, kp, "empty phrase")
			return
		}
		if line, dup := seen[ph]; dup {
			p.errorf(k, kp, "same phrase as line %d (phrases are compared in lower case)", line)
			return
		}
		seen[ph] = k.Line
		w, ok := p.number(val, kp)
		if !ok {
			return
		}
		if s.phrases == nil {
			s.phrases = map[string]setting[float64]{}
		}
		s.phrases[ph] = setting[float64]{w, p.origin(val), true}
	})
}

// globs reads a glob or a list of globs; required means it may not be empty.
func (p *parser) globs(v *yaml.Node, path string, required bool) globs {
	var items []*yaml.Node
	var paths []string
	switch {
	case isNull(v):
	case v.Kind == yaml.ScalarNode:
		items, paths = []*yaml.Node{v}, []string{path}
	case v.Kind == yaml.SequenceNode:
		for i, it := range v.Content {
			items = append(items, resolve(it))
			paths = append(paths, fmt.Sprintf("%s[%d]", path, i))
		}
	default:
		p.errorf(v, path, "want a glob or a list of globs, got %s", kind(v))
		return nil
	}
	if required && len(items) == 0 {
		p.errorf(v, path, "want at least one glob")
		return nil
	}
	var out globs
	for i, it := range items {
		if it.Kind != yaml.ScalarNode || isNull(it) {
			p.errorf(it, paths[i], "want a glob, got %s", kind(it))
			continue
		}
		g, err := compileGlob(it.Value)
		if err != nil {
			p.errorf(it, paths[i], "bad glob %q: %v", it.Value, err)
			continue
		}
		g.origin = p.origin(it)
		out = append(out, g)
	}
	return out
}

func (p *parser) overrides(v *yaml.Node) []override {
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		p.errorf(v, "overrides", "want a list of {files: [...], ...}, got %s", kind(v))
		return nil
	}
	var out []override
	for i, it := range v.Content {
		it = resolve(it)
		path := fmt.Sprintf("overrides[%d]", i)
		if it.Kind != yaml.MappingNode {
			p.errorf(it, path, "want a mapping with files and settings, got %s", kind(it))
			continue
		}
		var o override
		hasFiles := false
		p.mapping(it, path, overrideKeys, func(key string, k, val *yaml.Node) {
			if key == "files" {
				hasFiles = true
				o.files = p.globs(val, path+".files", true)
				return
			}
			p.setting(&o.settings, key, join(path, key), val)
		})
		if !hasFiles {
			p.errorf(it, path, "files is missing: say which files the override is for")
		}
		out = append(out, o)
	}
	return out
}
