package urlnorm_test

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/lede-news/lede/scraper/urlnorm"
)

func ExampleNormalize() {
	u, err := urlnorm.Normalize("HTTPS://News.Example.com:443/world/./2026/../story?utm_source=feed&page=2&id=7#comments")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(u)
	// Output: https://news.example.com/world/story?id=7&page=2
}

func ExampleResolve() {
	base, _ := url.Parse("https://news.example.com/world/story.html")
	for _, href := range []string{"../politics/", "//cdn.example.com/a.html", "mailto:desk@example.com"} {
		u, err := urlnorm.Resolve(base, href)
		if errors.Is(err, urlnorm.ErrScheme) {
			fmt.Println("skip:", err)
			continue
		}
		fmt.Println(u)
	}
	// Output:
	// https://news.example.com/politics/
	// https://cdn.example.com/a.html
	// skip: urlnorm: "mailto:desk@example.com": unsupported scheme "mailto"
}
