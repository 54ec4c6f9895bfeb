package check

import (
	"encoding/xml"
	"io"
)

// checkstyleReporter writes Checkstyle XML, as Jenkins (warnings-ng),
// reviewdog and other CI tools read it:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<checkstyle version="4.3">
//	  <file name="post.md">
//	    <error line="3" column="1" severity="error" message="..." source="chaff.leak.chatbot"/>
//	  </file>
//	</checkstyle>
//
// Every file is listed, with or without findings. A file that could not be
// checked has one error whose source is chaff.input. Suppressed findings
// (with ShowSuppressed) keep their severity and end their message with
// "(suppressed)".
type checkstyleReporter struct{ o Options }

type checkstyleXML struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func (r checkstyleReporter) Report(w io.Writer, files []File) error {
	doc := checkstyleXML{Version: "4.3", Files: []checkstyleFile{}}
	for _, f := range files {
		cf := checkstyleFile{Name: f.Path}
		if f.Error != "" {
			cf.Errors = append(cf.Errors, checkstyleError{Line: 1, Severity: "error", Message: f.Error, Source: "chaff.input"})
		}
		for _, x := range r.o.shown(f) {
			msg := messageWithMatch(x)
			if x.Suppressed {
				msg += " (suppressed)"
			}
			reg := sarifRegionFor(x)
			cf.Errors = append(cf.Errors, checkstyleError{Line: reg.StartLine, Column: reg.StartColumn, Severity: x.Severity.String(), Message: msg, Source: "chaff." + x.Rule})
		}
		doc.Files = append(doc.Files, cf)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
