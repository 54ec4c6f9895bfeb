// Package pipeline is chaff's Apache Beam pipeline (see cmd/chaff-beam):
// files matched by globs, read with cmd/input, scored with report.Score,
// written as JSONL shards.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths; main adds gs:// and the runners
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/cmd/report"
	"github.com/chaff-dev/chaff/features/markup"
	"github.com/chaff-dev/chaff/model"
)

// Config is what a pipeline does.
type Config struct {
	Input     []string // globs
	Output    string   // shard prefix
	Shards    int
	TextField string
	IDField   string
	Lang      string
	Model     []byte // model JSON; nil for the built-in model
}

// Doc is one input item on the wire between reading and scoring.
type Doc struct {
	Key      string // path and position, for the order within a shard
	ID, Path string
	Line     int
	Format   string
	Text     []byte
	Replaced int
	Err      string
}

// Line is one output line with its sort key.
type Line struct {
	Key  string
	JSON string
}

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Doc), error](&readFn{})
	register.Emitter1[Doc]()
	register.DoFn1x2[Doc, int, Line](&scoreFn{})
	register.DoFn3x1[context.Context, int, func(*Line) bool, error](&writeFn{})
	register.Iter1[Line]()
}

// New builds the pipeline: match the files, read each into documents
// (cmd/input, as chaff score reads a file of that name), reshuffle them
// so that the documents of one large file are scored on many workers,
// score each (report.Score, as chaff score does), and write the records
// in Shards files.
func New(c Config) (*beam.Pipeline, error) {
	if _, err := loadModel(c.Model); err != nil {
		return nil, err
	}
	p, s := beam.NewPipelineWithRoot()
	if len(c.Input) == 0 {
		return nil, errors.New("no input glob")
	}
	var matched []beam.PCollection
	for _, g := range c.Input {
		matched = append(matched, fileio.MatchFiles(s, g, fileio.MatchEmptyDisallow()))
	}
	files := beam.Flatten(s, matched...)
	// chaff decompresses by name itself (gzip and zstd, with its limits)
	readable := fileio.ReadMatches(s, files, fileio.ReadUncompressed())
	docs := beam.ParDo(s, &readFn{TextField: c.TextField, IDField: c.IDField}, readable)
	docs = beam.Reshuffle(s, docs)
	lines := beam.ParDo(s, &scoreFn{Model: c.Model, Lang: c.Lang, Shards: c.Shards}, docs)
	beam.ParDo0(s, &writeFn{Output: c.Output, Shards: c.Shards}, beam.GroupByKey(s, lines))
	return p, nil
}

func loadModel(b []byte) (*model.Model, error) {
	if b == nil {
		return model.Default()
	}
	return model.Parse(b, "--model")
}

// readFn reads one file into documents with input.Read.
type readFn struct {
	TextField, IDField string
}

func (f *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(Doc)) error {
	path := file.Metadata.Path
	rc, err := file.Open(ctx)
	if err != nil {
		emit(Doc{Key: key(path, 0), ID: path, Path: path, Err: err.Error()})
		return nil
	}
	defer rc.Close()
	n := 0
	o := input.Options{JSONL: input.JSONLOptions{TextField: f.TextField, IDField: f.IDField}}
	return input.Read(path, rc, o, func(it input.Item) error {
		d := Doc{Key: key(path, n), ID: it.ID, Path: it.Path, Line: it.Line, Format: string(it.Format), Text: it.Text, Replaced: it.Replaced}
		if it.Err != nil {
			d.Err = it.Err.Error()
		}
		n++
		emit(d)
		return nil
	})
}

func key(path string, n int) string { return fmt.Sprintf("%s\x00%012d", path, n) }

// scoreFn scores a document with report.Score and keys its JSONL line by
// its output shard.
type scoreFn struct {
	Model  []byte
	Lang   string
	Shards int

	once sync.Once
	m    *model.Model
	err  error
}

func (f *scoreFn) Setup() error {
	f.once.Do(func() { f.m, f.err = loadModel(f.Model) })
	return f.err
}

func (f *scoreFn) ProcessElement(d Doc) (int, Line) {
	it := input.Item{ID: d.ID, Path: d.Path, Line: d.Line, Format: markup.Format(d.Format), Text: d.Text, Replaced: d.Replaced}
	if d.Err != "" {
		it.Err = errors.New(d.Err)
	}
	b, err := report.Score(f.m, it, f.Lang).MarshalJSON()
	if err != nil { // MarshalJSON does not fail; keep the record all the same
		b = []byte(fmt.Sprintf(`{"id":%q,"path":%q,"score":null,"categories":{},"findings":[],"error":%q}`, d.ID, d.Path, err.Error()))
	}
	h := fnv.New32a()
	io.WriteString(h, d.Key)
	return int(h.Sum32() % uint32(f.Shards)), Line{Key: d.Key, JSON: string(b)}
}

// writeFn writes one shard's lines, sorted by input path and position.
type writeFn struct {
	Output string
	Shards int
}

// ShardName is the name of shard i of n.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

func (f *writeFn) ProcessElement(ctx context.Context, shard int, lines func(*Line) bool) error {
	var all []Line
	var l Line
	for lines(&l) {
		all = append(all, l)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Key < all[j].Key })
	name := ShardName(f.Output, shard, f.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for _, l := range all {
		if _, err := io.WriteString(w, l.JSON+"\n"); err != nil {
			w.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
