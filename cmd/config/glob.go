package config

import (
	"errors"
	"path"
	"strings"
)

// glob is one compiled ignore or overrides glob.
type glob struct {
	pattern  string   // as written
	segs     []string // path elements; "**" is any number of folders
	anchored bool     // matched from the config file's folder; else against any element
	origin   string   // file:line
}

type globs []*glob

// compileGlob checks a glob and splits it into path elements.
func compileGlob(s string) (*glob, error) {
	g := &glob{pattern: s}
	t := strings.TrimSpace(s)
	if t != s {
		return nil, errors.New("leading or trailing space")
	}
	t = strings.TrimSuffix(t, "/")
	if strings.HasPrefix(t, "/") {
		t, g.anchored = t[1:], true
	}
	if t == "" {
		return nil, errors.New("empty")
	}
	if strings.Contains(t, "/") {
		g.anchored = true
	}
	g.segs = strings.Split(t, "/")
	for _, seg := range g.segs {
		switch seg {
		case "":
			return nil, errors.New("empty path element (//)")
		case ".", "..":
			return nil, errors.New(". and .. are not allowed; globs are relative to the config file's folder")
		case "**":
			continue
		}
		if strings.Contains(seg, "**") {
			return nil, errors.New("** must be a whole path element, as in a/**/b")
		}
		if _, err := path.Match(seg, ""); err != nil {
			return nil, errors.New("syntax error (unclosed [ or trailing \\)")
		}
	}
	if !g.anchored && g.segs[0] == "**" {
		g.anchored = true
	}
	return g, nil
}

// match reports whether g matches rel (slash separated, beneath the
// config file's folder) or one of its folders.
func (g *glob) match(rel string) bool {
	elems := strings.Split(rel, "/")
	if !g.anchored {
		for _, e := range elems {
			if ok, _ := path.Match(g.segs[0], e); ok {
				return true
			}
		}
		return false
	}
	return matchPrefix(g.segs, elems)
}

// matchPrefix: segs match elems, or a leading part of them.
func matchPrefix(segs, elems []string) bool {
	if len(segs) == 0 {
		return true
	}
	if segs[0] == "**" {
		for i := 0; i <= len(elems); i++ {
			if matchPrefix(segs[1:], elems[i:]) {
				return true
			}
		}
		return false
	}
	if len(elems) == 0 {
		return false
	}
	ok, _ := path.Match(segs[0], elems[0])
	return ok && matchPrefix(segs[1:], elems[1:])
}

// match returns the first glob that matches rel, nil for none.
func (gs globs) match(rel string) *glob {
	for _, g := range gs {
		if g.match(rel) {
			return g
		}
	}
	return nil
}
