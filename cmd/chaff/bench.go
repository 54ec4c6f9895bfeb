package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/cmd/internal/ordered"
	"github.com/chaff-dev/chaff/cmd/report"
	"github.com/urfave/cli/v2"
)

func benchCommand() *cli.Command {
	return &cli.Command{
		Name:      "bench",
		Usage:     "measure scoring speed and memory: documents/s, MB/s per core, peak memory",
		ArgsUsage: "[PATH...]",
		Description: `Scores a corpus exactly as chaff score --format jsonl does (the records are
written to nowhere) and reports documents per second, megabytes per second (of input
as read) in all and per core (per second of CPU time), and the peak memory of the
process (VmHWM, the resident set's high-water mark, where the system reports it; the Go
runtime's peak otherwise).

With PATHs it scores them (anything chaff score reads). Without, it writes a synthetic
JSONL corpus of --docs articles to a temporary file first: the articles under --seed
(by default testdata/articles of the chaff repository) with their paragraphs shuffled
and numbers changed, so that no two documents are the same. --write-corpus keeps it,
to run other tools on the same file.

Examples:
   chaff bench                                      20,000 synthetic articles, every core
   taskset -c 0 chaff bench --workers 1             one core
   chaff bench --docs 60000 --write-corpus /tmp/c.jsonl
   chaff bench --workers 2 crawl/*.warc.gz`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "docs", Value: 20000, Usage: "generate `N` synthetic articles when no PATH is given"},
			&cli.StringFlag{Name: "seed", Value: filepath.Join("testdata", "articles"), Usage: "generate from the .txt and .md articles in `DIR`"},
			&cli.StringFlag{Name: "write-corpus", Usage: "keep the generated corpus in `FILE` (JSONL)"},
			&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "score on `N` goroutines", DefaultText: "the number of CPUs"},
			modelFlag(),
		},
		Action: runBench,
	}
}

func runBench(c *cli.Context) error {
	workers := c.Int("workers")
	if workers < 1 {
		return usage(c, "--workers must be at least 1")
	}
	paths := c.Args().Slice()
	if len(paths) == 0 {
		if c.Int("docs") < 1 {
			return usage(c, "--docs must be at least 1")
		}
		out := c.String("write-corpus")
		if out == "" {
			dir, err := os.MkdirTemp("", "chaff-bench")
			if err != nil {
				return cli.Exit(fmt.Sprintf("chaff bench: %v", err), exitError)
			}
			defer os.RemoveAll(dir)
			out = filepath.Join(dir, "corpus.jsonl")
		}
		if err := writeSynthetic(out, c.String("seed"), c.Int("docs")); err != nil {
			return cli.Exit(fmt.Sprintf("chaff bench: %v", err), exitError)
		}
		paths = []string{out}
	}
	m, err := loadModel(c)
	if err != nil {
		return err
	}
	var read int64
	opts := walkOptions(c)
	opts.OnRead = func(n int) { read += int64(n) } // called by the one reading goroutine
	rep, _ := report.New("jsonl", io.Discard, report.Options{})
	docs, failed := 0, 0
	cpu0, cpuOK := cpuTime()
	start := time.Now()
	werr := ordered.Map(workers, inFlight*workers, func(put func(input.Item) error) error {
		return input.Walk(paths, opts, put)
	}, func(it input.Item) report.Record {
		return report.Score(m, it, "")
	}, func(rec report.Record) error {
		docs++
		if rec.Error != "" {
			failed++
		}
		return rep.Add(rec)
	})
	wall := time.Since(start)
	cpu1, _ := cpuTime()
	if werr != nil {
		return usage(c, "%v", werr)
	}
	rep.Close()
	w := c.App.Writer
	mb := float64(read) / 1e6
	fmt.Fprintf(w, "documents     %d (%d could not be read)\n", docs, failed)
	fmt.Fprintf(w, "input         %.1f MB read from %s\n", mb, strings.Join(paths, " "))
	fmt.Fprintf(w, "workers       %d (GOMAXPROCS %d)\n", workers, runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "wall time     %.2f s\n", wall.Seconds())
	fmt.Fprintf(w, "documents/s   %.0f\n", float64(docs)/wall.Seconds())
	fmt.Fprintf(w, "MB/s          %.2f\n", mb/wall.Seconds())
	if cpuOK {
		cpu := (cpu1 - cpu0).Seconds()
		fmt.Fprintf(w, "CPU time      %.2f s (%.2f cores busy)\n", cpu, cpu/wall.Seconds())
		fmt.Fprintf(w, "MB/s per core %.2f (MB per CPU second)\n", mb/cpu)
	}
	if hwm, ok := peakRSS(); ok {
		fmt.Fprintf(w, "peak memory   %.0f MB (VmHWM)\n", float64(hwm)/1e6)
	} else {
		fmt.Fprintf(w, "peak memory   %.0f MB (Go runtime, mapped)\n", float64(goPeak())/1e6)
	}
	return nil
}

// peakRSS is the process's resident high-water mark (Linux).
func peakRSS() (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// goPeak is the memory the Go runtime has mapped from the system: an upper
// bound of its heap's peak where the system reports no high-water mark.
func goPeak() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

var number = regexp.MustCompile(`\b\d+\b`)

// writeSynthetic writes n articles made from those under seed to out, one
// JSONL record each ({"id":"synthetic-N","text":...}): each takes a seed
// article's paragraphs, shuffled, with a paragraph of the next article put
// in and its numbers changed. The same n and seed give the same file.
func writeSynthetic(out, seed string, n int) error {
	var names []string
	for _, g := range []string{"*.txt", "*.md"} {
		m, _ := filepath.Glob(filepath.Join(seed, g))
		names = append(names, m...)
	}
	if len(names) == 0 {
		return fmt.Errorf("no articles (*.txt, *.md) in %s to generate a corpus from: run chaff bench in the chaff repository, give --seed DIR, or give the PATHs to score", seed)
	}
	var arts [][]string
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		var paras []string
		for _, p := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
		arts = append(arts, paras)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	enc := json.NewEncoder(bw)
	for i := 0; i < n; i++ {
		a := arts[i%len(arts)]
		paras := append([]string(nil), a...)
		if other := arts[(i+1)%len(arts)]; len(other) > 0 {
			k := rng.IntN(len(paras) + 1)
			paras = append(paras[:k], append([]string{other[rng.IntN(len(other))]}, paras[k:]...)...)
		}
		if len(paras) > 2 { // keep the first paragraph (a headline, often) in place
			body := paras[1:]
			rng.Shuffle(len(body), func(x, y int) { body[x], body[y] = body[y], body[x] })
		}
		text := number.ReplaceAllStringFunc(strings.Join(paras, "\n\n"), func(s string) string {
			return strconv.Itoa(rng.IntN(100) * len(s))
		})
		if err := enc.Encode(map[string]string{"id": fmt.Sprintf("synthetic-%d", i), "text": text}); err != nil {
			f.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
