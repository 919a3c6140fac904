// Package eval scores extraction against an annotated corpus, with the
// article-extraction-benchmark body metric (token 4-gram shingles) and
// simple title, byline and published checks.
//
// A corpus is a directory holding html/<id>.html and truth.jsonl, one JSON
// object per page (id, source, url, title, byline, published, body, lang),
// as ../shared/corpus/dev is laid out. LoadCorpus reads it; ScoreBody and
// SummarizeBody compute the body metric; TitleMatch, BylineMatch and
// PublishedMatch are the metadata checks.
package eval
