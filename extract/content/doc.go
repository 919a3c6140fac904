// Package content finds an article's main content in a parsed page and
// renders it as plain text, paragraphs separated by a blank line.
//
// Extract works in five steps, each in its own file:
//
//   - clean (clean.go) removes what is never article text: scripts, forms
//     controls and media (droppedTags), hidden elements (hidden,
//     aria-hidden, display:none), page chrome by element (nav, aside,
//     header, footer), by ARIA role and by class or id words (hints.go:
//     "share", "related", "comments", "ad"...). An element that holds over
//     half of the page's paragraph text is kept whatever its name says,
//     so an ASP.NET <form> or a Blogger "widget" around the article
//     survives.
//   - findMain (score.go) scores every block element in one walk: the
//     text of its good paragraphs (blocks of at least minParagraph bytes,
//     under maxLinkDensity of link text) minus its link text and a little
//     of its loose short text. The best is the tightest element around
//     the article's prose that does not drag in link lists. Teaser lists
//     (teaser.go: three or more alike siblings, each a linked headline and
//     a short summary) count as loose text, not prose.
//   - refine (refine.go) narrows the winner to what the markup itself
//     marks as the article (<article>, <main>, itemprop=articleBody, a
//     strong class like "article-body") when that holds most of the
//     winner's prose; to the page's one explicit body marker when it
//     holds a quarter (teaser grids can outweigh a short article); and to
//     the first of several appended <article>s. A body split into several
//     marked chunks is kept whole.
//   - render (text.go) turns the chosen element into blocks with HTML's
//     white-space collapsing; Extract then drops blocks that are link
//     lists ("Read more: ..."), ad labels (labels.go: "Advertisement",
//     "Anzeige", "광고"...) or repeat the headline, the labels of removed
//     sections ("Comments", "Tags") and reporting credits ("Reporting by
//     ...; Editing by ...") left at the end, and timestamp lines
//     ("Published November 20th, 2019 - 07:29 GMT") at either end.
//   - prune (prune.go) detaches the dropped blocks from the chosen
//     element, with the images and other text-less elements inside them,
//     so Result.Node holds exactly the blocks of Result.Text, in order:
//     its Markdown is the same article as the text.
//
// Options pin what the heuristics miss: Body (a CSS selector of the
// container, trusted as is), Remove (selectors cut before anything else).
// When the markup yields nothing, JSON-LD's articleBody is the fallback.
//
// Every weight and threshold is a named constant beside the rule that
// uses it, and each rule has a small fixture in the _test.go file of the
// same name; testdata/*.html are whole-page fixtures whose extracted text
// is kept in the .txt beside them (go test -update rewrites them).
//
// Extract modifies the document (clean removes chrome, prune the dropped
// blocks): run it after metadata was read.
package content
