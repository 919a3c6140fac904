// Package markdown renders an article's content node as Markdown, in the
// dialect GitHub and CommonMark read (GFM tables and strikethrough).
//
// Render walks the node the content finder chose (content.Extract has
// already detached the blocks its text dropped, so the Markdown holds the
// same words as the article's plain text, plus image alt text) and writes
// each block on its own, separated by exactly one blank line:
//
//   - p, div and other containers: paragraphs, with HTML's white-space
//     collapsing and <br> as a hard break (a trailing backslash); two or
//     more <br> in a row end the paragraph;
//   - h1..h6: ATX headings ("#" to "######") on one line;
//   - ul and ol: "- " and "N. " items (ol's start attribute honoured),
//     nested lists indented under their item, loose when an item holds
//     several paragraphs;
//   - blockquote: "> " before every line, nesting included;
//   - pre: a fenced code block, its text as written, the fence longer than
//     any backtick run inside, the language from a language-* class;
//   - table: a GFM pipe table with the first row as header and '|'
//     escaped; a table of one row or one column is layout, and its cells
//     render as blocks;
//   - hr: "---".
//
// Inline: em/i as *x*, strong/b as **x**, del/s as ~~x~~, code as a code
// span, links as [text](URL) and images as ![alt](URL). URLs are made
// absolute against the base; javascript:, vbscript: and data: links keep
// only their text. An image without a usable src takes its URL from
// data-src and the other lazy-loading attributes, then from the widest
// srcset candidate (of the img or of a <source> in its <picture>).
//
// Text is escaped so it reads back as the same text: \ ` * [ ] < > ~
// always, _ outside words, & before something that looks like an entity,
// and marks that matter only at a line's start (#, -, +, =, "1.") there.
//
// Scripts, styles, forms controls, media and other non-text elements are
// skipped. Render never fails: it renders whatever tree it is given.
package markdown
