package model

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A bad model file is refused with a message that says what is wrong.
func TestParseBadFiles(t *testing.T) {
	valid := marshal(t, validModel())
	with := func(edit func(m map[string]any)) []byte {
		m := validModel()
		edit(m)
		return marshal(t, m)
	}
	twice := func(m map[string]any) {
		fs := m["features"].([]any)
		m["features"] = append(fs, fs[0])
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"truncated", valid[:len(valid)/2], "truncated JSON (ends at byte"},
		{"truncated after an object", valid[:len(valid)-1], "truncated JSON"},
		{"invalid JSON", []byte(`{"version": 1, "features": [}`), "invalid JSON at byte 29"},
		{"empty", []byte("  \n"), "empty"},
		{"wrong type", []byte(`{"version": "1"}`), `version is a JSON string, want int`},
		{"no version", with(func(m map[string]any) { delete(m, "version") }), "no version"},
		{"no features", with(func(m map[string]any) { m["features"] = []any{} }), "no features"},
		{"feature twice", with(twice), "appears twice"},
		{"huge coefficient", with(func(m map[string]any) { m["features"].([]any)[0].(map[string]any)["coef"] = 1e300 }), "bad scale or coefficient"},
		{"huge intercept", with(func(m map[string]any) { m["intercept"] = -1e300 }), "intercept"},
		{"calibration reversed", with(func(m map[string]any) { m["calibration"] = map[string]any{"a": -1, "b": 0} }), "calibration.a must be positive"},
	} {
		_, err := Parse(c.data, "bad.json")
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "model bad.json: ") {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

func TestLoadBounded(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(big, make([]byte, maxModelBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "not a model file") {
		t.Errorf("big file: %v", err)
	}
	if runtime.GOOS == "linux" {
		if _, err := Load("/dev/zero"); err == nil || !strings.Contains(err.Error(), "not a model file") {
			t.Errorf("/dev/zero: %v", err)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "none.json")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}
