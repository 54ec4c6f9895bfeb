package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkCheck1000Markdown is a pre-commit run: `chaff check` over a
// folder of 1,000 Markdown articles of about 2 KB (front matter, headings,
// a code block, prose), in one process. Run on one core with
//
//	go test ./cmd/chaff -run '^$' -bench Check1000 -cpu 1
func BenchmarkCheck1000Markdown(b *testing.B) {
	b.Setenv("XDG_CONFIG_HOME", b.TempDir())
	dir := b.TempDir()
	total := 0
	for i := 0; i < 1000; i++ {
		var sb strings.Builder
		fmt.Fprintf(&sb, "---\ntitle: Ferry note %d\ndate: 2026-11-%02d\n---\n\n# Ferry note %d\n\n", i, i%28+1, i)
		for p := 0; p < 4; p++ {
			fmt.Fprintf(&sb, "%s\n", strings.ReplaceAll(plainStory, "four months", fmt.Sprintf("%d months", p+i%7+2)))
		}
		sb.WriteString("```sh\nchaff check post.md\n```\n\n## What next\n\nThe operator said repairs cost 41,000 pounds.\n")
		total += sb.Len()
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("post-%04d.md", i)), []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		app := newApp(io.Discard, io.Discard)
		if code := run(app, []string{"chaff", "check", "--fail-above", "100", dir}); code != exitOK && code != exitTripped {
			b.Fatalf("exit %d", code)
		}
	}
}
