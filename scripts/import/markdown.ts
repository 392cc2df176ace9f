/**
 * mdast → the Markdown of a language block, with remark-stringify and the GFM
 * extensions the manuscript reads (tables, footnotes, strikethrough), in the
 * manuscript's own style: `-` bullets, `*emphasis*`, `**strong**`.
 */
import type { Root, RootContent } from 'mdast';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const processor = unified()
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    listItemIndent: 'one',
    rule: '-',
    fences: true,
    incrementListMarker: true,
  })
  .data('toMarkdownExtensions', [
    gfmFootnoteToMarkdown(),
    gfmTableToMarkdown(),
    gfmStrikethroughToMarkdown(),
    // A colon that would open a directive in the manuscript (`:::` at a line's start, a
    // language block's fence; `:en[` a phrase) is escaped: a document's text stays text.
    {
      unsafe: [
        { character: ':', atBreak: true },
        { character: ':', after: '[A-Za-z:]' },
      ],
    },
  ]);

/** The Markdown of `nodes`, as one block's content (no trailing line break). */
export function toBlockMarkdown(nodes: RootContent[]): string {
  const root: Root = { type: 'root', children: nodes };
  return processor.stringify(root).replace(/\n+$/, '');
}
