/**
 * The manuscript with an import's edits: a translation block rewritten between its
 * fences (or only its opening fence, for a new `src`), or a new block after the last
 * block of a language before it. Every other byte stays as on disk.
 */
import { rewriteLines, withoutSrc, withSrc } from '../manuscript/fence.js';
import type { Line, LineRewrite } from '../manuscript/fence.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import type { Edit } from './xliff-import-plan.js';

/** Lines of the new manuscript (1-based, both included). */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * The manuscript with the edits: `raw` as on disk (byte order mark and line endings
 * kept), changed only in the lines meant.
 *
 * @returns the text and, per edit, the lines its block has in it.
 */
export function applyEdits(
  raw: string,
  issue: ValidatedIssue,
  lang: Lang,
  edits: readonly Edit[],
): { text: string; ranges: LineRange[] } {
  const ranges: LineRange[] = [];
  const rewrites = new Map<number, LineRewrite>();
  const content = (markdown: string, newline: string): Line[] =>
    markdown.split('\n').map((text) => ({ text, end: newline }));
  edits.forEach((edit, index) => {
    const { segment } = edit.unit;
    const { markdown, change } = edit;
    const block = segment.blocks[lang];
    if (block) {
      // The block rewritten from its fence: the fence gets its `src`, the lines up to
      // the closing fence the new Markdown.
      const fence = block.node.position?.start.line ?? 1;
      const close = block.node.position?.end.line ?? 1;
      rewrites.set(fence, (line, { newline, at }) => {
        const src = change.src;
        const opening = { text: src === undefined ? withoutSrc(line.text) : withSrc(line.text, src), end: line.end };
        if (markdown === undefined) {
          ranges[index] = { start: at, end: at };
          return [opening];
        }
        const lines = content(markdown, newline);
        ranges[index] = { start: at, end: at + 1 + lines.length };
        return [opening, ...lines];
      });
      if (markdown !== undefined) for (let line = fence + 1; line < close; line++) rewrites.set(line, () => []);
      return;
    }
    // A new block after the last block of a language that comes before this one.
    const before = issue.languages
      .slice(0, issue.languages.indexOf(lang))
      .flatMap((other) => segment.blocks[other] ?? [])
      .pop();
    rewrites.set(before?.node.position?.end.line ?? 1, (line, { newline, at }) => {
      const attributes = [`#${segment.id}`, ...segment.classes.map((name) => `.${name}`)];
      if (change.src !== undefined) attributes.push(`src=${change.src}`);
      const lines = content(markdown ?? '', newline);
      // The new fence is two lines after the source block's closing fence.
      ranges[index] = { start: at + 2, end: at + 3 + lines.length };
      return [
        { text: line.text, end: line.end === '' ? newline : line.end },
        { text: '', end: newline },
        { text: `:::${lang}{${attributes.join(' ')}}`, end: newline },
        ...lines,
        { text: ':::', end: line.end },
      ];
    });
  });
  return { text: rewriteLines(raw, rewrites), ranges };
}
