/// <reference lib="dom" />
/**
 * The site's search as readers get it. The sample issue's site is built, served by
 * `jlaga serve`'s server and opened in Chromium: the Hungarian search page, asked for
 * `befolyásnak` (a form the issue never uses: its only form is `befolyást`), finds the
 * issue's edition by Hungarian stemming, with its title, issue and passage; the English
 * one finds the English pages only. The search page is clean in axe (320 and 1280 px,
 * light and dark) and in the Nu Html Checker, does not scroll sideways, and without
 * scripts says that it needs them. A second build of the same issues keeps the index; a
 * changed issue makes it anew.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUrl, launchBrowser } from '../../scripts/browser.js';
import type { BrowserSession } from '../../scripts/browser.js';
import { startStaticServer } from '../../scripts/dev/static-server.js';
import type { StaticServer } from '../../scripts/dev/static-server.js';
import { projectRoot } from '../../scripts/project.js';
import { checkHtml } from '../../scripts/release/validators.js';
import { buildSite } from '../../scripts/site/build-site.js';
import { axeViolations, colourRules } from '../axe.js';
import { copyFixtureManuscript, hashTree, locate, tempFolder } from '../helpers.js';

let session: BrowserSession;
let server: StaticServer;
let siteDir: string;

beforeAll(async () => {
  const outputRoot = await tempFolder('jlaga-site-search-');
  ({ siteDir } = await buildSite({ locations: [locate(path.join(projectRoot, 'manuscript', '2026-3'))], outputRoot }));
  server = await startStaticServer({ root: siteDir, port: 0 });
  session = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

interface Shown {
  status: string;
  results: Array<{ href: string; title: string; meta: string; excerpt: string; marked: string[] }>;
}

/** Open the search page of `lang` for `query` (the address a search form sends) and wait for what it shows. */
async function search(page: Page, lang: string, query: string): Promise<Shown> {
  await page.goto(new URL(`${lang}/search/?q=${encodeURIComponent(query)}`, server.url).href, { waitUntil: 'load' });
  await page.waitForFunction(
    () => {
      const text = document.querySelector('.search-page [role="status"]')?.textContent ?? '';
      return text !== '' && !text.endsWith('…');
    },
    { timeout: 20_000 },
  );
  return page.evaluate(() => ({
    status: document.querySelector('.search-page [role="status"]')?.textContent ?? '',
    results: [...document.querySelectorAll('.search-result')].map((item) => ({
      href: item.querySelector('h2 a')?.getAttribute('href') ?? '',
      // As typeset: a one-letter word is tied to the next by a no-break space.
      title: (item.querySelector('h2')?.textContent ?? '').replaceAll('\u00a0', ' '),
      meta: item.querySelector('.search-result-meta')?.textContent ?? '',
      excerpt: (item.querySelector('.search-excerpt')?.textContent ?? '').replaceAll('\u00ad', ''),
      marked: [...item.querySelectorAll('.search-excerpt mark')].map((mark) =>
        (mark.textContent ?? '').replaceAll('\u00ad', ''),
      ),
    })),
  }));
}

async function newPage(): Promise<Page> {
  // The server is on localhost, which the pages of openPage may not load.
  const context = await session.browser.createBrowserContext();
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => undefined));
  return page;
}

describe('the Hungarian search', () => {
  it('finds the issue by a form of a word that its text has only in another form', async () => {
    const text = await readFile(path.join(siteDir, 'hu', '2026-3', 'read', 'index.html'), 'utf8');
    const words = text.replaceAll('\u00ad', '').match(/\bbefolyás\p{L}*/gu) ?? [];
    // The premise: the query's form is nowhere in the issue, and is no prefix of the one that is.
    expect(new Set(words)).toEqual(new Set(['befolyást']));

    const page = await newPage();
    const shown = await search(page, 'hu', 'befolyásnak');
    expect(shown.status).toBe('1 találat erre: „befolyásnak”');
    expect(shown.results).toEqual([
      {
        href: '/hu/2026-3/read/',
        title: 'A dél-koreai–amerikai szövetség stabilitásának átalakulása és geopolitikai újrahangolása (1945–2026)',
        meta: '2026/3. szám · Teljes szöveg',
        excerpt: expect.stringContaining('befolyást') as string,
        marked: ['befolyást'],
      },
    ]);
    // The link leads to the issue's edition.
    await page.click('.search-result h2 a');
    await page.waitForFunction(() => window.location.pathname === '/hu/2026-3/read/');
    expect(await page.title()).toMatch(/^A\sdél-koreai–amerikai szövetség/);
    await page.close();
  });

  it('searches its own language only, and says when nothing is found', async () => {
    const page = await newPage();
    const english = await search(page, 'en', 'recalibration');
    expect(english.results.length).toBeGreaterThan(0);
    expect(english.results.every((result) => result.href.startsWith('/en/2026-3/'))).toBe(true);
    expect(await search(page, 'hu', 'qxqxqx')).toEqual({ status: 'Nincs találat erre: „qxqxqx”.', results: [] });
    await page.close();
  });

  it('is clean in axe at 320 and 1280 px, light and dark, and does not scroll sideways', async () => {
    const page = await newPage();
    await search(page, 'hu', 'szövetségeseinek');
    const problems: string[] = [];
    for (const width of [320, 1280]) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.setViewport({ width, height: 800 });
        const found = await axeViolations(page, undefined, scheme === 'dark' ? colourRules : undefined);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        problems.push(
          ...found.map((violation) => `${width} ${scheme}: ${violation}`),
          ...(wide ? [`${width} ${scheme}: scrolls sideways`] : []),
        );
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says without scripts that the search needs them', async () => {
    const page = await newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(new URL('hu/search/?q=befoly%C3%A1snak', server.url).href, { waitUntil: 'load' });
    expect(await page.$eval('.search-page', (section) => (section as HTMLElement).innerText)).toMatch(
      /A keresés a böngészőben fut, JavaScript kell hozzá\./,
    );
    await page.close();
  });

  it('says, opened from a disk, that the index cannot be read there', async () => {
    const { page } = await session.openPage(siteDir);
    await page.goto(`${fileUrl(path.join(siteDir, 'hu', 'search', 'index.html'))}?q=befoly%C3%A1snak`, {
      waitUntil: 'load',
    });
    await page.waitForFunction(
      () => /lemezről/.test(document.querySelector('.search-page [role="status"]')?.textContent ?? ''),
      {
        timeout: 20_000,
      },
    );
    await page.close();
  });

  it('is clean in the Nu Html Checker, in both languages', async () => {
    const files = await checkHtml([
      path.join(siteDir, 'hu', 'search', 'index.html'),
      path.join(siteDir, 'en', 'search', 'index.html'),
    ]);
    expect(
      files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line ?? 0} ${message.reason}`)),
    ).toEqual([]);
  });
});

describe('the search stage of a site build', () => {
  it('keeps the index while no page changed, and makes it anew when an issue changed', async () => {
    const { issue } = await copyFixtureManuscript();
    const outputRoot = await tempFolder('jlaga-site-index-');
    const lines: string[] = [];
    const build = () => buildSite({ locations: [locate(issue)], outputRoot, progress: (line) => lines.push(line) });
    const first = await build();
    const index = path.join(first.siteDir, 'pagefind');
    expect(JSON.parse(await readFile(path.join(index, 'indexed.json'), 'utf8'))).toMatchObject({
      pages: ['en/2099-1/index.html', 'en/2099-1/read/index.html', 'hu/2099-1/index.html', 'hu/2099-1/read/index.html'],
      languages: { en: 2, hu: 2 },
    });
    expect(lines).toContain('search: 4 pages indexed: en 2, hu 2');
    const made = await hashTree(index);

    // Nothing changed: the site is up to date, the search stage does not run.
    lines.length = 0;
    await build();
    expect(lines.filter((line) => line.startsWith('search:'))).toEqual([]);
    expect(await hashTree(index)).toEqual(made);

    // The issue's folder changed, its pages did not: the index is kept.
    await writeFile(path.join(issue, 'notes.txt'), 'an editor’s note, in no edition\n');
    lines.length = 0;
    await build();
    expect(lines).toContain('search: index kept (no page changed): en 2, hu 2');
    expect(await hashTree(index)).toEqual(made);

    const manuscript = path.join(issue, 'index.md');
    const text = await readFile(manuscript, 'utf8');
    await writeFile(manuscript, text.replace(/\n:::hu\{#([^}\s]+)([^}]*)\}\n/, '\n:::hu{#$1$2}\nVámok. '));
    lines.length = 0;
    await build();
    expect(lines).toContain('search: 4 pages indexed: en 2, hu 2');
    expect(await hashTree(index)).not.toEqual(made);
  }, 120_000);
});
