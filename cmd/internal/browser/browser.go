// Package browser starts a headless Chromium for the tests and benchmarks
// that check the HTML report in a real browser (driven with chromedp).
package browser

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Exec returns the Chromium binary: $CHAFF_CHROMIUM, else the first of
// chromium, chromium-browser, google-chrome found on PATH; "" when none.
func Exec() string {
	if p := os.Getenv("CHAFF_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser is a headless Chromium with one tab, and the console messages
// its pages wrote.
type Browser struct {
	Ctx    context.Context // the tab: run chromedp actions on it
	cancel context.CancelFunc
	mu     sync.Mutex
	msgs   []chromedp.ConsoleMessage
}

// Start starts Chromium with a fresh profile, closed when tb ends. Without a
// Chromium the test is skipped, unless CHAFF_REQUIRE_BROWSER is set (CI
// sets it: there the browser tests must run) and then it fails.
func Start(tb testing.TB) *Browser {
	tb.Helper()
	path := Exec()
	if path == "" {
		if os.Getenv("CHAFF_REQUIRE_BROWSER") != "" {
			tb.Fatal("no Chromium found (CHAFF_REQUIRE_BROWSER is set): install chromium or set CHAFF_CHROMIUM")
		}
		tb.Skip("no Chromium found: install Debian's chromium (or set CHAFF_CHROMIUM) to run the browser tests")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1280, 1000),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	b := &Browser{Ctx: ctx, cancel: func() { cancel(); acancel() }}
	// the first Run starts the browser; the console is read from then on
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`1`)); err != nil {
		b.cancel()
		tb.Fatalf("start Chromium (%s): %v", path, err)
	}
	msgs := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range msgs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.msgs = append(b.msgs, m)
			b.mu.Unlock()
		}
	}()
	tb.Cleanup(func() {
		b.cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
		}
	})
	return b
}

// Errors returns the console errors and uncaught exceptions so far (a
// Content-Security-Policy violation is one), as text.
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, m := range b.msgs {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			out = append(out, fmt.Sprintf("%s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line))
		}
	}
	return out
}

// Messages returns every console message so far, as text.
func (b *Browser) Messages() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, m := range b.msgs {
		out = append(out, m.String())
	}
	return out
}
