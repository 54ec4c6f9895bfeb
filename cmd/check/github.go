package check

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// githubReporter writes GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request:
//
//	::error file=post.md,line=3,col=1,endColumn=18,title=leak.chatbot::chatbot voice "Certainly! Here's"
//
// Errors are ::error, warnings ::warning, info ::notice. Suppressed findings
// (with ShowSuppressed) are notices marked "(suppressed)". A file that could
// not be checked is one ::error on the file, titled chaff.
type githubReporter struct{ o Options }

var (
	// githubData escapes a command's message.
	githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	// githubProperty escapes a command's property values.
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes the message of a workflow command.
func escapeData(s string) string { return githubData.Replace(s) }

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string { return githubProperty.Replace(s) }

func githubCommand(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "notice"
}

func (r githubReporter) Report(w io.Writer, files []File) error {
	b := bufio.NewWriter(w)
	for _, f := range files {
		file := escapeProperty(filepath.ToSlash(f.Path))
		if f.Error != "" {
			fmt.Fprintf(b, "::error file=%s,title=chaff::%s\n", file, escapeData(f.Error))
			continue
		}
		for _, x := range r.o.shown(f) {
			cmd, msg := githubCommand(x.Severity), messageWithMatch(x)
			if x.Suppressed {
				cmd, msg = "notice", msg+" (suppressed)"
			}
			reg := sarifRegionFor(x)
			props := fmt.Sprintf("file=%s,line=%d,col=%d", file, reg.StartLine, reg.StartColumn)
			if reg.EndColumn > reg.StartColumn {
				props += fmt.Sprintf(",endColumn=%d", reg.EndColumn)
			}
			props += ",title=" + escapeProperty(x.Rule)
			fmt.Fprintf(b, "::%s %s::%s\n", cmd, props, escapeData(msg))
		}
	}
	return b.Flush()
}
