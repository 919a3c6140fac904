package markdown_test

import (
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/lede-news/lede/extract/markdown"
)

func ExampleRender() {
	page := `<article>
	  <h2>Harbour reopens</h2>
	  <p>The harbour <em>reopened</em> on Monday after a <a href="/rebuild">two-year rebuild</a>.</p>
	  <ul><li>Deeper channel</li><li>New berths</li></ul>
	  <img data-src="/img/quay.jpg" alt="The quay">
	</article>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		panic(err)
	}
	base, _ := url.Parse("https://news.example/2024/harbour.html")
	fmt.Println(markdown.Render(doc, base))
	// Output:
	// ## Harbour reopens
	//
	// The harbour *reopened* on Monday after a [two-year rebuild](https://news.example/rebuild).
	//
	// - Deeper channel
	// - New berths
	//
	// ![The quay](https://news.example/img/quay.jpg)
}

func ExampleText() {
	fmt.Println(markdown.Text("The harbour reopened on Monday.\n* Deeper channel, new berths."))
	// Output:
	// The harbour reopened on Monday.
	//
	// \* Deeper channel, new berths.
}
