/** What the HTML pages of a build share: serialization and the URLs of the media. */
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

/** Serialize a hast tree as HTML5. */
export function stringifyHtml(tree: Root): string {
  return unified().use(rehypeStringify, { allowDangerousCharacters: false }).stringify(tree) + '\n';
}

/** Image URLs of the manuscript (`assets/x.svg`) as seen from a page `depth` folders below `html/`. */
export function mediaUrl(url: string, depth: number): string {
  if (!url.startsWith('assets/')) return url;
  return `${'../'.repeat(depth)}media/${url.slice('assets/'.length)}`;
}

