package main

import (
	"fmt"
	"strings"

	"github.com/chaff-dev/chaff/cmd/report"
	"github.com/chaff-dev/chaff/features"
	"github.com/urfave/cli/v2"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list the rules (features) chaff measures",
		Description: `Lists the feature catalogue: every rule's ID, its category, whether it is hard
evidence (a hard rule flags a document on its own, whatever the score), and what it
looks for. Finding and TOP REASONS names in chaff score are these IDs.

Categories: ` + categoryList() + `.

The json format also gives each rule's examples: texts that must make it fire
("fires") and texts that must not ("quiet"); the test suite runs every one.

Examples:
   chaff rules
   chaff rules --format json | jq '.[] | select(.hard)'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: " + strings.Join(report.RuleFormats, ", ")},
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if err := oneOf(c, "format", format, report.RuleFormats); err != nil {
				return err
			}
			if c.Args().Present() {
				return usage(c, "takes no arguments")
			}
			if err := report.WriteRules(c.App.Writer, format, features.Catalogue()); err != nil {
				return cli.Exit(fmt.Sprintf("chaff: write output: %v", err), exitError)
			}
			return nil
		},
	}
}

func categoryList() string {
	s := make([]string, len(features.Categories))
	for i, c := range features.Categories {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}
