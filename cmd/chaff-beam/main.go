// Command chaff-beam scores a corpus on Apache Beam: every text, Markdown,
// HTML, JSONL, WARC and WET file matching --input (a glob, local or on a
// Beam filesystem such as gs://), read and scored with exactly the code of
// chaff score (cmd/input, model, cmd/report), written as JSONL shards
// OUTPUT-SSSSS-of-NNNNN.jsonl, one line per document (chaff score --format
// jsonl's records), sorted by input path and position within each shard.
//
// It runs on any Beam runner (--runner prism, the default, runs locally;
// dataflow, flink and spark run on a cluster), e.g.
//
//	chaff-beam --input 'crawl/*.warc.gz' --output out/scores --shards 16
//	chaff-beam --runner dataflow --project P --region europe-west1 \
//	    --staging_location gs://B/staging --input 'gs://B/crawl/*.warc.gz' --output gs://B/scores/part
//
// It is its own Go module, so that the chaff command's dependencies stay
// lean: build it with cd cmd/chaff-beam && go build.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/chaff-dev/chaff/cmd/chaff-beam/pipeline"
)

var (
	inputGlob = flag.String("input", "", "glob of the files to score (text, Markdown, HTML, JSONL, WARC, WET; .gz or .zst for corpora); several, comma-separated")
	output    = flag.String("output", "", "prefix of the output shards: PREFIX-SSSSS-of-NNNNN.jsonl")
	shards    = flag.Int("shards", 4, "number of output shards")
	textField = flag.String("text_field", "text", "in JSONL corpora, the field holding the article")
	idField   = flag.String("id_field", "id", "in JSONL corpora, the field holding its id")
	lang      = flag.String("lang", "", "treat every document as written in this language (ISO 639-3) instead of detecting it")
	modelFile = flag.String("model", "", "score with this model file (JSON written by chaff train) instead of the built-in one; read when the pipeline is built")
)

func main() {
	flag.Parse()
	beam.Init()
	if *inputGlob == "" || *output == "" || *shards < 1 {
		fmt.Fprintln(os.Stderr, "chaff-beam: --input GLOB and --output PREFIX are required, and --shards at least 1 (see --help)")
		os.Exit(2)
	}
	cfg := pipeline.Config{Input: strings.Split(*inputGlob, ","), Output: *output, Shards: *shards, TextField: *textField, IDField: *idField, Lang: *lang}
	if *modelFile != "" {
		b, err := os.ReadFile(*modelFile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "chaff-beam: %v\n", err)
			os.Exit(2)
		}
		cfg.Model = b
	}
	p, err := pipeline.New(cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "chaff-beam: %v\n", err)
		os.Exit(2)
	}
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintf(os.Stderr, "chaff-beam: %v\n", err)
		os.Exit(1)
	}
}
