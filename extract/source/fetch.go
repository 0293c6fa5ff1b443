package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/news"
)

// Defaults of the Fetcher fields left at zero.
const (
	// DefaultFetchTimeout bounds one HTTP request, from sending it to
	// reading the last byte of the body.
	DefaultFetchTimeout = 30 * time.Second
	// DefaultRetries is how many times a failed request is tried again, so
	// a request is made at most DefaultRetries+1 times.
	DefaultRetries = 2
	// DefaultBackoff is the wait before the first retry; it doubles for
	// each further retry.
	DefaultBackoff = 500 * time.Millisecond
	// DefaultMaxWait caps one wait between attempts.
	DefaultMaxWait = 30 * time.Second
	// DefaultMaxBytes is the largest response body read: 20 MiB.
	DefaultMaxBytes = 20 << 20
	// DefaultMinWords is the word count below which an item's text is taken
	// for a summary when Fetcher.FetchArticles is set.
	DefaultMinWords = 100
	// DefaultUserAgent is the User-Agent header sent when
	// Fetcher.UserAgent is empty.
	DefaultUserAgent = "newsgraph/1 (+https://github.com/newsgraph/newsgraph)"
)

// ErrTooLarge means a response body is larger than Fetcher.MaxBytes. It is
// wrapped with the limit: "response body too large (limit 20 MiB)".
var ErrTooLarge = errors.New("response body too large")

// Accept headers: feeds first, then any XML; pages as HTML.
const (
	feedAccept = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
	pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
)

// Fetcher reads RSS and Atom feeds over HTTP(S); see "Feeds by URL" in the
// package comment. The zero value is ready to use. A Fetcher is safe for
// concurrent use once its fields are set and must not be copied after
// first use.
type Fetcher struct {
	// Client sends the requests. Nil means a new http.Client with the
	// default transport; redirects are followed as http.Client does.
	Client *http.Client

	// Timeout bounds each request, headers and body, so a slow server
	// fails one attempt and not the whole run. Zero means
	// DefaultFetchTimeout.
	Timeout time.Duration

	// Retries is how many times a request that failed with a network
	// error, a timeout, HTTP 429 or HTTP 5xx is tried again. Other
	// statuses (404, 403, …) are not retried. Zero means DefaultRetries;
	// a negative value means no retries.
	Retries int

	// Backoff is the wait before the first retry; each further retry waits
	// twice as long as the one before, up to MaxWait. Zero means
	// DefaultBackoff. A Retry-After header (seconds or an HTTP date) on a
	// 429 or 5xx response replaces the computed wait; one longer than
	// MaxWait ends the retries with an error saying so.
	Backoff time.Duration

	// MaxWait caps one wait between attempts. Zero means DefaultMaxWait.
	MaxWait time.Duration

	// Rand, when not nil, jitters the backoff: each wait is drawn
	// uniformly from [w/2, w] for the computed wait w. Pass a seeded
	// source (rand.New(rand.NewPCG(seed1, seed2))) for reproducible runs.
	// Nil means no jitter. Retry-After waits are not jittered. The
	// Fetcher serialises its use of Rand.
	Rand *rand.Rand

	// Cache keeps ETag and Last-Modified validators and the last body of
	// each URL for conditional requests. Nil means no caching: every
	// request fetches the whole body.
	Cache FetchCache

	// UserAgent is sent with every request. Empty means DefaultUserAgent.
	UserAgent string

	// MaxBytes is the largest response body read; a larger one is an error
	// wrapping ErrTooLarge and is not retried. Zero means DefaultMaxBytes.
	MaxBytes int64

	// FetchArticles makes Fetch read the linked page of every item whose
	// text (without the title) has fewer than MinWords words, and use the
	// page's article text instead when it holds more words than the item.
	// Pages are fetched with the same timeout, retries, size limit and
	// cache as feeds. A page that fails leaves the item's own text and
	// gives a *Warning.
	FetchArticles bool

	// MinWords is the word count below which an item's text counts as a
	// summary for FetchArticles. Zero means DefaultMinWords.
	MinWords int

	// Warn is called with a *Warning for every non-fatal problem: an item
	// without text, a duplicate id, a linked page that could not be read,
	// a cache that could not be read or written. Nil drops them.
	Warn func(error)

	mu sync.Mutex // guards Rand
}

// FetchError is the error of a feed or page that could not be fetched or
// read. Its message is one line naming the URL and the problem:
// "feed https://example.com/rss: HTTP 503 Service Unavailable after 3
// attempts", "feed https://example.com/rss: not an RSS or Atom feed: …".
type FetchError struct {
	What       string // "feed" or "page"
	URL        string // the URL as requested, with any password masked
	StatusCode int    // the last HTTP status received, or 0 when none
	Attempts   int    // how many requests were made
	Err        error  // the problem: a status, a timeout, ErrTooLarge, ErrNotFeed, …
}

// Error returns the one-line message.
func (e *FetchError) Error() string {
	msg := "unknown problem"
	if e.Err != nil {
		msg = oneLine(e.Err.Error())
	}
	s := fmt.Sprintf("%s %s: %s", e.What, e.URL, msg)
	if e.Attempts > 1 {
		s += fmt.Sprintf(" after %d attempts", e.Attempts)
	}
	return s
}

// Unwrap returns e.Err, so errors.Is(err, ErrTooLarge) and
// errors.Is(err, context.Canceled) work.
func (e *FetchError) Unwrap() error { return e.Err }

// Fetch reads the feed at rawURL (http or https) and returns its items as
// articles, in feed order; see "Feeds by URL" in the package comment. The
// slice is empty, not nil, for a feed without items. Problems with single
// items go to f.Warn. The error, when not nil, is a *FetchError; it wraps
// ctx's error when ctx ended the fetch.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) ([]news.Article, error) {
	arts := []news.Article{}
	s := newSink(Options{Warn: f.Warn}, func(a news.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err := f.fetch(ctx, rawURL, s); err != nil {
		return nil, err
	}
	return arts, nil
}

// FetchAll reads the feeds at urls one after the other, in order, and calls
// fn for each article, feed by feed; ids repeated across feeds give a
// *Warning. A feed that cannot be fetched or parsed does not stop the
// others: its *FetchError is appended to failed, in the order of urls, and
// the next feed is read. A feed's articles are delivered only once the
// whole feed (and, with FetchArticles, its pages) has been read, so a failed
// feed delivers none. err is not nil only when reading stopped early: ctx
// is done (its error) or fn returned an error (returned as is); failed then
// holds the failures met before.
func (f *Fetcher) FetchAll(ctx context.Context, urls []string, fn func(news.Article) error) (failed []error, err error) {
	s := newSink(Options{Warn: f.Warn}, fn)
	for _, u := range urls {
		if err := ctx.Err(); err != nil {
			return failed, err
		}
		var arts []news.Article
		collect := &sink{opts: s.opts, fn: func(a news.Article) error {
			arts = append(arts, a)
			return nil
		}}
		ferr := f.fetch(ctx, u, collect)
		if cerr := ctx.Err(); cerr != nil {
			return failed, cerr
		}
		if ferr != nil {
			failed = append(failed, ferr)
			continue
		}
		for _, a := range arts {
			if err := s.emit(a, feedPath(u), 0); err != nil {
				return failed, err
			}
		}
	}
	return failed, nil
}

// feedPath is how a feed URL is named in warnings: with any password
// masked.
func feedPath(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil {
		return u.Redacted()
	}
	return rawURL
}

// fetch reads one feed and passes its articles to s.
func (f *Fetcher) fetch(ctx context.Context, rawURL string, s *sink) error {
	u, err := parseHTTPURL(rawURL)
	if err != nil {
		return &FetchError{What: "feed", URL: rawURL, Err: err}
	}
	name := u.Redacted()
	res, err := f.get(ctx, "feed", u, feedAccept)
	if err != nil {
		return err
	}
	feed, err := parseFeedBytes(res.body)
	if err != nil {
		return &FetchError{What: "feed", URL: name, StatusCode: res.status, Attempts: res.attempts, Err: err}
	}
	f.store(u, res)
	arts, skipped := feedArticles(feed, feedParams{stem: name, source: name, base: u})
	for _, err := range skipped {
		f.warn(name, err)
	}
	for i := range arts {
		if f.FetchArticles {
			if err := ctx.Err(); err != nil {
				return &FetchError{What: "feed", URL: name, Err: err}
			}
			f.expand(ctx, name, u, &arts[i])
		}
		if err := s.emit(arts[i], name, 0); err != nil {
			return err
		}
	}
	return nil
}

// parseHTTPURL parses an absolute http or https URL.
func parseHTTPURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("invalid URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("unsupported URL scheme %q (want http or https)", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("invalid URL: no host")
	}
	return u, nil
}

// expand replaces the summary text of a with the text of its linked page;
// see Fetcher.FetchArticles. Problems leave a as it is and give a
// *Warning.
func (f *Fetcher) expand(ctx context.Context, feedName string, base *url.URL, a *news.Article) {
	summary := articleBody(*a)
	if a.URL == "" || words(summary) >= f.minWords() {
		return
	}
	fail := func(err error) {
		f.warn(feedName, fmt.Errorf("item %q: %w; kept the item's own text", a.ID, err))
	}
	link, err := url.Parse(a.URL)
	if err != nil {
		fail(fmt.Errorf("page %s: invalid URL", a.URL))
		return
	}
	u, err := parseHTTPURL(base.ResolveReference(link).String())
	if err != nil {
		fail(fmt.Errorf("page %s: %w", a.URL, err))
		return
	}
	name := u.Redacted()
	res, err := f.get(ctx, "page", u, pageAccept)
	if err != nil {
		fail(err)
		return
	}
	pageErr := func(err error) error {
		return &FetchError{What: "page", URL: name, StatusCode: res.status, Attempts: res.attempts, Err: err}
	}
	if mt, _, err := mime.ParseMediaType(res.contentType); err == nil && mt != "text/html" && mt != "application/xhtml+xml" {
		fail(pageErr(fmt.Errorf("not an HTML page (content type %s)", mt)))
		return
	}
	raw, err := decodeBytes(res.body)
	if err != nil {
		fail(pageErr(err))
		return
	}
	var page news.Article
	ok := false
	if perr := safely(func() { page, ok = htmlArticle(raw) }); perr != nil || !ok {
		fail(pageErr(ErrNoText))
		return
	}
	text := page.Text
	if first, rest, cut := strings.Cut(text, "\n\n"); cut {
		if first = singleLine(first); strings.EqualFold(first, page.Title) || strings.EqualFold(first, a.Title) {
			text = rest
		}
	}
	if words(text) <= words(summary) {
		fail(pageErr(errors.New("no more text than the item")))
		return
	}
	f.store(u, res)
	a.Text = withTitle(a.Title, text)
}

// articleBody is a's text without its title paragraph.
func articleBody(a news.Article) string {
	if a.Title != "" {
		if rest, ok := strings.CutPrefix(a.Text, a.Title+"\n\n"); ok {
			return rest
		}
	}
	return a.Text
}

// response is a body fetched by get.
type response struct {
	body         []byte
	contentType  string
	etag         string
	lastModified string
	status       int  // the HTTP status of the last response
	attempts     int  // how many requests were made
	fromCache    bool // 304 Not Modified: body is the cached copy
}

// get fetches u with retries and the conditional-request cache. Errors are
// *FetchError values.
func (f *Fetcher) get(ctx context.Context, what string, u *url.URL, accept string) (response, error) {
	key := u.String()
	fe := &FetchError{What: what, URL: u.Redacted()}
	var cached *CacheEntry
	if f.Cache != nil {
		e, ok, err := f.Cache.Get(key)
		switch {
		case err != nil:
			f.warn(fe.URL, fmt.Errorf("fetch cache: %w", err))
		case ok && len(e.Body) > 0 && (e.ETag != "" || e.LastModified != ""):
			cached = &e
		}
	}
	retries := f.Retries
	switch {
	case retries == 0:
		retries = DefaultRetries
	case retries < 0:
		retries = 0
	}
	for attempt := 1; ; attempt++ {
		fe.Attempts = attempt
		r := f.attempt(ctx, u, accept, cached)
		fe.StatusCode = r.status
		if r.err == nil {
			r.attempts = attempt
			return r.response, nil
		}
		fe.Err = r.err
		if !r.retry || attempt > retries {
			return response{}, fe
		}
		wait := f.backoff(attempt)
		if r.retryAfter >= 0 {
			if maxWait := f.maxWait(); r.retryAfter > maxWait {
				fe.Err = fmt.Errorf("%w, and Retry-After %s is longer than the %s limit", r.err, r.retryAfter, maxWait)
				return response{}, fe
			}
			wait = r.retryAfter
		}
		if err := sleep(ctx, wait); err != nil {
			fe.Err = err
			return response{}, fe
		}
	}
}

// attemptResult is the outcome of one request.
type attemptResult struct {
	response
	err        error
	retry      bool          // the error is worth another attempt
	retryAfter time.Duration // from a Retry-After header, or -1
}

// attempt makes one request, bounded by f.Timeout.
func (f *Fetcher) attempt(ctx context.Context, u *url.URL, accept string, cached *CacheEntry) (r attemptResult) {
	r.retryAfter = -1
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// netErr classifies an error from sending the request or reading the
	// body: the caller's ctx ending is final, anything else is retried.
	netErr := func(err error) attemptResult {
		r.retry = true
		switch {
		case ctx.Err() != nil:
			r.err, r.retry = ctx.Err(), false
		case actx.Err() != nil || errors.Is(err, context.DeadlineExceeded):
			r.err = fmt.Errorf("timed out (limit %s)", timeout)
		default:
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			r.err = err
		}
		return r
	}

	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		r.err = fmt.Errorf("invalid request: %w", err)
		return r
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", accept)
	if cached != nil {
		if cached.ETag != "" {
			req.Header.Set("If-None-Match", cached.ETag)
		}
		if cached.LastModified != "" {
			req.Header.Set("If-Modified-Since", cached.LastModified)
		}
	}
	client := f.Client
	if client == nil {
		client = &http.Client{}
	}
	resp, err := client.Do(req)
	if err != nil {
		return netErr(err)
	}
	defer resp.Body.Close()
	r.status = resp.StatusCode
	code := resp.StatusCode

	switch {
	case code == http.StatusNotModified && cached != nil:
		r.body, r.fromCache = cached.Body, true
		r.etag, r.lastModified = cached.ETag, cached.LastModified
		return r
	case code >= 200 && code < 300:
	default:
		r.err = fmt.Errorf("HTTP %d %s", code, http.StatusText(code))
		if code == http.StatusTooManyRequests || code >= 500 {
			r.retry = true
			r.retryAfter = retryAfter(resp.Header.Get("Retry-After"), time.Now())
		}
		// Read a little of the body so the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return r
	}

	limit := f.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	tooLarge := fmt.Errorf("%w (limit %s)", ErrTooLarge, byteSize(limit))
	if resp.ContentLength > limit {
		r.err = tooLarge
		return r
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return netErr(err)
	}
	if int64(len(body)) > limit {
		r.err = tooLarge
		return r
	}
	r.body = body
	r.contentType = resp.Header.Get("Content-Type")
	r.etag = resp.Header.Get("ETag")
	r.lastModified = resp.Header.Get("Last-Modified")
	return r
}

// byteSize writes a limit in MiB, KiB or bytes.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// retryAfter reads a Retry-After header: delay seconds or an HTTP date
// (relative to now). It returns -1 when the header is absent or unreadable.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return -1
	}
	if secs, err := strconv.ParseInt(h, 10, 64); err == nil {
		if secs < 0 {
			return -1
		}
		if secs > int64(24*time.Hour/time.Second) {
			secs = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(t.Sub(now), 0)
	}
	return -1
}

// backoff is the wait after the given failed attempt (1-based):
// Backoff·2^(attempt-1), capped at MaxWait, jittered with Rand.
func (f *Fetcher) backoff(attempt int) time.Duration {
	base := f.Backoff
	if base <= 0 {
		base = DefaultBackoff
	}
	maxWait := f.maxWait()
	w := base
	for i := 1; i < attempt && w < maxWait; i++ {
		w *= 2
	}
	w = min(w, maxWait)
	if f.Rand != nil && w > 1 {
		f.mu.Lock()
		j := time.Duration(f.Rand.Int64N(int64(w/2) + 1))
		f.mu.Unlock()
		w = w/2 + j
	}
	return w
}

func (f *Fetcher) maxWait() time.Duration {
	if f.MaxWait > 0 {
		return f.MaxWait
	}
	return DefaultMaxWait
}

func (f *Fetcher) minWords() int {
	if f.MinWords > 0 {
		return f.MinWords
	}
	return DefaultMinWords
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// store keeps a fresh response with validators in the cache.
func (f *Fetcher) store(u *url.URL, r response) {
	if f.Cache == nil || r.fromCache || (r.etag == "" && r.lastModified == "") {
		return
	}
	e := CacheEntry{ETag: r.etag, LastModified: r.lastModified, Body: r.body}
	if err := f.Cache.Put(u.String(), e); err != nil {
		f.warn(u.Redacted(), fmt.Errorf("fetch cache: %w", err))
	}
}

func (f *Fetcher) warn(p string, err error) {
	if f.Warn != nil {
		f.Warn(&Warning{Path: p, Err: err})
	}
}
