/**
 * The text of a new manuscript: its front matter, then each segment as one block of
 * the source language, a blank line between blocks; and the line each block opens on,
 * for the messages that point at it.
 */
import type { Lang } from '../manuscript/schema.js';
import type { ImportedSegment } from './segments.js';

/**
 * @param frontMatter the front matter with its `---` lines.
 * @returns the text, and the line of each segment's opening fence by id.
 */
export function manuscriptText(
  frontMatter: string,
  segments: readonly ImportedSegment[],
  lang: Lang,
): { text: string; lines: Map<string, number> } {
  const parts = [frontMatter];
  const lines = new Map<string, number>();
  let line = frontMatter.split('\n').length + 1;
  for (const segment of segments) {
    const block = `:::${lang}{#${segment.id}}\n${segment.markdown}\n:::\n`;
    lines.set(segment.id, line);
    parts.push(block);
    line += block.split('\n').length;
  }
  return { text: parts.join('\n'), lines };
}
