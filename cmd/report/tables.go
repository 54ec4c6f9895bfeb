package report

import (
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// NewTable is the one table style of chaff's output: headers as written
// (tablewriter would otherwise upper-case them and break "F1" into "F 1"),
// left-aligned, no wrapping. extra options go after the defaults.
func NewTable(w io.Writer, extra ...tablewriter.Option) *tablewriter.Table {
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	}
	return tablewriter.NewTable(w, append(opts, extra...)...)
}
