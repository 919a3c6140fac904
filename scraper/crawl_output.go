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
	file *output.JSONLFile   // open JSONL file, nil until the first record and after a failed write
	made bool                // the JSONL file was created
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
		o.file, o.made = f, true
	}
	if err := o.file.Write(rec); err != nil {
		// A write cut short (disk full) leaves part of a line: reopen the
		// file with CreateJSONL, which cuts that part, so that it is not
		// left in the output nor glued to the next record (if reopening
		// fails, the next write tries again).
		_ = o.file.Close()
		o.file, _ = output.CreateJSONL(o.path)
		return err
	}
	return nil
}

// created is the JSONL file the run created, or "".
func (o *siteOutput) created() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.made {
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
