/**
 * The parts of an imported document: the title block (the series line, the title
 * line with its authors and the note on them, the date), the body, the notes, and the
 * series' own editors page at the end, which is recognised and left out because
 * `series.yaml` holds it (its reviewers are kept: they belong to the issue).
 */
import type { FootnoteDefinition, Heading, RootContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Lang, Person } from '../manuscript/schema.js';
import type { ImportLabels } from './labels.js';
import { readNames } from './people.js';

/** What the document says about the issue, and its text. */
export interface DocumentParts {
  title: string | undefined;
  authors: Person[];
  /** The note on the title line (mammoth's note id), which is the authors' note. */
  authorNote: FootnoteDefinition | undefined;
  /** A publication date written in the title block, as YYYY-MM-DD. */
  date: string | undefined;
  /** The issue number of the series line (`2026/3`). */
  issue: string | undefined;
  reviewers: Person[];
  /** The text: headings (the highest made level 2), paragraphs, lists, tables, quotes, images. */
  body: RootContent[];
  /** The footnotes by mammoth's id. */
  notes: Map<string, FootnoteDefinition>;
  /** What was left out, in words (`the series' editors page`). */
  leftOut: string[];
}

/**
 * Split the document's tree into its parts.
 *
 * @param tree the document as `htmlToMdast` made it.
 * @param lang the document's language.
 * @param labels the words of the series and of the editions in that language.
 */
export function documentParts(tree: Root, lang: Lang, labels: ImportLabels): DocumentParts {
  const notes = new Map<string, FootnoteDefinition>();
  const blocks: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') notes.set(node.identifier, node);
    else blocks.push(node);
  }
  const parts: DocumentParts = {
    title: undefined,
    authors: [],
    authorNote: undefined,
    date: undefined,
    issue: undefined,
    reviewers: [],
    body: [],
    notes,
    leftOut: [],
  };
  const end = editorsPageStart(blocks, labels);
  if (end < blocks.length) {
    parts.reviewers = reviewersOf(blocks.slice(end), lang, labels);
    parts.leftOut.push('the series’ editors page (series.yaml holds it)');
  }
  const rest = titleBlock(blocks.slice(0, end), parts, lang, labels);
  parts.body = withSectionLevels(rest);
  return parts;
}

/** Read the title block at the start of `blocks` into `parts`; returns the blocks after it. */
function titleBlock(blocks: RootContent[], parts: DocumentParts, lang: Lang, labels: ImportLabels): RootContent[] {
  const levelOne = blocks.filter((node) => node.type === 'heading' && node.depth === 1);
  let index = 0;
  for (; index < blocks.length; index++) {
    const node = blocks[index];
    if (node === undefined) break;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    const series = seriesLine(text, labels);
    if (series !== undefined) {
      parts.issue ??= series.issue;
      if (!parts.leftOut.includes('the series line')) parts.leftOut.push('the series line');
      continue;
    }
    if (parts.title === undefined && node.type === 'heading' && (levelOne.length === 1 || index === 0)) {
      readTitle(node, parts, lang);
      continue;
    }
    const date = parts.date === undefined ? readDate(text, lang, labels) : undefined;
    if (date !== undefined) {
      parts.date = date;
      continue;
    }
    if (parts.title !== undefined && parts.authors.length === 0 && node.type === 'paragraph') {
      const authors = readNames(text.replace(labels.byline, ''), lang);
      if (authors) {
        parts.authors = authors;
        continue;
      }
    }
    break;
  }
  return blocks.slice(index);
}

/** The title line: "Authors: Title", or the title alone; a note on it is the authors' note. */
function readTitle(node: Heading, parts: DocumentParts, lang: Lang): void {
  const references = node.children.filter((child) => child.type === 'footnoteReference');
  const note = references[0] ? parts.notes.get(references[0].identifier) : undefined;
  const text = toString({ ...node, children: node.children.filter((child) => child.type !== 'footnoteReference') })
    .replace(/\s+/g, ' ')
    .trim();
  const colon = text.indexOf(': ');
  const authors = colon > 0 ? readNames(text.slice(0, colon), lang) : undefined;
  parts.title = authors ? text.slice(colon + 2).trim() : text;
  if (authors) parts.authors = authors;
  if (note) {
    parts.authorNote = note;
    for (const reference of references) parts.notes.delete(reference.identifier);
  }
}

/** "John Lukacs Analyses on Global Affairs 2026/3": the series' name, and the issue number after it. */
function seriesLine(text: string, labels: ImportLabels): { issue: string | undefined } | undefined {
  if (!text.startsWith(labels.seriesName)) return undefined;
  const rest = text.slice(labels.seriesName.length).trim();
  const issue = /^(?:\S+\s)?(\d{4}\/\d{1,2})\.?$/.exec(rest)?.[1];
  return rest === '' || issue !== undefined ? { issue } : undefined;
}

/** A date alone on its line, maybe after "Published": `9 April 2026`, `April 9, 2026`, `2026. április 9.`, `2026-04-09`. */
export function readDate(text: string, lang: Lang, labels: ImportLabels): string | undefined {
  const bare = text.replace(labels.published, '').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(bare);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const month = (name: string | undefined) =>
    labels.months.findIndex((known) => known.toLowerCase() === (name ?? '').toLowerCase()) + 1;
  const dayMonthYear = /^(\d{1,2})\.? (\p{L}+),? (\d{4})\.?$/u.exec(bare);
  if (dayMonthYear) return validDate(Number(dayMonthYear[3]), month(dayMonthYear[2]), Number(dayMonthYear[1]));
  const monthDayYear = /^(\p{L}+) (\d{1,2}),? (\d{4})$/u.exec(bare);
  if (monthDayYear) return validDate(Number(monthDayYear[3]), month(monthDayYear[1]), Number(monthDayYear[2]));
  const yearMonthDay = /^(\d{4})\. (\p{L}+) (\d{1,2})\.?$/u.exec(bare);
  if (yearMonthDay) return validDate(Number(yearMonthDay[1]), month(yearMonthDay[2]), Number(yearMonthDay[3]));
  void lang;
  return undefined;
}

function validDate(year: number, month: number, day: number): string | undefined {
  if (month < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * Where the series' editors page starts: a heading or paragraph that opens with the
 * series' name, in the last part of the document, after which the editors' label or
 * one of the series' editors is named. The document's length when there is none.
 */
function editorsPageStart(blocks: RootContent[], labels: ImportLabels): number {
  const texts = blocks.map((node) => toString(node).replace(/\s+/g, ' ').trim());
  for (let index = Math.floor(texts.length / 2); index < texts.length; index++) {
    const text = texts[index] ?? '';
    if (!text.startsWith(labels.seriesName) && !labels.editorsPageTitles.includes(text)) continue;
    const after = texts.slice(index + 1).join('\n');
    const namesEditors = after.includes(labels.editors) || labels.editorNames.some((name) => after.includes(name));
    if (namesEditors) return index;
  }
  return blocks.length;
}

/** The reviewers an editors page names after its "Professional Reviewer(s)" label. */
function reviewersOf(blocks: RootContent[], lang: Lang, labels: ImportLabels): Person[] {
  const lines = blocks.flatMap((node) =>
    toString(node)
      .split(/\n/)
      .map((line) => line.trim()),
  );
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const label = labels.reviewers.find((known) => line.startsWith(known));
    if (label === undefined) continue;
    const after = line.slice(label.length).replace(/^:\s*/, '').trim();
    const names = readNames(after || (lines[index + 1] ?? ''), lang);
    if (names) return names;
  }
  return [];
}

/** Headings moved so that the highest is level 2 (level 1 is the edition's title). */
function withSectionLevels(blocks: RootContent[]): RootContent[] {
  const depths = blocks.flatMap((node) => (node.type === 'heading' ? [node.depth] : []));
  if (depths.length === 0) return blocks;
  const shift = 2 - Math.min(...depths);
  for (const node of blocks) {
    if (node.type === 'heading') node.depth = Math.min(6, Math.max(2, node.depth + shift)) as Heading['depth'];
  }
  return blocks;
}
