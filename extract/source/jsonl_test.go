package source

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

func TestParseJSONLFile(t *testing.T) {
	const path = "testdata/formats/feed.jsonl"
	r := readAll(t, Options{}, path)
	want := []news.Article{
		{ID: "a1", Title: "Ministers meet in Rome", Text: "Ministers meet in Rome\n\nMinisters met in Rome on Monday.", Date: "2024-01-02", URL: "https://example.com/a1", Source: "wire"},
		{ID: "feed#3", Title: "No id here", Text: "No id here\n\nThe body field is read when text is absent.", Date: "2024-01-02", Source: path},
		{ID: "7", Text: "The content field is read too.", Date: "2024-01-02", URL: "https://example.com/7", Source: path},
		{ID: "A8", Title: "Keys match in any case", Text: "Keys match in any case.\nSecond line.", Source: path},
	}
	if diff := cmp.Diff(want, r.articles); diff != "" {
		t.Errorf("articles mismatch (-want +got):\n%s", diff)
	}
	wantWarn := []string{
		path + ":4: invalid JSON: invalid character 'n' looking for beginning of object key string",
		path + `:5: no text (want a non-empty "text", "body" or "content")`,
		path + ":6: not a JSON object",
	}
	if diff := cmp.Diff(wantWarn, r.warnings); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", diff)
	}
}

func TestParseJSONL(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     []news.Article
		wantWarn []string
	}{
		{
			name: "bom and crlf",
			in:   "\ufeff{\"id\":\"x\",\"text\":\"a\\u0000b\"}\r\n{\"id\":\"y\",\"text\":\"c\"}",
			want: []news.Article{{ID: "x", Text: "ab", Source: "f.jsonl"}, {ID: "y", Text: "c", Source: "f.jsonl"}},
		},
		{
			name: "null and non-string fields",
			in:   `{"id":null,"title":["x"],"text":"body","date":null,"url":3}`,
			want: []news.Article{{ID: "f#1", Text: "body", URL: "3", Source: "f.jsonl"}},
		},
		{
			name: "text falls back to body when empty",
			in:   `{"id":"x","text":"  ","body":"from body"}`,
			want: []news.Article{{ID: "x", Text: "from body", Source: "f.jsonl"}},
		},
		{
			name:     "trailing data",
			in:       `{"id":"x","text":"t"} {"id":"y"}`,
			wantWarn: []string{"f.jsonl:1: invalid JSON: data after the object"},
		},
		{
			name:     "duplicate ids",
			in:       "{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"x\",\"text\":\"two\"}\n",
			want:     []news.Article{{ID: "x", Text: "one", Source: "f.jsonl"}, {ID: "x", Text: "two", Source: "f.jsonl"}},
			wantWarn: []string{`f.jsonl:2: duplicate id "x", first read from f.jsonl`},
		},
		{
			name: "long line",
			in:   `{"id":"big","text":"` + strings.Repeat("word ", 60000) + `end"}`,
			want: []news.Article{{ID: "big", Text: strings.Repeat("word ", 60000) + "end", Source: "f.jsonl"}},
		},
		{
			name:     "empty",
			in:       "\n  \n",
			wantWarn: []string{"f.jsonl: empty file, skipped"},
		},
		{
			name:     "binary",
			in:       "\x00\x01\x02{}",
			wantWarn: []string{"f.jsonl: binary file, skipped"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseAll(t, "f.jsonl", []byte(tt.in), Options{})
			if diff := cmp.Diff(tt.want, r.articles); diff != "" {
				t.Errorf("articles mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantWarn, r.warnings); diff != "" {
				t.Errorf("warnings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadLine(t *testing.T) {
	in := "short\r\n" + strings.Repeat("x", 100) + "\nafter\nlast"
	br := bufio.NewReaderSize(strings.NewReader(in), 16)
	type step struct {
		line string
		err  error
	}
	want := []step{{"short", nil}, {"", errLineTooLong}, {"after", nil}, {"last", io.EOF}}
	for i, w := range want {
		line, err := readLine(br, 50)
		if string(line) != w.line || !errors.Is(err, w.err) {
			t.Errorf("step %d: readLine = %q, %v; want %q, %v", i, line, err, w.line, w.err)
		}
	}
}
