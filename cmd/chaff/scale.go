package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/cmd/internal/progress"
	"github.com/urfave/cli/v2"
)

// Running at scale: --shard for map-only engines (Spark RDD.pipe,
// Kubernetes Indexed Jobs, Slurm arrays) and the progress line.

func shardFlag() cli.Flag {
	return &cli.StringFlag{Name: "shard", Usage: "score only the documents whose index (0-based, in input order, over all inputs) modulo N is I: `I/N`, job I of N parallel jobs over the same input"}
}

func quietFlag() cli.Flag {
	return &cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "show no progress line (it is shown on standard error only while that is a terminal)"}
}

// shard is --shard I/N; the zero shard takes every document.
type shard struct{ i, n int }

// parseShard reads --shard and the --input-format it goes with.
func parseShard(c *cli.Context) (shard, error) {
	if err := oneOf(c, "input-format", c.String("input-format"), input.InputFormats); err != nil {
		return shard{}, err
	}
	s := c.String("shard")
	if s == "" {
		return shard{}, nil
	}
	sh, err := shardOf(s)
	if err != nil {
		return shard{}, usage(c, "--shard %q: %v", s, err)
	}
	return sh, nil
}

// shardOf reads "I/N": 0 <= I < N.
func shardOf(s string) (shard, error) {
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		return shard{}, fmt.Errorf("want I/N, e.g. 0/4")
	}
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	switch {
	case err1 != nil || err2 != nil:
		return shard{}, fmt.Errorf("want I/N with whole numbers, e.g. 0/4")
	case n < 1:
		return shard{}, fmt.Errorf("N must be at least 1")
	case i < 0 || i >= n:
		return shard{}, fmt.Errorf("I must be from 0 to N-1 (%d)", n-1)
	}
	return shard{i, n}, nil
}

// filter passes on to put the documents of this shard: those whose index
// (counting every input item, error records too) modulo n is i.
func (s shard) filter(put func(input.Item) error) func(input.Item) error {
	if s.n <= 1 {
		return put
	}
	k := 0
	return func(it input.Item) error {
		mine := k%s.n == s.i
		k++
		if !mine {
			return nil
		}
		return put(it)
	}
}

// startProgress starts the progress line on standard error when that is a
// terminal (and not --quiet), unless records stream onto the same
// terminal, and hooks it to o's reads. A nil meter does nothing.
func startProgress(c *cli.Context, format string, paths []string, o *input.Options) *progress.Meter {
	streaming := (format == "jsonl" || format == "csv") && c.String("sort") != "score"
	on := progress.Enabled(c.App.ErrWriter, c.Bool("quiet")) && !(streaming && progress.IsTerminal(c.App.Writer))
	m := progress.Start(c.App.ErrWriter, on, 250*time.Millisecond)
	if m == nil {
		return nil
	}
	o.OnRead = m.Read
	go func() {
		if n, ok := input.Size(paths, *o); ok {
			m.Total(n)
		}
	}()
	return m
}
