/**
 * remark plugin: the GitHub extensions to CommonMark (footnotes, tables, strikethrough,
 * task list items and literal autolinks), as `remark-gfm` adds them for parsing; and
 * `parseSkippingLiteralAutolinks`, which leaves the literal autolinks out where the text
 * has none.
 *
 * A literal autolink is a link written without `<…>` or `[…](…)`: `www.example.org`,
 * `https://example.org`, `name@example.org`. micromark tries its extension at every
 * letter of the text: on the sample issue it was a third of the time `jlaga check`
 * took (about 100 ms of 300 ms of parsing, cold), for no link at all. Such a link is
 * made of `@`, `www` or `http` (in any case) in the text; where the tree parsed without
 * the extension has none of them in its text (nor in what the comment plugin will read
 * again), parsing with the extension gives the very same tree. A test compares the two
 * on every manuscript of the tests.
 */
import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Plugin } from 'unified';
import { CONTINUE, EXIT, SKIP, visit } from 'unist-util-visit';

export interface GfmSyntaxOptions {
  /** Read literal autolinks (default); `false` through `parseSkippingLiteralAutolinks` only. */
  literalAutolinks?: boolean | undefined;
}

/** What every literal autolink is made of, in a text node. */
const autolinkMaterial = /@|www|http/i;
/** The same in source text, where a character reference or an escape could make it. */
const sourceMaterial = /[@&\\]|www|http/i;

/**
 * Where a manuscript names addresses that are not literal autolinks: the front matter
 * (YAML), links and images `[…](…)`, `<…>` autolinks, definitions, code and comments. Only a
 * guess of what the parser reads so: the tree has the last word.
 */
const frontMatter = /^---[ \t]*\n[\s\S]*?\n---[ \t]*(?=\n|$)/;
const targets = /!?\[[^[\]\n]*\]\([^()\s]*\)|<[^<>\s]*>|^ {0,3}\[[^\]\n]+\]:.*$|`[^`\n]*`|<!--[\s\S]*?-->/gm;
const comments = /<!--[\s\S]*?-->/g;

/**
 * Parse a text with the literal autolinks only if it needs them.
 *
 * @param text the whole manuscript.
 * @param parse parses `text` with or without the extension (a processor made for it, and its tree).
 * @returns what `parse(true)` returns, or what `parse(false)` returns when that is the same tree.
 */
export function parseSkippingLiteralAutolinks<T extends { tree: Root }>(
  text: string,
  parse: (literalAutolinks: boolean) => T,
): T {
  // Addresses in the running text: the extension is needed; skip the try without it.
  if (sourceMaterial.test(text.replace(frontMatter, '').replace(targets, ''))) return parse(true);
  const parsed = parse(false);
  return holdsAutolinkMaterial(parsed.tree) ? parse(true) : parsed;
}

/**
 * Whether a tree parsed without literal autolinks has text they could be made of: in
 * a text node (values are decoded) outside links, or in an HTML node other than its
 * comments, which the comment plugin reads again as Markdown. Inside a link there is
 * none: micromark reads no literal autolink in an open link's text, and remark-gfm
 * looks for none in a link.
 */
function holdsAutolinkMaterial(tree: Root): boolean {
  let found = false;
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'linkReference') return SKIP;
    if (node.type === 'text' && autolinkMaterial.test(node.value)) found = true;
    if (node.type === 'html' && sourceMaterial.test(node.value.replace(comments, ''))) found = true;
    return found ? EXIT : CONTINUE;
  });
  return found;
}

/** Add the GitHub extensions to the processor's parser. */
export const remarkGfmSyntax: Plugin<[GfmSyntaxOptions?], Root> = function (options = {}) {
  const data = this.data();
  const literalAutolinks = options.literalAutolinks !== false;
  (data.micromarkExtensions ??= []).push(
    ...(literalAutolinks ? [gfmAutolinkLiteral()] : []),
    gfmFootnote(),
    gfmStrikethrough(),
    gfmTable(),
    gfmTaskListItem(),
  );
  (data.fromMarkdownExtensions ??= []).push(
    ...(literalAutolinks ? [gfmAutolinkLiteralFromMarkdown()] : []),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
};
