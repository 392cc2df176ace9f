/**
 * The checks of a target's inline codes: it holds exactly its source's codes, and each
 * code carries Markdown the manuscript has, with no link or image to where an edition
 * may not point.
 */
import type { VFile } from 'vfile';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import type { Segment } from '../manuscript/types.js';
import { isAllowedUrl } from '../manuscript/url-scheme.js';
import { isManuscriptCharacter } from './xliff-elements.js';
import { quote, report } from './xliff-import-rules.js';
import { codesOf, isPhraseCode, readBlock } from './xliff-inline.js';
import type { CodePiece, Piece } from './xliff-inline.js';
import type { Point } from './xml-read.js';

/** Where a target's codes are in the file. */
export interface CodePlaces {
  /** Where each code of the source and the target is. */
  codePlaces: ReadonlyMap<CodePiece, Point>;
  /** The target's place, for a problem of no one code. */
  targetPlace: Point;
}

/**
 * The target must hold each code of the source once, as the same element; the order is
 * free. Phrases in another language are the exception: a target may leave one out or
 * add one of the manuscript's (`qa-markup` warns of a dropped one after the import).
 */
export function checkCodes(
  file: VFile,
  id: string,
  source: readonly Piece[],
  target: readonly Piece[],
  context: CodePlaces,
): void {
  const expected = new Map(codesOf(source).map((code) => [code.id, code]));
  const found = new Set<string>();
  const tag = (code: CodePiece) => `\`<${code.type} id="${code.id}">\``;
  for (const code of codesOf(target)) {
    const place = context.codePlaces.get(code) ?? context.targetPlace;
    const counterpart = expected.get(code.id);
    if (!counterpart && isPhraseCode(code) && !found.has(code.id)) {
      found.add(code.id);
      continue;
    }
    if (!counterpart) {
      const ids = [...expected.keys()];
      report(
        file,
        'xliff-code-mismatch',
        `Unexpected code ${tag(code)} in the target of \`${id}\`, expected only the codes of its source${ids.length > 0 ? ` (${ids.join(', ')})` : ' (none)'}`,
        place,
      );
    } else if (found.has(code.id)) {
      report(
        file,
        'xliff-code-mismatch',
        `Unexpected second ${tag(code)} in the target of \`${id}\`, expected each code of the source once`,
        place,
      );
    } else if (counterpart.type !== code.type) {
      report(
        file,
        'xliff-code-mismatch',
        `Unexpected ${tag(code)} in the target of \`${id}\`, expected ${tag(counterpart)} as in the source`,
        place,
      );
    }
    found.add(code.id);
  }
  for (const code of expected.values()) {
    if (found.has(code.id) || isPhraseCode(code)) continue;
    const markdown = code.type === 'ph' ? code.data : `${code.start}…${code.end}`;
    report(
      file,
      'xliff-code-mismatch',
      `Missing code ${tag(code)} (${quote(markdown)}) in the target of \`${id}\`, expected each code of the source once`,
      context.targetPlace,
    );
  }
}

/**
 * The import changes text, not Markdown: every code of a target must carry Markdown
 * that the segment's blocks in the manuscript have (its source's, or its translation's),
 * so that a `<data>` edited in the file cannot swap a link's URL, and every link and
 * image must point where an edition may point (`isAllowedUrl`; an image also at a file
 * of the issue).
 */
export function checkTargetMarkup(
  file: VFile,
  unit: CodePlaces & { segment: Segment },
  target: readonly Piece[],
  issue: ValidatedIssue,
  lang: Lang,
): void {
  const { segment } = unit;
  const known = { ph: new Set<string>(), start: new Set<string>(), end: new Set<string>() };
  for (const block of [segment.blocks[issue.languages[0] ?? ''], segment.blocks[lang]]) {
    if (!block) continue;
    for (const code of codesOf(readBlock(block))) {
      if (code.type === 'ph') known.ph.add(squeeze(code.data));
      else {
        known.start.add(squeeze(code.start));
        known.end.add(squeeze(code.end));
      }
    }
  }
  for (const code of codesOf(target)) {
    const place = unit.codePlaces.get(code) ?? unit.targetPlace;
    const tag = `\`<${code.type} id="${code.id}">\``;
    const link = destinationOf(code);
    if (link && !isSafeDestination(link.url, link.image)) {
      report(
        file,
        'xliff-unsafe-url',
        `Unexpected ${link.image ? 'image source' : 'link target'} ${quote(link.url)} of ${tag} in the target of \`#${segment.id}\`, expected an http, https or mailto URL or a #anchor${link.image ? ', or a file of the issue' : ''}`,
        place,
      );
      continue;
    }
    const markdown = code.type === 'ph' ? [code.data] : [code.start, code.end];
    const same =
      code.type === 'ph'
        ? known.ph.has(squeeze(code.data))
        : known.start.has(squeeze(code.start)) && known.end.has(squeeze(code.end));
    if (same) continue;
    report(
      file,
      'xliff-changed-data',
      `Unexpected Markdown ${quote(markdown.join('…'))} for ${tag} in the target of \`#${segment.id}\`, expected the Markdown of a code of the manuscript's blocks: the import changes text, not links or markup (change those in the manuscript)`,
      place,
    );
  }
}

/** The destination of a link or image code, as written: `](url "title")` of a pair, `<url>` of an autolink. */
function destinationOf(code: CodePiece): { url: string; image: boolean } | undefined {
  if (code.type === 'ph') {
    // CommonMark's autolinks: `<scheme:…>`, or `<name@example.org>` (a mailto: link); `<br>` is HTML.
    const inner = /^<([^<>\s]*)>$/.exec(code.data.trim())?.[1];
    if (inner === undefined) return undefined;
    if (/^[A-Za-z][A-Za-z0-9+.-]{1,31}:/.test(inner)) return { url: inner, image: false };
    return /^[^\s@<>\\]+@[A-Za-z0-9.-]+$/.test(inner) ? { url: `mailto:${inner}`, image: false } : undefined;
  }
  if (!code.end.startsWith('](')) return undefined;
  const rest = code.end.slice(2).replace(/^[ \t]*\n?[ \t]*/, '');
  if (rest.startsWith('<')) return { url: /^<([^<>\n]*)>/.exec(rest)?.[1] ?? rest, image: code.start.startsWith('!') };
  let depth = 0;
  let end = 0;
  for (; end < rest.length; end++) {
    const char = rest[end] ?? '';
    if (char === '\\') end++;
    else if (char === '(') depth++;
    else if (char === ')' && depth-- === 0) break;
    else if (/\s/.test(char) || char < ' ') break;
  }
  return { url: rest.slice(0, end), image: code.start.startsWith('!') };
}

/**
 * Whether Markdown's destination `url` (before Markdown decodes its `&…;` and `\`
 * escapes) is one an edition may carry. The part before the first `/`, `?` or `#`
 * must have no `&` or `\`: `javascript&#58;…` decodes into a scheme. Checked on the
 * text as written rather than parsed, so that no second Markdown parser is needed; the
 * re-read of the written manuscript applies the reader's own rule too.
 */
function isSafeDestination(url: string, image: boolean): boolean {
  const head = /^[^/?#]*/.exec(url)?.[0] ?? '';
  if (/[&\\]/.test(head)) return false;
  if (isAllowedUrl(url)) return true;
  // An image may also be a file of the issue: a relative path without a scheme.
  return (
    image &&
    url !== '' &&
    !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) &&
    !/^[/\\]/.test(url) &&
    Array.from(url).every((char) => char >= ' ' && isManuscriptCharacter(char))
  );
}

function squeeze(markdown: string): string {
  return markdown.replace(/\s+/g, ' ').trim();
}
