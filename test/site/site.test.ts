/// <reference lib="dom" />
/**
 * The series' website built from the sample issue (released, with DOIs) and the fixture
 * issue (not built): every page clean in the Nu Html Checker and axe, the feeds Atom, the
 * JSON-LD of the types scholars' engines read, the citation tags on every edition page,
 * the sitemap with every page and its alternates, the Crossref deposits valid against
 * Crossref's schema (read from `../shared/schemas/`, beside the checkout); bad input;
 * and the incremental build.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { fileUrl, launchBrowser } from '../../scripts/browser.js';
import type { BrowserSession } from '../../scripts/browser.js';
import { projectRoot } from '../../scripts/project.js';
import { checkHtml } from '../../scripts/release/validators.js';
import { axeViolations, colourRules } from '../axe.js';
import { hashTree } from '../helpers.js';
import { siteProject } from './site-project.js';
import type { SiteProject } from './site-project.js';

const run = promisify(execFile);
const crossrefSchema = path.join(projectRoot, '..', 'shared', 'schemas', 'crossref', 'schemas', 'crossref5.3.1.xsd');
const base = 'https://jlaga.example.org/analyses/';

let project: SiteProject;
let pages: string[];

/** Every HTML page of the site, by site path. */
async function htmlPages(site: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true });
  return entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => entry.endsWith('.html'))
    .sort();
}

const read = (sitePath: string) => readFile(path.join(project.site, sitePath), 'utf8');

/** The `<head>` elements `<tag attribute…>` of a page, as attribute maps. */
function headElements(html: string, tag: string): Array<Record<string, string>> {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(new RegExp(`<${tag}\\s([^>]*)>`, 'g'))].map((match) => {
    const attributes: Record<string, string> = {};
    for (const pair of (match[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attributes[pair[1] ?? ''] = pair[2] ?? '';
    return attributes;
  });
}

beforeAll(async () => {
  project = await siteProject();
  const result = await project.run();
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  pages = await htmlPages(project.site);
}, 120_000);

describe('the site of the sample and the fixture issue', () => {
  it('has every page of the layout', () => {
    const expected = ['index.html'];
    for (const lang of ['en', 'hu']) {
      expected.push(`${lang}/index.html`, `${lang}/authors/index.html`, `${lang}/about/index.html`);
      expected.push(`${lang}/editors/index.html`, `${lang}/search/index.html`);
      for (const slug of ['2026-3', '2099-1'])
        expected.push(`${lang}/${slug}/index.html`, `${lang}/${slug}/read/index.html`);
    }
    expect(pages).toEqual(expected.sort());
    for (const file of ['sitemap.xml', 'en/feed.xml', 'hu/feed.xml', 'crossref/2026-3.xml'])
      expect(existsSync(path.join(project.site, file)), file).toBe(true);
    // The fixture has no DOIs: no deposit.
    expect(existsSync(path.join(project.site, 'crossref', '2099-1.xml'))).toBe(false);
  });

  it('lists the issues newest first on each home, with names in the language’s order', async () => {
    const en = await read('en/index.html');
    expect(en.indexOf('Testing Alliances')).toBeLessThan(en.indexOf('South Korea'));
    expect(en).toContain('Bálint Jurászik, Éva Nagy');
    const hu = await read('hu/index.html');
    expect(hu).toContain('Jurászik Bálint, Nagy Éva');
    expect(hu).toContain('href="2026-3/read/"');
  });

  it('offers a released issue’s files with their checksums, and says an unbuilt one’s are not built', async () => {
    const released = await read('en/2026-3/index.html');
    expect(released).toContain('href="../../downloads/2026-3/jlaga-2026-3-en.pdf"');
    expect(released).toMatch(/SHA-256 [0-9a-f]{64}/);
    expect(existsSync(path.join(project.site, 'downloads', '2026-3', 'jlaga-2026-3-hu.epub'))).toBe(true);
    expect(await read('hu/2099-1/index.html')).toContain('<code>jlaga build 2099-1</code>');
  });

  it('passes the Nu Html Checker on every page', async () => {
    const problems = await checkHtml(
      pages.map((page) => path.join(project.site, page)),
      { root: project.site },
    );
    expect(problems.flatMap((file) => file.messages.map((message) => `${file.path}: ${String(message)}`))).toEqual([]);
  }, 120_000);

  describe('in Chromium', () => {
    let session: BrowserSession;
    beforeAll(async () => {
      session = await launchBrowser();
    });
    afterAll(async () => {
      await session?.close();
    });

    it('axe finds nothing on any page at 375 and 1280 px, light and dark; nothing scrolls sideways', async () => {
      const found: string[] = [];
      const { page, blocked } = await session.openPage(project.site);
      for (const sitePage of pages) {
        await page.goto(fileUrl(path.join(project.site, sitePage)), { waitUntil: 'load' });
        for (const width of [375, 1280]) {
          await page.setViewport({ width, height: 800 });
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
          for (const violation of await axeViolations(page)) found.push(`${sitePage} ${width}: ${violation}`);
          const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
          if (wide) found.push(`${sitePage} ${width}: scrolls sideways`);
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
          for (const violation of await axeViolations(page, undefined, colourRules))
            found.push(`${sitePage} ${width} dark: ${violation}`);
        }
      }
      expect(found).toEqual([]);
      expect(blocked).toEqual([]);
    }, 240_000);
  });

  it('writes Atom feeds: RFC 4287’s required elements, absolute ids, entries newest first, xml:lang', async () => {
    for (const lang of ['en', 'hu']) {
      const file = path.join(project.site, lang, 'feed.xml');
      await run('xmllint', ['--noout', '--nonet', file]);
      const feed = create(await readFile(file, 'utf8')).root();
      const element = feed.node as unknown as Element;
      expect(element.namespaceURI).toBe('http://www.w3.org/2005/Atom');
      expect(element.localName).toBe('feed');
      expect(element.getAttribute('xml:lang')).toBe(lang);
      const children = (parent: Element, name: string) =>
        [...parent.childNodes].filter(
          (node): node is Element => node.nodeType === 1 && (node as Element).localName === name,
        );
      const text = (parent: Element, name: string) => children(parent, name).map((node) => node.textContent ?? '');
      const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
      expect(text(element, 'id')).toEqual([`${base}${lang}/`]);
      expect(text(element, 'title')).toHaveLength(1);
      expect(text(element, 'updated')[0]).toMatch(rfc3339);
      expect(children(element, 'author')).toHaveLength(1);
      expect(children(element, 'link').map((link) => link.getAttribute('rel'))).toContain('self');
      const entries = children(element, 'entry');
      expect(entries).toHaveLength(2);
      expect(entries.map((entry) => text(entry, 'id')[0])).toEqual([
        `${base}${lang}/2099-1/`,
        `${base}${lang}/2026-3/`,
      ]);
      for (const entry of entries) {
        expect(text(entry, 'title')).toHaveLength(1);
        expect(text(entry, 'updated')).toHaveLength(1);
        expect(text(entry, 'updated')[0]).toMatch(rfc3339);
        expect(children(entry, 'author').length).toBeGreaterThan(0);
        const alternate = children(entry, 'link').find(
          (link) => link.getAttribute('rel') === 'alternate' && link.getAttribute('hreflang') === lang,
        );
        expect(alternate?.getAttribute('href')).toBe(text(entry, 'id')[0]);
      }
    }
  });

  it('describes each edition in JSON-LD: a ScholarlyArticle in its issue and its series, each the other’s translation', async () => {
    for (const slug of ['2026-3', '2099-1']) {
      const articles = await Promise.all(
        ['en', 'hu'].map(async (lang) => {
          const html = await read(`${lang}/${slug}/read/index.html`);
          const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
          return JSON.parse(json) as Record<string, unknown> & {
            isPartOf: { '@type': string; isPartOf: { '@type': string; issn?: string } };
          };
        }),
      );
      const [en, hu] = articles;
      expect(en?.['@type']).toBe('ScholarlyArticle');
      expect(en?.isPartOf['@type']).toBe('PublicationIssue');
      expect(en?.isPartOf.isPartOf['@type']).toBe('Periodical');
      expect(en?.isPartOf.isPartOf.issn).toBe('1234-5679');
      expect(en?.['@id']).toBe(`${base}en/${slug}/read/#article`);
      expect(en?.workTranslation).toEqual([{ '@id': hu?.['@id'], inLanguage: 'hu' }]);
      expect(hu?.translationOfWork).toEqual({ '@id': en?.['@id'], inLanguage: 'en' });
    }
  });

  it('gives every edition page the citation tags Google Scholar reads', async () => {
    for (const page of pages.filter((candidate) => candidate.endsWith('/read/index.html'))) {
      const [lang, slug] = page.split('/');
      const meta = headElements(await read(page), 'meta').filter((element) => element.name?.startsWith('citation_'));
      const names = meta.map((element) => element.name);
      for (const name of [
        'citation_title',
        'citation_author',
        'citation_publication_date',
        'citation_journal_title',
        'citation_issue',
        'citation_language',
        'citation_publisher',
        'citation_issn',
      ])
        expect(names, `${page}: ${name}`).toContain(name);
      expect(meta.find((element) => element.name === 'citation_language')?.content).toBe(lang);
      if (slug === '2026-3') {
        expect(meta.find((element) => element.name === 'citation_doi')?.content).toBe(`10.12345/jlaga.2026.3.${lang}`);
        expect(meta.find((element) => element.name === 'citation_pdf_url')?.content).toBe(
          `${base}downloads/2026-3/jlaga-2026-3-${lang}.pdf`,
        );
        expect(meta.find((element) => element.name === 'citation_publication_date')?.content).toBe('2026/04/09');
      } else {
        expect(names.filter((name) => name === 'citation_author')).toHaveLength(2);
      }
    }
  });

  it('links every page to its other language (hreflang) and to x-default, to pages that exist', async () => {
    for (const page of pages) {
      const alternates = headElements(await read(page), 'link').filter(
        (link) => link.rel === 'alternate' && link.hreflang,
      );
      expect(alternates.map((link) => link.hreflang).sort(), page).toEqual(['en', 'hu', 'x-default']);
      for (const link of alternates) {
        const target = (link.href ?? '').slice(base.length);
        expect(
          existsSync(path.join(project.site, target, target === '' || target.endsWith('/') ? 'index.html' : '')),
          `${page} → ${link.href}`,
        ).toBe(true);
      }
    }
  });

  it('lists every page in the sitemap with its alternates', async () => {
    const xml = await readFile(path.join(project.site, 'sitemap.xml'), 'utf8');
    await run('xmllint', ['--noout', '--nonet', path.join(project.site, 'sitemap.xml')]);
    const urls = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((match) => match[1] ?? '');
    const locs = urls.map((url) => /<loc>([^<]*)<\/loc>/.exec(url)?.[1]);
    // Every page but the search pages, which show nothing of their own to a crawler.
    const listed = pages.filter((page) => !page.endsWith('/search/index.html'));
    expect(locs.sort()).toEqual(listed.map((page) => `${base}${page.replace(/index\.html$/, '')}`).sort());
    for (const url of urls) {
      const hreflangs = [...url.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)"/g)].map((match) => match[1]);
      expect(hreflangs.sort()).toEqual(['en', 'hu', 'x-default']);
    }
  });

  it.runIf(existsSync(crossrefSchema))('writes a Crossref deposit valid against Crossref’s schema', async () => {
    const file = path.join(project.site, 'crossref', '2026-3.xml');
    const { stderr } = await run('xmllint', ['--noout', '--nonet', '--schema', crossrefSchema, file]);
    expect(stderr.endsWith(`${file} validates\n`), stderr).toBe(true);
    expect(await readFile(file, 'utf8')).toContain(`<resource>${base}hu/2026-3/read/</resource>`);
  });

  it('is the same, byte for byte, built again elsewhere', async () => {
    const again = await siteProject();
    const result = await again.run();
    expect(result.code).toBe(0);
    const first = await hashTree(project.site);
    const second = await hashTree(again.site);
    expect(second).toEqual(first);
  }, 120_000);
});

if (!existsSync(crossrefSchema))
  process.stderr.write(
    `Crossref's schemas are not beside the checkout (${crossrefSchema}): the deposit's validation is skipped.\n`,
  );

describe('bad input', () => {
  it.each([['ftp://example.org/'], ['example.org/analyses'], ['https://user:secret@example.org/']])(
    'refuses --base-url %s in one line, exit 2',
    async (url) => {
      const bad = await siteProject();
      const result = await bad.run('--base-url', url);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^Option --base-url: expected .*\n$/);
      expect(existsSync(bad.site)).toBe(false);
    },
  );

  it('leaves out an issue with errors, with its report at its place, and builds the rest (exit 1)', async () => {
    const broken = await siteProject();
    const manuscript = path.join(broken.issues[1] ?? '', 'index.md');
    await writeFile(manuscript, (await readFile(manuscript, 'utf8')).replace('date: 2099-01-15', 'date: 2099-13-15'));
    const result = await broken.run('--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Array<{
      file: string;
      messages: Array<{ line: number; ruleId: string }>;
    }>;
    expect(report.find((file) => file.file.endsWith('2099-1/index.md'))?.messages[0]).toMatchObject({ line: 3 });
    expect(result.stderr).toContain('2099-1: left out of the site');
    expect(existsSync(path.join(broken.site, 'en', '2026-3', 'read', 'index.html'))).toBe(true);
    expect(existsSync(path.join(broken.site, 'en', '2099-1'))).toBe(false);
  }, 120_000);

  it('says where a bad site.url of series.yaml is', async () => {
    const bad = await siteProject();
    const series = path.join(path.dirname(bad.issues[0] ?? ''), 'series.yaml');
    await writeFile(series, (await readFile(series, 'utf8')).replace(`url: ${base}`, 'url: jlaga.example.org'));
    const result = await bad.run();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/series\.yaml\n\d+:\d+ error .*absolute http or https/);
    expect(result.stderr.match(/series\.yaml\n/g)).toHaveLength(1);
    expect(result.stderr).toContain('no issue could be read');
  }, 120_000);
});

describe('the incremental build', () => {
  /** Each file's inode and time of change: what rewriting a file changes. */
  async function fileStates(site: string): Promise<Record<string, string>> {
    const states: Record<string, string> = {};
    for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      const stats = await stat(full);
      states[path.relative(site, full)] = `${stats.ino} ${stats.mtimeMs}`;
    }
    return states;
  }

  it('rewrites no file when nothing changed, and makes only the pages of the issue that changed', async () => {
    const before = await fileStates(project.site);
    const unchanged = await project.run();
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toContain('site: up to date');
    expect(await fileStates(project.site)).toEqual(before);

    const manuscript = path.join(project.issues[1] ?? '', 'index.md');
    await writeFile(
      manuscript,
      (await readFile(manuscript, 'utf8')).replace('Testing Alliances', 'Testing Alliances Again'),
    );
    const changed = await project.run();
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('2099-1: pages made');
    expect(changed.stdout).not.toContain('2026-3: pages made');
    const after = await fileStates(project.site);
    for (const file of Object.keys(before).filter((name) => name.includes('2026-3')))
      expect(after[file], file).toBe(before[file]);
    expect(after[path.join('en', '2099-1', 'index.html')]).not.toBe(before[path.join('en', '2099-1', 'index.html')]);
    expect(await read('en/index.html')).toContain('Testing Alliances Again');
  }, 120_000);
});
