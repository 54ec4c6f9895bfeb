package input

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkReadJSONL reads a corpus shaped like a labelled news dump: a
// 1.2 KB text with quotes and escapes among five other fields.
func BenchmarkReadJSONL(b *testing.B) {
	var corpus bytes.Buffer
	para := strings.Repeat(`The council said on Tuesday that the "new plan" would cost £4.5m — about a tenth of last year's budget. `, 12)
	for i := 0; i < 2000; i++ {
		line, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("doc-%d", i), "text": para, "label": i % 2,
			"source": "news", "generator": "human", "group": fmt.Sprintf("g%d", i/3)})
		corpus.Write(append(line, '\n'))
	}
	for _, keep := range []bool{false, true} {
		b.Run(fmt.Sprintf("keep-fields=%v", keep), func(b *testing.B) {
			b.SetBytes(int64(corpus.Len()))
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				err := ReadJSONL(bytes.NewReader(corpus.Bytes()), JSONLOptions{KeepFields: keep}, func(r Record) error {
					if r.Err != nil || r.Text == "" {
						return fmt.Errorf("record %d: %v", r.Line, r.Err)
					}
					n++
					return nil
				})
				if err != nil || n != 2000 {
					b.Fatalf("%d records, %v", n, err)
				}
			}
		})
	}
}
