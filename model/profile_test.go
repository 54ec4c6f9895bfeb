package model

import (
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/chaff-dev/chaff/features"
)

// withProfile is validModel with one profile that weighs style.mattr the
// other way round.
func withProfile(edit func(p map[string]any)) map[string]any {
	m := validModel()
	p := map[string]any{
		"name": "chat", "machine": "generator in x", "intercept": 0.0,
		"coefs":       map[string]any{"style.mattr": -1.0, "leak.chatbot": 0.5},
		"calibration": map[string]any{"a": 1, "b": 0},
	}
	if edit != nil {
		edit(p)
	}
	m["profiles"] = []any{p}
	return m
}

func TestParseProfiles(t *testing.T) {
	if _, err := Parse(marshal(t, withProfile(nil)), "ok.json"); err != nil {
		t.Fatalf("valid profile refused: %v", err)
	}
	for _, c := range []struct {
		name string
		edit func(p map[string]any)
		want string
	}{
		{"no name", func(p map[string]any) { p["name"] = "" }, "empty or repeated name"},
		{"unknown feature", func(p map[string]any) { p["coefs"] = map[string]any{"style.nope": 1.0} }, `feature "style.nope" is not among the model's features`},
		{"huge coefficient", func(p map[string]any) { p["coefs"] = map[string]any{"style.mattr": 1e300} }, "bad coefficient"},
		{"calibration reversed", func(p map[string]any) { p["calibration"] = map[string]any{"a": -1, "b": 0} }, "calibration.a must be positive"},
		{"huge intercept", func(p map[string]any) { p["intercept"] = 1e300 }, "intercept or calibration out of range"},
	} {
		_, err := Parse(marshal(t, withProfile(c.edit)), "bad.json")
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), `profile`) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
	twice := withProfile(nil)
	twice["profiles"] = append(twice["profiles"].([]any), twice["profiles"].([]any)[0])
	if _, err := Parse(marshal(t, twice), "twice.json"); err == nil || !strings.Contains(err.Error(), "repeated name") {
		t.Errorf("profile twice: %v", err)
	}
}

// The score is the highest calibrated probability of the model's own
// weights and its profiles', and the explanation is the deciding one's.
func TestExplainTakesTheHighestProfile(t *testing.T) {
	m, err := Parse(marshal(t, withProfile(nil)), "m.json")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Parse(marshal(t, validModel()), "plain.json")
	if err != nil {
		t.Fatal(err)
	}
	ids := features.IDs()
	at := func(id string) int {
		for i, x := range ids {
			if x == id {
				return i
			}
		}
		t.Fatalf("no feature %s", id)
		return -1
	}
	for _, c := range []struct {
		name    string
		mattr   float64
		profile string
	}{
		{"rich vocabulary: the model's own weights", 0.8, ""},
		{"poor vocabulary: the profile", 0.2, "chat"},
	} {
		values := make([]float64, len(ids))
		results := make([]features.Result, len(ids))
		values[at("style.mattr")] = c.mattr
		e := m.explain(values, results)
		z := math.Max(-zClip, math.Min(zClip, (c.mattr-0.5)/0.1))
		own, prof := 100*sigmoid(0.1+z), 100*sigmoid(-z)
		want := math.Max(own, prof)
		if e.Profile != c.profile || math.Abs(e.Score-math.Round(want*10)/10) > 1e-9 {
			t.Errorf("%s: profile %q score %v, want %q %.1f", c.name, e.Profile, e.Score, c.profile, want)
		}
		// the contributions are the deciding weighting's and add up to its logit
		w := m.weightings[0]
		if c.profile != "" {
			w = m.weightings[1]
		}
		sum := w.calibration.A*w.intercept + w.calibration.B
		for _, ct := range e.Contributions {
			sum += ct.Contribution
		}
		if got := 100 * sigmoid(sum); math.Abs(got-e.Score) > 0.051 {
			t.Errorf("%s: contributions give %v, score is %v", c.name, got, e.Score)
		}
		// without profiles, the model's own weights alone
		if e := plain.explain(values, results); e.Profile != "" || math.Abs(e.Score-math.Round(own*10)/10) > 1e-9 {
			t.Errorf("%s: model without profiles: profile %q score %v, want %.1f", c.name, e.Profile, e.Score, own)
		}
	}
}

// A profile fitted on one kind of machine text only: it has weights, its
// out-of-fold scores never lower a sample's and decide some, and the
// thresholds rest on the combined scores. (What a profile gains is
// measured on real data: chaff eval --by generator.)
func TestTrainProfile(t *testing.T) {
	samples := syntheticSamples(120, 2)
	// every second machine text is the profile's; the others are person
	// sentences in a machine's clothes: stock openers on plain facts.
	for i := range samples {
		if samples[i].Label != 1 {
			continue
		}
		if i%4 == 0 {
			samples[i].Profile = "stock"
			continue
		}
		text := personText(rand.New(rand.NewSource(int64(i))))
		text = strings.ReplaceAll(text, "\n\n", "\n\nMoreover, ")
		samples[i].Doc = features.NewDocumentString("Overall, " + text)
	}
	o := trainOpts
	o.Profiles = []ProfileSpec{{Name: "stock", Machine: "every fourth"}}
	m, rep, err := Train(samples, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Profiles) != 1 || m.Profiles[0].Name != "stock" || len(m.Profiles[0].Coefs) == 0 || !(m.Profiles[0].Calibration.A > 0) {
		t.Fatalf("profiles %+v", m.Profiles)
	}
	var human []float64
	decides := 0
	for i, s := range samples {
		own := 100 * m.Probability(rep.OOF[i])
		if rep.Score[i] < own-1e-9 {
			t.Errorf("sample %d: combined score %v below the model's own %v", i, rep.Score[i], own)
		}
		if rep.Score[i] > own+1e-9 {
			decides++
		}
		if s.Label == 0 {
			human = append(human, rep.Score[i])
		}
	}
	if decides == 0 {
		t.Errorf("the profile decides no sample's score")
	}
	if want := roundUp(ThresholdAtFPR(human, 0.01)); m.Thresholds.Flagged != want {
		t.Errorf("flagged threshold %v, want %v from the combined scores", m.Thresholds.Flagged, want)
	}

	o.Profiles = []ProfileSpec{{Name: "empty"}}
	if _, _, err := Train(syntheticSamples(40, 3), o); err == nil || !strings.Contains(err.Error(), "profile empty: no machine-written documents") {
		t.Errorf("profile without documents: %v", err)
	}
}
