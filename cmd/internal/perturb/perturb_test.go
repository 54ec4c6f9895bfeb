package perturb

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

const text = "The council approved the budget on Tuesday after a long debate about the cost of an important new harbour wall, which residents have wanted for years. " +
	"The mayor said the vote was \"a relief\", and the council's engineer told the meeting that the work would take a year, the first phase starting in the spring."

func TestKinds(t *testing.T) {
	cases := []struct {
		kind string
		ok   func(out string) bool
	}{
		{"zero-width", func(out string) bool {
			return strings.Count(out, "\u200b") >= 3 && strings.ReplaceAll(out, "\u200b", "") == text
		}},
		{"homoglyph", func(out string) bool {
			return strings.ContainsAny(out, "асеіорх") && utf8.RuneCountInString(out) == utf8.RuneCountInString(text)
		}},
		{"fancy", func(out string) bool {
			return strings.ContainsRune(out, '\U0001D41A'+('e'-'a')) || strings.ContainsRune(out, '\U0001D41A'+('o'-'a'))
		}},
		{"misspell", func(out string) bool { return out != text && len(strings.Fields(out)) == len(strings.Fields(text)) }},
		{"case", func(out string) bool { return out != text && strings.EqualFold(out, text) }},
		{"articles", func(out string) bool { return len(out) < len(text) && !strings.Contains(out, "  ") }},
		{"mojibake", func(out string) bool { return strings.Contains(out, "â€") && !strings.Contains(out, "'") }},
		{"entities", func(out string) bool {
			return strings.Contains(out, "&#39;") && html.UnescapeString(out) == text
		}},
	}
	for _, c := range cases {
		k, err := Lookup(c.kind)
		if err != nil {
			t.Fatal(err)
		}
		out := k.Apply(text)
		if !c.ok(out) {
			t.Errorf("%s: %q", c.kind, out)
		}
		if again := k.Apply(text); again != out {
			t.Errorf("%s: not deterministic: %q then %q", c.kind, out, again)
		}
	}
	if len(cases) != len(Kinds) {
		t.Errorf("%d kinds tested of %d", len(cases), len(Kinds))
	}
}

func TestLookupUnknown(t *testing.T) {
	if _, err := Lookup("typo"); err == nil || !strings.Contains(err.Error(), "zero-width") {
		t.Errorf("error %v, want one that lists the known kinds", err)
	}
}
