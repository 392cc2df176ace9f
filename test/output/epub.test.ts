/// <reference lib="dom" />
/**
 * The EPUB editions of the fixture and the sample issue: EPUBCheck and Ace on the real
 * files, and what reading systems rely on, read back from the zip: the container, the
 * notes, the contents, the metadata, the languages, the fonts, the cover, and bytes that
 * do not change from one build to the next.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Element, ElementContent, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { create } from 'xmlbuilder2';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from '../../scripts/find-browser.js';
import { buildIssue } from '../../scripts/output/build.js';
import { editionFileName } from '../../scripts/output/file-names.js';
import { checkEpub, epubcheckJar } from '../../scripts/release/validators.js';
import { projectRoot, templatesDir } from '../../scripts/project.js';
import { loadLabels } from '../../scripts/render/labels.js';
import { fixtureIssue, readValid, tempFolder } from '../helpers.js';
import { readZip } from '../zip-reader.js';
import type { ZipEntryRead } from '../zip-reader.js';

const run = promisify(execFile);

/** Debian's EPUBCheck, or the jar that `EPUBCHECK_JAR` names. */
const ace = path.join(projectRoot, 'node_modules', '.bin', 'ace-puppeteer');
const sampleIssue = path.join(projectRoot, 'manuscript', '2026-3');

const editions = [
  ['2099-1', 'en'],
  ['2099-1', 'hu'],
  ['2026-3', 'en'],
  ['2026-3', 'hu'],
] as const;

/** Output folders of the EPUB-only builds, by issue slug. */
const outputDirs = new Map<string, string>();

/** Build only the EPUB format of the issue in `folder` into a new temporary folder. */
async function buildEpubs(folder: string): Promise<{ outputDir: string; written: string[] }> {
  const outputRoot = await tempFolder('jlaga-epub-');
  return buildIssue(await readValid(folder), { outputRoot, formats: ['epub'] });
}

function epubPath(slug: string, lang: string): string {
  const dir = outputDirs.get(slug);
  if (!dir) throw new Error(`${slug} was not built`);
  return path.join(dir, editionFileName(slug, lang, 'epub'));
}

beforeAll(async () => {
  for (const folder of [fixtureIssue, sampleIssue]) {
    const { outputDir } = await buildEpubs(folder);
    outputDirs.set(path.basename(folder), outputDir);
  }
});

/** An EPUB read back: its entries, and its documents parsed. */
interface OpenEpub {
  entries: ZipEntryRead[];
  text: (name: string) => string;
  /** An XHTML document of the content folder, as hast. */
  xhtml: (href: string) => Root;
  /** The package document's elements, in document order. */
  opf: globalThis.Element[];
}

async function openEpub(slug: string, lang: string): Promise<OpenEpub> {
  const entries = readZip(await readFile(epubPath(slug, lang)));
  const text = (name: string) => {
    const entry = entries.find((candidate) => candidate.name === name);
    if (!entry) throw new Error(`${name} is not in the EPUB`);
    return entry.data.toString('utf8');
  };
  const opf = create(text('EPUB/package.opf'))
    .root()
    .filter(() => true, true, true)
    // The builder's DOM is the standard one, under types of its own.
    .map((builder) => builder.node as unknown as globalThis.Node)
    .filter((node): node is globalThis.Element => node.nodeType === 1);
  return {
    entries,
    text,
    xhtml: (href) =>
      unified()
        .use(rehypeParse)
        .parse(text(`EPUB/${href}`)),
    opf,
  };
}

function select(tree: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

function byId(tree: Root, id: string): Element | undefined {
  return select(tree, (element) => element.properties.id === id)[0];
}

/**
 * The text of a node as a reader sees it: without note references and soft hyphens, and
 * with one kind of space (the headings' typography binds "1." to its word; the contents'
 * links need not).
 */
function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value.replace(/\u00ad/g, '').replace(/\s/gu, ' ');
  if (node.type !== 'element' || node.properties.role === 'doc-noteref') return '';
  return node.children.map(textOf).join('');
}

/** The values of `<meta property>` (refining `refines` when given) in the package document. */
function metas(opf: globalThis.Element[], property: string, refines?: string): string[] {
  return opf
    .filter(
      (element) =>
        element.nodeName === 'meta' &&
        element.getAttribute('property') === property &&
        (refines === undefined || element.getAttribute('refines') === `#${refines}`),
    )
    .map((element) => element.textContent ?? '');
}

function dc(opf: globalThis.Element[], name: string): globalThis.Element[] {
  return opf.filter((element) => element.nodeName === `dc:${name}`);
}

describe('EPUB editions', () => {
  it('writes one EPUB per language at the top of the issue’s output', async () => {
    const { written } = await buildEpubs(fixtureIssue);
    expect(written).toEqual(['jlaga-2099-1-en.epub', 'jlaga-2099-1-hu.epub']);
  });

  it.each(editions)(
    '%s %s: mimetype comes first, stored, and every file is dated the issue’s day',
    async (slug, lang) => {
      const { entries, opf } = await openEpub(slug, lang);
      const [first, second, third] = entries;
      expect(first?.name).toBe('mimetype');
      expect(first?.offset).toBe(0);
      expect(first?.method).toBe(0);
      expect(first?.localExtraLength).toBe(0);
      expect(first?.data.toString('ascii')).toBe('application/epub+zip');
      expect([second?.name, third?.name]).toEqual(['META-INF/container.xml', 'EPUB/package.opf']);
      const [year, month, day] = (slug === '2099-1' ? '2099-01-15' : '2026-04-09').split('-').map(Number);
      const dosDate = (((year ?? 0) - 1980) << 9) | ((month ?? 0) << 5) | (day ?? 0);
      expect(new Set(entries.map((entry) => `${entry.dosDate} ${entry.dosTime}`))).toEqual(new Set([`${dosDate} 0`]));
      // Every file but the fixed three is in the manifest, and every manifest item is a file.
      const manifest = opf
        .filter((element) => element.nodeName === 'item')
        .map((item) => `EPUB/${item.getAttribute('href')}`);
      expect(entries.slice(3).map((entry) => entry.name)).toEqual(manifest);
    },
  );

  it.each(editions)(
    '%s %s: every note reference has its footnote, and every footnote a back-link',
    async (slug, lang) => {
      const epub = await openEpub(slug, lang);
      const text = epub.xhtml('text.xhtml');
      const notes = epub.xhtml('notes.xhtml');
      const references = select(text, (element) => element.properties.role === 'doc-noteref');
      const asides = select(notes, (element) => element.tagName === 'aside');
      expect(references.length).toBeGreaterThan(asides.length - 1);
      for (const reference of references) {
        expect(reference.properties['epub:type']).toBe('noteref');
        const [file, id] = String(reference.properties.href).split('#');
        expect(file).toBe('notes.xhtml');
        const note = byId(notes, id ?? '');
        expect(note?.tagName, `${String(reference.properties.href)} has no note`).toBe('aside');
        expect(note?.properties['epub:type']).toBe('footnote');
        expect(note?.properties.role).toBe('doc-footnote');
      }
      for (const aside of asides) {
        const [backlink, ...more] = select(aside, (element) => element.properties.role === 'doc-backlink');
        expect(more).toEqual([]);
        const [file, id] = String(backlink?.properties.href).split('#');
        expect(file).toBe('text.xhtml');
        const reference = byId(text, id ?? '');
        expect(reference?.properties.role, `${String(aside.properties.id)} links back to nothing`).toBe('doc-noteref');
        expect(reference?.properties.href).toBe(`notes.xhtml#${String(aside.properties.id)}`);
      }
      // Each note is referenced: as many notes as distinct references.
      expect(new Set(references.map((reference) => reference.properties.href)).size).toBe(asides.length);
    },
  );

  it.each(editions)('%s %s: the contents list every heading of the text in order; landmarks', async (slug, lang) => {
    const epub = await openEpub(slug, lang);
    const text = epub.xhtml('text.xhtml');
    const nav = epub.xhtml('nav.xhtml');
    const [toc] = select(nav, (element) => element.tagName === 'nav' && element.properties['epub:type'] === 'toc');
    expect(toc?.properties.role).toBe('doc-toc');
    const links = select(toc ?? nav, (element) => element.tagName === 'a');
    const headings = select(text, (element) => /^h[1-4]$/.test(element.tagName));
    const expected = headings.map((heading) => {
      // A segment's heading is reached by the segment's id, the title by its own.
      const segment = select(text, (element) => element.children.includes(heading))[0];
      const id = heading.tagName === 'h1' ? heading.properties.id : segment?.properties.id;
      return { href: `text.xhtml#${String(id)}`, text: heading.tagName === 'h1' ? null : textOf(heading) };
    });
    expect(headings.length).toBeGreaterThan(1);
    expect(
      links.slice(0, expected.length).map((link, index) => ({
        href: link.properties.href,
        text: expected[index]?.text === null ? null : textOf(link),
      })),
    ).toEqual(expected);
    expect(links.slice(expected.length).map((link) => link.properties.href)).toEqual([
      'notes.xhtml#notes-title',
      'editors.xhtml',
    ]);
    for (const link of links) {
      const [file, id] = String(link.properties.href).split('#');
      if (id !== undefined) expect(byId(epub.xhtml(file ?? ''), id), String(link.properties.href)).toBeDefined();
    }
    const [landmarks] = select(nav, (element) => element.properties['epub:type'] === 'landmarks');
    expect(
      select(landmarks ?? nav, (element) => element.tagName === 'a').map((link) => link.properties['epub:type']),
    ).toEqual(['cover', 'toc', 'bodymatter']);
  });

  it.each(editions)('%s %s: the package and every document say the language', async (slug, lang) => {
    const epub = await openEpub(slug, lang);
    expect(epub.opf[0]?.getAttribute('xml:lang')).toBe(lang);
    expect(dc(epub.opf, 'language').map((element) => element.textContent)).toEqual([lang]);
    const documents = epub.entries.filter((entry) => entry.name.endsWith('.xhtml'));
    expect(documents.length).toBe(5);
    for (const entry of documents) {
      const html = /<html\b[^>]*>/.exec(entry.data.toString('utf8'))?.[0] ?? '';
      expect(html, entry.name).toContain(`lang="${lang}"`);
      expect(html, entry.name).toContain(`xml:lang="${lang}"`);
      expect(html, entry.name).toContain('xmlns:epub="http://www.idpf.org/2007/ops"');
    }
  });

  it.each([
    {
      slug: '2099-1',
      lang: 'en',
      identifier: 'urn:uuid:31726991-6230-5278-8e5c-72e7d2dc260f',
      title: 'Testing Alliances: A Fixture Issue (1990–2099)',
      creators: ['Bálint Jurászik', 'Éva Nagy'],
      series: 'Test Analyses',
      position: '1',
      modified: '2099-01-15T00:00:00Z',
      publisher: 'Test Institute',
    },
    {
      slug: '2099-1',
      lang: 'hu',
      identifier: 'urn:uuid:7f14e553-48ac-5b14-a7dd-936a5d8d6369',
      title: 'Szövetségek próbája: tesztszám (1990–2099)',
      creators: ['Jurászik Bálint', 'Nagy Éva'],
      series: 'Tesztelemzések',
      position: '1',
      modified: '2099-01-15T00:00:00Z',
      publisher: 'Teszt Intézet',
    },
    {
      slug: '2026-3',
      lang: 'en',
      identifier: 'urn:uuid:d59f7581-19c7-522c-a465-b0d1ca380c25',
      title:
        'The Transformation of Stability in the South Korea–U.S. Alliance and Its Geopolitical Recalibration (1945–2026)',
      creators: ['Bálint Jurászik'],
      series: 'John Lukacs Analyses on Global Affairs',
      position: '3',
      modified: '2026-04-09T00:00:00Z',
      publisher: 'John Lukacs Institute for Strategy and Politics',
    },
  ])('$slug $lang: metadata', async (expected) => {
    const { opf } = await openEpub(expected.slug, expected.lang);
    const [identifier] = dc(opf, 'identifier');
    expect(identifier?.textContent).toBe(expected.identifier);
    expect(opf[0]?.getAttribute('unique-identifier')).toBe(identifier?.getAttribute('id'));
    expect(dc(opf, 'title').map((element) => element.textContent)).toEqual([expected.title]);
    const creators = dc(opf, 'creator');
    expect(creators.map((element) => element.textContent)).toEqual(expected.creators);
    for (const creator of creators) {
      // Sorted "Family, Given" whichever order the edition writes the name in.
      const [first, second] = (creator.textContent ?? '').split(' ');
      const id = creator.getAttribute('id') ?? '';
      expect(metas(opf, 'file-as', id)).toEqual([
        expected.lang === 'hu' ? `${first}, ${second}` : `${second}, ${first}`,
      ]);
      expect(metas(opf, 'role', id)).toEqual(['aut']);
    }
    expect(dc(opf, 'publisher').map((element) => element.textContent)).toEqual([expected.publisher]);
    expect(metas(opf, 'dcterms:modified')).toEqual([expected.modified]);
    expect(metas(opf, 'belongs-to-collection')).toEqual([expected.series]);
    expect(metas(opf, 'collection-type', 'series')).toEqual(['series']);
    expect(metas(opf, 'group-position', 'series')).toEqual([expected.position]);

    // Accessibility: both issues have images (the cover; the fixture a chart), all described.
    const labels = loadLabels([expected.lang]).get(expected.lang);
    expect(metas(opf, 'schema:accessMode')).toEqual(['textual', 'visual']);
    expect(metas(opf, 'schema:accessModeSufficient')).toEqual(['textual', 'textual,visual']);
    expect(metas(opf, 'schema:accessibilityFeature')).toEqual([
      'alternativeText',
      'ARIA',
      'displayTransformability',
      'readingOrder',
      'structuralNavigation',
      'tableOfContents',
    ]);
    expect(metas(opf, 'schema:accessibilityHazard')).toEqual(['none']);
    expect(metas(opf, 'schema:accessibilitySummary')).toEqual([
      labels?.t('accessibilitySummary', { images: labels.t('imagesDescribed') }),
    ]);
    expect(metas(opf, 'dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.1 Level AA']);
  });

  it('describes every image, and says so only when it is true', async () => {
    for (const [slug, lang] of editions) {
      const epub = await openEpub(slug, lang);
      const images = epub.entries
        .filter((entry) => entry.name.endsWith('.xhtml'))
        .flatMap((entry) =>
          select(epub.xhtml(entry.name.slice('EPUB/'.length)), (element) => element.tagName === 'img'),
        );
      expect(images.length).toBe(slug === '2099-1' ? 2 : 1);
      for (const image of images) expect(String(image.properties.alt ?? '').trim()).not.toBe('');
    }
  });

  it.each(editions)('%s %s: embeds every font that fonts.css names, as font/woff2', async (slug, lang) => {
    const epub = await openEpub(slug, lang);
    const css = await readFile(path.join(templatesDir, 'styles', 'fonts.css'), 'utf8');
    const fonts = [...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map(([, font]) => `styles/${font}`);
    expect(fonts.length).toBeGreaterThan(0);
    const items = epub.opf.filter((element) => element.nodeName === 'item');
    for (const font of fonts) {
      expect(items.find((item) => item.getAttribute('href') === font)?.getAttribute('media-type'), font).toBe(
        'font/woff2',
      );
    }
    expect(epub.text('EPUB/styles/fonts.css')).toBe(css);
  });

  it.each(editions)('%s %s: the cover shows series, issue, title and authors', async (slug, lang) => {
    const epub = await openEpub(slug, lang);
    const cover = epub.opf.find((element) => element.getAttribute('properties') === 'cover-image');
    expect(cover?.getAttribute('href')).toBe('cover.svg');
    expect(cover?.getAttribute('media-type')).toBe('image/svg+xml');
    const svg = epub.text('EPUB/cover.svg');
    const lines = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map(([, line]) => line).join(' ');
    const title = dc(epub.opf, 'title')[0]?.textContent ?? '';
    expect(lines).toContain(title.replace(/&/g, '&amp;'));
    for (const creator of dc(epub.opf, 'creator')) expect(lines).toContain(creator.textContent);
    expect(lines).toContain(metas(epub.opf, 'belongs-to-collection')[0]);
    expect(svg).toContain(`>${slug.replace('-', '/')}</text>`);
    const [image] = select(epub.xhtml('cover.xhtml'), (element) => element.tagName === 'img');
    expect(image?.properties.src).toBe('cover.svg');
  });

  it('is deterministic: two builds, in different time zones, give byte-identical EPUBs', async () => {
    const zone = process.env.TZ;
    // Node reads TZ again when it changes: the second build runs fourteen hours ahead of UTC.
    process.env.TZ = 'Pacific/Kiritimati';
    let second;
    try {
      second = await buildEpubs(fixtureIssue);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    for (const lang of ['en', 'hu']) {
      const name = editionFileName('2099-1', lang, 'epub');
      expect(
        (await readFile(path.join(second.outputDir, name))).equals(await readFile(epubPath('2099-1', lang))),
        name,
      ).toBe(true);
    }
  });
});

describe('EPUBCheck', () => {
  it('reports no errors and no warnings on either language of either issue', { timeout: 180_000 }, async () => {
    expect(existsSync(epubcheckJar), `${epubcheckJar} is missing: run npm run setup or set EPUBCHECK_JAR`).toBe(true);
    // As a release runs it: every fatal error, error and warning is a message.
    const findings = (await Promise.all(editions.map(([slug, lang]) => checkEpub(epubPath(slug, lang))))).flat();
    expect(
      findings.flatMap((file) =>
        file.messages.map((message) => `${file.path} ${message.line ?? 0} ${message.ruleId ?? ''}: ${message.reason}`),
      ),
    ).toEqual([]);
  });
});

interface AceAssertion {
  'earl:test'?: { 'dct:title': string; 'earl:impact': string };
  'earl:result'?: { 'earl:outcome': string };
  'earl:testSubject'?: { url: string };
  assertions?: AceAssertion[];
}

/** Every failed assertion of an Ace report, as `document rule (impact)`. */
function aceViolations(assertions: AceAssertion[], subject = ''): string[] {
  return assertions.flatMap((assertion) => {
    const where = assertion['earl:testSubject']?.url ?? subject;
    const own =
      assertion['earl:result']?.['earl:outcome'] === 'fail' && assertion['earl:test']
        ? [`${where} ${assertion['earl:test']['dct:title']} (${assertion['earl:test']['earl:impact']})`]
        : [];
    return [...own, ...aceViolations(assertion.assertions ?? [], where)];
  });
}

describe('Ace by DAISY', () => {
  it('finds no violations in either language of the sample issue', { timeout: 240_000 }, async () => {
    const browser = findBrowser();
    if (!browser) throw new BrowserNotFoundError();
    const reports = await Promise.all(
      (['en', 'hu'] as const).map(async (lang) => {
        const outdir = await tempFolder('jlaga-ace-');
        await run(ace, ['--force', '--silent', '--outdir', outdir, epubPath('2026-3', lang)], {
          env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: browser },
        });
        return {
          lang,
          report: JSON.parse(await readFile(path.join(outdir, 'report.json'), 'utf8')) as {
            assertions: AceAssertion[];
            'earl:result': { 'earl:outcome': string };
            'a11y-metadata': { present: string[] };
          },
        };
      }),
    );
    for (const { lang, report } of reports) {
      expect(aceViolations(report.assertions), lang).toEqual([]);
      expect(report['earl:result']['earl:outcome'], lang).toBe('pass');
      expect(report['a11y-metadata'].present, lang).toEqual(
        expect.arrayContaining([
          'schema:accessMode',
          'schema:accessModeSufficient',
          'schema:accessibilityFeature',
          'schema:accessibilityHazard',
          'schema:accessibilitySummary',
          'dcterms:conformsTo',
        ]),
      );
    }
  });
});
