/**
 * The PDF edition of each language, printed by Chromium after Paged.js has laid the
 * print page out: running header, page numbers, notes at the foot of their page. A
 * draft's PDF has the draft mark on every page and in its title.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';
import { fileUrl } from '../browser.js';
import { makeTemporaryFolder } from '../cleanup.js';
import type { BrowserSession } from '../browser.js';
import type { Page } from 'puppeteer-core';
import type { Edition } from '../manuscript/split-editions.js';
import type { Labels } from '../render/labels.js';
import { removeSoftHyphens } from '../render/hyphenate.js';
import { templatesDir } from '../project.js';
import { renderPrintPage } from '../render/print-page.js';
import { typeset } from '../render/typography.js';
import { copyFontsAndMedia } from './assets.js';
import { editionFileName } from './file-names.js';
import { stringifyHtml } from './html-shared.js';
import type { BuildJob } from './types.js';

const require = createRequire(import.meta.url);
// The package exports no path to its polyfill build; find it beside its CommonJS entry.
const pagedPolyfill = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
// Scripts that run in the page are files of their own (a function passed from here
// would carry the TypeScript loader's helpers with it).
const lineBreaks = path.join(templatesDir, 'print', 'line-breaks.js');
const keepBreakingSoftHyphens = path.join(templatesDir, 'print', 'keep-breaking-soft-hyphens.js');
const notePlacements = path.join(templatesDir, 'print', 'note-placements.js');
const loneLines = path.join(templatesDir, 'print', 'lone-lines.js');
const pageEndSplits = path.join(templatesDir, 'print', 'page-end-splits.js');
const stableIds = path.join(templatesDir, 'print', 'stable-ids.js');

/** Where a note and its reference ended up, by page number. */
export interface NotePlacement {
  note: number;
  referencePage: number | undefined;
  notePage: number | undefined;
}

/** What printing one edition gives. */
export interface PrintedEdition {
  bytes: Uint8Array;
  pages: number;
  seconds: number;
  /** Every note that Paged.js floated, in number order. */
  notes: NotePlacement[];
}

/** The PDF format of a build: one PDF per language, all printed by one browser. */
export async function writePdf(job: BuildJob): Promise<string[]> {
  const print = await makeTemporaryFolder('print');
  const printDir = print.path;
  try {
    await copyFontsAndMedia(printDir, job.issue.location.folder);
    const session = await job.browser();
    // Every language at once, in a page of its own: Chromium lays them out side by side.
    const printing = job.context.editions
      .filter((candidate) => job.langs.includes(candidate.lang))
      .map(async (edition) => {
        const labels = job.context.labels.get(edition.lang);
        if (!labels) throw new Error(`No labels for \`${edition.lang}\``);
        const { draft } = job.context;
        const printed = await printEdition(session, printDir, edition, labels, { draft });
        const file = path.join(job.staging, editionFileName(edition.slug, edition.lang, 'pdf', { draft }));
        await writeFile(file, printed.bytes);
        const misplaced = printed.notes.filter((note) => note.notePage !== note.referencePage);
        job.progress(
          `${edition.slug}: pdf ${edition.lang}: ${printed.pages} pages, ${printed.notes.length - misplaced.length}/${edition.notes.length} notes on their reference's page, ${printed.seconds.toFixed(2)} s`,
        );
        return file;
      });
    // All settled before the print folder goes: none is still reading from it.
    const outcomes = await Promise.allSettled(printing);
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  } finally {
    await print.remove();
  }
}

/**
 * Lay out and print one edition; `printDir` holds its fonts and media.
 *
 * @param options.draft mark every page and the title as a draft's (default false).
 */
export async function printEdition(
  session: BrowserSession,
  printDir: string,
  edition: Edition,
  labels: Labels,
  options: { draft?: boolean } = {},
): Promise<PrintedEdition> {
  const draft = options.draft ?? false;
  const started = performance.now();
  const keepWhole = new Set<string>();
  // Paragraphs set a line longer or shorter (by the line breaker's index), and every
  // remedy tried.
  const lengths = new Map<number, Length>();
  const tried = new Set<string>();
  // The layout with the fewest faults so far, kept open to be printed.
  let best: { page: Page; blocked: string[]; pages: number; faults: number } | undefined;
  try {
    // Lay out again while a word is split between two pages or a paragraph's line stands
    // alone at a page's top or foot: each pass keeps the words that fell at a page's foot
    // whole and applies each lone line's next remedy (a paragraph a line longer or
    // shorter, or its last two lines taken to the next page); three passes with remedies,
    // and a fourth only for words the third split. The layout with the fewest faults is
    // printed.
    for (let pass = 1; pass <= maximumPasses; pass++) {
      // A file per pass: Chromium may keep a page it has loaded from disk in its cache.
      const file = path.join(printDir, `${edition.lang}-${pass}.html`);
      await writeFile(file, stringifyHtml(renderPrintPage(edition, labels, { keepWhole, draft })));
      const { page, blocked } = await session.openPage(printDir);
      const pages = await layOut(
        page,
        file,
        [...lengths].sort(([a], [b]) => a - b),
      );
      const splits = (await page.evaluate(await readFile(pageEndSplits, 'utf8'))) as string[];
      const lone = (await page.evaluate(await readFile(loneLines, 'utf8'))) as LoneLine[];
      // A word split between pages is the worst, then a note away from its call.
      const faults = 100 * splits.length + lone.reduce((sum, problem) => sum + (problem.kind === 'note' ? 10 : 1), 0);
      if (!best || faults < best.faults) {
        await best?.page.close();
        best = { page, blocked, pages, faults };
      } else {
        await page.close();
      }
      // Each lone line's first remedy not tried yet.
      const remedies = lone
        .map((problem) => problem.remedies.find(([index, change]) => !tried.has(`${index}:${change}`)))
        .filter((remedy): remedy is [number, LengthChange] => remedy !== undefined);
      const newSplits = splits.filter((word) => !keepWhole.has(word));
      if (faults === 0 || (newSplits.length === 0 && remedies.length === 0)) break;
      // After the last remedies, one layout more only for the words they split.
      if (pass >= remedyPasses && newSplits.length === 0) break;
      for (const word of splits) keepWhole.add(word);
      if (pass >= remedyPasses) continue;
      for (const [index, change] of remedies) {
        tried.add(`${index}:${change}`);
        // Two lines taken over keep the paragraph's lines as the layout found them.
        const lines = change === 'lastTwo' ? (lengths.get(index)?.lines ?? 0) : change;
        lengths.set(index, { lines, lastTwo: change === 'lastTwo' });
      }
    }
    if (!best) throw new Error(`No layout of ${edition.slug} ${edition.lang}`);
    const { page, blocked, pages } = best;
    await page.evaluate(await readFile(keepBreakingSoftHyphens, 'utf8'));
    await page.evaluate(await readFile(stableIds, 'utf8'));
    const notes = (await page.evaluate(await readFile(notePlacements, 'utf8'))) as NotePlacement[];
    if (blocked.length > 0) {
      throw new Error(
        `The print page of ${edition.slug} ${edition.lang} asked for files outside the build: ${blocked.join(', ')}`,
      );
    }
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      timeout: 120_000,
    });
    return {
      bytes: await withMetadata(pdf, edition, labels, draft),
      pages,
      seconds: (performance.now() - started) / 1000,
      notes,
    };
  } finally {
    await best?.page.close();
  }
}

/** A line alone at a page's top or foot, or a note away from its call, and its remedies (print/lone-lines.js). */
interface LoneLine {
  kind: 'widow' | 'orphan' | 'note';
  /** Paragraphs (by the line breaker's index) and the lines each is to have more or fewer, in order. */
  remedies: Array<[number, LengthChange]>;
}

/** A line more (+1) or fewer (-1), or the last two lines to the next page together (print/line-breaks.js). */
type LengthChange = number | 'lastTwo';

/** A paragraph's lines more or fewer, and whether its last two go to the next page together. */
interface Length {
  lines: number;
  lastTwo: boolean;
}

/**
 * The layouts of one edition that may try remedies, and the most in all: a fourth only
 * keeps whole the words the third split at a page's foot (the last two lines of a
 * paragraph taken over to a page move every page end after it).
 */
const remedyPasses = 3;
const maximumPasses = 4;

/** The print page's window, as far as the functions below use it: they run in Chromium, not in Node. */
interface PrintWindow {
  PagedConfig?: { auto: boolean };
  jlagaLengths?: Array<[number, Length]>;
  PagedPolyfill: { preview: () => Promise<{ total: number }> };
  document: { fonts: { ready: Promise<unknown> } };
}

/**
 * Load the print page, break its paragraphs' lines, and let Paged.js lay it out;
 * `lengths` names the paragraphs to set a line longer (+1) or shorter (-1), by the line
 * breaker's index. Returns the number of pages.
 */
async function layOut(page: Page, file: string, lengths: Array<[number, Length]>): Promise<number> {
  await page.goto(fileUrl(file), { waitUntil: 'load' });
  // Paged.js starts by itself unless told not to; it is started below, once loaded.
  await page.evaluate(async () => {
    const printWindow = globalThis as unknown as PrintWindow;
    printWindow.PagedConfig = { auto: false };
    await printWindow.document.fonts.ready;
  });
  // Each paragraph's lines broken as a whole, measured with the fonts loaded.
  await page.evaluate((pairs) => {
    (globalThis as unknown as PrintWindow).jlagaLengths = pairs;
  }, lengths);
  await page.evaluate(await readFile(lineBreaks, 'utf8'));
  await page.addScriptTag({ content: await readFile(pagedPolyfill, 'utf8') });
  return page.evaluate(async () => {
    const printWindow = globalThis as unknown as PrintWindow;
    await printWindow.document.fonts.ready;
    return (await printWindow.PagedPolyfill.preview()).total;
  });
}

/**
 * Title, authors, subject, keywords, language and dates from the issue, not the clock;
 * a draft's title says it is one (the label `draftTitle`). pdf-lib rewrites the file
 * keeping every object, the structure tree included (the tests check that the PDF is
 * still tagged).
 */
async function withMetadata(pdf: Uint8Array, edition: Edition, labels: Labels, draft: boolean): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  fixOutlineTitles(document, headingTexts(edition, labels));
  stabilizeStructureIds(document);
  const date = new Date(`${edition.date}T00:00:00Z`);
  const title = removeSoftHyphens(edition.title);
  document.setTitle(draft ? labels.t('draftTitle', { title }) : title, { showInWindowTitleBar: true });
  document.setAuthor(edition.authors.map((author) => author.name).join(', '));
  document.setSubject(`${edition.series.name} ${edition.issue}`);
  // One entry joined by "; ": pdf-lib joins a list with bare spaces, which runs
  // multi-word keywords together ("tranzakciós külpolitika mintaszövetséges").
  document.setKeywords([edition.keywords.join('; ')]);
  document.setLanguage(edition.lang);
  document.setCreator(edition.series.publisher.institute);
  document.setProducer('jlaga-pipeline (Chromium, Paged.js, pdf-lib)');
  document.setCreationDate(date);
  document.setModificationDate(date);
  return document.save({ useObjectStreams: false });
}

/**
 * The texts of the headings the outline is made of: the title line, the sections, the
 * editors page; with plain spaces, as a bookmark shows them.
 */
function headingTexts(edition: Edition, labels: Labels): string[] {
  const rules = labels.typography;
  const texts = [
    `${edition.authors.map((author) => author.name).join(', ')}: ${typeset(edition.title, rules)}`,
    ...edition.segments.flatMap((segment) =>
      segment.children.filter((node) => node.type === 'heading').map((node) => typeset(toString(node), rules)),
    ),
    `${edition.series.name} ${edition.issue}`,
  ];
  return texts.map((text) => removeSoftHyphens(text).replace(/\u00a0/g, ' '));
}

/**
 * Chromium builds each bookmark from the heading's lines and drops the space where a
 * line broke ("StrategicAlliance"). Put back the heading's own text: the one that is
 * the same but for white space.
 */
function fixOutlineTitles(document: PDFDocument, headings: readonly string[]): void {
  const byLetters = new Map(headings.map((text) => [text.replace(/\s+/g, ''), text]));
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const visit = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText();
      const fixed = title === undefined ? undefined : byLetters.get(title.replace(/\s+/g, ''));
      if (fixed !== undefined && fixed !== title) node.set(PDFName.of('Title'), PDFHexString.fromText(fixed));
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
}

/**
 * Chromium names the structure elements that others point to (a table's header cells,
 * which its data cells name in /Headers) after a counter of the renderer's DOM nodes,
 * which differs from run to run. Name them in the order of their objects instead, and
 * rebuild the structure tree's /IDTree with the new names: the same issue, the same bytes.
 */
function stabilizeStructureIds(document: PDFDocument): void {
  const renamed = new Map<string, string>();
  const elements: PDFDict[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookupMaybe(PDFName.of('Type'), PDFName) !== PDFName.of('StructElem'))
      continue;
    elements.push(object);
    const id = object.lookupMaybe(PDFName.of('ID'), PDFString, PDFHexString)?.decodeText();
    if (id !== undefined && !renamed.has(id)) renamed.set(id, `element-${String(renamed.size + 1).padStart(5, '0')}`);
  }
  if (renamed.size === 0) return;
  const rename = (value: PDFObject | undefined): PDFObject | undefined => {
    const text = value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
    const name = text === undefined ? undefined : renamed.get(text);
    return name === undefined ? undefined : PDFString.of(name);
  };
  for (const element of elements) {
    const id = rename(element.get(PDFName.of('ID')));
    if (id) element.set(PDFName.of('ID'), id);
    const attributes = element.lookup(PDFName.of('A'));
    for (const attribute of attributes instanceof PDFArray ? attributes.asArray() : [attributes]) {
      const dict = attribute instanceof PDFDict ? attribute : undefined;
      const headers = dict?.lookupMaybe(PDFName.of('Headers'), PDFArray);
      headers?.asArray().forEach((header, index) => {
        const name = rename(header);
        if (name) headers.set(index, name);
      });
    }
  }
  // The /IDTree again, as one sorted list of names and elements.
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const tree = root?.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (!root || !tree) return;
  const pairs: Array<[string, PDFObject]> = [];
  const old: PDFRef[] = [];
  const oldRoot = root.get(PDFName.of('IDTree'));
  if (oldRoot instanceof PDFRef) old.push(oldRoot);
  const collect = (node: PDFDict): void => {
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? [];
    for (let index = 0; index + 1 < names.length; index += 2) {
      const key = rename(names[index]);
      const value = names[index + 1];
      if (key instanceof PDFString && value) pairs.push([key.decodeText(), value]);
    }
    for (const kid of node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) {
      if (kid instanceof PDFRef) old.push(kid);
      const dict = document.context.lookup(kid);
      if (dict instanceof PDFDict) collect(dict);
    }
  };
  collect(tree);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rebuilt = document.context.obj({});
  rebuilt.set(PDFName.of('Names'), document.context.obj(pairs.flatMap(([key, value]) => [PDFString.of(key), value])));
  root.set(PDFName.of('IDTree'), document.context.register(rebuilt));
  // The old tree still names the old ids: it must not be written.
  for (const ref of old) document.context.delete(ref);
}
