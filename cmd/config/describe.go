package config

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Describe writes the effective configuration as YAML that is itself a valid
// configuration file: a comment header names the checked file, the files the
// configuration came from (nearest first) and the ignore glob that matches
// the file, if any, and each value says on its line which file:line set it.
// Only keys some file sets are written. This is what `chaff config [PATH]`
// prints.
func (e *Effective) Describe(w io.Writer) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# chaff configuration for %s\n", display(e.Path))
	if len(e.Sources) == 0 {
		b.WriteString("# no configuration file applies: chaff's defaults are used\n")
	} else {
		b.WriteString("# from, nearest first:\n")
		for _, s := range e.Sources {
			fmt.Fprintf(&b, "#   %s\n", display(s))
		}
	}
	if e.Ignored {
		fmt.Fprintf(&b, "# ignored: matches %s\n", e.IgnoredBy)
	}

	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) {
		root.Content = append(root.Content, scalar(key), v)
	}
	from := func(n *yaml.Node, key string) *yaml.Node {
		if o := e.origin[key]; o != "" {
			n.LineComment = o
		}
		return n
	}
	if t := e.Thresholds; t != nil {
		m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{
			scalar("suspect"), number(t.Suspect), scalar("flagged"), number(t.Flagged),
		}}
		add("thresholds", from(m, "thresholds"))
	}
	if e.FailAbove != nil {
		add("fail-above", from(number(*e.FailAbove), "fail-above"))
	}
	if e.Languages != nil {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, l := range e.Languages {
			seq.Content = append(seq.Content, scalar(l))
		}
		add("languages", from(seq, "languages"))
	}
	if e.FailOn != nil {
		add("fail-on", from(scalar(e.FailOn.String()), "fail-on"))
	}
	if len(e.Rules) > 0 {
		m := &yaml.Node{Kind: yaml.MappingNode}
		for _, id := range sortedKeys(e.Rules) {
			m.Content = append(m.Content, scalar(id), from(scalar(e.Rules[id].String()), "rules."+id))
		}
		add("rules", m)
	}
	if len(e.Phrases) > 0 {
		m := &yaml.Node{Kind: yaml.MappingNode}
		for _, p := range sortedKeys(e.Phrases) {
			k := scalar(p)
			k.Style = yaml.DoubleQuotedStyle
			m.Content = append(m.Content, k, from(number(e.Phrases[p]), "phrases."+p))
		}
		add("phrases", m)
	}
	if len(root.Content) == 0 {
		b.WriteString("{}\n")
	} else {
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(root); err != nil {
			return err
		}
		if err := enc.Close(); err != nil {
			return err
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

func number(x float64) *yaml.Node { return scalar(strconv.FormatFloat(x, 'g', -1, 64)) }

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
