// Package output writes extracted articles where analysts and archivists
// read them: JSONL files (one record a line) and Markdown directories (one
// file per article with YAML front matter).
//
// A Record is an extract.Article plus, for crawl records, the site, fetch
// time and HTTP status. Its JSON form is the Article's fields in the
// Article's order, then fetched_at, status and site when Site is set, so
// every line of a file has the same keys and loads as-is in pandas
// (read_json(lines=True)), polars (read_ndjson) and DuckDB (read_json).
// Absent values are null, lists are [], text is UTF-8 and <, > and & are
// written as themselves.
//
// Every Writer is safe for concurrent use, and when Write returns nil the
// record is whole in its destination:
//
//   - NewJSONL writes to any io.Writer (stdout, a buffer), one Write call
//     per line.
//   - CreateJSONL appends to a file with one write(2) per whole line and an
//     fsync, so a killed crawl leaves at most one torn last line.
//     RepairJSONL cuts that line and returns the records before it; RunPath
//     names a run's file.
//   - NewMarkdownDir writes each record to its own file, PathFor(record),
//     through a temp file, fsync and rename, so a reader never sees half a
//     file. CleanTemp removes the temp files a killed writer left.
//
// Resuming a killed crawl run:
//
//	recs, err := output.RepairJSONL(path) // whole records already written
//	...
//	w, err := output.CreateJSONL(path)    // appends after them
package output
