/**
 * The PDF editions of the sample issue, checked as a reader would find them: notes on
 * the page of their reference, running header and page number on every page, whole
 * words in the text layer, fonts embedded, metadata and outline, the editors page last,
 * and the first and last pages looking like their reviewed references.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/browser.js';
import type { BrowserSession } from '../../scripts/browser.js';
import { splitEditions } from '../../scripts/manuscript/split-editions.js';
import type { Edition } from '../../scripts/manuscript/split-editions.js';
import { copyFontsAndMedia } from '../../scripts/output/assets.js';
import { printEdition } from '../../scripts/output/pdf.js';
import type { PrintedEdition } from '../../scripts/output/pdf.js';
import { loadLabels } from '../../scripts/render/labels.js';
import { projectRoot } from '../../scripts/project.js';
import { fixtures, read, tempFolder } from '../helpers.js';
import { searchPdf } from '../pdf-find.js';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { visit } from 'unist-util-visit';
import { renderPrintPage } from '../../scripts/render/print-page.js';

const run = promisify(execFile);
const sample = path.join(projectRoot, 'manuscript', '2026-3');

let session: BrowserSession;
const printed = new Map<string, { edition: Edition; result: PrintedEdition; file: string; pages: string[] }>();

beforeAll(async () => {
  session = await launchBrowser();
  const issue = (await read(sample)).issue;
  if (!issue) throw new Error('the sample issue has errors');
  const labels = loadLabels(issue.languages);
  const folder = await tempFolder('jlaga-pdf-');
  await copyFontsAndMedia(folder, issue.location.folder);
  for (const edition of splitEditions(issue)) {
    const result = await printEdition(session, folder, edition, labels.get(edition.lang) ?? fail());
    const file = path.join(folder, `${edition.lang}.pdf`);
    await writeFile(file, result.bytes);
    const pages: string[] = [];
    for (let page = 1; page <= result.pages; page++) {
      pages.push((await run('pdftotext', ['-f', String(page), '-l', String(page), file, '-'])).stdout);
    }
    printed.set(edition.lang, { edition, result, file, pages });
  }
}, 120_000);

afterAll(async () => {
  await session?.close();
});

function fail(): never {
  throw new Error('missing');
}

function get(lang: string) {
  return printed.get(lang) ?? fail();
}

/** Page text as a reader searches it: soft hyphens (joined line ends) dropped, spaces collapsed. */
function normalize(text: string): string {
  return text.replace(/\u00ad/g, '').replace(/\s+/g, ' ');
}

describe.each(['en', 'hu'])('PDF edition %s', (lang) => {
  it('puts every note at the foot of the page that refers to it', () => {
    const { edition, result, pages } = get(lang);
    expect(result.notes.map((note) => note.note)).toEqual(edition.notes.map((note) => note.number));
    expect(result.notes.filter((note) => note.notePage !== note.referencePage)).toEqual([]);
    // And the PDF's own text agrees: each note's number and first words on that page.
    for (const { note, notePage } of result.notes) {
      const word = /\p{L}{4,}/u.exec(toString(edition.notes[note - 1]?.children[0]))?.[0] ?? '';
      expect(normalize(pages[(notePage ?? 0) - 1] ?? ''), `note ${note}`).toMatch(
        new RegExp(`(^| )${note}\\. [^ ]*( [^ ]*){0,4}${word}`, 'u'),
      );
    }
  });

  it('has the series and the issue number on every page and a page number on each', () => {
    const { edition, pages } = get(lang);
    pages.forEach((text, index) => {
      expect(normalize(text), `page ${index + 1}`).toContain(edition.series.name);
      expect(text, `page ${index + 1}`).toContain('2026/3');
      expect(text.trim().split('\n').pop()?.trim(), `page ${index + 1}`).toBe(String(index + 1));
    });
  });

  it('keeps words whole in the text layer', async () => {
    const { edition, pages } = get(lang);
    const html = await readFile(path.join(await builtHtml(), lang, 'index.html'), 'utf8');
    const text = html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z]+;/g, ' ')
      .replace(/\u00ad/g, '');
    const vocabulary = new Set(tokens(text));
    // pdftotext reads a real hyphen at a line's end as a break and joins the halves.
    for (const compound of text.match(/[\p{L}\d]+(?:-[\p{L}\d]+)+/gu) ?? [])
      for (const word of tokens(compound.replace(/-/g, ''))) vocabulary.add(word);
    for (const word of tokens('JOHN LUKACS Institute for Strategy and Politics Stratégiai és Politikai Intézet'))
      vocabulary.add(word);
    const fragments = pages.flatMap((page) => tokens(page)).filter((word) => !vocabulary.has(word));
    expect(fragments).toEqual([]);
    expect(edition.lang).toBe(lang);
  });

  it('has every word hyphenated at a line end found by pdf.js, as Firefox’s viewer finds it', async () => {
    const { file, pages } = get(lang);
    // The line-end breaks are the soft hyphens left in the text layer (the others are
    // removed before printing); each word whole, as a reader types it.
    const words = [...new Set(pages.flatMap((page) => page.match(/[\p{L}\p{M}]*\u00ad\s*[\p{L}\p{M}]+/gu) ?? []))].map(
      (word) => word.replace(/\u00ad\s*/gu, ''),
    );
    expect(words.length).toBeGreaterThan(30);
    const search = await searchPdf(file);
    try {
      const missed: string[] = [];
      for (const word of words) if (!(await search.find(word))) missed.push(word);
      expect(missed).toEqual([]);
    } finally {
      await search.close();
    }
  });

  it('tags each phrase in another language with its /Lang', async () => {
    const { edition, file } = get(lang);
    const phrases = new Map<string, number>();
    visit(renderPrintPage(edition, loadLabels().get(edition.lang) ?? fail()), 'element', (element) => {
      const tag = element.properties.lang;
      if (element.tagName === 'span' && typeof tag === 'string') phrases.set(tag, (phrases.get(tag) ?? 0) + 1);
    });
    const tagged = new Map<string, number>();
    const document = await PDFDocument.load(await readFile(file), { updateMetadata: false });
    for (const [, object] of document.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.lookupMaybe(PDFName.of('Type'), PDFName) !== PDFName.of('StructElem'))
        continue;
      // The document's own element carries the edition's language.
      if (object.lookupMaybe(PDFName.of('S'), PDFName) === PDFName.of('Document')) continue;
      const tag = object.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText();
      if (tag !== undefined) tagged.set(tag, (tagged.get(tag) ?? 0) + 1);
    }
    expect(tagged).toEqual(phrases);
    if (lang === 'hu') expect(tagged.get('en')).toBeGreaterThan(10);
  });

  it('opens with the institute’s wordmark in its language, and the date of publication', () => {
    const first = normalize(get(lang).pages[0] ?? '');
    expect(first).toContain(lang === 'en' ? 'Institute for Strategy and Politics' : 'Stratégiai és Politikai Intézet');
    expect(first).not.toContain(
      lang === 'en' ? 'Stratégiai és Politikai Intézet' : 'Institute for Strategy and Politics',
    );
    expect(first).toContain(lang === 'en' ? 'Published 9 April 2026' : 'Megjelent: 2026. április 9.');
  });

  it('ends with the editors page', () => {
    const { pages } = get(lang);
    const last = normalize(pages[pages.length - 1] ?? '');
    expect(last).toContain(lang === 'en' ? 'Publisher' : 'Kiadó');
    expect(last).toContain('jli@uni-nke.hu');
    expect(last).toContain(
      lang === 'en'
        ? 'Gábor Csizmazia, Viktor Eszterhai, Balázs Tárnok'
        : 'Csizmazia Gábor, Eszterhai Viktor, Tárnok Balázs',
    );
  });

  it('embeds every font, none as Type 3', async () => {
    const { stdout } = await run('pdffonts', [get(lang).file]);
    const fonts = stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(2);
    for (const font of fonts) {
      expect(font).not.toMatch(/Type 3/);
      expect(font).toMatch(/ yes yes yes /);
    }
  });

  it('carries the metadata, dates from the issue, the tags and an outline of the sections', async () => {
    const { file, edition } = get(lang);
    const info = (await run('pdfinfo', [file])).stdout;
    expect(info).toMatch(new RegExp(`Title: +${edition.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
    expect(info).toMatch(lang === 'en' ? /Author: +Bálint Jurászik/ : /Author: +Jurászik Bálint/);
    expect(info).toContain(`${edition.series.name} 2026/3`);
    // Keywords apart, each of several words kept whole.
    expect(info).toMatch(
      lang === 'en'
        ? /Keywords: +South Korea–U\.S\. alliance; transactional foreign policy; /
        : /Keywords: +dél-koreai–amerikai szövetség; tranzakciós külpolitika; /,
    );
    expect(info).toMatch(/CreationDate: +Thu Apr {2}9 00:00:00 2026 UTC/);
    expect(info).toMatch(/ModDate: +Thu Apr {2}9 00:00:00 2026 UTC/);
    expect(info).toMatch(/Tagged: +yes/);
    const json = JSON.parse((await run('qpdf', ['--json=2', '--json-key=outlines', file])).stdout) as {
      outlines: Array<{ title: string; kids: unknown[] }>;
    };
    const titles = JSON.stringify(json.outlines).replace(/\u00a0/g, ' ');
    expect(titles).toContain(lang === 'en' ? '1. Introduction' : '1. Bevezetés');
    expect(titles).toContain(lang === 'en' ? '6. Conclusions' : '6. Következtetések');
    const catalog = (await run('qpdf', ['--show-object=trailer', file])).stdout;
    expect(catalog).toMatch(/\/Root/);
    const structure = (await run('qpdf', ['--json=2', '--json-key=qpdf', file])).stdout;
    expect(structure).toContain('/StructTreeRoot');
    expect((await run('qpdf', ['--check', file])).stdout).toMatch(/No syntax or stream encoding errors/);
  });

  it.each(['first', 'last'])('looks like the reviewed %s page', async (which) => {
    const { file, result } = get(lang);
    const page = which === 'first' ? 1 : result.pages;
    const reference = path.join(fixtures, 'visual', `2026-3-${lang}-${which}.pgm`);
    expect(existsSync(reference), `${reference} is missing: render it with pdftoppm -gray -r 30 and review it`).toBe(
      true,
    );
    const rendered = await render(file, page);
    const difference = meanDifference(await readFile(reference), rendered);
    expect(difference).toBeLessThan(4);
  });
});

let htmlDir: Promise<string> | undefined;
/** The HTML edition of the sample, for the vocabulary of the text. */
function builtHtml(): Promise<string> {
  htmlDir ??= (async () => {
    const { buildFixture } = await import('../helpers.js');
    const built = await buildFixture(sample, ['html']);
    return path.join(built.outputDir, 'html');
  })();
  return htmlDir;
}

function tokens(text: string): string[] {
  return (
    text
      .replace(/\u00ad/g, '')
      .toLowerCase()
      .match(/\p{L}{3,}/gu) ?? []
  ).filter((word) => word.length >= 3);
}

/** A page as an 8-bit grey image (PGM), 30 pixels per inch. */
async function render(file: string, page: number): Promise<Buffer> {
  const { stdout } = await run('pdftoppm', ['-gray', '-r', '30', '-f', String(page), '-l', String(page), file], {
    encoding: 'buffer',
    maxBuffer: 1 << 24,
  });
  return stdout;
}

/** Mean absolute difference of two PGM images of one size, in grey levels (0–255). */
function meanDifference(a: Buffer, b: Buffer): number {
  const pixels = (image: Buffer) => {
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(image.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('not a PGM image');
    return { width: Number(header[1]), height: Number(header[2]), data: image.subarray(header[0].length) };
  };
  const left = pixels(a);
  const right = pixels(b);
  expect([right.width, right.height]).toEqual([left.width, left.height]);
  let total = 0;
  for (let index = 0; index < left.data.length; index++)
    total += Math.abs((left.data[index] ?? 0) - (right.data[index] ?? 0));
  return total / left.data.length;
}
