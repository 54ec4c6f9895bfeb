package features

import (
	"regexp"
	"testing"
)

var idPattern = regexp.MustCompile(`^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$`)

// Every feature is declared with examples that must and must not fire; this
// runs them all, so a rule without working examples cannot land.
func TestCatalogueExamples(t *testing.T) {
	for _, f := range Catalogue() {
		t.Run(f.ID, func(t *testing.T) {
			if !idPattern.MatchString(f.ID) || string(f.Category) != f.ID[:len(f.Category)] {
				t.Errorf("ID %q must be <category>.<kebab-name>", f.ID)
			}
			if f.Description == "" {
				t.Error("no description")
			}
			if len(f.Fires) == 0 || len(f.Quiet) == 0 {
				t.Fatal("every feature needs examples that fire and examples that stay quiet")
			}
			for _, ex := range f.Fires {
				if r := f.Extract(NewDocumentString(ex)); !f.Fired(r) {
					t.Errorf("should fire on %q (value %v)", ex, r.Value)
				}
			}
			for _, ex := range f.Quiet {
				if r := f.Extract(NewDocumentString(ex)); f.Fired(r) {
					t.Errorf("should stay quiet on %q (value %v, findings %+v)", ex, r.Value, r.Findings)
				}
			}
		})
	}
}

// Findings must point inside the text at the matched characters.
func TestFindingsPointAtTheirMatch(t *testing.T) {
	for _, f := range Catalogue() {
		if f.Category == LanguageCategory {
			continue // its finding names the language at the first line, not a match
		}
		for _, ex := range f.Fires {
			d := NewDocumentString(ex)
			for _, fd := range f.Extract(d).Findings {
				if fd.Line < 1 || fd.Line > len(d.Lines) || fd.Column < 1 {
					t.Errorf("%s: finding %+v outside the text", f.ID, fd)
					continue
				}
				line := []rune(d.Lines[fd.Line-1].Text)
				m := []rune(fd.Match)
				if fd.Column-1+len(m) <= len(line) && string(line[fd.Column-1:fd.Column-1+len(m)]) != fd.Match && len(m) > 0 && !containsNewline(fd.Match) {
					t.Errorf("%s: finding %q not at %d:%d of %q", f.ID, fd.Match, fd.Line, fd.Column, string(line))
				}
			}
		}
	}
}

func containsNewline(s string) bool {
	for _, r := range s {
		if r == '\n' {
			return true
		}
	}
	return false
}
