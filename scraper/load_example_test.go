package scraper_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/lede-news/lede/scraper"
)

func ExampleLoadConfig() {
	dir, _ := os.MkdirTemp("", "lede")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "config.yaml")
	os.WriteFile(path, []byte(`
crawl: {delay: 2s}
sites:
  - name: example
    start: [https://example.com/news]
    articles: ['^https://example\.com/news/\d+$']
    timezone: Europe/Berlin
`), 0o644)

	flags := pflag.NewFlagSet("crawl", pflag.ContinueOnError)
	scraper.AddConfigFlags(flags)
	flags.Parse([]string{"--concurrency", "4"}) // explicitly set flags win over the file

	cfg, err := scraper.LoadConfig(path, flags)
	if err != nil {
		fmt.Println(err)
		return
	}
	s := cfg.Sites[0]
	fmt.Println(s.Name, s.Timezone, s.MaxDepth, cfg.Crawl.Delay, cfg.Crawl.Concurrency, cfg.Crawl.MaxBody)
	// Output: example Europe/Berlin 5 2s 4 10485760
}

func ExampleQuickConfig() {
	cfg, err := scraper.QuickConfig([]string{"https://example.com/news"}, []string{`/news/\d+$`}, []string{`/news\?page=\d+$`})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cfg.Sites[0].Name, cfg.Sites[0].Start, cfg.Output.Format)

	_, err = scraper.QuickConfig([]string{"example.com/news"}, []string{"("}, nil)
	fmt.Println(err)
	// Output:
	// example.com [https://example.com/news] jsonl
	// --articles[0]: bad regular expression "(": error parsing regexp: missing closing ): `(`
	// URL[0]: bad URL "example.com/news": want an absolute http or https URL
}
