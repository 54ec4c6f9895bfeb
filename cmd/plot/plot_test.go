package plot

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/model"
)

func TestROCPoints(t *testing.T) {
	for _, tc := range []struct {
		name           string
		machine, human []float64
		want           string
	}{
		{"separated", []float64{90, 80}, []float64{20, 10}, "[{0 0} {0 0.5} {0 1} {0.5 1} {1 1}]"},
		{"ties are one point", []float64{50, 50}, []float64{50, 10}, "[{0 0} {0.5 1} {1 1}]"},
		{"inverted", []float64{10}, []float64{90}, "[{0 0} {1 0} {1 1}]"},
	} {
		if got := fmt.Sprint(ROCPoints(tc.machine, tc.human)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestOperatingPointMatchesEval(t *testing.T) {
	var machine, human []float64
	for i := range 200 {
		human = append(human, float64(i)/2)        // 0 .. 99.5
		machine = append(machine, 50+float64(i)/4) // 50 .. 99.75
	}
	for _, fpr := range []float64{0.01, 0.05} {
		_, x, y := OperatingPoint(machine, human, fpr)
		if x > fpr+1e-9 {
			t.Errorf("at %g: false-positive rate %g over it", fpr, x)
		}
		if want := model.TPRAtFPR(machine, human, fpr); math.Abs(y-want) > 1e-12 {
			t.Errorf("at %g: catch rate %g, chaff eval says %g", fpr, y, want)
		}
	}
}

func TestBinsAndCalibration(t *testing.T) {
	b := Bins([]float64{0, 4.9, 5, 100})
	if b[0].Weight != 0.5 || b[1].Weight != 0.25 || b[19].Weight != 0.25 || b[19].Max != 100 {
		t.Errorf("bins: %v", b)
	}
	got := CalibrationPoints([]float64{95, 85, 15}, []float64{91, 5})
	want := []CalibrationPoint{{Predicted: 0.05, Observed: 0, N: 1}, {Predicted: 0.15, Observed: 1, N: 1}, {Predicted: 0.85, Observed: 1, N: 1}, {Predicted: 0.93, Observed: 0.5, N: 2}}
	if len(got) != len(want) {
		t.Fatalf("calibration %v, want %v", got, want)
	}
	for i := range got {
		if math.Abs(got[i].Predicted-want[i].Predicted) > 1e-9 || got[i].Observed != want[i].Observed || got[i].N != want[i].N {
			t.Errorf("bin %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestWriteAll(t *testing.T) {
	var s []model.Scored
	for i := range 100 {
		s = append(s, model.Scored{Score: float64(i), Verdict: model.Clean, Machine: i%3 == 0})
	}
	s = append(s, model.Scored{Verdict: model.TooShort, Machine: true})
	dir := filepath.Join(t.TempDir(), "plots")
	files, err := WriteAll(dir, s, model.Thresholds{Suspect: 80, Flagged: 95})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 6 {
		t.Fatalf("wrote %v", files)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(f) {
		case ".png":
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Errorf("%s: %v", f, err)
			} else if r := img.Bounds(); r.Dx() < 400 || r.Dy() < 300 {
				t.Errorf("%s: %v", f, r)
			}
		case ".svg":
			if err := xml.Unmarshal(b, new(struct{})); err != nil || !strings.Contains(string(b), "<svg") {
				t.Errorf("%s: not SVG: %v", f, err)
			}
		}
	}
	roc, _ := os.ReadFile(filepath.Join(dir, "roc.svg"))
	for _, want := range []string{"AUROC", "1% FPR", "5% FPR"} {
		if !strings.Contains(string(roc), want) {
			t.Errorf("roc.svg does not say %q", want)
		}
	}
	if _, err := WriteAll(dir, s[:1], model.Thresholds{}); err == nil {
		t.Error("one class only: no error")
	}
}
