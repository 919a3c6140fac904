package scraper

import (
	"sync"

	"github.com/lede-news/lede/output"
)

// siteOutput is where one site's records go in a run. The JSONL file is
// created at the first record, so a run that finds nothing new leaves no
// empty file behind (the state still records the run's path, and a killed
// run's missing file is simply nothing to repair). Writes are serialized
// per site; each one is whole in the file when it returns.
type siteOutput struct {
	mu   sync.Mutex
	path string              // the run's JSONL file; "" for Markdown
	md   *output.MarkdownDir // the shared Markdown directory, for Markdown
	file *output.JSONLFile   // open JSONL file, nil until the first record
}

func (o *siteOutput) write(rec *output.Record) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.md != nil {
		return o.md.Write(rec)
	}
	if o.file == nil {
		f, err := output.CreateJSONL(o.path)
		if err != nil {
			return err
		}
		o.file = f
	}
	// A failed write leaves no part of the record in the file (JSONLFile
	// cuts it back), so the next record starts a line of its own.
	return o.file.Write(rec)
}

// created is the JSONL file the run created, or "".
func (o *siteOutput) created() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.file == nil {
		return ""
	}
	return o.path
}

func (o *siteOutput) close() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.file == nil {
		return nil
	}
	return o.file.Close()
}
