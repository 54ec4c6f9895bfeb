package main

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand"
	"os"
	"sort"
	"strings"

	"github.com/chaff-dev/chaff/cmd/input"
	"github.com/chaff-dev/chaff/cmd/report"
	"github.com/chaff-dev/chaff/features"
	"github.com/chaff-dev/chaff/model"
	"github.com/urfave/cli/v2"
)

// defaultExclude are features the shipped model gives no weight: in its
// training corpus the first two measure how the corpus was built, not how
// the text was written (typography stripped from the person-written side);
// the language rule decides the unsupported verdict, not the score.
var defaultExclude = []string{"style.em-dash-rate", "style.curly-quote-rate", "language.not-english"}

// The command that made model/default.json; `chaff train` records its own
// command line in every model it writes.
const defaultTrainCommand = `chaff train -o model/default.json --threshold-by source --profile chat=generator:gpt-3.5-turbo,gpt-4,gpt-4o,llama-3-70b --residue-pages ../shared/corpus/residue/pages.jsonl --dev ../shared/corpus/generated/dev.jsonl ../shared/corpus/generated/train.jsonl`

func trainCommand() *cli.Command {
	return &cli.Command{
		Name:      "train",
		Usage:     "fit a model from labelled articles and write it as JSON",
		ArgsUsage: "LABELLED.jsonl|FOLDER...",
		Description: `Data: JSONL with a text field and a label field (1 = machine-written, 0 = person),
or folders whose name gives the label (machine/, ai/, 1/ and human/, person/, 0/).

How: every document's feature vector is standardised and fitted by ordinary least
squares (sajari/regression) with a ridge penalty; out-of-fold predictions (folds by the
"group" field, so rewrites of one article stay together) are calibrated into a
probability by a logistic fit; the suspect and flagged thresholds are the scores that
5% and 1% of person-written documents reach (out of fold, and on --dev when given:
the higher wins; with --threshold-by FIELD, also within each value of FIELD that has
100 or more person-written documents, so that no one source's writers are accused
more often than the rest). The template lexicon is cross-fitted: each fold's lexicon features
come from a lexicon mined without that fold.

Augmentation (on by default, --no-augment to turn off): typography is folded (curly
quotes, em dashes) and every document is laid out again at random, so that the way a
corpus was assembled cannot be learned as style. --residue-pages adds light page
residue, cut from real pages around their article bodies, to person-written
documents (target 0.5: low quality, not machine) and to some machine ones.

Profiles (--profile): when the machine texts come from writers of opposite habits
(chat models against GPT-2-era completion models), one linear fit averages the
features they disagree on away. A profile is a second set of weights fitted on the
person-written texts against one kind of machine text; the score is the highest of
the model's and its profiles', and thresholds are set on that score.

The shipped model was made with:
   ` + defaultTrainCommand,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the model JSON to `FILE`", Required: true},
			&cli.StringFlag{Name: "dev", Usage: "labelled JSONL `FILE` to measure the model on and set thresholds with"},
			&cli.StringFlag{Name: "residue-pages", Usage: "JSONL `FILE` of page pairs (class clean/residue, same group) to cut real residue from"},
			&cli.IntFlag{Name: "folds", Value: 5, Usage: "`N` cross-fitting and calibration folds"},
			&cli.Float64Flag{Name: "ridge", Value: 50, Usage: "L2 penalty `L` on standardised coefficients"},
			&cli.BoolFlag{Name: "no-augment", Usage: "fit the texts as they are (no typography folding or re-layout)"},
			&cli.StringSliceFlag{Name: "exclude", Value: cli.NewStringSlice(defaultExclude...), Usage: "give feature `ID` no weight (repeatable)"},
			&cli.StringFlag{Name: "label-field", Value: "label", Usage: "JSONL `FIELD` with 1 = machine, 0 = person"},
			&cli.Int64Flag{Name: "seed", Value: 1, Usage: "`SEED` of the augmentation"},
			&cli.StringSliceFlag{Name: "languages", Value: cli.NewStringSlice("eng"), Usage: "the languages `CODE` (ISO 639-3) of the training data: text reliably in another gets the verdict unsupported"},
			&cli.StringFlag{Name: "balance", Usage: "JSONL `FIELD` (e.g. source) whose values should weigh the same in the fit: documents of a value with fewer documents are counted more times (a whole-number weight, the largest value's count over this one's)"},
			&cli.StringFlag{Name: "threshold-by", Usage: "JSONL `FIELD` (e.g. source) whose every value's person-written documents (100 or more of them) must stay under the thresholds' false-positive rates too, not only all of them pooled"},
			&cli.StringSliceFlag{Name: "profile", Usage: "`PROFILE` is NAME=FIELD:VALUE,...: also fit a profile on the person-written documents against only the machine ones whose JSONL FIELD is one of the VALUEs (e.g. chat=generator:gpt-4o,gpt-3.5-turbo); a document's score is the highest of the model's and its profiles' (repeatable)"},
			&cli.StringFlag{Name: "cross-fit-by", Usage: "JSONL `FIELD` (e.g. generator): the lexicon features of each machine-written training document are measured with lexicons mined without the documents sharing its value, so the weights are fitted for a generator the lexicon never saw"},
			&cli.IntFlag{Name: "min-words", Value: 50, Usage: "texts with fewer than `N` words get the verdict too-short and no score (chaff eval --by-length shows where the figures fall apart)"},
		},
		Action: runTrain,
	}
}

func runTrain(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("chaff train: give labelled JSONL files or folders", 2)
	}
	docs, err := loadLabelled(c.Args().Slice(), c.String("label-field"), input.JSONLOptions{})
	if err != nil {
		return cli.Exit("chaff train: "+err.Error(), 2)
	}
	augment := !c.Bool("no-augment")
	seed := c.Int64("seed")
	type raw struct {
		text    string
		label   float64
		group   string
		weight  int
		stratum string
		profile string
		part    string
	}
	strata, err := fieldValues(docs, c.String("threshold-by"))
	if err != nil {
		return cli.Exit("chaff train: --threshold-by "+err.Error(), 2)
	}
	weights, err := balanceWeights(docs, c.String("balance"))
	if err != nil {
		return cli.Exit("chaff train: "+err.Error(), 2)
	}
	specs, profiles, err := profileOf(docs, c.StringSlice("profile"))
	if err != nil {
		return cli.Exit("chaff train: --profile "+err.Error(), 2)
	}
	parts, err := fieldValues(docs, c.String("cross-fit-by"))
	if err != nil {
		return cli.Exit("chaff train: --cross-fit-by "+err.Error(), 2)
	}
	var raws []raw
	for i, d := range docs {
		t := d.Text
		if augment {
			t = model.Relayout(model.NormaliseTypography(t), rngFor(seed, d.ID))
		}
		raws = append(raws, raw{t, float64(d.Label), d.Group, weights[i], strata[i], profiles[i], parts[i]})
	}
	extra := map[string]int{}
	if p := c.String("residue-pages"); p != "" {
		before, after, pairs, err := residueSnippets(p)
		if err != nil {
			return cli.Exit("chaff train: "+err.Error(), 2)
		}
		for _, pr := range pairs {
			raws = append(raws, raw{pr[0], 0, "page:" + pr[0][:min(40, len(pr[0]))], 1, "", "", ""}, raw{pr[1], 0.5, "page:" + pr[0][:min(40, len(pr[0]))], 1, "", "", ""})
			extra["page pairs (clean 0, residue 0.5)"]++
		}
		for i, d := range docs {
			rng := rngFor(seed+1, d.ID)
			// a quarter of person-written texts and a tenth of machine ones
			// get light residue from one real page.
			if (d.Label == 0 && rng.Intn(4) != 0) || (d.Label == 1 && rng.Intn(10) != 0) {
				continue
			}
			k := rng.Intn(len(before))
			t := model.NormaliseTypography(d.Text)
			lab := 0.5
			if d.Label == 1 {
				lab = 1
			}
			raws = append(raws, raw{model.InjectResidue(t, before[k], after[k], rng), lab, d.Group, weights[i], strata[i], profiles[i], parts[i]})
			extra[fmt.Sprintf("class %d + residue", d.Label)]++
		}
	}
	samples := make([]model.Sample, len(raws))
	parallel(len(raws), func(i int) {
		samples[i] = model.Sample{Doc: features.NewDocumentString(raws[i].text), Label: raws[i].label, Group: raws[i].group, Weight: raws[i].weight, Stratum: raws[i].stratum, Profile: raws[i].profile, Part: raws[i].part}
	})
	opts := model.TrainOptions{Folds: c.Int("folds"), Ridge: c.Float64("ridge"), Mine: features.DefaultMineOptions, ShapeMine: features.ShapeMineOptions, Fit: features.DefaultFitOptions, CrossFitLexicon: true, Exclude: c.StringSlice("exclude"), Profiles: specs}
	m, rep, err := model.Train(samples, opts)
	if err != nil {
		return cli.Exit("chaff train: "+err.Error(), 2)
	}
	pos := 0
	for _, d := range docs {
		pos += d.Label
	}
	m.Limits = model.Limits{MinWords: c.Int("min-words"), Languages: c.StringSlice("languages")}
	lo, hi := math.MaxInt, 0
	for _, sm := range samples {
		lo, hi = min(lo, sm.Doc.WordCount), max(hi, sm.Doc.WordCount)
	}
	m.Trained = model.TrainedOn{
		Words:   [2]int{lo, hi},
		Command: "chaff " + strings.Join(os.Args[1:], " "), Data: c.Args().Slice(), Documents: len(docs), Positives: pos,
		R2: math.Round(rep.R2*1e4) / 1e4, Extra: extra, Notes: rep.Excluded,
	}
	if p := c.String("dev"); p != "" {
		dev, err := loadLabelled([]string{p}, c.String("label-field"), input.JSONLOptions{})
		if err != nil {
			return cli.Exit("chaff train: --dev: "+err.Error(), 2)
		}
		devStrata, err := fieldValues(dev, c.String("threshold-by"))
		if err != nil {
			return cli.Exit("chaff train: --dev: --threshold-by "+err.Error(), 2)
		}
		// every person-written dev text counts, however short, as in
		// model.Train (see there why); scores as Explain shows them
		scored := scoreLabelled(m, dev)
		var human []float64
		var hs []string
		for i, s := range scored {
			if !s.Machine {
				human = append(human, s.Score)
				hs = append(hs, devStrata[i])
			}
		}
		if len(human) == 0 {
			return cli.Exit("chaff train: --dev "+p+": no person-written texts (label 0) to set the thresholds on", 2)
		}
		m.Thresholds.Suspect = math.Max(m.Thresholds.Suspect, math.Ceil(model.StratifiedThreshold(human, hs, 0.05)*10)/10)
		m.Thresholds.Flagged = math.Max(m.Thresholds.Flagged, math.Ceil(model.StratifiedThreshold(human, hs, 0.01)*10)/10)
		scored = scoreLabelled(m, dev)
		met := model.Evaluate(scored)
		m.Dev = &met
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(c.String("output"), append(b, '\n'), 0o644); err != nil {
		return cli.Exit("chaff train: "+err.Error(), 2)
	}
	return printCoefficients(c, m, rep)
}

// fieldValues returns each document's value of field, as text; "" for
// all without a field. A document without the field is an error: a
// threshold that silently skipped some would promise what it does not keep.
func fieldValues(docs []labelled, field string) ([]string, error) {
	out := make([]string, len(docs))
	if field == "" {
		return out, nil
	}
	for i, d := range docs {
		v, ok := d.Fields[field]
		if !ok {
			return nil, fmt.Errorf("%s: document %s has no field %q", field, d.ID, field)
		}
		out[i] = fmt.Sprint(v)
	}
	return out, nil
}

// balanceWeights gives each document the weight that makes every value of
// field count about as much as the commonest one: a corpus that is mostly
// one source would otherwise teach that source's habits, where a feature
// pointing the other way in another source (an older generation of models
// against a newer) is the one that matters. Without a field every weight is 1.
func balanceWeights(docs []labelled, field string) ([]int, error) {
	w := make([]int, len(docs))
	for i := range w {
		w[i] = 1
	}
	if field == "" {
		return w, nil
	}
	vals, err := fieldValues(docs, field)
	if err != nil {
		return nil, fmt.Errorf("--balance %v", err)
	}
	count := map[string]int{}
	for _, v := range vals {
		count[v]++
	}
	most := 0
	for _, n := range count {
		most = max(most, n)
	}
	for i, v := range vals {
		w[i] = int(math.Round(float64(most) / float64(count[v])))
	}
	return w, nil
}

// profileOf parses --profile values (NAME=FIELD:VALUE,VALUE...) and
// returns the profiles and each machine-written document's profile ("" for
// none; person-written documents belong to every profile). A profile that
// takes no document, or a document that two profiles claim, is an error:
// either is a typing mistake that would otherwise train in silence.
func profileOf(docs []labelled, flags []string) ([]model.ProfileSpec, []string, error) {
	out := make([]string, len(docs))
	var specs []model.ProfileSpec
	for _, f := range joinSplitValues(flags) {
		name, rest, ok1 := strings.Cut(f, "=")
		field, list, ok2 := strings.Cut(rest, ":")
		if !ok1 || !ok2 || name == "" || field == "" || list == "" {
			return nil, nil, fmt.Errorf("%q: want NAME=FIELD:VALUE,VALUE...", f)
		}
		for _, s := range specs {
			if s.Name == name {
				return nil, nil, fmt.Errorf("profile %q given twice", name)
			}
		}
		vals, err := fieldValues(docs, field)
		if err != nil {
			return nil, nil, err
		}
		want := map[string]bool{}
		for _, v := range strings.Split(list, ",") {
			want[strings.TrimSpace(v)] = true
		}
		n := 0
		for i, d := range docs {
			if d.Label != 1 || !want[vals[i]] {
				continue
			}
			if out[i] != "" {
				return nil, nil, fmt.Errorf("document %s is in profiles %q and %q", d.ID, out[i], name)
			}
			out[i] = name
			n++
		}
		if n == 0 {
			return nil, nil, fmt.Errorf("%q: no machine-written document has %s in %s", name, field, list)
		}
		specs = append(specs, model.ProfileSpec{Name: name, Machine: field + " in " + list})
	}
	return specs, out, nil
}

// joinSplitValues undoes the CLI's splitting of a slice flag at commas for
// flags whose values hold commas themselves (NAME=FIELD:A,B): a piece
// without "=" continues the one before it.
func joinSplitValues(vals []string) []string {
	var out []string
	for _, v := range vals {
		if len(out) > 0 && !strings.Contains(v, "=") {
			out[len(out)-1] += "," + v
			continue
		}
		out = append(out, v)
	}
	return out
}

func rngFor(seed int64, id string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(id))
	return rand.New(rand.NewSource(seed ^ int64(h.Sum64())))
}

// residueSnippets reads page pairs and returns, for each page whose body
// could be located, the real residue lines before and after the body, and
// the (clean, residue) texts of every pair.
func residueSnippets(path string) (before, after [][]string, pairs [][2]string, err error) {
	byGroup, err := readPagePairs([]string{path})
	if err != nil {
		return nil, nil, nil, err
	}
	for _, g := range sortedKeys(byGroup) {
		p := byGroup[g]
		if p.clean == "" || p.residue == "" || !trainPage(g) {
			continue
		}
		pairs = append(pairs, [2]string{p.clean, p.residue})
		b, a := model.ResidueAround(p.residue, p.clean, 8)
		if len(b)+len(a) > 0 && len(a) > 0 {
			before = append(before, b)
			after = append(after, a)
		}
	}
	if len(before) == 0 {
		return nil, nil, nil, fmt.Errorf("%s: no page whose article body could be located", path)
	}
	return before, after, pairs, nil
}

// trainPage keeps 70% of page groups for training; `chaff eval --pairs`
// measures on the rest (the same split, by the same hash).
func trainPage(group string) bool {
	h := fnv.New32a()
	h.Write([]byte(group))
	return h.Sum32()%10 < 7
}

// scoreLabelled scores a labelled set on every core.
func scoreLabelled(m *model.Model, docs []labelled) []model.Scored {
	out := make([]model.Scored, len(docs))
	parallel(len(docs), func(i int) {
		e := m.Explain(features.NewDocumentString(docs[i].Text))
		out[i] = model.Scored{Score: e.Score, Verdict: e.Verdict, Machine: docs[i].Label == 1}
	})
	return out
}

func printCoefficients(c *cli.Context, m *model.Model, rep *model.TrainReport) error {
	ws := append([]model.Weight(nil), m.Features...)
	sort.SliceStable(ws, func(i, j int) bool { return math.Abs(ws[i].Coef) > math.Abs(ws[j].Coef) })
	t := report.NewTable(c.App.Writer)
	t.Header("feature", "coefficient", "mean", "scale")
	for _, w := range ws {
		t.Append([]string{w.ID, fmt.Sprintf("%+.4f", w.Coef), fmt.Sprintf("%.4g", w.Mean), fmt.Sprintf("%.4g", w.Scale)})
	}
	if err := t.Render(); err != nil {
		return err
	}
	out := c.App.Writer
	fmt.Fprintf(out, "R² %.4f on %d documents (%d machine)", rep.R2, m.Trained.Documents, m.Trained.Positives)
	for _, k := range sortedKeys(m.Trained.Extra) {
		fmt.Fprintf(out, "; %s: %d", k, m.Trained.Extra[k])
	}
	fmt.Fprintf(out, "\ncalibration p = 1/(1+exp(-(%.4f·x %+.4f))); thresholds suspect %.1f, flagged %.1f\n",
		m.Calibration.A, m.Calibration.B, m.Thresholds.Suspect, m.Thresholds.Flagged)
	for _, pr := range m.Profiles {
		fmt.Fprintf(out, "profile %s (machine texts: %s): calibration p = 1/(1+exp(-(%.4f·x %+.4f))); heaviest:", pr.Name, pr.Machine, pr.Calibration.A, pr.Calibration.B)
		ids := sortedKeys(pr.Coefs)
		sort.SliceStable(ids, func(i, j int) bool { return math.Abs(pr.Coefs[ids[i]]) > math.Abs(pr.Coefs[ids[j]]) })
		for _, id := range ids[:min(6, len(ids))] {
			fmt.Fprintf(out, " %s %+.4f", id, pr.Coefs[id])
		}
		fmt.Fprintln(out)
	}
	for _, n := range rep.Excluded {
		fmt.Fprintf(out, "no weight: %s\n", n)
	}
	if m.Dev != nil {
		fmt.Fprintf(out, "dev: AUROC %.4f, caught at 1%% FPR %.1f%%, at 5%% FPR %.1f%%; at the flagged threshold precision %.3f recall %.3f FPR %.4f\n",
			m.Dev.AUROC, 100*m.Dev.TPRAt1, 100*m.Dev.TPRAt5, m.Dev.Precision, m.Dev.Recall, m.Dev.FPR)
	}
	fmt.Fprintf(out, "model written to %s\n", c.String("output"))
	return nil
}
