// Package plot draws a model's evaluation with gonum/plot: the ROC curve
// (with the 1% and 5% false-positive points marked), the score histograms
// of person-written and machine-written documents (with the thresholds),
// and a calibration (reliability) plot; each as SVG and PNG.
package plot

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"sort"

	"github.com/chaff-dev/chaff/model"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Size is the size of every plot.
const width, height = 6 * vg.Inch, 4.5 * vg.Inch

// Formats are the file formats each plot is written in.
var Formats = []string{"svg", "png"}

var (
	machineColour = color.NRGBA{R: 0xcf, G: 0x22, B: 0x2e, A: 0xff}
	humanColour   = color.NRGBA{R: 0x09, G: 0x69, B: 0xda, A: 0xff}
	suspectColour = color.NRGBA{R: 0x9a, G: 0x67, B: 0x00, A: 0xff}
	greyColour    = color.Gray{Y: 0x90}
)

// Scores splits scored documents into machine and person scores (0-100),
// leaving out those without a score (too short, unsupported), as
// model.Evaluate does.
func Scores(s []model.Scored) (machine, human []float64) {
	for _, x := range s {
		if x.Verdict == model.TooShort || x.Verdict == model.Unsupported {
			continue
		}
		if x.Machine {
			machine = append(machine, x.Score)
		} else {
			human = append(human, x.Score)
		}
	}
	return machine, human
}

// WriteAll writes roc, histogram and calibration, in every format, into
// dir (made if missing), and returns the files written.
func WriteAll(dir string, s []model.Scored, th model.Thresholds) ([]string, error) {
	machine, human := Scores(s)
	if len(machine) == 0 || len(human) == 0 {
		return nil, fmt.Errorf("plots need scored documents of both classes (have %d machine, %d person-written)", len(machine), len(human))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	plots := []struct {
		name string
		p    *plot.Plot
	}{
		{"roc", ROC(machine, human)},
		{"histogram", Histogram(machine, human, th)},
		{"calibration", Calibration(machine, human)},
	}
	var files []string
	for _, x := range plots {
		for _, f := range Formats {
			path := filepath.Join(dir, x.name+"."+f)
			if err := x.p.Save(width, height, path); err != nil {
				return files, fmt.Errorf("%s: %w", path, err)
			}
			files = append(files, path)
		}
	}
	return files, nil
}

// ROCPoints is the ROC curve: for each distinct score, from the highest,
// the share of human (FPR) and machine (TPR) documents at or above it,
// starting at (0, 0) and ending at (1, 1).
func ROCPoints(machine, human []float64) plotter.XYs {
	type v struct {
		s       float64
		machine bool
	}
	all := make([]v, 0, len(machine)+len(human))
	for _, x := range machine {
		all = append(all, v{x, true})
	}
	for _, x := range human {
		all = append(all, v{x, false})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].s > all[j].s })
	pts := plotter.XYs{{X: 0, Y: 0}}
	tp, fp := 0, 0
	for i, x := range all {
		if x.machine {
			tp++
		} else {
			fp++
		}
		if i+1 < len(all) && all[i+1].s == x.s {
			continue // one point per threshold
		}
		pts = append(pts, plotter.XY{X: float64(fp) / float64(len(human)), Y: float64(tp) / float64(len(machine))})
	}
	return pts
}

// OperatingPoint is the ROC point at the threshold that lets fpr of the
// human documents through (model.ThresholdAtFPR, as chaff eval reports):
// its actual false-positive rate and its catch rate.
func OperatingPoint(machine, human []float64, fpr float64) (threshold, x, y float64) {
	t := model.ThresholdAtFPR(human, fpr)
	return t, share(human, t), share(machine, t)
}

func share(xs []float64, t float64) float64 {
	n := 0
	for _, x := range xs {
		if x >= t {
			n++
		}
	}
	return float64(n) / float64(len(xs))
}

// ROC draws the ROC curve with the chance diagonal and the 1% and 5%
// false-positive operating points marked and labelled.
func ROC(machine, human []float64) *plot.Plot {
	p := plot.New()
	p.Title.Text = fmt.Sprintf("ROC: AUROC %.4f (%d machine, %d person-written)", model.AUROC(machine, human), len(machine), len(human))
	p.X.Label.Text = "false-positive rate (person-written documents scored at or above)"
	p.Y.Label.Text = "catch rate (machine documents scored at or above)"
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Add(plotter.NewGrid())
	chance, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	chance.Color = greyColour
	chance.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	curve, _ := plotter.NewLine(ROCPoints(machine, human))
	curve.Color = machineColour
	curve.Width = vg.Points(1.5)
	p.Add(chance, curve)
	var pts plotter.XYs
	var labels []string
	for _, fpr := range []float64{0.01, 0.05} {
		t, x, y := OperatingPoint(machine, human, fpr)
		pts = append(pts, plotter.XY{X: x, Y: y})
		labels = append(labels, fmt.Sprintf("  %g%% FPR: %.1f%% caught (score >= %.1f)", 100*fpr, 100*y, t))
	}
	marks, _ := plotter.NewScatter(pts)
	marks.GlyphStyle = draw.GlyphStyle{Color: color.Black, Radius: vg.Points(3.5), Shape: draw.CircleGlyph{}}
	lbl, _ := plotter.NewLabels(plotter.XYLabels{XYs: pts, Labels: labels})
	for i := range lbl.TextStyle {
		lbl.TextStyle[i].YAlign = draw.YCenter
		if i == 0 {
			lbl.TextStyle[i].YAlign = draw.YTop // keep the two labels apart when the points are close
		}
	}
	p.Add(marks, lbl)
	p.Legend.Add("ROC", curve)
	p.Legend.Add("chance", chance)
	p.Legend.Add("1% and 5% FPR", marks)
	p.Legend.Top, p.Legend.Left = false, false
	p.Legend.XOffs, p.Legend.YOffs = -vg.Points(6), vg.Points(6)
	return p
}

// histBins is the number of score bins of the histogram (5 points each).
const histBins = 20

// Bins returns each class's share of documents in each 5-point bin.
func Bins(scores []float64) []plotter.HistogramBin {
	bins := make([]plotter.HistogramBin, histBins)
	for i := range bins {
		bins[i].Min = float64(i * 100 / histBins)
		bins[i].Max = float64((i + 1) * 100 / histBins)
	}
	for _, s := range scores {
		b := int(s / (100 / histBins))
		b = min(max(b, 0), histBins-1)
		bins[b].Weight += 1 / float64(len(scores))
	}
	return bins
}

// Histogram draws the score distributions of the two classes (each as its
// share per 5-point bin) with the suspect and flagged thresholds.
func Histogram(machine, human []float64, th model.Thresholds) *plot.Plot {
	p := plot.New()
	p.Title.Text = "Scores of person-written and machine-written documents"
	p.X.Label.Text = "score"
	p.Y.Label.Text = "share of the class's documents (5-point bins)"
	p.X.Min, p.X.Max = 0, 100
	p.Add(plotter.NewGrid())
	top := 0.0
	for _, c := range []struct {
		name   string
		scores []float64
		col    color.NRGBA
	}{{fmt.Sprintf("person-written (%d)", len(human)), human, humanColour}, {fmt.Sprintf("machine (%d)", len(machine)), machine, machineColour}} {
		h := &plotter.Histogram{Bins: Bins(c.scores), Width: 100 / histBins, LineStyle: plotter.DefaultLineStyle}
		fill := c.col
		fill.A = 0x60
		h.FillColor = fill
		h.LineStyle.Color = c.col
		for _, b := range h.Bins {
			top = math.Max(top, b.Weight)
		}
		p.Add(h)
		p.Legend.Add(c.name, h)
	}
	p.Y.Min, p.Y.Max = 0, top*1.08
	for _, t := range []struct {
		name string
		v    float64
		col  color.Color
	}{{"suspect", th.Suspect, suspectColour}, {"flagged", th.Flagged, machineColour}} {
		l, _ := plotter.NewLine(plotter.XYs{{X: t.v, Y: 0}, {X: t.v, Y: top * 1.08}})
		l.Color = t.col
		l.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
		l.Width = vg.Points(1.2)
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("%s threshold %.1f", t.name, t.v), l)
	}
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.XOffs, p.Legend.YOffs = vg.Points(6), -vg.Points(6)
	return p
}

// calBins is the number of probability bins of the calibration plot.
const calBins = 10

// CalibrationPoint is one bin of the reliability plot.
type CalibrationPoint struct {
	Predicted float64 // mean score of the bin, as a probability
	Observed  float64 // share of machine documents in the bin
	N         int
}

// CalibrationPoints bins the scores in 10 equal probability bins and gives,
// for each non-empty one, the mean predicted probability and the share of
// machine documents.
func CalibrationPoints(machine, human []float64) []CalibrationPoint {
	var sum [calBins]float64
	var n, pos [calBins]int
	add := func(s float64, isMachine bool) {
		b := min(max(int(s/100*calBins), 0), calBins-1)
		sum[b] += s / 100
		n[b]++
		if isMachine {
			pos[b]++
		}
	}
	for _, s := range machine {
		add(s, true)
	}
	for _, s := range human {
		add(s, false)
	}
	var out []CalibrationPoint
	for b := range n {
		if n[b] > 0 {
			out = append(out, CalibrationPoint{Predicted: sum[b] / float64(n[b]), Observed: float64(pos[b]) / float64(n[b]), N: n[b]})
		}
	}
	return out
}

// Calibration draws the reliability plot: the share of machine documents
// against the mean predicted probability in each bin, with the diagonal of
// perfect calibration, each point labelled with its number of documents.
func Calibration(machine, human []float64) *plot.Plot {
	p := plot.New()
	p.Title.Text = "Calibration: predicted probability (score / 100) against share machine"
	p.X.Label.Text = "mean predicted probability in the bin"
	p.Y.Label.Text = "share of machine documents in the bin"
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Add(plotter.NewGrid())
	ideal, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	ideal.Color = greyColour
	ideal.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	var pts plotter.XYs
	var labels []string
	for _, c := range CalibrationPoints(machine, human) {
		pts = append(pts, plotter.XY{X: c.Predicted, Y: c.Observed})
		labels = append(labels, fmt.Sprintf("  %d", c.N))
	}
	line, marks, _ := plotter.NewLinePoints(pts)
	line.Color = machineColour
	marks.GlyphStyle = draw.GlyphStyle{Color: machineColour, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
	lbl, _ := plotter.NewLabels(plotter.XYLabels{XYs: pts, Labels: labels})
	p.Add(ideal, line, marks, lbl)
	p.Legend.Add("chaff (label: documents in the bin)", line, marks)
	p.Legend.Add("perfect calibration", ideal)
	p.Legend.Top, p.Legend.Left = true, true
	p.Legend.XOffs, p.Legend.YOffs = vg.Points(6), -vg.Points(6)
	return p
}
