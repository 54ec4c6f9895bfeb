package main

import (
	"io"
	"os"
	"testing"
)

func TestZZProf(t *testing.T) {
	in := os.Getenv("ZZ_IN")
	if in == "" {
		t.Skip()
	}
	app := newApp(io.Discard, io.Discard)
	run(app, []string{"chaff", "score", "--format", "jsonl", "--workers", "1", "--quiet", in})
}
