/**
 * The text of a language block as a reader sees it, for the translation QA checks:
 * markup removed, every character traced back to its offset in the manuscript, and the
 * checks that read that text (end punctuation, unbalanced brackets and quotes, doubled
 * spaces).
 */
import type { Nodes, RootContent } from 'mdast';

/** What a footnote reference reads as: not white space, not a letter, digit or mark. */
export const referenceMark = '\uFFFC';

/** One paragraph, heading or table cell: its inline text with markup removed. */
export interface TextRun {
  /**
   * The text: inline content without markup, image alt texts included; a footnote
   * reference reads as `referenceMark`, a hard line break as `\n`.
   */
  text: string;
  /** The manuscript offset of each UTF-16 unit of `text`. */
  offsets: number[];
  /** Whether each unit of `text` comes from inline code. */
  code: boolean[];
}

/** Block nodes whose content is one run of inline text. */
const leafBlocks = new Set<Nodes['type']>(['paragraph', 'heading', 'tableCell']);

/**
 * The runs of `nodes` in reading order: one per paragraph, heading and table cell, at
 * any depth (list items, quotes, footnote definitions). Code blocks are not text.
 *
 * @param source the whole manuscript, to trace characters back to their offsets.
 */
export function textRuns(nodes: readonly RootContent[], source: string): TextRun[] {
  const runs: TextRun[] = [];
  const walk = (node: Nodes): void => {
    if (leafBlocks.has(node.type) && 'children' in node) {
      const run: TextRun = { text: '', offsets: [], code: [] };
      for (const child of node.children) appendInline(run, child, source);
      runs.push(markLiteralReferences(run, source));
    } else if ('children' in node) {
      for (const child of node.children) walk(child);
    }
  };
  for (const node of nodes) walk(node);
  return runs;
}

/**
 * A reference to a label defined nowhere stays text (`[^ghost]`, reported by the
 * footnote rules); it is still a reference, not words or numbers. An escaped `\[^x]`
 * is text.
 */
function markLiteralReferences(run: TextRun, source: string): TextRun {
  if (!run.text.includes('[^')) return run;
  let text = run.text;
  for (const match of run.text.matchAll(/\[\^[^\]\s]+\]/g)) {
    const offset = run.offsets[match.index] ?? 0;
    if (run.code[match.index] || source[offset - 1] === '\\') continue;
    text = text.slice(0, match.index) + referenceMark.repeat(match[0].length) + text.slice(match.index + match[0].length);
  }
  return { ...run, text };
}

/** The runs as one, separated by line breaks: a whole block's text. */
export function joinRuns(runs: readonly TextRun[]): TextRun {
  const joined: TextRun = { text: '', offsets: [], code: [] };
  runs.forEach((run, index) => {
    if (index > 0) push(joined, '\n', run.offsets[0] ?? 0, false);
    joined.text += run.text;
    // `concat`, not `push(...)`: a long paragraph would overflow the argument list.
    joined.offsets = joined.offsets.concat(run.offsets);
    joined.code = joined.code.concat(run.code);
  });
  return joined;
}

/** The text of `runs` with white space collapsed and footnote references left out. */
export function plainText(runs: readonly TextRun[]): string {
  return runs
    .map((run) => run.text.replaceAll(referenceMark, ' '))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function appendInline(run: TextRun, node: Nodes, source: string): void {
  switch (node.type) {
    case 'text':
      appendTraced(run, node.value, node, source, false);
      return;
    case 'inlineCode':
      appendTraced(run, node.value, node, source, true);
      return;
    case 'image':
    case 'imageReference':
      appendTraced(run, node.alt ?? '', node, source, false);
      return;
    case 'break':
      push(run, '\n', node.position?.start.offset ?? 0, false);
      return;
    case 'footnoteReference':
      push(run, referenceMark, node.position?.start.offset ?? 0, false);
      return;
    case 'html':
      return;
    default:
      if ('children' in node) for (const child of node.children) appendInline(run, child, source);
  }
}

/**
 * Append `value`, tracing each character to the manuscript: the node's source is
 * walked alongside the value, skipping what parsing removed (escapes, entities, the
 * indentation of continuation lines, the backticks and brackets of the syntax).
 */
function appendTraced(run: TextRun, value: string, node: Nodes, source: string, code: boolean): void {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const raw = source.slice(start, end);
  let cursor = 0;
  for (const unit of value) {
    // `for…of` walks code points; keep offsets per UTF-16 unit, as string indices are.
    const found = indexNear(raw, unit, cursor);
    const offset = found >= 0 ? start + found : start + Math.min(cursor, raw.length);
    if (found >= 0) cursor = found + unit.length;
    for (let index = 0; index < unit.length; index++) push(run, unit[index] ?? '', offset + index, code);
  }
}

function push(run: TextRun, unit: string, offset: number, code: boolean): void {
  run.text += unit;
  run.offsets.push(offset);
  run.code.push(code);
}

/** The end of a text: a sentence mark, an ellipsis or nothing. */
export type EndMark = '.' | '?' | '!' | ':' | '…' | 'none';

/** Closing quotation marks and brackets, which may follow the end mark or precede it. */
const closers = /[\s)\]”“’‘»«›‹"'\uFFFC]+$/u;

/**
 * How `text` ends, looking through closing quotation marks, brackets and footnote
 * references: `“model ally.”`, `„modellszövetséges”.` and `(see below.)` all end with
 * `.`. Three dots count as `…`.
 *
 * @returns the mark and the index of its last character (of the last character of the
 *   text when there is no mark; -1 for an empty text).
 */
export function endMark(text: string): { mark: EndMark; index: number } {
  const trimmed = text.replace(closers, '');
  const index = trimmed.length - 1;
  if (trimmed.endsWith('...') || trimmed.endsWith('…')) return { mark: '…', index };
  const last = trimmed.at(-1);
  if (last === '.' || last === '?' || last === '!' || last === ':') return { mark: last, index };
  return { mark: 'none', index: index >= 0 ? index : text.replace(/\s+$/, '').length - 1 };
}

/** A bracket or quotation mark without its partner. */
export interface UnbalancedMark {
  /** The mark as written. */
  mark: string;
  /** The mark that would balance it. */
  partner: string;
  /** A language-neutral key: what kind of pair, and which side is alone. */
  key: string;
  /** Where the mark is in the text. */
  index: number;
}

const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);

/**
 * The brackets `( ) [ ]` and the quotation marks `“ ” „ ‘ ’ ‚ » «` of `text` that have
 * no partner, and straight `"` when their number is odd. Characters from inline code are
 * not read (`code[index]`).
 *
 * - `“` and `„` open a double quotation, `”` closes it (`„…“`, the German order, is
 *   accepted as a pair too);
 * - `‘` and `‚` open a single quotation; `’` closes one when one is open, and is an
 *   apostrophe otherwise or between letters (`Korea’s`, `allies’`);
 * - guillemets pair in whichever direction the first one opens (`«…»`, or `»…«` as
 *   Hungarian writes quotations inside quotations);
 * - a `)` after at most three letters or digits at the start of a line or a word, with
 *   no `(` open, is an enumerator (`a)`, `2)`, `iv)`), not a bracket.
 */
export function unbalancedMarks(text: string, code: readonly boolean[] = []): UnbalancedMark[] {
  const found: UnbalancedMark[] = [];
  const stacks = new Map<string, number[]>();
  const stack = (family: string) => {
    let value = stacks.get(family);
    if (!value) stacks.set(family, (value = []));
    return value;
  };
  let guillemetOpener: string | undefined;
  const straight: number[] = [];

  for (let index = 0; index < text.length; index++) {
    if (code[index]) continue;
    const char = text[index] ?? '';
    switch (char) {
      case '(':
      case '[':
        stack(char).push(index);
        break;
      case ')':
      case ']': {
        const opener = char === ')' ? '(' : '[';
        if (stack(opener).pop() !== undefined) break;
        if (char === ')' && /(?:^|[\s(])[\p{L}\p{N}]{1,3}$/u.test(text.slice(Math.max(0, index - 4), index))) break;
        found.push({ mark: char, partner: opener, key: `${opener}${char}:close`, index });
        break;
      }
      case '„':
        stack('double').push(index);
        break;
      case '“': {
        // `„…“`: the German closing mark after a low opening one.
        const open = stack('double');
        const top = open.at(-1);
        if (top !== undefined && text[top] === '„') open.pop();
        else open.push(index);
        break;
      }
      case '”':
        if (stack('double').pop() === undefined) found.push({ mark: char, partner: '“', key: 'double:close', index });
        break;
      case '‘':
      case '‚':
        if (isLetter(text[index - 1]) && isLetter(text[index + 1])) break;
        if (char === '‘' && /\d/.test(text[index + 1] ?? '')) break; // ‘90s
        stack('single').push(index);
        break;
      case '’':
        if (isLetter(text[index - 1]) && isLetter(text[index + 1])) break;
        stack('single').pop();
        break;
      case '«':
      case '»':
        guillemetOpener ??= char;
        if (char === guillemetOpener) stack('guillemet').push(index);
        else if (stack('guillemet').pop() === undefined)
          found.push({ mark: char, partner: guillemetOpener, key: 'guillemet:close', index });
        break;
      case '"':
        straight.push(index);
        break;
    }
  }

  const partners: Record<string, string> = { '(': ')', '[': ']', '„': '”', '“': '”', '‘': '’', '‚': '’' };
  for (const [family, open] of stacks) {
    for (const index of open) {
      const mark = text[index] ?? '';
      const partner = family === 'guillemet' ? (mark === '«' ? '»' : '«') : (partners[mark] ?? '');
      const key = family === '(' ? '():open' : family === '[' ? '[]:open' : `${family}:open`;
      found.push({ mark, partner, key, index });
    }
  }
  const lastStraight = straight.at(-1);
  if (straight.length % 2 === 1 && lastStraight !== undefined) {
    found.push({ mark: '"', partner: '"', key: 'straight:odd', index: lastStraight });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Where `text` has two or more spaces in a row between visible characters of one line
 * (so neither indentation nor trailing spaces), outside inline code.
 */
export function doubledSpaces(text: string, code: readonly boolean[] = []): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(/(?<=[^\s\uFFFC])[ \u00A0\u202F]{2,}(?=[^\s\uFFFC])/gu)) {
    if (!code[match.index]) found.push(match.index);
  }
  return found;
}

/**
 * Where `unit` is in `raw` at or soon after `from` (within the longest syntax parsing
 * removes: an entity, an escape, a line's indentation), or -1. Bounded, so a character
 * that is not in the source (a decoded entity) costs little, not a scan to the end.
 */
function indexNear(raw: string, unit: string, from: number): number {
  const limit = Math.min(raw.length, from + 64 + unit.length);
  for (let index = from; index + unit.length <= limit; index++) {
    if (raw.startsWith(unit, index)) return index;
  }
  return -1;
}
