/**
 * How well a PDF edition's lines are broken, measured on the PDF itself: the words and
 * their boxes that `pdftotext -bbox-layout` reads from each page. One count per target
 * of the printed editions (`docs/pdf.md`, "Line breaking"):
 *
 * - runs of more than two consecutive hyphenated lines;
 * - a paragraph's single line alone at the top (widow) or at the foot (orphan) of a page;
 * - loose lines: a justified line whose word space is over twice the edition's median;
 * - lines ending in a one-letter word (Hungarian);
 * - hyphenation breaks leaving fewer letters on the next line than the language allows
 *   (3 in English, 2 in Hungarian);
 * - Korean given names split at their hyphen ("Jae-" | "myung").
 *
 * `npm run lines -- <file.pdf>… [--lang en|hu] [--json]` prints the counts with every
 * place; the tests import `measureLineBreaking`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);

/** A word of a page, as pdftotext reads it. */
export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** A line of a page: its words, left to right. */
export interface Line {
  page: number;
  words: Word[];
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** One place a target is missed: the page and the line's text. */
export interface Finding {
  page: number;
  text: string;
  /** What was measured there (a run's length, a line's word space in points…). */
  value?: number;
}

/** Every target's findings for one PDF. */
export interface LineBreakingReport {
  file: string;
  lang: string;
  pages: number;
  /** Lines of the running text measured (body text and notes). */
  lines: number;
  /** The median word space of the edition's body text, in points. */
  medianSpace: number;
  hyphenRuns: Finding[];
  widows: Finding[];
  orphans: Finding[];
  looseLines: Finding[];
  oneLetterEnds: Finding[];
  shortTails: Finding[];
  koreanNameSplits: Finding[];
}

/** The names of the counted targets, in the order they are printed. */
export const targets = [
  'hyphenRuns',
  'widows',
  'orphans',
  'looseLines',
  'oneLetterEnds',
  'shortTails',
  'koreanNameSplits',
] as const;

/** The limits the counts are measured against. */
export const limits = {
  /** Consecutive hyphenated lines allowed. */
  hyphenRun: 2,
  /** A line's word space over this many times the edition's median is loose. */
  looseSpace: 2,
  /** Letters after a hyphenation break, per language. */
  tail: { en: 3, hu: 2 } as Record<string, number>,
};

// Body text is 10.5 pt Source Serif: pdftotext gives its words boxes 14.4 pt high;
// notes (8 pt) are 11 pt high, the running header (8.5 pt sans) 12.1 pt.
const bodyHeight = [14.2, 14.6];
const noteHeight = [10.8, 11.2];
// The content area of an A4 page with margins of 24 mm above and below.
const contentTop = 66;
const contentBottom = 776;
/** Less than this between two words is no space (a note's call after its word, a change of font). */
const minimumSpace = 0.5;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The lines of each page of `pdftotext -bbox-layout` output, in reading order. */
export function parseBoxes(xhtml: string): Line[][] {
  const pages: Line[][] = [];
  const number = (text: string, name: string): number => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(text)?.[1]);
  for (const [pageIndex, page] of xhtml
    .split(/<page /)
    .slice(1)
    .entries()) {
    const lines: Line[] = [];
    for (const match of page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...(match[2] ?? '').matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((word) => ({
        text: (word[2] ?? '').replace(/&(\w+);/g, (all, name: string) => entities[name] ?? all),
        xMin: number(word[1] ?? '', 'xMin'),
        yMin: number(word[1] ?? '', 'yMin'),
        xMax: number(word[1] ?? '', 'xMax'),
        yMax: number(word[1] ?? '', 'yMax'),
      }));
      const head = match[1] ?? '';
      lines.push({
        page: pageIndex + 1,
        words,
        xMin: number(head, 'xMin'),
        yMin: number(head, 'yMin'),
        xMax: number(head, 'xMax'),
        yMax: number(head, 'yMax'),
      });
    }
    pages.push(lines);
  }
  return pages;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The height most of a line's words have: its type size. */
function wordHeight(line: Line): number {
  // A note's call (a superscript number) is smaller than the words it follows.
  const words = line.words.filter((word) => !/^\d+$/.test(word.text));
  return median((words.length > 0 ? words : line.words).map((word) => word.yMax - word.yMin));
}

const within = (value: number, [low, high]: number[]): boolean => value >= (low ?? 0) && value <= (high ?? 0);

function textOf(line: Line): string {
  return line.words.map((word) => word.text).join(' ');
}

/** The spaces between a line's words, in points (gaps too small to be a space left out). */
function spacesOf(line: Line): number[] {
  return line.words
    .slice(1)
    .map((word, index) => word.xMin - (line.words[index]?.xMax ?? word.xMin))
    .filter((gap) => gap > minimumSpace);
}

const lastWord = (line: Line): string => line.words[line.words.length - 1]?.text ?? '';
const firstWord = (line: Line): string => line.words[0]?.text ?? '';
/** A line that ends at a hyphen: one the reader sees (soft or real), not a dash. */
const hyphenated = (line: Line): boolean => /\p{L}[\u00ad]?[-\u2010\u2011]$|\u00ad$/u.test(lastWord(line));
/** A line that ends at a hyphenation point (a soft hyphen), not at a word's own hyphen. */
const softBreak = (line: Line): boolean => /\u00ad-?$/u.test(lastWord(line));

/** A paragraph's lines on one page, as the vertical spacing shows them. */
interface Group {
  page: number;
  lines: Line[];
}

/**
 * Measure a PDF's line breaking.
 *
 * @param file the PDF.
 * @param lang its language (`en`, `hu`): the tail after a break it allows, and whether
 *   one-letter words at a line's end count.
 */
export async function measureLineBreaking(file: string, lang: string): Promise<LineBreakingReport> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return reportOf(parseBoxes(stdout), file, lang);
}

/** The report of the lines of a PDF's pages (see `measureLineBreaking`). */
export function reportOf(pages: Line[][], file: string, lang: string): LineBreakingReport {
  const inContent = (line: Line): boolean => line.yMin >= contentTop && line.yMax <= contentBottom;
  const body = pages.map((lines) =>
    lines.filter((line) => inContent(line) && within(wordHeight(line), bodyHeight)).sort((a, b) => a.yMin - b.yMin),
  );
  const notes = pages.map((lines) =>
    lines.filter((line) => inContent(line) && within(wordHeight(line), noteHeight)).sort((a, b) => a.yMin - b.yMin),
  );
  const content = pages.map((lines) => lines.filter(inContent).sort((a, b) => a.yMin - b.yMin));

  // Paragraphs: body lines one line pitch apart and starting at the same left edge;
  // a wider gap (the space between paragraphs, a heading, a figure) starts another.
  const pitch = median(
    body.flatMap((lines) => lines.slice(1).map((line, index) => line.yMin - (lines[index]?.yMin ?? 0))),
  );
  const groups: Group[] = body.flatMap((lines, index) => {
    const found: Group[] = [];
    for (const line of lines) {
      const group = found[found.length - 1];
      const previous = group?.lines[group.lines.length - 1];
      const between = content[index]?.filter(
        (other) => previous && other.yMin > previous.yMin && other.yMin < line.yMin,
      );
      if (
        group &&
        previous &&
        line.yMin - previous.yMin < pitch * 1.15 &&
        Math.abs(line.xMin - (group.lines[0]?.xMin ?? line.xMin)) < 2 &&
        between?.length === 0
      )
        group.lines.push(line);
      else found.push({ page: index + 1, lines: [line] });
    }
    return found;
  });
  const rightOf = (group: Group): number =>
    Math.max(
      ...groups
        .filter((other) => Math.abs((other.lines[0]?.xMin ?? 0) - (group.lines[0]?.xMin ?? 0)) < 2)
        .flatMap((other) => other.lines.map((line) => line.xMax)),
    );
  /** A line that reaches its paragraph's right edge: justified, so its paragraph goes on. */
  const full = (line: Line, group: Group): boolean => line.xMax >= rightOf(group) - 1 || hyphenated(line);
  const lastOf = (group: Group): Line | undefined => group.lines[group.lines.length - 1];
  const firstGroup = (page: number): Group | undefined => groups.find((group) => group.page === page);
  const lastGroup = (page: number): Group | undefined => groups.filter((group) => group.page === page).pop();
  /** Whether a group opens its page's content (nothing above it but the running header). */
  const opensPage = (group: Group): boolean => content[group.page - 1]?.[0] === group.lines[0];
  /** Whether a group is the last of its page's text (notes may follow). */
  const endsPage = (group: Group): boolean => {
    const last = lastOf(group);
    return !content[group.page - 1]?.some(
      (line) => last && line.yMin > last.yMin && !within(wordHeight(line), noteHeight) && !/^\d+$/.test(textOf(line)),
    );
  };
  const continues = (group: Group | undefined): boolean => {
    const last = group && lastOf(group);
    return group !== undefined && last !== undefined && endsPage(group) && full(last, group);
  };

  const widows: Finding[] = [];
  const orphans: Finding[] = [];
  for (let page = 1; page <= pages.length; page++) {
    const first = firstGroup(page);
    if (first && first.lines.length === 1 && opensPage(first) && continues(lastGroup(page - 1))) {
      widows.push({ page, text: textOf(first.lines[0] as Line) });
    }
    const last = lastGroup(page);
    const startsHere = last !== undefined && !(last === first && opensPage(last) && continues(lastGroup(page - 1)));
    const nextFirst = firstGroup(page + 1);
    if (last && last.lines.length === 1 && startsHere && continues(last) && nextFirst && opensPage(nextFirst)) {
      orphans.push({ page, text: textOf(last.lines[0] as Line) });
    }
  }

  // Word spaces: the median over the edition's body text; a justified line (every line
  // of a paragraph but its last, which is set at its natural spacing) is loose when its
  // space is over the limit. A line is measured by the median of its spaces, which
  // a justified line has all alike.
  const medianSpace = median(body.flat().flatMap(spacesOf));
  const looseLines: Finding[] = [];
  for (const group of groups) {
    for (const line of group.lines) {
      const paragraphEnd = line === lastOf(group) && !continues(group);
      const spaces = spacesOf(line);
      const space = median(spaces);
      if (!paragraphEnd && spaces.length > 0 && space > limits.looseSpace * medianSpace) {
        looseLines.push({ page: line.page, text: textOf(line), value: Number((space / medianSpace).toFixed(2)) });
      }
    }
  }

  // Runs of hyphenated lines and the next line's first letters, in the body's and the
  // notes' order each (a paragraph's last line never ends hyphenated, so runs stay in one).
  const hyphenRuns: Finding[] = [];
  const shortTails: Finding[] = [];
  const koreanNameSplits: Finding[] = [];
  const minimumTail = limits.tail[lang] ?? 2;
  for (const sequence of [body.flat(), notes.flat()]) {
    let runLength = 0;
    sequence.forEach((line, index) => {
      runLength = hyphenated(line) ? runLength + 1 : 0;
      const next = sequence[index + 1];
      if (runLength > 0 && !(next && hyphenated(next)) && runLength > limits.hyphenRun) {
        hyphenRuns.push({
          page: line.page,
          text: lastWords(sequence.slice(index + 1 - runLength, index + 1)),
          value: runLength,
        });
      }
      if (!next) return;
      const tail = /^\p{L}*/u.exec(firstWord(next).replace(/\u00ad/g, ''))?.[0] ?? '';
      if (softBreak(line) && tail.length < minimumTail) {
        shortTails.push({ page: next.page, text: `${lastWord(line)}${firstWord(next)}`, value: tail.length });
      }
      // A romanised Korean given name: a capitalised syllable and its hyphen at the
      // line's end ("Jae-"), one short syllable in lower case next ("myung").
      if (/^\p{Lu}\p{Ll}{1,4}-$/u.test(lastWord(line)) && /^\p{Ll}{1,5}(?!\p{L})/u.test(firstWord(next))) {
        const before = line.words[line.words.length - 2]?.text ?? '';
        koreanNameSplits.push({ page: line.page, text: `${before} ${lastWord(line)}${firstWord(next)}` });
      }
    });
  }

  // A one-letter word at a line's end (Hungarian "a", "s", "e"): every line of the text,
  // headings included.
  const oneLetterEnds: Finding[] =
    lang === 'hu'
      ? content
          .flat()
          .filter((line) => /^\p{L}$/u.test(lastWord(line)))
          .map((line) => ({ page: line.page, text: textOf(line) }))
      : [];

  return {
    file,
    lang,
    pages: pages.length,
    lines: body.flat().length + notes.flat().length,
    medianSpace: Number(medianSpace.toFixed(2)),
    hyphenRuns,
    widows,
    orphans,
    looseLines,
    oneLetterEnds,
    shortTails,
    koreanNameSplits,
  };
}

/** The last words of a run of lines, joined: where the hyphens fall. */
function lastWords(lines: readonly Line[]): string {
  return lines.map((line) => lastWord(line)).join(' / ');
}

/** The counts of a report, one line per target, then every finding. */
export function formatReport(report: LineBreakingReport): string {
  const out = [
    `${report.file} (${report.lang}): ${report.pages} pages, ${report.lines} lines, median word space ${report.medianSpace} pt`,
  ];
  for (const target of targets) {
    out.push(`  ${target}: ${report[target].length}`);
    for (const finding of report[target]) {
      out.push(
        `    p. ${finding.page}${finding.value === undefined ? '' : ` (${finding.value})`}: ${finding.text.replace(/\u00ad/g, '')}`,
      );
    }
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { lang: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) {
    process.stderr.write('Usage: npm run lines -- <file.pdf>… [--lang en|hu] [--json]\n');
    process.exit(2);
  }
  const reports: LineBreakingReport[] = [];
  for (const file of positionals) {
    // The language from the option, or else from the edition's file name (…-hu.pdf).
    const lang = values.lang ?? /-(\w+)\.pdf$/.exec(path.basename(file))?.[1] ?? 'en';
    reports.push(await measureLineBreaking(file, lang));
  }
  process.stdout.write(
    values.json ? `${JSON.stringify(reports, null, 2)}\n` : `${reports.map(formatReport).join('\n\n')}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
