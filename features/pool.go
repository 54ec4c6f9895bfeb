package features

import "sync"

// Scoring a corpus builds one document after another, each with slices as
// long as its text (tokens, the phrase stream, its views' copies). Release
// hands them back and the next document reuses their arrays, which spares
// the allocator, the zeroing of new memory and the collector's work: a
// one-core `chaff score` run took 12-16% less time (README, *Scale*).
var (
	tokenPool  slicePool[Token]
	int32Pool  slicePool[int32]
	stringPool slicePool[string]
	intPool    slicePool[int]
	candPool   slicePool[lexCand]
	uint64Pool slicePool[uint64]
)

// slicePool keeps slices of T for reuse. A slice too short for the next
// document is dropped, so the pool's slices grow to the corpus's longer
// documents; sync.Pool lets the collector free them when idle.
type slicePool[T any] struct{ p sync.Pool }

// get returns an empty slice with room for n elements.
func (sp *slicePool[T]) get(n int) []T {
	if v, _ := sp.p.Get().(*[]T); v != nil && cap(*v) >= n {
		return (*v)[:0]
	}
	return make([]T, 0, n)
}

// put hands s back; the caller must not use it again.
func (sp *slicePool[T]) put(s []T) {
	if cap(s) == 0 {
		return
	}
	s = s[:0]
	sp.p.Put(&s)
}

// Release hands the document's buffers, and its views', back for the next
// document to reuse. Call it when nothing more will be read from d: its
// findings and explanation hold only strings of its text and stay valid,
// but d and its views must not be used again.
func (d *Document) Release() {
	if d.prose != nil && d.prose != d {
		d.prose.Release()
	}
	if d.article != nil && d.article != d && d.article != d.prose {
		d.article.Release()
	}
	d.prose, d.article = nil, nil
	tokenPool.put(d.Tokens)
	for _, s := range [][]int32{d.streamIdx, d.streamOff, d.streamIDs, d.parentPos, d.shapeIDs} {
		int32Pool.put(s)
	}
	stringPool.put(d.streamWords)
	stringPool.put(d.shapeWords)
	uint64Pool.put(d.hashes)
	d.hashes = nil
	d.Tokens, d.streamIdx, d.streamOff, d.streamIDs, d.parentPos, d.shapeIDs = nil, nil, nil, nil, nil, nil
	d.streamWords, d.shapeWords = nil, nil
}

// mattrTables are styleMATTR's tables of word types, one a document.
var mattrTables tablePool

// tablePool keeps open-addressing tables for reuse, emptied.
type tablePool struct{ p sync.Pool }

// get returns an empty table for n keys. A pooled table far larger than
// needed is dropped: emptying it would cost more than a new one.
func (tp *tablePool) get(n int) *ngramTable {
	if t, _ := tp.p.Get().(*ngramTable); t != nil && len(t.keys) >= 2*n && len(t.keys) <= 16*n+16 {
		clear(t.vals) // a key is read only where its value is set
		return t
	}
	t := newNgramTable(n)
	return &t
}

func (tp *tablePool) put(t *ngramTable) { tp.p.Put(t) }
