package source

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/news"
)

// testServer is an httptest server that counts requests by path and keeps
// the headers of each request.
type testServer struct {
	*httptest.Server
	mu      sync.Mutex
	hits    map[string]int
	headers map[string][]http.Header
}

// route answers one path; n is the 1-based number of the request to it.
type route func(n int, w http.ResponseWriter, r *http.Request)

func newTestServer(t *testing.T, routes map[string]route) *testServer {
	t.Helper()
	s := &testServer{hits: map[string]int{}, headers: map[string][]http.Header{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		n := s.hits[r.URL.Path]
		s.headers[r.URL.Path] = append(s.headers[r.URL.Path], r.Header.Clone())
		s.mu.Unlock()
		h, ok := routes[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h(n, w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *testServer) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *testServer) headersOf(path string) []http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]http.Header(nil), s.headers[path]...)
}

// fixture serves a testdata file with a content type.
func fixture(t *testing.T, name, ctype string) route {
	t.Helper()
	data, err := readFixture(name)
	if err != nil {
		t.Fatal(err)
	}
	return func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Write(data)
	}
}

// status answers with a status code and optional Retry-After.
func status(code int, retryAfter string) route {
	return func(_ int, w http.ResponseWriter, _ *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		http.Error(w, http.StatusText(code), code)
	}
}

// slow answers after d, or gives up when the client goes away.
func slow(d time.Duration, then route) route {
	return func(n int, w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(d):
			then(n, w, r)
		case <-r.Context().Done():
		}
	}
}

// firstThen answers the first n requests with first and the rest with then.
func firstThen(n int, first, then route) route {
	return func(i int, w http.ResponseWriter, r *http.Request) {
		if i <= n {
			first(i, w, r)
			return
		}
		then(i, w, r)
	}
}

// testFetcher returns a Fetcher with short waits and a seeded jitter
// source, whose warnings go to warns.
func testFetcher(warns *[]string) *Fetcher {
	return &Fetcher{
		Timeout: 2 * time.Second,
		Backoff: time.Millisecond,
		MaxWait: time.Second,
		Rand:    rand.New(rand.NewPCG(1, 2)),
		Warn:    func(err error) { *warns = append(*warns, err.Error()) },
	}
}

const rssType = "application/rss+xml; charset=utf-8"

func ids(arts []news.Article) []string {
	out := []string{}
	for _, a := range arts {
		out = append(out, a.ID)
	}
	return out
}

func TestFetchFeeds(t *testing.T) {
	srv := newTestServer(t, map[string]route{
		"/world.rss":     fixture(t, "feeds/world.rss", rssType),
		"/politics.atom": fixture(t, "feeds/politics.atom", "application/atom+xml"),
	})
	var warns []string
	f := testFetcher(&warns)

	world, err := f.Fetch(context.Background(), srv.URL+"/world.rss")
	if err != nil {
		t.Fatal(err)
	}
	wantIDs := []string{
		"https://northwind.example/world/2024/03/valdoria-ostmark-border",
		srv.URL + "/world.rss#nwd-20240306-0042", // a GUID that is not a URI gets the feed URL
		"https://northwind.example/world/2024/03/ostmark-rates",
	}
	if diff := cmp.Diff(wantIDs, ids(world)); diff != "" {
		t.Errorf("ids mismatch (-want +got):\n%s", diff)
	}
	wantWarns := []string{srv.URL + `/world.rss: item 3 "https://northwind.example/world/2024/03/gallery": no article text, skipped`}
	if diff := cmp.Diff(wantWarns, warns); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", diff)
	}

	// An Atom feed whose ids are all URIs gives the same articles fetched
	// as read from a file.
	fetched, err := f.Fetch(context.Background(), srv.URL+"/politics.atom")
	if err != nil {
		t.Fatal(err)
	}
	var fromFile []news.Article
	if err := Read(context.Background(), []string{"testdata/feeds/politics.atom"}, Options{}, func(a news.Article) error {
		fromFile = append(fromFile, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fromFile, fetched); diff != "" {
		t.Errorf("fetched and file articles differ (-file +fetched):\n%s", diff)
	}

	h := srv.headersOf("/world.rss")[0]
	if got := h.Get("User-Agent"); got != DefaultUserAgent {
		t.Errorf("User-Agent = %q, want %q", got, DefaultUserAgent)
	}
	if got := h.Get("Accept"); !strings.HasPrefix(got, "application/rss+xml") {
		t.Errorf("Accept = %q, want feed types first", got)
	}
	if h.Get("If-None-Match") != "" || h.Get("If-Modified-Since") != "" {
		t.Error("conditional headers sent without a cache")
	}
}

func TestFetchFailures(t *testing.T) {
	big := strings.Repeat("x", 4096)
	tests := []struct {
		name     string
		route    route
		tweak    func(*Fetcher)
		wantErr  string // %s is the feed URL
		wantHits int
	}{
		{name: "503 then 200 is retried", route: firstThen(1, status(503, ""), fixture(t, "feeds/world.rss", rssType)), wantHits: 2},
		{name: "503 forever", route: status(503, ""), wantErr: "feed %s: HTTP 503 Service Unavailable after 3 attempts", wantHits: 3},
		{name: "502 with one retry", route: status(502, ""), tweak: func(f *Fetcher) { f.Retries = 1 }, wantErr: "feed %s: HTTP 502 Bad Gateway after 2 attempts", wantHits: 2},
		{name: "500 with retries off", route: status(500, ""), tweak: func(f *Fetcher) { f.Retries = -1 }, wantErr: "feed %s: HTTP 500 Internal Server Error", wantHits: 1},
		{name: "404 is not retried", route: status(404, ""), wantErr: "feed %s: HTTP 404 Not Found", wantHits: 1},
		{name: "403 is not retried", route: status(403, ""), wantErr: "feed %s: HTTP 403 Forbidden", wantHits: 1},
		{name: "429 then 200", route: firstThen(1, status(429, "0"), fixture(t, "feeds/world.rss", rssType)), wantHits: 2},
		{name: "Retry-After beyond MaxWait", route: status(429, "120"), wantErr: "feed %s: HTTP 429 Too Many Requests, and Retry-After 2m0s is longer than the 1s limit", wantHits: 1},
		{name: "slow server times out", route: slow(time.Second, fixture(t, "feeds/world.rss", rssType)),
			tweak: func(f *Fetcher) { f.Timeout, f.Retries = 30*time.Millisecond, 1 }, wantErr: "feed %s: timed out (limit 30ms) after 2 attempts", wantHits: 2},
		{name: "slow once, then fast", route: firstThen(1, slow(time.Second, nil), fixture(t, "feeds/world.rss", rssType)),
			tweak: func(f *Fetcher) { f.Timeout = 50 * time.Millisecond }, wantHits: 2},
		{name: "not a feed", route: func(_ int, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body><p>Moved to our new site.</p></body></html>")
		}, wantErr: "feed %s: not an RSS or Atom feed: failed to detect feed type", wantHits: 1},
		{name: "malformed feed", route: func(_ int, w http.ResponseWriter, _ *http.Request) {
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut off`)
		}, wantErr: "feed %s: not an RSS or Atom feed: XML syntax error on line 1: unexpected EOF", wantHits: 1},
		{name: "empty body", route: func(int, http.ResponseWriter, *http.Request) {}, wantErr: "feed %s: not an RSS or Atom feed: failed to detect feed type", wantHits: 1},
		{name: "body over the limit (Content-Length)", route: func(_ int, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(len(big)))
			fmt.Fprint(w, big)
		}, tweak: func(f *Fetcher) { f.MaxBytes = 1 << 10 }, wantErr: "feed %s: response body too large (limit 1 KiB)", wantHits: 1},
		{name: "body over the limit (chunked)", route: func(_ int, w http.ResponseWriter, _ *http.Request) {
			for range 4 {
				fmt.Fprint(w, big[:1024])
				w.(http.Flusher).Flush()
			}
		}, tweak: func(f *Fetcher) { f.MaxBytes = 1000 }, wantErr: "feed %s: response body too large (limit 1000 bytes)", wantHits: 1},
		{name: "304 without a cached copy", route: status(304, ""), wantErr: "feed %s: HTTP 304 Not Modified", wantHits: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, map[string]route{"/feed": tt.route})
			var warns []string
			f := testFetcher(&warns)
			if tt.tweak != nil {
				tt.tweak(f)
			}
			u := srv.URL + "/feed"
			arts, err := f.Fetch(context.Background(), u)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("Fetch: %v", err)
			case tt.wantErr == "" && len(arts) != 3:
				t.Errorf("got %d articles, want 3", len(arts))
			case tt.wantErr != "":
				want := fmt.Sprintf(tt.wantErr, u)
				if err == nil || err.Error() != want {
					t.Errorf("Fetch error = %v\nwant %s", err, want)
				}
				var fe *FetchError
				if !errors.As(err, &fe) || fe.URL != u {
					t.Errorf("error %v is not a *FetchError for %s", err, u)
				}
				if arts != nil {
					t.Errorf("got articles %v with an error", ids(arts))
				}
			}
			if got := srv.hitsOf("/feed"); got != tt.wantHits {
				t.Errorf("server saw %d requests, want %d", got, tt.wantHits)
			}
		})
	}
}

func TestFetchErrorsIs(t *testing.T) {
	srv := newTestServer(t, map[string]route{
		"/big": func(_ int, w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, strings.Repeat("<", 100)) },
		"/bad": status(200, ""),
	})
	var warns []string
	f := testFetcher(&warns)
	f.MaxBytes = 10
	if _, err := f.Fetch(context.Background(), srv.URL+"/big"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v does not wrap ErrTooLarge", err)
	}
	f.MaxBytes = 0
	if _, err := f.Fetch(context.Background(), srv.URL+"/bad"); !errors.Is(err, ErrNotFeed) {
		t.Errorf("error %v does not wrap ErrNotFeed", err)
	}
}

func TestFetchRetryAfterHonoured(t *testing.T) {
	t.Parallel()
	var (
		mu    sync.Mutex
		times []time.Time
	)
	feed := fixture(t, "feeds/world.rss", rssType)
	srv := newTestServer(t, map[string]route{"/feed": func(n int, w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		if n == 1 {
			status(503, "1")(n, w, r)
			return
		}
		feed(n, w, r)
	}})
	var warns []string
	f := testFetcher(&warns) // Backoff 1ms: only Retry-After makes it wait
	if _, err := f.Fetch(context.Background(), srv.URL+"/feed"); err != nil {
		t.Fatal(err)
	}
	if len(times) != 2 {
		t.Fatalf("server saw %d requests, want 2", len(times))
	}
	if gap := times[1].Sub(times[0]); gap < 900*time.Millisecond {
		t.Errorf("retried after %v, want about 1s (Retry-After: 1)", gap)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 4, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		h    string
		want time.Duration
	}{
		{"", -1},
		{"0", 0},
		{" 3 ", 3 * time.Second},
		{"-1", -1},
		{"soon", -1},
		{"Tue, 02 Apr 2024 09:00:10 GMT", 10 * time.Second},
		{"Tue, 02 Apr 2024 08:00:00 GMT", 0},
		{"99999999999", 24 * time.Hour},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.h, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.h, got, tt.want)
		}
	}
}

func TestBackoff(t *testing.T) {
	f := &Fetcher{Backoff: 100 * time.Millisecond, MaxWait: time.Second}
	var got []time.Duration
	for a := 1; a <= 6; a++ {
		got = append(got, f.backoff(a))
	}
	want := []time.Duration{100, 200, 400, 800, 1000, 1000}
	for i := range want {
		want[i] *= time.Millisecond
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("backoff without jitter (-want +got):\n%s", diff)
	}

	// With a seeded source, waits are jittered within [w/2, w] and the same
	// seed gives the same waits.
	jittered := func() []time.Duration {
		f := &Fetcher{Backoff: 100 * time.Millisecond, MaxWait: time.Second, Rand: rand.New(rand.NewPCG(7, 7))}
		var out []time.Duration
		for a := 1; a <= 6; a++ {
			out = append(out, f.backoff(a))
		}
		return out
	}
	j1, j2 := jittered(), jittered()
	if diff := cmp.Diff(j1, j2); diff != "" {
		t.Errorf("same seed, different waits:\n%s", diff)
	}
	for i, w := range want {
		if j1[i] < w/2 || j1[i] > w {
			t.Errorf("jittered wait %d = %v, want within [%v, %v]", i+1, j1[i], w/2, w)
		}
	}
	if cmp.Equal(j1, want) {
		t.Error("jitter changed nothing")
	}
}

func TestFetchConditional(t *testing.T) {
	const lastMod = "Tue, 02 Apr 2024 09:00:00 GMT"
	tests := []struct {
		name    string
		etag    string
		lastMod string
	}{
		{"ETag", `"v1"`, ""},
		{"Last-Modified", "", lastMod},
		{"both", `"v1"`, lastMod},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed := fixture(t, "feeds/world.rss", rssType)
			changed := fixture(t, "feeds/politics.atom", "application/atom+xml")
			var mu sync.Mutex
			version := 1
			srv := newTestServer(t, map[string]route{"/feed": func(n int, w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				v := version
				mu.Unlock()
				if v == 2 {
					w.Header().Set("ETag", `"v2"`)
					changed(n, w, r)
					return
				}
				if tt.etag != "" {
					w.Header().Set("ETag", tt.etag)
				}
				if tt.lastMod != "" {
					w.Header().Set("Last-Modified", tt.lastMod)
				}
				if (tt.etag != "" && r.Header.Get("If-None-Match") == tt.etag) ||
					(tt.etag == "" && tt.lastMod != "" && r.Header.Get("If-Modified-Since") == tt.lastMod) {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				feed(n, w, r)
			}})
			dir := filepath.Join(t.TempDir(), "cache", "feeds")
			cache, err := NewFileCache(dir)
			if err != nil {
				t.Fatal(err)
			}
			var warns []string
			f := testFetcher(&warns)
			f.Cache = cache
			u := srv.URL + "/feed"

			first, err := f.Fetch(context.Background(), u)
			if err != nil {
				t.Fatal(err)
			}
			second, err := f.Fetch(context.Background(), u)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(first, second); diff != "" {
				t.Errorf("articles after 304 differ (-first +second):\n%s", diff)
			}
			// A new Fetcher over the same folder (a later run) also gets 304.
			var warns2 []string
			g := testFetcher(&warns2)
			if g.Cache, err = NewFileCache(dir); err != nil {
				t.Fatal(err)
			}
			third, err := g.Fetch(context.Background(), u)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(first, third); diff != "" {
				t.Errorf("articles from a new cache reader differ (-first +third):\n%s", diff)
			}

			hs := srv.headersOf("/feed")
			if len(hs) != 3 {
				t.Fatalf("server saw %d requests, want 3", len(hs))
			}
			if hs[0].Get("If-None-Match") != "" || hs[0].Get("If-Modified-Since") != "" {
				t.Errorf("first request was conditional: %v", hs[0])
			}
			for _, h := range hs[1:] {
				if got := h.Get("If-None-Match"); got != tt.etag {
					t.Errorf("If-None-Match = %q, want %q", got, tt.etag)
				}
				if got := h.Get("If-Modified-Since"); got != tt.lastMod {
					t.Errorf("If-Modified-Since = %q, want %q", got, tt.lastMod)
				}
			}

			// The feed changes: a full response, then the new validator.
			mu.Lock()
			version = 2
			mu.Unlock()
			fourth, err := f.Fetch(context.Background(), u)
			if err != nil {
				t.Fatal(err)
			}
			if len(fourth) != 2 || fourth[0].Source != "The Meridian Post: Politics" {
				t.Errorf("after a change got %v, want the new feed", ids(fourth))
			}
			if _, err := f.Fetch(context.Background(), u); err != nil {
				t.Fatal(err)
			}
			hs = srv.headersOf("/feed")
			if got := hs[len(hs)-1].Get("If-None-Match"); got != `"v2"` {
				t.Errorf("If-None-Match after the change = %q, want %q", got, `"v2"`)
			}
			if len(warns)+len(warns2) != 3 { // the gallery item, each time world.rss is parsed (3 times)
				t.Errorf("warnings: %q", append(warns, warns2...))
			}
		})
	}
}

func TestFileCache(t *testing.T) {
	dir := t.TempDir()
	c, err := NewFileCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	const u = "https://feeds.example/world.rss"
	if _, ok, err := c.Get(u); ok || err != nil {
		t.Fatalf("Get on an empty cache = %v, %v; want a miss", ok, err)
	}
	e1 := CacheEntry{ETag: `"a"`, LastModified: "Mon, 01 Jan 2024 00:00:00 GMT", Body: []byte("<rss>one</rss>")}
	e2 := CacheEntry{ETag: `"b"`, Body: []byte("<rss>two</rss>")}
	for _, e := range []CacheEntry{e1, e2} {
		if err := c.Put(u, e); err != nil {
			t.Fatal(err)
		}
		got, ok, err := c.Get(u)
		if err != nil || !ok {
			t.Fatalf("Get after Put = %v, %v", ok, err)
		}
		if diff := cmp.Diff(e, got); diff != "" {
			t.Errorf("entry mismatch (-want +got):\n%s", diff)
		}
	}
	if _, ok, _ := c.Get(u + "?x"); ok {
		t.Error("another URL hit the entry")
	}

	// Only the entry's two files are left: no temporary files.
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	hidden, _ := filepath.Glob(filepath.Join(dir, ".*"))
	key := cacheKey(u)
	want := []string{filepath.Join(dir, key+".body"), filepath.Join(dir, key+".json")}
	if diff := cmp.Diff(want, append(names, hidden...)); diff != "" {
		t.Errorf("cache files (-want +got):\n%s", diff)
	}

	// A body that does not match its metadata is a miss.
	if err := os.WriteFile(filepath.Join(dir, key+".body"), []byte("torn"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := c.Get(u); ok || err != nil {
		t.Errorf("Get with a torn body = %v, %v; want a miss", ok, err)
	}
	// Corrupt metadata is an error naming the file.
	if err := os.WriteFile(filepath.Join(dir, key+".json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Get(u); err == nil || !strings.Contains(err.Error(), key+".json") {
		t.Errorf("Get with corrupt metadata: err = %v, want one naming the file", err)
	}
}

// failingCache is a FetchCache whose every call fails.
type failingCache struct{}

func (failingCache) Get(string) (CacheEntry, bool, error) {
	return CacheEntry{}, false, errors.New("disk on fire")
}
func (failingCache) Put(string, CacheEntry) error { return errors.New("disk full") }

func TestFetchCacheFailuresWarn(t *testing.T) {
	srv := newTestServer(t, map[string]route{"/feed": func(n int, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"x"`)
		fmt.Fprint(w, rssDoc(`<item><guid>g</guid><description>Text.</description></item>`))
	}})
	var warns []string
	f := testFetcher(&warns)
	f.Cache = failingCache{}
	u := srv.URL + "/feed"
	arts, err := f.Fetch(context.Background(), u)
	if err != nil || len(arts) != 1 {
		t.Fatalf("Fetch = %d articles, %v; want 1 and no error", len(arts), err)
	}
	want := []string{u + ": fetch cache: disk on fire", u + ": fetch cache: disk full"}
	if diff := cmp.Diff(want, warns); diff != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", diff)
	}
}

func TestFetchArticles(t *testing.T) {
	page := fixture(t, "feeds/fisheries-deal.html", "text/html; charset=utf-8")
	pageText := "Calder and Valdoria signed a fisheries deal on Thursday that ends a two-year dispute over fishing rights in the Grey Sound.\n\n" +
		"Under the deal, Valdorian boats may fish within twelve miles of the Calder coast from June, and Calder will receive a share of the catch.\n\n" +
		"Calder's fisheries minister, Oona Larsen, said the agreement protected jobs on both sides. Valdoria's prime minister, Piet Aalders, praised Calder for its patience."
	const (
		title1   = "Calder and Valdoria sign fisheries deal"
		title2   = "Ostmark recalls ambassador from Calder"
		summary1 = "Calder and Valdoria signed a fisheries deal on Thursday."
		summary2 = "Ostmark recalled its ambassador from Calder after a spying row."
	)
	tests := []struct {
		name      string
		on        bool
		minWords  int
		missing   route
		wantText1 string
		wantWarn  string // %s is the server URL
		wantPages int    // requests for the fisheries page
	}{
		{name: "off", on: false, missing: status(404, ""), wantText1: title1 + "\n\n" + summary1},
		{name: "page fetched, 404 falls back", on: true, missing: status(404, ""), wantText1: title1 + "\n\n" + pageText, wantPages: 1,
			wantWarn: `%[1]s/feed.rss: item "%[1]s/feed.rss#cw-1002": page %[1]s/stories/missing.html: HTTP 404 Not Found; kept the item's own text`},
		{name: "not an HTML page", on: true, missing: func(_ int, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.4")
		}, wantText1: title1 + "\n\n" + pageText, wantPages: 1,
			wantWarn: `%[1]s/feed.rss: item "%[1]s/feed.rss#cw-1002": page %[1]s/stories/missing.html: not an HTML page (content type application/pdf); kept the item's own text`},
		{name: "page with less text", on: true, missing: func(_ int, w http.ResponseWriter, _ *http.Request) {
			fmt.Fprint(w, "<html><body><p>Subscribe to read.</p></body></html>")
		}, wantText1: title1 + "\n\n" + pageText, wantPages: 1,
			wantWarn: `%[1]s/feed.rss: item "%[1]s/feed.rss#cw-1002": page %[1]s/stories/missing.html: no more text than the item; kept the item's own text`},
		{name: "page times out", on: true, missing: slow(time.Second, nil), wantText1: title1 + "\n\n" + pageText, wantPages: 1,
			wantWarn: `%[1]s/feed.rss: item "%[1]s/feed.rss#cw-1002": page %[1]s/stories/missing.html: timed out (limit 100ms) after 3 attempts; kept the item's own text`},
		{name: "summaries long enough", on: true, minWords: 5, missing: status(404, ""), wantText1: title1 + "\n\n" + summary1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newTestServer(t, map[string]route{
				"/feed.rss":                    fixture(t, "feeds/summaries.rss", rssType),
				"/stories/fisheries-deal.html": page,
				"/stories/missing.html":        tt.missing,
			})
			var warns []string
			f := testFetcher(&warns)
			f.FetchArticles, f.MinWords, f.Timeout = tt.on, tt.minWords, 2*time.Second
			if tt.name == "page times out" {
				f.Timeout = 100 * time.Millisecond
			}
			arts, err := f.Fetch(context.Background(), srv.URL+"/feed.rss")
			if err != nil {
				t.Fatal(err)
			}
			want := []news.Article{
				{ID: srv.URL + "/feed.rss#cw-1001", Title: title1, Text: tt.wantText1, Date: "2024-04-11", URL: srv.URL + "/stories/fisheries-deal.html", Source: "Calder Wire"},
				{ID: srv.URL + "/feed.rss#cw-1002", Title: title2, Text: title2 + "\n\n" + summary2, Date: "2024-04-11", URL: srv.URL + "/stories/missing.html", Source: "Calder Wire"},
			}
			if diff := cmp.Diff(want, arts); diff != "" {
				t.Errorf("articles mismatch (-want +got):\n%s", diff)
			}
			var wantWarns []string
			if tt.wantWarn != "" {
				wantWarns = []string{fmt.Sprintf(tt.wantWarn, srv.URL)}
			}
			if diff := cmp.Diff(wantWarns, warns); diff != "" {
				t.Errorf("warnings mismatch (-want +got):\n%s", diff)
			}
			if got := srv.hitsOf("/stories/fisheries-deal.html"); got != tt.wantPages {
				t.Errorf("page fetched %d times, want %d", got, tt.wantPages)
			}
			if h := srv.headersOf("/stories/fisheries-deal.html"); len(h) > 0 && !strings.HasPrefix(h[0].Get("Accept"), "text/html") {
				t.Errorf("page Accept = %q, want HTML first", h[0].Get("Accept"))
			}
		})
	}
}

func TestFetchAll(t *testing.T) {
	srv := newTestServer(t, map[string]route{
		"/a.rss":  fixture(t, "feeds/world.rss", rssType),
		"/b.rss":  status(404, ""),
		"/c.rss":  func(_ int, w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "<html>oops</html>") },
		"/d.atom": fixture(t, "feeds/politics.atom", "application/atom+xml"),
	})
	urls := []string{srv.URL + "/a.rss", srv.URL + "/b.rss", srv.URL + "/c.rss", srv.URL + "/d.atom", "ftp://feeds.example/e.rss"}

	t.Run("bad feeds are reported, good ones read", func(t *testing.T) {
		var warns []string
		f := testFetcher(&warns)
		var got []news.Article
		failed, err := f.FetchAll(context.Background(), urls, func(a news.Article) error {
			got = append(got, a)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		wantIDs := []string{
			"https://northwind.example/world/2024/03/valdoria-ostmark-border",
			srv.URL + "/a.rss#nwd-20240306-0042",
			"https://northwind.example/world/2024/03/ostmark-rates",
			"tag:meridianpost.example,2024:entry-7781",
			"tag:meridianpost.example,2024:entry-7790",
		}
		if diff := cmp.Diff(wantIDs, ids(got)); diff != "" {
			t.Errorf("ids mismatch (-want +got):\n%s", diff)
		}
		var msgs []string
		for _, e := range failed {
			var fe *FetchError
			if !errors.As(e, &fe) {
				t.Errorf("%v is not a *FetchError", e)
			}
			msgs = append(msgs, e.Error())
		}
		wantMsgs := []string{
			"feed " + srv.URL + "/b.rss: HTTP 404 Not Found",
			"feed " + srv.URL + "/c.rss: not an RSS or Atom feed: failed to detect feed type",
			`feed ftp://feeds.example/e.rss: unsupported URL scheme "ftp" (want http or https)`,
		}
		if diff := cmp.Diff(wantMsgs, msgs); diff != "" {
			t.Errorf("failures mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("callback error stops", func(t *testing.T) {
		var warns []string
		stop := errors.New("stop")
		calls := 0
		failed, err := testFetcher(&warns).FetchAll(context.Background(), urls, func(news.Article) error {
			calls++
			return stop
		})
		if err != stop || calls != 1 || len(failed) != 0 {
			t.Errorf("FetchAll = %v, %v after %d calls; want the callback's error after 1", failed, err, calls)
		}
	})

	t.Run("cancelled context stops", func(t *testing.T) {
		var warns []string
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		failed, err := testFetcher(&warns).FetchAll(ctx, urls, func(news.Article) error { return nil })
		if !errors.Is(err, context.Canceled) || len(failed) != 0 {
			t.Errorf("FetchAll = %v, %v; want context.Canceled", failed, err)
		}
	})

	t.Run("ids repeated across feeds warn", func(t *testing.T) {
		var warns []string
		n := 0
		failed, err := testFetcher(&warns).FetchAll(context.Background(), []string{urls[0], urls[0]}, func(news.Article) error { n++; return nil })
		if err != nil || len(failed) != 0 || n != 6 {
			t.Fatalf("FetchAll = %v, %v, %d articles; want 6 and no errors", failed, err, n)
		}
		dups := 0
		for _, w := range warns {
			if strings.Contains(w, "duplicate id") {
				dups++
			}
		}
		if dups != 3 {
			t.Errorf("got %d duplicate-id warnings, want 3: %q", dups, warns)
		}
	})
}

func TestFetchContextEnds(t *testing.T) {
	srv := newTestServer(t, map[string]route{"/feed": slow(2*time.Second, status(200, ""))})
	var warns []string
	f := testFetcher(&warns)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := f.Fetch(ctx, srv.URL+"/feed")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Fetch error = %v, want one wrapping context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Fetch took %v after its context ended", d)
	}
	if got := srv.hitsOf("/feed"); got != 1 {
		t.Errorf("server saw %d requests, want 1 (no retry once the context is done)", got)
	}
}

func TestFetchBadURLs(t *testing.T) {
	srv := newTestServer(t, map[string]route{"/feed": status(404, "")})
	secret := strings.Replace(srv.URL, "http://", "http://reader:s3cret@", 1) + "/feed"
	tests := []struct {
		url  string
		want string
	}{
		{"ftp://feeds.example/x", `feed ftp://feeds.example/x: unsupported URL scheme "ftp" (want http or https)`},
		{"feeds.example/rss", `feed feeds.example/rss: unsupported URL scheme "" (want http or https)`},
		{"http:///rss", "feed http:///rss: invalid URL: no host"},
		{"http://bad host/", `feed http://bad host/: invalid URL: invalid character " " in host name`},
		{secret, "feed " + strings.Replace(secret, "s3cret", "xxxxx", 1) + ": HTTP 404 Not Found"},
	}
	for _, tt := range tests {
		var warns []string
		_, err := testFetcher(&warns).Fetch(context.Background(), tt.url)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Fetch(%q) error = %v\nwant %s", tt.url, err, tt.want)
		}
	}
}

func TestFetchNetworkErrorRetried(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL + "/feed"
	srv.Close() // nothing listens any more
	var warns []string
	_, err := testFetcher(&warns).Fetch(context.Background(), u)
	if err == nil || !strings.HasPrefix(err.Error(), "feed "+u+": ") || !strings.HasSuffix(err.Error(), " after 3 attempts") {
		t.Errorf("Fetch error = %v, want a network error after 3 attempts", err)
	}
}
