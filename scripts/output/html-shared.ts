/** What the HTML files of a build and a release share: serialization. */
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

/** Serialize a hast tree as HTML5. */
export function stringifyHtml(tree: Root): string {
  return unified().use(rehypeStringify, { allowDangerousCharacters: false }).stringify(tree) + '\n';
}
