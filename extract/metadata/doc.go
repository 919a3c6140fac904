// Package metadata reads an article page's metadata: headline, byline and
// authors, publication and modification times, canonical URL, site name,
// language, description, lead image, tags, section, and JSON-LD's
// articleBody.
//
// Read takes a parsed page and Options and returns Metadata:
//
//	md := metadata.Read(doc, metadata.Options{URL: pageURL, Now: fetchedAt})
//	fmt.Println(md.Headline, md.Byline, md.Published.Time)
//
// Read must run before the page is cleaned for content: it reads <head>,
// scripts and the page's chrome. It never modifies the document and never
// panics; what it cannot find is left empty.
//
// # The cascade
//
// Each field is taken from the first source that has it, most reliable
// first:
//
//  1. a CSS selector override in Options (Headline, Byline, Published);
//  2. JSON-LD (jsonld.go): the first Article-like object (NewsArticle,
//     BlogPosting, ReportageNewsArticle, ...), found at the top level, in
//     arrays or in an @graph, with authors and publishers given as strings,
//     objects, lists or @id references;
//  3. meta tags (meta.go): Dublin Core, OpenGraph and article:*, parsely-*,
//     sailthru.* and other common names;
//  4. microdata (microdata.go): itemprop headline, author,
//     datePublished, dateModified, and <time datetime>;
//  5. the visible page (visible.go, lines.go): byline and dateline lines
//     near the headline ("By Jane Doe", "KO YONG-CHUL Reporter",
//     "홍길동 기자", "Updated : 2025-04-18 12:59:55", "입력 2025.04.18 12:59",
//     "3 hours ago"), then labelled dates anywhere outside the chrome.
//
// Headlines lose a segment naming the site (" - Site Name", "Site | ")
// (headline.go). Bylines are cleaned of "By", role words ("Reporter",
// "Staff Writer", "기자"), e-mail addresses, handles and dates, and split
// into Authors on "and", ",", "&" and "·" (byline.go).
//
// # Times and zones
//
// A time printed with a zone or offset keeps it (Zoned is true). A time
// printed without one takes Options.Timezone, else the zone of the page
// URL's country-code domain when that country keeps a single zone (.kr is
// Asia/Seoul, .de Europe/Berlin; .us, .ca, .au, .br, .ru have several and
// give none) (zone.go). Failing both, Zoned is false and Time holds the
// wall clock as printed: it is never silently taken as UTC. Relative dates
// ("3 hours ago", "2시간 전") count back from Options.Now, and are ignored
// when Now is zero (timeparse.go). A printed date more than two days past
// Now is taken for an event, not the dateline.
//
// # Cost
//
// Read walks the document once (scan.go), gathering both an index of the
// elements it reads and the page's lines, and skips chrome subtrees for
// the lines. It compiles nothing per call except the caller's selector
// overrides and bounds every search inside an element. Class and id hints
// are substring tables, not regexps (hints.go); each costly regexp runs
// only on text that passes a cheap test for what it needs (a four-digit
// year, a label word, a byline's first letter), and equiv_test.go fuzzes
// each such test against its regexp. BenchmarkRead measures Read over the
// dev corpus, BenchmarkScanPage the walk alone; TestCorpusGolden holds
// every field of every dev-corpus page, so a speed-up that changes a
// result fails.
package metadata
