package features

import (
	"fmt"
	"reflect"
	"testing"
)

// Release hands a document's arrays to the next document: what was read
// from it must stay as it was, and a document built on reused arrays must
// read exactly as one built on new ones.
func TestReleaseKeepsResultsAndReuseChangesNothing(t *testing.T) {
	texts, _ := exampleTexts(t)
	fresh := make([][]Result, len(texts))
	for i, text := range texts {
		fresh[i] = Extract(NewDocument(text)) // never released
	}
	snapshot := func(rs []Result) string { return fmt.Sprintf("%#v", rs) }
	kept := make([]string, len(texts))
	held := make([][]Result, len(texts))
	for round := 0; round < 2; round++ {
		for i, text := range texts {
			d := NewDocument(text)
			got := Extract(d)
			d.Release()
			if !reflect.DeepEqual(got, fresh[i]) {
				t.Fatalf("round %d, text %d: results on reused buffers differ from a fresh document's", round, i)
			}
			if round == 0 {
				held[i], kept[i] = got, snapshot(got)
			}
		}
	}
	// results of the first round, read after every later document reused
	// their document's arrays
	for i := range texts {
		if snapshot(held[i]) != kept[i] {
			t.Errorf("text %d: results changed after their document was released and its arrays reused", i)
		}
	}
}

func TestReleaseTwiceAndOnViews(t *testing.T) {
	d := NewDocumentString("Home\nNews\nSport\n\nThe council met on Tuesday and set the budget for the year.")
	_ = d.Prose()
	_ = d.Article()
	Extract(d)
	d.Release()
	d.Release() // a second release hands nothing back twice
	if d.Tokens != nil || d.prose != nil {
		t.Error("Release left buffers or views on the document")
	}
}
