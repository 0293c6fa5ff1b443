package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

// isTerminal reports whether w is a terminal, where people read tables; a
// pipe or file gets tab-separated values for scripts.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// writeTable writes rows under header: aligned columns on a terminal (or
// when aligned is true), tab-separated values with the header otherwise. A
// nil header writes the rows alone.
func writeTable(w io.Writer, aligned bool, header []string, rows [][]string) error {
	replacer := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	clean := replacer.Replace
	if header != nil {
		rows = append([][]string{header}, rows...)
	}
	if !aligned {
		var b strings.Builder
		for _, r := range rows {
			for i, c := range r {
				if i > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(clean(c))
			}
			b.WriteByte('\n')
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				io.WriteString(tw, "\t")
			}
			io.WriteString(tw, clean(c))
		}
		io.WriteString(tw, "\n")
	}
	return tw.Flush()
}

// outputFormat is how the query commands write their results.
type outputFormat string

// Output formats. Every format names fields alike: the snake_case JSON names
// are the TSV and CSV header names.
const (
	formatTable outputFormat = "table" // aligned columns under a header, for people
	formatTSV   outputFormat = "tsv"   // tab-separated values under a header line
	formatCSV   outputFormat = "csv"   // comma-separated values (RFC 4180) under a header line
	formatJSON  outputFormat = "json"  // one indented JSON array or object
	formatJSONL outputFormat = "jsonl" // one JSON object a line
)

// formatHelp describes --format for the commands' help.
const formatHelp = "output `FORMAT`: table, tsv, csv, json or jsonl (default: table on a terminal, tsv when piped)"

// formatFlag adds --format to c.
func formatFlag(c *cobra.Command, dst *string) {
	c.Flags().StringVar(dst, "format", "", formatHelp)
}

// parseFormat returns the format named s; "" gives table when w is a
// terminal and tsv otherwise.
func parseFormat(s string, w io.Writer) (outputFormat, error) {
	switch f := outputFormat(strings.ToLower(s)); f {
	case "":
		if isTerminal(w) {
			return formatTable, nil
		}
		return formatTSV, nil
	case formatTable, formatTSV, formatCSV, formatJSON, formatJSONL:
		return f, nil
	}
	return "", usageError{fmt.Errorf("--format %q: want table, tsv, csv, json or jsonl", s)}
}

// recordField is one column of a record type: an exported struct field with
// a json tag.
type recordField struct {
	index int
	name  string // the json name
	human bool   // shown in the aligned table (no table:"-" tag)
}

// recordFields returns the columns of struct type t in field order.
func recordFields(t reflect.Type) []recordField {
	var out []recordField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		out = append(out, recordField{index: i, name: name, human: f.Tag.Get("table") != "-"})
	}
	return out
}

// cellText renders one field value for the text formats: strings as they
// are, string slices joined with "; ", floats with up to six significant
// digits, integers and booleans as Go prints them.
func cellText(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int64, reflect.Int32:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64, reflect.Float32:
		return strconv.FormatFloat(v.Float(), 'g', 6, 64)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = cellText(v.Index(i))
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprint(v.Interface())
}

// writeRecords writes rows, a slice of a flat struct type whose fields carry
// json tags, in format f: the JSON formats marshal the structs, the text
// formats write one row per record under a header of the json names. The
// aligned table leaves out fields tagged table:"-" (ids and other columns
// for scripts). nil rows print as an empty JSON array.
func writeRecords[T any](w io.Writer, f outputFormat, rows []T) error {
	if rows == nil {
		rows = []T{}
	}
	switch f {
	case formatJSON:
		return encodeJSON(w, rows)
	case formatJSONL:
		for _, r := range rows {
			if err := encodeJSONLine(w, r); err != nil {
				return err
			}
		}
		return nil
	}
	fields := recordFields(reflect.TypeFor[T]())
	if f == formatTable {
		fields = slices.DeleteFunc(fields, func(rf recordField) bool { return !rf.human })
	}
	header := make([]string, len(fields))
	for i, rf := range fields {
		header[i] = rf.name
	}
	cells := make([][]string, len(rows))
	for i, r := range rows {
		v := reflect.ValueOf(r)
		cells[i] = make([]string, len(fields))
		for j, rf := range fields {
			cells[i][j] = cellText(v.Field(rf.index))
		}
	}
	return writeText(w, f, header, cells)
}

// writeText writes a header and rows as an aligned table, TSV or CSV.
func writeText(w io.Writer, f outputFormat, header []string, rows [][]string) error {
	switch f {
	case formatCSV:
		cw := csv.NewWriter(w)
		if header != nil {
			cw.Write(header)
		}
		cw.WriteAll(rows)
		return cw.Error()
	case formatTable:
		return writeTable(w, true, header, rows)
	}
	return writeTable(w, false, header, rows)
}

// encodeJSON writes v as indented JSON, leaving <, > and & as they are
// (sentences hold them).
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// encodeJSONLine writes v as one line of JSON.
func encodeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
